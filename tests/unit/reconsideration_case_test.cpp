// reconsideration_case_test.cpp — 行政复议 (行政复议法, 2023年修订): the
// record's checks and actions, each statutory rule firing and staying silent
// (the review period in working days across 国庆, the decision period in
// days, moved by an extension and shorter in the simplified procedure, the
// 2017 text for applications received before 2024), and the indicators with
// values computed by hand from the fixture.
#include "test_support.hpp"

#include "domain/kind.hpp"
#include "indicators/catalogue.hpp"

using fazhi::Database;
using fazhi::ImportOptions;
using fazhi::IndicatorValue;
using fazhi::Mode;
using fazhi::Status;
using fazhi::testing_support::kSampleTree;
using fazhi::testing_support::status_of;
using json = nlohmann::json;

namespace {

// Organs: the zone (and, for K3 and K6, its enforcement team). Review
// deadlines are the fifth working day after receipt, decision deadlines 60
// days (30 simplified) after acceptance, moved to a working day:
//  K1 received 03-01, review by 03-08; accepted 03-05, decide by 05-06
//     (05-04 is in the 劳动节 break); revoked 04-20.
//  K2 respondent outside the tree; received 09-27, review by 10-10 across
//     国庆 2024; deemed accepted 10-10 (no accept), decide by 12-09, by
//     2025-01-08 after a 30-day extension; upheld 2025-01-10: late.
//  K3 simplified; received 06-03, review by 06-11 (端午 06-10); accepted
//     06-05, decide by 07-05; confirmed illegal 07-10: late.
//  K4 received 04-01, review by 04-09 (清明 04-04..06, 04-07 a working
//     Sunday); accepted 04-12: late; settled by mediation 05-20.
//  K5 accepted 08-02, withdrawn 08-20 after the respondent corrected itself.
//  K6 accepted 10-15, withdrawn 10-30.
//  K7 declined 11-08 (review by 11-11).
//  K8 accepted 12-17, pending.
//  K9 accepted 02-21, dismissed 03-15.
//  K10 received 2023-12-20 under the 2017 text: deemed accepted on receipt,
//     decide by 2024-02-18 (a working Sunday of 春节); upheld 2024-01-10.
const std::string kFixture = std::string(kSampleTree) + R"(
{"record":"reconsideration_case","key":"K1","organ":"zone","respondent_unit":"team","case_number":"开复〔2024〕1号","received":"2024-03-01","applicants":["张三"],"category":"penalty"}
{"record":"reconsideration_case","key":"K1","action":"accept","date":"2024-03-05"}
{"record":"reconsideration_case","key":"K1","action":"decide","date":"2024-04-20","outcome":"revoked"}
{"record":"reconsideration_case","key":"K2","organ":"zone","respondent":"某县自然资源和规划局","received":"2024-09-27","category":"land_housing"}
{"record":"reconsideration_case","key":"K2","action":"extend","date":"2024-11-20","days":30}
{"record":"reconsideration_case","key":"K2","action":"decide","date":"2025-01-10","outcome":"upheld"}
{"record":"reconsideration_case","key":"K3","organ":"team","respondent_unit":"team","received":"2024-06-03","category":"information_disclosure","simplified":true,"intake_point":"v1"}
{"record":"reconsideration_case","key":"K3","action":"accept","date":"2024-06-05"}
{"record":"reconsideration_case","key":"K3","action":"decide","date":"2024-07-10","outcome":"confirmed_illegal"}
{"record":"reconsideration_case","key":"K4","organ":"zone","respondent_unit":"v1","received":"2024-04-01","category":"inaction"}
{"record":"reconsideration_case","key":"K4","action":"accept","date":"2024-04-12"}
{"record":"reconsideration_case","key":"K4","action":"settle","date":"2024-05-20","kind":"mediation"}
{"record":"reconsideration_case","key":"K5","organ":"zone","respondent_unit":"team","received":"2024-08-01","category":"compulsory_measure"}
{"record":"reconsideration_case","key":"K5","action":"accept","date":"2024-08-02"}
{"record":"reconsideration_case","key":"K5","action":"withdraw","date":"2024-08-20","after_correction":true}
{"record":"reconsideration_case","key":"K6","organ":"team","respondent_unit":"team","received":"2024-10-14","category":"license"}
{"record":"reconsideration_case","key":"K6","action":"accept","date":"2024-10-15"}
{"record":"reconsideration_case","key":"K6","action":"withdraw","date":"2024-10-30","after_correction":false}
{"record":"reconsideration_case","key":"K7","organ":"zone","respondent_unit":"team","received":"2024-11-04","category":"social_security"}
{"record":"reconsideration_case","key":"K7","action":"decline","date":"2024-11-08","reason":"超过法定申请期限"}
{"record":"reconsideration_case","key":"K8","organ":"zone","respondent_unit":"c1","received":"2024-12-16","category":"other"}
{"record":"reconsideration_case","key":"K8","action":"accept","date":"2024-12-17"}
{"record":"reconsideration_case","key":"K9","organ":"zone","respondent_unit":"team","received":"2024-02-20","category":"penalty"}
{"record":"reconsideration_case","key":"K9","action":"accept","date":"2024-02-21"}
{"record":"reconsideration_case","key":"K9","action":"decide","date":"2024-03-15","outcome":"dismissed"}
{"record":"reconsideration_case","key":"K10","organ":"zone","respondent_unit":"team","received":"2023-12-20","category":"penalty"}
{"record":"reconsideration_case","key":"K10","action":"decide","date":"2024-01-10","outcome":"upheld"}
)";

