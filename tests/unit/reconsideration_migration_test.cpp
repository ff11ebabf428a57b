// The reconsiderations a lawsuit held before schema 9 (kind
// "reconsideration") become reconsideration_case records when the file is
// opened: same ids and keys, their fields mapped, their deadlines and
// findings computed under the 2017 text they were received under, counted
// once (by the new kind, with the same figures as before), and their history
// still whole and verifiable: the lawsuit's entries stay as they were hashed
// and come first, then the move and the actions it implies. The file is
// tests/fixtures/lawsuit_v8/lawsuit_v8.sql, written by fazhi 5374ac5 (see
// make_fixture.py there), with what that fazhi showed of it (expected.json).
#include "test_support.hpp"

#include "store/schema.hpp"

#include <SQLiteCpp/Database.h>

#include <fstream>
#include <sstream>

using fazhi::Database;
using fazhi::Status;
using fazhi::testing_support::status_of;
using fazhi::testing_support::TempDir;
using json = nlohmann::json;

namespace {

const std::string kFixtureDir = std::string(FAZHI_SOURCE_DIR) + "/tests/fixtures/lawsuit_v8/";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class ReconsiderationMigration : public ::testing::Test {
 protected:
  void SetUp() override {
    SQLite::Database raw(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec(read_file(kFixtureDir + "lawsuit_v8.sql"));
    ASSERT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 8);
    expected_ = json::parse(read_file(kFixtureDir + "expected.json"));
  }
  json get(Database& db, const std::string& key) { return db.get("reconsideration_case", key); }
  double value(Database& db, const std::string& code, const std::string& period = "2022") {
    return db.indicator(code, "zone", period).value;
  }

  TempDir dir_;
  std::string path_ = dir_.file("v8.db");
  json expected_;
};

TEST_F(ReconsiderationMigration, TheReconsiderationsMoveWithTheirIdsKeysAndFields) {
  auto db = Database::open(path_);
  json r1 = get(*db, "R1");
  EXPECT_EQ(r1["id"], 2);
  EXPECT_EQ(r1["organ"], "team");  // the lawsuit's unit: where it was counted
  EXPECT_EQ(r1["respondent_unit"], "team");
  EXPECT_EQ(r1["case_number"], "阳开复〔2022〕1号");
  EXPECT_EQ(r1["received"], "2022-04-01");
  EXPECT_EQ(r1["category"], "other");
  EXPECT_EQ(r1["simplified"], false);
  EXPECT_EQ(r1["accepted"], "2022-04-01");  // 2017 第十七条第二款: accepted on receipt
  EXPECT_EQ(r1["decided"], "2022-05-20");
  EXPECT_EQ(r1["outcome"], "upheld");
  EXPECT_EQ(r1["concluded"], "2022-05-20");
  EXPECT_EQ(r1["accept_deadline"], "2022-04-11");  // 04-02 a working Saturday, 清明 04-03..05
  EXPECT_EQ(r1["decide_deadline"], "2022-05-31");
  EXPECT_EQ(r1["ext"], json({{"承办人", "复议科"}}));
  EXPECT_EQ(get(*db, "R2")["outcome"], "revoked");
  json r3 = get(*db, "R3");
  EXPECT_EQ(r3["withdrawn"], "2022-11-15");
  EXPECT_FALSE(r3.contains("after_correction"));  // not known
  EXPECT_FALSE(r3.contains("decided"));
  json r4 = get(*db, "R4");
  EXPECT_EQ(r4["settled"], "2023-01-10");
  EXPECT_FALSE(r4.contains("settlement_kind"));
  json r5 = get(*db, "R5");
  EXPECT_EQ(r5["organ"], "v1");
  EXPECT_FALSE(r5.contains("concluded"));
  EXPECT_EQ(r5["decide_deadline"], "2023-02-20");  // 02-18 is a Saturday
  EXPECT_EQ(db->list("reconsideration_case", nullptr)["total"], 5);

  // lawsuit keeps the litigation, as it was.
  json lawsuits = db->list("lawsuit", nullptr);
  ASSERT_EQ(lawsuits["total"], 2);
  EXPECT_EQ(lawsuits["items"][0]["key"], "L1");
  EXPECT_EQ(lawsuits["items"][1]["key"], "L2");
  EXPECT_EQ(db->get("lawsuit", "L1"), expected_["history"]["L1"]["record"]);

  SQLite::Database raw(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), fazhi::store::schema_version());
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM sqlite_temp_schema").getInt(), 0);
}

