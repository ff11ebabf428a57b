// indicator_engine_test.cpp — the indicator engine on its own: records are
// written through a Database, then read by an Engine over a connection of its
// own to the same file. What is proved is the engine's semantics, whatever the
// kind: how each kind of dating picks rows for a period, the sum/sum roll-up
// over a subtree, no_data, breakdowns, parameters, explain, unknown codes.
#include "test_support.hpp"

#include "indicators/engine.hpp"
#include "store/sqlite.hpp"

#include <algorithm>
#include <fstream>
#include <cmath>
#include <memory>

using fazhi::Database;
using fazhi::Error;
using fazhi::IndicatorValue;
using fazhi::Period;
using fazhi::Status;
using fazhi::testing_support::kSampleTree;
using fazhi::testing_support::status_of;
using fazhi::testing_support::TempDir;
using json = nlohmann::json;

namespace {

// Committees in v1, v2 and the zone; cases dated to test each boundary:
// received on the first and last day of 2022 and just outside it, closed
// in 2022 after being received in 2021 (counted for closing, not receiving).
const std::string kRecords = std::string(kSampleTree) + R"(
{"record":"mediation_committee","key":"mc_zone","unit":"zone","name":"管委会调委会","established":"2010-05-01"}
{"record":"mediation_committee","key":"mc_v1","unit":"v1","name":"一村调委会","established":"2015-01-01"}
{"record":"mediation_committee","key":"mc_v2","unit":"v2","name":"二村调委会","established":"2022-12-31"}
{"record":"mediation_case","key":"first_day","committee":"mc_v1","received":"2022-01-01","category":"labour","amount_yuan":"200000"}
{"record":"mediation_case","key":"first_day","action":"close","date":"2022-01-10","outcome":"succeeded","agreement":"written","agreement_amount_yuan":"1000.50"}
{"record":"mediation_case","key":"last_day","committee":"mc_v2","received":"2022-12-31","category":"neighbourhood"}
{"record":"mediation_case","key":"last_day","action":"close","date":"2022-12-31","outcome":"failed"}
{"record":"mediation_case","key":"before","committee":"mc_v1","received":"2021-12-31","category":"neighbourhood"}
{"record":"mediation_case","key":"before","action":"close","date":"2022-01-05","outcome":"succeeded","agreement":"oral"}
{"record":"mediation_case","key":"after","committee":"mc_zone","received":"2023-01-01","category":"labour"}
{"record":"adviser","key":"a1","name":"甲律师","type":"lawyer"}
{"record":"adviser_engagement","key":"ends_on_first_day","adviser":"a1","unit":"v1","start":"2020-01-01","end":"2022-01-01"}
{"record":"adviser_engagement","key":"starts_after","adviser":"a1","unit":"v2","start":"2023-01-01"}
)";

class IndicatorEngine : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::open(path_);
    auto s = db->import_ndjson(kRecords, {});
    ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
    conn_ = std::make_unique<fazhi::store::Connection>(path_, fazhi::store::ConnectionOptions{});
    engine_ = std::make_unique<fazhi::indicators::Engine>(*conn_);
  }
  IndicatorValue value(const std::string& code, const std::string& unit = "zone",
                       const std::string& period = "2022", const json& params = json::object()) {
    auto values = engine_->evaluate({code}, unit, Period::parse(period), params);
    EXPECT_EQ(values.size(), 1u);
    return values.at(0);
  }
  TempDir dir_;
  std::string path_ = dir_.file("engine.db");
  std::unique_ptr<fazhi::store::Connection> conn_;
  std::unique_ptr<fazhi::indicators::Engine> engine_;
};

TEST_F(IndicatorEngine, ByDateCountsEventsFromTheFirstToTheLastDayInclusive) {
  EXPECT_EQ(value("mediation.received").value, 2);  // first_day, last_day
  EXPECT_EQ(value("mediation.received", "zone", "2021").value, 1);
  EXPECT_EQ(value("mediation.received", "zone", "2023").value, 1);
}

TEST_F(IndicatorEngine, EachMeasureUsesItsOwnEventDate) {
  // "before" was received in 2021 and closed in 2022: concluded in 2022.
  EXPECT_EQ(value("mediation.concluded").value, 3);
  EXPECT_EQ(value("mediation.succeeded").value, 2);
}

