// petition — 信访事项 (信访工作条例, 2022).
//
// Deadlines are "N日": calendar days from the day after the event, a last day on
// a rest day moving to the next working day. Acceptance: 15 days from receipt
// (第二十二条、第二十三条). Conclusion: 60 days from acceptance, extended by at
// most 30 days (第三十二条).
#include "domain/deadline.hpp"
#include "domain/kind.hpp"
#include "domain/record_store.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {
namespace {

constexpr const char* kAcceptSource = "信访工作条例 第二十二条、第二十三条";
constexpr const char* kConcludeSource = "信访工作条例 第三十二条";

std::string deadline(Context& ctx, const std::string& name, const std::string& from, int days) {
  return format_date(days_deadline(ctx, name, parse_date(from), days));
}

void complete(Context& ctx, json& v) {
  if (v.contains("received"))
    v["accept_deadline"] = deadline(ctx, "accept_deadline", str(v, "received"), 15);
  if (v.contains("accepted")) {
    int days = 60 + static_cast<int>(v.value("extension_days", std::int64_t{0}));
    v["conclude_deadline"] = deadline(ctx, "conclude_deadline", str(v, "accepted"), days);
  } else {
    v.erase("conclude_deadline");
  }
}

std::vector<Finding> rules(Context&, const json& v) {
  std::vector<Finding> out;
  std::string answered = str(v, "accepted").empty() ? str(v, "declined") : str(v, "accepted");
  std::string accept_by = str(v, "accept_deadline");
  if (!answered.empty() && answered > accept_by)
    out.push_back({"petition.acceptance_15_days", "warning",
                   "未在收到信访事项之日起十五日内告知是否受理（期限届满日 " + accept_by + "）",
                   kAcceptSource, answered, "accept_deadline"});
  if (v.contains("extension_days") && v["extension_days"].get<std::int64_t>() > 30)
    out.push_back({"petition.extension_30_days", "error",
                   "延长办理期限超过三十日（延长 " + std::to_string(v["extension_days"].get<std::int64_t>()) +
                       " 日）",
                   kConcludeSource, str(v, "extended")});
  std::string concluded = str(v, "concluded"), conclude_by = str(v, "conclude_deadline");
  if (!concluded.empty() && !conclude_by.empty() && concluded > conclude_by)
    out.push_back({"petition.conclusion_60_days", "warning",
                   std::string("未在受理之日起六十日内办结") +
                       (v.contains("extension_days") ? "（含延长期限）" : "") + "（期限届满日 " +
                       conclude_by + "）",
                   kConcludeSource, concluded, "conclude_deadline"});
  return out;
}

void not_before(const json& a, const json& v, const std::string& field, const std::string& what) {
  if (str(a, "date") < str(v, field))
    throw Error(Status::argument, "date", "is before " + what + " (" + str(v, field) + ")");
}

void accept(Context&, const json& a, json& v) {
  if (v.contains("declined")) throw Error(Status::conflict, "the petition was declined on " + str(v, "declined"));
  not_before(a, v, "received", "the petition was received");
  record_action_once(v, "accepted", {{"accepted", a["date"]}},
                     "the petition was already accepted on " + str(v, "accepted"));
}

void decline(Context&, const json& a, json& v) {
  if (v.contains("accepted")) throw Error(Status::conflict, "the petition was accepted on " + str(v, "accepted"));
  not_before(a, v, "received", "the petition was received");
  record_action_once(v, "declined", {{"declined", a["date"]}, {"decline_reason", a.value("reason", json())}},
                     "the petition was already declined on " + str(v, "declined"));
}

void extend(Context&, const json& a, json& v) {
  json state = {{"extended", a["date"]}, {"extension_days", a["days"]}};
  if (str(v, "extended") == str(a, "date") && v.value("extension_days", json()) == a["days"])
    return;  // the same extension again (a re-import): nothing to do
  if (!v.contains("accepted")) throw Error(Status::conflict, "only an accepted petition can be extended");
  if (v.contains("concluded")) throw Error(Status::conflict, "the petition was concluded on " + str(v, "concluded"));
  not_before(a, v, "accepted", "the petition was accepted");
  if (a["days"].get<std::int64_t>() < 1) throw Error(Status::argument, "days", "must be at least 1");
  record_action_once(v, "extended", state, "the petition was already extended on " + str(v, "extended"));
}

void conclude(Context&, const json& a, json& v) {
  if (!v.contains("accepted")) throw Error(Status::conflict, "only an accepted petition can be concluded");
  not_before(a, v, "accepted", "the petition was accepted");
  if (a.contains("funds_secured_yuan") && a["funds_secured_yuan"].get<std::int64_t>() < 0)
    throw Error(Status::argument, "funds_secured_yuan", "must not be negative");
  record_action_once(v, "concluded",
                     {{"concluded", a["date"]},
                      {"result", a["result"]},
                      {"funds_secured_yuan", a.value("funds_secured_yuan", json())}},
                     "the petition was already concluded on " + str(v, "concluded"));
}

const std::vector<Code>& results() {
  static const std::vector<Code> c = {{"resolved", "已解决"},
                                      {"explained", "解释说明"},
                                      {"guided_to_litigation", "导入诉讼"},
                                      {"not_supported", "不予支持"},
                                      {"unresolved", "未解决"}};
  return c;
}

Kind declare() {
  Kind k("petition", "信访事项");
  k.event_date_column = "received";
  k.fields = {
      ref("unit", "办理单位", "org_unit").req(),
      date("received", "收到日期").req(),
      code("channel", "信访形式",
           {{"visit", "走访"},
            {"letter", "来信"},
            {"phone", "来电"},
            {"online", "网上信访"},
            {"leader_reception", "领导接访"},
            {"leader_visit", "领导下访"}}),
      text_list("petitioners", "信访人").personal(),
      text("subject", "信访事项"),
      boolean("backlog", "信访积案").def(false),
      date("accepted", "受理日期").set_by("accept"),
      date("declined", "不予受理日期").set_by("decline"),
      text("decline_reason", "不予受理理由").set_by("decline"),
      date("extended", "延期日期").set_by("extend"),
      integer("extension_days", "延长天数").set_by("extend"),
      date("concluded", "办结日期").set_by("conclude"),
      code("result", "办理结果", results()).set_by("conclude"),
      money("funds_secured_yuan", "落实资金").set_by("conclude"),
      date("accept_deadline", "受理期限").computed(),
      date("conclude_deadline", "办结期限").computed(),
  };
  k.complete = complete;
  k.rules = rules;
  // The same computed fields the rules judge by.
  k.deadlines = {
      {"petition.acceptance_15_days", "信访事项受理期限", "应于{date}前告知是否受理", kAcceptSource,
       Counting::calendar_days, "accept_deadline", false, 3,
       [](Context&, const json& v) -> std::optional<OpenDeadline> {
         if (!v.contains("accept_deadline")) return {};
         OpenDeadline d{str(v, "accept_deadline"), str(v, "received")};
         d.met = v.contains("accepted") ? str(v, "accepted") : str(v, "declined");
         return d;
       }},
      {"petition.conclusion_60_days", "信访事项办理期限", "应于{date}前办结", kConcludeSource,
       Counting::calendar_days, "conclude_deadline", false, 3,
       [](Context& ctx, const json& v) -> std::optional<OpenDeadline> {
         if (!v.contains("conclude_deadline")) return {};
         OpenDeadline d{str(v, "conclude_deadline"), str(v, "accepted")};
         d.met = str(v, "concluded");
         if (v.contains("extended")) {
           d.moved_on = str(v, "extended");
           d.due_before = deadline(ctx, "conclude_deadline", str(v, "accepted"), 60);
         }
         return d;
       }},
  };
  k.actions = {
      {"accept", "受理", {date("date", "受理日期").req()}, accept},
      {"decline", "不予受理", {date("date", "日期").req(), text("reason", "理由")}, decline},
      {"extend", "延期", {date("date", "延期日期").req(), integer("days", "延长天数").req()}, extend},
      {"conclude", "办结",
       {date("date", "办结日期").req(), code("result", "办理结果", results()).req(),
        money("funds_secured_yuan", "落实资金")},
       conclude},
  };
  // Petitions are counted when received; conclusions when concluded.
  const Dating received = by_date("received"), concluded = by_date("concluded");
  k.measures = {
      count_of("petition.received", "收到信访事项", received),
      count_of("petition.answered_in_time", "按期告知受理与否的信访事项", received,
               "coalesce(t.accepted, t.declined) <= t.accept_deadline"),
      count_of("petition.concluded", "办结信访事项", concluded),
      count_of("petition.concluded_in_time", "按期办结信访事项", concluded, "t.concluded <= t.conclude_deadline"),
      count_of("petition.resolved", "化解信访问题", concluded,
               "t.result IN ('resolved', 'explained', 'guided_to_litigation')"),
      count_of("petition.backlog_resolved", "化解信访积案", concluded, "t.backlog = 1 AND t.result = 'resolved'"),
      sum_of("petition.funds_secured_yuan", "落实资金", concluded, "t.funds_secured_fen", "yuan"),
      count_of("petition.leader_receptions", "领导接访下访", received,
               "t.channel IN ('leader_reception', 'leader_visit')"),
  };
  k.indicators = {
      figure("petition.received", "信访事项数", "petition.received"),
      rate("petition.timely_acceptance_rate", "信访事项按期受理率", "petition.answered_in_time", "petition.received")
          .full(),
      rate("petition.timely_conclusion_rate", "信访事项按期办结率", "petition.concluded_in_time",
           "petition.concluded")
          .full(),
      figure("petition.resolved", "化解信访问题数", "petition.resolved"),
      figure("petition.backlog_resolved", "化解信访积案数", "petition.backlog_resolved"),
      figure("petition.funds_secured_yuan", "落实司法救助和执行款", "petition.funds_secured_yuan", "yuan"),
      figure("petition.leader_receptions", "领导接访下访数", "petition.leader_receptions"),
  };
  return k;
}

}  // namespace

namespace kinds {
Kind petition() { return declare(); }
}  // namespace kinds

}  // namespace fazhi::domain
