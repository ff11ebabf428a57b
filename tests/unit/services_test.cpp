// Legal advisers, training campaigns, 法律明白人 and leadership duties: their
// rules, and the adviser.*, training.* and leadership.* indicators against
// hand-computed values (coverage by overlap, units that need no adviser,
// subtree vs root, campaigns with and without an expected count, officials vs
// public, min_per_village below and at 3, no_data when nothing was expected).
#include "test_support.hpp"

#include <cmath>

using fazhi::Database;
using fazhi::Error;
using fazhi::Status;
using json = nlohmann::json;

namespace {

const std::string kFixture = std::string(fazhi::testing_support::kSampleTree) + R"(
{"record":"adviser","key":"a1","name":"甲律师","firm":"某律师事务所","type":"lawyer"}
{"record":"adviser","key":"a2","name":"乙律师","type":"public_lawyer"}
{"record":"adviser_engagement","key":"e_zone","adviser":"a1","unit":"zone","start":"2021-01-01","end":"2023-12-31","fee_yuan":"30000"}
{"record":"adviser_engagement","key":"e_v1","adviser":"a1","unit":"v1","start":"2022-01-01","end":"2022-06-30"}
{"record":"adviser_engagement","key":"e_v2","adviser":"a2","unit":"v2","start":"2023-02-01"}
{"record":"adviser_service","key":"s1","engagement":"e_zone","date":"2022-03-01","kind":"consultation","hours":2.5,"on_site":true}
{"record":"adviser_service","key":"s2","engagement":"e_zone","date":"2022-09-10","kind":"lecture","hours":3,"participants":80}
{"record":"adviser_service","key":"s3","adviser":"a1","unit":"v1","date":"2022-05-20","kind":"consultation","hours":4}
{"record":"adviser_service","key":"s4","engagement":"e_v2","date":"2023-03-01","kind":"risk_assessment","hours":6}
{"record":"training_campaign","key":"t1","unit":"zone","title":"法宣在线无纸化学法","kind":"online_learning","audience":"officials","start":"2022-01-05","expected":40,"attended":40}
{"record":"training_campaign","key":"t2","unit":"v1","title":"村干部无纸化学法","kind":"online_learning","audience":"officials","start":"2022-02-01","expected":10,"attended":8}
{"record":"training_campaign","key":"t3","unit":"zone","title":"年度学法用法考试","kind":"exam","audience":"officials","start":"2022-11-10","expected":50,"exam_taken":48,"exam_passed":47,"exam_excellent":40}
{"record":"training_campaign","key":"t4","unit":"c1","title":"宪法宣传周","kind":"theme_event","theme":"宪法宣传周","audience":"public","start":"2022-12-01","attended":300,"materials_distributed":500}
{"record":"training_campaign","key":"t5","unit":"v2","title":"民法典进村","kind":"lecture","audience":"village_cadres","start":"2022-06-01","attended":25}
{"record":"training_campaign","key":"t6","unit":"zone","title":"自学","kind":"online_learning","audience":"officials","start":"2022-03-01","attended":12}
{"record":"training_campaign","key":"t7","unit":"v1","title":"普法考试","kind":"exam","audience":"public","start":"2022-04-01","exam_taken":20,"exam_passed":15,"exam_excellent":5}
{"record":"legal_literate","key":"l1","unit":"v1","name":"丙某","trained":"2022-03-01","certified":true}
{"record":"legal_literate","key":"l2","unit":"v1","name":"丁某","trained":"2022-03-01"}
{"record":"legal_literate","key":"l3","unit":"v1","name":"戊某","trained":"2022-10-01"}
{"record":"legal_literate","key":"l4","unit":"v2","name":"己某","trained":"2021-05-01"}
{"record":"legal_literate","key":"l5","unit":"v2","name":"庚某","trained":"2022-05-01"}
{"record":"leadership_activity","key":"la1","unit":"zone","date":"2022-02-10","kind":"leading_group_meeting","leader":"党工委书记","topic":"研究法治建设工作要点"}
{"record":"leadership_activity","key":"la2","unit":"zone","date":"2022-07-01","kind":"lecture_by_leader","leader":"党工委书记"}
{"record":"leadership_activity","key":"la3","unit":"v1","date":"2022-08-01","kind":"study_session","leader":"村党支部书记"}
)";

