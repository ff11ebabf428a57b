// deadline_decl.hpp — the open statutory deadlines a record kind declares.
//
// A kind's rules judge a deadline after the fact (a finding when a petition
// was concluded late); its deadline declarations say, for a record as it
// stands, which deadlines apply, when they fall due and the day each was met
// (none while it is open). The record store writes them to the derived table
// due_date in the same transaction as the record (domain/due_dates.hpp);
// alerts (domain/alerts.hpp) read its open rows, and the indicators
// alerts.overdue and alerts.concluded_late (domain/deadline_indicators.hpp) all of
// them. Both halves take the due date from one place — the record's computed
// deadline field, or one helper that the finding calls as well — so that a
// finding and an alert can never disagree about the day.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>

namespace fazhi::domain {

struct Context;
using json = nlohmann::json;

// How the deadline is counted, as the statute words it.
enum class Counting {
  calendar_days,  // "N日": from the day after the event, a last day on a rest day moving on
  working_days,   // "N个工作日": working days of the holiday schedule
  fixed_date,     // a date the record states (a certificate's expiry, an engagement's end)
};

// "calendar_days" | "working_days" | "fixed_date".
const char* counting_code(Counting c);
// "日（期满日遇节假日顺延）" | "工作日" | "到期日".
const char* counting_label(Counting c);

// A deadline of one record, open or met.
struct OpenDeadline {
  std::string due;           // YYYY-MM-DD, the last day on which the duty is met
  std::string counted_from;  // YYYY-MM-DD, the event the deadline runs from
  // The statute when it depends on the record (a reconsideration case
  // received before 2024 follows the 2017 text); empty: the declaration's.
  std::string source = {};
  // YYYY-MM-DD, the day of the action that met the duty (accepted,
  // concluded, filed, ...); empty while the deadline is open.
  std::string met = {};
  // An extension recorded on `moved_on` moved the due date from
  // `due_before`: until that day the record was due on `due_before`, which
  // is what "overdue as of a day" before the extension judges by. Both
  // empty when nothing moved it.
  std::string moved_on = {};
  std::string due_before = {};
};

struct DeadlineDecl {
  // Stable code. When a finding judges the same deadline after the fact, it
  // is the finding's rule ("petition.acceptance_15_days").
  std::string rule;
  std::string label;   // Chinese name, e.g. "信访事项受理期限"
  // The Chinese sentence's middle, "{date}" standing for the due date:
  // "应于{date}前告知是否受理". No personal names: the sentence names the
  // record by its kind and key only.
  std::string phrase;
  std::string source;  // the statute, e.g. "信访工作条例 第二十二条、第二十三条"
  Counting counting = Counting::calendar_days;
  // The name deadline.hpp notes a provisional computation under (the
  // record's deadline field, or the finding's `deadline`).
  std::string deadline;
  // A deadline that is an option or the end of a window (judicial
  // confirmation may be applied for; an engagement ends): it leaves the list
  // after its last day instead of turning red.
  bool lapses = false;
  // Working days before the due date from which the item is listed (临期).
  int horizon = 3;
  // The deadline on `values` (the record's complete stored values), open or
  // met (OpenDeadline::met); nullopt when it does not apply (a declined
  // petition has no conclusion deadline, an officer no longer active no
  // certificate to renew). A deadline that lapses is returned only while
  // open: it cannot be met late.
  std::function<std::optional<OpenDeadline>(Context&, const json& values)> open;
};

}  // namespace fazhi::domain
