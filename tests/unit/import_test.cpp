// NDJSON import and export: line-numbered summaries, rejected lines that change
// nothing, batches, idempotent re-import, and export -> import round trips.
#include "test_support.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using fazhi::Database;
using fazhi::ImportOptions;
using fazhi::Status;
using fazhi::testing_support::TempDir;
namespace testing_support = fazhi::testing_support;
using json = nlohmann::json;

namespace {

const char* kTree =
    "{\"record\":\"org_unit\",\"code\":\"zone\",\"name\":\"开发区管委会\",\"kind\":\"zone_committee\"}\n"
    "{\"record\":\"org_unit\",\"code\":\"v1\",\"name\":\"一村\",\"kind\":\"village\",\"parent\":\"zone\"}\n"
    "\n"
    "{\"record\":\"org_unit\",\"code\":\"v2\",\"name\":\"二村\",\"kind\":\"village\",\"parent\":\"zone\"}\n";

TEST(Import, SummaryCountsInsertedRecordsAndSkipsBlankLines) {
  auto db = Database::open(":memory:");
  auto s = db->import_ndjson(kTree, {});
  EXPECT_EQ(s.read, 3u);
  EXPECT_EQ(s.inserted, 3u);
  EXPECT_EQ(s.rejected, 0u);
  EXPECT_EQ(db->get("org_unit", "v2")["parent"], "zone");
}

TEST(Import, RejectedLinesAreListedWithLineFieldAndMessageAndChangeNothing) {
  auto db = Database::open(":memory:");
  std::string text = std::string(kTree) +
                     "{\"record\":\"org_unit\",\"code\":\"v3\",\"name\":\"三村\",\"kind\":\"hamlet\",\"parent\":\"zone\"}\n"
                     "not json\n"
                     "{\"record\":\"dragon\",\"code\":\"d\"}\n"
                     "{\"record\":\"org_unit\",\"code\":\"v4\",\"name\":\"四村\",\"kind\":\"village\",\"parent\":\"v9\"}\n"
                     "{\"code\":\"v5\"}\n"
                     "{\"record\":\"org_unit\",\"code\":\"v6\",\"name\":\"六村\",\"kind\":\"village\",\"parent\":\"zone\"}\n";
  auto s = db->import_ndjson(text, {});
  EXPECT_EQ(s.read, 9u);
  EXPECT_EQ(s.inserted, 4u);
  EXPECT_EQ(s.rejected, 5u);
  ASSERT_EQ(s.errors.size(), 5u);
  EXPECT_EQ(s.errors[0].line, 5u);
  EXPECT_EQ(s.errors[0].field, "kind");
  EXPECT_NE(s.errors[0].message.find("hamlet"), std::string::npos);
  EXPECT_EQ(s.errors[1].line, 6u);
  EXPECT_NE(s.errors[1].message.find("not valid JSON"), std::string::npos);
  EXPECT_EQ(s.errors[2].line, 7u);
  EXPECT_EQ(s.errors[2].field, "kind");
  EXPECT_EQ(s.errors[3].line, 8u);
  EXPECT_EQ(s.errors[3].field, "parent");
  EXPECT_EQ(s.errors[4].line, 9u);
  EXPECT_EQ(s.errors[4].field, "record");
  EXPECT_EQ(db->list("org_unit", nullptr)["total"], 4);
  EXPECT_EQ(fazhi::testing_support::journal_entries(*db), 4);
  EXPECT_TRUE(db->verify_journal()["ok"].get<bool>());
}

// A batch runs without a savepoint per line; a line that fails after it has
// written (here: its row is inserted, then the key generated from the new id
// turns out to be taken) sends the batch back to be applied again line by
// line. The lines before it are applied once, the failing one not at all.
TEST(Import, LineFailingAfterItWroteIsUndoneAndTheRestOfItsBatchIsAppliedOnce) {
  auto db = Database::open(":memory:");
  db->import_ndjson(kTree, {});
  // This petition gets id 1 and "a" below id 2; the keyless one on line 3 gets
  // id 3 and would be called "petition-3", which is taken.
  db->put("petition", {{"key", "petition-3"}, {"unit", "v1"}, {"received", "2022-03-01"}});
  const auto journal_before = fazhi::testing_support::journal_entries(*db);
  const std::string text =
      "{\"record\":\"petition\",\"key\":\"a\",\"unit\":\"v1\",\"received\":\"2022-03-02\"}\n"
      "{\"record\":\"petition\",\"key\":\"a\",\"action\":\"accept\",\"date\":\"2022-03-03\"}\n"
      "{\"record\":\"petition\",\"unit\":\"v1\",\"received\":\"2022-03-04\"}\n"
      "{\"record\":\"petition\",\"key\":\"b\",\"unit\":\"v2\",\"received\":\"2022-03-05\"}\n";
  auto s = db->import_ndjson(text, {});
  EXPECT_EQ(s.read, 4u);
  EXPECT_EQ(s.inserted, 2u);
  EXPECT_EQ(s.actions, 1u);
  EXPECT_EQ(s.rejected, 1u);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].line, 3u);
  EXPECT_EQ(s.errors[0].status, fazhi::Status::conflict);
  EXPECT_EQ(s.errors[0].field, "key");
  EXPECT_NE(s.errors[0].message.find("petition-3"), std::string::npos) << s.errors[0].message;
  EXPECT_EQ(db->list("petition", nullptr)["total"], 3);  // petition-3, a, b
  EXPECT_EQ(db->get("petition", "a")["accepted"], "2022-03-03");
  EXPECT_EQ(db->get("petition", "petition-3")["received"], "2022-03-01");
  EXPECT_EQ(fazhi::testing_support::journal_entries(*db), journal_before + 3);
  EXPECT_TRUE(db->verify_journal()["ok"].get<bool>());
}

