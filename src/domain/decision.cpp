// decision — 重大行政决策 (重大行政决策程序暂行条例, 2019).
//
// The procedure is recorded as actions (public participation, expert
// argumentation, risk assessment, legality review, collective discussion,
// publication, archive, ...). The rules checked on every change:
//   - collective discussion needs a legality review that passed (lawful or
//     lawful with revisions) and was completed on or before the meeting, and
//     every procedure the decision requires done by then (第二十五条、第二十八条):
//     an error, refused in strict mode;
//   - publication before adoption: an error (第三十条);
//   - a comment period under 30 days (第十五条; a window, so its first and
//     last day both count) and a legality review given under 7 working days
//     (第二十六条): warnings, not raised for an urgent decision that states
//     its reason.
#include "domain/deadline.hpp"
#include "domain/kind.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {
namespace {

constexpr const char* kDiscussionSource = "重大行政决策程序暂行条例 第二十五条、第二十八条";
constexpr const char* kPublicationSource = "重大行政决策程序暂行条例 第三十条";
constexpr const char* kCommentSource = "重大行政决策程序暂行条例 第十五条";
constexpr const char* kReviewSource = "重大行政决策程序暂行条例 第二十六条";
constexpr const char* kArchiveSource = "重大行政决策程序暂行条例 第三十三条（及时归档，按30日计）";
// 第三十三条 asks for timely ("及时") archiving and gives no number. fazhi
// reads "timely" as thirty days, counted as a statutory "N日" from the meeting
// that adopted the decision (the rest-day shift included) — the reading the
// indicator decision.timely_archive_rate takes by default (its archive_days).
// The statute named with the deadline says so, so that no one takes the
// thirty days for the regulation's own words.
constexpr int kArchiveDays = 30;
// 第二十六条: the review is given "一般不少于7个工作日".
constexpr int kReviewWorkingDays = 7;

bool flag(const json& v, const char* name) { return v.contains(name) && v[name].get<bool>(); }

bool review_passed(const json& v) {
  std::string r = str(v, "review_result");
  return r == "lawful" || r == "lawful_with_revisions";
}

bool adopted(const json& v) {
  std::string o = str(v, "outcome");
  return o == "adopted" || o == "adopted_with_revisions";
}

// The procedures the decision requires that were not done by `day`.
std::vector<std::string> missing_procedures(const json& v, const std::string& day) {
  std::vector<std::string> missing;
  auto done_by = [&](const char* field) {
    std::string d = str(v, field);
    return !d.empty() && d <= day;
  };
  if (flag(v, "requires_public_participation") && !done_by("participation_end"))
    missing.push_back("公众参与");
  if (flag(v, "requires_expert_argumentation") && !done_by("argumentation_date"))
    missing.push_back("专家论证");
  if (flag(v, "requires_risk_assessment") && !done_by("risk_assessment_date"))
    missing.push_back("风险评估");
  if (!(review_passed(v) && done_by("review_completed"))) missing.push_back("合法性审查（审查通过）");
  return missing;
}

void complete(Context&, json& v) {
  // Derived status: drafting -> in_review -> ready -> adopted | rejected |
  // deferred -> published -> archived; suspended / withdrawn at any point.
  std::string status = "drafting";
  if (v.contains("review_submitted") || v.contains("participation_start") ||
      v.contains("argumentation_date") || v.contains("risk_assessment_date"))
    status = "in_review";
  if (missing_procedures(v, "9999-12-31").empty()) status = "ready";
  if (v.contains("discussed")) {
    std::string o = str(v, "outcome");
    status = adopted(v) ? "adopted" : o;
  }
  if (v.contains("published")) status = "published";
  if (v.contains("archived")) status = "archived";
  if (v.contains("suspended")) status = "suspended";
  if (v.contains("withdrawn")) status = "withdrawn";
  v["status"] = status;
}

void validate(Context&, const json& v, std::optional<std::int64_t>) {
  if (flag(v, "urgent") && str(v, "urgent_reason").empty())
    throw Error(Status::argument, "urgent_reason", "is required for an urgent decision");
  if (v.contains("catalog_year")) {
    std::int64_t y = v["catalog_year"].get<std::int64_t>();
    if (y < 2000 || y > 9999) throw Error(Status::argument, "catalog_year", "must be a year");
  }
}

std::vector<Finding> rules(Context& ctx, const json& v) {
  std::vector<Finding> out;
  bool relaxed = flag(v, "urgent") && !str(v, "urgent_reason").empty();
  std::string discussed = str(v, "discussed");
  if (!discussed.empty()) {
    std::vector<std::string> missing = missing_procedures(v, discussed);
    if (!missing.empty()) {
      std::string list;
      for (const std::string& m : missing) list += (list.empty() ? "" : "、") + m;
      out.push_back({"decision.discussion_before_procedures", "error",
                     "提交集体讨论（" + discussed + "）前未完成：" + list +
                         "；未经合法性审查或者经审查不合法的，不得提交集体讨论",
                     kDiscussionSource, discussed});
    }
  }
  std::string published = str(v, "published");
  if (!published.empty() && !(adopted(v) && discussed <= published))
    out.push_back({"decision.publication_before_adoption", "error",
                   "决策经集体讨论决定通过前予以公布（" + published + "）", kPublicationSource, published});
  std::string start = str(v, "participation_start"), end = str(v, "participation_end");
  if (!relaxed && !start.empty() && !end.empty()) {
    // A window given by its first and last day counts both (6月1日至6月30日
    // is 30 days, the usual reading of "不少于30日"). It is a minimum period,
    // not a deadline running from an event: 民法典 第二百零一条's "from the
    // next day" and 第二百零三条's rest-day shift do not apply to it.
    long days = (parse_date(end) - parse_date(start)).days() + 1;
    if (days < 30)
      out.push_back({"decision.comment_period_30_days", "warning",
                     "征求意见期限 " + std::to_string(days) + " 日，少于30日（" + start + " 至 " + end + "）",
                     kCommentSource, end});
  }
  std::string submitted = str(v, "review_submitted"), completed = str(v, "review_completed");
  if (!relaxed && !submitted.empty() && !completed.empty()) {
    int days = working_days_between(ctx, "review_working_days", parse_date(submitted), parse_date(completed));
    if (days < kReviewWorkingDays)
      out.push_back({"decision.review_7_working_days", "warning",
                     "合法性审查时间 " + std::to_string(days) + " 个工作日，少于7个工作日（" + submitted + " 送审，" +
                         completed + " 完成）",
                     kReviewSource, completed, "review_working_days"});
  }
  return out;
}

// Every action names its date; the marker field records it.
void not_withdrawn(const json& v) {
  if (v.contains("withdrawn")) throw Error(Status::conflict, "the decision was withdrawn on " + str(v, "withdrawn"));
}

void participation(Context&, const json& a, json& v) {
  not_withdrawn(v);
  if (str(a, "end") < str(a, "start")) throw Error(Status::argument, "end", "is before start");
  record_action_once(v, "participation_start",
                     {{"participation_start", a["start"]},
                      {"participation_end", a["end"]},
                      {"participation_comments", a.value("comments", json())},
                      {"hearing_held", a.value("hearing_held", json())},
                      {"feedback_published", a.value("feedback_published", json())}},
                     "public participation was already recorded");
}

void argumentation(Context&, const json& a, json& v) {
  not_withdrawn(v);
  record_action_once(v, "argumentation_date",
                     {{"argumentation_date", a["date"]},
                      {"experts", a.value("experts", json())},
                      {"argumentation_conclusion", a.value("conclusion", json())}},
                     "expert argumentation was already recorded");
}

void risk(Context&, const json& a, json& v) {
  not_withdrawn(v);
  record_action_once(v, "risk_assessment_date",
                     {{"risk_assessment_date", a["date"]},
                      {"risk_level", a["level"]},
                      {"risk_conclusion", a.value("conclusion", json())}},
                     "the risk assessment was already recorded");
}

// A draft found unlawful is revised and reviewed again: before the collective
// discussion a later review replaces the earlier one.
void review(Context&, const json& a, json& v) {
  not_withdrawn(v);
  if (str(a, "completed") < str(a, "submitted"))
    throw Error(Status::argument, "completed", "is before submitted");
  json state = {{"review_submitted", a["submitted"]},
                {"review_completed", a["completed"]},
                {"reviewer", a.value("reviewer", json())},
                {"review_result", a["result"]},
                {"review_opinion", a.value("opinion", json())}};
  bool same = true;
  for (auto it = state.begin(); it != state.end(); ++it)
    if (v.value(it.key(), json()) != it.value()) same = false;
  if (same) return;
  if (v.contains("discussed"))
    throw Error(Status::conflict, "the decision was already discussed on " + str(v, "discussed"));
  if (v.contains("review_completed") && str(a, "completed") < str(v, "review_completed"))
    throw Error(Status::conflict, "a later legality review (" + str(v, "review_completed") + ") is recorded");
  for (auto it = state.begin(); it != state.end(); ++it) {
    if (it->is_null()) v.erase(it.key());
    else v[it.key()] = *it;
  }
}

// A deferred decision may be discussed again; an adopted or rejected one not.
void discussion(Context&, const json& a, json& v) {
  not_withdrawn(v);
  json state = {{"discussed", a["date"]}, {"meeting", a["meeting"]}, {"outcome", a["outcome"]}};
  if (v.contains("discussed") && str(v, "outcome") == "deferred" && str(a, "date") > str(v, "discussed")) {
    for (auto it = state.begin(); it != state.end(); ++it) v[it.key()] = *it;
    return;
  }
  record_action_once(v, "discussed", state,
                     "the decision was already discussed on " + str(v, "discussed") + " (" + str(v, "outcome") + ")");
}

void publication(Context&, const json& a, json& v) {
  not_withdrawn(v);
  record_action_once(v, "published", {{"published", a["date"]}, {"publication_channel", a.value("channel", json())}},
                     "the decision was already published on " + str(v, "published"));
}

void archive(Context&, const json& a, json& v) {
  record_action_once(v, "archived",
                     {{"archived", a["date"]},
                      {"archive_items", a.value("items", json())},
                      {"archive_complete", a.value("complete", false)}},
                     "the decision was already archived on " + str(v, "archived"));
}

void implementation(Context&, const json& a, json& v) {
  if (!adopted(v)) throw Error(Status::conflict, "only an adopted decision is implemented");
  record_action_once(v, "implementation_reported",
                     {{"implementation_reported", a["date"]}, {"implementation_findings", a.value("findings", json())}},
                     "implementation was already reported on " + str(v, "implementation_reported"));
}

void evaluation(Context&, const json& a, json& v) {
  if (!adopted(v)) throw Error(Status::conflict, "only an adopted decision is evaluated");
  record_action_once(v, "post_evaluated",
                     {{"post_evaluated", a["date"]}, {"post_evaluation_findings", a.value("findings", json())}},
                     "the post-evaluation was already recorded on " + str(v, "post_evaluated"));
}

void suspend(Context&, const json& a, json& v) {
  not_withdrawn(v);
  record_action_once(v, "suspended", {{"suspended", a["date"]}, {"suspend_reason", a.value("reason", json())}},
                     "the decision was already suspended on " + str(v, "suspended"));
}

void withdraw(Context&, const json& a, json& v) {
  record_action_once(v, "withdrawn", {{"withdrawn", a["date"]}, {"withdraw_reason", a.value("reason", json())}},
                     "the decision was already withdrawn on " + str(v, "withdrawn"));
}

const std::vector<Code>& review_results() {
  static const std::vector<Code> c = {
      {"lawful", "合法"}, {"lawful_with_revisions", "修改后合法"}, {"unlawful", "不合法"}};
  return c;
}
const std::vector<Code>& meetings() {
  static const std::vector<Code> c = {{"executive_meeting", "常务会议"},
                                      {"plenary_meeting", "全体会议"},
                                      {"party_working_committee", "党工委会议"},
                                      {"director_office_meeting", "主任办公会"},
                                      {"other", "其他会议"}};
  return c;
}
const std::vector<Code>& outcomes() {
  static const std::vector<Code> c = {{"adopted", "通过"},
                                      {"adopted_with_revisions", "修改后通过"},
                                      {"deferred", "暂缓"},
                                      {"rejected", "不予通过"}};
  return c;
}
const std::vector<Code>& risk_levels() {
  static const std::vector<Code> c = {{"low", "低风险"}, {"medium", "中风险"}, {"high", "高风险"}};
  return c;
}

Kind declare() {
  Kind k("decision", "重大行政决策");
  k.event_date_column = "discussed";
  k.fields = {
      ref("unit", "决策机关", "org_unit").req(),
      text("title", "决策事项").req(),
      integer("catalog_year", "目录年度"),
      date("catalogued", "列入公布的决策事项目录日期"),
      boolean("requires_public_participation", "需公众参与").def(true),
      boolean("requires_expert_argumentation", "需专家论证").def(false),
      boolean("requires_risk_assessment", "需风险评估").def(false),
      boolean("urgent", "紧急决策").def(false),
      text("urgent_reason", "紧急理由"),
      date("participation_start", "征求意见开始").set_by("public_participation"),
      date("participation_end", "征求意见结束").set_by("public_participation"),
      integer("participation_comments", "收到意见数").set_by("public_participation"),
      boolean("hearing_held", "举行听证").set_by("public_participation"),
      boolean("feedback_published", "公开意见采纳情况").set_by("public_participation"),
      date("argumentation_date", "专家论证日期").set_by("expert_argumentation"),
      integer("experts", "论证专家人数").set_by("expert_argumentation"),
      text("argumentation_conclusion", "论证结论").set_by("expert_argumentation"),
      date("risk_assessment_date", "风险评估日期").set_by("risk_assessment"),
      code("risk_level", "风险等级", risk_levels()).set_by("risk_assessment"),
      text("risk_conclusion", "评估结论").set_by("risk_assessment"),
      date("review_submitted", "送审日期").set_by("legality_review"),
      date("review_completed", "审查完成日期").set_by("legality_review"),
      text("reviewer", "审查机构").set_by("legality_review").organisational(),
      code("review_result", "审查结论", review_results()).set_by("legality_review"),
      text("review_opinion", "审查意见").set_by("legality_review"),
      date("discussed", "集体讨论日期").set_by("collective_discussion"),
      code("meeting", "会议", meetings()).set_by("collective_discussion"),
      code("outcome", "讨论结果", outcomes()).set_by("collective_discussion"),
      date("published", "公布日期").set_by("publication"),
      text("publication_channel", "公布渠道").set_by("publication"),
      date("archived", "归档日期").set_by("archive"),
      text_list("archive_items", "归档材料").set_by("archive"),
      boolean("archive_complete", "材料齐全").set_by("archive"),
      date("implementation_reported", "执行情况报告日期").set_by("implementation_report"),
      text("implementation_findings", "执行情况").set_by("implementation_report"),
      date("post_evaluated", "决策后评估日期").set_by("post_evaluation"),
      text("post_evaluation_findings", "评估结论").set_by("post_evaluation"),
      date("suspended", "暂停执行日期").set_by("suspend"),
      text("suspend_reason", "暂停理由").set_by("suspend"),
      date("withdrawn", "撤回日期").set_by("withdraw"),
      text("withdraw_reason", "撤回理由").set_by("withdraw"),
      code("status", "状态",
           {{"drafting", "起草"},
            {"in_review", "论证审查中"},
            {"ready", "待集体讨论"},
            {"adopted", "已通过"},
            {"rejected", "未通过"},
            {"deferred", "暂缓"},
            {"published", "已公布"},
            {"archived", "已归档"},
            {"suspended", "暂停执行"},
            {"withdrawn", "已撤回"}})
          .computed(),
  };
  k.complete = complete;
  k.validate = validate;
  k.rules = rules;
  k.deadlines = {
      // The end of the comment window: listed while it runs out, gone after
      // its last day (a window, not a duty that can be late).
      {"decision.comment_period_end", "征求意见期限", "征求意见期限至{date}届满", kCommentSource,
       Counting::fixed_date, "", true, 3,
       [](Context&, const json& v) -> std::optional<OpenDeadline> {
         if (!v.contains("participation_end") || v.contains("discussed") || v.contains("withdrawn")) return {};
         return OpenDeadline{str(v, "participation_end"), str(v, "participation_start")};
       }},
      // The review's minimum time (第二十六条: 一般不少于7个工作日) as a
      // reminder: the decision goes to the collective discussion no earlier
      // than the seventh working day after the draft was sent for review —
      // the day on which the finding decision.review_7_working_days stops
      // warning of a review that was given too little time. A minimum, not a
      // duty that can be late: it lapses, listed until that day while the
      // decision is not discussed (nor withdrawn, nor urgent with its reason).
      {"decision.review_7_working_days", "合法性审查最短期限", "的合法性审查时间至{date}满7个工作日，方可提交集体讨论",
       kReviewSource, Counting::working_days, "review_working_days", true, 3,
       [](Context& ctx, const json& v) -> std::optional<OpenDeadline> {
         const bool relaxed = flag(v, "urgent") && !str(v, "urgent_reason").empty();
         if (relaxed || !v.contains("review_submitted") || v.contains("discussed") || v.contains("withdrawn"))
           return {};
         const std::string submitted = str(v, "review_submitted");
         return OpenDeadline{
             format_date(working_days_deadline(ctx, "review_working_days", parse_date(submitted), kReviewWorkingDays)),
             submitted};
       }},
      {"decision.archive_30_days", "重大行政决策归档期限", "应于{date}前归档", kArchiveSource,
       Counting::calendar_days, "archive_deadline", false, 3,
       [](Context& ctx, const json& v) -> std::optional<OpenDeadline> {
         if (!adopted(v) || v.contains("withdrawn") || !v.contains("discussed")) return {};
         const std::string discussed = str(v, "discussed");
         OpenDeadline d{format_date(days_deadline(ctx, "archive_deadline", parse_date(discussed), kArchiveDays)),
                        discussed};
         d.met = str(v, "archived");
         return d;
       }},
  };
  k.actions = {
      {"public_participation", "公众参与",
       {date("date", "日期"), date("start", "征求意见开始").req(), date("end", "征求意见结束").req(),
        integer("comments", "收到意见数"), boolean("hearing_held", "举行听证"),
        boolean("feedback_published", "公开意见采纳情况")},
       participation},
      {"expert_argumentation", "专家论证",
       {date("date", "论证日期").req(), integer("experts", "专家人数"), text("conclusion", "论证结论")},
       argumentation},
      {"risk_assessment", "风险评估",
       {date("date", "评估日期").req(), code("level", "风险等级", risk_levels()).req(),
        text("conclusion", "评估结论")},
       risk},
      {"legality_review", "合法性审查",
       {date("date", "日期"), date("submitted", "送审日期").req(), date("completed", "审查完成日期").req(),
        text("reviewer", "审查机构"), code("result", "审查结论", review_results()).req(),
        text("opinion", "审查意见")},
       review},
      {"collective_discussion", "集体讨论决定",
       {date("date", "会议日期").req(), code("meeting", "会议", meetings()).req(),
        code("outcome", "讨论结果", outcomes()).req()},
       discussion},
      {"publication", "公布", {date("date", "公布日期").req(), text("channel", "公布渠道")}, publication},
      {"archive", "归档",
       {date("date", "归档日期").req(), text_list("items", "归档材料"), boolean("complete", "材料齐全")},
       archive},
      {"implementation_report", "执行情况报告",
       {date("date", "报告日期").req(), text("findings", "执行情况")}, implementation},
      {"post_evaluation", "决策后评估", {date("date", "评估日期").req(), text("findings", "评估结论")},
       evaluation},
      {"suspend", "暂停执行", {date("date", "日期").req(), text("reason", "理由")}, suspend},
      {"withdraw", "撤回", {date("date", "日期").req(), text("reason", "理由")}, withdraw},
  };
  // Indicators, dated by the collective discussion.
  const Dating discussed = by_date("discussed");
  const std::string adopted = "t.outcome IN ('adopted', 'adopted_with_revisions')";
  const std::string review_passed = "t.review_result IN ('lawful', 'lawful_with_revisions')";
  k.measures = {
      count_of("decision.adopted", "通过的重大行政决策", discussed, adopted),
      count_of("decision.reviewed", "经合法性审查通过后决定的重大行政决策", discussed,
               adopted + " AND " + review_passed + " AND t.review_completed <= t.discussed"),
      count_of("decision.participation_required", "应公众参与的重大行政决策", discussed,
               adopted + " AND t.requires_public_participation = 1"),
      count_of("decision.participation_done", "已公众参与的重大行政决策", discussed,
               adopted + " AND t.requires_public_participation = 1 AND t.participation_end <= t.discussed"),
      count_of("decision.compliant", "程序无错误的重大行政决策", discussed,
               adopted + " AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.kind = 'decision' AND "
                         "f.record_id = t.id AND f.severity = 'error')"),
      count_of("decision.archived", "材料齐全归档的重大行政决策", discussed, adopted + " AND t.archive_complete = 1"),
      count_of("decision.archived_timely", "及时归档的重大行政决策", discussed,
               adopted + " AND t.archive_complete = 1 AND "
                         "t.archived <= date(t.discussed, '+' || :archive_days || ' days')")
          .with({"archive_days", ":archive_days", "integer", 30}),
      // The published catalogue of decisions (决策事项目录) and the evaluation
      // after implementation (决策后评估), each dated by itself.
      count_of("decision.catalogued", "列入决策事项目录的重大行政决策", by_date("catalogued")),
      count_of("decision.post_evaluated", "完成决策后评估的重大行政决策", by_date("post_evaluated")),
  };
  k.indicators = {
      figure("decision.adopted", "重大行政决策数", "decision.adopted"),
      rate("decision.legality_review_rate", "重大行政决策合法性审查率", "decision.reviewed", "decision.adopted")
          .full(),
      rate("decision.public_participation_rate", "重大行政决策公众参与率", "decision.participation_done",
           "decision.participation_required"),
      rate("decision.procedure_compliance_rate", "重大行政决策程序合规率", "decision.compliant",
           "decision.adopted")
          .full(),
      rate("decision.archive_rate", "重大行政决策归档率", "decision.archived", "decision.adopted").full(),
      rate("decision.timely_archive_rate", "重大行政决策及时归档率", "decision.archived_timely",
           "decision.adopted"),
      figure("decision.catalogued", "列入决策事项目录数", "decision.catalogued"),
      figure("decision.post_evaluated", "完成决策后评估数", "decision.post_evaluated"),
  };
  return k;
}

}  // namespace

namespace kinds {
Kind decision() { return declare(); }
}  // namespace kinds

}  // namespace fazhi::domain
