// import_changes_test.cpp — imports that say what they change: a dry run
// (everything rolled back, every line's change listed, later lines seeing
// earlier ones), insert-only imports (an existing key is a rejected line),
// and the warnings of an update that moves a record to another unit or
// clears fields of a record already acted on.
#include "test_support.hpp"

using fazhi::Database;
using fazhi::ImportOptions;
using fazhi::ImportSummary;
using fazhi::Status;
using fazhi::testing_support::journal_entries;
using fazhi::testing_support::kSampleTree;
using fazhi::testing_support::status_of;
using json = nlohmann::json;

namespace {

constexpr const char* kCommittees =
    "{\"record\":\"mediation_committee\",\"key\":\"mc1\",\"unit\":\"v1\",\"name\":\"一村调委会\","
    "\"established\":\"2015-01-01\"}\n"
    "{\"record\":\"mediation_committee\",\"key\":\"mc2\",\"unit\":\"v2\",\"name\":\"二村调委会\","
    "\"established\":\"2015-01-01\"}\n";

std::string mediation_case(const std::string& key, const std::string& committee, bool with_details) {
  json c = {{"record", "mediation_case"}, {"key", key},       {"committee", committee},
            {"received", "2022-03-01"},   {"category", "other"}};
  if (with_details) {
    c["case_number"] = "调〔2022〕1号";
    c["amount_yuan"] = "35000.00";
  }
  return c.dump() + "\n";
}

std::string close(const std::string& key) {
  return json({{"record", "mediation_case"}, {"key", key}, {"action", "close"}, {"date", "2022-03-05"},
               {"outcome", "succeeded"}, {"agreement", "written"}})
             .dump() +
         "\n";
}

class ImportChanges : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(db_->import_ndjson(std::string(kSampleTree) + kCommittees, {}).rejected, 0u);
  }
  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

TEST_F(ImportChanges, ADryRunWritesNothingAndListsEveryLine) {
  db_->import_ndjson(mediation_case("k1", "mc1", true), {});
  const std::int64_t entries = journal_entries(*db_);
  const json before = db_->get("mediation_case", "k1");
  ImportOptions o;
  o.dry_run = true;
  o.batch = 1;  // batches nest in the dry run's transaction
  const ImportSummary s = db_->import_ndjson(
      mediation_case("k1", "mc1", true) + mediation_case("k2", "mc1", false) + close("k2") +
          mediation_case("k1", "mc1", false) + "{\"record\":\"mediation_case\",\"key\":\"k3\"}\n",
      o);
  EXPECT_EQ(s.read, 5u);
  EXPECT_EQ(s.unchanged, 1u);
  EXPECT_EQ(s.inserted, 1u);
  EXPECT_EQ(s.actions, 1u);  // the action sees the record the line before it would insert
  EXPECT_EQ(s.updated, 1u);
  EXPECT_EQ(s.rejected, 1u);
  const json changes = s.to_json()["changes"];
  ASSERT_EQ(changes.size(), 5u) << changes.dump();
  const char* expected[] = {"unchanged", "inserted", "action", "updated", "rejected"};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(changes[i]["line"], i + 1);
    EXPECT_EQ(changes[i]["change"], expected[i]) << changes[i].dump();
    EXPECT_EQ(changes[i]["kind"], "mediation_case");
  }
  EXPECT_EQ(changes[1]["key"], "k2");
  EXPECT_EQ(changes[4]["key"], "k3");
  // Nothing was written.
  EXPECT_EQ(journal_entries(*db_), entries);
  EXPECT_EQ(db_->get("mediation_case", "k1"), before);
  EXPECT_EQ(status_of([&] { db_->get("mediation_case", "k2"); }), Status::not_found);
}

