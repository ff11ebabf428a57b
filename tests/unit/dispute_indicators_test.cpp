// The mediation.* and petition.* indicators, each against values computed by
// hand on one fixture holding the edge cases: a case received in December and
// closed in January, withdrawn and transferred cases, a leaf unit vs the tree,
// a quarter vs the year, a period without cases, an amount of exactly 500 000
// yuan, labour cases closed on day 15 and day 16, and a petition whose 15th day
// falls in the National Day holiday.
#include "test_support.hpp"

#include "domain/record_summary.hpp"
#include "indicators/catalogue.hpp"

#include <cmath>

using fazhi::Database;
using fazhi::Error;
using fazhi::IndicatorValue;
using fazhi::Status;
using json = nlohmann::json;

namespace {

const std::string kFixture = std::string(fazhi::testing_support::kSampleTree) + R"(
{"record":"mediation_committee","key":"mc_zone","unit":"zone","name":"开发区人民调解委员会","established":"2010-05-01"}
{"record":"mediation_committee","key":"mc_v1","unit":"v1","name":"一村人民调解委员会","established":"2015-01-01"}
{"record":"mediation_committee","key":"mc_v2","unit":"v2","name":"二村人民调解委员会","established":"2022-06-01"}
{"record":"mediation_case","key":"k01","committee":"mc_v1","received":"2022-01-10","category":"marriage_family"}
{"record":"mediation_case","key":"k01","action":"close","date":"2022-01-20","outcome":"succeeded","agreement":"written","agreement_amount_yuan":3000}
{"record":"mediation_case","key":"k02","committee":"mc_v1","received":"2022-02-15","category":"labour"}
{"record":"mediation_case","key":"k02","action":"close","date":"2022-03-02","outcome":"succeeded","agreement":"oral"}
{"record":"mediation_case","key":"k03","committee":"mc_v2","received":"2022-02-15","category":"labour"}
{"record":"mediation_case","key":"k03","action":"close","date":"2022-03-03","outcome":"failed"}
{"record":"mediation_case","key":"k04","committee":"mc_v2","received":"2022-04-01","category":"damages","amount_yuan":"500000.00","unnatural_death":true,"mass_incident_risk":true}
{"record":"mediation_case","key":"k04","action":"close","date":"2022-04-20","outcome":"succeeded","agreement":"written","agreement_amount_yuan":450000,"prevented_mass_incident":true,"prevented_criminal_case":true}
{"record":"mediation_case","key":"k05","unit":"c1","received":"2022-05-05","category":"neighbourhood","amount_yuan":"499999.99"}
{"record":"mediation_case","key":"k05","action":"close","date":"2022-05-10","outcome":"withdrawn"}
{"record":"mediation_case","key":"k06","committee":"mc_zone","received":"2022-07-01","category":"traffic"}
{"record":"mediation_case","key":"k06","action":"close","date":"2022-07-15","outcome":"transferred"}
{"record":"mediation_case","key":"k07","committee":"mc_v1","received":"2022-08-01","category":"contract"}
{"record":"mediation_case","key":"k07","action":"close","date":"2022-08-10","outcome":"terminated"}
{"record":"mediation_case","key":"k08","committee":"mc_v1","received":"2022-12-20","category":"property_management"}
{"record":"mediation_case","key":"k08","action":"close","date":"2023-01-05","outcome":"succeeded","agreement":"written","agreement_amount_yuan":1000}
{"record":"mediation_case","key":"k09","committee":"mc_v2","received":"2021-12-28","category":"neighbourhood"}
{"record":"mediation_case","key":"k09","action":"close","date":"2022-01-04","outcome":"succeeded","agreement":"oral"}
{"record":"mediation_case","key":"k10","committee":"mc_v1","received":"2022-12-25","category":"labour"}
{"record":"mediation_case","key":"k11","committee":"mc_v2","received":"2022-11-01","category":"labour"}
{"record":"petition","key":"p1","unit":"v1","received":"2022-09-20","channel":"visit"}
{"record":"petition","key":"p1","action":"accept","date":"2022-10-08"}
{"record":"petition","key":"p1","action":"conclude","date":"2022-11-20","result":"resolved","funds_secured_yuan":1000000}
{"record":"petition","key":"p2","unit":"v1","received":"2022-09-21","channel":"letter"}
{"record":"petition","key":"p2","action":"accept","date":"2022-10-09"}
{"record":"petition","key":"p2","action":"conclude","date":"2022-10-20","result":"explained"}
{"record":"petition","key":"p3","unit":"v2","received":"2022-03-01","channel":"leader_visit","backlog":true}
{"record":"petition","key":"p3","action":"accept","date":"2022-03-05"}
{"record":"petition","key":"p3","action":"extend","date":"2022-04-20","days":30}
{"record":"petition","key":"p3","action":"conclude","date":"2022-05-30","result":"resolved","funds_secured_yuan":"2500.50"}
{"record":"petition","key":"p4","unit":"v2","received":"2022-06-01","channel":"online"}
{"record":"petition","key":"p4","action":"accept","date":"2022-06-02"}
{"record":"petition","key":"p4","action":"conclude","date":"2022-08-15","result":"not_supported"}
{"record":"petition","key":"p5","unit":"c1","received":"2022-12-20","channel":"leader_reception"}
{"record":"petition","key":"p5","action":"decline","date":"2022-12-22","reason":"已经或者依法应当通过诉讼解决"}
{"record":"petition","key":"p6","unit":"zone","received":"2022-11-11","channel":"phone"}
{"record":"petition","key":"p7","unit":"v1","received":"2021-11-01","channel":"visit"}
{"record":"petition","key":"p7","action":"accept","date":"2021-11-05"}
{"record":"petition","key":"p7","action":"conclude","date":"2022-01-03","result":"guided_to_litigation"}
)";

