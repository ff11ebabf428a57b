// abi_records — the record entry points called with bad arguments: fz_put,
// fz_get, fz_history, fz_patch, fz_list, fz_act, fz_journal_verify,
// fz_journal_verify_with and fz_journal_head refuse by
// name and change nothing; a key made of digits is a key, never an id.
//
// Links libfazhi.so only, through fazhi.h; helpers in abi_support.hpp.
#include "abi_support.hpp"

#include <fazhi/fazhi.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace abi_test;

// ---------------------------------------------------------------------------
// fz_put

TEST_F(Abi, PutRefusesBadKindsAndLeavesOutIdAlone) {
  std::int64_t id = 4242;
  EXPECT_FZ_ERR(fz_put(db_, nullptr, kVillage, &id), FZ_E_ARGUMENT, "kind");
  EXPECT_FZ_ERR(fz_put(db_, "", kVillage, &id), FZ_E_ARGUMENT, "kind");
  EXPECT_FZ_ERR(fz_put(db_, "org_units", kVillage, &id), FZ_E_ARGUMENT, "org_units");
  EXPECT_FZ_ERR(fz_put(db_, "ORG_UNIT", kVillage, &id), FZ_E_ARGUMENT, "ORG_UNIT");
  EXPECT_FZ_ERR(fz_put(db_, "no_such_kind", kVillage, &id), FZ_E_ARGUMENT, "no_such_kind");
  EXPECT_FZ_ERR(fz_put(db_, "org_unit ", kVillage, &id), FZ_E_ARGUMENT, "kind");
  for (const std::string& bad : bad_utf8()) {
    SCOPED_TRACE(printable(bad));
    EXPECT_FZ_ERR(fz_put(db_, bad.c_str(), kVillage, &id), FZ_E_ARGUMENT, "kind");
    const std::string kind = "org_unit" + bad;
    EXPECT_FZ_ERR(fz_put(db_, kind.c_str(), kVillage, &id), FZ_E_ARGUMENT, "kind");
  }
  EXPECT_EQ(id, 4242);
  expect_unchanged();
}

