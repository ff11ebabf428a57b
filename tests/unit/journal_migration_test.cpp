// The journal of a database written by the fazhi before schema 6 (text times,
// actors, kinds and operations, the key in every entry, hex hashes, money in
// yuan and fen) is converted when the file is opened, and keeps verifying:
// its entries under the rule they were hashed with (rule 1), the entries
// appended afterwards under rule 2 (store/journal.hpp). The file is
// tests/fixtures/journal_v1/journal_v1.sql, written by fazhi 155a882 (see
// make_fixture.py there), with what that fazhi showed of it (expected.json).
#include "test_support.hpp"

#include "report/history_document.hpp"
#include "store/schema.hpp"

#include <SQLiteCpp/Database.h>

#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

using fazhi::Database;
using fazhi::Status;
using fazhi::testing_support::TempDir;
using json = nlohmann::json;

namespace {

// The fixture's records (5 units, 2 committees, 3 cases): the upgrade to
// schema 11 journals one seal entry for each, after the 14 converted ones.
constexpr int kRecords = 10;

const std::string kFixtureDir = std::string(FAZHI_SOURCE_DIR) + "/tests/fixtures/journal_v1/";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class JournalMigration : public ::testing::Test {
 protected:
  void SetUp() override {
    SQLite::Database raw(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec(read_file(kFixtureDir + "journal_v1.sql"));
    ASSERT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 5);
    SQLite::Statement q(raw, "SELECT seq, at, key, hash FROM journal ORDER BY seq");
    while (q.executeStep())
      v1_[q.getColumn(0).getInt64()] = {q.getColumn(1).getString(), q.getColumn(2).getString(),
                                        q.getColumn(3).getString()};
    ASSERT_EQ(v1_.size(), 14u);
  }
  // Edits the file behind fazhi's back, then verifies through fazhi.
  json tamper_and_verify(const std::string& sql) {
    {
      SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
      raw.exec(sql);
    }
    return Database::open(path_)->verify_journal();
  }
  const json& expected() {
    if (expected_.is_null()) expected_ = json::parse(read_file(kFixtureDir + "expected.json"));
    return expected_;
  }

  TempDir dir_;
  std::string path_ = dir_.file("v1.db");
  std::map<std::int64_t, std::tuple<std::string, std::string, std::string>> v1_;  // at, key, hash
  json expected_;
};

TEST_F(JournalMigration, ConvertedJournalVerifiesWithEveryEntryCounted) {
  json r = Database::open(path_)->verify_journal();
  EXPECT_TRUE(r["ok"].get<bool>()) << r.dump();
  // The 14 converted entries, then the upgrade to schema 11's seal of each
  // of the 10 records (5 units, 2 committees, 3 cases), proven.
  EXPECT_EQ(r["records"]["checked"], kRecords);
  EXPECT_EQ(r["entries"], 14 + kRecords);
  EXPECT_TRUE(r["first_bad"].is_null());

  SQLite::Database raw(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), fazhi::store::schema_version());
  EXPECT_EQ(raw.execAndGet("SELECT value FROM meta WHERE name = 'journal_v2_from'").getString(), "15");
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM journal WHERE typeof(at) = 'integer' AND "
                           "typeof(hash) = 'blob' AND length(hash) = 32 AND key IS NOT NULL")
                .getInt(),
            14);
  // The last converted entry keeps its hash; the head in meta keeps its
  // text, "seq:hex", now at the last seal.
  EXPECT_EQ(raw.execAndGet("SELECT lower(hex(hash)) FROM journal WHERE seq = 14").getString(),
            std::get<2>(v1_.at(14)));
  EXPECT_EQ(raw.execAndGet("SELECT value FROM meta WHERE name = 'journal_head'").getString(),
            std::to_string(14 + kRecords) + ":" +
                raw.execAndGet("SELECT lower(hex(hash)) FROM journal ORDER BY seq DESC LIMIT 1").getString());
}

TEST_F(JournalMigration, OldEntriesShowTheirTimeHashAndKeyAsBefore) {
  auto db = Database::open(path_);
  std::size_t seen = 0;
  for (const char* key : {"调解-001", "调解-002", "调解-003"}) {
    const json h = db->history("mediation_case", key);
    for (const json& e : h["entries"]) {
      if (e["op"] == "seal") {  // the upgrade's, after the converted entries
        EXPECT_GT(e["seq"], 14);
        continue;
      }
      const auto& [at, k, hash] = v1_.at(e["seq"].get<std::int64_t>());
      EXPECT_EQ(e["at"], at);
      EXPECT_EQ(e["key"], k);
      EXPECT_EQ(e["hash"], hash);
      ++seen;
    }
  }
  EXPECT_EQ(seen, 6u);
}

