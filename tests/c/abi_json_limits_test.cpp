// abi_json_limits — limits of the JSON every entry point reads: a number beyond
// a double's range, and nesting deeper than 64 levels, are refused by name;
// an NDJSON line holding either is rejected like any other bad line.
//
// Links libfazhi.so only, through fazhi.h; helpers in abi_support.hpp.
#include "abi_support.hpp"

#include <fazhi/fazhi.h>

#include <gtest/gtest.h>

#include <cstdint>
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

}  // namespace