TEST_F(Abi, PutRefusesMalformedRecordsAndChangesNothing) {
  struct Case {
    std::string record;
    fz_status code;
    std::string mention;
  };
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  std::vector<Case> cases = {
      // Not JSON, or not an object.
      {"", FZ_E_ARGUMENT, "record_json"},
      {"{", FZ_E_ARGUMENT, "record_json"},
      {"}", FZ_E_ARGUMENT, "record_json"},
      {"{\"code\": \"x\",}", FZ_E_ARGUMENT, "record_json"},
      {"{\"code\": 'x'}", FZ_E_ARGUMENT, "record_json"},
      {"{code: \"x\"}", FZ_E_ARGUMENT, "record_json"},
      {"{\"code\": \"x\"} {}", FZ_E_ARGUMENT, "record_json"},
      {"{\"code\": \"x\", \"name\": \"\\ud800\"}", FZ_E_ARGUMENT, "record_json"},
      {"not json", FZ_E_ARGUMENT, "record_json"},
      {"[]", FZ_E_ARGUMENT, "record_json"},
      {"[{\"code\": \"x\", \"name\": \"x\", \"kind\": \"village\", \"parent\": \"root\"}]",
       FZ_E_ARGUMENT, "record_json"},
      {"42", FZ_E_ARGUMENT, "record_json"},
      {"\"org_unit\"", FZ_E_ARGUMENT, "record_json"},
      {"null", FZ_E_ARGUMENT, "record_json"},
      {"true", FZ_E_ARGUMENT, "record_json"},
      {deep, FZ_E_ARGUMENT, "record_json"},
      {std::string(100000, '['), FZ_E_ARGUMENT, "record_json"},
      // An object, but not a valid org_unit.
      {"{}", FZ_E_ARGUMENT, "name"},
      {"{\"code\": \"x\", \"kind\": \"village\", \"parent\": \"root\"}", FZ_E_ARGUMENT, "name"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"parent\": \"root\"}", FZ_E_ARGUMENT, "kind"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\", "
       "\"colour\": \"red\"}",
       FZ_E_ARGUMENT, "colour"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\", "
       "\"Name\": \"新村\"}",
       FZ_E_ARGUMENT, "Name"},
      {"{\"code\": \"x\", \"name\": 5, \"kind\": \"village\", \"parent\": \"root\"}",
       FZ_E_ARGUMENT, "name"},
      {"{\"code\": \"x\", \"name\": null, \"kind\": \"village\", \"parent\": \"root\"}",
       FZ_E_ARGUMENT, "name"},
      {"{\"code\": \"x\", \"name\": [\"新村\"], \"kind\": \"village\", \"parent\": \"root\"}",
       FZ_E_ARGUMENT, "name"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"city\", \"parent\": \"root\"}",
       FZ_E_ARGUMENT, "kind"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"Village\", \"parent\": \"root\"}",
       FZ_E_ARGUMENT, "kind"},
      // "村" is the label of village and stands for it; "村庄" is neither.
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"村庄\", \"parent\": \"root\"}",
       FZ_E_ARGUMENT, "kind"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": 6, \"parent\": \"root\"}",
       FZ_E_ARGUMENT, "kind"},
      // References that do not resolve, including huge and negative ids.
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"nowhere\"}",
       FZ_E_ARGUMENT, "parent"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", "
       "\"parent\": 9223372036854775807}",
       FZ_E_ARGUMENT, "parent"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", "
       "\"parent\": -9223372036854775808}",
       FZ_E_ARGUMENT, "parent"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", "
       "\"parent\": 18446744073709551615}",
       FZ_E_ARGUMENT, "parent"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": -1}",
       FZ_E_ARGUMENT, "parent"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": 0}",
       FZ_E_ARGUMENT, "parent"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": 1e300}",
       FZ_E_ARGUMENT, "parent"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": 1.5}",
       FZ_E_ARGUMENT, "parent"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": {}}",
       FZ_E_ARGUMENT, "parent"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": true}",
       FZ_E_ARGUMENT, "parent"},
      // Dates and booleans.
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\", "
       "\"active_from\": \"2023-02-29\"}",
       FZ_E_ARGUMENT, "active_from"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\", "
       "\"active_from\": \"2023-1-1\"}",
       FZ_E_ARGUMENT, "active_from"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\", "
       "\"active_from\": 20230101}",
       FZ_E_ARGUMENT, "active_from"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\", "
       "\"active_from\": \"0000-01-01\"}",
       FZ_E_ARGUMENT, "active_from"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\", "
       "\"active_from\": \"2023-05-01\", \"active_to\": \"2023-04-30\"}",
       FZ_E_ARGUMENT, "active_to"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\", "
       "\"requires_adviser\": \"yes\"}",
       FZ_E_ARGUMENT, "requires_adviser"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\", "
       "\"requires_adviser\": 1}",
       FZ_E_ARGUMENT, "requires_adviser"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\", "
       "\"ext\": 5}",
       FZ_E_ARGUMENT, "ext"},
      {"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\", "
       "\"ext\": [1]}",
       FZ_E_ARGUMENT, "ext"},
      // Keys, ids and the record marker.
      {"{\"code\": \"\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\"}",
       FZ_E_ARGUMENT, "code"},
      {"{\"code\": 5, \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\"}",
       FZ_E_ARGUMENT, "code"},
      {"{\"code\": \"" + std::string(300, 'k') +
           "\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\"}",
       FZ_E_ARGUMENT, "code"},
      {"{\"code\": \"a\\u0001b\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": "
       "\"root\"}",
       FZ_E_ARGUMENT, "code"},
      {"{\"code\": \" x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\"}",
       FZ_E_ARGUMENT, "code"},
      {"{\"key\": 5, \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\"}",
       FZ_E_ARGUMENT, "key"},
      {"{\"code\": \"x\", \"key\": \"y\", \"name\": \"新村\", \"kind\": \"village\", "
       "\"parent\": \"root\"}",
       FZ_E_ARGUMENT, "key"},
      {"{\"record\": \"decision\", \"code\": \"x\", \"name\": \"新村\", \"kind\": "
       "\"village\", \"parent\": \"root\"}",
       FZ_E_ARGUMENT, "record"},
      {"{\"record\": 1, \"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", "
       "\"parent\": \"root\"}",
       FZ_E_ARGUMENT, "record"},
      {"{\"id\": 12345, \"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", "
       "\"parent\": \"root\"}",
       FZ_E_ARGUMENT, "id"},
      {"{\"id\": \"1\", \"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", "
       "\"parent\": \"root\"}",
       FZ_E_ARGUMENT, "id"},
      // Rules: a second root; an existing unit made its own ancestor.
      {"{\"code\": \"x\", \"name\": \"另一个县\", \"kind\": \"government\"}", FZ_E_RULE,
       "parent"},
      {"{\"code\": \"root\", \"name\": \"高新区管委会\", \"kind\": \"zone_committee\", "
       "\"parent\": \"v1\"}",
       FZ_E_RULE, "parent"},
      {"{\"code\": \"v1\", \"name\": \"东风村\", \"kind\": \"village\", \"parent\": \"v1\"}",
       FZ_E_RULE, "parent"},
  };
  for (const std::string& bad : bad_utf8()) {
    cases.push_back({"{\"code\": \"x\", \"name\": \"" + bad +
                         "\", \"kind\": \"village\", \"parent\": \"root\"}",
                     FZ_E_ARGUMENT, "record_json"});
    cases.push_back({"{\"code\": \"" + bad +
                         "\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\"}",
                     FZ_E_ARGUMENT, "record_json"});
    cases.push_back({"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": "
                     "\"root\", \"" + bad + "\": 1}",
                     FZ_E_ARGUMENT, "record_json"});
    cases.push_back({"{\"code\": \"x\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": "
                     "\"root\", \"ext\": {\"note\": \"" + bad + "\"}}",
                     FZ_E_ARGUMENT, "record_json"});
    // An existing record with a bad update: v1 must keep its name.
    cases.push_back({"{\"code\": \"v1\", \"name\": \"" + bad +
                         "\", \"kind\": \"village\", \"parent\": \"root\"}",
                     FZ_E_ARGUMENT, "record_json"});
  }
  for (const Case& c : cases) {
    SCOPED_TRACE(printable(c.record.substr(0, 200)));
    std::int64_t id = 4242;
    EXPECT_FZ_ERR(fz_put(db_, "org_unit", c.record.c_str(), &id), c.code, c.mention);
    EXPECT_EQ(id, 4242) << "out_id written on failure";
    EXPECT_FZ_ERR(fz_put(db_, "org_unit", c.record.c_str(), nullptr), c.code, c.mention);
  }
  std::int64_t id = 4242;
  EXPECT_FZ_ERR(fz_put(db_, "org_unit", nullptr, &id), FZ_E_ARGUMENT, "record_json");
  EXPECT_EQ(id, 4242);
  expect_unchanged();
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_get(db_, "org_unit", "x", &out), FZ_E_NOT_FOUND, "x");
  EXPECT_EQ(out, kSentinel);
}

