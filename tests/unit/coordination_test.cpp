// coordination_test.cpp — 行政争议协调化解: coordination cases and meetings,
// their checks, and their indicators with values computed by hand from the
// fixture, the distinct count of agencies above all (it does not add up
// over units).
#include "indicators/engine.hpp"
#include "store/sqlite.hpp"
#include "test_support.hpp"

using fazhi::Database;
using fazhi::IndicatorValue;
using fazhi::Period;
using fazhi::Status;
using fazhi::testing_support::kSampleTree;
using fazhi::testing_support::status_of;
using fazhi::testing_support::TempDir;
using json = nlohmann::json;

namespace {

// Two departments join the sample tree as agencies. A lawsuit and a
// reconsideration case give the cases of those sources something to name.
//
// cases  unit  received    source           agencies        concluded   outcome
// k7     c1    2021-12-15  litigation       dept_j          2022-01-20  lost
// k1     zone  2022-02-10  litigation (ls1) team, dept_j    2022-03-20  resolved
// k2     v1    2022-04-06  petition         dept_j, v1      2022-06-30  unresolved
// k3     zone  2022-05-09  reconsid. (rc1)  dept_l          2022-08-15  won_after_remedy
// k4     v2    2022-09-01  other            dept_l, team    2023-01-10  resolved
// k5     zone  2022-11-20  litigation       —               2022-12-28  withdrawn
// k6     zone  2023-02-01  petition         c1              open
//
// meetings  unit  date        cases    agencies
// m1        zone  2022-03-01  k1       team, dept_j, zone
// m2        zone  2022-08-01  k3, k2   dept_l, dept_j
// m3        v2    2022-12-05  k4       v2, dept_l
// m4        zone  2023-02-20  k6       c1, dept_l
const std::string kFixture = std::string(kSampleTree) + R"(
{"record":"org_unit","code":"dept_j","name":"司法所","kind":"department","parent":"zone"}
{"record":"org_unit","code":"dept_l","name":"规划建设局","kind":"department","parent":"zone"}
{"record":"lawsuit","key":"ls1","unit":"zone","case_number":"（2022）鄂0222行初5号","filed":"2022-01-25"}
{"record":"reconsideration_case","key":"rc1","organ":"zone","respondent_unit":"team","received":"2022-04-28","category":"penalty"}
{"record":"coordination_case","key":"k7","unit":"c1","received":"2021-12-15","source":"litigation","agencies":["dept_j"]}
{"record":"coordination_case","key":"k7","action":"conclude","date":"2022-01-20","outcome":"lost"}
{"record":"coordination_case","key":"k1","unit":"zone","received":"2022-02-10","source":"litigation","lawsuit":"ls1","agencies":["team","dept_j"],"title":"拆除违法建筑争议"}
{"record":"coordination_case","key":"k1","action":"conclude","date":"2022-03-20","outcome":"resolved"}
{"record":"coordination_case","key":"k2","unit":"v1","received":"2022-04-06","source":"petition","agencies":["dept_j","v1"]}
{"record":"coordination_case","key":"k2","action":"conclude","date":"2022-06-30","outcome":"unresolved"}
{"record":"coordination_case","key":"k3","unit":"zone","received":"2022-05-09","source":"reconsideration","reconsideration":"rc1","agencies":["dept_l"]}
{"record":"coordination_case","key":"k3","action":"conclude","date":"2022-08-15","outcome":"won_after_remedy"}
{"record":"coordination_case","key":"k4","unit":"v2","received":"2022-09-01","source":"other","agencies":["dept_l","team"]}
{"record":"coordination_case","key":"k4","action":"conclude","date":"2023-01-10","outcome":"resolved"}
{"record":"coordination_case","key":"k5","unit":"zone","received":"2022-11-20","source":"litigation"}
{"record":"coordination_case","key":"k5","action":"conclude","date":"2022-12-28","outcome":"withdrawn"}
{"record":"coordination_case","key":"k6","unit":"zone","received":"2023-02-01","source":"petition","agencies":["c1"]}
{"record":"coordination_meeting","key":"m1","unit":"zone","date":"2022-03-01","cases":["k1"],"agencies":["team","dept_j","zone"]}
{"record":"coordination_meeting","key":"m2","unit":"zone","date":"2022-08-01","cases":["k3","k2"],"agencies":["dept_l","dept_j"],"topic":"征收补偿争议联席会议"}
{"record":"coordination_meeting","key":"m3","unit":"v2","date":"2022-12-05","cases":["k4"],"agencies":["v2","dept_l"]}
{"record":"coordination_meeting","key":"m4","unit":"zone","date":"2023-02-20","cases":["k6"],"agencies":["c1","dept_l"]}
)";

