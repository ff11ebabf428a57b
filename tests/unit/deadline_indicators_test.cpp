// alerts.overdue and alerts.concluded_late: the deadlines overdue on a
// period's last day and those met late in the period, by kind, judged by the
// records' own dates. Every date is computed by hand against the State
// Council's 2023 schedule (中秋节、国庆节 2023-09-29 to 10-06 off, Saturday
// 10-07 and Sunday 10-08 make-up working days).
//
// The records, all in the zone (v1, v2 and the enforcement team below it):
//   xf-a  petition received 09-14: acceptance due 10-07 (day 15, 09-29, is a
//       holiday); accepted 11-02, late. Open on 10-31.
//   xf-b  petition received 09-14, accepted 10-07, on its last day: never late.
//       Conclusion due 12-06 (60 days), never concluded.
//   xf-c  petition received 09-14, accepted 10-09: late, in October.
//       Conclusion due 12-08, never concluded.
//   xf-e  petition accepted 08-20: conclusion due 10-19 (60 days); extended on
//       11-01 by 30 days to 11-18, a Saturday, so 11-20; concluded 12-01,
//       late. On 10-31 the extension was not yet granted: overdue then.
//   xf-f  petition accepted 08-20, extended on 10-10 by 30 days: due 11-20,
//       never concluded.
//   tj-m   labour mediation received 09-20: due 10-07 (day 15, 10-05, is a
//       holiday); closed 10-31, late, in October.
//   gf-nd  normative document published 09-06: filing due 10-07 (day 30, 10-06,
//       is a holiday); never filed.
//   zf-ea  inspection decided 09-27: publicity due 10-31 (20 working days);
//       never publicised. Due, not overdue, on 10-31.
#include "test_support.hpp"

#include <cmath>

using fazhi::Database;
using json = nlohmann::json;

namespace {

class DeadlineIndicators : public ::testing::Test {
 protected:
  void SetUp() override {
    fazhi::testing_support::put_sample_tree(*db_);
    petition("xf-a", "v1", "2023-09-14");
    db_->act("petition", "xf-a", "accept", {{"date", "2023-11-02"}});
    petition("xf-b", "v2", "2023-09-14");
    db_->act("petition", "xf-b", "accept", {{"date", "2023-10-07"}});
    petition("xf-c", "v1", "2023-09-14");
    db_->act("petition", "xf-c", "accept", {{"date", "2023-10-09"}});
    petition("xf-e", "v1", "2023-08-10");
    db_->act("petition", "xf-e", "accept", {{"date", "2023-08-20"}});
    db_->act("petition", "xf-e", "extend", {{"date", "2023-11-01"}, {"days", 30}});
    db_->act("petition", "xf-e", "conclude", {{"date", "2023-12-01"}, {"result", "resolved"}});
    petition("xf-f", "v1", "2023-08-10");
    db_->act("petition", "xf-f", "accept", {{"date", "2023-08-20"}});
    db_->act("petition", "xf-f", "extend", {{"date", "2023-10-10"}, {"days", 30}});
    db_->put("mediation_committee", {{"key", "mc"}, {"unit", "v2"}, {"name", "二村人民调解委员会"}});
    db_->put("mediation_case",
             {{"key", "tj-m"}, {"committee", "mc"}, {"received", "2023-09-20"}, {"category", "labour"}});
    db_->act("mediation_case", "tj-m", "close", {{"date", "2023-10-31"}, {"outcome", "failed"}});
    db_->put("normative_document", {{"key", "gf-nd"},
                                    {"unit", "zone"},
                                    {"title", "管理办法"},
                                    {"doc_number", "开管发〔2023〕3号"},
                                    {"legality_review", {{"completed", "2023-09-01"}, {"result", "lawful"}}},
                                    {"published", "2023-09-06"}});
    db_->put("enforcement_action",
             {{"key", "zf-ea"}, {"unit", "team"}, {"kind", "inspection"}, {"decided", "2023-09-27"}});
  }