TEST_F(ImportChanges, ADryRunInsideAHostTransactionRollsBackOnlyItself) {
  db_->begin();
  db_->import_ndjson(mediation_case("kept", "mc1", false), {});
  ImportOptions o;
  o.dry_run = true;
  EXPECT_EQ(db_->import_ndjson(mediation_case("dry", "mc1", false), o).inserted, 1u);
  db_->commit();
  EXPECT_NO_THROW(db_->get("mediation_case", "kept"));
  EXPECT_EQ(status_of([&] { db_->get("mediation_case", "dry"); }), Status::not_found);
}

TEST_F(ImportChanges, ADryRunCannotBeABulkLoad) {
  std::string message;
  EXPECT_EQ(status_of([&] { ImportOptions::from_json({{"dry_run", true}, {"bulk", true}}, fazhi::Mode::strict); },
                      &message),
            Status::argument);
  EXPECT_NE(message.find("dry_run"), std::string::npos) << message;
}

TEST_F(ImportChanges, ADryRunIsRefusedInsideABulkLoad) {
  db_->bulk_begin();
  ImportOptions o;
  o.dry_run = true;
  std::string message;
  EXPECT_EQ(status_of([&] { db_->import_ndjson(mediation_case("k1", "mc1", false), o); }, &message),
            Status::conflict);
  EXPECT_NE(message.find("bulk load"), std::string::npos) << message;
  db_->bulk_end();
  EXPECT_EQ(status_of([&] { db_->get("mediation_case", "k1"); }), Status::not_found);
}

TEST_F(ImportChanges, InsertOnlyRejectsAnExistingKeyAndAddsTheRest) {
  db_->import_ndjson(mediation_case("k1", "mc1", true), {});
  const json before = db_->get("mediation_case", "k1");
  ImportOptions o;
  o.insert_only = true;
  const ImportSummary s = db_->import_ndjson(mediation_case("k1", "mc2", false) + mediation_case("k2", "mc1", false) +
                                                 close("k1"),
                                             o);
  EXPECT_EQ(s.rejected, 1u);
  EXPECT_EQ(s.inserted, 1u);
  EXPECT_EQ(s.actions, 1u);  // actions are applied as ever
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].line, 1u);
  EXPECT_EQ(s.errors[0].field, "key");
  EXPECT_EQ(s.errors[0].status, Status::conflict);
  EXPECT_NE(s.errors[0].message.find("'k1' exists"), std::string::npos) << s.errors[0].message;
  EXPECT_EQ(db_->get("mediation_case", "k1")["committee"], before["committee"]);
}

TEST_F(ImportChanges, AnUpdateThatClearsFieldsOfAClosedCaseAndMovesItIsWarnedOf) {
  db_->import_ndjson(mediation_case("k1", "mc1", true) + close("k1"), {});
  const ImportSummary s = db_->import_ndjson(mediation_case("k1", "mc2", false), {});
  EXPECT_EQ(s.updated, 1u);
  ASSERT_EQ(s.warnings.size(), 1u) << s.to_json().dump();
  const ImportSummary::LineWarning& w = s.warnings[0];
  EXPECT_EQ(w.line, 1u);
  EXPECT_EQ(w.kind, "mediation_case");
  EXPECT_EQ(w.key, "k1");
  EXPECT_EQ(w.fields, (std::vector<std::string>{"unit", "case_number", "amount_yuan"}));
  EXPECT_NE(w.message.find("moves the record to another unit"), std::string::npos) << w.message;
  EXPECT_NE(w.message.find("clears case_number, amount_yuan"), std::string::npos) << w.message;
}

TEST_F(ImportChanges, AnUpdateOfARecordNotActedOnInTheSameUnitIsNotWarnedOf) {
  db_->import_ndjson(mediation_case("k1", "mc1", true), {});
  const ImportSummary s = db_->import_ndjson(mediation_case("k1", "mc1", false), {});
  EXPECT_EQ(s.updated, 1u);
  EXPECT_TRUE(s.warnings.empty()) << s.to_json().dump();
  EXPECT_FALSE(s.to_json().contains("warnings"));
  EXPECT_FALSE(s.to_json().contains("changes"));
}

}  // namespace
