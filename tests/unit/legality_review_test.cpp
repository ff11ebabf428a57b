// legality_review_test.cpp — 合法性审查 of other documents: the record's
// checks, and its indicators with values computed by hand from the fixture.
#include "test_support.hpp"

#include <cmath>

using fazhi::Database;
using fazhi::IndicatorValue;
using fazhi::Status;
using fazhi::testing_support::kSampleTree;
using fazhi::testing_support::status_of;
using json = nlohmann::json;

namespace {

// Four reviews completed in 2022 (one of them in the zone's village v1), one
// completed in 2023, one not completed yet.
const std::string kFixture = std::string(kSampleTree) + R"(
{"record":"adviser","key":"a1","name":"甲律师","type":"lawyer"}
{"record":"legality_review","key":"r1","unit":"zone","reviewer_unit":"zone","reviewer_kind":"justice_bureau","document_kind":"contract","title":"道路保洁服务合同","submitted":"2022-03-01","completed":"2022-03-04","conclusion":"lawful_with_revisions","opinions":5,"issues_found":3,"issues_corrected":3,"amount_yuan":"1200000"}
{"record":"legality_review","key":"r2","unit":"zone","reviewer_kind":"adviser","adviser":"a1","document_kind":"administrative_agreement","title":"征收补偿协议","submitted":"2022-06-01","completed":"2022-06-10","conclusion":"lawful","opinions":2,"issues_found":1,"issues_corrected":0,"amount_yuan":"350000.50"}
{"record":"legality_review","key":"r3","unit":"team","reviewer_kind":"legal_department","document_kind":"enforcement_decision","submitted":"2022-09-01","completed":"2022-09-02","conclusion":"lawful","opinions":1,"amount_yuan":"20000"}
{"record":"legality_review","key":"r4","unit":"v1","reviewer_unit":"zone","reviewer_kind":"justice_office","document_kind":"contract","submitted":"2022-12-30","completed":"2022-12-31","conclusion":"unlawful","opinions":4,"issues_found":2,"issues_corrected":2,"amount_yuan":"80000"}
{"record":"legality_review","key":"r5","unit":"zone","reviewer_kind":"justice_bureau","document_kind":"comment_reply","submitted":"2022-12-28","completed":"2023-01-05","opinions":3}
{"record":"legality_review","key":"r6","unit":"zone","reviewer_kind":"justice_bureau","document_kind":"other","submitted":"2023-02-01"}
)";

class LegalityReview : public ::testing::Test {
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

TEST_F(LegalityReview, CompletedBeforeSubmittedIsRefusedNamingTheFieldAndStoresNothing) {
  std::string message;
  EXPECT_EQ(status_of(
                [&] {
                  db_->put("legality_review", {{"key", "bad"}, {"unit", "zone"}, {"reviewer_kind", "other"},
                                               {"document_kind", "contract"}, {"submitted", "2022-05-02"},
                                               {"completed", "2022-05-01"}});
                },
                &message),
            Status::argument);
  EXPECT_NE(message.find("completed"), std::string::npos) << message;
  EXPECT_EQ(status_of([&] { db_->get("legality_review", "bad"); }), Status::not_found);
  EXPECT_EQ(db_->list("legality_review", nullptr)["total"], 6);
}

TEST_F(LegalityReview, MoreProblemsCorrectedThanFoundIsRefused) {
  std::string message;
  EXPECT_EQ(status_of([&] { db_->patch("legality_review", "r2", {{"issues_corrected", 2}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("issues_corrected"), std::string::npos) << message;
  EXPECT_EQ(db_->get("legality_review", "r2")["issues_corrected"], 0);
}

TEST_F(LegalityReview, ConsistentRecordsPassTheChecksSilently) {
  // Completed on the day it was submitted, every problem corrected.
  db_->put("legality_review", {{"key", "same_day"}, {"unit", "c1"}, {"reviewer_kind", "justice_office"},
                               {"document_kind", "emergency_measure"}, {"submitted", "2022-07-01"},
                               {"completed", "2022-07-01"}, {"issues_found", 1}, {"issues_corrected", 1}});
  EXPECT_EQ(db_->findings({{"kind", "legality_review"}})["total"], 0);
  EXPECT_EQ(value("legality_review.reviewed").value, 5);
}

TEST_F(LegalityReview, DocumentsReviewedInThePeriodWithBothBreakdowns) {
  IndicatorValue by_document = value("legality_review.reviewed");
  EXPECT_EQ(by_document.value, 4);  // r1-r4; r5 completed in 2023, r6 not completed
  EXPECT_EQ(by_document.breakdown, (std::map<std::string, double>{
                                       {"administrative_agreement", 1}, {"contract", 2}, {"enforcement_decision", 1}}));
  IndicatorValue by_reviewer = value("legality_review.by_reviewer");
  EXPECT_EQ(by_reviewer.value, 4);
  EXPECT_EQ(by_reviewer.breakdown,
            (std::map<std::string, double>{
                {"adviser", 1}, {"justice_bureau", 1}, {"justice_office", 1}, {"legal_department", 1}}));
}

TEST_F(LegalityReview, OpinionsProblemsAndTheCorrectionRate) {
  EXPECT_EQ(value("legality_review.opinions").value, 5 + 2 + 1 + 4);
  EXPECT_EQ(value("legality_review.issues_found").value, 3 + 1 + 2);
  IndicatorValue rate = value("legality_review.correction_rate");
  EXPECT_EQ(rate.numerator, 5);
  EXPECT_EQ(rate.denominator, 6);
  EXPECT_DOUBLE_EQ(rate.value, 500.0 / 6.0);
  EXPECT_TRUE(value("legality_review.correction_rate", "team").no_data);  // nothing found there
}

TEST_F(LegalityReview, ContractAmountCountsContractsAndAgreementsOnly) {
  EXPECT_DOUBLE_EQ(value("legality_review.contract_amount_yuan").value, 1200000 + 350000.50 + 80000);
  EXPECT_DOUBLE_EQ(value("legality_review.contract_amount_yuan", "v1").value, 80000);
}

TEST_F(LegalityReview, ACumulativeFigureAsOfADateIsAnExplicitRange) {
  EXPECT_EQ(value("legality_review.reviewed", "zone", "2022-01-01/2023-03-15").value, 5);
  EXPECT_EQ(value("legality_review.reviewed", "zone", "2022-06-10/2022-12-30").value, 2);  // r2, r3
}

TEST_F(LegalityReview, TheDocumentKindLabelsComeFromTheDeclaration) {
  EXPECT_EQ(db_->labels("legality_review.document_kind")["administrative_agreement"], "行政协议");
  EXPECT_EQ(db_->labels("legality_review.reviewer_kind")["justice_office"], "司法所");
}

}  // namespace
