// name_review.hpp — the review of a report's free text for personal names
// that would go out unmasked. The report masks every name a record holds and
// every name the host asks it to; what it cannot know is a name typed or
// pasted into a narrative that no record holds. Those are found by
// likely_personal_names and listed as warnings for a reviewer, with where
// each comes from, so that the text can be rewritten or the name added to
// the names masked (the report option "mask_names", or a masked_name record).
#pragma once

#include "report/report_data.hpp"

#include <nlohmann/json.hpp>

namespace fazhi::report {

// Warnings, in the order the report prints the texts:
// [{"name", "context", "kind", "key", "field", "message"}], where context is
// the masked text around the name and message a Chinese sentence for the
// reviewer. The text checked is the text as the report prints it (masked),
// so a held name is never warned about. At most kMaxNameWarnings; past that,
// one last warning says how many more texts were not checked.
nlohmann::json name_review(const ReportData& data);

inline constexpr std::size_t kMaxNameWarnings = 200;

}  // namespace fazhi::report
