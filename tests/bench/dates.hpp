// dates.hpp — proleptic Gregorian days, enough for generating dates.
#pragma once

#include <string>

namespace bench {

// Days since 1970-01-01.
int day_number(int year, int month, int day);
// "YYYY-MM-DD" of a day number.
std::string day_text(int days);
int year_of(int days);

}  // namespace bench
