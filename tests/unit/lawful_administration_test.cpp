// Major decisions, normative documents, law enforcement and litigation: every
// rule fires on the bad case and stays silent on the valid one, the
// full-process record reads as a document, and the decision.*, normative.*,
// enforcement.* and litigation.* indicators match hand-computed values.
#include "test_support.hpp"

using fazhi::Database;
using fazhi::Error;
using fazhi::ImportOptions;
using fazhi::Mode;
using fazhi::Status;
using json = nlohmann::json;

namespace {

using fazhi::testing_support::status_of;

class Decisions : public ::testing::Test {
 protected:
  void SetUp() override {
    fazhi::testing_support::put_sample_tree(*db_);
    db_->put("decision", {{"key", "d"}, {"unit", "zone"}, {"title", "开发区道路改造方案"},
                          {"requires_expert_argumentation", true}});
  }
  json act(const std::string& action, json args) { return db_->act("decision", "d", action, args); }
  std::vector<std::string> rules() {
    json f = db_->findings({{"kind", "decision"}});
    std::vector<std::string> out;
    for (const json& item : f["items"]) out.push_back(item["rule"]);
    return out;
  }
  void prepare(const std::string& completed = "2022-04-15") {
    act("public_participation", {{"start", "2022-03-01"}, {"end", "2022-03-31"}, {"comments", 12}});
    act("expert_argumentation", {{"date", "2022-03-20"}, {"experts", 5}, {"conclusion", "可行"}});
    act("legality_review", {{"submitted", "2022-04-01"}, {"completed", completed}, {"reviewer", "县司法局"},
                            {"result", "lawful"}});
  }
  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

TEST_F(Decisions, StatusFollowsTheProcedure) {
  EXPECT_EQ(db_->get("decision", "d")["status"], "drafting");
  act("public_participation", {{"start", "2022-03-01"}, {"end", "2022-03-31"}});
  EXPECT_EQ(db_->get("decision", "d")["status"], "in_review");
  act("expert_argumentation", {{"date", "2022-03-20"}});
  act("legality_review", {{"submitted", "2022-04-01"}, {"completed", "2022-04-15"}, {"result", "lawful"}});
  EXPECT_EQ(db_->get("decision", "d")["status"], "ready");
  act("collective_discussion", {{"date", "2022-04-15"}, {"meeting", "party_working_committee"}, {"outcome", "adopted"}});
  EXPECT_EQ(db_->get("decision", "d")["status"], "adopted");
  act("publication", {{"date", "2022-04-20"}, {"channel", "开发区门户网站"}});
  EXPECT_EQ(db_->get("decision", "d")["status"], "published");
  act("archive", {{"date", "2022-05-10"}, {"items", {"征求意见稿", "合法性审查意见书", "会议纪要"}}, {"complete", true}});
  EXPECT_EQ(db_->get("decision", "d")["status"], "archived");
  EXPECT_EQ(rules(), std::vector<std::string>{});
}

TEST_F(Decisions, ReviewCompletedOnTheDayOfTheMeetingAllowsDiscussion) {
  prepare("2022-04-15");
  EXPECT_EQ(status_of([&] {
              act("collective_discussion", {{"date", "2022-04-15"}, {"meeting", "executive_meeting"}, {"outcome", "adopted"}});
            }),
            Status::ok);
}

TEST_F(Decisions, DiscussionBeforeTheReviewIsCompletedIsRefusedCitingTheRegulation) {
  prepare("2022-04-16");
  std::string message;
  EXPECT_EQ(status_of([&] {
              act("collective_discussion", {{"date", "2022-04-15"}, {"meeting", "executive_meeting"}, {"outcome", "adopted"}});
            }, &message),
            Status::rule);
  EXPECT_NE(message.find("重大行政决策程序暂行条例 第二十五条、第二十八条"), std::string::npos) << message;
  EXPECT_FALSE(db_->get("decision", "d").contains("discussed"));
}

TEST_F(Decisions, DiscussionOfAnUnlawfulDraftIsRefused) {
  act("public_participation", {{"start", "2022-03-01"}, {"end", "2022-03-31"}});
  act("expert_argumentation", {{"date", "2022-03-20"}});
  act("legality_review", {{"submitted", "2022-04-01"}, {"completed", "2022-04-12"}, {"result", "unlawful"}});
  EXPECT_EQ(status_of([&] {
              act("collective_discussion", {{"date", "2022-04-15"}, {"meeting", "executive_meeting"}, {"outcome", "adopted"}});
            }),
            Status::rule);
  // Revised and reviewed again, it may go to the meeting.
  act("legality_review", {{"submitted", "2022-04-13"}, {"completed", "2022-04-22"}, {"result", "lawful_with_revisions"}});
  EXPECT_EQ(status_of([&] {
              act("collective_discussion", {{"date", "2022-04-25"}, {"meeting", "executive_meeting"}, {"outcome", "adopted"}});
            }),
            Status::ok);
}

TEST_F(Decisions, DiscussionWithoutARequiredProcedureIsRefused) {
  act("public_participation", {{"start", "2022-03-01"}, {"end", "2022-03-31"}});
  act("legality_review", {{"submitted", "2022-04-01"}, {"completed", "2022-04-12"}, {"result", "lawful"}});
  std::string message;
  EXPECT_EQ(status_of([&] {
              act("collective_discussion", {{"date", "2022-04-15"}, {"meeting", "executive_meeting"}, {"outcome", "adopted"}});
            }, &message),
            Status::rule);
  EXPECT_NE(message.find("专家论证"), std::string::npos);
}

TEST_F(Decisions, PublicationBeforeAdoptionIsRefused) {
  prepare();
  EXPECT_EQ(status_of([&] { act("publication", {{"date", "2022-04-14"}}); }), Status::rule);
  act("collective_discussion", {{"date", "2022-04-15"}, {"meeting", "executive_meeting"}, {"outcome", "rejected"}});
  EXPECT_EQ(status_of([&] { act("publication", {{"date", "2022-04-16"}}); }), Status::rule);
}

TEST_F(Decisions, CommentWindowCountsBothEndsSoTwentyNineDaysWarnAndThirtyAreEnough) {
  // 2023-06-01 to 2023-06-29, both days counted: 29 days, one short.
  act("public_participation", {{"start", "2023-06-01"}, {"end", "2023-06-29"}});
  EXPECT_EQ(rules(), std::vector<std::string>{"decision.comment_period_30_days"});
  json f = db_->findings({{"kind", "decision"}});
  EXPECT_NE(f["items"][0]["message"].get<std::string>().find("征求意见期限 29 日"), std::string::npos);
  // 征求意见 2023年6月1日至6月30日 is 30 days: enough.
  db_->put("decision", {{"key", "e"}, {"unit", "zone"}, {"title", "方案二"}});
  db_->act("decision", "e", "public_participation", {{"start", "2023-06-01"}, {"end", "2023-06-30"}});
  f = db_->findings({{"kind", "decision"}});
  EXPECT_EQ(f["total"], 1);
  EXPECT_EQ(f["items"][0]["key"], "d");
  EXPECT_EQ(f["items"][0]["source"], "重大行政决策程序暂行条例 第十五条");
}

TEST_F(Decisions, ReviewUnderSevenWorkingDaysAcrossNationalDayWarns) {
  // (2023-09-26, 2023-10-08]: 27th, 28th, then the holiday, then the make-up
  // Saturday 7th and Sunday 8th: 4 working days.
  act("legality_review", {{"submitted", "2023-09-26"}, {"completed", "2023-10-08"}, {"result", "lawful"}});
  EXPECT_EQ(rules(), std::vector<std::string>{"decision.review_7_working_days"});
  json f = db_->findings(nullptr);
  EXPECT_NE(f["items"][0]["message"].get<std::string>().find("4 个工作日"), std::string::npos);
  // To 2023-10-11 it is 7: no warning.
  act("legality_review", {{"submitted", "2023-09-26"}, {"completed", "2023-10-11"}, {"result", "lawful"}});
  EXPECT_EQ(rules(), std::vector<std::string>{});
}

TEST_F(Decisions, UrgentDecisionWithAReasonRelaxesThePeriodWarnings) {
  db_->put("decision", {{"key", "u"}, {"unit", "zone"}, {"title", "防汛应急"}, {"urgent", true},
                        {"urgent_reason", "汛期突发险情"}});
  db_->act("decision", "u", "public_participation", {{"start", "2022-06-01"}, {"end", "2022-06-10"}});
  db_->act("decision", "u", "legality_review", {{"submitted", "2022-06-11"}, {"completed", "2022-06-13"}, {"result", "lawful"}});
  EXPECT_EQ(db_->findings(nullptr)["total"], 0);
  std::string message;
  EXPECT_EQ(status_of([&] {
              db_->put("decision", {{"key", "u2"}, {"unit", "zone"}, {"title", "x"}, {"urgent", true}});
            }),
            Status::argument);
}

TEST_F(Decisions, HistoricalModeStoresTheDiscussionViolationAsAnError) {
  ImportOptions historical;
  historical.mode = Mode::historical;
  auto s = db_->import_ndjson(
      "{\"record\":\"decision\",\"key\":\"d\",\"action\":\"collective_discussion\",\"date\":\"2021-05-01\","
      "\"meeting\":\"director_office_meeting\",\"outcome\":\"adopted\"}\n",
      historical);
  EXPECT_EQ(s.rejected, 0u);
  json f = db_->findings({{"severity", "error"}});
  ASSERT_EQ(f["total"], 1);
  EXPECT_EQ(f["items"][0]["rule"], "decision.discussion_before_procedures");
}

TEST_F(Decisions, DeferredDecisionMayBeDiscussedAgainButAnAdoptedOneNot) {
  prepare();
  act("collective_discussion", {{"date", "2022-04-15"}, {"meeting", "executive_meeting"}, {"outcome", "deferred"}});
  act("collective_discussion", {{"date", "2022-05-15"}, {"meeting", "executive_meeting"}, {"outcome", "adopted"}});
  EXPECT_EQ(db_->get("decision", "d")["discussed"], "2022-05-15");
  EXPECT_EQ(status_of([&] {
              act("collective_discussion", {{"date", "2022-06-15"}, {"meeting", "executive_meeting"}, {"outcome", "rejected"}});
            }),
            Status::conflict);
}

TEST_F(Decisions, FullProcessRecordListsEveryStepAndVerifies) {
  prepare("2022-04-15");
  db_->act("decision", "d", "collective_discussion",
           {{"date", "2022-04-15"}, {"meeting", "party_working_committee"}, {"outcome", "adopted"}, {"actor", "党政办"}});
  json h = db_->act("decision", "d", "full_process_record", json::object());
  ASSERT_EQ(h["entries"].size(), 5u);
  EXPECT_EQ(h["entries"][4]["op"], "collective_discussion");
  EXPECT_EQ(h["entries"][4]["actor"], "党政办");
  EXPECT_TRUE(h["verification"]["ok"].get<bool>());
  EXPECT_EQ(h["record"]["status"], "adopted");
  std::string md = db_->history_text("decision", "d", "markdown");
  EXPECT_NE(md.find("# 全过程记录：重大行政决策「开发区道路改造方案」"), std::string::npos) << md;
  EXPECT_NE(md.find("| 合法性审查 | 送审日期：2022-04-01；审查完成日期：2022-04-15；审查机构：县司法局；审查结论：合法"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| 党政办 | 集体讨论决定 | 会议日期：2022-04-15；会议：党工委会议；讨论结果：通过 |"), std::string::npos)
      << md;
  EXPECT_NE(md.find("- 当前状态：已通过"), std::string::npos);
  EXPECT_NE(md.find("日志链校验：完整"), std::string::npos);
}

class Enforcement : public ::testing::Test {
 protected:
  void SetUp() override {
    fazhi::testing_support::put_sample_tree(*db_);
    db_->put("enforcement_officer", {{"key", "o1"}, {"unit", "team"}, {"name", "执法员甲"},
                                     {"certificate_issued", "2018-03-01"}});
    db_->put("enforcement_officer", {{"key", "o2"}, {"unit", "team"}, {"name", "执法员乙"},
                                     {"certificate_issued", "2020-01-01"}, {"certificate_expires", "2022-06-30"}});
  }
  Status put_action(json extra) {
    json a = {{"key", "a"}, {"unit", "team"}, {"kind", "penalty"}, {"officers", {"o1", "o2"}}, {"on_site", true}};
    a.update(extra);
    return status_of([&] { db_->put("enforcement_action", a); });
  }
  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

TEST_F(Enforcement, CertificateDefaultsToFiveYears) {
  EXPECT_EQ(db_->get("enforcement_officer", "o1")["certificate_expires"], "2023-02-28");
}

TEST_F(Enforcement, OfficerWhoseCertificateExpiredTheDayBeforeMayNotDecide) {
  EXPECT_EQ(put_action({{"decided", "2022-06-30"}}), Status::ok);  // o2 valid through 06-30
  std::string message;
  EXPECT_EQ(put_action({{"key", "b"}, {"decided", "2022-07-01"}}), Status::rule);
  EXPECT_EQ(db_->list("enforcement_action", nullptr)["total"], 1);
}

TEST_F(Enforcement, OnSiteActionNeedsTwoOfficers) {
  EXPECT_EQ(put_action({{"decided", "2022-05-01"}, {"officers", {"o1"}}}), Status::rule);
  EXPECT_EQ(put_action({{"decided", "2022-05-01"}, {"officers", {"o1"}}, {"on_site", false}}), Status::ok);
}

TEST_F(Enforcement, MajorDecisionNeedsAPassedReviewByTheDecision) {
  EXPECT_EQ(put_action({{"decided", "2022-05-01"}, {"major", true}}), Status::rule);
  EXPECT_EQ(put_action({{"decided", "2022-05-01"}, {"major", true},
                        {"legal_review", {{"completed", "2022-05-02"}, {"result", "lawful"}}}}),
            Status::rule);
  EXPECT_EQ(put_action({{"decided", "2022-05-01"}, {"major", true},
                        {"legal_review", {{"completed", "2022-05-01"}, {"result", "lawful"}}}}),
            Status::ok);
  EXPECT_EQ(put_action({{"legal_review", {{"completed", "2022-05-01"}, {"verdict", "ok"}}}, {"decided", "2022-05-01"}}),
            Status::argument);
}

TEST_F(Enforcement, PublicityAfterSevenWorkingDaysWarnsForPenalties) {
  // 7 working days after 2022-06-30: 1, 4, 5, 6, 7, 8, 11 July.
  put_action({{"decided", "2022-06-30"}, {"publicized", "2022-07-11"}});
  EXPECT_EQ(db_->findings(nullptr)["total"], 0);
  put_action({{"decided", "2022-06-30"}, {"publicized", "2022-07-12"}});
  json f = db_->findings(nullptr);
  ASSERT_EQ(f["total"], 1);
  EXPECT_EQ(f["items"][0]["rule"], "enforcement_action.publicity_deadline");
  // An inspection has 20 working days.
  put_action({{"decided", "2022-06-30"}, {"publicized", "2022-07-12"}, {"kind", "inspection"}});
  EXPECT_EQ(db_->findings(nullptr)["total"], 0);
}

TEST_F(Enforcement, NormativeDocumentPublishedWithoutReviewIsRefused) {
  json doc = {{"key", "n"}, {"unit", "zone"}, {"title", "开发区管理办法"}, {"published", "2022-03-10"}};
  EXPECT_EQ(status_of([&] { db_->put("normative_document", doc); }), Status::rule);
  doc["legality_review"] = {{"completed", "2022-03-01"}, {"result", "lawful"}};
  doc["filed"] = "2022-04-11";  // deadline 2022-04-09 is a Saturday -> 04-11
  EXPECT_EQ(status_of([&] { db_->put("normative_document", doc); }), Status::ok);
  EXPECT_EQ(db_->findings(nullptr)["total"], 0);
  json n = db_->get("normative_document", "n");
  EXPECT_EQ(n["expires"], "2027-03-09");
  EXPECT_EQ(n["filing_deadline"], "2022-04-11");
  doc["filed"] = "2022-04-12";
  db_->put("normative_document", doc);
  EXPECT_EQ(db_->findings(nullptr)["items"][0]["rule"], "normative_document.filing_30_days");
}

TEST_F(Enforcement, ProvisionalDocumentsExpireAfterTwoYears) {
  db_->put("normative_document", {{"key", "n"}, {"unit", "zone"}, {"title", "开发区管理暂行办法"},
                                  {"published", "2022-03-10"}, {"filed", "2022-03-20"},
                                  {"legality_review", {{"completed", "2022-03-01"}, {"result", "lawful"}}}});
  EXPECT_EQ(db_->get("normative_document", "n")["expires"], "2024-03-09");
}

TEST_F(Enforcement, NormativeDocumentNotFiledAfterTheDeadlineWarns) {
  db_->put("normative_document", {{"key", "n"}, {"unit", "zone"}, {"title", "办法"}, {"published", "2020-03-10"},
                                  {"legality_review", {{"completed", "2020-03-01"}, {"result", "lawful"}}}});
  EXPECT_EQ(db_->findings(nullptr)["items"][0]["rule"], "normative_document.not_filed");
}

TEST_F(Enforcement, SupervisionAndLawsuitFiguresAreChecked) {
  EXPECT_EQ(status_of([&] {
              db_->put("supervision_event", {{"key", "s"}, {"unit", "team"}, {"date", "2022-05-01"},
                                             {"kind", "npc_deputies"}, {"problems_found", 2}, {"problems_corrected", 3}});
            }),
            Status::argument);
  EXPECT_EQ(status_of([&] {
              db_->put("lawsuit", {{"key", "l"}, {"unit", "zone"}, {"kind", "reconsideration"}, {"filed", "2022-01-01"},
                                   {"head_appeared", true}});
            }),
            Status::argument);
  EXPECT_EQ(status_of([&] {
              db_->put("lawsuit", {{"key", "l"}, {"unit", "zone"}, {"kind", "litigation"}, {"filed", "2022-01-01"},
                                   {"concluded", "2021-12-01"}});
            }),
            Status::argument);
}

const char* kFixture = R"(
{"record":"org_unit","code":"zone","name":"开发区管委会","kind":"zone_committee"}
{"record":"org_unit","code":"team","name":"城管执法大队","kind":"enforcement_team","parent":"zone"}
{"record":"decision","key":"d1","unit":"zone","title":"决策一","catalogued":"2022-02-15"}
{"record":"decision","key":"d1","action":"public_participation","start":"2022-03-01","end":"2022-03-31"}
{"record":"decision","key":"d1","action":"legality_review","submitted":"2022-04-01","completed":"2022-04-15","result":"lawful"}
{"record":"decision","key":"d1","action":"collective_discussion","date":"2022-04-15","meeting":"party_working_committee","outcome":"adopted"}
{"record":"decision","key":"d1","action":"publication","date":"2022-04-20"}
{"record":"decision","key":"d1","action":"archive","date":"2022-05-10","complete":true}
{"record":"decision","key":"d1","action":"post_evaluation","date":"2022-11-20","findings":"效果良好"}
{"record":"decision","key":"d2","unit":"zone","title":"决策二","requires_public_participation":false,"catalogued":"2022-01-10"}
{"record":"decision","key":"d2","action":"legality_review","submitted":"2022-11-01","completed":"2022-11-08","result":"lawful_with_revisions"}
{"record":"decision","key":"d2","action":"collective_discussion","date":"2022-12-20","meeting":"director_office_meeting","outcome":"adopted_with_revisions"}
{"record":"decision","key":"d2","action":"publication","date":"2023-01-05"}
{"record":"decision","key":"d2","action":"archive","date":"2023-02-10","complete":true}
{"record":"decision","key":"d3","unit":"team","title":"决策三","urgent":true,"urgent_reason":"突发事件","catalogued":"2021-12-30"}
{"record":"decision","key":"d3","action":"public_participation","start":"2022-06-01","end":"2022-06-10"}
{"record":"decision","key":"d3","action":"legality_review","submitted":"2022-06-11","completed":"2022-06-13","result":"lawful"}
{"record":"decision","key":"d3","action":"collective_discussion","date":"2022-06-15","meeting":"director_office_meeting","outcome":"adopted"}
{"record":"decision","key":"d3","action":"archive","date":"2022-06-20","complete":false}
{"record":"decision","key":"d3","action":"post_evaluation","date":"2023-03-01"}
{"record":"decision","key":"d4","unit":"zone","title":"决策四"}
{"record":"decision","key":"d4","action":"collective_discussion","date":"2022-09-01","meeting":"executive_meeting","outcome":"adopted"}
{"record":"decision","key":"d5","unit":"zone","title":"决策五","requires_public_participation":false}
{"record":"decision","key":"d5","action":"legality_review","submitted":"2022-07-01","completed":"2022-07-12","result":"lawful"}
{"record":"decision","key":"d5","action":"collective_discussion","date":"2022-08-01","meeting":"executive_meeting","outcome":"deferred"}
{"record":"normative_document","key":"n1","unit":"zone","title":"文件一","published":"2022-03-10","filed":"2022-04-08","legality_review":{"completed":"2022-03-01","result":"lawful"}}
{"record":"normative_document","key":"n2","unit":"zone","title":"文件二","published":"2022-06-01","filed":"2022-07-15","legality_review":{"completed":"2022-05-20","result":"lawful"}}
{"record":"normative_document","key":"n3","unit":"zone","title":"文件三","published":"2022-09-01","filed":"2022-09-05"}
{"record":"normative_document","key":"n4","unit":"zone","title":"文件四","published":"2021-12-20","filed":"2021-12-25","legality_review":{"completed":"2021-12-01","result":"lawful"}}
{"record":"enforcement_officer","key":"o1","unit":"team","name":"甲","certificate_issued":"2018-03-01"}
{"record":"enforcement_officer","key":"o2","unit":"team","name":"乙","certificate_issued":"2020-01-01","certificate_expires":"2022-06-30"}
{"record":"enforcement_officer","key":"o3","unit":"team","name":"丙","certificate_issued":"2021-05-01"}
{"record":"enforcement_officer","key":"o4","unit":"team","name":"丁","certificate_issued":"2021-05-01","status":"left"}
{"record":"enforcement_action","key":"a1","unit":"team","kind":"penalty","decided":"2022-06-30","officers":["o1","o2"],"on_site":true,"publicized":"2022-07-11","recorded":true,"recording_kind":"both"}
{"record":"enforcement_action","key":"a2","unit":"team","kind":"penalty","decided":"2022-07-01","officers":["o1","o2"],"publicized":"2022-07-20","major":true,"legal_review":{"completed":"2022-06-30","result":"lawful"}}
{"record":"enforcement_action","key":"a3","unit":"team","kind":"inspection","decided":"2022-09-01","officers":["o1","o3"],"major":true}
{"record":"enforcement_action","key":"a4","unit":"team","kind":"license","decided":"2022-12-30","officers":["o3"],"publicized":"2023-01-05","recorded":true,"recording_kind":"text"}
{"record":"supervision_event","key":"s1","unit":"team","date":"2022-05-01","kind":"npc_deputies","problems_found":3,"problems_corrected":3}
{"record":"supervision_event","key":"s2","unit":"team","date":"2022-10-01","kind":"cppcc_members","problems_found":2,"problems_corrected":1}
{"record":"supervision_event","key":"s3","unit":"team","date":"2022-11-01","kind":"public_representatives","problems_found":0}
{"record":"lawsuit","key":"L1","unit":"zone","kind":"litigation","filed":"2022-11-01","concluded":"2023-03-01","outcome":"revoked","head_appeared":true}
{"record":"lawsuit","key":"L2","unit":"zone","kind":"litigation","filed":"2021-05-01","concluded":"2022-02-01","outcome":"dismissed","head_appeared":false}
{"record":"reconsideration_case","key":"L3","organ":"team","respondent_unit":"team","category":"other","received":"2022-04-01"}
{"record":"reconsideration_case","key":"L3","action":"decide","date":"2022-06-01","outcome":"upheld"}
)";

class LawfulAdministrationIndicators : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = Database::open(":memory:").release();
    ImportOptions historical;
    historical.mode = Mode::historical;  // d4, n3, a2, a3 break rules on purpose
    auto s = db_->import_ndjson(kFixture, historical);
    ASSERT_EQ(s.rejected, 0u) << s.errors[0].line << ": " << s.errors[0].message;
  }
  static void TearDownTestSuite() { delete db_; }
  static fazhi::IndicatorValue at(const std::string& code, const std::string& period = "2022",
                                  const std::string& unit = "zone", const json& params = nullptr) {
    return db_->indicator(code, unit, period, params);
  }
  static void expect_ratio(const std::string& code, double num, double den, const std::string& period = "2022",
                           const std::string& unit = "zone", const json& params = nullptr) {
    fazhi::IndicatorValue v = at(code, period, unit, params);
    EXPECT_EQ(v.numerator, num) << code << " " << period;
    EXPECT_EQ(v.denominator, den) << code << " " << period;
    EXPECT_DOUBLE_EQ(v.value, num / den * 100.0) << code;
  }
  static Database* db_;
};
Database* LawfulAdministrationIndicators::db_ = nullptr;

TEST_F(LawfulAdministrationIndicators, FixtureFindings) {
  json f = db_->findings(nullptr);
  std::vector<std::string> got;
  for (const json& item : f["items"]) got.push_back(item["key"].get<std::string>() + " " + item["rule"].get<std::string>());
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{
                     // L3: decided 61 days after it was received (and, by the
                     // 1999 law as amended in 2017, accepted).
                     "L3 reconsideration_case.decision_period",
                     "a2 enforcement_action.officer_certificate", "a2 enforcement_action.publicity_deadline",
                     "a3 enforcement_action.major_without_review", "d2 decision.review_7_working_days",
                     "d4 decision.discussion_before_procedures", "n2 normative_document.filing_30_days",
                     "n3 normative_document.publication_without_review"}));
}

