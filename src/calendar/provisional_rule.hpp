// provisional_rule.hpp — the holidays of a year whose State Council schedule
// is not known yet, by the rule of 全国年节及纪念日放假办法 (revised 2024):
// its 第二条 holidays on their own days, and its 第六条 make-up days off for
// holiday days that fall on a weekend. calendar.hpp states the rule for hosts.
#pragma once

#include <fazhi/calendar.hpp>

#include <map>

namespace fazhi::provisional {

// The years covered: those of the festival-date table
// (src/calendar/cn_festival_dates.csv).
int first_year();
int last_year();

// The listed days of every covered year (all off), built once.
const std::map<Date, ScheduledDay>& days();

}  // namespace fazhi::provisional
