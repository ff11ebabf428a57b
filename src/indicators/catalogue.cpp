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

const Base kDecisions{"decision@discussed", "decision", "unit_id", "t.discussed BETWEEN :from AND :to"};
const Base kNormative{"normative_document@published", "normative_document", "unit_id",
                      "t.published BETWEEN :from AND :to"};
const Base kActions{"enforcement_action@decided", "enforcement_action", "unit_id",
                    "t.decided BETWEEN :from AND :to"};
// Officers on the rolls (status active) on the period's last day.
const Base kOfficers{"enforcement_officer@last_day", "enforcement_officer", "unit_id", "t.status = 'active'"};
const Base kSupervision{"supervision_event@date", "supervision_event", "unit_id",
                        "t.date BETWEEN :from AND :to"};
const Base kLawsuitsFiled{"lawsuit@filed", "lawsuit", "unit_id", "t.filed BETWEEN :from AND :to"};
const Base kLawsuitsConcluded{"lawsuit@concluded", "lawsuit", "unit_id",
                              "t.concluded BETWEEN :from AND :to"};

const char* kVillage = "t.kind IN ('village', 'community')";
const char* kAdopted = "t.outcome IN ('adopted', 'adopted_with_revisions')";
const char* kReviewPassed = "t.review_result IN ('lawful', 'lawful_with_revisions')";
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

  // Major administrative decisions (event date: the collective discussion).
  const std::string adopted = kAdopted;
  count("decision.adopted", "通过的重大行政决策", kDecisions, adopted);
  count("decision.reviewed", "经合法性审查通过后决定的重大行政决策", kDecisions,
        adopted + " AND " + kReviewPassed + " AND t.review_completed <= t.discussed");
  count("decision.participation_required", "应公众参与的重大行政决策", kDecisions,
        adopted + " AND t.requires_public_participation = 1");
  count("decision.participation_done", "已公众参与的重大行政决策", kDecisions,
        adopted + " AND t.requires_public_participation = 1 AND t.participation_end <= t.discussed");
  count("decision.compliant", "程序无错误的重大行政决策", kDecisions,
        adopted + " AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.kind = 'decision' AND "
                  "f.record_id = t.id AND f.severity = 'error')");
  count("decision.archived", "材料齐全归档的重大行政决策", kDecisions, adopted + " AND t.archive_complete = 1");
  count("decision.archived_timely", "及时归档的重大行政决策", kDecisions,
        adopted + " AND t.archive_complete = 1 AND t.archived <= date(t.discussed, '+' || :archive_days || ' days')")
      ->params.push_back({"archive_days", ":archive_days", "integer", 30});

  // Normative documents (event date: publication).
  count("normative.published", "公布的规范性文件", kNormative);
  count("normative.reviewed", "经合法性审核的规范性文件", kNormative,
        std::string(kReviewPassed) + " AND t.review_completed <= t.published");
  count("normative.filed_timely", "按时报送备案的规范性文件", kNormative,
        "t.filed IS NOT NULL AND t.filed <= t.filing_deadline");

  // Law enforcement (event date: the decision).
  count("enforcement.actions", "行政执法行为", kActions);
  count("enforcement.publicized_timely", "按时公示的执法决定", kActions,
        "t.publicized IS NOT NULL AND t.publicized <= t.publicity_deadline");
  count("enforcement.recorded", "全过程记录的执法行为", kActions, "t.recorded = 1");
  count("enforcement.major", "重大执法决定", kActions, "t.major = 1");
  count("enforcement.major_reviewed", "经法制审核的重大执法决定", kActions,
        std::string("t.major = 1 AND ") + kReviewPassed + " AND t.review_completed <= t.decided");
  count("enforcement.officers", "在岗执法人员", kOfficers);
  count("enforcement.officers_certified", "持有效执法证件的执法人员", kOfficers,
        "t.certificate_issued <= :to AND t.certificate_expires >= :to");
  count("enforcement.certificates_expiring", "90日内到期的执法证件", kOfficers,
        "t.certificate_issued <= :to AND t.certificate_expires > :to AND "
        "t.certificate_expires <= date(:to, '+90 days')");
  count("enforcement.supervision_events", "执法监督活动", kSupervision);
  sum("enforcement.problems_found", "监督发现问题", kSupervision, "t.problems_found", "count");
  sum("enforcement.problems_corrected", "监督整改问题", kSupervision, "t.problems_corrected", "count");

  // Administrative litigation and reconsideration.
  count("litigation.cases", "行政诉讼案件", kLawsuitsFiled, "t.kind = 'litigation'");
  count("litigation.reconsiderations", "行政复议案件", kLawsuitsFiled, "t.kind = 'reconsideration'");
  count("litigation.concluded", "审结的行政诉讼案件", kLawsuitsConcluded, "t.kind = 'litigation'");
  count("litigation.lost", "败诉的行政诉讼案件", kLawsuitsConcluded,
        "t.kind = 'litigation' AND t.outcome IN ('revoked', 'changed', 'confirmed_illegal', 'ordered_to_act')");
  count("litigation.head_appeared", "负责人出庭应诉的案件", kLawsuitsConcluded,
        "t.kind = 'litigation' AND t.head_appeared = 1");

  // First-responsible-person duties.
  count("leadership.activities", "第一责任人履职活动", kLeadership);
  return m;
}