class Reconsideration : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = db_->import_ndjson(kFixture, {});
    ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  }
  json get(const std::string& key) { return db_->get("reconsideration_case", key); }
  IndicatorValue value(const std::string& code, const std::string& period = "2024",
                       const std::string& unit = "zone") {
    return db_->indicator(code, unit, period);
  }
  void expect_ratio(const std::string& code, double num, double den, const std::string& period = "2024",
                    const std::string& unit = "zone") {
    IndicatorValue v = value(code, period, unit);
    EXPECT_EQ(v.numerator, num) << code << " " << period << " " << unit;
    EXPECT_EQ(v.denominator, den) << code << " " << period << " " << unit;
    EXPECT_DOUBLE_EQ(v.value, num / den * 100.0) << code << " " << period << " " << unit;
  }
  // "key rule" of every stored finding of the kind, sorted.
  std::vector<std::string> findings() {
    std::vector<std::string> out;
    const json all = db_->findings({{"kind", "reconsideration_case"}});
    for (const json& f : all["items"])
      out.push_back(f["key"].get<std::string>() + " " + f["rule"].get<std::string>());
    std::sort(out.begin(), out.end());
    return out;
  }
  json finding(const std::string& key) {
    const json all = db_->findings({{"kind", "reconsideration_case"}});
    for (const json& f : all["items"])
      if (f["key"] == key) return f;
    return nullptr;
  }
  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

TEST_F(Reconsideration, DeadlinesFollowTheWorkingDayAndDayRules) {
  EXPECT_EQ(get("K1")["accept_deadline"], "2024-03-08");
  EXPECT_EQ(get("K1")["decide_deadline"], "2024-05-06");  // 05-04 falls in the 劳动节 break
  EXPECT_EQ(get("K4")["accept_deadline"], "2024-04-09");  // 清明 off, Sunday 04-07 a working day
  EXPECT_EQ(get("K3")["accept_deadline"], "2024-06-11");  // 端午 06-10
  EXPECT_EQ(get("K7")["accept_deadline"], "2024-11-11");
  EXPECT_FALSE(get("K7").contains("decide_deadline"));  // declined: no decision period
  EXPECT_EQ(get("K1")["concluded"], "2024-04-20");
  EXPECT_EQ(get("K4")["concluded"], "2024-05-20");
  EXPECT_EQ(get("K5")["concluded"], "2024-08-20");
  EXPECT_FALSE(get("K8").contains("concluded"));
}

TEST_F(Reconsideration, TheReviewPeriodCrossesTheNationalDayHolidayInWorkingDays) {
  // 2024-09-27 (Fri): 09-29 a working Sunday (1), 09-30 (2), 10-01..07 off,
  // 10-08 (3), 10-09 (4), 10-10 (5).
  EXPECT_EQ(get("K2")["accept_deadline"], "2024-10-10");
  // 2023: 国庆 and 中秋 09-29..10-06 off, 10-07 and 10-08 working weekend
  // days. Received 09-27 (Wed): 09-28 (1), 10-07 (2), 10-08 (3), 10-09 (4),
  // 10-10 (5). Under the 2017 text, whose 第四十条 also counts 五日 as working
  // days.
  db_->put("reconsideration_case", {{"key", "A"}, {"organ", "zone"}, {"respondent_unit", "team"},
                                    {"received", "2023-09-27"}, {"category", "penalty"}});
  db_->put("reconsideration_case", {{"key", "B"}, {"organ", "zone"}, {"respondent_unit", "team"},
                                    {"received", "2023-09-27"}, {"category", "penalty"}});
  EXPECT_EQ(get("A")["accept_deadline"], "2023-10-10");
  db_->act("reconsideration_case", "A", "accept", {{"date", "2023-10-10"}});  // the last day: in time
  db_->act("reconsideration_case", "B", "accept", {{"date", "2023-10-11"}});
  EXPECT_TRUE(finding("A").is_null());
  const json late = finding("B");
  ASSERT_FALSE(late.is_null());
  EXPECT_EQ(late["rule"], "reconsideration_case.review_5_days");
  EXPECT_EQ(late["severity"], "warning");
  EXPECT_EQ(late["source"], "行政复议法（2017年修正）第十七条、第四十条");
  EXPECT_EQ(late["date"], "2023-10-11");
  EXPECT_NE(late["message"].get<std::string>().find("2023-10-10"), std::string::npos) << late.dump();
}

