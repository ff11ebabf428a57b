// reconsideration_case — 行政复议案件, under 中华人民共和国行政复议法 as revised
// in 2023 (in force 2024-01-01); an application received before 2024 is
// judged by the text it was made under (the 2017 amendment of the 1999 law),
// and its findings cite that text.
//
// The case belongs to the 复议机关 that handles it (`organ`, stored as the
// record's unit_id): a government's figures count the applications it
// reviewed. The respondent (被申请人) is a unit of the tree
// (`respondent_unit`) or, when it is not in the tree, named in `respondent`.
//
// Periods, as the law counts them:
// * Review of the application: 五日 after receipt (第三十条第一款; 2017:
//   第十七条). 第八十八条第二款 (2017: 第四十条第二款) makes the act's 三日、
//   五日、七日、十日 working days (工作日, 不含法定休假日), so the deadline is
//   the fifth working day after receipt, by the working-day calendar.
// * Decision: 六十日 from acceptance (第六十二条第一款; 2017: 第三十一条),
//   extended with approval by at most 三十日; 三十日 in the simplified
//   procedure (第六十二条第二款, which has no extension: a case that needs
//   longer is turned into an ordinary one, 第五十五条). Other periods are
//   counted as the 民事诉讼法 counts 期间 (第八十八条第一款; 2017: 第四十条
//   第一款): from the day after acceptance, a last day that is a rest day or
//   holiday moving to the next working day — the library's "N日" rule
//   (deadline.hpp). An extension adds its days to the sixty, as a petition's
//   does.
// * Acceptance: the accept date when one is recorded; without one the
//   application is deemed accepted on the day the review period ends
//   (第三十条第三款), or under the 2017 text on the day it was received
//   (第十七条第二款), and the decision period runs from then.
#include "domain/reconsideration_case.hpp"

