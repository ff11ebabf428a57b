// Tamper tests (issue 13): whoever can write the database file edits it
// behind fazhi's back — record rows, journal rows, the tail of the journal,
// the whole chain — and fz_journal_verify (Database::verify_journal) must
// say so, naming what was touched. Each test makes one kind of edit with
// SQLite directly, as a forger would, and asserts the verdict and the names.
//
// Self-contained: its own temporary directory and database; the internals it
// uses (store::Journal, domain::StateCursor) are those a forger who read
// fazhi's source would use to rewrite the chain.
#include <fazhi/database.hpp>

#include "domain/record_state.hpp"
#include "journal_verification.hpp"
#include "store/snapshot_readers.hpp"
#include "store/journal.hpp"
#include "store/sha256.hpp"
#include "store/sqlite.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using fazhi::Database;
using fazhi::OpenOptions;
using json = nlohmann::json;

namespace {

const std::string kKey = "a host's secret key, 32 bytes..";

class Tamper : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "fazhi-tamper-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    path_ = (dir_ / "zone.db").string();
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // A small database: units, a committee, two mediation cases (one closed
  // after the labour deadline: it has a finding), a petition, a custom
  // indicator. With `key`, written by a keyed handle.
  void populate(const std::string& key = {}) {
    auto db = open(key);
    db->import_ndjson(
        "{\"record\":\"org_unit\",\"code\":\"zone\",\"name\":\"开发区管委会\",\"kind\":\"zone_committee\"}\n"
        "{\"record\":\"org_unit\",\"code\":\"v1\",\"name\":\"一村\",\"kind\":\"village\",\"parent\":\"zone\"}\n"
        "{\"record\":\"org_unit\",\"code\":\"v2\",\"name\":\"二村\",\"kind\":\"village\",\"parent\":\"zone\"}\n",
        {});
    db->put("mediation_committee", {{"key", "mc"}, {"unit", "v1"}, {"name", "一村人民调解委员会"}});
    db->put("mediation_case", {{"key", "m1"}, {"committee", "mc"}, {"received", "2022-03-01"},
                               {"category", "neighbourhood"}, {"amount_yuan", "5000"}});
    db->act("mediation_case", "m1", "close",
            {{"date", "2022-03-05"}, {"outcome", "succeeded"}, {"agreement", "written"},
             {"agreement_amount_yuan", "3000"}});
    db->put("mediation_case", {{"key", "m2"}, {"committee", "mc"}, {"received", "2022-02-15"},
                               {"category", "labour"}});
    db->act("mediation_case", "m2", "close", {{"date", "2022-04-01"}, {"outcome", "failed"}});
    db->put("petition", {{"key", "p1"}, {"unit", "v2"}, {"received", "2022-05-01"}});
    db->define_indicator({{"code", "custom.closure"},
                          {"label", "结案率"},
                          {"expression", "mediation.concluded / mediation.received * 100"}});
  }

  std::unique_ptr<Database> open(const std::string& key = {}) {
    OpenOptions o;
    o.journal_key = key;
    return Database::open(path_, o);
  }

  std::int64_t scalar(const std::string& query) {
    SQLite::Database raw(path_, SQLite::OPEN_READONLY);
    return raw.execAndGet(query).getInt64();
  }

  void sql(const std::string& statements) {
    SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
    raw.exec(statements);
  }

  // The verdict of fz_journal_verify_with on the handle's own connection,
  // after checking that readers side by side, with the chain cut into
  // segments of two entries, reach the same one to the byte.
  json verify(const json& options = nullptr, const std::string& key = {}) {
    json serial_options = options.is_null() ? json::object() : options;
    serial_options["threads"] = 1;
    json serial = open(key)->verify_journal(serial_options);
    EXPECT_EQ(serial["readers"], 1);
    serial.erase("readers");
    EXPECT_EQ(side_by_side(options, key).dump(1), serial.dump(1));
    return serial;
  }