TEST_F(LawfulAdministrationIndicators, Decisions) {
  EXPECT_EQ(at("decision.adopted").value, 4);  // d1-d4; d5 deferred
  expect_ratio("decision.legality_review_rate", 3, 4);  // d1 reviewed the same day
  expect_ratio("decision.public_participation_rate", 2, 3);  // d1, d3 of d1, d3, d4
  expect_ratio("decision.procedure_compliance_rate", 3, 4);  // d4 has an error
  expect_ratio("decision.archive_rate", 2, 4);
  expect_ratio("decision.timely_archive_rate", 1, 4);
  expect_ratio("decision.timely_archive_rate", 2, 4, "2022", "zone", {{"archive_days", 60}});
  EXPECT_EQ(at("decision.adopted", "2022", "team").value, 1);
  // d2 was discussed in December and published in January: it is 2022's.
  EXPECT_EQ(at("decision.adopted", "2022Q4").value, 1);
  EXPECT_EQ(at("decision.adopted", "2023").value, 0);
  EXPECT_TRUE(at("decision.legality_review_rate", "2023").no_data);
}

TEST_F(LawfulAdministrationIndicators, CatalogueAndPostEvaluationAreDatedByThemselves) {
  EXPECT_EQ(at("decision.catalogued").value, 2);          // d1, d2; d3 was catalogued in 2021
  EXPECT_EQ(at("decision.catalogued", "2021").value, 1);  // d3, before it was discussed
  EXPECT_EQ(at("decision.catalogued", "2022", "team").value, 0);
  EXPECT_EQ(at("decision.post_evaluated").value, 1);      // d1
  EXPECT_EQ(at("decision.post_evaluated", "2023", "team").value, 1);  // d3
  EXPECT_EQ(at("decision.post_evaluated", "2022-01-01/2023-03-01").value, 2);
}

