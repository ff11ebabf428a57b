// enforcement_detail_test.cpp — enforcement by field and violation, licences'
// time in working days against their promise, non-coercive measures, and
// the rate of licences and penalties publicized on time (双公示) as one
// expression over breakdown members. Values computed by hand.
#include "test_support.hpp"

using fazhi::Database;
using fazhi::IndicatorValue;
using fazhi::Status;
using fazhi::testing_support::kSampleTree;
using fazhi::testing_support::status_of;
using json = nlohmann::json;

namespace {

// 2022's National Day holiday runs 1–7 October, with 8 and 9 October
// (Saturday, Sunday) made working days. Working days after Wednesday 28
// September: 29 Sep (1), 30 Sep (2), 8 Oct (3), 9 Oct (4), 10 Oct (5).
//   l1: applied 2022-09-28, promised 5 working days -> due 2022-10-10, decided
//       2022-10-10: on time on its last day, 5 working days taken.
//   l2: applied 2022-11-01 (Tue), promised 3 -> due 2022-11-04 (Fri), decided
//       2022-11-10 (Thu): late, 7 working days taken (2-4, 7-10 Nov).
//   l3: a licence without an application date: counted, not timed.
// Publicity (7 working days for penalties and licences): p1, p2 and l2 on
// time, l1 late (decided 10-10, due 10-19, publicized 10-31), p3 never.
const std::string kFixture = std::string(kSampleTree) + R"(
{"record":"enforcement_action","key":"l1","unit":"zone","kind":"license","domain":"market","decided":"2022-10-10","applied":"2022-09-28","promised_days":5,"notify_commit":true,"license_type":"食品经营许可","publicized":"2022-10-31"}
{"record":"enforcement_action","key":"l2","unit":"team","kind":"license","domain":"housing_construction","decided":"2022-11-10","applied":"2022-11-01","promised_days":3,"notify_commit":false,"publicized":"2022-11-11"}
{"record":"enforcement_action","key":"l3","unit":"zone","kind":"license","decided":"2022-12-01"}
{"record":"enforcement_action","key":"p1","unit":"zone","kind":"penalty","domain":"market","violation":"串标","decided":"2022-06-01","publicized":"2022-06-02"}
{"record":"enforcement_action","key":"p2","unit":"v1","kind":"penalty","domain":"ecology_environment","violation":"不正当竞争","decided":"2022-06-06","publicized":"2022-06-08"}
{"record":"enforcement_action","key":"p3","unit":"zone","kind":"penalty","violation":"串标","decided":"2022-07-01"}
{"record":"enforcement_action","key":"w1","unit":"zone","kind":"warning_letter","domain":"market","decided":"2022-03-01"}
{"record":"enforcement_action","key":"i1","unit":"zone","kind":"interview","decided":"2022-04-01"}
{"record":"enforcement_action","key":"e1","unit":"team","kind":"exemption","domain":"market","violation":"未按规定公示","decided":"2022-05-01"}
{"record":"enforcement_action","key":"e2","unit":"zone","kind":"exemption","decided":"2023-01-05"}
)";

class EnforcementDetail : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = db_->import_ndjson(kFixture, {});
    ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  }
  IndicatorValue value(const std::string& code, const std::string& period = "2022") {
    return db_->indicator(code, "zone", period);
  }
  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

TEST_F(EnforcementDetail, ALicencesWorkingDaysAndPromisedLastDayCrossTheHoliday) {
  json l1 = db_->get("enforcement_action", "l1");
  EXPECT_EQ(l1["processing_days"], 5);
  EXPECT_EQ(l1["promised_deadline"], "2022-10-10");
  json l2 = db_->get("enforcement_action", "l2");
  EXPECT_EQ(l2["processing_days"], 7);
  EXPECT_EQ(l2["promised_deadline"], "2022-11-04");
  json l3 = db_->get("enforcement_action", "l3");
  EXPECT_FALSE(l3.contains("processing_days"));
  EXPECT_FALSE(l3.contains("promised_deadline"));
}

TEST_F(EnforcementDetail, LicencesAreCountedTimedAndMeasuredAgainstThePromise) {
  EXPECT_EQ(value("enforcement.licenses").value, 3);
  IndicatorValue average = value("enforcement.license_average_days");
  EXPECT_EQ(average.measure, "days");
  EXPECT_EQ(average.value, 6);  // (5 + 7) / 2, l3 has no application date
  EXPECT_EQ(average.numerator, 12);
  EXPECT_EQ(average.denominator, 2);
  IndicatorValue on_time = value("enforcement.license_on_time_rate");
  EXPECT_EQ(on_time.numerator, 1);  // l1, on its last day
  EXPECT_EQ(on_time.denominator, 2);
  EXPECT_EQ(on_time.value, 50);
  EXPECT_EQ(value("enforcement.notify_commit_licenses").value, 1);
  EXPECT_TRUE(value("enforcement.license_average_days", "2021").no_data);
}

