// kind_registry_test.cpp — the kind registry and what is built from the
// declarations: the export order and the indicator catalogue.

#include "domain/deadline_indicators.hpp"
#include "domain/kind.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "indicators/catalogue.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace fazhi::domain {
namespace {

TEST(KindRegistry, NamesAreUniqueAndTablesDefaultToThem) {
  std::set<std::string> names;
  for (const Kind* k : all_kinds()) {
    EXPECT_TRUE(names.insert(k->name).second) << k->name << " is registered twice";
    EXPECT_EQ(k->table, k->name) << "no kind needs a table of another name";
  }
  // Every table of a record (one with a key) belongs to a registered kind,
  // and every registered kind has its table.
  store::Connection conn(":memory:", {});
  store::prepare_schema(conn);
  std::set<std::string> keyed_tables;
  auto q = conn.statement(
      "SELECT m.name FROM sqlite_schema m WHERE m.type = 'table' AND "
      "EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'key')");
  while (q->executeStep()) keyed_tables.insert(q->getColumn(0).getString());
  keyed_tables.erase("journal");  // names the key of each record it logs
  keyed_tables.erase("finding");  // names the key of the record it was found in
  keyed_tables.erase("due_date");  // names the key of the record whose deadline it keeps
  EXPECT_EQ(names, keyed_tables);
  EXPECT_EQ(kind_named("adviser").unit_column, "");
  EXPECT_EQ(kind_named("org_unit").unit_column, "id");
  EXPECT_EQ(kind_named("petition").unit_column, "unit_id");
}

TEST(KindRegistry, EveryDeadlineHasOneRuleCodeItsStatuteAndASentenceWithItsDate) {
  std::set<std::string> rules;
  for (const Kind* k : all_kinds())
    for (const DeadlineDecl& d : k->deadlines) {
      EXPECT_TRUE(rules.insert(d.rule).second) << d.rule << " is declared twice";
      EXPECT_EQ(d.rule.rfind(k->name + ".", 0), 0u) << d.rule << " does not start with its kind";
      EXPECT_NE(d.phrase.find("{date}"), std::string::npos) << d.rule;
      EXPECT_FALSE(d.label.empty()) << d.rule;
      EXPECT_FALSE(d.source.empty()) << d.rule;
      EXPECT_TRUE(static_cast<bool>(d.open)) << d.rule;
      EXPECT_GE(d.horizon, 0) << d.rule;
    }
  EXPECT_EQ(rules.size(), 13u);
}

TEST(KindRegistry, ExportOrderPutsEveryReferencedKindFirst) {
  const auto& ordered = kinds_in_dependency_order();
  ASSERT_EQ(ordered.size(), all_kinds().size());
  std::set<std::string> placed;
  for (const Kind* k : ordered) {
    for (const Field& f : k->fields) {
      if (f.ref_kind.empty() || f.ref_kind == k->name) continue;
      EXPECT_TRUE(placed.count(f.ref_kind))
          << k->name << "." << f.name << " refers to " << f.ref_kind << ", exported later";
    }
    placed.insert(k->name);
  }
  // The registry lists enforcement actions before officers (the order of the
  // catalogue); the export must not.
  auto position = [&](const std::string& name) {
    for (std::size_t i = 0; i < ordered.size(); ++i)
      if (ordered[i]->name == name) return i;
    return ordered.size();
  };
  EXPECT_LT(position("enforcement_officer"), position("enforcement_action"));
}

TEST(KindRegistry, TheCatalogueIsBuiltFromTheDeclarations) {
  std::size_t declared = 0;
  for (const Kind* k : all_kinds()) declared += k->indicators.size();
  // The kinds' indicators, then those over every kind's deadlines.
  declared += deadline_indicators().size();
  EXPECT_EQ(deadline_indicators().size(), 2u);
  EXPECT_EQ(indicators::catalogue().size(), declared);
  EXPECT_EQ(indicators::catalogue().back().code, "alerts.concluded_late");
  EXPECT_EQ(indicators::find_measure("alerts.overdue")->base->table, "due_date");
  // Bases are shared: both mediation_case datings and the org-unit base of
  // three families.
  const indicators::Measure* received = indicators::find_measure("mediation.received");
  const indicators::Measure* unnatural = indicators::find_measure("mediation.unnatural_death");
  ASSERT_TRUE(received && unnatural);
  EXPECT_EQ(received->base, unnatural->base);
  EXPECT_EQ(received->base->name, "mediation_case@received");
  const indicators::Measure* villages = indicators::find_measure("mediation.villages");
  const indicators::Measure* required = indicators::find_measure("adviser.units_required");
  ASSERT_TRUE(villages && required);
  EXPECT_EQ(villages->base, required->base);
  EXPECT_EQ(villages->base->table, "org_unit");
  EXPECT_EQ(villages->base->unit_column, "id");
  // A measure over a view: the agencies of coordination cases and meetings,
  // a distinct count.
  const indicators::Measure* agencies = indicators::find_measure("coordination.agencies");
  ASSERT_TRUE(agencies);
  EXPECT_EQ(agencies->base->name, "coordination_agency@date");
  EXPECT_EQ(agencies->base->unit_column, "unit_id");
  EXPECT_EQ(agencies->distinct, "t.agency");
}

TEST(KindRegistry, ACoordinationCaseIsExportedAfterTheCasesItNamesAndBeforeItsMeetings) {
  const auto& ordered = kinds_in_dependency_order();
  auto position = [&](const std::string& name) {
    for (std::size_t i = 0; i < ordered.size(); ++i)
      if (ordered[i]->name == name) return i;
    return ordered.size();
  };
  EXPECT_LT(position("lawsuit"), position("coordination_case"));
  EXPECT_LT(position("reconsideration_case"), position("coordination_case"));
  EXPECT_LT(position("coordination_case"), position("coordination_meeting"));
  EXPECT_LT(position("org_unit"), position("normative_cleanup"));
}

TEST(KindRegistry, TheRatesThatShouldBeFullAreDeclaredByTheirKinds) {
  std::vector<std::string> full;
  for (const indicators::IndicatorDef& d : indicators::catalogue())
    if (d.should_be_full) full.push_back(d.code);
  EXPECT_EQ(full, (std::vector<std::string>{
                      "decision.legality_review_rate", "decision.procedure_compliance_rate",
                      "decision.archive_rate", "normative.review_rate", "normative.filing_rate",
                      "normative.timely_filing_rate",
                      "enforcement.timely_publicity_rate", "enforcement.recording_rate",
                      "enforcement.major_review_rate", "enforcement.license_on_time_rate", "enforcement.certified_officer_rate",
                      "reconsideration.timely_decision_rate", "mediation.committee_coverage", "petition.timely_acceptance_rate",
                      "petition.timely_conclusion_rate", "adviser.coverage",
                      "training.legal_literate_coverage"}));
}

}  // namespace
}  // namespace fazhi::domain
