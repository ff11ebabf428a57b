// calendar_days.hpp — the holiday schedules a host loaded, kept in the
// database (table calendar_day) so that every handle on the file uses them.
#pragma once

#include "store/sqlite.hpp"

#include <fazhi/calendar.hpp>

#include <set>
#include <vector>

namespace fazhi::store {

// Every stored day, in date order.
std::vector<ScheduledDay> stored_schedule_days(Connection& conn);

// The schedule years stored.
std::set<int> stored_schedule_years(Connection& conn);

// Replaces the stored days of every schedule year named in `days` by `days`.
// Runs inside the caller's write transaction.
void store_schedule_days(Connection& conn, const std::vector<ScheduledDay>& days);

}  // namespace fazhi::store