std::vector<IndicatorDef> build_catalogue() {
  return {
      {"decision.adopted", "重大行政决策数", "count", "decision.adopted", "", "", ""},
      {"decision.legality_review_rate", "重大行政决策合法性审查率", "ratio", "decision.reviewed",
       "decision.adopted", "", ""},
      {"decision.public_participation_rate", "重大行政决策公众参与率", "ratio",
       "decision.participation_done", "decision.participation_required", "", ""},
      {"decision.procedure_compliance_rate", "重大行政决策程序合规率", "ratio", "decision.compliant",
       "decision.adopted", "", ""},
      {"decision.archive_rate", "重大行政决策归档率", "ratio", "decision.archived", "decision.adopted", "",
       ""},
      {"decision.timely_archive_rate", "重大行政决策及时归档率", "ratio", "decision.archived_timely",
       "decision.adopted", "", ""},
      {"normative.published", "规范性文件数", "count", "normative.published", "", "", ""},
      {"normative.review_rate", "规范性文件合法性审核率", "ratio", "normative.reviewed",
       "normative.published", "", ""},
      {"normative.timely_filing_rate", "规范性文件按时报备率", "ratio", "normative.filed_timely",
       "normative.published", "", ""},
      {"enforcement.actions", "行政执法行为数", "count", "enforcement.actions", "", "t.kind",
       "enforcement_action.kind"},
      {"enforcement.timely_publicity_rate", "执法决定按时公示率", "ratio", "enforcement.publicized_timely",
       "enforcement.actions", "", ""},
      {"enforcement.recording_rate", "执法全过程记录率", "ratio", "enforcement.recorded",
       "enforcement.actions", "", ""},
      {"enforcement.major_review_rate", "重大执法决定法制审核率", "ratio", "enforcement.major_reviewed",
       "enforcement.major", "", ""},
      {"enforcement.certified_officer_rate", "执法人员持证率", "ratio", "enforcement.officers_certified",
       "enforcement.officers", "", ""},
      {"enforcement.certificates_expiring", "90日内到期执法证件数", "count",
       "enforcement.certificates_expiring", "", "", ""},
      {"enforcement.supervision_events", "执法监督活动数", "count", "enforcement.supervision_events", "",
       "t.kind", "supervision_event.kind"},
      {"enforcement.problems_corrected_rate", "监督发现问题整改率", "ratio",
       "enforcement.problems_corrected", "enforcement.problems_found", "", ""},
      {"litigation.cases", "行政诉讼案件数", "count", "litigation.cases", "", "", ""},
      {"litigation.reconsiderations", "行政复议案件数", "count", "litigation.reconsiderations", "", "", ""},
      {"litigation.loss_rate", "行政诉讼败诉率", "ratio", "litigation.lost", "litigation.concluded", "",
       ""},
      {"litigation.head_appearance_rate", "行政机关负责人出庭应诉率", "ratio", "litigation.head_appeared",
       "litigation.concluded", "", ""},
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