TEST_F(Reconsideration, AnExtensionMovesTheDecisionDeadlineByItsDays) {
  db_->put("reconsideration_case", {{"key", "X"}, {"organ", "zone"}, {"respondent_unit", "team"},
                                    {"received", "2024-09-27"}, {"category", "other"}});
  // Deemed accepted when the review period ends (第三十条第三款): 10-10,
  // then 60 days: 12-09.
  EXPECT_EQ(get("X")["decide_deadline"], "2024-12-09");
  db_->act("reconsideration_case", "X", "extend", {{"date", "2024-11-20"}, {"days", 30}});
  EXPECT_EQ(get("X")["decide_deadline"], "2025-01-08");  // 90 days
  EXPECT_EQ(get("K2")["decide_deadline"], "2025-01-08");
  // Decided on the last day: silent; two days later (K2): late.
  db_->act("reconsideration_case", "X", "decide", {{"date", "2025-01-08"}, {"outcome", "upheld"}});
  EXPECT_TRUE(finding("X").is_null());
  const json late = finding("K2");
  ASSERT_FALSE(late.is_null());
  EXPECT_EQ(late["rule"], "reconsideration_case.decision_period");
  EXPECT_EQ(late["source"], "行政复议法 第六十二条第一款");
  EXPECT_NE(late["message"].get<std::string>().find("含延长期限"), std::string::npos) << late.dump();
}

TEST_F(Reconsideration, TheSimplifiedProcedureHasThirtyDaysAndNoExtension) {
  EXPECT_EQ(get("K3")["decide_deadline"], "2024-07-05");
  const json late = finding("K3");
  ASSERT_FALSE(late.is_null());
  EXPECT_EQ(late["rule"], "reconsideration_case.decision_period");
  EXPECT_EQ(late["source"], "行政复议法 第六十二条第二款");
  EXPECT_NE(late["message"].get<std::string>().find("简易程序"), std::string::npos) << late.dump();
  // The same dates in the ordinary procedure are in time.
  db_->patch("reconsideration_case", "K3", {{"simplified", false}});
  EXPECT_EQ(get("K3")["decide_deadline"], "2024-08-05");  // 08-04 is a Sunday
  EXPECT_TRUE(finding("K3").is_null());
  // An extension in the simplified procedure is refused (convert the case
  // to the ordinary procedure instead, 第五十五条).
  db_->put("reconsideration_case", {{"key", "S"}, {"organ", "zone"}, {"respondent_unit", "team"},
                                    {"received", "2024-06-03"}, {"category", "other"}, {"simplified", true}});
  std::string message;
  EXPECT_EQ(status_of([&] { db_->act("reconsideration_case", "S", "extend", {{"date", "2024-06-20"}, {"days", 10}}); },
                      &message),
            Status::rule);
  EXPECT_NE(message.find("第五十五条"), std::string::npos) << message;
  EXPECT_FALSE(get("S").contains("extended"));
}

TEST_F(Reconsideration, ExtensionBeyondThirtyDaysIsAnErrorRefusedInStrictKeptInHistorical) {
  std::string message;
  EXPECT_EQ(status_of([&] { db_->act("reconsideration_case", "K8", "extend", {{"date", "2025-01-20"}, {"days", 31}}); },
                      &message),
            Status::rule);
  EXPECT_NE(message.find("reconsideration_case.extension_30_days"), std::string::npos) << message;
  ImportOptions historical;
  historical.mode = Mode::historical;
  auto s = db_->import_ndjson(
      R"({"record":"reconsideration_case","key":"K8","action":"extend","date":"2025-01-20","days":31})", historical);
  EXPECT_EQ(s.rejected, 0u) << s.to_json().dump();
  EXPECT_EQ(finding("K8")["rule"], "reconsideration_case.extension_30_days");
  EXPECT_EQ(finding("K8")["severity"], "error");
}

