// record_summary.hpp — one line of Chinese that says what a record is, for
// lists that name records by key (fz_explain's records that a ratio's
// numerator leaves out): its dates and its closed-set values by their labels,
// and the yes/no facts that hold, in declaration order, e.g.
//   受理日期：2022-04-11；案件来源：当事人申请；纠纷类型：房屋宅基地纠纷；结案日期：2022-04-22；调解结果：调解不成
// Free text, names, amounts and references are left out: the line carries no
// personal name, and the record itself is one fz_get away.
#pragma once

#include "domain/kind.hpp"

#include <string>

namespace fazhi::domain {

// `record` in interchange form (get_record's result).
std::string record_summary(const Kind& kind, const json& record);

}  // namespace fazhi::domain
