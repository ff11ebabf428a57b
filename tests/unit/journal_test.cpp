// The hash-chained journal: every change appends one entry, and verification
// finds a modified, deleted, inserted or reordered entry (made by editing the
// SQLite file directly, as someone bypassing fazhi would) and names the first
// bad seq.
#include "test_support.hpp"

#include "store/journal.hpp"

#include <SQLiteCpp/Database.h>

#include <fstream>
#include <vector>

using fazhi::Database;
using fazhi::testing_support::TempDir;
using json = nlohmann::json;

namespace {

// SQL that gives entry `seq` the actor `name` (the journal stores actors as
// codes of journal_name; the name is added when it has none).
std::string set_actor(int seq, const std::string& name) {
  return "INSERT OR IGNORE INTO journal_name (name) VALUES ('" + name + "');"
         "UPDATE journal SET actor = (SELECT id FROM journal_name WHERE name = '" + name +
         "') WHERE seq = " + std::to_string(seq) + ";";
}

// A change as the journal stores it since schema 6: MessagePack whose
// object's keys are the codes of their names in journal_name (or, for an
// entry converted from schema 5, JSON text).
json stored_change(SQLite::Database& raw, std::int64_t seq) {
  SQLite::Statement q(raw, "SELECT change FROM journal WHERE seq = ?");
  q.bind(1, static_cast<int64_t>(seq));
  if (!q.executeStep()) throw std::runtime_error("no entry " + std::to_string(seq));
  if (q.getColumn(0).isText()) return json::parse(q.getColumn(0).getString());
  const auto* bytes = static_cast<const std::uint8_t*>(q.getColumn(0).getBlob());
  json coded = json::from_msgpack(bytes, bytes + q.getColumn(0).getBytes());
  json change = json::object();
  SQLite::Statement name(raw, "SELECT name FROM journal_name WHERE id = ?");
  for (auto it = coded.begin(); it != coded.end(); ++it) {
    name.bind(1, static_cast<int64_t>(std::stoll(it.key())));
    if (!name.executeStep()) throw std::runtime_error("no name of code " + it.key());
    change[name.getColumn(0).getString()] = it.value();
    name.reset();
  }
  return change;
}

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
  json r = tamper_and_verify(set_actor(5, "someone else"));
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
      "SELECT 4, at, actor, kind, key, record_id, (SELECT id FROM journal_name WHERE name = 'patch'), "
      "'{\"name\":\"x\"}', hash "
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

// The columns of the lean journal (schema 6) are tampered with as the
// earlier ones were: each edit is found at the entry it touches.

TEST_F(JournalTamper, EditedNameInTheDictionaryIsDetectedAtItsFirstUse) {
  // seq 6 is the first (and only) patch: renaming the operation's name
  // changes what every entry that uses its code says.
  json r = tamper_and_verify("UPDATE journal_name SET name = 'update' WHERE name = 'patch'");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 6);
}

TEST_F(JournalTamper, EditedActorNameIsDetectedAtTheFirstEntry) {
  json r = tamper_and_verify(
      "UPDATE journal_name SET name = '伪造' WHERE id = (SELECT actor FROM journal WHERE seq = 1)");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 1);
}

TEST_F(JournalTamper, CodeSwappedForAnotherNameIsDetected) {
  json r = tamper_and_verify(
      "UPDATE journal SET op = (SELECT id FROM journal_name WHERE name = 'patch') WHERE seq = 3");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 3);
}

TEST_F(JournalTamper, CodeWithoutANameIsDetected) {
  json r = tamper_and_verify("UPDATE journal SET kind = 999 WHERE seq = 4");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 4);
  EXPECT_NE(r["message"].get<std::string>().find("journal_name"), std::string::npos);
}

TEST_F(JournalTamper, EditedFieldNameInTheDictionaryIsDetectedAtItsFirstUse) {
  // Every unit's create has a "name"; the patch of seq 6 has nothing else.
  json r = tamper_and_verify("UPDATE journal_name SET name = 'title' WHERE name = 'name'");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 1);
}

TEST_F(JournalTamper, ChangeCutShortIsDetected) {
  json r = tamper_and_verify("UPDATE journal SET change = substr(change, 1, length(change) - 1) "
                             "WHERE seq = 4");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 4);
}

TEST_F(JournalTamper, ChangeNestedAMillionDeepIsADamagedEntryNotACrash) {
  // MessagePack arrays of one element, a million deep: read back without a
  // bound, the reader's recursion would exhaust the stack.
  std::string deep(1000000, '\x91');
  deep += '\xc0';
  {
    SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
    SQLite::Statement q(raw, "UPDATE journal SET change = ? WHERE seq = 4");
    q.bind(1, deep.data(), static_cast<int>(deep.size()));
    q.exec();
  }
  auto db = Database::open(path_);
  json r = db->verify_journal();
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 4);
  EXPECT_FALSE(db->history("org_unit", "c1")["verification"]["ok"].get<bool>());
}