class Coordination : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = db_->import_ndjson(kFixture, {});
    ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  }
  IndicatorValue value(const std::string& code, const std::string& unit = "zone",
                       const std::string& period = "2022") {
    return db_->indicator(code, unit, period);
  }
  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

// --- the records' checks ------------------------------------------------------

TEST_F(Coordination, ACaseKeepsItsReferencesAgenciesAndConclusion) {
  const json k1 = db_->get("coordination_case", "k1");
  EXPECT_EQ(k1["lawsuit"], "ls1");
  EXPECT_EQ(k1["agencies"], json::array({"team", "dept_j"}));
  EXPECT_EQ(k1["concluded"], "2022-03-20");
  EXPECT_EQ(k1["outcome"], "resolved");
  EXPECT_EQ(db_->get("coordination_case", "k3")["reconsideration"], "rc1");
  EXPECT_FALSE(db_->get("coordination_case", "k6").contains("concluded"));
  // Records that agree with one another raise nothing: the kinds have no
  // statutory rule of their own.
  EXPECT_EQ(db_->findings({{"kind", "coordination_case"}})["total"], 0);
  EXPECT_EQ(db_->findings({{"kind", "coordination_meeting"}})["total"], 0);
}

TEST_F(Coordination, ALawsuitIsNamedOnlyByACaseFromLitigation) {
  std::string message;
  EXPECT_EQ(status_of(
                [&] {
                  db_->put("coordination_case", {{"key", "bad"}, {"unit", "zone"}, {"received", "2022-03-01"},
                                                 {"source", "petition"}, {"lawsuit", "ls1"}});
                },
                &message),
            Status::argument);
  EXPECT_NE(message.find("lawsuit"), std::string::npos) << message;
  EXPECT_NE(message.find("'petition'"), std::string::npos) << message;
  EXPECT_EQ(status_of([&] { db_->get("coordination_case", "bad"); }), Status::not_found);
  EXPECT_EQ(status_of([&] { db_->patch("coordination_case", "k3", {{"source", "other"}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("reconsideration"), std::string::npos) << message;
  EXPECT_EQ(db_->get("coordination_case", "k3")["source"], "reconsideration");
}

TEST_F(Coordination, AReferenceToAMissingLawsuitIsRefused) {
  std::string message;
  EXPECT_EQ(status_of(
                [&] {
                  db_->put("coordination_case", {{"key", "bad"}, {"unit", "zone"}, {"received", "2022-03-01"},
                                                 {"source", "litigation"}, {"lawsuit", "ls9"}});
                },
                &message),
            Status::argument);
  EXPECT_NE(message.find("ls9"), std::string::npos) << message;
}

TEST_F(Coordination, WonAfterRemedyEndsOnlyALawsuitOrAReconsideration) {
  std::string message;
  EXPECT_EQ(status_of([&] {
              db_->act("coordination_case", "k6", "conclude", {{"date", "2023-03-01"}, {"outcome", "won_after_remedy"}});
            },
                      &message),
            Status::argument);
  EXPECT_NE(message.find("outcome"), std::string::npos) << message;
  EXPECT_FALSE(db_->get("coordination_case", "k6").contains("outcome"));
}

TEST_F(Coordination, ConcludingBeforeReceiptIsRefusedNamingTheDate) {
  std::string message;
  EXPECT_EQ(status_of([&] {
              db_->act("coordination_case", "k6", "conclude", {{"date", "2023-01-31"}, {"outcome", "resolved"}});
            },
                      &message),
            Status::argument);
  EXPECT_NE(message.find("date"), std::string::npos) << message;
  EXPECT_NE(message.find("2023-02-01"), std::string::npos) << message;
}

TEST_F(Coordination, ACaseEndsOnceAndTheSameConclusionAgainChangesNothing) {
  const std::int64_t entries = fazhi::testing_support::journal_entries(*db_);
  db_->act("coordination_case", "k1", "conclude", {{"date", "2022-03-20"}, {"outcome", "resolved"}});
  EXPECT_EQ(fazhi::testing_support::journal_entries(*db_), entries);
  std::string message;
  EXPECT_EQ(status_of([&] {
              db_->act("coordination_case", "k1", "conclude", {{"date", "2022-03-21"}, {"outcome", "lost"}});
            },
                      &message),
            Status::conflict);
  EXPECT_NE(message.find("2022-03-20"), std::string::npos) << message;
}

TEST_F(Coordination, AnAgencyNamedTwiceIsRefused) {
  std::string message;
  EXPECT_EQ(status_of([&] { db_->patch("coordination_meeting", "m1", {{"agencies", {"team", "zone", "team"}}}); },
                      &message),
            Status::argument);
  EXPECT_NE(message.find("agencies"), std::string::npos) << message;
  EXPECT_NE(message.find("'team' twice"), std::string::npos) << message;
}

TEST_F(Coordination, AMeetingCannotDiscussACaseReceivedAfterIt) {
  std::string message;
  EXPECT_EQ(status_of([&] { db_->patch("coordination_meeting", "m1", {{"cases", {"k1", "k2"}}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("cases"), std::string::npos) << message;
  EXPECT_NE(message.find("'k2' was received on 2022-04-06"), std::string::npos) << message;
  // The day a case is received it may be discussed.
  db_->put("coordination_meeting", {{"key", "m5"}, {"unit", "zone"}, {"date", "2022-04-06"}, {"cases", {"k2"}}});
  EXPECT_EQ(db_->get("coordination_meeting", "m5")["cases"], json::array({"k2"}));
}

// --- indicators -----------------------------------------------------------------

TEST_F(Coordination, CasesReceivedByTheirSource) {
  IndicatorValue received = value("coordination.received");
  EXPECT_EQ(received.value, 5);  // k1-k5; k7 received in 2021, k6 in 2023
  EXPECT_EQ(received.breakdown, (std::map<std::string, double>{
                                    {"litigation", 2}, {"other", 1}, {"petition", 1}, {"reconsideration", 1}}));
  EXPECT_EQ(value("coordination.received[litigation]").value, 2);  // a breakdown member
  EXPECT_EQ(value("coordination.received[reconsideration]", "v1").value, 0);
}

TEST_F(Coordination, CasesHandledAreThoseConcludedWithAnyOutcome) {
  IndicatorValue handled = value("coordination.handled");
  EXPECT_EQ(handled.value, 5);  // k7, k1, k2, k3, k5; k4 concluded in 2023, k6 open
  EXPECT_EQ(handled.breakdown, (std::map<std::string, double>{{"lost", 1},
                                                               {"resolved", 1},
                                                               {"unresolved", 1},
                                                               {"withdrawn", 1},
                                                               {"won_after_remedy", 1}}));
  EXPECT_EQ(value("coordination.resolved").value, 1);  // k1
}

TEST_F(Coordination, TheResolutionRateCountsResolvedAndWonAfterRemedyOverHandled) {
  IndicatorValue rate = value("coordination.resolution_rate");
  EXPECT_EQ(rate.numerator, 2);  // k1 resolved, k3 won after remedy
  EXPECT_EQ(rate.denominator, 5);
  EXPECT_DOUBLE_EQ(rate.value, 40.0);
  // Sum over sum down the tree: v2's k4 is resolved in 2023, alone.
  IndicatorValue v2 = value("coordination.resolution_rate", "v2", "2023");
  EXPECT_EQ(v2.numerator, 1);
  EXPECT_EQ(v2.denominator, 1);
  // Nothing concluded: no data, never 0%.
  EXPECT_TRUE(value("coordination.resolution_rate", "team").no_data);
  const json explained = db_->explain("coordination.resolution_rate", "zone", "2022");
  EXPECT_EQ(explained["numerator"]["keys"], json::array({"k1", "k3"}));
  EXPECT_EQ(explained["missing"], json::array({"k2", "k5", "k7"}));
}

TEST_F(Coordination, MeetingsHeld) {
  EXPECT_EQ(value("coordination.meetings").value, 3);            // m1, m2, m3
  EXPECT_EQ(value("coordination.meetings", "v2").value, 1);      // m3
  EXPECT_EQ(value("coordination.meetings", "zone", "2022H1").value, 1);  // m1
}

TEST_F(Coordination, AgenciesAreCountedOnceAcrossMeetingsAndCases) {
  // 2022: cases received k1 {team, dept_j}, k2 {dept_j, v1}, k3 {dept_l},
  // k4 {dept_l, team}, k5 {}; meetings m1 {team, dept_j, zone}, m2 {dept_l,
  // dept_j}, m3 {v2, dept_l}: 14 mentions of 6 agencies.
  EXPECT_EQ(value("coordination.agencies").value, 6);
  const json explained = db_->explain("coordination.agencies", "zone", "2022");
  EXPECT_EQ(explained["numerator"]["keys"], json::array({"dept_j", "dept_l", "team", "v1", "v2", "zone"}));
  EXPECT_TRUE(explained["numerator"]["kind"].is_null());  // values counted, not records of a kind
}

TEST_F(Coordination, DistinctAgenciesDoNotAddUpOverUnits) {
  // Each unit's subtree: v1 has k2 {dept_j, v1}; v2 has k4 and m3 {dept_l,
  // team, v2}; c1 nothing received or met in 2022. The zone's subtree holds
  // them all and its own records: 6 agencies, not 2 + 3 + the zone's own 4.
  EXPECT_EQ(value("coordination.agencies", "v1").value, 2);
  EXPECT_EQ(value("coordination.agencies", "v2").value, 3);
  EXPECT_EQ(value("coordination.agencies", "c1").value, 0);
  EXPECT_EQ(value("coordination.agencies", "zone").value, 6);
}

TEST_F(Coordination, ACumulativeFigureAsOfADateIsAnExplicitRange) {
  // From 2022-01-01 to 2023-03-15: k1-k6 received, k7, k1, k2, k3, k5, k4
  // concluded, m1-m4 held, and the agencies gain c1 (k6, m4).
  const std::string as_of = "2022-01-01/2023-03-15";
  EXPECT_EQ(value("coordination.received", "zone", as_of).value, 6);
  EXPECT_EQ(value("coordination.received", "zone", as_of).breakdown.at("petition"), 2);
  EXPECT_EQ(value("coordination.handled", "zone", as_of).value, 6);
  EXPECT_EQ(value("coordination.resolved", "zone", as_of).value, 2);
  IndicatorValue rate = value("coordination.resolution_rate", "zone", as_of);
  EXPECT_EQ(rate.numerator, 3);
  EXPECT_EQ(rate.denominator, 6);
  EXPECT_DOUBLE_EQ(rate.value, 50.0);
  EXPECT_EQ(value("coordination.meetings", "zone", as_of).value, 4);
  EXPECT_EQ(value("coordination.agencies", "zone", as_of).value, 7);
  // As of a day inside 2022: up to 2022-08-01, k1-k3 received, m1 and m2
  // held, k7, k1, k2 concluded (k3 on 08-15 not yet).
  const std::string mid = "2022-01-01/2022-08-01";
  EXPECT_EQ(value("coordination.received", "zone", mid).value, 3);
  EXPECT_EQ(value("coordination.handled", "zone", mid).value, 3);
  EXPECT_EQ(value("coordination.meetings", "zone", mid).value, 2);
  EXPECT_EQ(value("coordination.agencies", "zone", mid).value, 5);  // team, dept_j, v1, dept_l, zone
}

TEST_F(Coordination, EveryPlanGivesTheSameDistinctCount) {
  // The subtree is read unit by unit or in one pass: a distinct count must
  // be the same either way (it is one aggregate over the subtree's rows).
  TempDir dir;
  const std::string path = dir.file("plans.db");
  {
    auto db = Database::open(path);
    ASSERT_EQ(db->import_ndjson(kFixture, {}).rejected, 0u);
  }
  fazhi::store::Connection conn(path, fazhi::store::ConnectionOptions{});
  fazhi::indicators::Engine engine(conn);
  using fazhi::indicators::Plan;
  for (const Plan plan : {Plan::per_unit, Plan::scan_subtree, Plan::scan_all}) {
    engine.force_plan(plan);
    const auto values = engine.evaluate({"coordination.agencies", "coordination.resolution_rate"}, "zone",
                                        Period::parse("2022"), json::object());
    EXPECT_EQ(values[0].value, 6);
    EXPECT_EQ(values[1].numerator, 2);
    EXPECT_EQ(values[1].denominator, 5);
    if (plan != Plan::scan_all) {
      EXPECT_EQ(engine.evaluate({"coordination.agencies"}, "v2", Period::parse("2022"), json::object())[0].value, 3);
    }
  }
}

TEST_F(Coordination, ACustomIndicatorMayUseTheDistinctCount) {
  db_->define_indicator({{"code", "custom.cases_per_agency"},
                         {"label", "每单位受理行政争议"},
                         {"expression", "coordination.received / coordination.agencies"}});
  EXPECT_DOUBLE_EQ(value("custom.cases_per_agency").value, 5.0 / 6.0);
}

TEST_F(Coordination, AnExportImportsIntoAnEmptyDatabaseWithTheSameFigures) {
  TempDir dir;
  const std::string file = dir.file("coordination.ndjson");
  db_->export_file(file, json::object());
  auto copy = Database::open(":memory:");
  const auto s = copy->import_file(file, {});
  ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  for (const char* key : {"k1", "k3", "k6"})
    EXPECT_EQ(copy->get("coordination_case", key), db_->get("coordination_case", key)) << key;
  EXPECT_EQ(copy->get("coordination_meeting", "m2"), db_->get("coordination_meeting", "m2"));
  for (const char* code : {"coordination.handled", "coordination.resolution_rate", "coordination.agencies"})
    EXPECT_EQ(copy->indicator(code, "zone", "2022").to_json(), value(code).to_json()) << code;
}

TEST_F(Coordination, AUnitsExportNamingAnAgencyOutsideItIsRefused) {
  // v1's case k2 names the department dept_j, which is not below v1.
  TempDir dir;
  std::string message;
  EXPECT_EQ(status_of([&] { db_->export_file(dir.file("v1.ndjson"), {{"unit", "v1"}, {"subtree", true}}); },
                      &message),
            Status::conflict);
  EXPECT_NE(message.find("dept_j"), std::string::npos) << message;
}

TEST_F(Coordination, TheLabelsComeFromTheDeclaration) {
  EXPECT_EQ(db_->labels("coordination_case.outcome")["won_after_remedy"], "补救后胜诉");
  EXPECT_EQ(db_->labels("coordination_case.outcome")["resolved"], "实质化解");
  EXPECT_EQ(db_->labels("kinds")["coordination_meeting"], "行政争议协调化解会议");
}

}  // namespace
