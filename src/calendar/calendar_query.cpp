#include "calendar/calendar_query.hpp"

#include <fazhi/error.hpp>

#include <algorithm>
#include <climits>
#include <map>
#include <string>
#include <vector>

namespace fazhi {
namespace {

using json = nlohmann::json;

// The keys each operation takes besides "op" and "provisional".
const std::map<std::string, std::vector<std::string>>& operations() {
  static const std::map<std::string, std::vector<std::string>> ops = {
      {"is_working_day", {"date"}},
      {"add_working_days", {"date", "days"}},
      {"working_days_between", {"from", "to"}},
      {"days_deadline", {"date", "days"}},
  };
  return ops;
}

Date date_of(const json& request, const std::string& key) {
  const json& v = request.at(key);
  if (!v.is_string()) throw Error(Status::argument, key, "expected a date YYYY-MM-DD");
  return parse_date(v.get_ref<const std::string&>(), key);
}

int days_of(const json& request) {
  const json& v = request.at("days");
  if (!v.is_number_integer() || v.get<std::int64_t>() < INT_MIN || v.get<std::int64_t>() > INT_MAX)
    throw Error(Status::argument, "days", "expected a 32-bit integer");
  return v.get<int>();
}

}  // namespace

json calendar_query_json(const Calendar& calendar, const json& request) {
  if (!request.is_object()) throw Error(Status::argument, "request", "expected a JSON object");
  auto op_it = request.find("op");
  if (op_it == request.end() || !op_it->is_string())
    throw Error(Status::argument, "op",
                "expected is_working_day, add_working_days, working_days_between or days_deadline");
  const std::string op = op_it->get<std::string>();
  auto found = operations().find(op);
  if (found == operations().end())
    throw Error(Status::argument, "op",
                "unknown operation; expected is_working_day, add_working_days, "
                "working_days_between or days_deadline");
  const std::vector<std::string>& keys = found->second;
  bool allow_provisional = true;
  for (auto it = request.begin(); it != request.end(); ++it) {
    if (it.key() == "op") continue;
    if (it.key() == "provisional") {
      if (!it->is_boolean()) throw Error(Status::argument, "provisional", "expected true or false");
      allow_provisional = it->get<bool>();
      continue;
    }
    if (std::find(keys.begin(), keys.end(), it.key()) == keys.end())
      throw Error(Status::argument, it.key(), "is not a key of " + op);
  }
  for (const std::string& k : keys)
    if (!request.contains(k)) throw Error(Status::argument, k, "is required for " + op);

  ProvisionalYears years;
  ProvisionalYears* p = allow_provisional ? &years : nullptr;
  json out;
  if (op == "is_working_day") {
    out["working"] = calendar.is_working_day(date_of(request, "date"), p);
  } else if (op == "add_working_days") {
    out["date"] = format_date(calendar.add_working_days(date_of(request, "date"), days_of(request), p));
  } else if (op == "working_days_between") {
    out["days"] = calendar.working_days_between(date_of(request, "from"), date_of(request, "to"), p);
  } else {
    out["date"] =
        format_date(calendar.calendar_days_deadline(date_of(request, "date"), days_of(request), p));
  }
  out["provisional_years"] = years;
  return out;
}

}  // namespace fazhi