class DisputeIndicators : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = Database::open(":memory:").release();
    auto s = db_->import_ndjson(kFixture, {});
    ASSERT_EQ(s.rejected, 0u) << s.errors[0].line << ": " << s.errors[0].message;
  }
  static void TearDownTestSuite() { delete db_; }

  static IndicatorValue at(const std::string& code, const std::string& unit = "zone",
                           const std::string& period = "2022", const json& params = nullptr) {
    return db_->indicator(code, unit, period, params);
  }
  static double value(const std::string& code, const std::string& unit = "zone",
                      const std::string& period = "2022") {
    return at(code, unit, period).value;
  }
  static void expect_ratio(const std::string& code, double num, double den,
                           const std::string& unit = "zone", const std::string& period = "2022") {
    IndicatorValue v = at(code, unit, period);
    EXPECT_EQ(v.numerator, num) << code << " " << unit << " " << period;
    EXPECT_EQ(v.denominator, den) << code << " " << unit << " " << period;
    EXPECT_FALSE(v.no_data) << code;
    EXPECT_DOUBLE_EQ(v.value, num / den * 100.0) << code;
    EXPECT_EQ(v.measure, "ratio");
  }
  static Database* db_;
};
Database* DisputeIndicators::db_ = nullptr;

TEST_F(DisputeIndicators, FixtureRaisesExactlyTheExpectedWarnings) {
  json f = db_->findings(nullptr);
  std::vector<std::string> got;
  for (const json& item : f["items"]) got.push_back(item["key"].get<std::string>() + " " + item["rule"].get<std::string>());
  EXPECT_EQ(got, (std::vector<std::string>{"k03 mediation_case.labour_15_days",
                                           "p4 petition.conclusion_60_days",
                                           "p2 petition.acceptance_15_days"}));
}

TEST_F(DisputeIndicators, CommitteesCountThoseEstablishedByTheLastDay) {
  EXPECT_EQ(value("mediation.committees"), 3);
  EXPECT_EQ(value("mediation.committees", "zone", "2022Q1"), 2);  // mc_v2 came in June
  EXPECT_EQ(value("mediation.committees", "v1"), 1);
  EXPECT_EQ(value("mediation.committees", "c1"), 0);
}

