// abi_text_input — text in records is text: a C0 control character other
// than tab, line feed and carriage return (NUL above all, which ends a C
// string early) is refused in every text of a record, by fz_put, fz_patch,
// fz_act and NDJSON lines alike, naming the field, the character and its
// offset, and nothing changes. "ext", the host's own, is kept verbatim.
//
// Links libfazhi.so only, through fazhi.h; helpers in abi_support.hpp.
#include "abi_support.hpp"

#include <fazhi/fazhi.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <string>

namespace {

using namespace abi_test;

// A village whose name is `name` (given as a JSON string body, escapes allowed).
std::string village(const std::string& code, const std::string& name) {
  return "{\"code\": \"" + code + "\", \"name\": \"" + name +
         "\", \"kind\": \"village\", \"parent\": \"root\"}";
}

// Each C0 control character in a text field is refused by name, character
// and offset, as JSON escapes (the only way JSON carries them); tab, line
// feed and carriage return are text, stored and given back as they were.
TEST_F(Abi, EveryC0ControlCharacterButTabAndLineEndsIsRefusedInAText) {
  for (int c = 0; c < 0x20; ++c) {
    char escape[8];
    std::snprintf(escape, sizeof escape, "\\u%04x", c);
    SCOPED_TRACE(escape);
    const std::string record = village("c" + std::to_string(c), std::string("东风") + escape + "村");
    if (c == '\t' || c == '\n' || c == '\r') {
      ASSERT_FZ_OK(fz_put(db_, "org_unit", record.c_str(), nullptr));
      char* out = nullptr;
      ASSERT_FZ_OK(fz_get(db_, "org_unit", ("c" + std::to_string(c)).c_str(), &out));
      EXPECT_EQ(json::parse(take(out)).at("name"), std::string("东风") + static_cast<char>(c) + "村");
      continue;
    }
    char code[8];
    std::snprintf(code, sizeof code, "U+%04X", c);
    std::int64_t id = 4242;
    EXPECT_FZ_ERR(fz_put(db_, "org_unit", record.c_str(), &id), FZ_E_ARGUMENT,
                  std::string("name: control character ") + code + " at offset 6");
    EXPECT_EQ(id, 4242);
  }
  EXPECT_EQ(unit_total(db_), 2 + 3);  // root, v1 and the three with tab, LF, CR
}

// A NUL in fz_put stores nothing, in fz_patch leaves the record as it was.
TEST_F(Abi, NulInATextChangesNothing) {
  EXPECT_FZ_ERR(fz_put(db_, "org_unit", village("nul", "东风\\u0000村").c_str(), nullptr),
                FZ_E_ARGUMENT, "name: control character U+0000 at offset 6");
  char* out = nullptr;
  EXPECT_EQ(fz_get(db_, "org_unit", "nul", &out), FZ_E_NOT_FOUND);
  EXPECT_FZ_ERR(fz_patch(db_, "org_unit", "v1", "{\"name\": \"东风\\u0000\"}"), FZ_E_ARGUMENT,
                "name: control character U+0000 at offset 6");
  ASSERT_FZ_OK(fz_get(db_, "org_unit", "v1", &out));
  EXPECT_EQ(json::parse(take(out)).at("name"), "东风村");
  expect_unchanged();
}

// An action's text arguments pass the same check: the action is not applied.
TEST_F(Abi, NulInAnActionsTextIsRefused) {
  ASSERT_FZ_OK(fz_put(db_, "petition",
                      "{\"key\": \"p1\", \"unit\": \"root\", \"received\": \"2022-03-01\"}",
                      nullptr));
  const std::int64_t entries = journal_entries(db_);
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_act(db_, "petition", "p1", "decline",
                       "{\"date\": \"2022-03-02\", \"reason\": \"不属于\\u0000受理范围\"}", &out),
                FZ_E_ARGUMENT, "reason: control character U+0000 at offset 9");
  EXPECT_EQ(out, kSentinel);
  EXPECT_EQ(journal_entries(db_), entries);
  out = nullptr;
  ASSERT_FZ_OK(fz_get(db_, "petition", "p1", &out));
  EXPECT_FALSE(json::parse(take(out)).contains("declined"));
}

// In NDJSON the line is rejected naming the field, and where in it: an item
// of a list of names, a member of a party; the other lines are imported.
TEST_F(Abi, ControlCharactersInListsAndObjectsRejectTheirLine) {
  const std::string text =
      "{\"record\": \"petition\", \"key\": \"p1\", \"unit\": \"root\", \"received\": "
      "\"2022-03-01\", \"petitioners\": [\"张三\", \"李\\u0007四\"]}\n"
      "{\"record\": \"mediation_case\", \"key\": \"m1\", \"unit\": \"root\", \"received\": "
      "\"2022-03-01\", \"category\": \"other\", \"parties\": [{\"name\": \"王\\u0000五\"}]}\n"
      "{\"record\": \"mediation_case\", \"key\": \"m2\", \"unit\": \"root\", \"received\": "
      "\"2022-03-01\", \"category\": \"other\", \"parties\": [{\"name\": \"王五\"}]}\n";
  char* out = nullptr;
  ASSERT_FZ_OK(fz_import(db_, text.data(), text.size(), nullptr, &out));
  const json summary = json::parse(take(out));
  EXPECT_EQ(summary.at("inserted"), 1) << summary.dump();
  EXPECT_EQ(summary.at("rejected"), 2) << summary.dump();
  ASSERT_EQ(summary.at("errors").size(), 2u) << summary.dump();
  EXPECT_EQ(summary.at("errors").at(0),
            json({{"line", 1},
                  {"field", "petitioners"},
                  {"message", "control character U+0007 at offset 3 of petitioners[1]"},
                  {"status", "argument"}}))
      << summary.dump();
  EXPECT_EQ(summary.at("errors").at(1),
            json({{"line", 2},
                  {"field", "parties"},
                  {"message", "control character U+0000 at offset 3 of parties[0].name"},
                  {"status", "argument"}}))
      << summary.dump();
  for (const char* kind_key : {"petition/p1", "mediation_case/m1"}) {
    const std::string k(kind_key);
    const auto slash = k.find('/');
    out = nullptr;
    EXPECT_EQ(fz_get(db_, k.substr(0, slash).c_str(), k.substr(slash + 1).c_str(), &out),
              FZ_E_NOT_FOUND);
  }
}

// "ext" holds the host's own fields and is kept verbatim, controls included.
TEST_F(Abi, ExtIsKeptVerbatim) {
  ASSERT_FZ_OK(fz_put(db_, "org_unit",
                      "{\"code\": \"v2\", \"name\": \"新村\", \"kind\": \"village\", "
                      "\"parent\": \"root\", \"ext\": {\"raw\": \"a\\u0000b\"}}",
                      nullptr));
  char* out = nullptr;
  ASSERT_FZ_OK(fz_get(db_, "org_unit", "v2", &out));
  EXPECT_EQ(json::parse(take(out)).at("ext").at("raw"), std::string("a\0b", 3));
}

}  // namespace