TEST_F(IndicatorEngine, OnTheLastDayCountsWhatExistsWhenThePeriodEnds) {
  EXPECT_EQ(value("mediation.committees").value, 3);  // mc_v2 established on 2022-12-31
  EXPECT_EQ(value("mediation.committees", "zone", "2022Q3").value, 2);
  EXPECT_EQ(value("mediation.committees", "zone", "2014").value, 1);
}

TEST_F(IndicatorEngine, OverlappingCountsEngagementsTouchingThePeriod) {
  EXPECT_EQ(value("adviser.engagements").value, 1);  // ends on 2022-01-01
  EXPECT_EQ(value("adviser.engagements", "zone", "2022-02").value, 0);
  EXPECT_EQ(value("adviser.engagements", "zone", "2023").value, 1);
}

TEST_F(IndicatorEngine, ASubtreeSumsItsUnitsAndALeafCountsOnlyItsOwn) {
  EXPECT_EQ(value("mediation.received", "v1").value, 1);
  EXPECT_EQ(value("mediation.received", "v2").value, 1);
  EXPECT_EQ(value("mediation.received", "c1").value, 0);
  EXPECT_EQ(value("mediation.received", "zone").value,
            value("mediation.received", "v1").value + value("mediation.received", "v2").value);
}

TEST_F(IndicatorEngine, ARatioIsTheSumOverTheSumAsAPercentage) {
  IndicatorValue r = value("mediation.success_rate");
  EXPECT_EQ(r.measure, "ratio");
  EXPECT_EQ(r.numerator, 2);
  EXPECT_EQ(r.denominator, 3);
  EXPECT_DOUBLE_EQ(r.value, 200.0 / 3.0);
  EXPECT_FALSE(r.no_data);
}

TEST_F(IndicatorEngine, ARatioOverNothingIsNoDataNotZero) {
  IndicatorValue r = value("mediation.success_rate", "c1");
  EXPECT_TRUE(r.no_data);
  EXPECT_TRUE(std::isnan(r.value));
  EXPECT_EQ(r.denominator, 0);
}

TEST_F(IndicatorEngine, MoneyIsSummedInFenAndReportedInYuan) {
  IndicatorValue m = value("mediation.amount_yuan");
  EXPECT_EQ(m.measure, "yuan");
  EXPECT_DOUBLE_EQ(m.value, 1000.50);
}

TEST_F(IndicatorEngine, ABreakdownCountsEveryCodeAndSumsToTheFigure) {
  IndicatorValue b = value("mediation.by_category");
  EXPECT_EQ(b.value, 2);
  EXPECT_EQ(b.breakdown, (std::map<std::string, double>{{"labour", 1}, {"neighbourhood", 1}}));
  EXPECT_EQ(b.breakdown_labels, "mediation_case.category");
}

TEST_F(IndicatorEngine, AParameterChangesTheConditionAndIsReported) {
  EXPECT_EQ(value("mediation.large_amount", "zone", "2022", {{"min_yuan", 200000}}).value, 1);
  IndicatorValue above = value("mediation.large_amount", "zone", "2022", {{"min_yuan", 200000.01}});
  EXPECT_EQ(above.value, 0);
  EXPECT_EQ(above.params, json({{"min_yuan", 200000.01}}));
}