TEST_F(DisputeIndicators, CommitteeCoverageCountsVillagesAndCommunitiesOnly) {
  expect_ratio("mediation.committee_coverage", 2, 3);  // v1, v2 of v1, v2, c1
  expect_ratio("mediation.committee_coverage", 1, 3, "zone", "2022Q1");
  expect_ratio("mediation.committee_coverage", 0, 1, "c1");
  EXPECT_TRUE(at("mediation.committee_coverage", "team").no_data);  // no village below
}

TEST_F(DisputeIndicators, ReceivedCountsByReceiptDate) {
  EXPECT_EQ(value("mediation.received"), 10);  // k01-k08, k10, k11; k09 is 2021's
  EXPECT_EQ(value("mediation.received", "zone", "2021"), 1);
  EXPECT_EQ(value("mediation.received", "zone", "2023"), 0);
  EXPECT_EQ(value("mediation.received", "v1"), 5);
  EXPECT_EQ(value("mediation.received", "zone", "2022Q1"), 3);
  EXPECT_EQ(value("mediation.received", "zone", "2022-12"), 2);
}

TEST_F(DisputeIndicators, ConcludedAndSucceededCountByClosingDateWithoutWithdrawnOrTransferred) {
  // Closed in 2022: k01 s, k02 s, k03 f, k04 s, k05 withdrawn, k06 transferred,
  // k07 terminated, k09 s. k08 closed in 2023.
  EXPECT_EQ(value("mediation.concluded"), 6);
  EXPECT_EQ(value("mediation.succeeded"), 4);
  EXPECT_EQ(value("mediation.concluded", "zone", "2023"), 1);
  EXPECT_EQ(value("mediation.succeeded", "zone", "2023"), 1);
}

TEST_F(DisputeIndicators, SuccessRateIsSumOverSumOnTreeLeafQuarterAndYear) {
  expect_ratio("mediation.success_rate", 4, 6);
  expect_ratio("mediation.success_rate", 2, 3, "v1");             // k01, k02 of k01, k02, k07
  expect_ratio("mediation.success_rate", 2, 3, "v2");             // k04, k09 of k03, k04, k09
  expect_ratio("mediation.success_rate", 3, 4, "zone", "2022Q1");  // k01, k02, k09 of + k03
  expect_ratio("mediation.success_rate", 1, 1, "zone", "2023");
}

TEST_F(DisputeIndicators, PeriodWithoutCasesHasNoDataNotZeroPercent) {
  IndicatorValue v = at("mediation.success_rate", "zone", "2020");
  EXPECT_TRUE(v.no_data);
  EXPECT_TRUE(std::isnan(v.value));
  EXPECT_EQ(v.denominator, 0);
  EXPECT_EQ(v.to_json()["value"], nullptr);
  EXPECT_EQ(v.to_json()["status"], "no_data");
  IndicatorValue received = at("mediation.received", "zone", "2020");  // a count is 0, not no_data
  EXPECT_FALSE(received.no_data);
  EXPECT_EQ(received.value, 0);
  EXPECT_TRUE(at("mediation.success_rate", "c1").no_data);  // only withdrawn there
}

TEST_F(DisputeIndicators, ByCategoryBreaksTheReceivedCasesDown) {
  IndicatorValue v = at("mediation.by_category");
  EXPECT_EQ(v.value, 10);
  std::map<std::string, double> expected = {{"contract", 1}, {"damages", 1},           {"labour", 4},
                                            {"marriage_family", 1}, {"neighbourhood", 1},
                                            {"property_management", 1}, {"traffic", 1}};
  EXPECT_EQ(v.breakdown, expected);
  EXPECT_EQ(at("mediation.by_category", "v2").breakdown,
            (std::map<std::string, double>{{"damages", 1}, {"labour", 2}}));
}

TEST_F(DisputeIndicators, FlagsAndAmounts) {
  EXPECT_EQ(value("mediation.unnatural_death"), 1);
  EXPECT_EQ(value("mediation.mass_incidents_prevented"), 1);
  EXPECT_EQ(value("mediation.criminal_cases_prevented"), 1);
  IndicatorValue amount = at("mediation.amount_yuan");
  EXPECT_EQ(amount.value, 453000);  // k01 3000 + k04 450000; k08's is 2023's
  EXPECT_EQ(amount.measure, "yuan");
  EXPECT_EQ(value("mediation.amount_yuan", "zone", "2023"), 1000);
}

