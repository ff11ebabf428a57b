// abi_json_limits — limits of the JSON every entry point reads: a number beyond
// a double's range, nesting deeper than 64 levels (FZ_MAX_JSON_DEPTH), a key
// given twice in one object and a misplaced byte-order mark are refused by
// name; an NDJSON line holding any of them is rejected like any other bad line.
//
// Links libfazhi.so only, through fazhi.h; helpers in abi_support.hpp.
#include "abi_support.hpp"

#include <fazhi/fazhi.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <string>

namespace {

using namespace abi_test;

// ---------------------------------------------------------------------------
// JSON limits: numbers beyond a double, nesting depth.

// A JSON number too large for a double (1e999) is malformed input: every
// JSON parameter refuses it with FZ_E_ARGUMENT naming the parameter, and an
// NDJSON line holding one is rejected like any other bad line.
TEST_F(Abi, JsonNumberBeyondDoubleRangeIsAnArgumentError) {
  fz_db* opened = reinterpret_cast<fz_db*>(0x1);
  EXPECT_FZ_ERR(fz_open(":memory:", "{\"busy_timeout_ms\": 1e999}", &opened), FZ_E_ARGUMENT,
                "options_json");
  EXPECT_EQ(opened, reinterpret_cast<fz_db*>(0x1));
  std::int64_t id = 4242;
  EXPECT_FZ_ERR(fz_put(db_, "org_unit", "-1e999", &id), FZ_E_ARGUMENT, "record_json");
  EXPECT_FZ_ERR(fz_put(db_, "org_unit",
                       "{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", "
                       "\"parent\": \"root\", \"ext\": {\"n\": 1e999}}",
                       &id),
                FZ_E_ARGUMENT, "record_json");
  EXPECT_EQ(id, 4242);
  EXPECT_FZ_ERR(fz_patch(db_, "org_unit", "v1", "{\"ext\": {\"n\": -1e999}}"), FZ_E_ARGUMENT,
                "patch_json");
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_list(db_, "org_unit", "{\"limit\": 1e999}", &out), FZ_E_ARGUMENT,
                "query_json");
  EXPECT_FZ_ERR(fz_act(db_, "org_unit", "v1", "close", "{\"n\": 1e999}", &out), FZ_E_ARGUMENT,
                "args_json");
  EXPECT_FZ_ERR(fz_import(db_, "", 0, "{\"batch\": 1e999}", &out), FZ_E_ARGUMENT,
                "options_json");
  EXPECT_EQ(out, kSentinel);
  expect_unchanged();

  const std::string text =
      "{\"record\": \"org_unit\", \"code\": \"v2\", \"name\": \"新村\", \"kind\": \"village\", "
      "\"parent\": \"root\"}\n"
      "{\"record\": \"org_unit\", \"code\": \"v3\", \"name\": \"新村\", \"kind\": \"village\", "
      "\"parent\": \"root\", \"ext\": {\"n\": 1e999}}\n"
      "{\"record\": \"org_unit\", \"code\": \"v4\", \"name\": \"新村\", \"kind\": \"village\", "
      "\"parent\": \"root\"}\n";
  out = nullptr;
  const fz_status st = fz_import(db_, text.data(), text.size(), nullptr, &out);
  ASSERT_EQ(st, FZ_OK) << "one bad line must not fail the import: " << fz_last_error();
  json summary = json::parse(take(out));
  EXPECT_EQ(summary.at("inserted"), 2) << summary.dump();
  EXPECT_EQ(summary.at("rejected"), 1) << summary.dump();
  ASSERT_EQ(summary.at("errors").size(), 1u) << summary.dump();
  EXPECT_EQ(summary.at("errors").at(0).at("line"), 2) << summary.dump();
  EXPECT_EQ(unit_total(db_), 4);
}

// A record whose "ext" holds `arrays` nested arrays: the document's depth is
// arrays + 2 (the record object and the ext object).
std::string record_with_nesting(const std::string& code, int arrays) {
  return "{\"code\": \"" + code + "\", \"name\": \"新村\", \"kind\": \"village\", "
         "\"parent\": \"root\", \"ext\": {\"a\": " + std::string(arrays, '[') +
         std::string(arrays, ']') + "}}";
}

