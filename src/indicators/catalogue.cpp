#include "indicators/catalogue.hpp"

namespace fazhi::indicators {
namespace {

// --- Bases: which rows, dated by what ---------------------------------------
const Base kCasesReceived{"mediation_case@received", "mediation_case", "unit_id",
                          "t.received BETWEEN :from AND :to"};
const Base kCasesClosed{"mediation_case@closed", "mediation_case", "unit_id",
                        "t.closed BETWEEN :from AND :to"};
const Base kCommittees{"mediation_committee@last_day", "mediation_committee", "unit_id",
                       "(t.established IS NULL OR t.established <= :to)"};
// Units in existence on the period's last day.
const Base kUnits{"org_unit@last_day", "org_unit", "id",
                  "(t.active_from IS NULL OR t.active_from <= :to) AND "
                  "(t.active_to IS NULL OR t.active_to >= :to)"};
const Base kPetitionsReceived{"petition@received", "petition", "unit_id",
                              "t.received BETWEEN :from AND :to"};
const Base kPetitionsConcluded{"petition@concluded", "petition", "unit_id",
                               "t.concluded BETWEEN :from AND :to"};

const Base kEngagements{"adviser_engagement@overlap", "adviser_engagement", "unit_id",
                        "t.start <= :to AND (t.end IS NULL OR t.end >= :from)"};
const Base kServices{"adviser_service@date", "adviser_service", "unit_id",
                     "t.date BETWEEN :from AND :to"};
const Base kCampaigns{"training_campaign@start", "training_campaign", "unit_id",
                      "t.start BETWEEN :from AND :to"};
const Base kLiteratesTrained{"legal_literate@trained", "legal_literate", "unit_id",
                             "t.trained BETWEEN :from AND :to"};
const Base kLeadership{"leadership_activity@date", "leadership_activity", "unit_id",
                       "t.date BETWEEN :from AND :to"};

const char* kVillage = "t.kind IN ('village', 'community')";
const char* kOfficialsOnline =
    "t.kind = 'online_learning' AND t.audience = 'officials' AND t.expected IS NOT NULL";
const char* kOfficialsExam = "t.kind = 'exam' AND t.audience = 'officials' AND t.expected IS NOT NULL";

std::vector<Measure> build_measures() {
  std::vector<Measure> m;
  auto count = [&](std::string code, std::string label, const Base& base, std::string cond = "1") {
    Measure x;
    x.code = std::move(code);
    x.label = std::move(label);
    x.base = &base;
    x.condition = std::move(cond);
    m.push_back(std::move(x));
    return &m.back();
  };
  auto sum = [&](std::string code, std::string label, const Base& base, std::string expr,
                 std::string unit, std::string cond = "1") {
    Measure* x = count(std::move(code), std::move(label), base, std::move(cond));
    x->sum = std::move(expr);
    x->unit = std::move(unit);
  };

  // People's mediation.
  count("mediation.committees", "人民调解委员会", kCommittees);
  count("mediation.villages", "村（社区）", kUnits, kVillage);
  count("mediation.villages_with_committee", "已建人民调解委员会的村（社区）", kUnits,
        std::string(kVillage) +
            " AND EXISTS (SELECT 1 FROM mediation_committee m WHERE m.unit_id = t.id AND "
            "(m.established IS NULL OR m.established <= :to))");
  count("mediation.received", "受理矛盾纠纷", kCasesReceived);
  count("mediation.concluded", "调结矛盾纠纷", kCasesClosed,
        "t.outcome IN ('succeeded', 'failed', 'terminated')");
  count("mediation.succeeded", "调解成功", kCasesClosed, "t.outcome = 'succeeded'");
  count("mediation.unnatural_death", "非正常死亡纠纷", kCasesReceived, "t.unnatural_death = 1");
  count("mediation.large_amount", "涉案金额较大的纠纷", kCasesReceived, "t.amount_fen >= :min_fen")
      ->params.push_back({"min_yuan", ":min_fen", "yuan", 500000});
  count("mediation.mass_incidents_prevented", "防止群体性事件", kCasesClosed,
        "t.prevented_mass_incident = 1");
  count("mediation.criminal_cases_prevented", "防止民转刑案件", kCasesClosed,
        "t.prevented_criminal_case = 1");
  sum("mediation.amount_yuan", "调解协议金额", kCasesClosed, "t.agreement_amount_fen", "yuan",
      "t.outcome = 'succeeded'");
  // Not closed within 15 days: closed after the deadline, or still open when
  // the deadline passed within the period.
  count("mediation.labour_overdue", "超期未结劳动争议", kCasesReceived,
        "t.category = 'labour' AND ((t.closed IS NOT NULL AND t.closed > t.labour_deadline) OR "
        "(t.closed IS NULL AND t.labour_deadline < :to))");

  // Petitions.
  count("petition.received", "收到信访事项", kPetitionsReceived);
  count("petition.answered_in_time", "按期告知受理与否的信访事项", kPetitionsReceived,
        "coalesce(t.accepted, t.declined) <= t.accept_deadline");
  count("petition.concluded", "办结信访事项", kPetitionsConcluded);
  count("petition.concluded_in_time", "按期办结信访事项", kPetitionsConcluded,
        "t.concluded <= t.conclude_deadline");
  count("petition.resolved", "化解信访问题", kPetitionsConcluded,
        "t.result IN ('resolved', 'explained', 'guided_to_litigation')");
  count("petition.backlog_resolved", "化解信访积案", kPetitionsConcluded,
        "t.backlog = 1 AND t.result = 'resolved'");
  sum("petition.funds_secured_yuan", "落实资金", kPetitionsConcluded, "t.funds_secured_fen", "yuan");
  count("petition.leader_receptions", "领导接访下访", kPetitionsReceived,
        "t.channel IN ('leader_reception', 'leader_visit')");

  // Legal advisers.
  count("adviser.units_required", "应聘法律顾问的单位", kUnits, "t.requires_adviser = 1");
  count("adviser.units_covered", "已聘法律顾问的单位", kUnits,
        "t.requires_adviser = 1 AND EXISTS (SELECT 1 FROM adviser_engagement e WHERE "
        "e.unit_id = t.id AND e.start <= :to AND (e.end IS NULL OR e.end >= :from))");
  count("adviser.engagements", "法律顾问聘任", kEngagements);
  sum("adviser.service_hours", "法律顾问服务时长", kServices, "t.hours", "hours");
  count("adviser.service_events", "法律顾问服务", kServices);

  // Learning the law and legal education.
  count("training.campaigns", "学法普法活动", kCampaigns);
  sum("training.officials_attended", "参学人数", kCampaigns, "coalesce(t.attended, 0)", "count",
      kOfficialsOnline);
  sum("training.officials_expected", "应参学人数", kCampaigns, "t.expected", "count", kOfficialsOnline);
  sum("training.officials_exam_taken", "参考人数", kCampaigns, "coalesce(t.exam_taken, 0)", "count",
      kOfficialsExam);
  sum("training.officials_exam_expected", "应参考人数", kCampaigns, "t.expected", "count", kOfficialsExam);
  sum("training.exam_taken", "参考人数（全部考试）", kCampaigns, "t.exam_taken", "count",
      "t.exam_taken IS NOT NULL");
  sum("training.exam_passed", "合格人数", kCampaigns, "coalesce(t.exam_passed, 0)", "count",
      "t.exam_taken IS NOT NULL");
  sum("training.exam_excellent", "优秀人数", kCampaigns, "coalesce(t.exam_excellent, 0)", "count",
      "t.exam_taken IS NOT NULL");
  sum("training.public_reach", "普法覆盖群众", kCampaigns, "t.attended", "count",
      "t.audience IS NOT NULL AND t.audience <> 'officials'");
  sum("training.materials_distributed", "发放普法资料", kCampaigns, "t.materials_distributed", "count");
  count("training.legal_literates", "培养法律明白人", kLiteratesTrained);
  count("training.villages", "村（社区）", kUnits, kVillage);
  count("training.villages_with_legal_literates", "法律明白人达标的村（社区）", kUnits,
        std::string(kVillage) +
            " AND (SELECT count(*) FROM legal_literate l WHERE l.unit_id = t.id AND "
            "(l.trained IS NULL OR l.trained <= :to)) >= :min_per_village")
      ->params.push_back({"min_per_village", ":min_per_village", "integer", 3});

  // First-responsible-person duties.
  count("leadership.activities", "第一责任人履职活动", kLeadership);
  return m;
}

std::vector<IndicatorDef> build_catalogue() {
  return {
      {"mediation.committees", "人民调解委员会数", "count", "mediation.committees", "", "", ""},
      {"mediation.committee_coverage", "村（社区）人民调解委员会覆盖率", "ratio",
       "mediation.villages_with_committee", "mediation.villages", "", ""},
      {"mediation.received", "受理矛盾纠纷数", "count", "mediation.received", "", "", ""},
      {"mediation.concluded", "调结矛盾纠纷数", "count", "mediation.concluded", "", "", ""},
      {"mediation.succeeded", "调解成功数", "count", "mediation.succeeded", "", "", ""},
      {"mediation.success_rate", "调解成功率", "ratio", "mediation.succeeded", "mediation.concluded",
       "", ""},
      {"mediation.by_category", "矛盾纠纷分类", "count", "mediation.received", "", "t.category",
       "mediation_case.category"},
      {"mediation.unnatural_death", "非正常死亡纠纷数", "count", "mediation.unnatural_death", "", "",
       ""},
      {"mediation.large_amount", "涉案金额较大纠纷数", "count", "mediation.large_amount", "", "", ""},
      {"mediation.mass_incidents_prevented", "防止群体性事件数", "count",
       "mediation.mass_incidents_prevented", "", "", ""},
      {"mediation.criminal_cases_prevented", "防止民转刑案件数", "count",
       "mediation.criminal_cases_prevented", "", "", ""},
      {"mediation.amount_yuan", "调解协议涉及金额", "yuan", "mediation.amount_yuan", "", "", ""},
      {"mediation.labour_overdue", "劳动争议超期未结数", "count", "mediation.labour_overdue", "", "",
       ""},
      {"petition.received", "信访事项数", "count", "petition.received", "", "", ""},
      {"petition.timely_acceptance_rate", "信访事项按期受理率", "ratio", "petition.answered_in_time",
       "petition.received", "", ""},
      {"petition.timely_conclusion_rate", "信访事项按期办结率", "ratio",
       "petition.concluded_in_time", "petition.concluded", "", ""},
      {"petition.resolved", "化解信访问题数", "count", "petition.resolved", "", "", ""},
      {"petition.backlog_resolved", "化解信访积案数", "count", "petition.backlog_resolved", "", "", ""},
      {"petition.funds_secured_yuan", "落实司法救助和执行款", "yuan", "petition.funds_secured_yuan", "",
       "", ""},
      {"petition.leader_receptions", "领导接访下访数", "count", "petition.leader_receptions", "", "",
       ""},
      {"adviser.coverage", "法律顾问覆盖率", "ratio", "adviser.units_covered", "adviser.units_required",
       "", ""},
      {"adviser.engagements", "法律顾问聘任数", "count", "adviser.engagements", "", "", ""},
      {"adviser.service_hours", "法律顾问服务时长", "hours", "adviser.service_hours", "", "", ""},
      {"adviser.service_events", "法律顾问服务次数", "count", "adviser.service_events", "", "t.kind",
       "adviser_service.kind"},
      {"training.campaigns", "学法普法活动数", "count", "training.campaigns", "", "t.kind",
       "training_campaign.kind"},
      {"training.participation_rate", "参学率", "ratio", "training.officials_attended",
       "training.officials_expected", "", ""},
      {"training.exam_participation_rate", "参考率", "ratio", "training.officials_exam_taken",
       "training.officials_exam_expected", "", ""},
      {"training.exam_pass_rate", "考试合格率", "ratio", "training.exam_passed", "training.exam_taken",
       "", ""},
      {"training.exam_excellent_rate", "优秀率", "ratio", "training.exam_excellent", "training.exam_taken",
       "", ""},
      {"training.public_reach", "普法覆盖人次", "count", "training.public_reach", "", "", ""},
      {"training.materials_distributed", "发放普法资料份数", "count", "training.materials_distributed",
       "", "", ""},
      {"training.legal_literates", "培养法律明白人数", "count", "training.legal_literates", "", "", ""},
      {"training.legal_literate_coverage", "法律明白人村（社区）达标率", "ratio",
       "training.villages_with_legal_literates", "training.villages", "", ""},
      {"leadership.activities", "第一责任人履职活动数", "count", "leadership.activities", "",
       "t.kind", "leadership_activity.kind"},
  };
}

}  // namespace

const std::vector<Measure>& measures() {
  static const std::vector<Measure> m = build_measures();
  return m;
}

const std::vector<IndicatorDef>& catalogue() {
  static const std::vector<IndicatorDef> c = build_catalogue();
  return c;
}

const Measure* find_measure(const std::string& code) {
  for (const Measure& m : measures())
    if (m.code == code) return &m;
  return nullptr;
}

const IndicatorDef* find_indicator(const std::string& code) {
  for (const IndicatorDef& d : catalogue())
    if (d.code == code) return &d;
  return nullptr;
}

}  // namespace fazhi::indicators