TEST(Import, ReimportingTheSameInputChangesNothingAndAddsNoJournalEntry) {
  auto db = Database::open(":memory:");
  db->import_ndjson(kTree, {});
  auto s = db->import_ndjson(kTree, {});
  EXPECT_EQ(s.inserted, 0u);
  EXPECT_EQ(s.updated, 0u);
  EXPECT_EQ(s.unchanged, 3u);
  EXPECT_EQ(fazhi::testing_support::journal_entries(*db), 3);
}

TEST(Import, ChangedLineUpdatesTheRecordAndJournalsOnlyTheChange) {
  auto db = Database::open(":memory:");
  db->import_ndjson(kTree, {});
  auto s = db->import_ndjson(
      "{\"record\":\"org_unit\",\"code\":\"v1\",\"name\":\"一村村委会\",\"kind\":\"village\",\"parent\":\"zone\"}\n",
      {});
  EXPECT_EQ(s.updated, 1u);
  json h = db->history("org_unit", "v1");
  ASSERT_EQ(h["entries"].size(), 2u);
  EXPECT_EQ(h["entries"][1]["change"], json({{"name", "一村村委会"}}));
}

TEST(Import, LaterLinesMayReferenceEarlierOnesAcrossBatches) {
  auto db = Database::open(":memory:");
  ImportOptions o;
  o.batch = 1;
  auto s = db->import_ndjson(kTree, o);
  EXPECT_EQ(s.inserted, 3u);
  EXPECT_EQ(db->list("org_unit", {{"unit", "zone"}, {"subtree", true}})["total"], 3);
}

TEST(Import, ByteOrderMarkAndCrlfAreAcceptedAndLeaveNoTrace) {
  auto db = Database::open(":memory:");
  std::string text =
      "\xEF\xBB\xBF{\"record\":\"org_unit\",\"code\":\"zone\",\"name\":\"区\",\"kind\":\"zone_committee\"}\r\n"
      "{\"record\":\"org_unit\",\"code\":\"v1\",\"name\":\"一村\",\"kind\":\"village\",\"parent\":\"zone\"}\r\n";
  EXPECT_EQ(db->import_ndjson(text, {}).inserted, 2u);
  // The stored values are exactly what was between the quotes: no BOM in the
  // first key, no carriage return at the end of a line's last value.
  const json zone = db->get("org_unit", "zone");
  EXPECT_EQ(zone["key"], "zone");
  EXPECT_EQ(zone["name"], "区");
  const json v1 = db->get("org_unit", "v1");
  EXPECT_EQ(v1["parent"], "zone");
  EXPECT_EQ(v1["name"], "一村");
}