// JSON nested 100000 levels deep would be parsed, then copied recursively and
// overflow the host's stack; every entry point refuses it before parsing, by
// name, and stores nothing.
TEST_F(Abi, JsonNestedTooDeepIsRefusedEverywhere) {
  const std::string record = record_with_nesting("deep", 100000);
  EXPECT_FZ_ERR(fz_put(db_, "org_unit", record.c_str(), nullptr), FZ_E_ARGUMENT,
                "record_json: JSON is nested deeper than 64 levels");
  char* out = nullptr;
  EXPECT_EQ(fz_get(db_, "org_unit", "deep", &out), FZ_E_NOT_FOUND);
  fz_free(out);

  const std::string line = "{\"record\": \"org_unit\", " + record.substr(1) + "\n";
  out = nullptr;
  ASSERT_FZ_OK(fz_import(db_, line.data(), line.size(), nullptr, &out));
  json summary = json::parse(take(out));
  EXPECT_EQ(summary.at("rejected"), 1) << summary.dump();
  EXPECT_EQ(summary.at("inserted"), 0) << summary.dump();
  ASSERT_EQ(summary.at("errors").size(), 1u) << summary.dump();
  EXPECT_EQ(summary.at("errors").at(0).at("line"), 1) << summary.dump();
  EXPECT_EQ(summary.at("errors").at(0).at("message"), "JSON is nested deeper than 64 levels")
      << summary.dump();

  const std::string patch = "{\"ext\": {\"a\": " + std::string(100000, '[') +
                            std::string(100000, ']') + "}}";
  EXPECT_FZ_ERR(fz_patch(db_, "org_unit", "v1", patch.c_str()), FZ_E_ARGUMENT,
                "patch_json: JSON is nested deeper than 64 levels");
  out = nullptr;
  ASSERT_FZ_OK(fz_get(db_, "org_unit", "v1", &out));
  EXPECT_EQ(json::parse(take(out)).at("ext"), json::parse("{\"门牌\": \"1号\"}"));
  expect_unchanged();
}

// The bound is exactly 64 levels; brackets inside strings do not count.
TEST_F(Abi, JsonNestingLimitIsSixtyFourLevels) {
  ASSERT_FZ_OK(fz_put(db_, "org_unit", record_with_nesting("d64", 62).c_str(), nullptr));
  EXPECT_FZ_ERR(fz_put(db_, "org_unit", record_with_nesting("d65", 63).c_str(), nullptr),
                FZ_E_ARGUMENT, "nested deeper than 64 levels");
  const std::string brackets_in_text =
      "{\"code\": \"txt\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\", "
      "\"ext\": {\"note\": \"\\\"" + std::string(200, '[') + "\"}}";
  ASSERT_FZ_OK(fz_put(db_, "org_unit", brackets_in_text.c_str(), nullptr));
  char* out = nullptr;
  ASSERT_FZ_OK(fz_get(db_, "org_unit", "txt", &out));
  EXPECT_EQ(json::parse(take(out)).at("ext").at("note"), "\"" + std::string(200, '['));
}

// ---------------------------------------------------------------------------
// Every entry point that takes JSON reads it through one parser, so each of
// them refuses the same documents the same way.

