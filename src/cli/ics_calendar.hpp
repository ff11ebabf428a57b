// The alerts as an iCalendar file (RFC 5545), written with libical: one
// all-day event per deadline, on its due date, so that staff can subscribe
// to their unit's deadlines in an ordinary calendar program.
#ifndef FAZHI_CLI_ICS_CALENDAR_HPP
#define FAZHI_CLI_ICS_CALENDAR_HPP

#include <nlohmann/json.hpp>

#include <string>

namespace fazhi::cli {

// `alerts` is fz_alerts' answer. Each item becomes a VEVENT with
// UID "<rule>/<key>@fazhi" — the same deadline of the same record keeps its
// UID when its date moves (an extension), so a subscribed calendar moves the
// event instead of adding one — DTSTART the due date (VALUE=DATE), DTEND the
// day after, SUMMARY the item's Chinese sentence, DESCRIPTION its rule,
// statute and counting, CATEGORIES 超期 | 今日到期 | 临期. `calendar_name`
// becomes X-WR-CALNAME. Throws CliError if libical refuses a value.
std::string alerts_to_ics(const nlohmann::json& alerts, const std::string& calendar_name);

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_ICS_CALENDAR_HPP