TEST_F(ReconsiderationMigration, TheFiguresAreTheSameAndCountedOnce) {
  auto db = Database::open(path_);
  json before = json::object();
  for (const json& i : expected_["indicators"]["indicators"]) before[i["code"].get<std::string>()] = i["value"];
  EXPECT_EQ(value(*db, "reconsideration.received"), before["litigation.reconsiderations"].get<double>());  // 5
  EXPECT_EQ(value(*db, "litigation.reconsiderations"), before["litigation.reconsiderations"].get<double>());
  EXPECT_EQ(value(*db, "litigation.cases"), before["litigation.cases"].get<double>());  // 2
  EXPECT_EQ(value(*db, "litigation.loss_rate"), before["litigation.loss_rate"].get<double>());
  EXPECT_EQ(value(*db, "custom.reconsideration_share"), before["custom.reconsideration_share"].get<double>());
  EXPECT_EQ(value(*db, "litigation.concluded"), 1);  // L1 only
  EXPECT_EQ(value(*db, "litigation.won"), 1);
  EXPECT_EQ(value(*db, "reconsideration.accepted"), 5);
  EXPECT_EQ(value(*db, "reconsideration.concluded"), 3);  // R1, R2, R3; R4 in 2023
  EXPECT_EQ(value(*db, "reconsideration.concluded", "2023"), 1);
  fazhi::IndicatorValue correction = db->indicator("reconsideration.correction_rate", "zone", "2022");
  EXPECT_EQ(correction.numerator, 1);  // R2 revoked
  EXPECT_EQ(correction.denominator, 2);
  fazhi::IndicatorValue timely = db->indicator("reconsideration.timely_decision_rate", "zone", "2022");
  EXPECT_EQ(timely.numerator, 1);  // R2 decided 2022-09-30, due 08-30
  EXPECT_EQ(timely.denominator, 2);
}

TEST_F(ReconsiderationMigration, TheirFindingsAreTheNewKindsRulesUnderThe2017Text) {
  auto db = Database::open(path_);
  json f = db->findings(nullptr);
  ASSERT_EQ(f["total"], 1) << f.dump();
  EXPECT_EQ(f["items"][0]["kind"], "reconsideration_case");
  EXPECT_EQ(f["items"][0]["key"], "R2");
  EXPECT_EQ(f["items"][0]["unit"], "zone");
  EXPECT_EQ(f["items"][0]["rule"], "reconsideration_case.decision_period");
  EXPECT_EQ(f["items"][0]["source"], "行政复议法（2017年修正）第三十一条");
}

TEST_F(ReconsiderationMigration, TheJournalVerifiesAndAMovedRecordsHistoryIsWhole) {
  auto db = Database::open(path_);
  json v = db->verify_journal();
  EXPECT_TRUE(v["ok"].get<bool>()) << v.dump();
  // 13 entries before; each moved case adds its move and acceptance, and
  // R1-R4 their decision, settlement or withdrawal; then the upgrade to
  // schema 11 seals every record (one entry each), which the proof checks.
  EXPECT_EQ(v["records"]["checked"], 11);
  EXPECT_EQ(v["entries"], 13 + 5 * 2 + 4 + 11);

  json h = db->history("reconsideration_case", "R1");
  EXPECT_TRUE(h["verification"]["ok"].get<bool>()) << h.dump();
  const json& old_entries = expected_["history"]["R1"]["entries"];
  ASSERT_EQ(h["entries"].size(), old_entries.size() + 4);
  for (std::size_t i = 0; i < old_entries.size(); ++i)
    EXPECT_EQ(h["entries"][i], old_entries[i]) << i;  // as the earlier fazhi showed them
  const json& move = h["entries"][old_entries.size()];
  EXPECT_EQ(move["kind"], "reconsideration_case");
  EXPECT_EQ(move["op"], "move");
  EXPECT_EQ(move["record_id"], 2);
  EXPECT_EQ(move["key"], "R1");
  EXPECT_EQ(move["change"]["from"], json({{"kind", "lawsuit"}, {"id", 2}}));
  EXPECT_EQ(move["change"]["organ"], "team");
  EXPECT_EQ(h["entries"][old_entries.size() + 1]["op"], "accept");
  EXPECT_EQ(h["entries"][old_entries.size() + 2]["op"], "decide");
  EXPECT_EQ(h["entries"][old_entries.size() + 2]["change"],
            json({{"date", "2022-05-20"}, {"outcome", "upheld"}}));
  EXPECT_EQ(h["entries"][old_entries.size() + 3]["op"], "seal");

  // The litigation that stayed reads as before, then its seal.
  json l1 = db->history("lawsuit", "L1")["entries"];
  ASSERT_EQ(l1.size(), expected_["history"]["L1"]["entries"].size() + 1);
  EXPECT_EQ(l1.back()["op"], "seal");
  EXPECT_EQ(l1.back()["change"], json::object());
  l1.erase(l1.size() - 1);
  EXPECT_EQ(l1, expected_["history"]["L1"]["entries"]);

  // The full-process record document reads both kinds' entries.
  const std::string md = db->history_text("reconsideration_case", "R1", "markdown");
  EXPECT_NE(md.find("转入（数据库升级）"), std::string::npos) << md;
  EXPECT_NE(md.find("原记录：行政诉讼（lawsuit） 2 号"), std::string::npos) << md;
  EXPECT_NE(md.find("立案日期：2022-04-01"), std::string::npos) << md;  // the lawsuit's own field
  EXPECT_NE(md.find("决定结果：维持"), std::string::npos) << md;
}