// Calls every entry point that takes a JSON argument with `doc` as that
// argument: each must fail with FZ_E_ARGUMENT and "<argument>: <what>", leave
// its out-parameters alone and change nothing (nor write the export's file).
void expect_every_argument_refuses(fz_db* db, const std::string& doc, const std::string& what) {
  const char* d = doc.c_str();
  auto names = [&](const char* argument) { return std::string(argument) + ": " + what; };
  fz_db* opened = reinterpret_cast<fz_db*>(0x1);
  EXPECT_FZ_ERR(fz_open(":memory:", d, &opened), FZ_E_ARGUMENT, names("options_json"));
  EXPECT_EQ(opened, reinterpret_cast<fz_db*>(0x1));
  std::int64_t id = 4242;
  EXPECT_FZ_ERR(fz_put(db, "org_unit", d, &id), FZ_E_ARGUMENT, names("record_json"));
  EXPECT_EQ(id, 4242);
  EXPECT_FZ_ERR(fz_patch(db, "org_unit", "v1", d), FZ_E_ARGUMENT, names("patch_json"));
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_list(db, "org_unit", d, &out), FZ_E_ARGUMENT, names("query_json"));
  EXPECT_FZ_ERR(fz_act(db, "org_unit", "v1", "close", d, &out), FZ_E_ARGUMENT,
                names("args_json"));
  EXPECT_FZ_ERR(fz_import(db, "", 0, d, &out), FZ_E_ARGUMENT, names("options_json"));
  TempDir dir;
  const std::string input = dir.file("in.ndjson"), target = dir.file("out.ndjson");
  std::ofstream(input) << "{\"record\": \"org_unit\", \"code\": \"v9\", \"name\": \"新村\", "
                          "\"kind\": \"village\", \"parent\": \"root\"}\n";
  EXPECT_FZ_ERR(fz_import_file(db, input.c_str(), d, &out), FZ_E_ARGUMENT, names("options_json"));
  EXPECT_FZ_ERR(fz_export_file(db, target.c_str(), d), FZ_E_ARGUMENT, names("query_json"));
  EXPECT_FALSE(exists(target));
  fz_value v{1.5, 2.5, 3.5, 7, 11};
  EXPECT_FZ_ERR(fz_indicator(db, "mediation.received", "root", "2022", d, &v), FZ_E_ARGUMENT,
                names("params_json"));
  EXPECT_EQ(v.value, 1.5);
  EXPECT_FZ_ERR(fz_indicators(db, d, &out), FZ_E_ARGUMENT, names("query_json"));
  EXPECT_FZ_ERR(fz_explain(db, "mediation.received", "root", "2022", d, &out), FZ_E_ARGUMENT,
                names("params_json"));
  EXPECT_FZ_ERR(fz_define_indicator(db, d), FZ_E_ARGUMENT, names("definition_json"));
  EXPECT_FZ_ERR(fz_findings(db, d, &out), FZ_E_ARGUMENT, names("query_json"));
  EXPECT_FZ_ERR(fz_report(db, "root", 2022, "markdown", d, &out), FZ_E_ARGUMENT,
                names("options_json"));
  EXPECT_FZ_ERR(fz_calendar_query(db, d, &out), FZ_E_ARGUMENT, names("request_json"));
  EXPECT_EQ(out, kSentinel);
}

// A unit line of NDJSON.
std::string unit_line(const std::string& code) {
  return "{\"record\": \"org_unit\", \"code\": \"" + code +
         "\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\"}";
}

// An NDJSON input of three lines, `line` the second, through fz_import and
// then fz_import_file: that line alone is rejected, with `field` and
// `message`, and changes nothing; lines 1 and 3 are imported.
void expect_second_line_rejected(fz_db* db, const std::string& line, const std::string& field,
                                 const std::string& message) {
  TempDir dir;
  static int calls = 0;  // fresh keys on every call: lines 1 and 3 always insert
  for (const bool from_file : {false, true}) {
    SCOPED_TRACE(from_file ? "fz_import_file" : "fz_import");
    const std::string tag = std::to_string(++calls);
    const std::string text =
        unit_line("first-" + tag) + "\n" + line + "\n" + unit_line("third-" + tag) + "\n";
    const std::int64_t units = unit_total(db), entries = journal_entries(db);
    char* out = nullptr;
    if (from_file) {
      const std::string path = dir.file("lines.ndjson");
      std::ofstream(path, std::ios::binary) << text;
      ASSERT_FZ_OK(fz_import_file(db, path.c_str(), nullptr, &out));
    } else {
      ASSERT_FZ_OK(fz_import(db, text.data(), text.size(), nullptr, &out));
    }
    const json summary = json::parse(take(out));
    EXPECT_EQ(summary.at("inserted"), 2) << summary.dump();
    EXPECT_EQ(summary.at("rejected"), 1) << summary.dump();
    ASSERT_EQ(summary.at("errors").size(), 1u) << summary.dump();
    EXPECT_EQ(summary.at("errors").at(0).at("line"), 2) << summary.dump();
    EXPECT_EQ(summary.at("errors").at(0).at("field"), field) << summary.dump();
    EXPECT_EQ(summary.at("errors").at(0).at("message"), message) << summary.dump();
    EXPECT_EQ(unit_total(db), units + 2);
    EXPECT_EQ(journal_entries(db), entries + 2);
  }
}

