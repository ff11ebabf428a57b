// normative_filing_review_test.cpp — a normative document's filing (备案), the
// filing authority's review (备案审查) and the correction it calls for: the
// actions' checks, the rule on an uncorrected document, the 30-day filing
// deadline across a holiday, and the indicators with values computed by hand
// from the fixture. Also a file from before schema 13, whose documents have
// no verdict.
#include "test_support.hpp"

#include <SQLiteCpp/Database.h>

#include <fstream>
#include <sstream>

using fazhi::Database;
using fazhi::IndicatorValue;
using fazhi::Status;
using fazhi::testing_support::kSampleTree;
using fazhi::testing_support::status_of;
using fazhi::testing_support::TempDir;
using json = nlohmann::json;

namespace {

// Every document passed its legality review before publication.
//
// doc  unit  published   filing deadline  filed       review      verdict        corrected
// n5   zone  2021-12-20  2022-01-19       2021-12-28  2022-01-10  conforming
// n1   zone  2022-03-10  2022-04-11 (a)   2022-03-25  2022-04-20  conforming
// n2   zone  2022-06-01  2022-07-01       2022-07-15  2022-07-29  nonconforming  2022-09-30 amended
// n3   team  2022-09-07  2022-10-08 (b)   2022-10-08  2022-11-10  nonconforming
// n4   zone  2022-11-15  2022-12-15       —
// n6   zone  2022-12-20  2023-01-19       2023-01-10  2023-02-01  nonconforming  2023-03-01 repealed
//
// (a) 04-09 is a Saturday. (b) 10-07 is the last day of the National Day
// holiday; 10-08, a Saturday, is a make-up working day of 2022.
std::string document(const std::string& key, const std::string& unit, const std::string& published,
                     const std::string& filed) {
  json d = {{"record", "normative_document"},
            {"key", key},
            {"unit", unit},
            {"title", "文件" + key},
            {"published", published},
            {"legality_review", {{"completed", published}, {"result", "lawful"}}}};
  if (!filed.empty()) d["filed"] = filed;
  return d.dump() + "\n";
}

std::string review(const std::string& key, const std::string& date, const std::string& verdict) {
  return json({{"record", "normative_document"}, {"key", key}, {"action", "filing_review"}, {"date", date},
               {"verdict", verdict}})
             .dump() +
         "\n";
}

std::string correction(const std::string& key, const std::string& date, const std::string& how) {
  return json({{"record", "normative_document"}, {"key", key}, {"action", "correct"}, {"date", date}, {"how", how}})
             .dump() +
         "\n";
}

const std::string kFixture = std::string(kSampleTree) + document("n5", "zone", "2021-12-20", "2021-12-28") +
                             review("n5", "2022-01-10", "conforming") +
                             document("n1", "zone", "2022-03-10", "2022-03-25") +
                             review("n1", "2022-04-20", "conforming") +
                             document("n2", "zone", "2022-06-01", "2022-07-15") +
                             review("n2", "2022-07-29", "nonconforming") + correction("n2", "2022-09-30", "amended") +
                             document("n3", "team", "2022-09-07", "2022-10-08") +
                             review("n3", "2022-11-10", "nonconforming") +
                             document("n4", "zone", "2022-11-15", "") +
                             document("n6", "zone", "2022-12-20", "2023-01-10") +
                             review("n6", "2023-02-01", "nonconforming") + correction("n6", "2023-03-01", "repealed");

class FilingReview : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = db_->import_ndjson(kFixture, {});
    ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  }
  IndicatorValue value(const std::string& code, const std::string& unit = "zone",
                       const std::string& period = "2022") {
    return db_->indicator(code, unit, period);
  }
  // The rules of the findings on one document.
  std::vector<std::string> rules_of(const std::string& key) {
    std::vector<std::string> out;
    const json findings = db_->findings({{"kind", "normative_document"}});  // outlives the loop
    for (const json& f : findings["items"])
      if (f["key"] == key) out.push_back(f["rule"].get<std::string>());
    return out;
  }
  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

// --- the filing deadline, the review and the correction -----------------------

