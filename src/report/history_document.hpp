// history_document.hpp — a record's full-process record (全过程记录) as a
// Markdown archive document: what was done, when, by whom, with what result,
// and whether the journal chain verifies.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace fazhi::report {

// `history` is Database::history's result for one record.
std::string history_markdown(const nlohmann::json& history);

}  // namespace fazhi::report