// ---------------------------------------------------------------------------
// fz_get / fz_history

TEST_F(Abi, GetAndHistoryRefuseBadArgumentsAndMissingKeys) {
  using Fn = fz_status (*)(fz_db*, const char*, const char*, char**);
  const std::pair<const char*, Fn> fns[] = {{"fz_get", fz_get}, {"fz_history", fz_history}};
  for (const auto& [name, fn] : fns) {
    SCOPED_TRACE(name);
    char* out = kSentinel;
    EXPECT_FZ_ERR(fn(db_, nullptr, "v1", &out), FZ_E_ARGUMENT, "kind");
    EXPECT_FZ_ERR(fn(db_, "org_unit", nullptr, &out), FZ_E_ARGUMENT, "key");
    EXPECT_FZ_ERR(fn(db_, "org_unit", "v1", nullptr), FZ_E_ARGUMENT, "out_json");
    EXPECT_FZ_ERR(fn(db_, "no_such_kind", "v1", &out), FZ_E_ARGUMENT, "no_such_kind");
    EXPECT_FZ_ERR(fn(db_, "", "v1", &out), FZ_E_ARGUMENT, "kind");
    for (const std::string& bad : bad_utf8()) {
      SCOPED_TRACE(printable(bad));
      EXPECT_FZ_ERR(fn(db_, bad.c_str(), "v1", &out), FZ_E_ARGUMENT, "kind");
      EXPECT_FZ_ERR(fn(db_, "org_unit", bad.c_str(), &out), FZ_E_ARGUMENT, "key");
      const std::string key = "v1" + bad;
      EXPECT_FZ_ERR(fn(db_, "org_unit", key.c_str(), &out), FZ_E_ARGUMENT, "key");
    }
    // Missing keys, including ids that do not exist or do not fit.
    for (const char* missing : {"nowhere", "V1", "v1 ", "东风村", "0", "-1", "3",
                                "999999999999999999", "9223372036854775807",
                                "9223372036854775808", "99999999999999999999999999"}) {
      SCOPED_TRACE(missing);
      EXPECT_FZ_ERR(fn(db_, "org_unit", missing, &out), FZ_E_NOT_FOUND, missing);
    }
    EXPECT_EQ(out, kSentinel);
  }
  expect_unchanged();
}

// ---------------------------------------------------------------------------
// fz_patch