TEST_F(IndicatorEngine, AParameterNoRequestedIndicatorTakesIsRefused) {
  std::string message;
  EXPECT_EQ(status_of([&] { value("mediation.received", "zone", "2022", {{"min_yuan", 1}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("min_yuan"), std::string::npos) << message;
}

TEST_F(IndicatorEngine, AnUnknownCodeIsRefusedNamingIt) {
  std::string message;
  EXPECT_EQ(status_of([&] { value("mediation.nothing"); }, &message), Status::argument);
  EXPECT_NE(message.find("mediation.nothing"), std::string::npos) << message;
}

TEST_F(IndicatorEngine, ExplainListsTheKeysCountedAndTheDenominatorsMissing) {
  json e = engine_->explain("mediation.success_rate", "zone", Period::parse("2022"), json::object());
  std::vector<std::string> counted = e["numerator"]["keys"].get<std::vector<std::string>>();
  std::sort(counted.begin(), counted.end());
  EXPECT_EQ(counted, (std::vector<std::string>{"before", "first_day"}));
  EXPECT_EQ(e["missing"], json::array({"last_day"}));
}

TEST_F(IndicatorEngine, EveryCatalogueCodeEvaluatesOnAnEmptySubtree) {
  for (const std::string& code : engine_->all_codes()) {
    SCOPED_TRACE(code);
    json params = json::object();
    EXPECT_EQ(status_of([&] { engine_->evaluate({code}, "team", Period::parse("2022"), params); }),
              Status::ok);
  }
}

// Every plan (per unit, scan of a part of the tree, scan of all of it) gives
// the same value, breakdown and explanation for every catalogue code, at
// the root, a township-like middle, a leaf and an empty unit, over the
// Yangxin sample's records (every kind the catalogue counts).
class IndicatorPlans : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::open(path_);
    std::ifstream order(std::string(FAZHI_SOURCE_DIR) + "/examples/yangxin-2022/import_order.txt");
    std::string file;
    fazhi::ImportOptions historical;
    historical.mode = fazhi::Mode::historical;
    while (std::getline(order, file)) {
      if (file.empty()) continue;
      auto s = db->import_file(std::string(FAZHI_SOURCE_DIR) + "/examples/yangxin-2022/" + file, historical);
      ASSERT_EQ(s.rejected, 0u) << file << ": " << s.to_json().dump();
    }
    conn_ = std::make_unique<fazhi::store::Connection>(path_, fazhi::store::ConnectionOptions{});
    engine_ = std::make_unique<fazhi::indicators::Engine>(*conn_);
  }
  json values_under(fazhi::indicators::Plan plan, const std::string& unit, const std::string& period) {
    engine_->force_plan(plan);
    json out = json::array();
    // Breakdown members too, each equal to what its breakdown lists.
    std::vector<std::string> codes = engine_->all_codes();
    const std::vector<std::pair<std::string, std::string>> members = {
        {"mediation.by_category", "labour"}, {"mediation.by_category", "other"}, {"enforcement.actions", "penalty"}};
    for (const auto& [code, member] : members) codes.push_back(code + "[" + member + "]");
    const std::vector<IndicatorValue> values = engine_->evaluate(codes, unit, Period::parse(period), {});
    for (const IndicatorValue& v : values) out.push_back(v.to_json());
    for (std::size_t i = 0; i < members.size(); ++i) {
      const IndicatorValue& member = values[values.size() - members.size() + i];
      const IndicatorValue& whole = *std::find_if(values.begin(), values.end(), [&](const IndicatorValue& v) {
        return v.code == members[i].first;
      });
      auto listed = whole.breakdown.find(members[i].second);
      EXPECT_EQ(member.value, listed == whole.breakdown.end() ? 0 : listed->second) << member.code;
    }
    for (const char* code : {"mediation.success_rate", "adviser.coverage", "mediation.committees"})
      out.push_back(engine_->explain(code, unit, Period::parse(period), json::object()));
    return out;
  }
  TempDir dir_;
  std::string path_ = dir_.file("plans.db");
  std::unique_ptr<fazhi::store::Connection> conn_;
  std::unique_ptr<fazhi::indicators::Engine> engine_;
};

TEST_F(IndicatorPlans, EveryPlanGivesTheSameValuesAndExplanations) {
  using fazhi::indicators::Plan;
  std::vector<std::string> units;
  {
    auto q = conn_->statement("SELECT key FROM org_unit ORDER BY depth DESC, id LIMIT 2");
    while (q->executeStep()) units.push_back(q->getColumn(0).getString());
    auto root = conn_->statement("SELECT key FROM org_unit WHERE depth = 0");
    ASSERT_TRUE(root->executeStep());
    units.push_back(root->getColumn(0).getString());
  }
  for (const std::string& unit : units)
    for (const char* period : {"2022", "2022Q4", "2021-06-01/2023-03-15"}) {
      SCOPED_TRACE(unit + " " + period);
      const json per_unit = values_under(Plan::per_unit, unit, period);
      EXPECT_EQ(values_under(Plan::scan_subtree, unit, period), per_unit);
      if (unit == units.back()) {
        EXPECT_EQ(values_under(Plan::scan_all, unit, period), per_unit);
      }
    }
}

TEST_F(IndicatorPlans, TheRootIsScannedWholeAndALeafReadUnitByUnit) {
  using fazhi::indicators::Plan;
  EXPECT_EQ(engine_->plan_for("yx-kfq"), Plan::scan_all);
  // One village of the zone's fourteen units: under an eighth of the tree.
  auto q = conn_->statement("SELECT key FROM org_unit WHERE kind = 'village' LIMIT 1");
  ASSERT_TRUE(q->executeStep());
  EXPECT_EQ(engine_->plan_for(q->getColumn(0).getString()), Plan::per_unit);
}

}  // namespace