TEST_F(LawfulAdministrationIndicators, NormativeDocuments) {
  EXPECT_EQ(at("normative.published").value, 3);
  expect_ratio("normative.review_rate", 2, 3);
  expect_ratio("normative.timely_filing_rate", 2, 3);  // n1 on time, n2 late, n3 on time
  EXPECT_EQ(at("normative.published", "2021").value, 1);
  EXPECT_TRUE(at("normative.review_rate", "2020").no_data);
}

TEST_F(LawfulAdministrationIndicators, Enforcement) {
  fazhi::IndicatorValue actions = at("enforcement.actions");
  EXPECT_EQ(actions.value, 4);
  EXPECT_EQ(actions.breakdown, (std::map<std::string, double>{{"inspection", 1}, {"license", 1}, {"penalty", 2}}));
  expect_ratio("enforcement.timely_publicity_rate", 2, 4);  // a1, a4 (deadline after New Year: 01-11)
  expect_ratio("enforcement.recording_rate", 2, 4);
  expect_ratio("enforcement.major_review_rate", 1, 2);  // a2 yes, a3 no
  expect_ratio("enforcement.certified_officer_rate", 2, 3);  // o1, o3 of o1-o3 on 12-31; o4 left
  expect_ratio("enforcement.certified_officer_rate", 3, 3, "2022H1");  // o2 valid through 06-30
  EXPECT_EQ(at("enforcement.certificates_expiring").value, 1);  // o1 on 2023-02-28
  EXPECT_EQ(at("enforcement.certificates_expiring", "2022H1").value, 0);
  EXPECT_EQ(at("enforcement.supervision_events").value, 3);
  expect_ratio("enforcement.problems_corrected_rate", 4, 5);
  EXPECT_TRUE(at("enforcement.problems_corrected_rate", "2021").no_data);
}

