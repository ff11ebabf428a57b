#include "domain/deadline.hpp"

namespace fazhi::domain {
namespace {

void note(Context& ctx, const std::string& name, const ProvisionalYears& years) {
  if (!years.empty()) ctx.provisional[name].insert(years.begin(), years.end());
}

}  // namespace

Date days_deadline(Context& ctx, const std::string& name, Date event, int days) {
  ProvisionalYears years;
  const Date d = ctx.calendar.calendar_days_deadline(event, days, &years);
  note(ctx, name, years);
  return d;
}

Date working_days_deadline(Context& ctx, const std::string& name, Date event, int days) {
  ProvisionalYears years;
  const Date d = ctx.calendar.add_working_days(event, days, &years);
  note(ctx, name, years);
  return d;
}

int working_days_between(Context& ctx, const std::string& name, Date from, Date to) {
  ProvisionalYears years;
  const int n = ctx.calendar.working_days_between(from, to, &years);
  note(ctx, name, years);
  return n;
}

}  // namespace fazhi::domain
