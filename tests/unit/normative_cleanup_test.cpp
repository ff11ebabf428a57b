// normative_cleanup_test.cpp — cleanups of normative documents (规范性文件清理):
// the counts' checks, and the indicators with values computed by hand.
#include "test_support.hpp"

using fazhi::Database;
using fazhi::IndicatorValue;
using fazhi::Status;
using fazhi::testing_support::kSampleTree;
using fazhi::testing_support::status_of;
using json = nlohmann::json;

namespace {

// cleanup  unit  date        scope          reviewed  kept  amended  repealed  invalid
// c1       zone  2022-04-30  special        12        7     3        2         —
// c2       zone  2022-11-30  comprehensive  40        31    4        3         2
// c3       team  2022-12-20  special        5         5     —        —         —
// c4       zone  2023-02-28  special        8         6     1        —         —   (2 undecided)
const std::string kFixture = std::string(kSampleTree) + R"(
{"record":"normative_cleanup","key":"c1","unit":"zone","date":"2022-04-30","scope":"special","title":"涉及民法典的规范性文件专项清理","reviewed":12,"kept":7,"amended":3,"repealed":2}
{"record":"normative_cleanup","key":"c2","unit":"zone","date":"2022-11-30","scope":"comprehensive","title":"规范性文件全面清理","reviewed":40,"kept":31,"amended":4,"repealed":3,"declared_invalid":2}
{"record":"normative_cleanup","key":"c3","unit":"team","date":"2022-12-20","scope":"special","title":"优化营商环境专项清理","reviewed":5,"kept":5}
{"record":"normative_cleanup","key":"c4","unit":"zone","date":"2023-02-28","scope":"special","title":"行政处罚规定专项清理","reviewed":8,"kept":6,"amended":1}
)";

class NormativeCleanup : public ::testing::Test {
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

TEST_F(NormativeCleanup, DispositionsExceedingTheDocumentsReviewedAreRefusedNamingReviewed) {
  std::string message;
  EXPECT_EQ(status_of([&] { db_->patch("normative_cleanup", "c1", {{"declared_invalid", 1}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("reviewed"), std::string::npos) << message;
  EXPECT_NE(message.find("7 + 3 + 2 + 1"), std::string::npos) << message;
  EXPECT_FALSE(db_->get("normative_cleanup", "c1").contains("declared_invalid"));
}

TEST_F(NormativeCleanup, DispositionsMayFallShortOfTheDocumentsReviewed) {
  // c4: 6 + 1 of 8, the other one still undecided.
  EXPECT_EQ(db_->get("normative_cleanup", "c4")["reviewed"], 8);
  // Exactly as many is as good.
  db_->patch("normative_cleanup", "c4", {{"repealed", 1}});
  EXPECT_EQ(db_->get("normative_cleanup", "c4")["repealed"], 1);
  EXPECT_EQ(db_->findings({{"kind", "normative_cleanup"}})["total"], 0);
}

TEST_F(NormativeCleanup, ANegativeCountIsRefusedNamingItsField) {
  std::string message;
  EXPECT_EQ(status_of([&] { db_->patch("normative_cleanup", "c3", {{"amended", -1}}); }, &message), Status::argument);
  EXPECT_NE(message.find("amended"), std::string::npos) << message;
  EXPECT_EQ(status_of([&] { db_->patch("normative_cleanup", "c3", {{"reviewed", -5}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("reviewed"), std::string::npos) << message;
}

TEST_F(NormativeCleanup, CountsNearTheLimitOfAnIntegerDoNotOverflow) {
  // Four dispositions of 2^62 add up past 2^63: refused, not wrapped round.
  const std::int64_t big = std::int64_t{1} << 62;
  EXPECT_EQ(status_of([&] {
              db_->put("normative_cleanup", {{"key", "huge"},
                                             {"unit", "zone"},
                                             {"date", "2022-06-01"},
                                             {"scope", "special"},
                                             {"title", "x"},
                                             {"reviewed", big},
                                             {"kept", big},
                                             {"amended", big},
                                             {"repealed", big},
                                             {"declared_invalid", big}});
            }),
            Status::argument);
}

TEST_F(NormativeCleanup, TheScopeIsAClosedSet) {
  std::string message;
  EXPECT_EQ(status_of([&] { db_->patch("normative_cleanup", "c3", {{"scope", "annual"}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("scope"), std::string::npos) << message;
}

TEST_F(NormativeCleanup, CampaignsByScope) {
  IndicatorValue campaigns = value("normative.cleanups");
  EXPECT_EQ(campaigns.value, 3);  // c1, c2, c3; c4 in 2023
  EXPECT_EQ(campaigns.breakdown, (std::map<std::string, double>{{"comprehensive", 1}, {"special", 2}}));
  EXPECT_EQ(value("normative.cleanups[special]").value, 2);  // a breakdown member
  EXPECT_EQ(value("normative.cleanups", "team").value, 1);
}

TEST_F(NormativeCleanup, EachCountIsSummedOverTheCampaigns) {
  EXPECT_EQ(value("normative.cleanup_reviewed").value, 12 + 40 + 5);
  EXPECT_EQ(value("normative.cleanup_kept").value, 7 + 31 + 5);
  EXPECT_EQ(value("normative.cleanup_amended").value, 3 + 4);
  EXPECT_EQ(value("normative.cleanup_repealed").value, 2 + 3);
  EXPECT_EQ(value("normative.cleanup_declared_invalid").value, 2);
  EXPECT_EQ(value("normative.cleanup_reviewed", "team").value, 5);
  EXPECT_EQ(value("normative.cleanup_amended", "v1").value, 0);
  EXPECT_EQ(db_->explain("normative.cleanup_repealed", "zone", "2022")["numerator"]["keys"],
            json::array({"c1", "c2"}));
}

TEST_F(NormativeCleanup, ACumulativeFigureAsOfADateIsAnExplicitRange) {
  const std::string as_of = "2022-01-01/2023-03-15";
  EXPECT_EQ(value("normative.cleanups", "zone", as_of).value, 4);
  EXPECT_EQ(value("normative.cleanup_reviewed", "zone", as_of).value, 12 + 40 + 5 + 8);
  EXPECT_EQ(value("normative.cleanup_kept", "zone", as_of).value, 7 + 31 + 5 + 6);
  EXPECT_EQ(value("normative.cleanup_amended", "zone", as_of).value, 3 + 4 + 1);
  EXPECT_EQ(value("normative.cleanup_repealed", "zone", as_of).value, 2 + 3);
  EXPECT_EQ(value("normative.cleanup_declared_invalid", "zone", as_of).value, 2);
  // As of 2022-11-29: c1 only.
  EXPECT_EQ(value("normative.cleanup_reviewed", "zone", "2022-01-01/2022-11-29").value, 12);
}

TEST_F(NormativeCleanup, TheScopeLabelsComeFromTheDeclaration) {
  EXPECT_EQ(db_->labels("normative_cleanup.scope")["comprehensive"], "全面清理");
  EXPECT_EQ(db_->labels("normative_cleanup.scope")["special"], "专项清理");
}

}  // namespace