TEST_F(Abi, PatchRefusesBadArgumentsAndChangesNothing) {
  EXPECT_FZ_ERR(fz_patch(db_, nullptr, "v1", "{\"name\": \"西风村\"}"), FZ_E_ARGUMENT, "kind");
  EXPECT_FZ_ERR(fz_patch(db_, "org_unit", nullptr, "{\"name\": \"西风村\"}"), FZ_E_ARGUMENT,
                "key");
  EXPECT_FZ_ERR(fz_patch(db_, "org_unit", "v1", nullptr), FZ_E_ARGUMENT, "patch_json");
  EXPECT_FZ_ERR(fz_patch(db_, "no_such_kind", "v1", "{\"name\": \"西风村\"}"), FZ_E_ARGUMENT,
                "no_such_kind");
  EXPECT_FZ_ERR(fz_patch(db_, "org_unit", "nowhere", "{\"name\": \"西风村\"}"), FZ_E_NOT_FOUND,
                "nowhere");
  EXPECT_FZ_ERR(fz_patch(db_, "org_unit", "99999999999999999999", "{\"name\": \"西风村\"}"),
                FZ_E_NOT_FOUND, "99999999999999999999");
  for (const std::string& bad : bad_utf8()) {
    SCOPED_TRACE(printable(bad));
    EXPECT_FZ_ERR(fz_patch(db_, bad.c_str(), "v1", "{\"name\": \"西风村\"}"), FZ_E_ARGUMENT,
                  "kind");
    EXPECT_FZ_ERR(fz_patch(db_, "org_unit", bad.c_str(), "{\"name\": \"西风村\"}"),
                  FZ_E_ARGUMENT, "key");
    const std::string patch = "{\"name\": \"" + bad + "\"}";
    EXPECT_FZ_ERR(fz_patch(db_, "org_unit", "v1", patch.c_str()), FZ_E_ARGUMENT, "patch_json");
    const std::string patch_ext = "{\"ext\": {\"" + bad + "\": 1}}";
    EXPECT_FZ_ERR(fz_patch(db_, "org_unit", "v1", patch_ext.c_str()), FZ_E_ARGUMENT,
                  "patch_json");
  }
  struct Case {
    const char* patch;
    fz_status code;
    const char* mention;
  };
  const Case cases[] = {
      {"", FZ_E_ARGUMENT, "patch_json"},
      {"{", FZ_E_ARGUMENT, "patch_json"},
      {"{\"name\": }", FZ_E_ARGUMENT, "patch_json"},
      {"[]", FZ_E_ARGUMENT, "patch_json"},
      {"[{\"name\": \"西风村\"}]", FZ_E_ARGUMENT, "patch_json"},
      {"\"西风村\"", FZ_E_ARGUMENT, "patch_json"},
      {"null", FZ_E_ARGUMENT, "patch_json"},
      {"{\"colour\": \"red\"}", FZ_E_ARGUMENT, "colour"},
      {"{\"name\": \"西风村\", \"colour\": \"red\"}", FZ_E_ARGUMENT, "colour"},
      {"{\"name\": 5}", FZ_E_ARGUMENT, "name"},
      {"{\"name\": null}", FZ_E_ARGUMENT, "name"},
      {"{\"kind\": null}", FZ_E_ARGUMENT, "kind"},
      {"{\"kind\": \"city\"}", FZ_E_ARGUMENT, "kind"},
      {"{\"parent\": \"nowhere\"}", FZ_E_ARGUMENT, "parent"},
      {"{\"parent\": 9223372036854775807}", FZ_E_ARGUMENT, "parent"},
      {"{\"parent\": -5}", FZ_E_ARGUMENT, "parent"},
      {"{\"parent\": \"v1\"}", FZ_E_RULE, "parent"},
      {"{\"parent\": null}", FZ_E_RULE, "parent"},
      {"{\"active_from\": \"2020-13-01\"}", FZ_E_ARGUMENT, "active_from"},
      {"{\"active_to\": \"2019-12-31\"}", FZ_E_ARGUMENT, "active_to"},
      {"{\"requires_adviser\": \"no\"}", FZ_E_ARGUMENT, "requires_adviser"},
      {"{\"ext\": \"text\"}", FZ_E_ARGUMENT, "ext"},
      {"{\"code\": \"v2\"}", FZ_E_ARGUMENT, "key"},
      {"{\"key\": \"v2\"}", FZ_E_ARGUMENT, "key"},
      {"{\"id\": 999}", FZ_E_ARGUMENT, "id"},
      {"{\"record\": \"decision\"}", FZ_E_ARGUMENT, "record"},
      // A good field beside a bad one: the good one is not applied either.
      {"{\"name\": \"西风村\", \"kind\": \"city\"}", FZ_E_ARGUMENT, "kind"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.patch);
    EXPECT_FZ_ERR(fz_patch(db_, "org_unit", "v1", c.patch), c.code, c.mention);
  }
  // The root cannot be moved below its own child.
  EXPECT_FZ_ERR(fz_patch(db_, "org_unit", "root", "{\"parent\": \"v1\"}"), FZ_E_RULE, "parent");
  expect_unchanged();
}

// ---------------------------------------------------------------------------
// fz_list