#include "domain/deadline.hpp"
#include "domain/findings.hpp"
#include "domain/kind.hpp"
#include "domain/record_store.hpp"
#include "store/calendar_days.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {
namespace {

constexpr const char* kRevisionInForce = "2024-01-01";

// The text a case is judged by: the revision from 2024-01-01, before it the
// 2017 amendment (no simplified procedure there).
struct Law {
  const char* review_source;
  const char* decision_source;
  const char* simplified_source;
  bool deemed_on_receipt;  // 2017 第十七条第二款; 2023: at the end of the review period
};

constexpr Law kRevised = {"行政复议法 第三十条、第八十八条", "行政复议法 第六十二条第一款",
                          "行政复议法 第六十二条第二款", false};
constexpr Law kAmended2017 = {"行政复议法（2017年修正）第十七条、第四十条", "行政复议法（2017年修正）第三十一条",
                              "行政复议法 第六十二条第二款", true};

const Law& law_of(const json& v) { return str(v, "received") >= kRevisionInForce ? kRevised : kAmended2017; }

// When the decision period starts: the accept date, or the day the law deems
// the application accepted; "" for a declined application.
std::string period_start(const json& v) {
  if (v.contains("declined")) return {};
  if (v.contains("accepted")) return str(v, "accepted");
  return law_of(v).deemed_on_receipt ? str(v, "received") : str(v, "accept_deadline");
}

int decision_days(const json& v) {
  if (v.value("simplified", false)) return 30;  // no extension in the simplified procedure
  return 60 + static_cast<int>(v.value("extension_days", std::int64_t{0}));
}

// The date the case ended, by decision, settlement or withdrawal; "".
std::string concluded_on(const json& v) {
  for (const char* field : {"decided", "settled", "withdrawn"})
    if (v.contains(field)) return str(v, field);
  return {};
}

void complete(Context& ctx, json& v) {
  if (v.contains("received"))
    v["accept_deadline"] =
        format_date(working_days_deadline(ctx, "accept_deadline", parse_date(str(v, "received")), 5));
  const std::string start = period_start(v);
  if (!start.empty())
    v["decide_deadline"] =
        format_date(days_deadline(ctx, "decide_deadline", parse_date(start), decision_days(v)));
  else
    v.erase("decide_deadline");
  const std::string concluded = concluded_on(v);
  if (!concluded.empty())
    v["concluded"] = concluded;
  else
    v.erase("concluded");
}

void validate(Context&, const json& v, std::optional<std::int64_t>) {
  if (!v.contains("respondent_unit") && str(v, "respondent").empty())
    throw Error(Status::argument, "respondent_unit",
                "is required (or name a respondent outside the unit tree in respondent)");
  const std::string received = str(v, "received");
  if (v.value("simplified", false) && received < kRevisionInForce)
    throw Error(Status::argument, "simplified",
                "the simplified procedure exists from 2024-01-01 (行政复议法 2023年修订 第五十三条); "
                "this application was received on " + received);
  for (const char* field : {"accepted", "declined", "extended", "decided", "settled", "withdrawn"})
    if (v.contains(field) && str(v, field) < received)
      throw Error(Status::argument, field, str(v, field) + " is before the application was received (" +
                                               received + ")");
}

std::vector<Finding> rules(Context&, const json& v) {
  std::vector<Finding> out;
  const Law& law = law_of(v);
  const std::string answered = v.contains("accepted") ? str(v, "accepted") : str(v, "declined");
  const std::string review_by = str(v, "accept_deadline");
  if (!answered.empty() && answered > review_by)
    out.push_back({"reconsideration_case.review_5_days", "warning",
                   std::string("未在收到行政复议申请后五个工作日内审查决定是否受理（审查期限届满日 ") + review_by +
                       "，" + (v.contains("accepted") ? "受理" : "决定不予受理") + "日 " + answered + "）",
                   law.review_source, answered, "accept_deadline"});
  if (v.contains("extension_days")) {
    const std::int64_t days = v["extension_days"].get<std::int64_t>();
    if (v.value("simplified", false))
      out.push_back({"reconsideration_case.extension_simplified", "error",
                     "适用简易程序审理的案件延长审理期限（应经批准转为普通程序审理）",
                     "行政复议法 第六十二条第二款、第五十五条", str(v, "extended")});
    else if (days > 30)
      out.push_back({"reconsideration_case.extension_30_days", "error",
                     "延长行政复议期限超过三十日（延长 " + std::to_string(days) + " 日）", law.decision_source,
                     str(v, "extended")});
  }
  const std::string decided = str(v, "decided"), decide_by = str(v, "decide_deadline");
  if (!decided.empty() && !decide_by.empty() && decided > decide_by) {
    const bool simplified = v.value("simplified", false);
    std::string what = simplified ? "适用简易程序审理，未在受理之日起三十日内作出行政复议决定"
                                  : "未在受理之日起六十日内作出行政复议决定";
    if (!simplified && v.contains("extension_days")) what += "（含延长期限）";
    out.push_back({"reconsideration_case.decision_period", "warning",
                   what + "（期限届满日 " + decide_by + "，决定日 " + decided + "）",
                   simplified ? law.simplified_source : law.decision_source, decided, "decide_deadline"});
  }
  return out;
}

// The conclusion the case already has ("decided on 2024-03-01"), or "".
std::string conclusion(const json& v) {
  if (v.contains("decided")) return "decided on " + str(v, "decided");
  if (v.contains("settled")) return "settled on " + str(v, "settled");
  if (v.contains("withdrawn")) return "withdrawn on " + str(v, "withdrawn");
  return {};
}

void not_before(const json& a, const json& v, const std::string& field, const std::string& what) {
  if (v.contains(field) && str(a, "date") < str(v, field))
    throw Error(Status::argument, "date", "is before " + what + " (" + str(v, field) + ")");
}

void not_declined(const json& v) {
  if (v.contains("declined"))
    throw Error(Status::conflict, "the application was declined on " + str(v, "declined"));
}

// A case ends once: a different conclusion than the one it has is a conflict.
void not_concluded_otherwise(const json& v, const char* by) {
  if (!v.contains(by) && !conclusion(v).empty())
    throw Error(Status::conflict, "the case was " + conclusion(v));
}

void accept(Context&, const json& a, json& v) {
  not_declined(v);
  not_before(a, v, "received", "the application was received");
  record_action_once(v, "accepted", {{"accepted", a["date"]}},
                     "the application was already accepted on " + str(v, "accepted"));
}

void decline(Context&, const json& a, json& v) {
  if (v.contains("accepted"))
    throw Error(Status::conflict, "the application was accepted on " + str(v, "accepted"));
  not_concluded_otherwise(v, "declined");
  not_before(a, v, "received", "the application was received");
  record_action_once(v, "declined", {{"declined", a["date"]}, {"decline_reason", a.value("reason", json())}},
                     "the application was already declined on " + str(v, "declined"));
}

void extend(Context&, const json& a, json& v) {
  if (str(v, "extended") == str(a, "date") && v.value("extension_days", json()) == a["days"])
    return;  // the same extension again (a re-import): nothing to do
  not_declined(v);
  if (!conclusion(v).empty()) throw Error(Status::conflict, "the case was " + conclusion(v));
  not_before(a, v, "received", "the application was received");
  not_before(a, v, "accepted", "the application was accepted");
  if (a["days"].get<std::int64_t>() < 1) throw Error(Status::argument, "days", "must be at least 1");
  record_action_once(v, "extended", {{"extended", a["date"]}, {"extension_days", a["days"]}},
                     "the period was already extended on " + str(v, "extended"));
}

void decide(Context&, const json& a, json& v) {
  not_declined(v);
  not_concluded_otherwise(v, "decided");
  not_before(a, v, "received", "the application was received");
  not_before(a, v, "accepted", "the application was accepted");
  record_action_once(v, "decided", {{"decided", a["date"]}, {"outcome", a.value("outcome", json())}},
                     "the case was already decided on " + str(v, "decided"));
}

void settle(Context&, const json& a, json& v) {
  not_declined(v);
  not_concluded_otherwise(v, "settled");
  not_before(a, v, "received", "the application was received");
  not_before(a, v, "accepted", "the application was accepted");
  record_action_once(v, "settled", {{"settled", a["date"]}, {"settlement_kind", a.value("kind", json())}},
                     "the case was already settled on " + str(v, "settled"));
}

void withdraw(Context&, const json& a, json& v) {
  not_declined(v);
  not_concluded_otherwise(v, "withdrawn");
  not_before(a, v, "received", "the application was received");
  record_action_once(v, "withdrawn",
                     {{"withdrawn", a["date"]}, {"after_correction", a.value("after_correction", json())}},
                     "the application was already withdrawn on " + str(v, "withdrawn"));
}

const std::vector<Code>& outcomes() {
  // 第六十三条 to 第六十九条: 变更, 撤销, 确认违法, 责令履行, 确认无效, 维持, 驳回.
  static const std::vector<Code> c = {{"upheld", "维持"},
                                      {"revoked", "撤销"},
                                      {"changed", "变更"},
                                      {"confirmed_illegal", "确认违法"},
                                      {"ordered_to_act", "责令履行"},
                                      {"confirmed_invalid", "确认无效"},
                                      {"dismissed", "驳回"}};
  return c;
}

const std::vector<Code>& settlement_kinds() {
  static const std::vector<Code> c = {{"mediation", "调解"}, {"conciliation", "和解"}};
  return c;
}

Kind declare() {
  Kind k("reconsideration_case", "行政复议案件");
  k.event_date_column = "received";
  k.fields = {
      ref("organ", "行政复议机关", "org_unit").req().stored_as("unit_id"),
      ref("respondent_unit", "被申请人", "org_unit"),
      text("respondent", "被申请人名称").organisational(),
      text("case_number", "案号"),
      date("received", "收到申请日期").req(),
      text_list("applicants", "申请人").personal(),
      code("category", "案件类别",
           {{"penalty", "行政处罚"},
            {"compulsory_measure", "行政强制"},
            {"license", "行政许可"},
            {"information_disclosure", "政府信息公开"},
            {"inaction", "不履行法定职责"},
            {"land_housing", "土地房屋征收"},
            {"social_security", "社会保障"},
            {"other", "其他"}})
          .req(),
      // Where the application was handed in (a service point of the tree).
      ref("intake_point", "申请接收点", "org_unit"),
      boolean("simplified", "适用简易程序").def(false),
      date("accepted", "受理日期").set_by("accept"),
      date("declined", "不予受理日期").set_by("decline"),
      text("decline_reason", "不予受理理由").set_by("decline"),
      date("extended", "延期日期").set_by("extend"),
      integer("extension_days", "延长天数").set_by("extend"),
      date("decided", "决定日期").set_by("decide"),
      code("outcome", "决定结果", outcomes()).set_by("decide"),
      date("settled", "调解和解日期").set_by("settle"),
      code("settlement_kind", "调解或和解", settlement_kinds()).set_by("settle"),
      date("withdrawn", "撤回申请日期").set_by("withdraw"),
      boolean("after_correction", "被申请人纠正后撤回").set_by("withdraw"),
      date("accept_deadline", "受理审查期限").computed(),
      date("decide_deadline", "决定期限").computed(),
      date("concluded", "审结日期").computed(),
  };
  k.complete = complete;
  k.validate = validate;
  k.rules = rules;
  // The same computed fields the rules judge by.
  k.deadlines = {
      {"reconsideration_case.review_5_days", "行政复议受理审查期限", "应于{date}前审查决定是否受理",
       kRevised.review_source, Counting::working_days, "accept_deadline", false, 3,
       [](Context&, const json& v) -> std::optional<OpenDeadline> {
         if (!v.contains("accept_deadline")) return {};
         OpenDeadline d{str(v, "accept_deadline"), str(v, "received"), law_of(v).review_source};
         // Met by the first of: accepted, declined, the case ended before either.
         for (const char* field : {"accepted", "declined", "concluded"})
           if (v.contains(field) && (d.met.empty() || str(v, field) < d.met)) d.met = str(v, field);
         return d;
       }},
      {"reconsideration_case.decision_period", "行政复议决定期限", "应于{date}前作出行政复议决定",
       kRevised.decision_source, Counting::calendar_days, "decide_deadline", false, 3,
       [](Context& ctx, const json& v) -> std::optional<OpenDeadline> {
         if (!v.contains("decide_deadline")) return {};
         const Law& law = law_of(v);
         OpenDeadline d{str(v, "decide_deadline"), period_start(v),
                        v.value("simplified", false) ? law.simplified_source : law.decision_source};
         d.met = str(v, "concluded");
         if (v.contains("extended") && v.contains("extension_days") && !v.value("simplified", false)) {
           d.moved_on = str(v, "extended");
           d.due_before = format_date(days_deadline(ctx, "decide_deadline", parse_date(d.counted_from), 60));
         }
         return d;
       }},
  };
  k.actions = {
      {"accept", "受理", {date("date", "受理日期").req()}, accept},
      {"decline", "不予受理", {date("date", "日期").req(), text("reason", "理由")}, decline},
      {"extend", "延长审理期限", {date("date", "延期日期").req(), integer("days", "延长天数").req()}, extend},
      // The outcome may be missing only where it is not known (a record moved
      // from a lawsuit concluded without one).
      {"decide", "作出决定", {date("date", "决定日期").req(), code("outcome", "决定结果", outcomes())}, decide},
      {"settle", "调解和解结案", {date("date", "日期").req(), code("kind", "调解或和解", settlement_kinds())},
       settle},
      {"withdraw", "撤回申请",
       {date("date", "日期").req(), boolean("after_correction", "被申请人纠正后撤回")}, withdraw},
  };
  // Applications are counted when received, acceptances when accepted,
  // decisions when decided, every conclusion (decision, settlement,
  // withdrawal) when concluded.
  const Dating received = by_date("received"), accepted = by_date("accepted"), decided = by_date("decided"),
               concluded = by_date("concluded");
  const std::string corrected = "t.outcome IN ('revoked', 'changed', 'confirmed_illegal', 'ordered_to_act', "
                                "'confirmed_invalid')";
  k.measures = {
      count_of("reconsideration.received", "收到的行政复议申请", received),
      // The code these cases were counted under while a lawsuit held them
      // (before schema 9), kept for hosts and saved custom indicators.
      count_of("litigation.reconsiderations", "行政复议案件", received),
      count_of("reconsideration.accepted", "受理的行政复议案件", accepted),
      count_of("reconsideration.decided", "作出行政复议决定的案件", decided),
      count_of("reconsideration.corrected", "决定纠错的案件", decided, corrected),
      count_of("reconsideration.decided_in_time", "按期作出决定的案件", decided, "t.decided <= t.decide_deadline"),
      count_of("reconsideration.concluded", "审结的行政复议案件", concluded),
      count_of("reconsideration.settled", "调解和解及纠正后撤回的案件", concluded,
               "t.settled IS NOT NULL OR (t.withdrawn IS NOT NULL AND t.after_correction = 1)"),
  };
  k.indicators = {
      figure("reconsideration.received", "行政复议申请数", "reconsideration.received")
          .by("t.category", "reconsideration_case.category"),
      figure("reconsideration.accepted", "受理行政复议案件数", "reconsideration.accepted"),
      figure("reconsideration.concluded", "审结行政复议案件数", "reconsideration.concluded"),
      figure("reconsideration.by_outcome", "行政复议决定数", "reconsideration.decided")
          .by("t.outcome", "reconsideration_case.outcome"),
      rate("reconsideration.correction_rate", "行政复议纠错率", "reconsideration.corrected",
           "reconsideration.decided"),
      rate("reconsideration.settlement_rate", "行政复议调解和解率", "reconsideration.settled",
           "reconsideration.concluded"),
      rate("reconsideration.timely_decision_rate", "行政复议按期决定率", "reconsideration.decided_in_time",
           "reconsideration.decided")
          .full(),
  };
  return k;
}

}  // namespace