TEST_F(FilingReview, TheFilingDeadlineCrossingNationalDayEndsOnTheMakeUpWorkingDay) {
  EXPECT_EQ(db_->get("normative_document", "n3")["filing_deadline"], "2022-10-08");
  // Filed on that day: on time, silent.
  EXPECT_EQ(rules_of("n3"), std::vector<std::string>{"normative_document.nonconforming_not_corrected"});
  // A day later it is late.
  db_->put("normative_document", {{"key", "late"}, {"unit", "team"}, {"title", "文件late"},
                                  {"published", "2022-09-07"}, {"filed", "2022-10-09"},
                                  {"legality_review", {{"completed", "2022-09-01"}, {"result", "lawful"}}}});
  EXPECT_EQ(rules_of("late"), std::vector<std::string>{"normative_document.filing_30_days"});
}

TEST_F(FilingReview, TheReviewAndTheCorrectionAreKeptOnTheDocument) {
  const json n2 = db_->get("normative_document", "n2");
  EXPECT_EQ(n2["filing_reviewed"], "2022-07-29");
  EXPECT_EQ(n2["filing_verdict"], "nonconforming");
  EXPECT_EQ(n2["corrected"], "2022-09-30");
  EXPECT_EQ(n2["correction"], "amended");
  EXPECT_FALSE(db_->get("normative_document", "n4").contains("filing_verdict"));
}

TEST_F(FilingReview, ANonconformingDocumentWarnsUntilItIsCorrected) {
  json f = db_->findings({{"kind", "normative_document"}, {"rule", "normative_document.nonconforming_not_corrected"}});
  ASSERT_EQ(f["total"], 1);
  EXPECT_EQ(f["items"][0]["key"], "n3");
  EXPECT_EQ(f["items"][0]["severity"], "warning");
  EXPECT_EQ(f["items"][0]["date"], "2022-11-10");
  EXPECT_NE(f["items"][0]["source"].get<std::string>().find("国办发〔2018〕37号"), std::string::npos);
  db_->act("normative_document", "n3", "correct", {{"date", "2022-12-01"}, {"how", "revoked"}});
  EXPECT_TRUE(rules_of("n3").empty());
  // Corrected or conforming documents are silent; n2 was filed late, n4 not at all.
  EXPECT_EQ(rules_of("n2"), std::vector<std::string>{"normative_document.filing_30_days"});
  EXPECT_TRUE(rules_of("n1").empty());
  EXPECT_TRUE(rules_of("n6").empty());
  EXPECT_EQ(rules_of("n4"), std::vector<std::string>{"normative_document.not_filed"});
}

TEST_F(FilingReview, ADocumentNotFiledCannotBeReviewed) {
  std::string message;
  EXPECT_EQ(status_of([&] {
              db_->act("normative_document", "n4", "filing_review", {{"date", "2022-12-20"}, {"verdict", "conforming"}});
            },
                      &message),
            Status::conflict);
  EXPECT_NE(message.find("not been filed"), std::string::npos) << message;
}

TEST_F(FilingReview, AReviewBeforeTheFilingIsRefusedNamingTheDate) {
  db_->patch("normative_document", "n4", {{"filed", "2022-11-30"}});
  std::string message;
  EXPECT_EQ(status_of([&] {
              db_->act("normative_document", "n4", "filing_review", {{"date", "2022-11-29"}, {"verdict", "conforming"}});
            },
                      &message),
            Status::argument);
  EXPECT_NE(message.find("date"), std::string::npos) << message;
  EXPECT_NE(message.find("2022-11-30"), std::string::npos) << message;
  db_->act("normative_document", "n4", "filing_review", {{"date", "2022-11-30"}, {"verdict", "conforming"}});
  EXPECT_EQ(db_->get("normative_document", "n4")["filing_verdict"], "conforming");
}

TEST_F(FilingReview, AReviewIsGivenOnce) {
  const std::int64_t entries = fazhi::testing_support::journal_entries(*db_);
  db_->act("normative_document", "n1", "filing_review", {{"date", "2022-04-20"}, {"verdict", "conforming"}});
  EXPECT_EQ(fazhi::testing_support::journal_entries(*db_), entries);  // the same again: nothing
  EXPECT_EQ(status_of([&] {
              db_->act("normative_document", "n1", "filing_review",
                       {{"date", "2022-04-20"}, {"verdict", "nonconforming"}});
            }),
            Status::conflict);
}