TEST_F(Abi, ListRefusesBadQueries) {
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_list(db_, nullptr, nullptr, &out), FZ_E_ARGUMENT, "kind");
  EXPECT_FZ_ERR(fz_list(db_, "org_unit", nullptr, nullptr), FZ_E_ARGUMENT, "out_json");
  EXPECT_FZ_ERR(fz_list(db_, "nope", nullptr, &out), FZ_E_ARGUMENT, "nope");
  for (const std::string& bad : bad_utf8()) {
    SCOPED_TRACE(printable(bad));
    EXPECT_FZ_ERR(fz_list(db_, bad.c_str(), nullptr, &out), FZ_E_ARGUMENT, "kind");
    const std::string q = "{\"unit\": \"" + bad + "\"}";
    EXPECT_FZ_ERR(fz_list(db_, "org_unit", q.c_str(), &out), FZ_E_ARGUMENT, "query_json");
  }
  struct Case {
    const char* query;
    fz_status code;
    const char* mention;
  };
  const Case cases[] = {
      {"{", FZ_E_ARGUMENT, "query_json"},
      {"{\"unit\": \"root\",}", FZ_E_ARGUMENT, "query_json"},
      {"[]", FZ_E_ARGUMENT, "query_json"},
      {"[{\"unit\": \"root\"}]", FZ_E_ARGUMENT, "query_json"},
      {"5", FZ_E_ARGUMENT, "query_json"},
      {"\"root\"", FZ_E_ARGUMENT, "query_json"},
      {"{\"colour\": 1}", FZ_E_ARGUMENT, "colour"},
      {"{\"limit\": -1}", FZ_E_ARGUMENT, "limit"},
      {"{\"limit\": -9223372036854775808}", FZ_E_ARGUMENT, "limit"},
      {"{\"limit\": 18446744073709551615}", FZ_E_ARGUMENT, "limit"},
      {"{\"limit\": 1e300}", FZ_E_ARGUMENT, "limit"},
      {"{\"limit\": 1.5}", FZ_E_ARGUMENT, "limit"},
      {"{\"limit\": \"10\"}", FZ_E_ARGUMENT, "limit"},
      {"{\"offset\": -5}", FZ_E_ARGUMENT, "offset"},
      {"{\"offset\": null}", FZ_E_ARGUMENT, "offset"},
      {"{\"subtree\": true}", FZ_E_ARGUMENT, "subtree"},
      {"{\"unit\": \"root\", \"subtree\": \"yes\"}", FZ_E_ARGUMENT, "subtree"},
      {"{\"unit\": 5}", FZ_E_ARGUMENT, "unit"},
      {"{\"unit\": [\"root\"]}", FZ_E_ARGUMENT, "unit"},
      {"{\"unit\": \"nowhere\"}", FZ_E_NOT_FOUND, "nowhere"},
      {"{\"unit\": \"nowhere\", \"subtree\": true}", FZ_E_NOT_FOUND, "nowhere"},
      {"{\"where\": []}", FZ_E_ARGUMENT, "where"},
      {"{\"where\": \"kind = village\"}", FZ_E_ARGUMENT, "where"},
      {"{\"where\": {\"colour\": 1}}", FZ_E_ARGUMENT, "colour"},
      {"{\"where\": {\"kind\": \"city\"}}", FZ_E_ARGUMENT, "kind"},
      {"{\"where\": {\"kind\": 5}}", FZ_E_ARGUMENT, "kind"},
      {"{\"where\": {\"ext\": {}}}", FZ_E_ARGUMENT, "ext"},
      {"{\"where\": {\"active_from\": \"2020-02-30\"}}", FZ_E_ARGUMENT, "active_from"},
      {"{\"period\": \"2022\"}", FZ_E_ARGUMENT, "period"},
      {"{\"period\": 2022}", FZ_E_ARGUMENT, "period"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    EXPECT_FZ_ERR(fz_list(db_, "org_unit", c.query, &out), c.code, c.mention);
  }
  EXPECT_EQ(out, kSentinel);
  expect_unchanged();

  // The edges that are fine: a huge limit, an offset past the end.
  out = nullptr;
  ASSERT_FZ_OK(fz_list(db_, "org_unit", "{\"limit\": 9223372036854775807}", &out));
  EXPECT_EQ(json::parse(take(out)).at("items").size(), 2u);
  out = nullptr;
  ASSERT_FZ_OK(fz_list(db_, "org_unit", "{\"offset\": 9223372036854775807}", &out));
  json page = json::parse(take(out));
  EXPECT_EQ(page.at("items").size(), 0u);
  EXPECT_EQ(page.at("total"), 2);
}

// ---------------------------------------------------------------------------
// fz_act (org_unit has no actions in this release)

TEST_F(Abi, ActRefusesBadArgumentsAndLeavesOutJsonAlone) {
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_act(db_, nullptr, "v1", "close", "{}", &out), FZ_E_ARGUMENT, "kind");
  EXPECT_FZ_ERR(fz_act(db_, "org_unit", nullptr, "close", "{}", &out), FZ_E_ARGUMENT, "key");
  EXPECT_FZ_ERR(fz_act(db_, "org_unit", "v1", nullptr, "{}", &out), FZ_E_ARGUMENT, "action");
  EXPECT_FZ_ERR(fz_act(db_, "nope", "v1", "close", "{}", &out), FZ_E_ARGUMENT, "nope");
  EXPECT_FZ_ERR(fz_act(db_, "org_unit", "v1", "close", "{}", &out), FZ_E_ARGUMENT, "close");
  EXPECT_FZ_ERR(fz_act(db_, "org_unit", "v1", "", nullptr, &out), FZ_E_ARGUMENT, "action");
  EXPECT_FZ_ERR(fz_act(db_, "org_unit", "v1", "close", "{}", nullptr), FZ_E_ARGUMENT, "close");
  EXPECT_FZ_ERR(fz_act(db_, "org_unit", "v1", "close", "{", &out), FZ_E_ARGUMENT, "args_json");
  EXPECT_FZ_ERR(fz_act(db_, "org_unit", "v1", "close", "[]", &out), FZ_E_ARGUMENT, "args_json");
  EXPECT_FZ_ERR(fz_act(db_, "org_unit", "v1", "close", "\"x\"", &out), FZ_E_ARGUMENT,
                "args_json");
  EXPECT_FZ_ERR(fz_act(db_, "org_unit", "v1", "close", "{\"actor\": 5}", &out), FZ_E_ARGUMENT,
                "actor");
  EXPECT_FZ_ERR(fz_act(db_, "org_unit", "v1", "close", "{\"actor\": \"\"}", &out),
                FZ_E_ARGUMENT, "actor");
  for (const std::string& bad : bad_utf8()) {
    SCOPED_TRACE(printable(bad));
    EXPECT_FZ_ERR(fz_act(db_, bad.c_str(), "v1", "close", "{}", &out), FZ_E_ARGUMENT, "kind");
    EXPECT_FZ_ERR(fz_act(db_, "org_unit", bad.c_str(), "close", "{}", &out), FZ_E_ARGUMENT,
                  "key");
    EXPECT_FZ_ERR(fz_act(db_, "org_unit", "v1", bad.c_str(), "{}", &out), FZ_E_ARGUMENT,
                  "action");
    const std::string args = "{\"reason\": \"" + bad + "\"}";
    EXPECT_FZ_ERR(fz_act(db_, "org_unit", "v1", "close", args.c_str(), &out), FZ_E_ARGUMENT,
                  "args_json");
  }
  EXPECT_EQ(out, kSentinel);
  expect_unchanged();
}

