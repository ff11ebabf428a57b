#include "store/calendar_days.hpp"

namespace fazhi::store {

std::vector<ScheduledDay> stored_schedule_days(Connection& conn) {
  std::vector<ScheduledDay> days;
  auto q = conn.statement("SELECT date, kind, holiday, schedule_year FROM calendar_day ORDER BY date");
  while (q->executeStep())
    days.push_back({parse_date(q->getColumn(0).getString()), q->getColumn(1).getString() == "work",
                    q->getColumn(2).getString(), q->getColumn(3).getInt()});
  return days;
}

std::set<int> stored_schedule_years(Connection& conn) {
  std::set<int> years;
  auto q = conn.statement("SELECT DISTINCT schedule_year FROM calendar_day");
  while (q->executeStep()) years.insert(q->getColumn(0).getInt());
  return years;
}

void store_schedule_days(Connection& conn, const std::vector<ScheduledDay>& days) {
  std::set<int> years;
  for (const ScheduledDay& d : days) years.insert(d.schedule_year);
  auto del = conn.statement("DELETE FROM calendar_day WHERE schedule_year = ?");
  for (int y : years) {
    del->reset();
    del->bind(1, y);
    del->exec();
  }
  auto ins = conn.statement(
      "INSERT INTO calendar_day (date, kind, holiday, schedule_year) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, holiday = excluded.holiday, "
      "schedule_year = excluded.schedule_year");
  for (const ScheduledDay& d : days) {
    ins->reset();
    ins->bind(1, format_date(d.date));
    ins->bind(2, d.working ? "work" : "off");
    ins->bind(3, d.holiday);
    ins->bind(4, d.schedule_year);
    ins->exec();
  }
}

}  // namespace fazhi::store