TEST_F(JournalMigration, HistoryHistoryTextAndExportAreWhatTheEarlierFazhiShowed) {
  auto db = Database::open(path_);
  for (const char* key : {"调解-001", "调解-002", "调解-003"}) {
    // What the earlier fazhi showed, then the upgrade's seal.
    json h = db->history("mediation_case", key);
    const json seal = h["entries"].back();
    EXPECT_EQ(seal["op"], "seal") << key;
    EXPECT_EQ(seal["change"], json::object()) << key;
    EXPECT_EQ(seal["state"].get<std::string>().size(), 64u) << key;
    h["entries"].erase(h["entries"].size() - 1);
    EXPECT_EQ(h["verification"]["entries"], 14 + kRecords);
    h["verification"]["entries"] = 14;
    EXPECT_EQ(h, expected()["history"][key]) << key;
    // The document: the same, with the seal's row and hash and the count.
    const std::string seq = std::to_string(seal["seq"].get<std::int64_t>());
    std::string md = db->history_text("mediation_case", key, "markdown");
    for (const std::string& line :
         {"| " + seq + " | " + fazhi::report::beijing_time(seal["at"].get<std::string>()) +
              " | fazhi（数据库升级） | 封存记录状态（数据库升级） | 记录当时的状态由本条的状态校验值证明 |\n",
          "- 第 " + seq + " 条：`" + seal["hash"].get<std::string>() + "`\n"}) {
      const std::size_t at = md.find(line);
      ASSERT_NE(at, std::string::npos) << key << " lacks " << line << "\n" << md;
      md.erase(at, line.size());
    }
    const std::string count = "全库共 " + std::to_string(14 + kRecords) + " 条日志";
    ASSERT_NE(md.find(count), std::string::npos) << md;
    md.replace(md.find(count), count.size(), "全库共 14 条日志");
    EXPECT_EQ(md, expected()["history_markdown"][key].get<std::string>()) << key;
  }
  const std::string out = dir_.file("export.ndjson");
  db->export_file(out, json::object());
  EXPECT_EQ(read_file(out), expected()["export"].get<std::string>());
}

TEST_F(JournalMigration, AppendingAfterTheMigrationChainsOn) {
  {
    auto db = Database::open(path_);
    // After the seals (15 to 24), rule 2.
    db->patch("mediation_case", "调解-002", {{"amount_yuan", "88"}});  // seq 25
    db->act("mediation_case", "调解-002", "close",
            {{"date", "2022-03-09"}, {"outcome", "failed"}});  // seq 26
    json r = db->verify_journal();
    EXPECT_TRUE(r["ok"].get<bool>()) << r.dump();
    EXPECT_EQ(r["entries"], 14 + kRecords + 2);
    json h = db->history("mediation_case", "调解-002");
    ASSERT_EQ(h["entries"].size(), 4u);  // create, seal, patch, close
    EXPECT_EQ(h["entries"][0]["hash"], std::get<2>(v1_.at(8)));  // the old create, as it was
    for (const json& e : h["entries"]) EXPECT_EQ(e["key"], "调解-002");
    EXPECT_EQ(h["entries"][1]["op"], "seal");
    EXPECT_EQ(h["entries"][2]["change"],
              json({{"amount_fen", 8800}, {"amount_yuan", "88.00"}}));
    EXPECT_TRUE(h["verification"]["ok"].get<bool>());
  }
  // The new entries, seals included, are lean: no key of their own (the old
  // creates hold them).
  SQLite::Database raw(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM journal WHERE seq > 14 AND key IS NULL").getInt(),
            kRecords + 2);
  EXPECT_EQ(Database::open(path_)->verify_journal()["entries"], 14 + kRecords + 2);
}

TEST_F(JournalMigration, TamperedOldEntryIsFoundAtItsSeq) {
  Database::open(path_)->patch("mediation_case", "调解-002", {{"amount_yuan", "88"}});
  json r = tamper_and_verify("UPDATE journal SET at = at + 1 WHERE seq = 9");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 9);
  EXPECT_EQ(r["entries"], 14 + kRecords + 1);
}

TEST_F(JournalMigration, TamperedOldKeyIsFoundAtItsSeq) {
  // Rule 1 hashed every entry's key; a later entry that lost its key does
  // not borrow its record's to pass.
  Database::open(path_);  // converts
  json r = tamper_and_verify("UPDATE journal SET key = NULL WHERE seq = 10");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 10);
}

TEST_F(JournalMigration, TamperedNewEntryIsFoundAtItsSeq) {
  {
    auto db = Database::open(path_);
    db->patch("mediation_case", "调解-002", {{"amount_yuan", "88"}});  // seq 25 (after the seals)
    db->patch("mediation_case", "调解-002", {{"amount_yuan", "89"}});  // seq 26
  }
  json r = tamper_and_verify("UPDATE journal SET change = '{\"amount_fen\":1}' WHERE seq = 26");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 26);
}

TEST_F(JournalMigration, EditedHashOfTheLastOldEntryIsFound) {
  Database::open(path_)->patch("mediation_case", "调解-002", {{"amount_yuan", "88"}});  // after the seals
  json r = tamper_and_verify("UPDATE journal SET hash = zeroblob(32) WHERE seq = 14");
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["first_bad"], 14);
}

TEST_F(JournalMigration, TimeThatWouldNotConvertBackIsRefusedAndTheFileLeftAsItWas) {
  {
    SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE journal SET at = '2026-11-28T14:42:33Z' WHERE seq = 4");
  }
  std::string message;
  EXPECT_EQ(fazhi::testing_support::status_of([&] { Database::open(path_); }, &message),
            Status::corrupt);
  EXPECT_NE(message.find("journal entry 4"), std::string::npos) << message;
  SQLite::Database raw(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 5);
  EXPECT_EQ(raw.execAndGet("SELECT typeof(at) FROM journal WHERE seq = 1").getString(), "text");
}

TEST_F(JournalMigration, HashThatWouldNotConvertBackIsRefused) {
  {
    SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE journal SET hash = upper(hash) WHERE seq = 7");
  }
  std::string message;
  EXPECT_EQ(fazhi::testing_support::status_of([&] { Database::open(path_); }, &message),
            Status::corrupt);
  EXPECT_NE(message.find("journal entry 7"), std::string::npos) << message;
}

}  // namespace
