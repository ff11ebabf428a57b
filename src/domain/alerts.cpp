#include "domain/alerts.hpp"

#include "domain/kind.hpp"
#include "domain/unit_tree.hpp"
#include "json_options.hpp"

#include <fazhi/error.hpp>

#include <map>

namespace fazhi::domain {
namespace {

struct RuleInfo {
  const Kind* kind;
  const DeadlineDecl* decl;
};

// Every declared deadline by rule, in the registry's order.
const std::vector<std::pair<std::string, RuleInfo>>& declared_rules() {
  static const std::vector<std::pair<std::string, RuleInfo>> rules = [] {
    std::vector<std::pair<std::string, RuleInfo>> out;
    for (const Kind* k : all_kinds())
      for (const DeadlineDecl& d : k->deadlines) out.push_back({d.rule, {k, &d}});
    return out;
  }();
  return rules;
}

const RuleInfo* find_rule(const std::string& rule) {
  for (const auto& [name, info] : declared_rules())
    if (name == rule) return &info;
  return nullptr;
}

// The filter shared by the count and the list: the subtree's units, open
// deadlines (met IS NULL, the index's second column), the due
// date up to the rule's horizon, lapsed windows left out. One WHEN per
// declared rule, each bound to that rule's last listed day.
std::string where_clause() {
  std::string sql =
      " FROM due_date d JOIN org_unit u ON u.id = d.unit_id"
      " WHERE u.path >= ? AND u.path < ? AND d.met IS NULL AND d.due <= ? AND (d.lapses = 0 OR d.due >= ?)"
      " AND d.due <= CASE d.rule";
  for (std::size_t i = 0; i < declared_rules().size(); ++i) sql += " WHEN ? THEN ?";
  return sql + " ELSE '' END";
}

std::string fill(const std::string& phrase, const std::string& date) {
  std::string out = phrase;
  const std::string mark = "{date}";
  const auto at = out.find(mark);
  if (at != std::string::npos) out.replace(at, mark.size(), date);
  return out;
}

}  // namespace

std::string chinese_date(const std::string& iso) {
  const Date d = parse_date(iso);
  return std::to_string(static_cast<int>(d.year())) + "年" + std::to_string(static_cast<int>(d.month())) + "月" +
         std::to_string(static_cast<int>(d.day())) + "日";
}

nlohmann::json alerts(store::Connection& conn, const Calendar& calendar, const nlohmann::json& query) {
  JsonOptions options(query, "query");
  const std::optional<std::string> unit = options.text("unit");
  const std::optional<std::string> as_of_text = options.text("as_of");
  const std::optional<std::int64_t> horizon = options.integer("horizon", 0, kMaxAlertHorizon);
  const nlohmann::json* given_horizons = options.raw("horizons");
  const std::int64_t limit = options.integer("limit", 0, kMaxAlertItems).value_or(kDefaultAlertItems);
  const std::int64_t offset = options.integer("offset", 0).value_or(0);
  options.finish();  // an unknown option is named before a missing one
  if (!unit) throw Error(Status::argument, "unit", "is required (the unit whose subtree is listed)");
  if (!as_of_text) throw Error(Status::argument, "as_of", "is required (YYYY-MM-DD)");
  const Date as_of = parse_date(*as_of_text, "as_of");
  const std::string today = format_date(as_of);
  std::map<std::string, int> horizons;
  if (given_horizons) {
    if (!given_horizons->is_object())
      throw Error(Status::argument, "horizons", "expected an object of rule: working days");
    for (auto it = given_horizons->begin(); it != given_horizons->end(); ++it) {
      if (!find_rule(it.key()))
        throw Error(Status::argument, "horizons." + it.key(), "not a deadline rule (see the alerts' rule codes)");
      if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > kMaxAlertHorizon)
        throw Error(Status::argument, "horizons." + it.key(),
                    "expected working days from 0 to " + std::to_string(kMaxAlertHorizon));
      horizons[it.key()] = static_cast<int>(it->get<std::int64_t>());
    }
  }

