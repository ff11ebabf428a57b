#include "ics_calendar.hpp"

#include <libical/ical.h>

#include <ctime>
#include <memory>

#include "cli_error.hpp"

namespace fazhi::cli {
namespace {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

// "2023-10-07" as an iCalendar DATE value.
icaltimetype ical_date(const std::string& iso) {
  icaltimetype t = icaltime_null_date();
  t.year = std::stoi(iso.substr(0, 4));
  t.month = std::stoi(iso.substr(5, 2));
  t.day = std::stoi(iso.substr(8, 2));
  t.is_date = 1;
  return t;
}

const char* category(const std::string& status) {
  if (status == "overdue") return "超期";
  if (status == "due") return "今日到期";
  return "临期";
}

}  // namespace

std::string alerts_to_ics(const nlohmann::json& alerts, const std::string& calendar_name) {
  Component calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//fazhi//alerts//ZH"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
  icalproperty* name = icalproperty_new_x(calendar_name.c_str());
  icalproperty_set_x_name(name, "X-WR-CALNAME");
  icalcomponent_add_property(calendar.get(), name);
  const icaltimetype stamp = icaltime_from_timet_with_zone(std::time(nullptr), 0, icaltimezone_get_utc_timezone());
  for (const nlohmann::json& item : alerts.at("items")) {
    icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_component(calendar.get(), event);  // owned by the calendar from here on
    const std::string uid = item.at("rule").get<std::string>() + "/" + item.at("key").get<std::string>() + "@fazhi";
    icalcomponent_add_property(event, icalproperty_new_uid(uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
    const icaltimetype due = ical_date(item.at("due").get<std::string>());
    icalcomponent_add_property(event, icalproperty_new_dtstart(due));
    icaltimetype after = due;
    icaltime_adjust(&after, 1, 0, 0, 0);
    icalcomponent_add_property(event, icalproperty_new_dtend(after));
    icalcomponent_add_property(event, icalproperty_new_summary(item.at("message").get<std::string>().c_str()));
    const std::string description = item.at("label").get<std::string>() + "（" + item.at("rule").get<std::string>() +
                                    "）\n依据：" + item.at("source").get<std::string>() + "\n计算方式：" +
                                    item.at("counting_label").get<std::string>() + "\n单位：" +
                                    item.at("unit_name").get<std::string>();
    icalcomponent_add_property(event, icalproperty_new_description(description.c_str()));
    icalcomponent_add_property(event, icalproperty_new_categories(category(item.at("status").get<std::string>())));
    icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
  }
  char* text = icalcomponent_as_ical_string_r(calendar.get());
  if (text == nullptr) throw CliError(kExitData, "生成 iCalendar 文件: " + std::string(icalerror_strerror(icalerrno)));
  std::string out(text);
  icalmemory_free_buffer(text);
  return out;
}

}  // namespace fazhi::cli
