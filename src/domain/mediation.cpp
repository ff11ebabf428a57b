// mediation_committee — 人民调解委员会, and mediation_case — 矛盾纠纷调解案件
// (人民调解法; 劳动争议调解仲裁法 第十四条 for labour disputes).
#include "domain/deadline.hpp"
#include "domain/kind.hpp"
#include "domain/record_store.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {
namespace {

constexpr const char* kLabourSource = "劳动争议调解仲裁法 第十四条";
constexpr const char* kConfirmationSource = "人民调解法 第三十三条";

Kind declare_committee() {
  Kind k("mediation_committee", "人民调解委员会");
  k.event_date_column = "established";
  k.fields = {
      ref("unit", "所属单位", "org_unit").req(),
      text("name", "名称").req().organisational(),
      date("established", "成立日期"),
      integer("members", "调解员人数"),
  };
  k.validate = [](Context&, const json& v, std::optional<std::int64_t>) {
    if (v.contains("members") && v["members"].get<std::int64_t>() < 0)
      throw Error(Status::argument, "members", "must not be negative");
  };
  // Committees, and the villages and communities that have one, as they
  // stand on the period's last day.
  const char* village = "t.kind IN ('village', 'community')";
  k.measures = {
      count_of("mediation.committees", "人民调解委员会", on_last_day("(t.established IS NULL OR t.established <= :to)")),
      count_of("mediation.villages", "村（社区）", units_in_existence(), village).rows_of("org_unit"),
      count_of("mediation.villages_with_committee", "已建人民调解委员会的村（社区）", units_in_existence(),
               std::string(village) +
                   " AND EXISTS (SELECT 1 FROM mediation_committee m WHERE m.unit_id = t.id AND "
                   "(m.established IS NULL OR m.established <= :to))")
          .rows_of("org_unit"),
  };
  k.indicators = {
      figure("mediation.committees", "人民调解委员会数", "mediation.committees"),
      rate("mediation.committee_coverage", "村（社区）人民调解委员会覆盖率", "mediation.villages_with_committee",
           "mediation.villages")
          .full(),
  };
  return k;
}

// The unit of the committee with id `committee`.
std::int64_t committee_unit(Context& ctx, std::int64_t committee) {
  auto q = ctx.conn.statement("SELECT unit_id FROM mediation_committee WHERE id = ?");
  q->bind(1, static_cast<int64_t>(committee));
  q->executeStep();
  std::int64_t unit = q->getColumn(0).getInt64();
  return unit;
}

void complete_case(Context& ctx, json& v) {
  if (v.contains("committee")) {
    std::int64_t unit = committee_unit(ctx, v["committee"].get<std::int64_t>());
    if (v.contains("unit") && v["unit"].get<std::int64_t>() != unit)
      throw Error(Status::argument, "unit", "differs from the unit of the committee");
    v["unit"] = unit;
  }
  // 劳动争议调解仲裁法 第十四条: fifteen days from receipt ("N日": calendar days,
  // a last day on a rest day moves to the next working day).
  if (str(v, "category") == "labour" && v.contains("received"))
    v["labour_deadline"] =
        format_date(days_deadline(ctx, "labour_deadline", parse_date(str(v, "received")), 15));
  else
    v.erase("labour_deadline");
}

// A party of a case: {"name", "role", "type"}.
const std::vector<Field>& party_members() {
  static const std::vector<Field> m = {
      text("name", "姓名或名称").req(),
      code("role", "地位", {{"applicant", "申请人"}, {"respondent", "被申请人"}, {"other", "其他当事人"}}),
      code("type", "类型", {{"person", "自然人"}, {"organisation", "法人或其他组织"}}),
  };
  return m;
}

// "expected applicant|respondent|other": the codes of a party's member.
std::string expected_codes(const Field& member) {
  std::string out;
  for (const Code& c : member.codes) out += (out.empty() ? "" : "|") + c.code;
  return "expected " + out;
}

void validate_case(Context&, const json& v, std::optional<std::int64_t>) {
  if (!v.contains("unit"))
    throw Error(Status::argument, "committee", "is required (or give the unit)");
  if (v.contains("amount_yuan") && v["amount_yuan"].get<std::int64_t>() < 0)
    throw Error(Status::argument, "amount_yuan", "must not be negative");
  if (v.contains("parties")) {
    const json& parties = v["parties"];
    for (std::size_t i = 0; i < parties.size(); ++i) {
      std::string at = "parties[" + std::to_string(i) + "]";
      for (auto it = parties[i].begin(); it != parties[i].end(); ++it) {
        const std::string& k = it.key();
        const Field* member = nullptr;
        for (const Field& m : party_members())
          if (m.name == k) member = &m;
        if (!member) throw Error(Status::argument, at + "." + k, "unknown field of a party");
        if (member->type == FieldType::code) {
          if (!it->is_string() || !member->find_code(it->get<std::string>()))
            throw Error(Status::argument, at + "." + k, expected_codes(*member));
        } else if (!it->is_string() || it->get<std::string>().empty()) {
          throw Error(Status::argument, at + "." + k, "expected a non-empty string");
        }
      }
      if (!parties[i].contains("name")) throw Error(Status::argument, at + ".name", "is required");
    }
  }
}

// 人民调解法 第三十三条: judicial confirmation is applied for within thirty
// days of the agreement taking effect ("N日"); the agreement is the closing.
std::string confirmation_deadline(Context& ctx, const std::string& closed) {
  return format_date(days_deadline(ctx, "confirmation_deadline", parse_date(closed), 30));
}

std::vector<Finding> case_rules(Context& ctx, const json& v) {
  std::vector<Finding> out;
  std::string closed = str(v, "closed");
  std::string deadline = str(v, "labour_deadline");
  if (!deadline.empty() && !closed.empty() && closed > deadline)
    out.push_back({"mediation_case.labour_15_days", "warning",
                   "劳动争议调解案件自受理之日起十五日内未结案（期限届满日 " + deadline + "，结案日 " + closed +
                       "），当事人可以依法申请仲裁",
                   kLabourSource, closed, "labour_deadline"});
  std::string confirmed = str(v, "confirmation_date");
  if (!confirmed.empty() && !closed.empty()) {
    std::string limit = confirmation_deadline(ctx, closed);
    if (confirmed > limit)
      out.push_back({"mediation_case.confirmation_30_days", "warning",
                     "调解协议生效之日起三十日内未申请司法确认（期限届满日 " + limit + "）",
                     kConfirmationSource, confirmed, "confirmation_deadline"});
  }
  return out;
}

void close_case(Context&, const json& a, json& v) {
  std::string date = str(a, "date"), outcome = str(a, "outcome");
  if (date < str(v, "received"))
    throw Error(Status::argument, "date", "is before the case was received (" + str(v, "received") + ")");
  bool succeeded = outcome == "succeeded";
  if (succeeded && !a.contains("agreement"))
    throw Error(Status::argument, "agreement", "is required when the outcome is succeeded");
  if (!succeeded && (a.contains("agreement") || a.contains("agreement_amount_yuan")))
    throw Error(Status::argument, a.contains("agreement") ? "agreement" : "agreement_amount_yuan",
                "only a succeeded mediation has an agreement");
  if (a.contains("agreement_amount_yuan") && a["agreement_amount_yuan"].get<std::int64_t>() < 0)
    throw Error(Status::argument, "agreement_amount_yuan", "must not be negative");
  json state = {{"closed", date},
                {"outcome", outcome},
                {"agreement", a.value("agreement", json())},
                {"agreement_amount_yuan", a.value("agreement_amount_yuan", json())},
                {"prevented_mass_incident", a.value("prevented_mass_incident", false)},
                {"prevented_criminal_case", a.value("prevented_criminal_case", false)}};
  record_action_once(v, "closed", state, "the case was already closed on " + str(v, "closed"));
}

void confirm_case(Context&, const json& a, json& v) {
  if (str(v, "outcome") != "succeeded")
    throw Error(Status::conflict, "only a case closed with a mediation agreement can be judicially confirmed");
  if (str(a, "date") < str(v, "closed"))
    throw Error(Status::argument, "date", "is before the agreement (" + str(v, "closed") + ")");
  json state = {{"confirmation_date", a["date"]}, {"confirmation_court", a.value("court", json())}};
  record_action_once(v, "confirmation_date", state, "the agreement was already judicially confirmed on " +
                                   str(v, "confirmation_date"));
}

void follow_up_case(Context&, const json& a, json& v) {
  if (str(v, "closed").empty())
    throw Error(Status::conflict, "a case is followed up after it is closed");
  if (str(a, "date") < str(v, "closed"))
    throw Error(Status::argument, "date", "is before the case was closed (" + str(v, "closed") + ")");
  // Follow-up visits repeat; the record keeps the latest one.
  if (str(a, "date") < str(v, "follow_up_date"))
    throw Error(Status::conflict, "a later follow-up (" + str(v, "follow_up_date") + ") is already recorded");
  v["follow_up_date"] = a["date"];
  if (a.contains("performed")) v["follow_up_performed"] = a["performed"];
  else v.erase("follow_up_performed");
}

const std::vector<Code>& outcomes() {
  static const std::vector<Code> c = {{"succeeded", "调解成功"},
                                      {"failed", "调解不成"},
                                      {"terminated", "终止调解"},
                                      {"withdrawn", "撤回"},
                                      {"transferred", "移交"}};
  return c;
}

const std::vector<Code>& agreements() {
  static const std::vector<Code> c = {{"written", "书面协议"}, {"oral", "口头协议"}};
  return c;
}

Kind declare_case() {
  Kind k("mediation_case", "矛盾纠纷调解案件");
  k.event_date_column = "received";
  k.fields = {
      ref("committee", "人民调解委员会", "mediation_committee"),
      ref("unit", "所属单位", "org_unit"),
      text("case_number", "案件编号"),
      date("received", "受理日期").req(),
      code("source", "案件来源",
           {{"application", "当事人申请"},
            {"ex_officio", "主动调解"},
            {"referral_police", "公安机关移送"},
            {"referral_court", "人民法院委派"},
            {"referral_petition", "信访部门移送"},
            {"referral_other", "其他部门移送"}}),
      code("category", "纠纷类型",
           {{"marriage_family", "婚姻家庭纠纷"},
            {"neighbourhood", "邻里纠纷"},
            {"housing_homestead", "房屋宅基地纠纷"},
            {"contract", "合同纠纷"},
            {"production_business", "生产经营纠纷"},
            {"damages", "损害赔偿纠纷"},
            {"land_forest", "山林土地纠纷"},
            {"land_acquisition_demolition", "征地拆迁纠纷"},
            {"environment", "环境污染纠纷"},
            {"labour", "劳动争议纠纷"},
            {"consumer", "消费纠纷"},
            {"medical", "医疗纠纷"},
            {"traffic", "道路交通事故纠纷"},
            {"property_management", "物业纠纷"},
            {"other", "其他纠纷"}})
          .req(),
      object_list("parties", "当事人").personal().with_members(party_members()),
      money("amount_yuan", "涉案金额"),
      boolean("unnatural_death", "非正常死亡纠纷").def(false),
      boolean("mass_incident_risk", "可能引发群体性事件").def(false),
      date("closed", "结案日期").set_by("close"),
      code("outcome", "调解结果", outcomes()).set_by("close"),
      code("agreement", "协议形式", agreements()).set_by("close"),
      money("agreement_amount_yuan", "协议金额").set_by("close"),
      boolean("prevented_mass_incident", "防止群体性事件").set_by("close"),
      boolean("prevented_criminal_case", "防止民转刑").set_by("close"),
      date("confirmation_date", "司法确认日期").set_by("judicial_confirmation"),
      text("confirmation_court", "司法确认法院").set_by("judicial_confirmation").organisational(),
      date("follow_up_date", "回访日期").set_by("follow_up"),
      boolean("follow_up_performed", "协议已履行").set_by("follow_up"),
      date("labour_deadline", "劳动争议调解期限").computed(),
  };
  k.complete = complete_case;
  k.validate = validate_case;
  k.rules = case_rules;
  k.deadlines = {
      {"mediation_case.labour_15_days", "劳动争议调解期限", "应于{date}前调解结案", kLabourSource,
       Counting::calendar_days, "labour_deadline", false, 3,
       [](Context&, const json& v) -> std::optional<OpenDeadline> {
         if (!v.contains("labour_deadline")) return {};
         OpenDeadline d{str(v, "labour_deadline"), str(v, "received")};
         d.met = str(v, "closed");
         return d;
       }},
      // The parties may apply (认为有必要的，可以): an option that lapses,
      // listed for a written agreement not yet confirmed.
      {"mediation_case.confirmation_30_days", "申请司法确认期限", "可于{date}前申请司法确认",
       kConfirmationSource, Counting::calendar_days, "confirmation_deadline", true, 3,
       [](Context& ctx, const json& v) -> std::optional<OpenDeadline> {
         if (str(v, "outcome") != "succeeded" || str(v, "agreement") != "written" ||
             v.contains("confirmation_date") || !v.contains("closed"))
           return {};
         return OpenDeadline{confirmation_deadline(ctx, str(v, "closed")), str(v, "closed")};
       }},
  };
  k.actions = {
      {"close", "结案",
       {date("date", "结案日期").req(), code("outcome", "调解结果", outcomes()).req(),
        code("agreement", "协议形式", agreements()), money("agreement_amount_yuan", "协议金额"),
        boolean("prevented_mass_incident", "防止群体性事件"),
        boolean("prevented_criminal_case", "防止民转刑")},
       close_case},
      {"judicial_confirmation", "司法确认",
       {date("date", "司法确认日期").req(), text("court", "法院")},
       confirm_case},
      {"follow_up", "回访", {date("date", "回访日期").req(), boolean("performed", "协议已履行")},
       follow_up_case},
  };
  // Cases are counted when received; outcomes when closed.
  const Dating received = by_date("received"), closed = by_date("closed");
  k.measures = {
      count_of("mediation.received", "受理矛盾纠纷", received),
      count_of("mediation.concluded", "调结矛盾纠纷", closed, "t.outcome IN ('succeeded', 'failed', 'terminated')"),
      count_of("mediation.succeeded", "调解成功", closed, "t.outcome = 'succeeded'"),
      count_of("mediation.unnatural_death", "非正常死亡纠纷", received, "t.unnatural_death = 1"),
      count_of("mediation.large_amount", "涉案金额较大的纠纷", received, "t.amount_fen >= :min_fen")
          .with({"min_yuan", ":min_fen", "yuan", 500000}),
      count_of("mediation.mass_incidents_prevented", "防止群体性事件", closed, "t.prevented_mass_incident = 1"),
      count_of("mediation.criminal_cases_prevented", "防止民转刑案件", closed, "t.prevented_criminal_case = 1"),
      sum_of("mediation.amount_yuan", "调解协议金额", closed, "t.agreement_amount_fen", "yuan",
             "t.outcome = 'succeeded'"),
      // Not closed within 15 days: closed after the deadline, or still open
      // when the deadline passed within the period.
      count_of("mediation.labour_overdue", "超期未结劳动争议", received,
               "t.category = 'labour' AND ((t.closed IS NOT NULL AND t.closed > t.labour_deadline) OR "
               "(t.closed IS NULL AND t.labour_deadline < :to))"),
  };
  k.indicators = {
      figure("mediation.received", "受理矛盾纠纷数", "mediation.received"),
      figure("mediation.concluded", "调结矛盾纠纷数", "mediation.concluded"),
      figure("mediation.succeeded", "调解成功数", "mediation.succeeded"),
      rate("mediation.success_rate", "调解成功率", "mediation.succeeded", "mediation.concluded"),
      figure("mediation.by_category", "矛盾纠纷分类", "mediation.received").by("t.category", "mediation_case.category"),
      figure("mediation.unnatural_death", "非正常死亡纠纷数", "mediation.unnatural_death"),
      figure("mediation.large_amount", "涉案金额较大纠纷数", "mediation.large_amount"),
      figure("mediation.mass_incidents_prevented", "防止群体性事件数", "mediation.mass_incidents_prevented"),
      figure("mediation.criminal_cases_prevented", "防止民转刑案件数", "mediation.criminal_cases_prevented"),
      figure("mediation.amount_yuan", "调解协议涉及金额", "mediation.amount_yuan", "yuan"),
      figure("mediation.labour_overdue", "劳动争议超期未结数", "mediation.labour_overdue"),
  };
  return k;
}

}  // namespace

namespace kinds {
Kind mediation_committee() { return declare_committee(); }
Kind mediation_case() { return declare_case(); }
}  // namespace kinds

}  // namespace fazhi::domain
