#include "domain/findings.hpp"

#include "domain/unit_tree.hpp"
#include "json_options.hpp"

#include <fazhi/error.hpp>
#include <fazhi/period.hpp>

namespace fazhi::domain {

void replace_findings(store::Connection& conn, const Kind& kind, std::int64_t id,
                      const std::string& key, std::optional<std::int64_t> unit_id,
                      const std::vector<Finding>& findings, bool may_have_old) {
  if (may_have_old) {
    auto del = conn.statement("DELETE FROM finding WHERE kind = ? AND record_id = ?");
    del->bind(1, kind.name);
    del->bind(2, static_cast<int64_t>(id));
    del->exec();
  }
  for (const Finding& f : findings) {
    auto ins = conn.statement(
        "INSERT INTO finding (kind, record_id, key, unit_id, date, rule, severity, message, source, "
        "provisional) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins->bind(1, kind.name);
    ins->bind(2, static_cast<int64_t>(id));
    ins->bind(3, key);
    if (unit_id) ins->bind(4, static_cast<int64_t>(*unit_id)); else ins->bind(4);
    if (f.date.empty()) ins->bind(5); else ins->bind(5, f.date);
    ins->bind(6, f.rule);
    ins->bind(7, f.severity);
    ins->bind(8, f.message);
    ins->bind(9, f.source);
    ins->bind(10, f.provisional ? 1 : 0);
    ins->exec();
  }
}

json record_findings(store::Connection& conn, const std::string& kind, std::int64_t id) {
  json out = json::array();
  auto q = conn.statement(
      "SELECT rule, severity, message, source, date, provisional FROM finding "
      "WHERE kind = ? AND record_id = ? ORDER BY id");
  q->bind(1, kind);
  q->bind(2, static_cast<int64_t>(id));
  while (q->executeStep())
    out.push_back({{"rule", q->getColumn(0).getString()},
                   {"severity", q->getColumn(1).getString()},
                   {"message", q->getColumn(2).getString()},
                   {"source", q->getColumn(3).getString()},
                   {"date", q->getColumn(4).isNull() ? json(nullptr) : json(q->getColumn(4).getString())},
                   {"provisional", q->getColumn(5).getInt() != 0}});
  return out;
}

json list_findings(store::Connection& conn, const json& query) {
  JsonOptions options(query, "query");
  const Scope scope = Scope::read(options);
  const Paging paging = Paging::read(options);
  const std::int64_t limit = paging.limit, offset = paging.offset;
  std::string where = " WHERE 1";
  std::vector<std::string> texts;
  if (scope.unit) {
    if (scope.subtree) {
      auto [lo, hi] = subtree_range(conn, *scope.unit);
      where += " AND " + in_subtree("f.unit_id");
      texts.push_back(lo);
      texts.push_back(hi);
    } else {
      subtree_range(conn, *scope.unit);  // the unit must exist
      where += " AND f.unit_id = (SELECT id FROM org_unit WHERE key = ?)";
      texts.push_back(*scope.unit);
    }
  }
  if (scope.period) {
    where += " AND f.date BETWEEN ? AND ?";
    texts.push_back(format_date(scope.period->first()));
    texts.push_back(format_date(scope.period->last()));
  }
  if (auto kind = options.text("kind")) {
    where += " AND f.kind = ?";
    texts.push_back(kind_named(*kind).name);
  }
  if (auto rule = options.text("rule")) {
    where += " AND f.rule = ?";
    texts.push_back(*rule);
  }
  if (auto severity = options.text("severity")) {
    if (*severity != "error" && *severity != "warning")
      throw Error(Status::argument, "severity", "expected error or warning");
    where += " AND f.severity = ?";
    texts.push_back(*severity);
  }
  options.finish();
  auto bind_all = [&](SQLite::Statement& st) {
    int i = 1;
    for (const std::string& t : texts) st.bind(i++, t);
    return i;
  };
  json out = {{"items", json::array()}, {"total", 0}};
  auto count = conn.statement("SELECT count(*) FROM finding f" + where);
  bind_all(*count);
  count->executeStep();
  out["total"] = count->getColumn(0).getInt64();
  auto q = conn.statement(
      "SELECT f.kind, f.key, u.key, f.date, f.rule, f.severity, f.message, f.source, f.provisional "
      "FROM finding f LEFT JOIN org_unit u ON u.id = f.unit_id" + where +
      " ORDER BY f.date, f.kind, f.key, f.rule LIMIT ? OFFSET ?");
  int i = bind_all(*q);
  q->bind(i, static_cast<int64_t>(limit));
  q->bind(i + 1, static_cast<int64_t>(offset));
  while (q->executeStep()) {
    json item = {{"kind", q->getColumn(0).getString()},
                 {"key", q->getColumn(1).getString()},
                 {"rule", q->getColumn(4).getString()},
                 {"severity", q->getColumn(5).getString()},
                 {"message", q->getColumn(6).getString()},
                 {"source", q->getColumn(7).getString()},
                 {"provisional", q->getColumn(8).getInt() != 0}};
    item["unit"] = q->getColumn(2).isNull() ? json(nullptr) : json(q->getColumn(2).getString());
    item["date"] = q->getColumn(3).isNull() ? json(nullptr) : json(q->getColumn(3).getString());
    out["items"].push_back(item);
  }
  return out;
}

}  // namespace fazhi::domain
