// coordination_case — 行政争议协调化解案件, coordination_meeting — 协调化解会议:
// the coordination of administrative disputes before or beside litigation,
// reconsideration and petitions (诉源治理).
//
// No statute sets a procedure or a period for this work: it is organised by
// local mechanisms (a government's 行政争议协调化解中心, joint meetings of the
// court, the justice bureau and the departments concerned). So the kinds hold
// what the reports quote — cases taken on, how each ended, the meetings held
// and the agencies that took part — and check only that the records agree
// with one another; they raise no findings.
//
// A case comes from a lawsuit, a reconsideration, a petition or elsewhere,
// and may name the lawsuit or reconsideration_case it stems from (only a
// case of that source may). It ends once, by `conclude`, with one of five
// outcomes; 补救后胜诉 (the agency remedied its act and then won) needs a
// lawsuit or a reconsideration to win, so only those sources may end so.
//
// Indicators. Cases are counted when received (受理) and when concluded
// (办结, any outcome: the cases handled). The resolution rate is the
// composite the assessments ask for: concluded as 实质化解 or 补救后胜诉 over
// every case concluded in the period, both by the conclusion date, so a
// rate never mixes two periods. Meetings are counted by their date. The
// agencies involved are the distinct org units named as agencies by the
// subtree's meetings held and cases received in the period, wherever those
// units sit in the tree (a township's coordination may involve county
// departments): the view coordination_agency (store/schema.cpp) holds one
// row per (record, agency), and the count is a distinct count over the whole
// subtree, which does not add up over units (indicator_decl.hpp).
#include "domain/kind.hpp"
#include "quote.hpp"

#include <fazhi/error.hpp>

#include <set>