TEST(Import, AnActionLineNamesItsActorAsFzActDoes) {
  auto db = Database::open(":memory:");
  db->import_ndjson(kTree, {});
  db->put("mediation_committee", {{"key", "mc"}, {"unit", "v1"}, {"name", "一村人民调解委员会"}});
  db->put("mediation_case", {{"key", "c1"}, {"committee", "mc"}, {"received", "2022-03-01"},
                             {"category", "neighbourhood"}});
  auto s = db->import_ndjson(
      "{\"record\":\"mediation_case\",\"key\":\"c1\",\"action\":\"follow_up\",\"date\":\"2022-04-01\","
      "\"actor\":\"\"}\n"
      "{\"record\":\"mediation_case\",\"key\":\"c1\",\"action\":\"follow_up\",\"date\":\"2022-04-01\","
      "\"actor\":7}\n",
      {});
  ASSERT_EQ(s.rejected, 2u);
  EXPECT_EQ(s.errors[0].field, "actor");
  EXPECT_EQ(s.errors[1].field, "actor");
  // The same empty actor is refused by act, with the same message.
  std::string message;
  EXPECT_EQ(testing_support::status_of(
                [&] { db->act("mediation_case", "c1", "follow_up", {{"date", "2022-04-01"}, {"actor", ""}}); },
                &message),
            Status::argument);
  EXPECT_EQ(message.rfind("actor: ", 0), 0u) << message;
  EXPECT_NE(message.find(s.errors[0].message), std::string::npos) << message;
}

TEST(Import, ActorOfTheImportIsJournaled) {
  auto db = Database::open(":memory:");
  ImportOptions o;
  o.actor = "县司法局";
  db->import_ndjson(kTree, o);
  EXPECT_EQ(db->history("org_unit", "zone")["entries"][0]["actor"], "县司法局");
}

TEST(Import, ActionLineOnAKindWithoutActionsIsRejected) {
  auto db = Database::open(":memory:");
  db->import_ndjson(kTree, {});
  auto s = db->import_ndjson("{\"record\":\"org_unit\",\"key\":\"v1\",\"action\":\"close\"}\n", {});
  ASSERT_EQ(s.rejected, 1u);
  EXPECT_EQ(s.errors[0].field, "action");
}

TEST(Import, MissingFileIsIo) {
  auto db = Database::open(":memory:");
  try {
    db->import_file("/nonexistent/fazhi.ndjson", {});
    FAIL();
  } catch (const fazhi::Error& e) {
    EXPECT_EQ(e.status(), fazhi::Status::io);
  }
}

