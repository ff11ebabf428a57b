// Names never leak from the annual report: names held anywhere in the
// database, names the host passes ("mask_names") and names it stores once
// (masked_name records) are masked in every format; a name that none of
// them holds, pasted into a narrative, is listed for the reviewer by
// report_review and in the json model's "review_warnings".
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <string>

using fazhi::Database;
using fazhi::Status;
using fazhi::testing_support::status_of;
using json = nlohmann::json;

namespace {

// The paragraph of the 2022 report the project started from that names two
// petitioners, neither of whom any record holds.
constexpr const char* kSeedParagraph =
    "特别是在党的二十大胜利召开期间，成功化解了胡开堂信访积案，多方联动积极帮助邢宏权推进涉法涉诉维权主张，"
    "帮其解决落实司法救助资金和追回执行款共100万元。";

class ReportNames : public ::testing::Test {
 protected:
  void SetUp() override {
    fazhi::testing_support::put_sample_tree(*db_);
    db_->put("narrative", {{"key", "n1"},
                           {"unit", "zone"},
                           {"year", 2022},
                           {"section", "measures"},
                           {"heading", "消除信访积案"},
                           {"body", kSeedParagraph}});
  }

  std::string report(const std::string& format, const json& options = json::object()) {
    return db_->report("zone", 2022, format, options);
  }

  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

bool warned(const json& warnings, const std::string& name) {
  for (const json& w : warnings)
    if (w.value("name", json()) == name) return true;
  return false;
}

}  // namespace

TEST_F(ReportNames, APastedNameIsMaskedOrWarnedAboutInEveryFormat) {
  const json review = db_->report_review("zone", 2022);
  ASSERT_EQ(review.at("warnings").size(), 2u) << review.dump();
  const json& first = review["warnings"][0];
  EXPECT_EQ(first.at("name"), "胡开堂");
  EXPECT_EQ(first.at("kind"), "narrative");
  EXPECT_EQ(first.at("key"), "n1");
  EXPECT_EQ(first.at("field"), "body");
  EXPECT_NE(first.at("message").get<std::string>().find("胡开堂"), std::string::npos);
  EXPECT_EQ(review["warnings"][1].at("name"), "邢宏权");

  const json model = json::parse(report("json"));
  EXPECT_EQ(model.at("review_warnings"), review.at("warnings"));
  for (const char* format : {"markdown", "html", "json"}) {
    const std::string text = report(format);
    for (const char* name : {"胡开堂", "邢宏权"})
      EXPECT_TRUE(text.find(name) == std::string::npos || warned(review["warnings"], name))
          << format << " " << name;
  }
}

TEST_F(ReportNames, TheHostsMaskNamesAreMaskedEverywhereAndLeaveNothingToWarnAbout) {
  const json options = {{"mask_names", {"胡开堂", "邢宏权"}}};
  for (const char* format : {"markdown", "html", "json"}) {
    const std::string text = report(format, options);
    EXPECT_EQ(text.find("胡开堂"), std::string::npos) << format;
    EXPECT_EQ(text.find("邢宏权"), std::string::npos) << format;
    EXPECT_NE(text.find("成功化解了胡某某信访积案"), std::string::npos) << format;
    EXPECT_NE(text.find("帮助邢某某推进"), std::string::npos) << format;
  }
  EXPECT_EQ(db_->report_review("zone", 2022, options).at("warnings"), json::array());
  EXPECT_EQ(json::parse(report("json", options)).at("review_warnings"), json::array());
}

TEST_F(ReportNames, NamesStoredOnceAsMaskedNameRecordsAreMaskedInEveryUnitsReport) {
  db_->put("masked_name", {{"key", "m1"}, {"name", "胡开堂"}, {"note", "2021年报告中的信访人"}});
  db_->put("masked_name", {{"key", "m2"}, {"name", "邢宏权"}});
  db_->put("narrative", {{"key", "n2"},
                         {"unit", "v1"},
                         {"year", 2022},
                         {"section", "measures"},
                         {"body", "协助胡开堂办理司法救助。"}});
  for (const char* format : {"markdown", "html", "json"}) {
    const std::string zone = report(format);
    EXPECT_EQ(zone.find("胡开堂"), std::string::npos) << format;
    EXPECT_EQ(zone.find("邢宏权"), std::string::npos) << format;
    const std::string village = db_->report("v1", 2022, format);
    EXPECT_EQ(village.find("胡开堂"), std::string::npos) << format;
    EXPECT_NE(village.find("协助胡某某办理"), std::string::npos) << format;
  }
  EXPECT_EQ(db_->report_review("zone", 2022).at("warnings"), json::array());
}

TEST_F(ReportNames, ANameHeldOnlyOutsideTheReportedSubtreeIsStillMasked) {
  // 李四海 is a petitioner of v2; v1's report quotes the name.
  db_->import_ndjson(
      R"({"record":"petition","key":"p1","unit":"v2","received":"2022-04-01","channel":"visit","petitioners":["李四海"],"subject":"宅基地纠纷"}
{"record":"narrative","key":"n3","unit":"v1","year":2022,"section":"other","body":"村里协助信访人李四海完成了登记。"})",
      {});
  for (const char* format : {"markdown", "html", "json"}) {
    const std::string text = db_->report("v1", 2022, format);
    EXPECT_EQ(text.find("李四海"), std::string::npos) << format;
    EXPECT_NE(text.find("信访人李某某"), std::string::npos) << format;
  }
  EXPECT_EQ(db_->report_review("v1", 2022).at("warnings"), json::array());
}

TEST_F(ReportNames, BadMaskNamesAreRefusedByNameAndTheReviewNeedsAKnownUnit) {
  std::string message;
  EXPECT_EQ(status_of([&] { report("markdown", {{"mask_names", {"胡开堂", "胡"}}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("mask_names[1]"), std::string::npos) << message;
  EXPECT_EQ(status_of([&] { db_->report_review("zone", 2022, {{"mask_names", "胡开堂"}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("mask_names"), std::string::npos) << message;
  EXPECT_EQ(status_of([&] { db_->report_review("zone", 2022, {{"lang", "en"}}); }, &message),
            Status::argument);
  EXPECT_EQ(status_of([&] { db_->report_review("nowhere", 2022); }), Status::not_found);
  EXPECT_EQ(status_of([&] { db_->put("masked_name", {{"key", "m1"}}); }, &message), Status::argument);
  EXPECT_NE(message.find("name"), std::string::npos) << message;
}