// 100 000 nested arrays (the depth that ended in SIGSEGV) in any JSON
// argument, or in an NDJSON line of a buffer or a file, are refused before
// anything recurses, naming the limit; the host lives on.
TEST_F(Abi, HundredThousandNestedArraysAreRefusedByEveryEntryPoint) {
  static_assert(FZ_MAX_JSON_DEPTH == 64, "the bound fazhi.h documents");
  const std::string arrays = std::string(100000, '[') + std::string(100000, ']');
  expect_every_argument_refuses(db_, arrays, "JSON is nested deeper than 64 levels");
  expect_every_argument_refuses(db_, "{\"a\": " + arrays + "}",
                                "JSON is nested deeper than 64 levels");
  expect_unchanged();
  expect_second_line_rejected(
      db_, unit_line("deep").substr(0, unit_line("deep").size() - 1) + ", \"ext\": " + arrays + "}",
      "", "JSON is nested deeper than 64 levels");
  char* out = nullptr;
  EXPECT_EQ(fz_get(db_, "org_unit", "deep", &out), FZ_E_NOT_FOUND);
  EXPECT_EQ(out, nullptr);
}

// {"key": "a", "key": "b"} would keep "b" and drop "a" unseen: every argument
// refuses it naming the key, whatever object of the document repeats it.
TEST_F(Abi, DuplicateKeysAreRefusedByEveryEntryPoint) {
  expect_every_argument_refuses(db_, "{\"key\": \"a\", \"key\": \"b\"}",
                                "duplicate key 'key' (a key may appear once in an object)");
  expect_every_argument_refuses(
      db_, "{\"ext\": {\"门牌\": \"1号\", \"门牌\": \"2号\"}}",
      "duplicate key '门牌' in ext (a key may appear once in an object)");
  expect_every_argument_refuses(db_, "{\"parties\": [{}, {\"name\": 1, \"name\": 2}]}",
                                "duplicate key 'name' in parties[1]");
  // Keys that differ only in case, or the same key in sibling objects, are fine.
  ASSERT_FZ_OK(fz_put(db_, "org_unit",
                      "{\"code\": \"v2\", \"name\": \"新村\", \"kind\": \"village\", "
                      "\"parent\": \"root\", \"ext\": {\"a\": {\"k\": 1}, \"b\": {\"k\": 2}, \"K\": 3}}",
                      nullptr));
  char* out = nullptr;
  ASSERT_FZ_OK(fz_get(db_, "org_unit", "v2", &out));
  EXPECT_EQ(json::parse(take(out)).at("ext"), json::parse("{\"a\": {\"k\": 1}, \"b\": {\"k\": 2}, \"K\": 3}"));
}

// The record's key given twice in fz_put is refused naming "key", and neither
// record exists afterwards.
TEST_F(Abi, FzPutWithTheKeyGivenTwiceStoresNothing) {
  std::int64_t id = 4242;
  EXPECT_FZ_ERR(fz_put(db_, "org_unit",
                       "{\"key\": \"a\", \"key\": \"b\", \"name\": \"新村\", \"kind\": \"village\", "
                       "\"parent\": \"root\"}",
                       &id),
                FZ_E_ARGUMENT, "record_json: duplicate key 'key'");
  EXPECT_EQ(id, 4242);
  for (const char* key : {"a", "b"}) {
    char* out = nullptr;
    EXPECT_EQ(fz_get(db_, "org_unit", key, &out), FZ_E_NOT_FOUND);
  }
  expect_unchanged();
}

// An NDJSON line with "record" twice is rejected naming "record" and its
// line; the lines around it are imported.
TEST_F(Abi, NdjsonLineWithRecordTwiceIsRejectedByName) {
  expect_second_line_rejected(
      db_, "{\"record\": \"org_unit\", \"record\": \"mediation_case\", \"code\": \"dup\", "
           "\"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\"}",
      "record", "duplicate key 'record' (a key may appear once in an object)");
  expect_second_line_rejected(
      db_, "{\"record\": \"org_unit\", \"code\": \"dup\", \"name\": \"新村\", \"kind\": \"village\", "
           "\"parent\": \"root\", \"ext\": {\"a\": 1, \"a\": 2}}",
      "ext.a", "duplicate key 'a' in ext (a key may appear once in an object)");
  char* out = nullptr;
  EXPECT_EQ(fz_get(db_, "org_unit", "dup", &out), FZ_E_NOT_FOUND);
}

