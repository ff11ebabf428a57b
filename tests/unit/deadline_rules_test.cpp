// The deadlines alerts_test.cpp does not walk through: the decision's
// legality-review minimum and archive deadline, the reconsideration case's
// review and decision periods, judicial confirmation, the officer's
// certificate and the comment window — each across the 2023 National Day
// holiday where it counts days (中秋节、国庆节 2023-09-29 to 10-06 off,
// Saturday 10-07 and Sunday 10-08 make-up working days), on its due day and
// the day after, and gone once its action is recorded. Dates by hand.
#include "test_support.hpp"

using fazhi::Database;
using json = nlohmann::json;

namespace {

class DeadlineRules : public ::testing::Test {
 protected:
  void SetUp() override { fazhi::testing_support::put_sample_tree(*db_); }

  json alerts(const std::string& as_of, json extra = json::object()) {
    json q = {{"unit", "zone"}, {"as_of", as_of}};
    q.update(extra);
    return db_->alerts(q);
  }
  // "kind key rule due status working_days" of each item, in order.
  std::vector<std::string> lines(const std::string& as_of, json extra = json::object()) {
    std::vector<std::string> out;
    const json answer = alerts(as_of, std::move(extra));  // kept: the loop reads into it
    for (const json& i : answer["items"])
      out.push_back(i["kind"].get<std::string>() + " " + i["key"].get<std::string>() + " " +
                    i["rule"].get<std::string>() + " " + i["due"].get<std::string>() + " " +
                    i["status"].get<std::string>() + " " + std::to_string(i["working_days"].get<int>()));
    return out;
  }
  using Lines = std::vector<std::string>;

  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

TEST_F(DeadlineRules, TheDecisionGoesToDiscussionNoEarlierThanSevenWorkingDaysAfterTheReviewWasSent) {
  db_->put("decision", {{"key", "d"}, {"unit", "zone"}, {"title", "开发区道路改造方案"},
                        {"requires_public_participation", false}});
  // Sent 09-26: the 7th working day after is 10-11 (09-27, 09-28, then the
  // holiday, then 10-07, 10-08, 10-09, 10-10, 10-11) — the day from which
  // the finding decision.review_7_working_days no longer warns.
  db_->act("decision", "d", "legality_review",
           {{"submitted", "2023-09-26"}, {"completed", "2023-09-28"}, {"result", "lawful"}});
  EXPECT_EQ(lines("2023-10-09"), Lines{"decision d decision.review_7_working_days 2023-10-11 upcoming 2"});
  const json item = alerts("2023-10-09")["items"][0];
  EXPECT_EQ(item["message"], "重大行政决策d的合法性审查时间至2023年10月11日满7个工作日，方可提交集体讨论，剩余2个工作日");
  EXPECT_EQ(item["counting"], "working_days");
  EXPECT_EQ(item["source"], "重大行政决策程序暂行条例 第二十六条");
  // Three working days ahead of 09-28 reach 10-08 only; on 10-11 it is due;
  // on 10-12 it has lapsed (a minimum, never overdue).
  EXPECT_EQ(alerts("2023-09-28")["total"], 0);
  EXPECT_EQ(lines("2023-10-11"), Lines{"decision d decision.review_7_working_days 2023-10-11 due 0"});
  EXPECT_EQ(alerts("2023-10-12")["total"], 0);
  // Discussed: the reminder is gone, the archive deadline takes its place —
  // 30 days from 10-11 is 11-10, a Friday.
  db_->act("decision", "d", "collective_discussion",
           {{"date", "2023-10-11"}, {"meeting", "executive_meeting"}, {"outcome", "adopted"}});
  EXPECT_EQ(lines("2023-10-11", {{"horizon", 30}}),
            Lines{"decision d decision.archive_30_days 2023-11-10 upcoming 22"});
}

TEST_F(DeadlineRules, AnUrgentDecisionWithItsReasonHasNoReviewMinimum) {
  db_->put("decision", {{"key", "u"}, {"unit", "zone"}, {"title", "防汛应急"}, {"urgent", true},
                        {"urgent_reason", "汛期抢险"}});
  db_->act("decision", "u", "legality_review",
           {{"submitted", "2023-09-26"}, {"completed", "2023-09-27"}, {"result", "lawful"}});
  EXPECT_EQ(alerts("2023-10-09")["total"], 0);
}

TEST_F(DeadlineRules, TheArchiveDeadlineRunsThirtyDaysFromTheMeetingAndIsMetOnItsLastDay) {
  db_->put("decision", {{"key", "d"}, {"unit", "zone"}, {"title", "开发区道路改造方案"},
                        {"requires_public_participation", false}});
  db_->act("decision", "d", "legality_review",
           {{"submitted", "2023-08-21"}, {"completed", "2023-09-01"}, {"result", "lawful"}});
  // Discussed 09-05: day 30 is 10-05, a holiday, so the last day is Saturday
  // 10-07 (a make-up working day).
  db_->act("decision", "d", "collective_discussion",
           {{"date", "2023-09-05"}, {"meeting", "executive_meeting"}, {"outcome", "adopted"}});
  EXPECT_EQ(lines("2023-10-07"), Lines{"decision d decision.archive_30_days 2023-10-07 due 0"});
  EXPECT_EQ(lines("2023-10-08"), Lines{"decision d decision.archive_30_days 2023-10-07 overdue -1"});
  // The thirty days are fazhi's reading of 第三十三条's "及时", and the
  // statute named says so.
  EXPECT_EQ(alerts("2023-10-07")["items"][0]["source"], "重大行政决策程序暂行条例 第三十三条（及时归档，按30日计）");
  db_->act("decision", "d", "archive", {{"date", "2023-10-07"}, {"complete", true}});
  EXPECT_EQ(alerts("2023-10-08")["total"], 0);
  EXPECT_EQ(db_->indicator("alerts.concluded_late", "zone", "2023-10").value, 0);
}

TEST_F(DeadlineRules, TheReconsiderationReviewAndDecisionPeriodsWithAnExtension) {
  db_->put("reconsideration_case", {{"key", "r"}, {"organ", "zone"}, {"respondent_unit", "team"},
                                    {"received", "2023-09-27"}, {"category", "penalty"}});
  // 5 working days from 09-27: 09-28, 10-07, 10-08, 10-09, 10-10.
  EXPECT_EQ(lines("2023-10-10"), Lines{"reconsideration_case r reconsideration_case.review_5_days 2023-10-10 due 0"});
  EXPECT_EQ(lines("2023-10-11"),
            Lines{"reconsideration_case r reconsideration_case.review_5_days 2023-10-10 overdue -1"});
  // Accepted on its last day: 60 days from 10-10 is Saturday 12-09, so 12-11.
  db_->act("reconsideration_case", "r", "accept", {{"date", "2023-10-10"}});
  EXPECT_EQ(lines("2023-12-11"),
            Lines{"reconsideration_case r reconsideration_case.decision_period 2023-12-11 due 0"});
  // Extended by 30 days on 12-01: 90 days from 10-10 is Monday 2024-01-08.
  db_->act("reconsideration_case", "r", "extend", {{"date", "2023-12-01"}, {"days", 30}});
  EXPECT_EQ(alerts("2023-12-12")["total"], 0);
  EXPECT_EQ(lines("2024-01-08"),
            Lines{"reconsideration_case r reconsideration_case.decision_period 2024-01-08 due 0"});
  // On 2023-11-30 the due date was still 12-11 (the extension came on 12-01);
  // on 12-31 it is 2024-01-08: overdue on neither day.
  EXPECT_EQ(db_->indicator("alerts.overdue", "zone", "2023").value, 0);
  db_->act("reconsideration_case", "r", "decide", {{"date", "2024-01-09"}, {"outcome", "upheld"}});
  EXPECT_EQ(alerts("2024-01-09")["total"], 0);
  const fazhi::IndicatorValue late = db_->indicator("alerts.concluded_late", "zone", "2024-01");
  EXPECT_EQ(late.value, 1);
  EXPECT_EQ(late.breakdown.at("reconsideration_case"), 1);
}

TEST_F(DeadlineRules, JudicialConfirmationMayBeAppliedForUntilItsLastDayThenLapses) {
  db_->put("mediation_committee", {{"key", "mc"}, {"unit", "v2"}, {"name", "二村人民调解委员会"}});
  db_->put("mediation_case",
           {{"key", "m"}, {"committee", "mc"}, {"received", "2023-08-30"}, {"category", "neighbourhood"}});
  // A written agreement on 09-06: day 30 is 10-06, a holiday, so 10-07.
  db_->act("mediation_case", "m", "close", {{"date", "2023-09-06"}, {"outcome", "succeeded"}, {"agreement", "written"}});
  EXPECT_EQ(lines("2023-10-07"), Lines{"mediation_case m mediation_case.confirmation_30_days 2023-10-07 due 0"});
  EXPECT_EQ(alerts("2023-10-08")["total"], 0);  // an option: lapses, never red
  db_->act("mediation_case", "m", "judicial_confirmation", {{"date", "2023-09-28"}, {"court", "阳新县人民法院"}});
  EXPECT_EQ(alerts("2023-10-07")["total"], 0);
}

TEST_F(DeadlineRules, AnActiveOfficersCertificateIsDueOnItsExpiryAndLeavesWhenTheOfficerLeaves) {
  // Valid to Sunday 10-08, a make-up working day: a stated date, not moved.
  db_->put("enforcement_officer", {{"key", "o"}, {"unit", "team"}, {"name", "执法员甲"},
                                   {"certificate_issued", "2018-10-09"}});
  EXPECT_EQ(db_->get("enforcement_officer", "o")["certificate_expires"], "2023-10-08");
  EXPECT_EQ(lines("2023-10-08"),
            Lines{"enforcement_officer o enforcement_officer.certificate_expiry 2023-10-08 due 0"});
  EXPECT_EQ(lines("2023-10-09"),
            Lines{"enforcement_officer o enforcement_officer.certificate_expiry 2023-10-08 overdue -1"});
  db_->patch("enforcement_officer", "o", {{"status", "left"}});
  EXPECT_EQ(alerts("2023-10-09")["total"], 0);
}

TEST_F(DeadlineRules, TheCommentWindowIsListedToItsLastDayThenLapses) {
  db_->put("decision", {{"key", "c"}, {"unit", "zone"}, {"title", "老旧小区改造方案"}});
  db_->act("decision", "c", "public_participation", {{"start", "2023-06-01"}, {"end", "2023-06-30"}});
  EXPECT_EQ(lines("2023-06-28"), Lines{"decision c decision.comment_period_end 2023-06-30 upcoming 2"});
  EXPECT_EQ(lines("2023-06-30"), Lines{"decision c decision.comment_period_end 2023-06-30 due 0"});
  EXPECT_EQ(alerts("2023-07-03")["total"], 0);
}

}  // namespace