  json side_by_side(const json& options, const std::string& key) {
    fazhi::VerifyRequest request;
    request.min_segment = 2;
    if (options.is_object()) {
      if (options.contains("kind")) request.scope.kind = options["kind"].get<std::string>();
      if (options.contains("unit")) request.scope.unit = options["unit"].get<std::string>();
      if (options.contains("records")) request.records = options["records"].get<bool>();
      if (options.contains("head"))
        request.anchor.emplace(options["head"]["seq"].get<std::int64_t>(),
                               options["head"]["hash"].get<std::string>());
    }
    fazhi::store::Connection writer(path_, {});
    auto readers = fazhi::store::SnapshotReaders::open(writer, 3, key, 5000);
    EXPECT_TRUE(readers.has_value());
    if (!readers) return json();
    std::vector<fazhi::VerifyReader> on;
    for (std::size_t i = 0; i < readers->size(); ++i)
      on.push_back({&readers->connection(i), &readers->journal(i)});
    try {
      return fazhi::verify_journal_on(on, request);
    } catch (const fazhi::Error& e) {
      return json{{"error", e.what()}};
    }
  }

  std::int64_t latest_seq(const std::string& kind, const std::string& key) {
    const json h = open()->history(kind, key);
    return h["entries"].back()["seq"].get<std::int64_t>();
  }

  // The one problem `r` lists.
  static json only_problem(const json& r) {
    EXPECT_FALSE(r["ok"]);
    EXPECT_EQ(r["records"]["listed"], 1) << r.dump(1);
    return r["records"]["problems"].empty() ? json() : r["records"]["problems"][0];
  }

