// field_migration_test.cpp — a migration that adds fields to a kind keeps
// every existing record proven by its journal, without a new seal.
//
// A record's state digest leaves out null columns and names the others
// (domain/record_state.hpp), so the fields schema 13 adds to
// normative_document (null in every row written before) do not change the
// digest of a document written at schema 11. The file here is written at
// this schema and then taken back to schema 11 as that schema stored it
// (schema 12's tables and view and schema 13's columns and table dropped),
// which is the form a schema-11 fazhi left its files in. What this proves is
// the upgrade path: migrations 12 and 13 on a sealed file, verification
// clean, no entry added. It does not tell the digest's two image forms apart
// (records written here never held the new fields), so a change that put
// null columns back into the image would pass it; record_state.hpp states
// the rule.
#include "test_support.hpp"

#include <SQLiteCpp/Database.h>

using fazhi::Database;
using fazhi::testing_support::journal_entries;
using fazhi::testing_support::kSampleTree;
using fazhi::testing_support::TempDir;
using json = nlohmann::json;

namespace {

constexpr const char* kRecords =
    "{\"record\":\"normative_document\",\"key\":\"n1\",\"unit\":\"zone\",\"title\":\"文件一\","
    "\"published\":\"2022-03-10\",\"filed\":\"2022-03-25\","
    "\"legality_review\":{\"completed\":\"2022-03-01\",\"result\":\"lawful\"}}\n"
    "{\"record\":\"normative_document\",\"key\":\"n2\",\"unit\":\"team\",\"title\":\"文件二\","
    "\"published\":\"2022-06-10\","
    "\"legality_review\":{\"completed\":\"2022-06-01\",\"result\":\"lawful\"}}\n"
    "{\"record\":\"mediation_case\",\"key\":\"m1\",\"unit\":\"zone\",\"received\":\"2022-03-01\","
    "\"category\":\"other\"}\n";

// Takes the file back to the form schema 11 stored: what schemas 12 to 17
// added is dropped, the version set to 11.
void back_to_schema_11(const std::string& path) {
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  raw.exec(
      "DROP TABLE form;"
      "DROP TABLE masked_name;"
      "DROP TABLE due_date;"
      "DROP VIEW coordination_agency;"
      "DROP TABLE coordination_case;"
      "DROP TABLE coordination_meeting;"
      "DROP TABLE normative_cleanup;"
      "DROP INDEX normative_document_unit_filing_reviewed;"
      "DROP INDEX normative_document_unit_corrected;"
      "ALTER TABLE normative_document DROP COLUMN filing_reviewed;"
      "ALTER TABLE normative_document DROP COLUMN filing_verdict;"
      "ALTER TABLE normative_document DROP COLUMN filing_opinion;"
      "ALTER TABLE normative_document DROP COLUMN corrected;"
      "ALTER TABLE normative_document DROP COLUMN correction;"
      "PRAGMA user_version = 11;");
}

TEST(FieldMigration, ASchema11FileUpgradedKeepsEveryRecordProvenWithoutANewSeal) {
  TempDir dir;
  const std::string path = dir.file("v11.db");
  std::int64_t entries = 0;
  {
    auto db = Database::open(path);
    db->import_ndjson(std::string(kSampleTree) + kRecords, {});
    entries = journal_entries(*db);
    ASSERT_EQ(entries, 8);
  }
  back_to_schema_11(path);
  {
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    ASSERT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 11);
  }

  auto db = Database::open(path);  // runs migrations 12 and 13
  const json verified = db->verify_journal();
  EXPECT_EQ(verified["ok"], true) << verified.dump();
  EXPECT_EQ(verified["entries"], entries);  // nothing sealed again
  // The documents read as before, with none of the new fields.
  const json n1 = db->get("normative_document", "n1");
  EXPECT_EQ(n1["filed"], "2022-03-25");
  EXPECT_FALSE(n1.contains("filing_verdict"));
  // A new field written now is proven like any other.
  db->act("normative_document", "n1", "filing_review", {{"date", "2022-04-01"}, {"verdict", "conforming"}});
  EXPECT_EQ(db->verify_journal()["ok"], true);
}

TEST(FieldMigration, ANewFieldEditedBehindFazhisBackIsFoundAfterTheUpgrade) {
  TempDir dir;
  const std::string path = dir.file("v11.db");
  {
    auto db = Database::open(path);
    db->import_ndjson(std::string(kSampleTree) + kRecords, {});
  }
  back_to_schema_11(path);
  { auto db = Database::open(path); }
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE normative_document SET filing_verdict = 'conforming' WHERE key = 'n2'");
  }
  auto db = Database::open(path);
  const json verified = db->verify_journal();
  EXPECT_EQ(verified["ok"], false);
  EXPECT_NE(verified.dump().find("n2"), std::string::npos) << verified.dump();
}

}  // namespace