namespace kinds {
Kind reconsideration_case() { return declare(); }
}  // namespace kinds

void finish_moved_reconsiderations(store::Connection& conn) {
  const Kind& kind = kind_named("reconsideration_case");
  std::vector<std::int64_t> moved;
  {
    auto q = conn.statement("SELECT id FROM moved_reconsideration ORDER BY id");
    while (q->executeStep()) moved.push_back(q->getColumn(0).getInt64());
  }
  conn.exec("DROP TABLE moved_reconsideration");
  if (moved.empty()) return;
  // The calendar a handle on this file will use: the built-in schedules and
  // those the host loaded into it.
  Calendar calendar = Calendar::builtin();
  const std::vector<ScheduledDay> days = store::stored_schedule_days(conn);
  if (!days.empty()) calendar.load(days);
  store::Journal journal(conn);
  Context ctx{conn, journal, calendar, Mode::historical, "fazhi（数据库升级）", make_resolver(conn), {}};
  for (const std::int64_t id : moved) {
    std::string key;
    json v = load_values(conn, kind, id, &key);
    // A moved case was never declined (a lawsuit had no such outcome): it
    // was accepted on the day the law deems it, which the accept entry below
    // records. Its deadlines follow from that.
    ctx.provisional.clear();
    complete(ctx, v);
    v["accepted"] = period_start(v);
    ctx.provisional.clear();
    complete(ctx, v);
    std::vector<Finding> findings = rules(ctx, v);
    json marks;
    for (const auto& [name, years] : ctx.provisional) marks[name] = years;
    for (Finding& f : findings) f.provisional = !f.deadline.empty() && ctx.provisional.count(f.deadline);
    auto st = conn.statement(
        "UPDATE reconsideration_case SET accepted = ?, accept_deadline = ?, decide_deadline = ?, concluded = ?, "
        "provisional_deadlines = ? WHERE id = ?");
    int i = 1;
    for (const char* field : {"accepted", "accept_deadline", "decide_deadline", "concluded"}) {
      if (v.contains(field)) st->bind(i++, str(v, field));
      else st->bind(i++);
    }
    if (marks.is_null()) st->bind(i++);
    else st->bind(i++, marks.dump());
    st->bind(i, static_cast<int64_t>(id));
    st->exec();
    replace_findings(conn, kind, id, key, v["organ"].get<std::int64_t>(), findings, true);

    // The journal: the move, with the fields a host gives, then the actions.
    const json record = get_record(conn, kind, id);
    json change = {{"from", {{"kind", "lawsuit"}, {"id", id}}}};
    for (const Field& f : kind.fields)
      if (f.origin == Origin::input && record.contains(f.name)) change[f.name] = record[f.name];
    if (record.contains("ext")) change["ext"] = record["ext"];
    journal.append(ctx.actor, kind.name, key, id, store::kMoveOp, change, true);
    journal.append(ctx.actor, kind.name, key, id, "accept", {{"date", record["accepted"]}});
    if (!record.contains("concluded")) continue;
    json args = {{"date", record["concluded"]}};
    if (record.contains("decided")) {
      if (record.contains("outcome")) args["outcome"] = record["outcome"];
      journal.append(ctx.actor, kind.name, key, id, "decide", args);
    } else {
      journal.append(ctx.actor, kind.name, key, id, record.contains("settled") ? "settle" : "withdraw", args);
    }
  }
  journal.flush_head();
}

}  // namespace fazhi::domain