TEST_F(DisputeIndicators, LargeAmountIncludesExactlyTheThresholdAndTakesAParameter) {
  IndicatorValue v = at("mediation.large_amount");
  EXPECT_EQ(v.value, 1);  // k04 at exactly 500000.00; k05 at 499999.99 is below
  EXPECT_EQ(v.params, json({{"min_yuan", 500000}}));
  EXPECT_EQ(at("mediation.large_amount", "zone", "2022", {{"min_yuan", 499999.99}}).value, 2);
  EXPECT_EQ(at("mediation.large_amount", "zone", "2022", {{"min_yuan", 500000.01}}).value, 0);
  try {
    at("mediation.large_amount", "zone", "2022", {{"max_yuan", 1}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::argument);
    EXPECT_EQ(e.field(), "max_yuan");
  }
}

TEST_F(DisputeIndicators, LabourOverdueCountsDaySixteenAndOpenCasesPastTheirDeadline) {
  // k02 closed on day 15: in time. k03 closed on day 16: overdue. k11 still
  // open, deadline 2022-11-16 passed. k10 open, deadline in 2023: not yet.
  EXPECT_EQ(value("mediation.labour_overdue"), 2);
  EXPECT_EQ(value("mediation.labour_overdue", "v1"), 0);
  EXPECT_EQ(value("mediation.labour_overdue", "zone", "2022Q1"), 1);
}

TEST_F(DisputeIndicators, PetitionCounts) {
  EXPECT_EQ(value("petition.received"), 6);  // p1-p6; p7 is 2021's
  EXPECT_EQ(value("petition.resolved"), 4);  // p1 resolved, p2 explained, p3 resolved, p7 guided
  EXPECT_EQ(value("petition.backlog_resolved"), 1);
  EXPECT_EQ(value("petition.leader_receptions"), 2);  // p3 leader_visit, p5 leader_reception
  EXPECT_EQ(value("petition.funds_secured_yuan"), 1002500.50);
  EXPECT_EQ(value("petition.funds_secured_yuan", "v1"), 1000000);
}

TEST_F(DisputeIndicators, TimelyAcceptanceUsesTheHolidayShiftedDeadline) {
  // p1 accepted on the shifted deadline 2022-10-08: in time. p2 a day late.
  // p3, p4 in time; p5 declined in time; p6 never answered.
  expect_ratio("petition.timely_acceptance_rate", 4, 6);
  expect_ratio("petition.timely_acceptance_rate", 1, 2, "v1");
  expect_ratio("petition.timely_acceptance_rate", 1, 1, "c1");
}

TEST_F(DisputeIndicators, TimelyConclusionCountsByConclusionDateWithExtensions) {
  // Concluded in 2022: p1, p2, p3 (extended, in time), p4 (late), p7.
  expect_ratio("petition.timely_conclusion_rate", 4, 5);
  expect_ratio("petition.timely_conclusion_rate", 1, 1, "zone", "2022Q1");  // p7
  EXPECT_TRUE(at("petition.timely_conclusion_rate", "zone", "2023").no_data);
}

TEST_F(DisputeIndicators, IndicatorsReturnsEveryCatalogueCodeInOrder) {
  json all = db_->indicators({{"unit", "zone"}, {"period", "2022"}});
  EXPECT_EQ(all["first"], "2022-01-01");
  EXPECT_EQ(all["last"], "2022-12-31");
  std::vector<std::string> codes, catalogue;
  for (const json& i : all["indicators"]) codes.push_back(i["code"]);
  for (const auto& def : fazhi::indicators::catalogue()) catalogue.push_back(def.code);
  EXPECT_EQ(codes, catalogue);
  json some = db_->indicators({{"unit", "v1"}, {"period", "2022H2"},
                               {"codes", {"mediation.received", "petition.received"}}});
  ASSERT_EQ(some["indicators"].size(), 2u);
  EXPECT_EQ(some["indicators"][0]["value"], 3);  // k07, k08, k10
  EXPECT_EQ(some["indicators"][1]["value"], 2);  // p1, p2
}

TEST_F(DisputeIndicators, UnknownCodeUnitOrPeriodIsRefused) {
  auto status = [&](const std::function<void()>& fn) {
    try {
      fn();
    } catch (const Error& e) {
      return e.status();
    }
    return Status::ok;
  };
  EXPECT_EQ(status([&] { at("mediation.nothing"); }), Status::argument);
  EXPECT_EQ(status([&] { at("mediation.received", "nowhere"); }), Status::not_found);
  EXPECT_EQ(status([&] { at("mediation.received", "zone", "2022Q5"); }), Status::argument);
}

TEST_F(DisputeIndicators, ExplainListsTheKeysCounted) {
  json e = db_->explain("mediation.success_rate", "zone", "2022");
  EXPECT_EQ(e["numerator"]["keys"], json({"k01", "k02", "k04", "k09"}));
  EXPECT_EQ(e["denominator"]["keys"], json({"k01", "k02", "k03", "k04", "k07", "k09"}));
  EXPECT_EQ(e["missing"], json({"k03", "k07"}));
  json cov = db_->explain("mediation.committee_coverage", "zone", "2022Q1");
  EXPECT_EQ(cov["numerator"]["keys"], json({"v1"}));
  EXPECT_EQ(cov["missing"], json({"c1", "v2"}));
  EXPECT_EQ(cov["denominator"]["kind"], "org_unit");
  EXPECT_EQ(cov["missing_records"], json::parse(R"([{"key": "c1", "summary": "类型：社区；应聘法律顾问"},
                                                    {"key": "v2", "summary": "类型：村；应聘法律顾问"}])"));
  json large = db_->explain("mediation.large_amount", "zone", "2022", {{"min_yuan", 499999.99}});
  EXPECT_EQ(large["numerator"]["keys"], json({"k04", "k05"}));
  EXPECT_TRUE(large["denominator"].is_null());
}

// The records a rate leaves out, first of all what a user asks about, say
// what they are in Chinese: the kind by its label, each record's dates and
// its codes by their labels (the outcome that kept it out: 调解不成, 终止调解).
TEST_F(DisputeIndicators, ExplainSaysWhatEachLeftOutRecordIsInChinese) {
  json e = db_->explain("mediation.success_rate", "zone", "2022");
  EXPECT_EQ(e["numerator"]["kind"], "mediation_case");
  EXPECT_EQ(e["denominator"]["kind_label"], "矛盾纠纷调解案件");
  EXPECT_EQ(e["missing_records"],
            json::parse(R"([{"key": "k03", "summary": "受理日期：2022-02-15；纠纷类型：劳动争议纠纷；结案日期：2022-03-03；调解结果：调解不成；劳动争议调解期限：2022-03-02"},
                            {"key": "k07", "summary": "受理日期：2022-08-01；纠纷类型：合同纠纷；结案日期：2022-08-10；调解结果：终止调解"}])"));
  EXPECT_TRUE(db_->explain("mediation.received", "zone", "2022")["denominator"].is_null());
}

// A summary names the dates and the codes' labels in declaration order, and a
// yes/no fact only when it holds; free text (the subject) and names never.
TEST(RecordSummary, DatesCodesAndFactsThatHoldInDeclarationOrder) {
  const fazhi::domain::Kind& petition = fazhi::domain::kind_named("petition");
  EXPECT_EQ(fazhi::domain::record_summary(
                petition, json::parse(R"({"key": "p", "unit": "v1", "received": "2022-03-01", "channel": "leader_visit",
                                          "petitioners": ["胡开堂"], "subject": "征地补偿", "backlog": true})")),
            "收到日期：2022-03-01；信访形式：领导下访；信访积案");
  EXPECT_EQ(fazhi::domain::record_summary(petition, json::parse(R"({"received": "2022-03-01", "backlog": false})")),
            "收到日期：2022-03-01");
}

TEST_F(DisputeIndicators, LabelsAreChinese) {
  json labels = db_->labels("indicators");
  EXPECT_EQ(labels["mediation.success_rate"], "调解成功率");
  EXPECT_EQ(at("mediation.success_rate").label, "调解成功率");
}

}  // namespace