  // Not a structured binding: the lambda below captures them (C++17).
  const std::pair<std::string, std::string> range = subtree_range(conn, *unit);
  const std::string& lo = range.first;
  const std::string& hi = range.second;
  // Each rule's last listed day: its horizon in working days after as_of
  // (provisional beyond the loaded schedules: a horizon is a reminder).
  std::vector<std::string> until;
  std::string latest = today;
  for (const auto& [rule, info] : declared_rules()) {
    auto it = horizons.find(rule);
    const int days = it != horizons.end() ? it->second : horizon ? static_cast<int>(*horizon) : info.decl->horizon;
    ProvisionalYears assumed;
    until.push_back(format_date(calendar.add_working_days(as_of, days, &assumed)));
    if (until.back() > latest) latest = until.back();
  }
  // Binds the filter's parameters from position `i`; returns the next.
  auto bind_filter = [&](SQLite::Statement& st, int i) {
    st.bind(i++, lo);
    st.bind(i++, hi);
    st.bind(i++, latest);
    st.bind(i++, today);
    for (std::size_t r = 0; r < declared_rules().size(); ++r) {
      st.bind(i++, declared_rules()[r].first);
      st.bind(i++, until[r]);
    }
    return i;
  };

  nlohmann::json out = {{"unit", *unit}, {"as_of", today}, {"items", nlohmann::json::array()}};
  {
    auto q = conn.statement(
        "SELECT count(*), coalesce(sum(d.due < ?1), 0), coalesce(sum(d.due = ?1), 0) " + where_clause());
    // ?1 is as_of; the filter's plain ? parameters are numbered after it.
    q->bind(1, today);
    bind_filter(*q, 2);
    q->executeStep();
    const std::int64_t total = q->getColumn(0).getInt64(), overdue = q->getColumn(1).getInt64(),
                       due = q->getColumn(2).getInt64();
    out["total"] = total;
    out["counts"] = {{"overdue", overdue}, {"due", due}, {"upcoming", total - overdue - due}};
  }
  auto q = conn.statement(
      "SELECT d.kind, d.key, d.rule, d.due, d.counted_from, d.provisional, d.source, u.key, u.name" +
      where_clause() + " ORDER BY d.due, d.key, d.kind, d.rule LIMIT ? OFFSET ?");
  int next = bind_filter(*q, 1);
  q->bind(next++, static_cast<int64_t>(limit));
  q->bind(next, static_cast<int64_t>(offset));
  // Items come in due-date order and many share a day: the working days to
  // each day are counted once.
  std::map<std::string, std::pair<int, bool>> days_to;
  while (q->executeStep()) {
    const std::string rule = q->getColumn(2).getString(), due = q->getColumn(3).getString();
    const RuleInfo* info = find_rule(rule);
    if (!info) throw Error(Status::corrupt, "due_date holds a rule this build does not declare: " + rule);
    const Kind& kind = *info->kind;
    const DeadlineDecl& decl = *info->decl;
    auto known = days_to.find(due);
    if (known == days_to.end()) {
      ProvisionalYears assumed;
      const int n = calendar.working_days_between(as_of, parse_date(due), &assumed);
      known = days_to.emplace(due, std::make_pair(n, !assumed.empty())).first;
    }
    const int working_days = known->second.first;
    const std::string status = due < today ? "overdue" : due == today ? "due" : "upcoming";
    const std::string key = q->getColumn(1).getString();
    std::string message = kind.label + key + fill(decl.phrase, chinese_date(due)) + "，";
    if (status == "due")
      message += "今日到期";
    else if (status == "upcoming")
      message += "剩余" + std::to_string(working_days) + "个工作日";
    else if (working_days < 0)
      message += "已超期" + std::to_string(-working_days) + "个工作日";
    else
      message += "已超期";  // past, on rest days only
    const bool provisional = q->getColumn(5).getInt() != 0 || known->second.second;
    out["items"].push_back({
        {"kind", kind.name},
        {"kind_label", kind.label},
        {"key", key},
        {"unit", q->getColumn(7).getString()},
        {"unit_name", q->getColumn(8).getString()},
        {"rule", rule},
        {"label", decl.label},
        {"due", due},
        {"counted_from", q->getColumn(4).getString()},
        {"counting", counting_code(decl.counting)},
        {"counting_label", counting_label(decl.counting)},
        {"status", status},
        {"working_days", working_days},
        {"source", q->getColumn(6).isNull() ? decl.source : q->getColumn(6).getString()},
        {"provisional", provisional},
        {"message", message},
    });
  }
  return out;
}

}  // namespace fazhi::domain