TEST_F(Reconsideration, TheApplicationsReceivedBefore2024AreJudgedByThe2017Text) {
  // K10: deemed accepted on receipt (第十七条第二款), 60 days from 2023-12-20.
  EXPECT_EQ(get("K10")["decide_deadline"], "2024-02-18");  // a working Sunday of 春节
  db_->put("reconsideration_case", {{"key", "Old"}, {"organ", "zone"}, {"respondent_unit", "team"},
                                    {"received", "2023-12-20"}, {"category", "penalty"}});
  db_->act("reconsideration_case", "Old", "decide", {{"date", "2024-02-19"}, {"outcome", "upheld"}});
  EXPECT_EQ(finding("Old")["source"], "行政复议法（2017年修正）第三十一条");
  // The simplified procedure is the 2023 revision's.
  std::string message;
  EXPECT_EQ(status_of([&] { db_->patch("reconsideration_case", "Old", {{"simplified", true}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("simplified"), std::string::npos) << message;
}

TEST_F(Reconsideration, EveryRuleIsSilentOnTheCasesHandledInTime) {
  EXPECT_EQ(findings(), (std::vector<std::string>{"K2 reconsideration_case.decision_period",
                                                  "K3 reconsideration_case.decision_period",
                                                  "K4 reconsideration_case.review_5_days"}));
  const json late = finding("K4");
  EXPECT_EQ(late["source"], "行政复议法 第三十条、第八十八条");
  EXPECT_NE(late["message"].get<std::string>().find("2024-04-09"), std::string::npos) << late.dump();
  // The findings belong to the organ's unit: the team's own is K3's.
  json team = db_->findings({{"unit", "team"}});
  ASSERT_EQ(team["total"], 1);
  EXPECT_EQ(team["items"][0]["key"], "K3");
}

TEST_F(Reconsideration, ActionsConflictWithAnEarlierEndAndReplayUnchanged) {
  EXPECT_EQ(status_of([&] { db_->act("reconsideration_case", "K7", "accept", {{"date", "2024-11-09"}}); }),
            Status::conflict);  // declined
  EXPECT_EQ(status_of([&] { db_->act("reconsideration_case", "K1", "decline", {{"date", "2024-03-06"}}); }),
            Status::conflict);  // accepted
  EXPECT_EQ(status_of([&] {
              db_->act("reconsideration_case", "K1", "decide", {{"date", "2024-04-20"}, {"outcome", "changed"}});
            }),
            Status::conflict);  // decided otherwise
  EXPECT_EQ(status_of([&] { db_->act("reconsideration_case", "K1", "settle", {{"date", "2024-04-25"}}); }),
            Status::conflict);
  EXPECT_EQ(status_of([&] { db_->act("reconsideration_case", "K4", "withdraw", {{"date", "2024-05-25"}}); }),
            Status::conflict);  // settled
  EXPECT_EQ(status_of([&] { db_->act("reconsideration_case", "K5", "extend", {{"date", "2024-08-25"}, {"days", 5}}); }),
            Status::conflict);  // withdrawn
  const auto before = db_->verify_journal()["entries"];
  EXPECT_EQ(status_of([&] {
              db_->act("reconsideration_case", "K1", "decide", {{"date", "2024-04-20"}, {"outcome", "revoked"}});
            }),
            Status::ok);
  EXPECT_EQ(db_->verify_journal()["entries"], before);  // a replay changes nothing
  std::string message;
  EXPECT_EQ(status_of([&] { db_->act("reconsideration_case", "K8", "decide", {{"date", "2024-12-16"}}); }, &message),
            Status::argument);  // before the acceptance
  EXPECT_NE(message.find("accepted"), std::string::npos) << message;
}

TEST_F(Reconsideration, RecordChecks) {
  std::string message;
  EXPECT_EQ(status_of([&] {
              db_->put("reconsideration_case",
                       {{"key", "N"}, {"organ", "zone"}, {"received", "2024-01-02"}, {"category", "other"}});
            },
                      &message),
            Status::argument);
  EXPECT_NE(message.find("respondent"), std::string::npos) << message;
  EXPECT_EQ(status_of([&] { db_->patch("reconsideration_case", "K1", {{"received", "2024-04-21"}}); }, &message),
            Status::argument);  // after its acceptance
  EXPECT_EQ(status_of([&] { db_->patch("reconsideration_case", "K1", {{"category", "tax"}}); }), Status::argument);
  EXPECT_EQ(status_of([&] { db_->patch("reconsideration_case", "K1", {{"decided", "2024-04-21"}}); }),
            Status::argument);  // set by the decide action
  EXPECT_EQ(get("K2")["respondent"], "某县自然资源和规划局");
  EXPECT_EQ(get("K3")["intake_point"], "v1");
  EXPECT_EQ(get("K1")["organ"], "zone");
  EXPECT_EQ(get("K1")["applicants"], json::array({"张三"}));
}

TEST_F(Reconsideration, IndicatorsAsComputedByHand) {
  IndicatorValue received = value("reconsideration.received");
  EXPECT_EQ(received.value, 9);  // K1-K9; K10 was received in 2023
  EXPECT_EQ(received.breakdown, (std::map<std::string, double>{{"compulsory_measure", 1},
                                                               {"information_disclosure", 1},
                                                               {"inaction", 1},
                                                               {"land_housing", 1},
                                                               {"license", 1},
                                                               {"other", 1},
                                                               {"penalty", 2},
                                                               {"social_security", 1}}));
  EXPECT_EQ(value("litigation.reconsiderations").value, 9);  // the code of the time of lawsuits
  EXPECT_EQ(value("reconsideration.accepted").value, 7);     // K1, K3, K4, K5, K6, K8, K9
  EXPECT_EQ(value("reconsideration.concluded").value, 7);    // K1, K3, K9, K10, K4, K5, K6
  IndicatorValue decided = value("reconsideration.by_outcome");
  EXPECT_EQ(decided.value, 4);  // K1, K3, K9, K10; K2 is 2025's
  EXPECT_EQ(decided.breakdown, (std::map<std::string, double>{
                                   {"confirmed_illegal", 1}, {"dismissed", 1}, {"revoked", 1}, {"upheld", 1}}));
  expect_ratio("reconsideration.correction_rate", 2, 4);       // K1 revoked, K3 confirmed illegal
  expect_ratio("reconsideration.settlement_rate", 2, 7);       // K4 mediated, K5 withdrawn after correction
  expect_ratio("reconsideration.timely_decision_rate", 3, 4);  // K3 late
  // The team's subtree: K3 and K6.
  EXPECT_EQ(value("reconsideration.received", "2024", "team").value, 2);
  expect_ratio("reconsideration.correction_rate", 1, 1, "2024", "team");
  expect_ratio("reconsideration.settlement_rate", 0, 2, "2024", "team");
  // 2025: K2, decided late.
  expect_ratio("reconsideration.timely_decision_rate", 0, 1, "2025");
  expect_ratio("reconsideration.correction_rate", 0, 1, "2025");
  expect_ratio("reconsideration.settlement_rate", 0, 1, "2025");  // K2 concluded by its decision
  EXPECT_TRUE(value("reconsideration.timely_decision_rate", "2023").no_data);
  // explain names the cases counted.
  json e = db_->explain("reconsideration.settlement_rate", "zone", "2024");
  EXPECT_EQ(e["numerator"]["keys"], json::array({"K4", "K5"})) << e.dump();
}

TEST_F(Reconsideration, LabelsAreShortAndTheApplicantsArePersonal) {
  auto characters = [](const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  for (const auto& d : fazhi::indicators::catalogue()) {
    if (d.code.rfind("reconsideration.", 0) != 0 && d.code.rfind("litigation.", 0) != 0) continue;
    EXPECT_LE(characters(d.label), 15u) << d.code << " " << d.label;
  }
  const auto& kind = fazhi::domain::kind_named("reconsideration_case");
  EXPECT_EQ(kind.find_field("applicants")->holds_names, fazhi::domain::Field::Names::persons);
  EXPECT_EQ(kind.find_field("organ")->column(), "unit_id");
  EXPECT_EQ(db_->labels("reconsideration_case.outcome")["confirmed_invalid"], "确认无效");
  // An applicant's name in a narrative is masked in the report.
  db_->put("narrative", {{"key", "n"}, {"unit", "zone"}, {"year", 2024}, {"section", "measures"},
                         {"heading", "行政复议"}, {"body", "申请人张三对罚款决定不服申请复议，已依法纠正。"}});
  const std::string md = db_->report("zone", 2024, "markdown", nullptr);
  EXPECT_EQ(md.find("张三"), std::string::npos);
  EXPECT_NE(md.find("张某某"), std::string::npos);
}

}  // namespace
