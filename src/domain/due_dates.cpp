#include "domain/due_dates.hpp"

#include "domain/record_store.hpp"
#include "store/calendar_days.hpp"

#include <fazhi/date.hpp>

namespace fazhi::domain {

namespace {

bool provisional(const Context& ctx, const json& values, const std::string& deadline) {
  if (deadline.empty()) return false;
  if (ctx.provisional.count(deadline)) return true;
  auto marks = values.find(provisional_field().name);
  return marks != values.end() && marks->is_object() && marks->contains(deadline);
}

}  // namespace

void refresh_due_dates(Context& ctx, const Kind& kind, std::int64_t id, const std::string& key,
                       std::optional<std::int64_t> unit, const json& values) {
  if (kind.deadlines.empty()) return;
  if (ctx.deferred) ctx.deferred->defer("due_date");
  {
    auto del = ctx.conn.statement("DELETE FROM due_date WHERE kind = ? AND record_id = ?");
    del->bind(1, kind.name);
    del->bind(2, static_cast<int64_t>(id));
    del->exec();
  }
  for (const DeadlineDecl& d : kind.deadlines) {
    const std::optional<OpenDeadline> open = d.open(ctx, values);
    if (!open) continue;
    auto ins = ctx.conn.statement(
        "INSERT INTO due_date (kind, record_id, rule, key, unit_id, due, counted_from, lapses, provisional, "
        "source, met, moved_on, due_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins->bind(1, kind.name);
    ins->bind(2, static_cast<int64_t>(id));
    ins->bind(3, d.rule);
    ins->bind(4, key);
    if (unit)
      ins->bind(5, static_cast<int64_t>(*unit));
    else
      ins->bind(5);
    ins->bind(6, open->due);
    ins->bind(7, open->counted_from);
    ins->bind(8, d.lapses ? 1 : 0);
    ins->bind(9, provisional(ctx, values, d.deadline) ? 1 : 0);
    // Empty texts are stored as NULL: "no statute of its own", "open", "not moved".
    int column = 10;
    for (const std::string* text : {&open->source, &open->met, &open->moved_on, &open->due_before}) {
      if (text->empty())
        ins->bind(column++);
      else
        ins->bind(column++, *text);
    }
    ins->exec();
  }
}

void rebuild_due_dates(store::Connection& conn) {
  Calendar calendar = Calendar::builtin();
  const std::vector<ScheduledDay> days = store::stored_schedule_days(conn);
  if (!days.empty()) calendar.load(days);
  store::Journal journal(conn);
  Context ctx{conn, journal, calendar, Mode::historical, "fazhi（数据库升级）", make_resolver(conn), {}};
  conn.exec("DELETE FROM due_date");
  for (const Kind* kind : all_kinds()) {
    if (kind->deadlines.empty()) continue;
    std::vector<std::int64_t> ids;
    {
      auto q = conn.statement("SELECT id FROM " + kind->table + " ORDER BY id");
      while (q->executeStep()) ids.push_back(q->getColumn(0).getInt64());
    }
    for (const std::int64_t id : ids) {
      std::string key;
      const json values = load_values(conn, *kind, id, &key);
      ctx.provisional.clear();
      refresh_due_dates(ctx, *kind, id, key, record_unit(*kind, id, values), values);
    }
  }
}

std::vector<std::pair<const Kind*, std::int64_t>> records_counted_through(store::Connection& conn,
                                                                         const std::set<int>& years) {
  std::set<std::pair<std::string, std::int64_t>> found;
  for (const int y : years) {
    const std::string first = std::to_string(y) + "-01-01", last = std::to_string(y) + "-12-31";
    auto q = conn.statement(
        "SELECT DISTINCT kind, record_id FROM due_date WHERE due >= ? AND counted_from <= ?");
    q->bind(1, first);
    q->bind(2, last);
    while (q->executeStep()) found.emplace(q->getColumn(0).getString(), q->getColumn(1).getInt64());
  }
  std::vector<std::pair<const Kind*, std::int64_t>> out;
  for (const auto& [kind, id] : found) out.emplace_back(&kind_named(kind), id);
  return out;
}

}  // namespace fazhi::domain
