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
  Kind k;
  k.name = "enforcement_officer";
  k.label = "行政执法人员";
  k.table = "enforcement_officer";
  k.unit_column = "unit_id";
  k.event_date_column = "certificate_issued";
  k.fields = {
      ref("unit", "所属单位", "org_unit").req(),
      text("name", "姓名").req(),
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
  return k;
}

bool decision_within_7_days(const std::string& kind) { return kind == "penalty" || kind == "license"; }

void complete_action(Context& ctx, json& v) {
  flatten_review(v, "legal_review");
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
    auto& q = ctx.conn.prepared(
        "SELECT certificate_issued, certificate_expires, status FROM enforcement_officer WHERE key = ?");
    q.bind(1, key.get<std::string>());
    q.executeStep();
    std::string issued = q.getColumn(0).isNull() ? "" : q.getColumn(0).getString();
    std::string expires = q.getColumn(1).isNull() ? "" : q.getColumn(1).getString();
    std::string status = q.getColumn(2).getString();
    q.reset();
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
  Kind k;
  k.name = "enforcement_action";
  k.label = "行政执法行为";
  k.table = "enforcement_action";
  k.unit_column = "unit_id";
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
            {"other", "其他"}})
          .req(),
      date("decided", "决定日期").req(),
      boolean("on_site", "现场执法").def(false),
      boolean("major", "重大执法决定").def(false),
      object("legal_review", "法制审核"),
      date("publicized", "公示日期"),
      boolean("recorded", "全过程记录").def(false),
      code("recording_kind", "记录方式", {{"text", "文字记录"}, {"audio_video", "音像记录"}, {"both", "文字和音像"}}),
  };
  for (Field& f : review_fields()) k.fields.push_back(std::move(f));
  k.fields.push_back(date("publicity_deadline", "公示期限").computed());
  k.complete = complete_action;
  k.validate = [](Context&, const json& v, std::optional<std::int64_t>) {
    if (v.contains("publicized") && str(v, "publicized") < str(v, "decided"))
      throw Error(Status::argument, "publicized", "is before the decision (" + str(v, "decided") + ")");
    if (v.contains("recording_kind") && !v.value("recorded", false))
      throw Error(Status::argument, "recording_kind", "is given but recorded is false");
  };
  k.rules = action_rules;
  return k;
}

Kind declare_supervision() {
  Kind k;
  k.name = "supervision_event";
  k.label = "执法监督";
  k.table = "supervision_event";
  k.unit_column = "unit_id";
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
  return k;
}

Kind declare_lawsuit() {
  Kind k;
  k.name = "lawsuit";
  k.label = "行政诉讼与行政复议";
  k.table = "lawsuit";
  k.unit_column = "unit_id";
  k.event_date_column = "filed";
  k.fields = {
      ref("unit", "被告（被申请人）", "org_unit").req(),
      text("case_number", "案号"),
      code("kind", "类别", {{"litigation", "行政诉讼"}, {"reconsideration", "行政复议"}}).req(),
      date("filed", "立案日期").req(),
      date("concluded", "审结日期"),
      code("outcome", "结果",
           {{"upheld", "维持"},
            {"dismissed", "驳回"},
            {"revoked", "撤销"},
            {"changed", "变更"},
            {"confirmed_illegal", "确认违法"},
            {"ordered_to_act", "责令履行"},
            {"withdrawn", "撤诉（撤回申请）"},
            {"settled", "调解和解"}}),
      boolean("head_appeared", "负责人出庭应诉"),
  };
  k.validate = [](Context&, const json& v, std::optional<std::int64_t>) {
    if (v.contains("concluded") && str(v, "concluded") < str(v, "filed"))
      throw Error(Status::argument, "concluded", "is before filed (" + str(v, "filed") + ")");
    if (v.contains("outcome") && !v.contains("concluded"))
      throw Error(Status::argument, "concluded", "is required with an outcome");
    if (v.contains("head_appeared") && str(v, "kind") != "litigation")
      throw Error(Status::argument, "head_appeared", "applies to litigation only");
  };
  return k;
}

}  // namespace

const Kind& enforcement_officer_kind() {
  static const Kind kind = declare_officer();
  return kind;
}
const Kind& enforcement_action_kind() {
  static const Kind kind = declare_action();
  return kind;
}
const Kind& supervision_event_kind() {
  static const Kind kind = declare_supervision();
  return kind;
}
const Kind& lawsuit_kind() {
  static const Kind kind = declare_lawsuit();
  return kind;
}

}  // namespace fazhi::domain