// A line the JSON parser stops reading inside a character is rejected with
// the character's bytes escaped: the summary stays UTF-8 JSON, and the import
// FZ_OK. Found by tests/fuzz/ndjson_import_fuzz: fz_import failed as a whole
// (FZ_E_INTERNAL), its summary unwritable, and fz_put's message was not UTF-8.
TEST_F(Abi, JsonStoppedInsideACharacterIsRejectedWithAUtf8Message) {
  const std::string line = "{\"record\": \"org_unit\", 湖北}";
  const std::string message =
      "not valid JSON: parse error at line 1, column 24: syntax error while parsing object key - "
      "invalid literal; last read: '\"org_unit\", \\xE6'; expected string literal";
  std::int64_t id = 4242;
  EXPECT_FZ_ERR(fz_put(db_, "org_unit", line.c_str(), &id), FZ_E_ARGUMENT,
                "record_json: " + message);
  EXPECT_EQ(id, 4242);
  expect_unchanged();
  expect_second_line_rejected(db_, line, "", message);
}

// A byte-order mark is no part of JSON: before any JSON argument it is
// refused, saying so (nlohmann's parser would skip it silently).
TEST_F(Abi, ByteOrderMarkBeforeAJsonArgumentIsRefused) {
  const std::string bom = "\xEF\xBB\xBF";
  expect_every_argument_refuses(db_, bom + "{}",
                                "starts with a byte-order mark (U+FEFF); one is allowed only at "
                                "the very start of an NDJSON input");
  expect_every_argument_refuses(db_, "{\"limit\": " + bom + "1}",
                                "byte-order mark (U+FEFF) at byte 11");
  const std::string record = bom + kVillage;
  EXPECT_FZ_ERR(fz_put(db_, "org_unit", record.c_str(), nullptr), FZ_E_ARGUMENT,
                "record_json: starts with a byte-order mark");
  expect_unchanged();
}

// One byte-order mark at the very start of an NDJSON input is skipped; one at
// the start of any later line (files pasted together), or a second at the
// start, rejects that line.
TEST_F(Abi, ByteOrderMarkIsSkippedOnlyAtTheStartOfAnNdjsonInput) {
  const std::string bom = "\xEF\xBB\xBF";
  const std::string message =
      "starts with a byte-order mark (U+FEFF); one is allowed only at the very start of an "
      "NDJSON input";
  TempDir dir;
  for (const bool from_file : {false, true}) {
    SCOPED_TRACE(from_file ? "fz_import_file" : "fz_import");
    const std::string tag = from_file ? "f" : "b";
    const std::string text = bom + unit_line("bom-" + tag) + "\n";
    char* out = nullptr;
    if (from_file) {
      const std::string path = dir.file("bom.ndjson");
      std::ofstream(path, std::ios::binary) << text;
      ASSERT_FZ_OK(fz_import_file(db_, path.c_str(), nullptr, &out));
    } else {
      ASSERT_FZ_OK(fz_import(db_, text.data(), text.size(), nullptr, &out));
    }
    const json summary = json::parse(take(out));
    EXPECT_EQ(summary.at("inserted"), 1) << summary.dump();
    EXPECT_EQ(summary.at("rejected"), 0) << summary.dump();
  }
  expect_second_line_rejected(db_, bom + unit_line("pasted"), "", message);
  expect_second_line_rejected(db_, "  " + bom + unit_line("pasted"), "",
                              "byte-order mark (U+FEFF) at byte 3; one is allowed only at the "
                              "very start of an NDJSON input");
  const std::string twice = bom + bom + unit_line("twice") + "\n";
  char* out = nullptr;
  ASSERT_FZ_OK(fz_import(db_, twice.data(), twice.size(), nullptr, &out));
  const json summary = json::parse(take(out));
  EXPECT_EQ(summary.at("rejected"), 1) << summary.dump();
  EXPECT_EQ(summary.at("errors").at(0).at("message"), message) << summary.dump();
  out = nullptr;
  EXPECT_EQ(fz_get(db_, "org_unit", "twice", &out), FZ_E_NOT_FOUND);
}

}  // namespace