  void petition(const std::string& key, const std::string& unit, const std::string& received) {
    db_->put("petition", {{"key", key}, {"unit", unit}, {"received", received}, {"petitioners", {"张三"}}});
  }
  // "value kind:n kind:n" of an indicator.
  std::string figure(const std::string& code, const std::string& unit, const std::string& period) {
    const fazhi::IndicatorValue v = db_->indicator(code, unit, period);
    std::string s = std::to_string(static_cast<long>(std::lround(v.value)));
    for (const auto& [kind, n] : v.breakdown) s += " " + kind + ":" + std::to_string(static_cast<long>(n));
    return s;
  }

  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

TEST_F(DeadlineIndicators, OverdueOnTheLastDayOfOctoberCountsItemsMetOnlyAfterItAndNotThoseDueThatDay) {
  // xf-a (accepted after October), gf-nd (never filed), xf-e (due 10-19 as it stood
  // on 10-31); not zf-ea (due on 10-31 itself), not tj-m (closed on 10-31).
  EXPECT_EQ(figure("alerts.overdue", "zone", "2023-10"), "3 normative_document:1 petition:2");
  EXPECT_EQ(figure("alerts.overdue", "v1", "2023-10"), "2 petition:2");
  EXPECT_EQ(figure("alerts.overdue", "v2", "2023-10"), "0");
  // The members of the breakdown are measures of their own.
  EXPECT_EQ(db_->indicator("alerts.overdue[petition]", "zone", "2023-10").value, 2);
  const json explained = db_->explain("alerts.overdue", "zone", "2023-10");
  EXPECT_EQ(explained["numerator"]["keys"], json::array({"gf-nd", "xf-a", "xf-e"}));
}

TEST_F(DeadlineIndicators, AnExtensionGrantedAfterTheDayDoesNotUndoTheOverdueOfThatDay) {
  // xf-e: on 10-31 its due date was 10-19 (the extension came on 11-01); on
  // 11-30 it is 11-20. xf-f, extended on 10-10, was not overdue on 10-31.
  EXPECT_EQ(figure("alerts.overdue", "v1", "2023-10"), "2 petition:2");
  const json october = db_->explain("alerts.overdue", "v1", "2023-10");
  EXPECT_EQ(october["numerator"]["keys"], json::array({"xf-a", "xf-e"}));
  // 11-30: xf-e (due 11-20, concluded 12-01), xf-f (due 11-20), gf-nd, zf-ea (due
  // 10-31); xf-a was accepted on 11-02 and its conclusion is due 2024-01-02.
  EXPECT_EQ(figure("alerts.overdue", "zone", "2023-11"),
            "4 enforcement_action:1 normative_document:1 petition:2");
  EXPECT_EQ(db_->explain("alerts.overdue", "zone", "2023-11")["numerator"]["keys"],
            json::array({"gf-nd", "xf-e", "xf-f", "zf-ea"}));
}

TEST_F(DeadlineIndicators, ConcludedLateCountsTheActionsOfThePeriodAfterTheirDueDate) {
  // October: xf-c accepted on 10-09 and tj-m closed on 10-31, both due 10-07; xf-b
  // accepted on its last day is not late.
  EXPECT_EQ(figure("alerts.concluded_late", "zone", "2023-10"), "2 mediation_case:1 petition:1");
  EXPECT_EQ(db_->explain("alerts.concluded_late", "zone", "2023-10")["numerator"]["keys"],
            json::array({"tj-m", "xf-c"}));
  // November: xf-a accepted on 11-02. December: xf-e concluded on 12-01, after
  // its extended due date 11-20.
  EXPECT_EQ(figure("alerts.concluded_late", "zone", "2023-11"), "1 petition:1");
  EXPECT_EQ(figure("alerts.concluded_late", "zone", "2023-12"), "1 petition:1");
  EXPECT_EQ(figure("alerts.concluded_late", "zone", "2023"), "4 mediation_case:1 petition:3");
}

TEST_F(DeadlineIndicators, ConcludingWithinTheExtensionIsNotLate) {
  // xf-f: due 11-20 after the extension of 10-10; concluded on 11-20 itself.
  db_->act("petition", "xf-f", "conclude", {{"date", "2023-11-20"}, {"result", "resolved"}});
  EXPECT_EQ(figure("alerts.concluded_late", "zone", "2023-11"), "1 petition:1");  // xf-a only
  EXPECT_EQ(figure("alerts.overdue", "zone", "2023-11"), "3 enforcement_action:1 normative_document:1 petition:1");
}

TEST_F(DeadlineIndicators, AYearEndFigureAndTheAnnualReportSayTheOverdueItemsByKindWithoutKeys) {
  // 12-31: xf-b (conclusion due 12-06), xf-c (12-08), xf-f (11-20), gf-nd, zf-ea.
  EXPECT_EQ(figure("alerts.overdue", "zone", "2023"), "5 enforcement_action:1 normative_document:1 petition:3");
  const std::string report = db_->report("zone", 2023, "markdown");
  EXPECT_NE(report.find("截至2023年12月31日，已超过法定期限尚未办理的事项5项：信访事项3项、行政执法行为1项、"
                        "行政规范性文件1项。"),
            std::string::npos)
      << report;
  for (const char* key : {"xf-b", "xf-c", "xf-f", "gf-nd", "开管发〔2023〕3号", "张三"})
    EXPECT_EQ(report.find(key), std::string::npos) << key;
  // Nothing overdue: no sentence.
  const std::string quiet = db_->report("v1", 2022, "markdown");
  EXPECT_EQ(quiet.find("已超过法定期限尚未办理"), std::string::npos);
}

TEST_F(DeadlineIndicators, TheCatalogueDeclaresBothWithShortChineseLabels) {
  const json catalogue = db_->labels("indicators");
  ASSERT_TRUE(catalogue.contains("alerts.overdue"));
  ASSERT_TRUE(catalogue.contains("alerts.concluded_late"));
  for (const char* code : {"alerts.overdue", "alerts.concluded_late"}) {
    const std::string label = catalogue[code].get<std::string>();
    EXPECT_LE(label.size() / 3, 15u) << label;  // CJK characters are three bytes each in UTF-8
  }
}

}  // namespace