TEST_F(JournalTamper, EditedValueInsideTheStoredChangeIsDetected) {
  // 一社区 -> 二社区 in the MessagePack, which stays well-formed.
  json r = tamper_and_verify(
      "UPDATE journal SET change = CAST(replace(CAST(change AS TEXT), '一社区', '二社区') AS BLOB) "
      "WHERE seq = 4");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 4);
}

TEST_F(JournalTamper, EditedTimeIsDetected) {
  json r = tamper_and_verify("UPDATE journal SET at = at + 1 WHERE seq = 4");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 4);
}

TEST_F(JournalTamper, EditedHashBytesAreDetected) {
  json r = tamper_and_verify("UPDATE journal SET hash = zeroblob(32) WHERE seq = 3");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 3);
}

TEST_F(JournalTamper, KeyGivenToAnEntryThatTakesItsRecordsIsDetected) {
  // seq 6 patches v1: its key is v1's first entry's (seq 2), not its own.
  json r = tamper_and_verify("UPDATE journal SET key = 'v1' WHERE seq = 6");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 6);
}

TEST_F(JournalTamper, KeyRemovedFromACreateIsDetected) {
  json r = tamper_and_verify("UPDATE journal SET key = NULL WHERE seq = 2");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 2);
}

TEST_F(JournalTamper, KeyChangedOnACreateIsDetected) {
  json r = tamper_and_verify("UPDATE journal SET key = 'v9' WHERE seq = 2");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 2);
}

TEST_F(JournalTamper, MovedRuleBoundaryIsDetected) {
  // Entries 1 and 2 would be checked under rule 1, which they were not
  // written under.
  json r = tamper_and_verify("UPDATE meta SET value = '3' WHERE name = 'journal_v2_from'");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 1);
}

TEST_F(JournalTamper, MissingRuleBoundaryIsReported) {
  json r = tamper_and_verify("DELETE FROM meta WHERE name = 'journal_v2_from'");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 1);
  EXPECT_EQ(r["entries"], 6);
}

// What the lean journal stores, and that its readers show what the first
// format showed.

TEST_F(JournalTamper, EntriesStoreCodesMillisecondsBytesAndTheKeyOnlyOnce) {
  {
    SQLite::Database raw(path_, SQLite::OPEN_READONLY);
    SQLite::Statement q(raw,
                        "SELECT typeof(at), typeof(actor), typeof(kind), typeof(op), key, "
                        "typeof(hash), length(hash) FROM journal ORDER BY seq");
    std::vector<std::string> keys;
    while (q.executeStep()) {
      EXPECT_EQ(q.getColumn(0).getString(), "integer");
      EXPECT_EQ(q.getColumn(1).getString(), "integer");
      EXPECT_EQ(q.getColumn(2).getString(), "integer");
      EXPECT_EQ(q.getColumn(3).getString(), "integer");
      keys.push_back(q.getColumn(4).isNull() ? "NULL" : q.getColumn(4).getString());
      EXPECT_EQ(q.getColumn(5).getString(), "blob");
      EXPECT_EQ(q.getColumn(6).getInt(), 32);
    }
    // Changes are MessagePack whose keys are codes: {"<code of name>": ...}.
    EXPECT_EQ(raw.execAndGet("SELECT typeof(change) FROM journal WHERE seq = 6").getString(), "blob");
    EXPECT_EQ(stored_change(raw, 6), json({{"name", "一村（新）"}}));
    // Five creates hold their keys; the patch of v1 takes v1's.
    EXPECT_EQ(keys, (std::vector<std::string>{"zone", "v1", "v2", "c1", "team", "NULL"}));
    EXPECT_EQ(raw.execAndGet("SELECT value FROM meta WHERE name = 'journal_v2_from'").getString(), "1");
  }
  json h = Database::open(path_)->history("org_unit", "v1");
  ASSERT_EQ(h["entries"].size(), 2u);
  for (const json& e : h["entries"]) {
    EXPECT_EQ(e["key"], "v1");
    const std::string at = e["at"].get<std::string>();
    EXPECT_EQ(at.size(), 24u);
    EXPECT_EQ(at[10], 'T');
    EXPECT_EQ(at.back(), 'Z');
    EXPECT_EQ(e["hash"].get<std::string>().size(), 64u);
  }
  SQLite::Database raw(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("SELECT lower(hex(hash)) FROM journal WHERE seq = 6").getString(),
            h["entries"][1]["hash"].get<std::string>());
}

