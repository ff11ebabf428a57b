#include "domain/findings.hpp"

#include "domain/record_store.hpp"

#include <fazhi/error.hpp>
#include <fazhi/period.hpp>

namespace fazhi::domain {

void replace_findings(store::Connection& conn, const Kind& kind, std::int64_t id,
                      const std::string& key, std::optional<std::int64_t> unit_id,
                      const std::vector<Finding>& findings, bool may_have_old) {
  if (may_have_old) {
    auto& del = conn.prepared("DELETE FROM finding WHERE kind = ? AND record_id = ?");
    del.bind(1, kind.name);
    del.bind(2, static_cast<int64_t>(id));
    del.exec();
  }
  for (const Finding& f : findings) {
    auto& ins = conn.prepared(
        "INSERT INTO finding (kind, record_id, key, unit_id, date, rule, severity, message, source, "
        "provisional) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, kind.name);
    ins.bind(2, static_cast<int64_t>(id));
    ins.bind(3, key);
    if (unit_id) ins.bind(4, static_cast<int64_t>(*unit_id)); else ins.bind(4);
    if (f.date.empty()) ins.bind(5); else ins.bind(5, f.date);
    ins.bind(6, f.rule);
    ins.bind(7, f.severity);
    ins.bind(8, f.message);
    ins.bind(9, f.source);
    ins.bind(10, f.provisional ? 1 : 0);
    ins.exec();
  }
}

json record_findings(store::Connection& conn, const std::string& kind, std::int64_t id) {
  json out = json::array();
  auto& q = conn.prepared(
      "SELECT rule, severity, message, source, date, provisional FROM finding "
      "WHERE kind = ? AND record_id = ? ORDER BY id");
  q.bind(1, kind);
  q.bind(2, static_cast<int64_t>(id));
  while (q.executeStep())
    out.push_back({{"rule", q.getColumn(0).getString()},
                   {"severity", q.getColumn(1).getString()},
                   {"message", q.getColumn(2).getString()},
                   {"source", q.getColumn(3).getString()},
                   {"date", q.getColumn(4).isNull() ? json(nullptr) : json(q.getColumn(4).getString())},
                   {"provisional", q.getColumn(5).getInt() != 0}});
  q.reset();
  return out;
}

json list_findings(store::Connection& conn, const json& query) {
  if (!query.is_null() && !query.is_object())
    throw Error(Status::argument, "query", "expected a JSON object");
  std::string where = " WHERE 1";
  std::vector<std::string> texts;
  std::int64_t limit = -1, offset = 0;
  if (query.is_object()) {
    for (auto it = query.begin(); it != query.end(); ++it) {
      const std::string& name = it.key();
      const json& v = it.value();
      auto need_string = [&] {
        if (!v.is_string()) throw Error(Status::argument, name, "expected a string");
        return v.get<std::string>();
      };
      if (name == "unit") {
        auto [lo, hi] = subtree_range(conn, need_string());
        where += " AND f.unit_id IN (SELECT id FROM org_unit WHERE path >= ? AND path < ?)";
        texts.push_back(lo);
        texts.push_back(hi);
      } else if (name == "period") {
        Period p = Period::parse(need_string());
        where += " AND f.date BETWEEN ? AND ?";
        texts.push_back(format_date(p.first()));
        texts.push_back(format_date(p.last()));
      } else if (name == "kind") {
        where += " AND f.kind = ?";
        texts.push_back(kind_named(need_string()).name);
      } else if (name == "rule") {
        where += " AND f.rule = ?";
        texts.push_back(need_string());
      } else if (name == "severity") {
        std::string s = need_string();
        if (s != "error" && s != "warning")
          throw Error(Status::argument, "severity", "expected error or warning");
        where += " AND f.severity = ?";
        texts.push_back(s);
      } else if (name == "limit" || name == "offset") {
        if (!v.is_number_integer() || v.get<std::int64_t>() < 0)
          throw Error(Status::argument, name, "expected a non-negative integer");
        (name == "limit" ? limit : offset) = v.get<std::int64_t>();
      } else {
        throw Error(Status::argument, name, "unknown findings query field");
      }
    }
  }
  auto bind_all = [&](SQLite::Statement& st) {
    int i = 1;
    for (const std::string& t : texts) st.bind(i++, t);
    return i;
  };
  json out = {{"items", json::array()}, {"total", 0}};
  auto& count = conn.prepared("SELECT count(*) FROM finding f" + where);
  bind_all(count);
  count.executeStep();
  out["total"] = count.getColumn(0).getInt64();
  count.reset();
  auto& q = conn.prepared(
      "SELECT f.kind, f.key, u.key, f.date, f.rule, f.severity, f.message, f.source, f.provisional "
      "FROM finding f LEFT JOIN org_unit u ON u.id = f.unit_id" + where +
      " ORDER BY f.date, f.kind, f.key, f.rule LIMIT ? OFFSET ?");
  int i = bind_all(q);
  q.bind(i, static_cast<int64_t>(limit));
  q.bind(i + 1, static_cast<int64_t>(offset));
  while (q.executeStep()) {
    json item = {{"kind", q.getColumn(0).getString()},
                 {"key", q.getColumn(1).getString()},
                 {"rule", q.getColumn(4).getString()},
                 {"severity", q.getColumn(5).getString()},
                 {"message", q.getColumn(6).getString()},
                 {"source", q.getColumn(7).getString()},
                 {"provisional", q.getColumn(8).getInt() != 0}};
    item["unit"] = q.getColumn(2).isNull() ? json(nullptr) : json(q.getColumn(2).getString());
    item["date"] = q.getColumn(3).isNull() ? json(nullptr) : json(q.getColumn(3).getString());
    out["items"].push_back(item);
  }
  q.reset();
  return out;
}

}  // namespace fazhi::domain