// fz_import_file reads the file as it goes, in pieces, with a bound on one
// line: a line over 16 MiB stops the import naming it (the batches before it
// kept), as import_ndjson of the same text does; up to there both give the
// same records and journal, and without that line the same summary, across
// read pieces, blank lines, CRLF, a byte-order mark, rejected lines and a
// batch applied again line by line.
TEST(ImportFile, StreamsTheFileWithABoundOnOneLine) {
  TempDir dir;
  std::string text = "\xEF\xBB\xBF" + std::string(kTree);
  // Id 1; the second keyless petition below gets id 8094 and this key.
  text += "{\"record\":\"petition\",\"key\":\"petition-8094\",\"unit\":\"v1\",\"received\":\"2022-03-01\"}\r\n";
  const std::string filler(300, 'x');  // a few MiB in all: many reads, the buffer compacted
  for (int i = 0; i < 9000; ++i) {
    if (i % 1000 == 7) {
      text += "not json\n";
    } else if (i % 10 == 3) {
      text += "\r\n\n";
    } else {
      text += "{\"record\":\"petition\",\"key\":\"k" + std::to_string(i) +
              "\",\"unit\":\"v" + std::to_string(1 + i % 2) +
              "\",\"received\":\"2022-03-01\",\"subject\":\"" + filler + "\"}\r\n";
    }
  }
  // Keyless: the second and third get id 8094 and the generated key
  // "petition-8094", which is taken: a failure after the row was written,
  // which replays their batch line by line.
  for (int i = 0; i < 3; ++i) text += "{\"record\":\"petition\",\"unit\":\"v2\",\"received\":\"2022-03-02\"}\n";
  const std::string good = text;
  text += std::string(16 * 1024 * 1024 + 1, 'x') + "\n";
  text += "{\"record\":\"petition\",\"key\":\"after\",\"unit\":\"v1\",\"received\":\"2022-03-01\"}\n";
  const std::string file = dir.file("big.ndjson"), good_file = dir.file("good.ndjson");
  std::ofstream(file, std::ios::binary) << text;
  std::ofstream(good_file, std::ios::binary) << good;
  ImportOptions o;
  o.batch = 7;

  auto from_file = Database::open(":memory:");
  auto from_text = Database::open(":memory:");
  std::string file_message, text_message;
  EXPECT_EQ(fazhi::testing_support::status_of([&] { from_file->import_file(file, o); }, &file_message),
            fazhi::Status::argument);
  EXPECT_EQ(fazhi::testing_support::status_of([&] { from_text->import_ndjson(text, o); }, &text_message),
            fazhi::Status::argument);
  const std::size_t long_line = static_cast<std::size_t>(std::count(good.begin(), good.end(), '\n')) + 1;
  const std::string too_long = "line " + std::to_string(long_line) +
                               " is longer than 16777216 bytes, the most one NDJSON line may hold";
  EXPECT_EQ(file_message.rfind("import stopped in the batch starting at line ", 0), 0u) << file_message;
  EXPECT_EQ(file_message.substr(file_message.size() - too_long.size()), too_long) << file_message;
  EXPECT_EQ(text_message, file_message);
  const json petitions = from_file->list("petition", {{"limit", 20000}});
  EXPECT_GT(petitions["total"], 8000);
  EXPECT_EQ(from_text->list("petition", {{"limit", 20000}}), petitions);
  EXPECT_EQ(from_file->verify_journal()["entries"], from_text->verify_journal()["entries"]);

  auto a = Database::open(":memory:");
  auto b = Database::open(":memory:");
  const json by_file = a->import_file(good_file, o).to_json();
  const json by_text = b->import_ndjson(good, o).to_json();
  EXPECT_EQ(by_file, by_text);
  EXPECT_EQ(by_file["rejected"], 11) << by_file.dump().substr(0, 2000);
  EXPECT_EQ(by_file["errors"][9]["status"], "conflict") << by_file["errors"].dump();
  EXPECT_EQ(by_file["errors"][10]["status"], "conflict") << by_file["errors"].dump();
  EXPECT_EQ(a->list("petition", {{"limit", 0}})["total"], 8093);  // petition-8094, k*, one keyless
  EXPECT_EQ(a->list("petition", {{"limit", 20000}}), b->list("petition", {{"limit", 20000}}));
}

TEST(Export, ExportThenImportIntoAnEmptyDatabaseGivesTheSameRecords) {
  TempDir dir;
  auto a = Database::open(":memory:");
  a->import_ndjson(kTree, {});
  a->put("org_unit", {{"code", "g1"}, {"name", "一组"}, {"kind", "other"}, {"parent", "v2"},
                      {"active_from", "2015-03-01"}, {"ext", {{"note", "样例"}}}});
  // Re-parent so that id order no longer puts parents first.
  a->put("org_unit", {{"code", "v0"}, {"name", "零村"}, {"kind", "village"}, {"parent", "g1"}});
  a->patch("org_unit", "v2", {{"parent", "v1"}});
  std::string file = dir.file("out.ndjson");
  a->export_file(file, nullptr);

  auto b = Database::open(":memory:");
  auto s = b->import_file(file, {});
  EXPECT_EQ(s.rejected, 0u) << (s.errors.empty() ? "" : s.errors[0].message);
  json la = a->list("org_unit", nullptr), lb = b->list("org_unit", nullptr);
  ASSERT_EQ(la["total"], lb["total"]);
  std::map<std::string, json> by_key;
  for (json item : la["items"]) {
    item.erase("id");
    by_key[item["key"]] = item;
  }
  for (json item : lb["items"]) {
    item.erase("id");
    EXPECT_EQ(by_key[item["key"]], item);
  }
  // And exporting again reproduces the file byte for byte.
  std::string file2 = dir.file("out2.ndjson");
  b->export_file(file2, nullptr);
  std::ifstream f1(file), f2(file2);
  std::stringstream s1, s2;
  s1 << f1.rdbuf();
  s2 << f2.rdbuf();
  EXPECT_EQ(s1.str(), s2.str());
}