class Services : public ::testing::Test {
 protected:
  // A fresh database per test: several tests add records.
  void SetUp() override {
    db_ = Database::open(":memory:").release();
    auto s = db_->import_ndjson(kFixture, {});
    ASSERT_EQ(s.rejected, 0u) << s.errors[0].line << ": " << s.errors[0].message;
  }
  void TearDown() override { delete db_; }
  static fazhi::IndicatorValue at(const std::string& code, const std::string& unit = "zone",
                                  const std::string& period = "2022", const json& params = nullptr) {
    return db_->indicator(code, unit, period, params);
  }
  static void expect_ratio(const std::string& code, double num, double den,
                           const std::string& unit = "zone", const std::string& period = "2022",
                           const json& params = nullptr) {
    fazhi::IndicatorValue v = at(code, unit, period, params);
    EXPECT_EQ(v.numerator, num) << code << " " << unit << " " << period;
    EXPECT_EQ(v.denominator, den) << code << " " << unit << " " << period;
    EXPECT_DOUBLE_EQ(v.value, num / den * 100.0) << code;
  }
  static std::string field_error(const std::string& kind, const json& record) {
    try {
      db_->put(kind, record);
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), Status::argument) << e.what();
      return e.field();
    }
    return "(accepted)";
  }
  static Database* db_;
};
Database* Services::db_ = nullptr;

TEST_F(Services, EngagementEndingBeforeItStartsIsRefused) {
  EXPECT_EQ(field_error("adviser_engagement", {{"key", "bad"}, {"adviser", "a1"}, {"unit", "c1"},
                                               {"start", "2022-05-01"}, {"end", "2022-04-30"}}),
            "end");
}

TEST_F(Services, ServiceMustFallInsideItsEngagement) {
  EXPECT_EQ(field_error("adviser_service", {{"key", "x"}, {"engagement", "e_v1"}, {"date", "2022-07-01"},
                                            {"kind", "consultation"}, {"hours", 1}}),
            "date");
  EXPECT_EQ(field_error("adviser_service", {{"key", "x"}, {"adviser", "a2"}, {"unit", "v1"},
                                            {"date", "2022-03-01"}, {"kind", "consultation"}, {"hours", 1}}),
            "date");
  EXPECT_EQ(field_error("adviser_service", {{"key", "x"}, {"engagement", "e_v1"}, {"date", "2022-06-30"},
                                            {"kind", "consultation"}, {"hours", 1}}),
            "(accepted)");
  EXPECT_EQ(db_->get("adviser_service", "s3")["engagement"], "e_v1");  // found by adviser + unit
  db_->patch("adviser_service", "x", {{"hours", 1.5}});
}

TEST_F(Services, HoursMustBeAboveZeroAndAtMostADay) {
  json base = {{"key", "h"}, {"engagement", "e_zone"}, {"date", "2022-03-02"}, {"kind", "on_duty"}};
  for (double bad : {0.0, -1.0, 24.5}) {
    json r = base;
    r["hours"] = bad;
    EXPECT_EQ(field_error("adviser_service", r), "hours") << bad;
  }
  json ok = base;
  ok["hours"] = 24;
  EXPECT_EQ(field_error("adviser_service", ok), "(accepted)");
}

TEST_F(Services, CampaignFiguresMustBeConsistent) {
  json base = {{"key", "tx"}, {"unit", "zone"}, {"title", "考试"}, {"kind", "exam"}, {"start", "2022-05-01"}};
  auto with = [&](json extra) {
    json r = base;
    r.update(extra);
    return field_error("training_campaign", r);
  };
  EXPECT_EQ(with({{"expected", 10}, {"attended", 11}}), "attended");
  EXPECT_EQ(with({{"exam_taken", 10}, {"exam_passed", 11}}), "exam_passed");
  EXPECT_EQ(with({{"exam_taken", 10}, {"exam_passed", 8}, {"exam_excellent", 9}}), "exam_excellent");
  EXPECT_EQ(with({{"expected", -1}}), "expected");
  EXPECT_EQ(with({{"end", "2022-04-01"}}), "end");
  EXPECT_EQ(with({{"expected", 10}, {"attended", 10}, {"exam_taken", 10}, {"exam_passed", 10},
                  {"exam_excellent", 10}}),
            "(accepted)");
}

TEST_F(Services, LegalLiteratesBelongToVillagesAndCommunities) {
  EXPECT_EQ(field_error("legal_literate", {{"key", "lx"}, {"unit", "team"}, {"name", "某"}}), "unit");
}

TEST_F(Services, AdviserCoverageCountsEngagementsOverlappingThePeriod) {
  // Requiring an adviser: zone, v1, v2, c1 (not the enforcement team).
  // 2022: zone (e_zone), v1 (e_v1 ends mid-year); v2's starts in 2023; c1 none.
  expect_ratio("adviser.coverage", 2, 4);
  expect_ratio("adviser.coverage", 1, 4, "zone", "2022H2");  // e_v1 ended 2022-06-30
  expect_ratio("adviser.coverage", 2, 4, "zone", "2023");    // zone and v2 (from February)
  expect_ratio("adviser.coverage", 1, 1, "v1");
  EXPECT_TRUE(at("adviser.coverage", "team").no_data);
  EXPECT_EQ(at("adviser.engagements").value, 2);
  EXPECT_EQ(at("adviser.engagements", "zone", "2023").value, 2);
}

