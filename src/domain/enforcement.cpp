// Administrative law enforcement and its supervision: enforcement_officer —
// 执法人员, enforcement_action — 行政执法行为 under the "three systems" (三项制度:
// publicity, full-process recording, legal review of major decisions), and
// supervision_event — 执法监督.
#include "domain/deadline.hpp"
#include "domain/kind.hpp"
#include "domain/review.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {
namespace {

constexpr const char* kMajorReviewSource = "行政处罚法 第五十八条";
constexpr const char* kOfficerSource = "行政处罚法 第四十二条";
constexpr const char* kPublicitySource = "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见（国办发〔2018〕118号）";

Kind declare_officer() {
  Kind k("enforcement_officer", "行政执法人员");
  k.event_date_column = "certificate_issued";
  k.fields = {
      ref("unit", "所属单位", "org_unit").req(),
      text("name", "姓名").req().personal(),
      text("certificate_number", "执法证号"),
      date("certificate_issued", "发证日期"),
      date("certificate_expires", "有效期至"),
      code("status", "状态", {{"active", "在岗"}, {"suspended", "暂停执法"}, {"left", "离岗"}}).def("active"),
  };
  // Certificates are usually valid five years.
  k.complete = [](Context&, json& v) {
    if (v.contains("certificate_issued") && !v.contains("certificate_expires"))
      v["certificate_expires"] = format_date(parse_date(str(v, "certificate_issued")) +
                                             boost::gregorian::years(5) - boost::gregorian::days(1));
  };
  k.validate = [](Context&, const json& v, std::optional<std::int64_t>) {
    if (v.contains("certificate_expires") && v.contains("certificate_issued") &&
        str(v, "certificate_expires") < str(v, "certificate_issued"))
      throw Error(Status::argument, "certificate_expires", "is before certificate_issued");
  };
  // An officer on the rolls whose certificate runs out: listed a month (22
  // working days) ahead, and red once it has expired until it is renewed or
  // the officer leaves.
  k.deadlines = {
      {"enforcement_officer.certificate_expiry", "行政执法证件有效期", "的执法证件有效期至{date}",
       kOfficerSource, Counting::fixed_date, "", false, 22,
       [](Context&, const json& v) -> std::optional<OpenDeadline> {
         if (v.value("status", std::string("active")) != "active" || !v.contains("certificate_expires")) return {};
         const std::string from = v.contains("certificate_issued") ? str(v, "certificate_issued")
                                                                   : str(v, "certificate_expires");
         return OpenDeadline{str(v, "certificate_expires"), from};
       }},
  };
  // Indicators: officers on the rolls (status active) on the period's last day.
  const Dating on_the_rolls = on_last_day("t.status = 'active'");
  k.measures = {
      count_of("enforcement.officers", "在岗执法人员", on_the_rolls),
      count_of("enforcement.officers_certified", "持有效执法证件的执法人员", on_the_rolls,
               "t.certificate_issued <= :to AND t.certificate_expires >= :to"),
      count_of("enforcement.certificates_expiring", "90日内到期的执法证件", on_the_rolls,
               "t.certificate_issued <= :to AND t.certificate_expires > :to AND "
               "t.certificate_expires <= date(:to, '+90 days')"),
  };
  k.indicators = {
      rate("enforcement.certified_officer_rate", "执法人员持证率", "enforcement.officers_certified",
           "enforcement.officers")
          .full(),
      figure("enforcement.certificates_expiring", "90日内到期执法证件数", "enforcement.certificates_expiring"),
  };
  return k;
}

bool decision_within_7_days(const std::string& kind) { return kind == "penalty" || kind == "license"; }

// 执法领域: the fields the national enforcement statistics group actions by.
const std::vector<Code>& domains() {
  static const std::vector<Code> c = {{"market", "市场监管"},
                                      {"ecology_environment", "生态环境"},
                                      {"culture_tourism", "文化旅游"},
                                      {"transport", "交通运输"},
                                      {"agriculture", "农业农村"},
                                      {"emergency_safety", "应急管理"},
                                      {"urban_management", "城市管理"},
                                      {"natural_resources", "自然资源"},
                                      {"housing_construction", "住房城乡建设"},
                                      {"health", "卫生健康"},
                                      {"public_security", "公安"},
                                      {"other", "其他"}};
  return c;
}

// The longest promise accepted: a year of working days. complete() runs
// before validate(), so it computes nothing from a promise outside [1, this]
// and validate() refuses it by name.
constexpr std::int64_t kMaxPromisedDays = 250;

// The fields a licence (kind license) alone may carry.
constexpr const char* kLicenseFields[] = {"applied", "license_type", "notify_commit", "promised_days"};

void complete_action(Context& ctx, json& v) {
  flatten_review(v, "legal_review");
  // A licence's time: working days from the application to the decision,
  // and the last day of the period the unit promised, both in working days
  // as every period of the 行政许可法 is (第八十二条).
  v.erase("processing_days");
  v.erase("promised_deadline");
  if (v.contains("applied")) {
    const Date applied = parse_date(str(v, "applied"));
    v["processing_days"] = working_days_between(ctx, "processing_days", applied, parse_date(str(v, "decided")));
    const std::int64_t promised = v.value("promised_days", std::int64_t{0});
    if (promised >= 1 && promised <= kMaxPromisedDays)
      v["promised_deadline"] = format_date(
          working_days_deadline(ctx, "promised_deadline", applied, static_cast<int>(promised)));
  }
  // Publicity: 7 working days for penalties and licences, 20 for the others.
  int days = decision_within_7_days(str(v, "kind")) ? 7 : 20;
  v["publicity_deadline"] =
      format_date(working_days_deadline(ctx, "publicity_deadline", parse_date(str(v, "decided")), days));
}

std::vector<Finding> action_rules(Context& ctx, const json& v) {
  std::vector<Finding> out;
  std::string decided = str(v, "decided");
  json officers = v.value("officers", json::array());
  if (v.value("on_site", false) && officers.size() < 2)
    out.push_back({"enforcement_action.two_officers", "error",
                   "现场执法的执法人员少于两人（" + std::to_string(officers.size()) + " 人）", kOfficerSource, decided});
  if (v.value("major", false) && !review_passed_by(v, decided))
    out.push_back({"enforcement_action.major_without_review", "error",
                   "重大执法决定作出前（" + decided + "）未经法制审核或者审核未通过", kMajorReviewSource, decided});
  for (const json& key : officers) {
    auto q = ctx.conn.statement(
        "SELECT certificate_issued, certificate_expires, status FROM enforcement_officer WHERE key = ?");
    q->bind(1, key.get<std::string>());
    q->executeStep();
    std::string issued = q->getColumn(0).isNull() ? "" : q->getColumn(0).getString();
    std::string expires = q->getColumn(1).isNull() ? "" : q->getColumn(1).getString();
    std::string status = q->getColumn(2).getString();
    if (issued.empty() || issued > decided || expires < decided || status != "active")
      out.push_back({"enforcement_action.officer_certificate", "error",
                     "执法人员 " + key.get<std::string>() + " 在 " + decided + " 未持有有效执法证件" +
                         (expires.empty() ? "" : "（有效期至 " + expires + "）"),
                     kOfficerSource, decided});
  }
  std::string publicized = str(v, "publicized"), deadline = str(v, "publicity_deadline");
  if (!publicized.empty() && publicized > deadline)
    out.push_back({"enforcement_action.publicity_deadline", "warning",
                   std::string("执法决定未在") + (decision_within_7_days(str(v, "kind")) ? "7" : "20") +
                       "个工作日内公示（期限届满日 " + deadline + "，公示日 " + publicized + "）",
                   kPublicitySource, publicized, "publicity_deadline"});
  return out;
}

Kind declare_action() {
  Kind k("enforcement_action", "行政执法行为");
  k.event_date_column = "decided";
  k.fields = {
      ref("unit", "执法主体", "org_unit").req(),
      text("title", "事项"),
      ref_list("officers", "执法人员", "enforcement_officer"),
      code("kind", "执法类别",
           {{"penalty", "行政处罚"},
            {"license", "行政许可"},
            {"inspection", "行政检查"},
            {"coercion", "行政强制"},
            {"collection", "行政征收"},
            // Non-coercive measures (柔性执法).
            {"warning_letter", "提示函告诫"},
            {"interview", "约谈"},
            {"exemption", "首违不罚轻微免罚"},
            {"other", "其他"}})
          .req(),
      date("decided", "决定日期").req(),
      boolean("on_site", "现场执法").def(false),
      boolean("major", "重大执法决定").def(false),
      object("legal_review", "法制审核").with_members(review_members()),
      date("publicized", "公示日期"),
      boolean("recorded", "全过程记录").def(false),
      code("recording_kind", "记录方式", {{"text", "文字记录"}, {"audio_video", "音像记录"}, {"both", "文字和音像"}}),
      code("domain", "执法领域", domains()),
      // What was done wrong, in the words of the case (串标, 不正当竞争).
      text("violation", "违法行为"),
      date("applied", "申请日期"),
      text("license_type", "许可事项"),
      boolean("notify_commit", "告知承诺制"),
      integer("promised_days", "承诺办结工作日"),
  };
  for (Field& f : review_fields()) k.fields.push_back(std::move(f));
  k.fields.push_back(date("publicity_deadline", "公示期限").computed());
  k.fields.push_back(integer("processing_days", "许可办理工作日").computed());
  k.fields.push_back(date("promised_deadline", "承诺办结期限").computed());
  k.complete = complete_action;
  k.validate = [](Context&, const json& v, std::optional<std::int64_t>) {
    if (v.contains("publicized") && str(v, "publicized") < str(v, "decided"))
      throw Error(Status::argument, "publicized", "is before the decision (" + str(v, "decided") + ")");
    if (v.contains("recording_kind") && !v.value("recorded", false))
      throw Error(Status::argument, "recording_kind", "is given but recorded is false");
    if (str(v, "kind") != "license")
      for (const char* field : kLicenseFields)
        if (v.contains(field))
          throw Error(Status::argument, field, "applies to licences only (kind license), not to kind " + str(v, "kind"));
    if (v.contains("applied") && str(v, "applied") > str(v, "decided"))
      throw Error(Status::argument, "applied", "is after the decision (" + str(v, "decided") + ")");
    if (v.contains("promised_days") && (v["promised_days"].get<std::int64_t>() < 1 ||
                                        v["promised_days"].get<std::int64_t>() > kMaxPromisedDays))
      throw Error(Status::argument, "promised_days",
                  "must be from 1 to " + std::to_string(kMaxPromisedDays) + " working days");
    if (v.contains("promised_days") && !v.contains("applied"))
      throw Error(Status::argument, "applied", "is required with promised_days (the promise runs from it)");
  };
  k.rules = action_rules;
  k.deadlines = {
      {"enforcement_action.publicity_deadline", "行政执法决定公示期限", "应于{date}前公示", kPublicitySource,
       Counting::working_days, "publicity_deadline", false, 3,
       [](Context&, const json& v) -> std::optional<OpenDeadline> {
         if (!v.contains("publicity_deadline")) return {};
         OpenDeadline d{str(v, "publicity_deadline"), str(v, "decided")};
         d.met = str(v, "publicized");
         return d;
       }},
  };
  // Indicators, dated by the decision.
  const Dating decided = by_date("decided");
  k.measures = {
      count_of("enforcement.actions", "行政执法行为", decided),
      count_of("enforcement.publicized_timely", "按时公示的执法决定", decided,
               "t.publicized IS NOT NULL AND t.publicized <= t.publicity_deadline"),
      count_of("enforcement.recorded", "全过程记录的执法行为", decided, "t.recorded = 1"),
      count_of("enforcement.major", "重大执法决定", decided, "t.major = 1"),
      count_of("enforcement.major_reviewed", "经法制审核的重大执法决定", decided,
               "t.major = 1 AND t.review_result IN ('lawful', 'lawful_with_revisions') AND "
               "t.review_completed <= t.decided"),
      count_of("enforcement.licenses", "行政许可决定", decided, "t.kind = 'license'"),
      count_of("enforcement.licenses_timed", "载明申请日期的许可决定", decided,
               "t.kind = 'license' AND t.processing_days IS NOT NULL"),
      sum_of("enforcement.license_working_days", "许可办理工作日合计", decided, "t.processing_days", "count",
             "t.kind = 'license' AND t.processing_days IS NOT NULL"),
      count_of("enforcement.licenses_promised", "有承诺办结时限的许可决定", decided,
               "t.kind = 'license' AND t.promised_deadline IS NOT NULL"),
      count_of("enforcement.licenses_on_time", "按承诺时限办结的许可决定", decided,
               "t.kind = 'license' AND t.promised_deadline IS NOT NULL AND t.decided <= t.promised_deadline"),
      count_of("enforcement.notify_commit_licenses", "告知承诺制许可决定", decided,
               "t.kind = 'license' AND t.notify_commit = 1"),
      count_of("enforcement.non_coercive", "柔性执法措施", decided,
               "t.kind IN ('warning_letter', 'interview', 'exemption')"),
      count_of("enforcement.exemptions", "首违不罚和轻微免罚", decided, "t.kind = 'exemption'"),
  };
  k.indicators = {
      figure("enforcement.actions", "行政执法行为数", "enforcement.actions").by("t.kind", "enforcement_action.kind"),
      figure("enforcement.by_domain", "分领域执法行为数", "enforcement.actions")
          .by("t.domain", "enforcement_action.domain"),
      figure("enforcement.by_violation", "分违法行为执法数", "enforcement.actions").by("t.violation", ""),
      // By kind as well, so that the rate of licences and penalties alone
      // (双公示) is one expression over the breakdown members.
      rate("enforcement.timely_publicity_rate", "执法决定按时公示率", "enforcement.publicized_timely",
           "enforcement.actions")
          .by("t.kind", "enforcement_action.kind")
          .full(),
      rate("enforcement.recording_rate", "执法全过程记录率", "enforcement.recorded", "enforcement.actions").full(),
      rate("enforcement.major_review_rate", "重大执法决定法制审核率", "enforcement.major_reviewed",
           "enforcement.major")
          .full(),
      figure("enforcement.licenses", "行政许可决定数", "enforcement.licenses"),
      average("enforcement.license_average_days", "许可平均办理工作日数", "enforcement.license_working_days",
              "enforcement.licenses_timed", "days"),
      rate("enforcement.license_on_time_rate", "许可按承诺时限办结率", "enforcement.licenses_on_time",
           "enforcement.licenses_promised")
          .full(),
      figure("enforcement.notify_commit_licenses", "告知承诺制许可数", "enforcement.notify_commit_licenses"),
      figure("enforcement.non_coercive", "柔性执法措施数", "enforcement.non_coercive")
          .by("t.kind", "enforcement_action.kind"),
      figure("enforcement.exemptions", "首违不罚和轻微免罚数", "enforcement.exemptions"),
  };
  return k;
}

Kind declare_supervision() {
  Kind k("supervision_event", "执法监督");
  k.event_date_column = "date";
  k.fields = {
      ref("unit", "被监督单位", "org_unit").req(),
      date("date", "日期").req(),
      code("kind", "监督方式",
           {{"npc_deputies", "人大代表监督"},
            {"cppcc_members", "政协委员监督"},
            {"public_representatives", "群众代表监督"},
            {"internal", "内部监督"},
            {"higher_authority", "上级机关监督"}})
          .req(),
      text("topic", "内容"),
      integer("problems_found", "发现问题"),
      integer("problems_corrected", "整改问题"),
  };
  k.validate = [](Context&, const json& v, std::optional<std::int64_t>) {
    std::int64_t found = v.value("problems_found", std::int64_t{0});
    std::int64_t corrected = v.value("problems_corrected", std::int64_t{0});
    if (found < 0) throw Error(Status::argument, "problems_found", "must not be negative");
    if (corrected < 0) throw Error(Status::argument, "problems_corrected", "must not be negative");
    if (corrected > found)
      throw Error(Status::argument, "problems_corrected",
                  std::to_string(corrected) + " is more than problems_found (" + std::to_string(found) + ")");
  };
  const Dating dated = by_date("date");
  k.measures = {
      count_of("enforcement.supervision_events", "执法监督活动", dated),
      sum_of("enforcement.problems_found", "监督发现问题", dated, "t.problems_found", "count"),
      sum_of("enforcement.problems_corrected", "监督整改问题", dated, "t.problems_corrected", "count"),
  };
  k.indicators = {
      figure("enforcement.supervision_events", "执法监督活动数", "enforcement.supervision_events")
          .by("t.kind", "supervision_event.kind"),
      rate("enforcement.problems_corrected_rate", "监督发现问题整改率", "enforcement.problems_corrected",
           "enforcement.problems_found"),
  };
  return k;
}

// lawsuit — 行政诉讼. Until schema 9 it held administrative reconsideration
// too (kind "reconsideration"); those cases are reconsideration_case records
// now (domain/reconsideration_case.cpp), and the code is refused here with a
// pointer to them, so that no case is counted under both.
Kind declare_lawsuit() {
  Kind k("lawsuit", "行政诉讼");
  k.event_date_column = "filed";
  k.fields = {
      ref("unit", "被告", "org_unit").req(),
      text("case_number", "案号"),
      code("kind", "类别",
           {{"litigation", "行政诉讼"}, {"reconsideration", "行政复议（改用 reconsideration_case 记录）"}})
          .def("litigation"),
      date("filed", "立案日期").req(),
      date("concluded", "审结日期"),
      code("outcome", "结果",
           {{"upheld", "维持"},
            {"dismissed", "驳回"},
            {"revoked", "撤销"},
            {"changed", "变更"},
            {"confirmed_illegal", "确认违法"},
            {"ordered_to_act", "责令履行"},
            {"withdrawn", "撤诉"},
            {"settled", "调解"}}),
      boolean("head_appeared", "负责人出庭应诉"),
  };
  k.validate = [](Context&, const json& v, std::optional<std::int64_t>) {
    if (str(v, "kind") == "reconsideration")
      throw Error(Status::argument, "kind",
                  "administrative reconsideration (行政复议) is recorded as a reconsideration_case since schema 9; "
                  "lawsuit holds litigation only");
    if (v.contains("concluded") && str(v, "concluded") < str(v, "filed"))
      throw Error(Status::argument, "concluded", "is before filed (" + str(v, "filed") + ")");
    if (v.contains("outcome") && !v.contains("concluded"))
      throw Error(Status::argument, "concluded", "is required with an outcome");
  };
  // Cases are counted when filed; outcomes when concluded. (The kind
  // condition stays: it costs nothing and no reconsideration is left.)
  const Dating filed = by_date("filed"), concluded = by_date("concluded");
  k.measures = {
      count_of("litigation.cases", "行政诉讼案件", filed, "t.kind = 'litigation'"),
      count_of("litigation.concluded", "审结的行政诉讼案件", concluded, "t.kind = 'litigation'"),
      count_of("litigation.won", "胜诉的行政诉讼案件", concluded,
               "t.kind = 'litigation' AND t.outcome IN ('upheld', 'dismissed')"),
      count_of("litigation.lost", "败诉的行政诉讼案件", concluded,
               "t.kind = 'litigation' AND t.outcome IN ('revoked', 'changed', 'confirmed_illegal', "
               "'ordered_to_act')"),
      count_of("litigation.head_appeared", "负责人出庭应诉的案件", concluded,
               "t.kind = 'litigation' AND t.head_appeared = 1"),
  };
  k.indicators = {
      figure("litigation.cases", "行政诉讼案件数", "litigation.cases"),
      figure("litigation.concluded", "审结行政诉讼案件数", "litigation.concluded"),
      figure("litigation.won", "行政诉讼胜诉案件数", "litigation.won"),
      rate("litigation.loss_rate", "行政诉讼败诉率", "litigation.lost", "litigation.concluded"),
      rate("litigation.head_appearance_rate", "行政机关负责人出庭应诉率", "litigation.head_appeared",
           "litigation.concluded"),
  };
  return k;
}

}  // namespace

namespace kinds {
Kind enforcement_officer() { return declare_officer(); }
Kind enforcement_action() { return declare_action(); }
Kind supervision_event() { return declare_supervision(); }
Kind lawsuit() { return declare_lawsuit(); }
}  // namespace kinds

}  // namespace fazhi::domain