// `unit` with `subtree`: every kind of the subtree, the advisers its records
// name (and no other), the unit as a root; it imports into an empty database
// (issue 18).
TEST(Export, AUnitsSubtreeIsSelfContained) {
  TempDir dir;
  auto db = Database::open(":memory:");
  db->import_ndjson(kTree, {});
  auto s = db->import_ndjson(R"(
{"record":"org_unit","code":"g1","name":"一组","kind":"other","parent":"v1"}
{"record":"adviser","key":"a1","name":"甲律师","type":"lawyer"}
{"record":"adviser","key":"a2","name":"乙律师","type":"lawyer"}
{"record":"adviser","key":"a3","name":"丙律师","type":"lawyer"}
{"record":"adviser_engagement","key":"e1","adviser":"a1","unit":"v1","start":"2022-01-01"}
{"record":"adviser_engagement","key":"e2","adviser":"a2","unit":"v2","start":"2022-01-01"}
{"record":"adviser_engagement","key":"e3","adviser":"a3","unit":"g1","start":"2022-01-01"}
{"record":"adviser_service","key":"s1","adviser":"a3","unit":"g1","date":"2022-02-01","kind":"consultation","hours":2}
{"record":"mediation_committee","key":"mc1","unit":"v1","name":"一村人民调解委员会","established":"2015-01-01"}
{"record":"mediation_case","key":"k1","committee":"mc1","received":"2022-03-01","category":"neighbourhood"}
{"record":"mediation_case","key":"k1","action":"close","date":"2022-03-05","outcome":"succeeded","agreement":"written"}
{"record":"petition","key":"p2","unit":"v2","received":"2022-04-01"}
)",
                             {});
  ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  const std::string file = dir.file("v1.ndjson");
  db->export_file(file, {{"unit", "v1"}, {"subtree", true}});

  auto copy = Database::open(":memory:");
  auto imported = copy->import_file(file, {});
  EXPECT_EQ(imported.rejected, 0u) << imported.to_json().dump();
  EXPECT_EQ(imported.actions, 1u);
  std::vector<std::string> units, advisers;
  const json unit_list = copy->list("org_unit", nullptr), adviser_list = copy->list("adviser", nullptr);
  for (const json& u : unit_list["items"]) units.push_back(u["key"]);
  for (const json& a : adviser_list["items"]) advisers.push_back(a["key"]);
  EXPECT_EQ(units, (std::vector<std::string>{"v1", "g1"}));
  EXPECT_EQ(advisers, (std::vector<std::string>{"a1", "a3"}));
  EXPECT_FALSE(copy->get("org_unit", "v1").contains("parent"));
  EXPECT_EQ(copy->get("mediation_case", "k1")["outcome"], "succeeded");
  EXPECT_EQ(copy->list("petition", nullptr)["total"], 0);
  EXPECT_EQ(copy->get("adviser_service", "s1")["adviser"], "a3");
}

// A record of the subtree that names a record of a unit outside it would not
// import: Error(conflict) naming both, and no file.
TEST(Export, AReferenceOutOfTheSubtreeIsAConflictNamingBothRecords) {
  TempDir dir;
  auto db = Database::open(":memory:");
  db->import_ndjson(kTree, {});
  auto s = db->import_ndjson(R"(
{"record":"enforcement_officer","key":"off1","unit":"zone","name":"执法员甲","certificate_issued":"2020-01-01"}
{"record":"enforcement_action","key":"ea1","unit":"v1","kind":"inspection","decided":"2022-03-01","officers":["off1"]}
)",
                             {});
  ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  const std::string file = dir.file("v1.ndjson");
  std::string message;
  EXPECT_EQ(fazhi::testing_support::status_of(
                [&] { db->export_file(file, {{"unit", "v1"}, {"subtree", true}}); }, &message),
            fazhi::Status::conflict);
  EXPECT_EQ(message,
            "officers: enforcement_action 'ea1' refers to enforcement_officer 'off1' of unit "
            "'zone', which is outside the subtree of unit 'v1': the export would not import on "
            "its own");
  EXPECT_FALSE(std::filesystem::exists(file));
  // The whole tree exports.
  db->export_file(file, {{"unit", "zone"}, {"subtree", true}});
  EXPECT_TRUE(std::filesystem::exists(file));
}

TEST(Export, SelectsKindsAndSubtree) {
  TempDir dir;
  auto db = Database::open(":memory:");
  db->import_ndjson(kTree, {});
  std::string file = dir.file("v1.ndjson");
  db->export_file(file, {{"kinds", {"org_unit"}}, {"unit", "v1"}, {"subtree", true}});
  std::ifstream in(file);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(json::parse(lines[0])["key"], "v1");
}

}  // namespace
