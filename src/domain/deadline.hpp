// deadline.hpp — statutory deadlines as the kinds' rules compute them.
//
// Each function asks the context's calendar and allows provisional answers: a
// year without a holiday schedule follows the provisional rule (calendar.hpp)
// instead of refusing the record, and the deadline's `name` is noted in
// ctx.provisional with the years it assumed. The record store keeps that note
// on the record and recomputes the record when those years' schedules arrive.
// `name` is the field that stores the deadline, or, for a deadline that is
// only compared (a finding's), the name the finding cites as its `deadline`.
#pragma once

#include "domain/kind.hpp"

#include <string>

namespace fazhi::domain {

// "N日": calendar days from the day after `event`, a last day on a rest day or
// holiday moving to the next working day (民法典 第二百零一至二百零三条).
Date days_deadline(Context& ctx, const std::string& name, Date event, int days);

// "N个工作日": the date `days` working days after `event`.
Date working_days_deadline(Context& ctx, const std::string& name, Date event, int days);

// Working days in (from, to], negative when to is before from.
int working_days_between(Context& ctx, const std::string& name, Date from, Date to);

}  // namespace fazhi::domain
