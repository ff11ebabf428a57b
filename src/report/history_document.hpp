// history_document.hpp — a record's full-process record (全过程记录) as a
// Markdown archive document: what was done, when, by whom, with what result,
// and whether the journal chain verifies.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace fazhi::report {

// The name (or title) of the record of `kind` whose key is `key`, or "" when
// it has none or no longer exists.
using RecordName = std::function<std::string(const std::string& kind, const std::string& key)>;

// `history` is Database::history's result for one record. The document reads
// as Chinese throughout: times are Beijing time (UTC+8, said once above the
// table), a reference to another record is its name with its key
// (决策机关：阳新经济开发区管委会（yx-kfq）) as `name_of` gives it, and every
// code (a field's, a party's role or type, a review's result) is shown by its
// label from the kind's declarations. Personal names are left as they are:
// the caller masks the whole text.
std::string history_markdown(const nlohmann::json& history, const RecordName& name_of);

// "2026-11-27T21:12:33.123Z" (UTC, as the journal writes it) as Beijing time
// "2026-11-28 05:12:33"; any other text is returned unchanged.
std::string beijing_time(const std::string& utc);

}  // namespace fazhi::report