TEST_F(EnforcementDetail, ActionsAreBrokenDownByFieldAndByViolation) {
  IndicatorValue by_domain = value("enforcement.by_domain");
  EXPECT_EQ(by_domain.value, 9);  // every action of 2022
  EXPECT_EQ(by_domain.breakdown, (std::map<std::string, double>{
                                     {"ecology_environment", 1}, {"housing_construction", 1}, {"market", 4}}));
  EXPECT_EQ(by_domain.to_json()["breakdown_labels"], "enforcement_action.domain");
  IndicatorValue by_violation = value("enforcement.by_violation");
  EXPECT_EQ(by_violation.breakdown,
            (std::map<std::string, double>{{"串标", 2}, {"不正当竞争", 1}, {"未按规定公示", 1}}));
  // Free text has no label set, and its breakdown is listed even when empty.
  json empty = value("enforcement.by_violation", "2021").to_json();
  EXPECT_EQ(empty["breakdown"], json::object());
  EXPECT_FALSE(empty.contains("breakdown_labels"));
  EXPECT_EQ(value("enforcement.by_domain[market]").value, 4);
}

TEST_F(EnforcementDetail, NonCoerciveMeasuresAndExemptionsAreCounted) {
  IndicatorValue soft = value("enforcement.non_coercive");
  EXPECT_EQ(soft.value, 3);  // w1, i1, e1; e2 is of 2023
  EXPECT_EQ(soft.breakdown,
            (std::map<std::string, double>{{"exemption", 1}, {"interview", 1}, {"warning_letter", 1}}));
  EXPECT_EQ(value("enforcement.exemptions").value, 1);
  EXPECT_EQ(value("enforcement.exemptions", "2022-01-01/2023-03-15").value, 2);
}

// 双公示: licences and penalties publicized on time over licences and
// penalties: p1, p2, l2 of l1-l3 and p1-p3, 3 of 6.
TEST_F(EnforcementDetail, TheDoublePublicityRateIsOneExpressionOverBreakdownMembers) {
  EXPECT_EQ(value("enforcement.timely_publicity_rate[penalty]").value, 2);
  EXPECT_EQ(value("enforcement.timely_publicity_rate[license]").value, 1);
  db_->define_indicator(
      {{"code", "custom.double_publicity"},
       {"label", "双公示按时公示率"},
       {"measure", "ratio"},
       {"expression",
        "(enforcement.timely_publicity_rate[license] + enforcement.timely_publicity_rate[penalty]) / "
        "(enforcement.actions[license] + enforcement.actions[penalty]) * 100"}});
  EXPECT_EQ(value("custom.double_publicity").value, 50);
}

TEST_F(EnforcementDetail, LicenceFieldsOnOtherKindsAndImpossibleTimesAreRefusedNamingTheField) {
  auto field_of = [&](const json& record) {
    std::string message;
    EXPECT_EQ(status_of([&] { db_->put("enforcement_action", record); }, &message), Status::argument);
    return message.substr(0, message.find(':'));
  };
  const json base = {{"key", "x"}, {"unit", "zone"}, {"decided", "2022-05-10"}};
  json penalty = base;
  penalty["kind"] = "penalty";
  penalty["applied"] = "2022-05-01";
  EXPECT_EQ(field_of(penalty), "applied");
  penalty.erase("applied");
  penalty["promised_days"] = 5;
  EXPECT_EQ(field_of(penalty), "promised_days");
  json licence = base;
  licence["kind"] = "license";
  licence["applied"] = "2022-05-11";
  EXPECT_EQ(field_of(licence), "applied");
  licence["applied"] = "2022-05-01";
  licence["promised_days"] = 0;
  EXPECT_EQ(field_of(licence), "promised_days");
  licence["promised_days"] = 251;  // over a year of working days
  EXPECT_EQ(field_of(licence), "promised_days");
  licence["promised_days"] = std::int64_t{1} << 40;  // past int, refused before any date arithmetic
  EXPECT_EQ(field_of(licence), "promised_days");
  licence.erase("applied");
  licence["promised_days"] = 5;
  EXPECT_EQ(field_of(licence), "applied");
  json unknown = base;
  unknown["kind"] = "penalty";
  unknown["domain"] = "space";
  EXPECT_EQ(field_of(unknown), "domain");
  EXPECT_EQ(status_of([&] { db_->get("enforcement_action", "x"); }), Status::not_found);
}

}  // namespace