TEST_F(FilingReview, OnlyANonconformingDocumentIsCorrected) {
  std::string message;
  EXPECT_EQ(status_of([&] { db_->act("normative_document", "n1", "correct", {{"date", "2022-05-01"}}); }, &message),
            Status::conflict);
  EXPECT_NE(message.find("conforming"), std::string::npos) << message;
  EXPECT_EQ(status_of([&] { db_->act("normative_document", "n4", "correct", {{"date", "2022-12-20"}}); }, &message),
            Status::conflict);
  EXPECT_NE(message.find("nonconforming"), std::string::npos) << message;
  EXPECT_FALSE(db_->get("normative_document", "n1").contains("corrected"));
}

TEST_F(FilingReview, ACorrectionBeforeTheReviewIsRefusedNamingTheDate) {
  std::string message;
  EXPECT_EQ(status_of([&] { db_->act("normative_document", "n3", "correct", {{"date", "2022-11-09"}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("date"), std::string::npos) << message;
  EXPECT_NE(message.find("2022-11-10"), std::string::npos) << message;
}

TEST_F(FilingReview, TheFilingDateCannotBeTakenFromAReviewedDocument) {
  std::string message;
  EXPECT_EQ(status_of([&] { db_->patch("normative_document", "n1", {{"filed", nullptr}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("filed"), std::string::npos) << message;
  EXPECT_EQ(db_->get("normative_document", "n1")["filed"], "2022-03-25");
}

// --- indicators -----------------------------------------------------------------

TEST_F(FilingReview, FiledAndTheFilingRateCountTheDocumentsPublishedInThePeriod) {
  EXPECT_EQ(value("normative.published").value, 5);  // n1, n2, n3, n4, n6
  EXPECT_EQ(value("normative.filed").value, 4);      // n4 not filed; n6 filed in 2023 still counts
  IndicatorValue rate = value("normative.filing_rate");
  EXPECT_EQ(rate.numerator, 4);
  EXPECT_EQ(rate.denominator, 5);
  EXPECT_DOUBLE_EQ(rate.value, 80.0);
  IndicatorValue timely = value("normative.timely_filing_rate");
  EXPECT_EQ(timely.numerator, 3);  // n1, n3 (on 10-08), n6; n2 late
  EXPECT_EQ(timely.denominator, 5);
  EXPECT_EQ(db_->explain("normative.filing_rate", "zone", "2022")["missing"], json::array({"n4"}));
  EXPECT_TRUE(value("normative.filing_rate", "v1").no_data);
}

TEST_F(FilingReview, VerdictsAreCountedWhenGiven) {
  IndicatorValue reviewed = value("normative.filing_reviewed");
  EXPECT_EQ(reviewed.value, 4);  // n5 (published 2021), n1, n2, n3; n6 reviewed in 2023
  EXPECT_EQ(reviewed.breakdown, (std::map<std::string, double>{{"conforming", 2}, {"nonconforming", 2}}));
  EXPECT_EQ(value("normative.filing_reviewed[nonconforming]").value, 2);  // a breakdown member
  IndicatorValue conformity = value("normative.conformity_rate");
  EXPECT_EQ(conformity.numerator, 2);
  EXPECT_EQ(conformity.denominator, 4);
  EXPECT_DOUBLE_EQ(conformity.value, 50.0);
  // The team's one document was found nonconforming: 0%, not no data.
  IndicatorValue team = value("normative.conformity_rate", "team");
  EXPECT_FALSE(team.no_data);
  EXPECT_EQ(team.value, 0);
}

TEST_F(FilingReview, CorrectionsAreCountedWhenMade) {
  IndicatorValue corrected = value("normative.corrected");
  EXPECT_EQ(corrected.value, 1);  // n2
  EXPECT_EQ(corrected.breakdown, (std::map<std::string, double>{{"amended", 1}}));
  EXPECT_EQ(value("normative.corrected[repealed]").value, 0);
  EXPECT_EQ(db_->explain("normative.corrected", "zone", "2022")["numerator"]["keys"], json::array({"n2"}));
}

TEST_F(FilingReview, ACumulativeFigureAsOfADateIsAnExplicitRange) {
  const std::string as_of = "2022-01-01/2023-03-15";
  EXPECT_EQ(value("normative.filed", "zone", as_of).value, 4);
  EXPECT_DOUBLE_EQ(value("normative.filing_rate", "zone", as_of).value, 80.0);
  IndicatorValue conformity = value("normative.conformity_rate", "zone", as_of);
  EXPECT_EQ(conformity.numerator, 2);  // n5, n1
  EXPECT_EQ(conformity.denominator, 5);  // and n2, n3, n6
  EXPECT_EQ(value("normative.filing_reviewed", "zone", as_of).value, 5);
  IndicatorValue corrected = value("normative.corrected", "zone", as_of);
  EXPECT_EQ(corrected.value, 2);
  EXPECT_EQ(corrected.breakdown, (std::map<std::string, double>{{"amended", 1}, {"repealed", 1}}));
  EXPECT_EQ(value("normative.corrected[repealed]", "zone", as_of).value, 1);
  // As of 2022-07-31: n5, n1, n2 reviewed, nothing corrected yet.
  EXPECT_EQ(value("normative.filing_reviewed", "zone", "2022-01-01/2022-07-31").value, 3);
  EXPECT_EQ(value("normative.corrected", "zone", "2022-01-01/2022-07-31").value, 0);
}

TEST_F(FilingReview, AnExportReplaysTheReviewsAndCorrections) {
  TempDir dir;
  const std::string file = dir.file("normative.ndjson");
  db_->export_file(file, json::object());
  auto copy = Database::open(":memory:");
  const auto s = copy->import_file(file, {});
  ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  for (const char* key : {"n2", "n3", "n4", "n6"})
    EXPECT_EQ(copy->get("normative_document", key), db_->get("normative_document", key)) << key;
  for (const char* code : {"normative.filing_rate", "normative.conformity_rate", "normative.corrected"})
    EXPECT_EQ(copy->indicator(code, "zone", "2022").to_json(), value(code).to_json()) << code;
}

TEST_F(FilingReview, TheVerdictLabelsComeFromTheDeclaration) {
  EXPECT_EQ(db_->labels("normative_document.filing_verdict")["nonconforming"], "不符合规定");
  EXPECT_EQ(db_->labels("normative_document.correction")["revoked"], "备案审查机关撤销");
}

// --- a file from before the review was recorded ----------------------------------

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(FilingReviewMigration, DocumentsFiledBeforeSchema13HaveNoVerdictAndCountInNoReviewFigure) {
  TempDir dir;
  const std::string path = dir.file("v8.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec(read_file(std::string(FAZHI_SOURCE_DIR) + "/tests/fixtures/lawsuit_v8/lawsuit_v8.sql"));
    raw.exec(
        "INSERT INTO normative_document (id, key, unit_id, title, legality_review, published, filed, status, "
        "review_completed, review_result, filing_deadline) VALUES (1, 'old', 1, '旧文件', "
        "'{\"completed\":\"2022-03-01\",\"result\":\"lawful\"}', '2022-03-10', '2022-03-25', 'in_force', "
        "'2022-03-01', 'lawful', '2022-04-11')");
  }
  auto db = Database::open(path);
  const json old = db->get("normative_document", "old");
  EXPECT_EQ(old["filed"], "2022-03-25");
  EXPECT_FALSE(old.contains("filing_verdict"));
  EXPECT_FALSE(old.contains("filing_reviewed"));
  EXPECT_EQ(db->indicator("normative.filing_rate", "zone", "2022").value, 100.0);
  EXPECT_EQ(db->indicator("normative.filing_reviewed", "zone", "2022").value, 0);
  EXPECT_TRUE(db->indicator("normative.conformity_rate", "zone", "2022").no_data);
  // It may be reviewed now.
  db->act("normative_document", "old", "filing_review", {{"date", "2022-04-01"}, {"verdict", "conforming"}});
  EXPECT_EQ(db->indicator("normative.conformity_rate", "zone", "2022").value, 100.0);
}

}  // namespace
