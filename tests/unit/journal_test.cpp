// The hash-chained journal: every change appends one entry, and verification
// finds a modified, deleted, inserted or reordered entry (made by editing the
// SQLite file directly, as someone bypassing fazhi would) and names the first
// bad seq.
#include "test_support.hpp"

#include "store/journal.hpp"

#include <SQLiteCpp/Database.h>

using fazhi::Database;
using fazhi::testing_support::TempDir;
using json = nlohmann::json;

namespace {

class JournalTamper : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::open(path_);
    fazhi::testing_support::put_sample_tree(*db);             // seq 1..5
    db->patch("org_unit", "v1", {{"name", "一村（新）"}});   // seq 6
  }
  // Edits the file behind fazhi's back, then verifies through fazhi.
  json tamper_and_verify(const std::string& sql) {
    {
      SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
      raw.exec(sql);
    }
    return Database::open(path_)->verify_journal();
  }
  TempDir dir_;
  std::string path_ = dir_.file("j.db");
};

TEST_F(JournalTamper, IntactChainVerifiesWithEveryEntryCounted) {
  json r = Database::open(path_)->verify_journal();
  EXPECT_TRUE(r["ok"].get<bool>());
  EXPECT_EQ(r["entries"], 6);
  EXPECT_TRUE(r["first_bad"].is_null());
}

TEST_F(JournalTamper, ModifiedChangeIsDetectedAtItsSeq) {
  json r = tamper_and_verify(
      "UPDATE journal SET change = '{\"name\":\"伪造\"}' WHERE seq = 3");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 3);
}

TEST_F(JournalTamper, ModifiedActorIsDetected) {
  json r = tamper_and_verify("UPDATE journal SET actor = 'someone else' WHERE seq = 5");
  EXPECT_EQ(r["first_bad"], 5);
}

TEST_F(JournalTamper, DeletedEntryIsDetectedWhereTheGapStarts) {
  json r = tamper_and_verify("DELETE FROM journal WHERE seq = 2");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 2);
}

TEST_F(JournalTamper, DeletedLastEntryIsDetectedThroughTheRecordedHead) {
  json r = tamper_and_verify("DELETE FROM journal WHERE seq = 6");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 6);
}

TEST_F(JournalTamper, InsertedEntryIsDetectedAtTheInsertionPoint) {
  // Make room after seq 3 and slip in a forged entry carrying a copied hash.
  json r = tamper_and_verify(
      "UPDATE journal SET seq = seq + 100 WHERE seq > 3;"
      "UPDATE journal SET seq = seq - 99 WHERE seq > 100;"
      "INSERT INTO journal (seq, at, actor, kind, key, record_id, op, change, hash) "
      "SELECT 4, at, actor, kind, key, record_id, 'patch', '{\"name\":\"x\"}', hash "
      "FROM journal WHERE seq = 3;");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 4);
  EXPECT_EQ(r["entries"], 7);
}

TEST_F(JournalTamper, ReorderedEntriesAreDetectedAtTheFirstSwappedSeq) {
  json r = tamper_and_verify(
      "UPDATE journal SET seq = -2 WHERE seq = 2;"
      "UPDATE journal SET seq = 2 WHERE seq = 4;"
      "UPDATE journal SET seq = 4 WHERE seq = -2;");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 2);
}

TEST_F(JournalTamper, ForgedRecordedHeadIsDetected) {
  json r = tamper_and_verify("UPDATE meta SET value = '9:abc' WHERE name = 'journal_head'");
  EXPECT_FALSE(r["ok"].get<bool>());
}

TEST(Journal, EntryHashChainsThePreviousHash) {
  fazhi::store::JournalEntry e;
  e.seq = 1;
  e.at = "2026-01-01T00:00:00.000Z";
  e.actor = "a";
  e.kind = "org_unit";
  e.key = "k";
  e.record_id = 1;
  e.op = "create";
  e.change = {{"name", "x"}};
  std::string h1 = fazhi::store::journal_hash(std::string(64, '0'), e);
  EXPECT_EQ(h1.size(), 64u);
  EXPECT_NE(h1, fazhi::store::journal_hash(std::string(64, '1'), e));
  e.change = {{"name", "y"}};
  EXPECT_NE(h1, fazhi::store::journal_hash(std::string(64, '0'), e));
}