TEST_F(LawfulAdministrationIndicators, LitigationFiledOneYearConcludedTheNext) {
  EXPECT_EQ(at("litigation.cases").value, 1);  // L1
  expect_ratio("litigation.loss_rate", 0, 1);  // L2 dismissed, concluded 2022
  expect_ratio("litigation.head_appearance_rate", 0, 1);
  expect_ratio("litigation.loss_rate", 1, 1, "2023");  // L1 revoked in 2023
  expect_ratio("litigation.head_appearance_rate", 1, 1, "2023");
  EXPECT_TRUE(at("litigation.loss_rate", "2024").no_data);
  EXPECT_EQ(at("litigation.cases", "2022", "team").value, 0);
}

TEST_F(LawfulAdministrationIndicators, LitigationConcludedAndWonCountLitigationOnly) {
  EXPECT_EQ(at("litigation.concluded").value, 1);          // L2
  EXPECT_EQ(at("litigation.won").value, 1);                // L2 dismissed
  EXPECT_EQ(at("litigation.concluded", "2023").value, 1);  // L1
  EXPECT_EQ(at("litigation.won", "2023").value, 0);        // L1 revoked
  EXPECT_EQ(at("litigation.concluded", "2022", "team").value, 0);  // L3 is a reconsideration
  // The reconsideration is counted once, by its own kind; the code it was
  // counted under as a lawsuit counts the same cases.
  EXPECT_EQ(at("reconsideration.received").value, 1);
  EXPECT_EQ(at("litigation.reconsiderations").value, 1);
  EXPECT_EQ(at("reconsideration.concluded", "2022", "team").value, 1);
}

TEST_F(Enforcement, ALawsuitOfKindReconsiderationIsRefusedPointingToTheNewKind) {
  std::string message;
  EXPECT_EQ(status_of([&] {
              db_->put("lawsuit", {{"key", "r"}, {"unit", "zone"}, {"kind", "reconsideration"}, {"filed", "2024-01-05"}});
            },
                      &message),
            Status::argument);
  EXPECT_NE(message.find("reconsideration_case"), std::string::npos) << message;
  EXPECT_EQ(status_of([&] { db_->get("lawsuit", "r"); }), Status::not_found);
  // Litigation is the default kind.
  db_->put("lawsuit", {{"key", "l"}, {"unit", "zone"}, {"filed", "2024-01-05"}});
  EXPECT_EQ(db_->get("lawsuit", "l")["kind"], "litigation");
}

}  // namespace
