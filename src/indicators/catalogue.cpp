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

const char* kVillage = "t.kind IN ('village', 'community')";

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
                 std::string cond = "1") {
    Measure* x = count(std::move(code), std::move(label), base, std::move(cond));
    x->sum = std::move(expr);
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
  sum("mediation.amount_yuan", "调解协议金额", kCasesClosed, "t.agreement_amount_fen",
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
  sum("petition.funds_secured_yuan", "落实资金", kPetitionsConcluded, "t.funds_secured_fen");
  count("petition.leader_receptions", "领导接访下访", kPetitionsReceived,
        "t.channel IN ('leader_reception', 'leader_visit')");
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