namespace fazhi::domain {
namespace {

// A ref_list may not name the same record twice: an agency listed twice is
// a typo, and would read as two in the record if not in the count.
void no_repeats(const json& v, const char* field) {
  auto it = v.find(field);
  if (it == v.end()) return;
  std::set<std::string> seen;
  for (const json& key : *it)
    if (!seen.insert(key.get<std::string>()).second)
      throw Error(Status::argument, field, "names " + quote(key.get<std::string>()) + " twice");
}

const std::vector<Code>& sources() {
  static const std::vector<Code> c = {
      {"litigation", "行政诉讼"}, {"reconsideration", "行政复议"}, {"petition", "信访"}, {"other", "其他"}};
  return c;
}

const std::vector<Code>& outcomes() {
  static const std::vector<Code> c = {{"resolved", "实质化解"},
                                      {"won_after_remedy", "补救后胜诉"},
                                      {"withdrawn", "撤诉或撤回申请"},
                                      {"lost", "败诉"},
                                      {"unresolved", "未化解"}};
  return c;
}

void validate_case(Context&, const json& v, std::optional<std::int64_t>) {
  const std::string source = str(v, "source");
  if (v.contains("lawsuit") && source != "litigation")
    throw Error(Status::argument, "lawsuit",
                "names a lawsuit, so the source must be litigation (it is " + quote(source) + ")");
  if (v.contains("reconsideration") && source != "reconsideration")
    throw Error(Status::argument, "reconsideration",
                "names a reconsideration case, so the source must be reconsideration (it is " + quote(source) +
                    ")");
  if (str(v, "outcome") == "won_after_remedy" && source != "litigation" && source != "reconsideration")
    throw Error(Status::argument, "outcome",
                "won_after_remedy (补救后胜诉) ends a lawsuit or a reconsideration, not a case of source " +
                    quote(source));
  if (v.contains("concluded") && str(v, "concluded") < str(v, "received"))
    throw Error(Status::argument, "concluded",
                str(v, "concluded") + " is before the case was received (" + str(v, "received") + ")");
  no_repeats(v, "agencies");
}

void conclude(Context&, const json& a, json& v) {
  if (str(a, "date") < str(v, "received"))
    throw Error(Status::argument, "date", "is before the case was received (" + str(v, "received") + ")");
  record_action_once(v, "concluded", {{"concluded", a["date"]}, {"outcome", a["outcome"]}},
                     "the case was already concluded on " + str(v, "concluded") + " (" + str(v, "outcome") + ")");
}

Kind declare_case() {
  Kind k("coordination_case", "行政争议协调化解案件");
  k.event_date_column = "received";
  k.fields = {
      ref("unit", "协调化解单位", "org_unit").req(),
      text("case_number", "案件编号"),
      text("title", "争议事项"),
      date("received", "受理日期").req(),
      code("source", "争议来源", sources()).req(),
      ref("lawsuit", "关联行政诉讼", "lawsuit"),
      ref("reconsideration", "关联行政复议", "reconsideration_case"),
      ref_list("agencies", "参与单位", "org_unit"),
      date("concluded", "办结日期").set_by("conclude"),
      code("outcome", "化解结果", outcomes()).set_by("conclude"),
  };
  k.validate = validate_case;
  k.actions = {
      {"conclude", "办结", {date("date", "办结日期").req(), code("outcome", "化解结果", outcomes()).req()}, conclude},
  };
  const Dating received = by_date("received"), concluded = by_date("concluded");
  k.measures = {
      count_of("coordination.received", "受理的行政争议", received),
      count_of("coordination.handled", "办结的行政争议", concluded),
      count_of("coordination.resolved", "实质化解的行政争议", concluded, "t.outcome = 'resolved'"),
      count_of("coordination.resolved_or_remedied", "实质化解或补救后胜诉的行政争议", concluded,
               "t.outcome IN ('resolved', 'won_after_remedy')"),
  };
  k.indicators = {
      figure("coordination.received", "受理行政争议数", "coordination.received")
          .by("t.source", "coordination_case.source"),
      figure("coordination.handled", "办结行政争议数", "coordination.handled")
          .by("t.outcome", "coordination_case.outcome"),
      figure("coordination.resolved", "实质化解行政争议数", "coordination.resolved"),
      rate("coordination.resolution_rate", "行政争议化解率", "coordination.resolved_or_remedied",
           "coordination.handled"),
  };
  return k;
}

// A meeting discusses cases already taken on: one received after the
// meeting is a wrong key or a wrong date.
void validate_meeting(Context& ctx, const json& v, std::optional<std::int64_t>) {
  no_repeats(v, "agencies");
  no_repeats(v, "cases");
  if (!v.contains("cases")) return;
  auto q = ctx.conn.statement(
      "SELECT key, received FROM coordination_case WHERE key IN (SELECT value FROM json_each(?)) AND received > ? "
      "ORDER BY received, key LIMIT 1");
  q->bind(1, v["cases"].dump());
  q->bind(2, str(v, "date"));
  if (!q->executeStep()) return;
  const std::string key = q->getColumn(0).getString(), received = q->getColumn(1).getString();
  q->reset();
  throw Error(Status::argument, "cases",
              "case " + quote(key) + " was received on " + received + ", after the meeting (" + str(v, "date") + ")");
}

Kind declare_meeting() {
  Kind k("coordination_meeting", "行政争议协调化解会议");
  k.event_date_column = "date";
  k.fields = {
      ref("unit", "召集单位", "org_unit").req(),
      date("date", "会议日期").req(),
      text("topic", "议题"),
      ref_list("cases", "协调案件", "coordination_case"),
      ref_list("agencies", "参会单位", "org_unit"),
  };
  k.validate = validate_meeting;
  k.measures = {
      count_of("coordination.meetings", "行政争议协调化解会议", by_date("date")),
      // Over both kinds' agencies: the view's rows are dated by the
      // meeting's date or the case's receipt.
      distinct_of("coordination.agencies", "参与协调化解的单位", by_date("date"), "t.agency")
          .rows_of_view("coordination_agency"),
  };
  k.indicators = {
      figure("coordination.meetings", "行政争议协调会议数", "coordination.meetings"),
      figure("coordination.agencies", "参与协调化解单位数", "coordination.agencies"),
  };
  return k;
}

}  // namespace

namespace kinds {
Kind coordination_case() { return declare_case(); }
Kind coordination_meeting() { return declare_meeting(); }
}  // namespace kinds

}  // namespace fazhi::domain