TEST_F(Services, ListingEngagementsForAPeriodKeepsThoseOverlappingIt) {
  json list = db_->list("adviser_engagement", {{"unit", "zone"}, {"subtree", true}, {"period", "2022H2"}});
  ASSERT_EQ(list["total"], 1);
  EXPECT_EQ(list["items"][0]["key"], "e_zone");
  EXPECT_EQ(db_->list("adviser_engagement", {{"period", "2022"}})["total"], 2);
}

TEST_F(Services, AdviserCoverageExplainNamesTheUnitsWithout) {
  json e = db_->explain("adviser.coverage", "zone", "2022");
  EXPECT_EQ(e["numerator"]["keys"], json({"v1", "zone"}));
  EXPECT_EQ(e["missing"], json({"c1", "v2"}));
}

TEST_F(Services, ServiceHoursAndEventsByKind) {
  fazhi::IndicatorValue hours = at("adviser.service_hours");
  EXPECT_EQ(hours.value, 9.5);
  EXPECT_EQ(hours.measure, "hours");
  EXPECT_EQ(at("adviser.service_hours", "v1").value, 4);
  fazhi::IndicatorValue events = at("adviser.service_events");
  EXPECT_EQ(events.value, 3);
  EXPECT_EQ(events.breakdown, (std::map<std::string, double>{{"consultation", 2}, {"lecture", 1}}));
  EXPECT_EQ(at("adviser.service_events", "zone", "2023").breakdown,
            (std::map<std::string, double>{{"risk_assessment", 1}}));
}

TEST_F(Services, ParticipationRateIsOnlineLearningOfOfficialsWithAnExpectedCount) {
  // t1 40/40 and t2 8/10; t6 has no expected count and is left out.
  expect_ratio("training.participation_rate", 48, 50);
  expect_ratio("training.participation_rate", 8, 10, "v1");
  EXPECT_TRUE(at("training.participation_rate", "c1").no_data);
  EXPECT_TRUE(at("training.participation_rate", "zone", "2021").no_data);
}

TEST_F(Services, ExamRates) {
  expect_ratio("training.exam_participation_rate", 48, 50);  // officials' exam only
  expect_ratio("training.exam_pass_rate", 62, 68);           // t3 47/48 + t7 15/20
  expect_ratio("training.exam_excellent_rate", 45, 68);
  expect_ratio("training.exam_pass_rate", 15, 20, "v1");
}

TEST_F(Services, ReachMaterialsCampaignsAndLegalLiterates) {
  EXPECT_EQ(at("training.public_reach").value, 325);  // t4 300 public + t5 25 village cadres
  EXPECT_EQ(at("training.materials_distributed").value, 500);
  fazhi::IndicatorValue campaigns = at("training.campaigns");
  EXPECT_EQ(campaigns.value, 7);
  EXPECT_EQ(campaigns.breakdown, (std::map<std::string, double>{
                                     {"exam", 2}, {"lecture", 1}, {"online_learning", 3}, {"theme_event", 1}}));
  EXPECT_EQ(at("training.legal_literates").value, 4);  // l4 was trained in 2021
}

TEST_F(Services, LegalLiterateCoverageComparesWithMinPerVillage) {
  // v1 has 3 by year end (at the default 3), v2 has 2, c1 none.
  expect_ratio("training.legal_literate_coverage", 1, 3);
  expect_ratio("training.legal_literate_coverage", 0, 3, "zone", "2022Q3");  // l3 came in October
  expect_ratio("training.legal_literate_coverage", 2, 3, "zone", "2022", {{"min_per_village", 2}});
  json e = db_->explain("training.legal_literate_coverage", "zone", "2022");
  EXPECT_EQ(e["missing"], json({"c1", "v2"}));
}

TEST_F(Services, LeadershipActivitiesByKind) {
  fazhi::IndicatorValue v = at("leadership.activities");
  EXPECT_EQ(v.value, 3);
  EXPECT_EQ(v.breakdown, (std::map<std::string, double>{
                             {"lecture_by_leader", 1}, {"leading_group_meeting", 1}, {"study_session", 1}}));
  EXPECT_EQ(at("leadership.activities", "v1").value, 1);
}

TEST_F(Services, NarrativesAreListedInReportOrder) {
  db_->put("narrative", {{"key", "n2"}, {"unit", "zone"}, {"year", 2022}, {"section", "plans"},
                         {"body", "加强法治宣传。"}, {"order", 2}});
  db_->put("narrative", {{"key", "n1"}, {"unit", "zone"}, {"year", 2022}, {"section", "plans"},
                         {"body", "完善依法决策机制。"}, {"order", 1}});
  json list = db_->list("narrative", {{"unit", "zone"}, {"where", {{"year", 2022}, {"section", "plans"}}}});
  ASSERT_EQ(list["total"], 2);
  EXPECT_EQ(list["items"][0]["key"], "n1");
  EXPECT_EQ(list["items"][0]["order"], 1);
  EXPECT_EQ(field_error("narrative", {{"key", "n3"}, {"unit", "zone"}, {"year", 22}, {"section", "plans"},
                                      {"body", "x"}}),
            "year");
}

}  // namespace
