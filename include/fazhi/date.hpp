// date.hpp — calendar dates as fazhi uses them: boost::gregorian::date, written
// and read as ISO "YYYY-MM-DD" and nothing else.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <string>
#include <string_view>

namespace fazhi {

using Date = boost::gregorian::date;

// Parses exactly "YYYY-MM-DD" (a real day, years 1900-9999). Anything else
// throws Error(Status::argument, field, "...") naming `field`.
Date parse_date(std::string_view text, std::string_view field = "date");

// "YYYY-MM-DD".
std::string format_date(Date d);

}  // namespace fazhi