  // What a forger who read the source does after editing a record's row:
  // gives the record's latest entry the row's new state, then hashes that
  // entry and every later one again and rewrites the stored head. Without
  // the key the checkpoints cannot follow.
  void rewrite_chain_after_editing(const std::string& kind, const std::string& key) {
    const std::int64_t id = scalar("SELECT id FROM " + kind + " WHERE key = '" + key + "'");
    fazhi::store::Connection conn(path_, {});
    const fazhi::domain::StateSource* source = nullptr;
    for (const auto& s : fazhi::domain::state_sources())
      if (s.kind == kind) source = &s;
    ASSERT_NE(source, nullptr);
    std::string state;
    {
      fazhi::domain::StateCursor row(conn, *source, "id = " + std::to_string(id));
      ASSERT_TRUE(row.next());
      state = row.digest();
    }
    std::int64_t from = 0;
    {
      auto q = conn.statement(
          "SELECT max(seq) FROM journal WHERE record_id = ? AND kind = "
          "(SELECT id FROM journal_name WHERE name = ?)");
      q->bind(1, static_cast<int64_t>(id));
      q->bind(2, kind);
      ASSERT_TRUE(q->executeStep());
      from = q->getColumn(0).getInt64();
    }
    std::vector<fazhi::store::JournalEntry> entries;
    fazhi::store::Journal(conn).scan({}, [&](const fazhi::store::JournalEntry& e) { entries.push_back(e); });
    conn.exec("BEGIN");
    std::string prev(64, '0');
    for (fazhi::store::JournalEntry& e : entries) {
      if (e.seq == from) e.state = state;
      if (e.seq >= from) {
        e.hash = fazhi::store::journal_hash(prev, e);
        const std::string bytes = *fazhi::store::from_hex(e.hash);
        auto u = conn.statement("UPDATE journal SET hash = ?, state = ? WHERE seq = ?");
        u->bind(1, bytes.data(), static_cast<int>(bytes.size()));
        u->bind(2, e.state.data(), static_cast<int>(e.state.size()));
        u->bind(3, static_cast<int64_t>(e.seq));
        u->exec();
      }
      prev = e.hash;
    }
    auto head = conn.statement("UPDATE meta SET value = ? WHERE name = 'journal_head'");
    head->bind(1, std::to_string(entries.back().seq) + ":" + prev);
    head->exec();
    conn.exec("COMMIT");
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(Tamper, AnUntouchedDatabaseProvesEveryRecord) {
  populate();
  const json r = verify();
  EXPECT_TRUE(r["ok"]) << r.dump(1);
  EXPECT_EQ(r["message"], "journal intact");
  // 3 units, 1 committee, 2 cases, 1 petition, 1 custom indicator.
  EXPECT_EQ(r["records"]["checked"], 8);
  EXPECT_EQ(r["records"]["problems"], json::array());
}

// --- record rows ------------------------------------------------------------

TEST_F(Tamper, AChangedMediationOutcomeIsNamedByKindKeyAndLatestEntry) {
  populate();
  const std::int64_t seq = latest_seq("mediation_case", "m1");
  sql("UPDATE mediation_case SET outcome = 'failed' WHERE key = 'm1'");
  const json r = verify();
  const json p = only_problem(r);
  EXPECT_EQ(p["problem"], "changed");
  EXPECT_EQ(p["kind"], "mediation_case");
  EXPECT_EQ(p["key"], "m1");
  EXPECT_EQ(p["seq"], seq);
  EXPECT_EQ(r["records"]["changed"], 1);
  EXPECT_EQ(r["first_bad"], nullptr);  // the chain itself is intact
  EXPECT_EQ(r["message"], p["message"]);
  EXPECT_NE(r["message"].get<std::string>().find("mediation_case 'm1'"), std::string::npos);
}

TEST_F(Tamper, AMultipliedAmountIsNamed) {
  populate();
  sql("UPDATE mediation_case SET agreement_amount_fen = agreement_amount_fen * 100 WHERE key = 'm1'");
  const json p = only_problem(verify());
  EXPECT_EQ(p["problem"], "changed");
  EXPECT_EQ(p["kind"], "mediation_case");
  EXPECT_EQ(p["key"], "m1");
}

TEST_F(Tamper, ADeletedPetitionRowIsNamedMissingWithTheKeyItsEntriesHold) {
  populate();
  const std::int64_t seq = latest_seq("petition", "p1");
  sql("DELETE FROM petition WHERE key = 'p1'");
  const json r = verify();
  const json p = only_problem(r);
  EXPECT_EQ(p["problem"], "missing");
  EXPECT_EQ(p["kind"], "petition");
  EXPECT_EQ(p["key"], "p1");
  EXPECT_EQ(p["seq"], seq);
  EXPECT_EQ(r["records"]["missing"], 1);
}

TEST_F(Tamper, AnOrgUnitInsertedWithoutAnEntryIsNamedUnjournaled) {
  populate();
  sql("INSERT INTO org_unit (key, name, kind, parent_id, requires_adviser, path, depth) "
      "VALUES ('v9', '九村', 'village', 1, 1, '', 1);"
      "UPDATE org_unit SET path = '/1/' || id || '/' WHERE key = 'v9';");
  const json r = verify();
  const json p = only_problem(r);
  EXPECT_EQ(p["problem"], "unjournaled");
  EXPECT_EQ(p["kind"], "org_unit");
  EXPECT_EQ(p["key"], "v9");
  EXPECT_EQ(p["seq"], nullptr);
  EXPECT_EQ(r["records"]["unjournaled"], 1);
}

TEST_F(Tamper, ADeletedFindingChangesItsRecord) {
  populate();
  ASSERT_EQ(open()->findings({{"kind", "mediation_case"}})["total"], 1);  // m2's labour deadline
  sql("DELETE FROM finding");
  const json p = only_problem(verify());
  EXPECT_EQ(p["problem"], "changed");
  EXPECT_EQ(p["key"], "m2");
}

TEST_F(Tamper, AFindingInsertedForNoRecordIsNamedUnjournaled) {
  populate();
  sql("INSERT INTO finding (kind, record_id, key, rule, severity, message, source) "
      "VALUES ('petition', 77, 'p77', 'x', 'error', 'forged', 'none')");
  const json p = only_problem(verify());
  EXPECT_EQ(p["problem"], "unjournaled");
  EXPECT_EQ(p["kind"], "petition");
  EXPECT_EQ(p["key"], "p77");
  EXPECT_EQ(p["id"], 77);
}

TEST_F(Tamper, AChangedCustomIndicatorIsNamed) {
  populate();
  sql("UPDATE custom_indicator SET expression = '100' WHERE code = 'custom.closure'");
  const json p = only_problem(verify());
  EXPECT_EQ(p["kind"], "custom_indicator");
  EXPECT_EQ(p["key"], "custom.closure");
}

TEST_F(Tamper, AUnitMovedInTheTreeByItsPathAloneIsNamed) {
  populate();
  sql("UPDATE org_unit SET path = '/9/' || id || '/' WHERE key = 'v2'");
  const json p = only_problem(verify());
  EXPECT_EQ(p["problem"], "changed");
  EXPECT_EQ(p["kind"], "org_unit");
  EXPECT_EQ(p["key"], "v2");
}

TEST_F(Tamper, EveryEditIsCountedAndEachNamed) {
  populate();
  sql("UPDATE mediation_case SET outcome = 'failed' WHERE key = 'm1';"
      "DELETE FROM petition WHERE key = 'p1';"
      "UPDATE mediation_committee SET name = '别的委员会';");
  const json r = verify();
  EXPECT_FALSE(r["ok"]);
  EXPECT_EQ(r["records"]["changed"], 2);
  EXPECT_EQ(r["records"]["missing"], 1);
  std::vector<std::string> named;
  for (const json& p : r["records"]["problems"]) named.push_back(p["kind"].get<std::string>() + ":" + p["key"].get<std::string>());
  EXPECT_EQ(named, (std::vector<std::string>{"mediation_committee:mc", "mediation_case:m1", "petition:p1"}));
  EXPECT_NE(r["message"].get<std::string>().find("(and 2 more)"), std::string::npos);
}

TEST_F(Tamper, ScopesProveOneKindOrOneSubtree) {
  populate();
  sql("UPDATE mediation_case SET outcome = 'failed' WHERE key = 'm1';"  // unit v1
      "UPDATE petition SET subject = 'x' WHERE key = 'p1';");           // unit v2
  const json kind = verify({{"kind", "petition"}});
  EXPECT_EQ(only_problem(kind)["key"], "p1");
  EXPECT_EQ(kind["records"]["checked"], 1);
  const json v1 = verify({{"unit", "v1"}});
  EXPECT_EQ(only_problem(v1)["key"], "m1");
  const json v2 = verify({{"unit", "v2"}, {"kind", "mediation_case"}});
  EXPECT_TRUE(v2["ok"]) << v2.dump(1);
  EXPECT_EQ(v2["records"]["checked"], 0);
  const json chain = verify({{"records", false}});
  EXPECT_TRUE(chain["ok"]);
  EXPECT_FALSE(chain.contains("records"));
}

// --- journal rows -------------------------------------------------------------

TEST_F(Tamper, AnEditedJournalEntryBreaksTheChainThere) {
  populate();
  const std::int64_t seq = latest_seq("petition", "p1");
  sql("UPDATE journal SET at = at + 1 WHERE seq = " + std::to_string(seq));
  const json r = verify();
  EXPECT_FALSE(r["ok"]);
  EXPECT_EQ(r["first_bad"], seq);
  EXPECT_EQ(r["message"], "entry " + std::to_string(seq) + " does not match its hash");
}

TEST_F(Tamper, ARowEditedWithItsEntrysStateBreaksTheChainAtThatEntry) {
  populate();
  const std::int64_t seq = latest_seq("mediation_case", "m1");
  sql("UPDATE mediation_case SET outcome = 'failed' WHERE key = 'm1'");
  // The state the row now has, written into the entry without rehashing.
  fazhi::store::Connection conn(path_, {});
  std::string state;
  for (const auto& s : fazhi::domain::state_sources())
    if (s.kind == "mediation_case") {
      fazhi::domain::StateCursor row(conn, s, "key = 'm1'");
      ASSERT_TRUE(row.next());
      state = row.digest();
    }
  auto u = conn.statement("UPDATE journal SET state = ? WHERE seq = ?");
  u->bind(1, state.data(), static_cast<int>(state.size()));
  u->bind(2, static_cast<int64_t>(seq));
  u->exec();
  const json r = verify();
  EXPECT_FALSE(r["ok"]);
  EXPECT_EQ(r["first_bad"], seq);
  EXPECT_EQ(r["records"]["problems"], json::array());  // the row agrees with the forged state
}

TEST_F(Tamper, AStrippedStateBreaksTheChain) {
  populate();
  const std::int64_t seq = latest_seq("petition", "p1");
  sql("UPDATE journal SET state = NULL WHERE seq = " + std::to_string(seq));
  const json r = verify();
  EXPECT_EQ(r["first_bad"], seq);
  EXPECT_EQ(r["records"]["changed"], 1);  // and the record has nothing to be proven by
}

// --- the tail and the whole chain ---------------------------------------------

TEST_F(Tamper, ATruncatedTailWithARewrittenHeadIsFoundByARecordedHead) {
  populate();
  const json recorded_before = open()->journal_head();
  open()->put("petition", {{"key", "p2"}, {"unit", "v1"}, {"received", "2022-06-01"}});
  const json recorded = open()->journal_head();  // the host records this one elsewhere
  const std::int64_t cut = recorded_before["seq"].get<std::int64_t>();
  ASSERT_EQ(recorded["seq"], cut + 1);
  // Forger: removes the petition and its entry, and rewrites the stored head.
  sql("DELETE FROM petition WHERE key = 'p2';"
      "DELETE FROM journal WHERE seq > " + std::to_string(cut) + ";"
      "UPDATE meta SET value = '" + std::to_string(cut) + ":" + recorded_before["hash"].get<std::string>() +
      "' WHERE name = 'journal_head';");
  EXPECT_TRUE(verify()["ok"]);  // the file alone cannot tell
  const json r = verify({{"head", recorded}});
  EXPECT_FALSE(r["ok"]);
  EXPECT_FALSE(r["anchor"]["ok"]);
  EXPECT_EQ(r["anchor"]["message"],
            "the recorded head " + std::to_string(cut + 1) + ":" + recorded["hash"].get<std::string>() +
                " is gone: the journal ends at entry " + std::to_string(cut) +
                " (entries were cut off after it)");
  EXPECT_EQ(r["message"], r["anchor"]["message"]);
  EXPECT_TRUE(verify({{"head", recorded_before}})["anchor"]["ok"]);  // an older head still is
}

TEST_F(Tamper, AFullRewriteAfterAnEditIsFoundByARecordedHeadAndByTheKey) {
  populate(kKey);
  const json recorded = open(kKey)->journal_head();
  ASSERT_TRUE(verify(nullptr, kKey)["ok"]);
  sql("UPDATE mediation_case SET outcome = 'failed' WHERE key = 'm1'");
  rewrite_chain_after_editing("mediation_case", "m1");
  // Neither a head nor the key: the rewritten file is consistent in itself,
  // and the checkpoints are there but cannot be checked.
  const json plain = verify();
  EXPECT_TRUE(plain["ok"]) << plain.dump(1);
  EXPECT_GT(plain["checkpoints"]["count"], 0);
  EXPECT_EQ(plain["checkpoints"]["checked"], false);
  EXPECT_EQ(plain["checkpoints"]["ok"], nullptr);
  // The head recorded before the rewrite: its entry has another hash now.
  const json anchored = verify({{"head", recorded}});
  EXPECT_FALSE(anchored["ok"]);
  EXPECT_EQ(anchored["anchor"]["message"],
            "entry " + std::to_string(recorded["seq"].get<std::int64_t>()) +
                " is no longer the recorded head: the chain was rewritten since " +
                std::to_string(recorded["seq"].get<std::int64_t>()) + ":" + recorded["hash"].get<std::string>() +
                " was recorded");
  // The key: the first checkpoint at or after the rewritten entry fails.
  const json keyed = verify(nullptr, kKey);
  EXPECT_FALSE(keyed["ok"]);
  EXPECT_TRUE(keyed["checkpoints"]["checked"]);
  EXPECT_FALSE(keyed["checkpoints"]["ok"]);
  const std::int64_t bad = keyed["checkpoints"]["first_bad"].get<std::int64_t>();
  EXPECT_GE(bad, latest_seq("mediation_case", "m1"));
  EXPECT_NE(keyed["message"].get<std::string>().find("rewritten without the key"), std::string::npos);
}

TEST_F(Tamper, AnEntryAppendedWithoutTheKeyIsNamedByAKeyedVerify) {
  populate(kKey);
  const std::int64_t head = open(kKey)->journal_head()["seq"].get<std::int64_t>();
  // A forger with fazhi but not the key: a correct entry, a consistent row.
  open()->patch("petition", "p1", {{"subject", "forged"}});
  EXPECT_TRUE(verify()["ok"]);
  const json r = verify(nullptr, kKey);
  EXPECT_FALSE(r["ok"]);
  EXPECT_EQ(r["checkpoints"]["first_bad"], head + 1);
  EXPECT_EQ(r["message"], "entry " + std::to_string(head + 1) +
                              " is not authenticated by any keyed checkpoint: written without the key, "
                              "or by someone who does not hold it");
}

TEST_F(Tamper, RemovedCheckpointsAndAWrongKeyAreFound) {
  populate(kKey);
  const json good = verify(nullptr, kKey);
  EXPECT_TRUE(good["ok"]) << good.dump(1);
  EXPECT_TRUE(good["checkpoints"]["ok"]);
  const json wrong = verify(nullptr, "not the key, but 16 bytes or more");
  EXPECT_FALSE(wrong["ok"]);
  EXPECT_EQ(wrong["checkpoints"]["first_bad"], scalar("SELECT min(seq) FROM journal_checkpoint"));
  sql("DELETE FROM journal_checkpoint");
  const json removed = verify(nullptr, kKey);
  EXPECT_FALSE(removed["ok"]);
  EXPECT_EQ(removed["checkpoints"]["count"], 0);
  EXPECT_NE(removed["message"].get<std::string>().find("not authenticated by any keyed checkpoint"),
            std::string::npos);
}

}  // namespace

// --- verification side by side ---------------------------------------------

TEST_F(Tamper, ThreadsReadSideBySideExceptInsideTheHostsTransaction) {
  populate();
  sql("UPDATE mediation_case SET outcome = 'succeeded' WHERE key = 'm2'");
  auto db = open();
  json two = db->verify_journal({{"threads", 2}});
  EXPECT_EQ(two["readers"], 2);
  json one = db->verify_journal({{"threads", 1}});
  EXPECT_EQ(one["readers"], 1);
  two.erase("readers");
  one.erase("readers");
  EXPECT_EQ(two.dump(1), one.dump(1));
  EXPECT_FALSE(two["ok"]);
  // Inside the host's transaction only the handle's connection sees its
  // uncommitted changes, so the verification stays on it.
  db->begin();
  EXPECT_EQ(db->verify_journal({{"threads", 2}})["readers"], 1);
  db->rollback();
}

TEST_F(Tamper, AThreadCountOutOfRangeIsRefusedByName) {
  populate();
  auto db = open();
  for (const json& bad : {json(0), json(17), json("2")}) {
    try {
      db->verify_journal({{"threads", bad}});
      ADD_FAILURE() << "accepted threads " << bad.dump();
    } catch (const fazhi::Error& e) {
      EXPECT_EQ(e.status(), fazhi::Status::argument);
      EXPECT_EQ(e.field(), "threads");
    }
  }
}

TEST_F(Tamper, AnEntryDeletedAnywhereIsNamedTheSameWhereverTheSegmentsFall) {
  populate();
  const std::int64_t last = scalar("SELECT max(seq) FROM journal");
  const std::string pristine = (dir_ / "pristine.db").string();
  std::filesystem::copy_file(path_, pristine);
  for (std::int64_t seq = 1; seq <= last; ++seq) {
    SCOPED_TRACE("entry " + std::to_string(seq) + " deleted");
    std::filesystem::copy_file(pristine, path_, std::filesystem::copy_options::overwrite_existing);
    sql("DELETE FROM journal WHERE seq = " + std::to_string(seq));
    const json r = verify({{"records", false}});  // verify() compares both ways
    EXPECT_FALSE(r["ok"]);
    EXPECT_EQ(r["first_bad"], seq);
    EXPECT_EQ(r["entries"], last - 1);
    if (seq < last)
      EXPECT_EQ(r["message"], "entry " + std::to_string(seq) + " is missing");
    else
      EXPECT_EQ(r["message"], "entries after " + std::to_string(last - 1) + " are missing (the head records " +
                                  std::to_string(last) + ")");
  }
}