// ---------------------------------------------------------------------------
// fz_journal_verify

TEST_F(Abi, JournalVerifyRefusesNullOut) {
  EXPECT_FZ_ERR(fz_journal_verify(db_, nullptr), FZ_E_ARGUMENT, "out_json");
  json v = verify(db_);
  EXPECT_EQ(v.at("ok"), true);
  EXPECT_EQ(v.at("entries"), 2);
  EXPECT_TRUE(v.at("first_bad").is_null());
}

// ---------------------------------------------------------------------------
// fz_journal_verify_with, fz_journal_head

TEST_F(Abi, JournalVerifyWithRefusesBadOptionsByNameAndLeavesOutJsonAlone) {
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_journal_verify_with(nullptr, nullptr, &out), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_journal_verify_with(db_, nullptr, nullptr), FZ_E_ARGUMENT, "out_json");
  EXPECT_FZ_ERR(fz_journal_verify_with(db_, "[]", &out), FZ_E_ARGUMENT, "options_json");
  EXPECT_FZ_ERR(fz_journal_verify_with(db_, "{\"knd\": \"org_unit\"}", &out), FZ_E_ARGUMENT, "knd");
  EXPECT_FZ_ERR(fz_journal_verify_with(db_, "{\"kind\": 3}", &out), FZ_E_ARGUMENT, "kind");
  EXPECT_FZ_ERR(fz_journal_verify_with(db_, "{\"kind\": \"nope\"}", &out), FZ_E_ARGUMENT,
                "unknown kind 'nope'");
  EXPECT_FZ_ERR(fz_journal_verify_with(db_, "{\"unit\": \"nowhere\"}", &out), FZ_E_NOT_FOUND,
                "nowhere");
  EXPECT_FZ_ERR(fz_journal_verify_with(db_, "{\"kind\": \"adviser\", \"unit\": \"root\"}", &out),
                FZ_E_ARGUMENT, "adviser records do not belong to a unit");
  EXPECT_FZ_ERR(fz_journal_verify_with(db_, "{\"records\": false, \"kind\": \"org_unit\"}", &out),
                FZ_E_ARGUMENT, "kind");
  EXPECT_FZ_ERR(fz_journal_verify_with(db_, "{\"head\": {\"seq\": 1}}", &out), FZ_E_ARGUMENT,
                "head.hash");
  EXPECT_FZ_ERR(fz_journal_verify_with(db_, "{\"head\": {\"seq\": 1, \"hash\": \"ABC\"}}", &out),
                FZ_E_ARGUMENT, "head.hash");
  EXPECT_FZ_ERR(fz_journal_verify_with(db_, "{\"head\": {\"seq\": -1, \"hash\": \"00\"}}", &out),
                FZ_E_ARGUMENT, "seq");
  EXPECT_EQ(out, kSentinel);
  expect_unchanged();
}

TEST_F(Abi, JournalHeadIsTheHeadVerifyProvesOnTheChain) {
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_journal_head(nullptr, &out), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_journal_head(db_, nullptr), FZ_E_ARGUMENT, "out_json");
  EXPECT_EQ(out, kSentinel);
  ASSERT_FZ_OK(fz_journal_head(db_, &out));
  const json head = json::parse(out);
  fz_free(out);
  EXPECT_EQ(head.at("seq"), 2);
  EXPECT_EQ(head.at("hash").get<std::string>().size(), 64u);

  const std::string options = json{{"head", head}}.dump();
  out = nullptr;
  ASSERT_FZ_OK(fz_journal_verify_with(db_, options.c_str(), &out));
  const json v = json::parse(out);
  fz_free(out);
  EXPECT_EQ(v.at("ok"), true);
  EXPECT_EQ(v.at("head"), head);
  EXPECT_EQ(v.at("anchor").at("ok"), true);
  EXPECT_EQ(v.at("records").at("checked"), 2);
  EXPECT_EQ(v.at("checkpoints").at("checked"), false);
}

