// fazhi.hpp — the whole C++ API in one include: open a Database, put and act
// on records, compute indicators, draft the annual report; with the calendar,
// periods, dates and errors those calls use.
#pragma once

#include <fazhi/calendar.hpp>
#include <fazhi/date.hpp>
#include <fazhi/database.hpp>
#include <fazhi/error.hpp>
#include <fazhi/indicator.hpp>
#include <fazhi/options.hpp>
#include <fazhi/period.hpp>