TEST_F(ReconsiderationMigration, AnEditOfAMovedRecordsOldEntryIsFoundInItsHistory) {
  Database::open(path_);  // migrates
  {
    SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE journal SET at = at + 1 WHERE seq = 6");  // R1's lawsuit patch
  }
  auto db = Database::open(path_);
  json h = db->history("reconsideration_case", "R1");
  EXPECT_FALSE(h["verification"]["ok"].get<bool>());
  EXPECT_EQ(h["verification"]["first_bad"], 6);
}

TEST_F(ReconsiderationMigration, NoNewLawsuitTakesTheIdOfAMovedOne) {
  auto db = Database::open(path_);
  // R5 had the table's largest id, 7.
  const std::int64_t id = db->put("lawsuit", {{"key", "L3"}, {"unit", "zone"}, {"filed", "2024-02-01"}});
  EXPECT_EQ(id, 8);
  json h = db->history("lawsuit", "L3");
  ASSERT_EQ(h["entries"].size(), 1u);
  EXPECT_EQ(h["entries"][0]["op"], "create");
  // And what the moved case's history reads stays its own.
  // create, move, accept, seal
  EXPECT_EQ(db->history("reconsideration_case", "R5")["entries"].size(), 1u + 2u + 1u);
  EXPECT_EQ(db->put("reconsideration_case", {{"key", "R6"}, {"organ", "zone"}, {"respondent_unit", "team"},
                                             {"received", "2024-02-01"}, {"category", "penalty"}}),
            8);
  EXPECT_EQ(db->history("reconsideration_case", "R6")["entries"].size(), 1u);
}

TEST_F(ReconsiderationMigration, ALawsuitOfKindReconsiderationIsRefusedAfterwards) {
  auto db = Database::open(path_);
  std::string message;
  EXPECT_EQ(status_of([&] { db->patch("lawsuit", "L2", {{"kind", "reconsideration"}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("reconsideration_case"), std::string::npos) << message;
}

TEST_F(ReconsiderationMigration, ExportAndImportGiveTheSameRecords) {
  auto db = Database::open(path_);
  const std::string out = dir_.file("export.ndjson");
  db->export_file(out, json::object());
  const std::string text = read_file(out);
  EXPECT_EQ(text.find("\"move\""), std::string::npos) << text;  // no action of that name
  auto copy = Database::open(":memory:");
  auto s = copy->import_file(out, {});
  ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  for (const char* key : {"R1", "R2", "R3", "R4", "R5"}) {
    json a = get(*db, key), b = get(*copy, key);
    a.erase("id");
    b.erase("id");
    EXPECT_EQ(a, b) << key;
  }
  for (const char* code : {"reconsideration.received", "reconsideration.correction_rate",
                           "reconsideration.timely_decision_rate", "litigation.cases"})
    EXPECT_EQ(value(*db, code), value(*copy, code)) << code;
}

}  // namespace
