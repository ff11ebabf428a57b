// findings.hpp — stored nonconformities (findings) of records.
//
// A record's findings are the current result of its kind's rules: every change
// to the record replaces them. Each cites its source. fz_findings lists them.
#pragma once

#include "domain/kind.hpp"

#include <optional>
#include <vector>

namespace fazhi::domain {

// Replaces the findings of record (kind, id) with `findings`.
void replace_findings(store::Connection& conn, const Kind& kind, std::int64_t id,
                      const std::string& key, std::optional<std::int64_t> unit_id,
                      const std::vector<Finding>& findings, bool may_have_old);

// {"items": [{kind, key, unit, date, rule, severity, message, source,
//             provisional}], "total": n}; provisional: the finding judges by a
// deadline computed with the provisional holiday rule (calendar.hpp).
// query: {"unit": key, "subtree": bool (as fz_list: the unit's own findings,
//         or with subtree its descendants' too), "period": p (by the
//         finding's date), "kind", "rule", "severity", "limit", "offset"}
json list_findings(store::Connection& conn, const json& query);

// The stored findings of record (kind, id): [{rule, severity, message, source, date,
// provisional}].
json record_findings(store::Connection& conn, const std::string& kind, std::int64_t id);

}  // namespace fazhi::domain