TEST(Journal, MoneyIsJournaledInFenOnlyAndShownInYuanToo) {
  TempDir dir;
  const std::string path = dir.file("money.db");
  {
    auto db = Database::open(path);
    fazhi::testing_support::put_sample_tree(*db);
    db->put("mediation_committee", {{"key", "mc"}, {"unit", "v1"}, {"name", "一村人民调解委员会"}});
    db->put("mediation_case", {{"key", "m1"}, {"committee", "mc"}, {"received", "2022-03-01"},
                               {"category", "contract"}, {"amount_yuan", "1234.5"}});
    db->act("mediation_case", "m1", "close",
            {{"date", "2022-03-05"}, {"outcome", "succeeded"}, {"agreement", "written"},
             {"agreement_amount_fen", 100000}});
    db->patch("mediation_case", "m1", {{"amount_yuan", nullptr}});
  }
  {
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    std::vector<json> stored;
    for (int seq = 7; seq <= 9; ++seq) stored.push_back(stored_change(raw, seq));
    EXPECT_EQ(stored[0]["amount_fen"], 123450);
    EXPECT_FALSE(stored[0].contains("amount_yuan"));
    EXPECT_EQ(stored[1]["agreement_amount_fen"], 100000);
    EXPECT_FALSE(stored[1].contains("agreement_amount_yuan"));
    EXPECT_EQ(stored[2], json({{"amount_fen", nullptr}}));
  }
  auto db = Database::open(path);
  json h = db->history("mediation_case", "m1");
  ASSERT_EQ(h["entries"].size(), 3u);
  EXPECT_EQ(h["entries"][0]["change"]["amount_yuan"], "1234.50");
  EXPECT_EQ(h["entries"][0]["change"]["amount_fen"], 123450);
  EXPECT_EQ(h["entries"][1]["change"]["agreement_amount_yuan"], "1000.00");
  EXPECT_EQ(h["entries"][1]["change"]["agreement_amount_fen"], 100000);
  EXPECT_EQ(h["entries"][2]["change"], json({{"amount_fen", nullptr}, {"amount_yuan", nullptr}}));
  EXPECT_TRUE(h["verification"]["ok"].get<bool>());
  EXPECT_NE(db->history_text("mediation_case", "m1", "markdown").find("1000.00"), std::string::npos);
  // The export's close action carries the amount in both forms, as given.
  const std::string out = dir.file("out.ndjson");
  db->export_file(out, json::object());
  std::ifstream in(out);
  std::string line, close;
  while (std::getline(in, line))
    if (line.find("\"action\":\"close\"") != std::string::npos) close = line;
  ASSERT_FALSE(close.empty());
  json c = json::parse(close);
  EXPECT_EQ(c["key"], "m1");
  EXPECT_EQ(c["agreement_amount_yuan"], "1000.00");
  EXPECT_EQ(c["agreement_amount_fen"], 100000);
}

TEST(Journal, ARecordWithoutACreateKeepsItsKeyOnItsFirstEntryOnly) {
  TempDir dir;
  const std::string path = dir.file("define.db");
  {
    auto db = Database::open(path);
    json def = {{"code", "custom.x"}, {"label", "x"}, {"expression", "mediation.received"}};
    db->define_indicator(def);
    def["label"] = "y";
    db->define_indicator(def);
    EXPECT_TRUE(db->verify_journal()["ok"].get<bool>());
  }
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  SQLite::Statement q(raw, "SELECT key FROM journal ORDER BY seq");
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getString(), "custom.x");
  ASSERT_TRUE(q.executeStep());
  EXPECT_TRUE(q.getColumn(0).isNull());
}

TEST(Journal, UtcTimesConvertBothWaysExactly) {
  using fazhi::store::format_utc_ms;
  using fazhi::store::parse_utc_ms;
  EXPECT_EQ(format_utc_ms(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_utc_ms(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(parse_utc_ms("2026-11-27T05:12:33.123Z"), 1795756353123);
  EXPECT_EQ(format_utc_ms(1795756353123), "2026-11-27T05:12:33.123Z");
  EXPECT_EQ(parse_utc_ms("1969-12-31T23:59:59.999Z"), -1);
  // Only the exact form: what format_utc_ms would not give back is refused.
  EXPECT_FALSE(parse_utc_ms("2026-02-30T00:00:00.000Z"));
  EXPECT_FALSE(parse_utc_ms("2026-11-27T05:12:60.000Z"));
  EXPECT_FALSE(parse_utc_ms("2026-11-27 05:12:33.123Z"));
  EXPECT_FALSE(parse_utc_ms("2026-11-27T05:12:33.123"));
  EXPECT_FALSE(parse_utc_ms("2026-11-27T05:12:33Z"));
  EXPECT_FALSE(parse_utc_ms("2026-11-27T05:12:33.12aZ"));
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
  tamper(set_actor(2, "someone else"));
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
  tamper(set_actor(7, "someone else"));
  json v = verification_of("v1");
  EXPECT_FALSE(v["ok"].get<bool>());
  EXPECT_EQ(v["first_bad"], 7);
}

TEST_F(HistoryVerification, ReplacedEndOfThePrefixMakesTheWholeChainBeVerifiedAgain) {
  ASSERT_TRUE(verification_of("zone")["ok"].get<bool>());
  // The entry the verified prefix ends with is v1's patch (seq 6); an edit of
  // its stored hash means the prefix is no longer what was verified.
  tamper("UPDATE journal SET hash = X'" + std::string(64, 'f') + "' WHERE seq = 6");
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