// ---------------------------------------------------------------------------
// A key is a key (issue 19): a key written with digits is never taken for an
// id, in any entry point that takes a key.

// Two petitions of the root unit: "p1" (id 1) and "p2" (id 2).
class AbiKeys : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FZ_OK(fz_open(":memory:", nullptr, &db_));
    ASSERT_FZ_OK(fz_put(db_, "org_unit", kRoot, nullptr));
    std::int64_t id = 0;
    ASSERT_FZ_OK(fz_put(db_, "petition", petition("p1", "旧事项一").c_str(), &id));
    ASSERT_EQ(id, 1);
    ASSERT_FZ_OK(fz_put(db_, "petition", petition("p2", "旧事项二").c_str(), &id));
    ASSERT_EQ(id, 2);
  }
  void TearDown() override { EXPECT_EQ(fz_close(db_), FZ_OK); }

  static std::string petition(const std::string& key, const std::string& subject) {
    return json{{"key", key}, {"unit", "root"}, {"received", "2022-03-01"}, {"subject", subject}}
        .dump();
  }
  json get(const std::string& key) {
    char* out = nullptr;
    EXPECT_EQ(fz_get(db_, "petition", key.c_str(), &out), FZ_OK) << key << ": " << fz_last_error();
    return out ? json::parse(take(out)) : json();
  }

  fz_db* db_ = nullptr;
};

// The reproducer: a new petition with key "1" overwrote the petition with id 1.
TEST_F(AbiKeys, PutOfANewKeyMadeOfDigitsInsertsAndLeavesTheRecordWithThatIdAlone) {
  std::int64_t id = 0;
  ASSERT_FZ_OK(fz_put(db_, "petition", petition("1", "新事项").c_str(), &id));
  EXPECT_EQ(id, 3);
  EXPECT_EQ(get("p1")["subject"], "旧事项一");
  EXPECT_EQ(get("p1")["id"], 1);
  EXPECT_EQ(get("1")["subject"], "新事项");
  EXPECT_EQ(get("1")["id"], 3);
  char* out = nullptr;
  ASSERT_FZ_OK(fz_list(db_, "petition", nullptr, &out));
  EXPECT_EQ(json::parse(take(out))["total"], 3);
}

TEST_F(AbiKeys, ImportOfKeysThreeTwoOneIntoAnEmptyDatabaseStoresThree) {
  fz_db* db = nullptr;
  ASSERT_FZ_OK(fz_open(":memory:", nullptr, &db));
  ASSERT_FZ_OK(fz_put(db, "org_unit", kRoot, nullptr));
  std::string ndjson;
  for (const char* key : {"3", "2", "1"})
    ndjson += "{\"record\": \"petition\", \"key\": \"" + std::string(key) +
              "\", \"unit\": \"root\", \"received\": \"2022-03-01\", \"subject\": \"事项" + key +
              "\"}\n";
  char* out = nullptr;
  ASSERT_FZ_OK(fz_import(db, ndjson.data(), ndjson.size(), nullptr, &out));
  const json summary = json::parse(take(out));
  EXPECT_EQ(summary["inserted"], 3) << summary.dump();
  EXPECT_EQ(summary["updated"], 0) << summary.dump();
  for (const char* key : {"3", "2", "1"}) {
    out = nullptr;
    ASSERT_FZ_OK(fz_get(db, "petition", key, &out));
    EXPECT_EQ(json::parse(take(out))["subject"], std::string("事项") + key);
  }
  ASSERT_FZ_OK(fz_close(db));
}