TEST(Journal, EveryChangeAppendsOneEntryWithActorOperationAndChange) {
  auto db = Database::open(":memory:", {true, false, 5000, "司法所", fazhi::Mode::strict});
  db->put("org_unit", {{"code", "zone"}, {"name", "管委会"}, {"kind", "zone_committee"}});
  db->patch("org_unit", "zone", {{"name", "开发区管委会"}});
  json h = db->history("org_unit", "zone");
  ASSERT_EQ(h["entries"].size(), 2u);
  EXPECT_EQ(h["entries"][0]["op"], "create");
  EXPECT_EQ(h["entries"][0]["actor"], "司法所");
  EXPECT_EQ(h["entries"][0]["change"]["name"], "管委会");
  EXPECT_EQ(h["entries"][1]["op"], "patch");
  EXPECT_EQ(h["entries"][1]["change"], json({{"name", "开发区管委会"}}));
  EXPECT_EQ(h["entries"][1]["seq"], 2);
  EXPECT_TRUE(h["verification"]["ok"].get<bool>());
}

TEST(Journal, UnchangedPutAddsNoEntry) {
  auto db = Database::open(":memory:");
  json unit = {{"code", "zone"}, {"name", "管委会"}, {"kind", "zone_committee"}};
  db->put("org_unit", unit);
  db->put("org_unit", unit);
  EXPECT_EQ(fazhi::testing_support::journal_entries(*db), 1);
}

TEST(Journal, FailedChangeAddsNoEntry) {
  auto db = Database::open(":memory:");
  fazhi::testing_support::put_sample_tree(*db);
  EXPECT_THROW(db->put("org_unit", {{"code", "x"}, {"name", "x"}, {"kind", "bogus"}}), fazhi::Error);
  EXPECT_EQ(fazhi::testing_support::journal_entries(*db), 5);
  EXPECT_TRUE(db->verify_journal()["ok"].get<bool>());
}

// fz_history verifies one record's entries against the prefix of the chain
// its handle has verified before; these prove that the shortcut still finds
// what it must while a handle stays open.
class HistoryVerification : public JournalTamper {
 protected:
  // Edits the file through a second connection while `db_` stays open.
  void tamper(const std::string& sql) {
    SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
    raw.exec(sql);
  }
  json verification_of(const char* key) { return db_->history("org_unit", key)["verification"]; }
  std::unique_ptr<Database> db_ = nullptr;
  void SetUp() override {
    JournalTamper::SetUp();
    db_ = Database::open(path_);
  }
};

TEST_F(HistoryVerification, FirstCallOfAHandleVerifiesTheWholeChain) {
  tamper("UPDATE journal SET actor = 'someone else' WHERE seq = 2");
  json v = verification_of("v1");
  EXPECT_FALSE(v["ok"].get<bool>());
  EXPECT_EQ(v["first_bad"], 2);
}

TEST_F(HistoryVerification, EditOfTheRecordsOwnEntryInTheVerifiedPrefixIsFound) {
  ASSERT_TRUE(verification_of("v1")["ok"].get<bool>());
  tamper("UPDATE journal SET change = '{\"name\":\"伪造\"}' WHERE seq = 6");
  json v = verification_of("v1");
  EXPECT_FALSE(v["ok"].get<bool>());
  EXPECT_EQ(v["first_bad"], 6);
}

TEST_F(HistoryVerification, EditOfAnEntryAddedAfterThePrefixIsFound) {
  ASSERT_TRUE(verification_of("v1")["ok"].get<bool>());
  db_->patch("org_unit", "v2", {{"name", "二村（新）"}});  // seq 7
  tamper("UPDATE journal SET actor = 'someone else' WHERE seq = 7");
  json v = verification_of("v1");
  EXPECT_FALSE(v["ok"].get<bool>());
  EXPECT_EQ(v["first_bad"], 7);
}

TEST_F(HistoryVerification, ReplacedEndOfThePrefixMakesTheWholeChainBeVerifiedAgain) {
  ASSERT_TRUE(verification_of("zone")["ok"].get<bool>());
  // The entry the verified prefix ends with is v1's patch (seq 6); an edit of
  // its stored hash means the prefix is no longer what was verified.
  tamper("UPDATE journal SET hash = '" + std::string(64, 'f') + "' WHERE seq = 6");
  json v = verification_of("zone");
  EXPECT_FALSE(v["ok"].get<bool>());
  EXPECT_EQ(v["first_bad"], 6);
}

TEST_F(HistoryVerification, IntactChainStaysIntactAcrossCallsAndCountsEveryEntry) {
  EXPECT_TRUE(verification_of("v1")["ok"].get<bool>());
  db_->patch("org_unit", "c1", {{"name", "一社区（新）"}});
  json v = verification_of("c1");
  EXPECT_TRUE(v["ok"].get<bool>());
  EXPECT_EQ(v["entries"], 7);
}

}  // namespace