// Keys that look like numbers, in every entry point that takes a key: before
// a record has that key, the call is FZ_E_NOT_FOUND naming the key (also when
// a record has that id); afterwards it reaches that record and no other.
TEST_F(AbiKeys, KeysThatLookLikeNumbersAreKeysInEveryEntryPoint) {
  const std::string before_p1 = get("p1").dump(), before_p2 = get("p2").dump();
  for (const char* key : {"1", "2", "007", "1e3", "-1", "99", "0x1", "+1", "1.0"}) {
    SCOPED_TRACE(key);
    const std::string no_such = std::string("no petition with key '") + key + "'";
    char* out = kSentinel;
    EXPECT_FZ_ERR(fz_get(db_, "petition", key, &out), FZ_E_NOT_FOUND, no_such);
    EXPECT_FZ_ERR(fz_patch(db_, "petition", key, "{\"subject\": \"改\"}"), FZ_E_NOT_FOUND, no_such);
    EXPECT_FZ_ERR(fz_act(db_, "petition", key, "accept", "{\"date\": \"2022-03-02\"}", &out),
                  FZ_E_NOT_FOUND, no_such);
    EXPECT_FZ_ERR(fz_history(db_, "petition", key, &out), FZ_E_NOT_FOUND, no_such);
    EXPECT_FZ_ERR(fz_history_text(db_, "petition", key, "markdown", &out), FZ_E_NOT_FOUND,
                  no_such);
    const std::string action = std::string("{\"record\": \"petition\", \"key\": \"") + key +
                               "\", \"action\": \"accept\", \"date\": \"2022-03-02\"}\n";
    ASSERT_FZ_OK(fz_import(db_, action.data(), action.size(), nullptr, &out));
    const json summary = json::parse(take(out));
    EXPECT_EQ(summary["rejected"], 1) << summary.dump();
    EXPECT_EQ(summary.at("errors").at(0).at("message"), no_such) << summary.dump();
    EXPECT_EQ(get("p1").dump(), before_p1);
    EXPECT_EQ(get("p2").dump(), before_p2);

    // Now a record has that key: every entry point reaches it.
    std::int64_t id = 0;
    ASSERT_FZ_OK(fz_put(db_, "petition", petition(key, "原").c_str(), &id));
    EXPECT_GT(id, 2);
    ASSERT_FZ_OK(fz_patch(db_, "petition", key, "{\"subject\": \"改\"}"));
    out = nullptr;
    ASSERT_FZ_OK(fz_act(db_, "petition", key, "accept", "{\"date\": \"2022-03-02\"}", &out));
    EXPECT_EQ(json::parse(take(out))["accepted"], "2022-03-02");
    out = nullptr;
    ASSERT_FZ_OK(fz_history(db_, "petition", key, &out));
    const json history = json::parse(take(out));
    EXPECT_EQ(history["key"], key);
    EXPECT_EQ(history["id"], id);
    EXPECT_EQ(history["entries"].size(), 3u);
    const json got = get(key);
    EXPECT_EQ(got["id"], id);
    EXPECT_EQ(got["subject"], "改");
    EXPECT_EQ(get("p1").dump(), before_p1);
    EXPECT_EQ(get("p2").dump(), before_p2);
  }
}

// An id is accepted where it is asked for explicitly: "id" in fz_put's record
// (which must exist and agree with "key"), in fz_list's query, and a
// reference given as an integer (given as a string, a reference is a key).
TEST_F(AbiKeys, AnIdIsUsedOnlyWhereItIsAskedForExplicitly) {
  std::int64_t id = 4242;
  EXPECT_FZ_ERR(fz_put(db_, "petition",
                       "{\"key\": \"p9\", \"unit\": \"1\", \"received\": \"2022-03-01\"}", &id),
                FZ_E_ARGUMENT, "unit: no org_unit with key '1'");
  EXPECT_EQ(id, 4242);
  ASSERT_FZ_OK(fz_put(db_, "petition", "{\"key\": \"p9\", \"unit\": 1, \"received\": \"2022-03-01\"}",
                      &id));
  EXPECT_EQ(get("p9")["unit"], "root");

  ASSERT_FZ_OK(fz_put(db_, "petition",
                      "{\"id\": 2, \"unit\": \"root\", \"received\": \"2022-03-01\", "
                      "\"subject\": \"经 id 修改\"}",
                      &id));
  EXPECT_EQ(id, 2);
  EXPECT_EQ(get("p2")["subject"], "经 id 修改");
  ASSERT_FZ_OK(fz_put(db_, "petition",
                      "{\"id\": 2, \"key\": \"p2\", \"unit\": \"root\", \"received\": "
                      "\"2022-03-01\", \"subject\": \"二\"}",
                      &id));
  EXPECT_EQ(get("p2")["subject"], "二");

  id = 4242;
  EXPECT_FZ_ERR(fz_put(db_, "petition",
                       "{\"id\": 1, \"key\": \"1\", \"unit\": \"root\", \"received\": "
                       "\"2022-03-01\"}",
                       &id),
                FZ_E_ARGUMENT, "id: petition 1 has the key 'p1', not '1'");
  EXPECT_FZ_ERR(fz_put(db_, "petition",
                       "{\"id\": 99, \"unit\": \"root\", \"received\": \"2022-03-01\"}", &id),
                FZ_E_ARGUMENT, "id: no petition with id 99");
  EXPECT_FZ_ERR(fz_put(db_, "petition",
                       "{\"id\": \"1\", \"unit\": \"root\", \"received\": \"2022-03-01\"}", &id),
                FZ_E_ARGUMENT, "id: expected an integer");
  EXPECT_EQ(id, 4242);
  EXPECT_EQ(get("p1")["subject"], "旧事项一");

  char* out = nullptr;
  ASSERT_FZ_OK(fz_list(db_, "petition", "{\"id\": 1}", &out));
  json listed = json::parse(take(out));
  EXPECT_EQ(listed["total"], 1);
  EXPECT_EQ(listed["items"][0]["key"], "p1");
  out = nullptr;
  ASSERT_FZ_OK(fz_list(db_, "petition", "{\"id\": 99}", &out));
  EXPECT_EQ(json::parse(take(out))["total"], 0);
  out = kSentinel;
  EXPECT_FZ_ERR(fz_list(db_, "petition", "{\"id\": \"1\"}", &out), FZ_E_ARGUMENT,
                "id: expected an integer");
  EXPECT_EQ(out, kSentinel);
}

}  // namespace
