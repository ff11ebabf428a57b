// The one reader of JSON text (exchange/json_text.hpp over bounded_json.hpp):
// nesting bounded before anything recurses, every key once per object, no
// byte-order mark, and errors that say which of these it was and where.
#include "bounded_json.hpp"
#include "exchange/json_text.hpp"

#include <fazhi/error.hpp>

#include <gtest/gtest.h>

#include <string>

using fazhi::Error;
using fazhi::JsonRefusal;
using fazhi::Status;
using fazhi::exchange::parse_json_text;
using json = nlohmann::json;

namespace {

// The error parse_json_text refuses `text` with, as "<field>|<message>".
std::string refusal(const std::string& text, const std::string& field = "arg") {
  try {
    parse_json_text(text, field);
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::argument);
    return e.field() + "|" + e.what();
  }
  return "(parsed)";
}

// `levels` nested arrays.
std::string nested(std::size_t levels) { return std::string(levels, '[') + std::string(levels, ']'); }

TEST(JsonText, DocumentsAreBuiltAsNlohmannBuildsThem) {
  const std::string text =
      "{\"a\": [1, -2, 3.5, true, null, \"x\"], \"b\": {\"c\": {}, \"d\": []}, \"e\": 18446744073709551615}";
  EXPECT_EQ(parse_json_text(text, "arg"), json::parse(text));
  EXPECT_EQ(parse_json_text("\"only a string\"", "arg"), "only a string");
  EXPECT_EQ(parse_json_text(" 7 ", "arg"), 7);
}

// Sixty-four levels are read, the sixty-fifth refused, whatever follows it.
TEST(JsonText, NestingIsBoundedAtSixtyFourLevels) {
  EXPECT_EQ(parse_json_text(nested(64), "arg").dump(), nested(64));
  EXPECT_EQ(refusal(nested(65)), "arg|arg: JSON is nested deeper than 64 levels");
  EXPECT_EQ(refusal(nested(100000)), "arg|arg: JSON is nested deeper than 64 levels");
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  EXPECT_EQ(refusal(objects), "arg|arg: JSON is nested deeper than 64 levels");
  EXPECT_EQ(refusal(std::string(100000, '[') + "x"), "arg|arg: JSON is nested deeper than 64 levels");
}

// A repeated key is named with the path of its object; with no field (an
// NDJSON line) the key's path is the error's field.
TEST(JsonText, DuplicateKeysAreNamedWithTheirPath) {
  const std::string tail = " (a key may appear once in an object)";
  EXPECT_EQ(refusal("{\"key\": \"a\", \"key\": \"b\"}"), "arg|arg: duplicate key 'key'" + tail);
  EXPECT_EQ(refusal("{\"key\": \"a\", \"key\": \"b\"}", ""), "key|key: duplicate key 'key'" + tail);
  EXPECT_EQ(refusal("{\"a\": [0, {\"b\": {\"c\": 1, \"c\": 1}}]}", ""),
            "a[1].b.c|a[1].b.c: duplicate key 'c' in a[1].b" + tail);
  EXPECT_EQ(refusal("[{}, [{\"x\": 1, \"x\": 2}]]"), "arg|arg: duplicate key 'x' in [1][0]" + tail);
  // The same key in two objects, or keys differing in case, are no repeat.
  EXPECT_NO_THROW(parse_json_text("{\"a\": {\"k\": 1}, \"b\": {\"k\": 1}, \"K\": 1, \"k\": 1}", "arg"));
}

TEST(JsonText, AByteOrderMarkIsRefusedWhereverItIs) {
  const std::string bom = "\xEF\xBB\xBF";
  EXPECT_EQ(refusal(bom + "{}"),
            "arg|arg: starts with a byte-order mark (U+FEFF); one is allowed only at the very "
            "start of an NDJSON input");
  EXPECT_EQ(refusal("[1, " + bom + "2]"),
            "arg|arg: byte-order mark (U+FEFF) at byte 5; one is allowed only at the very start "
            "of an NDJSON input");
  EXPECT_EQ(refusal("{}" + bom).substr(0, 39), "arg|arg: byte-order mark (U+FEFF) at by");
  // Inside a string it is the character U+FEFF, part of the text.
  EXPECT_EQ(parse_json_text("\"a" + bom + "b\"", "arg"), "a" + bom + "b");
}

TEST(JsonText, MalformedJsonKeepsTheParsersMessage) {
  EXPECT_EQ(refusal("{\"a\": }"),
            "arg|arg: not valid JSON: parse error at line 1, column 7: syntax error while parsing value - unexpected '}'; "
            "expected '[', '{', or a literal");
  EXPECT_EQ(refusal("[1e999]").substr(0, 29), "arg|arg: not valid JSON: numb");
  EXPECT_EQ(refusal("{} {}").find("not valid JSON"), 9u);
}

// nlohmann may go on after the token it repeats ("; last read: '...'") with
// what it expected; the token is a caller value all the same, bounded and
// escaped (it may stop inside a character). Only a token followed by nothing,
// or by "expected ':'" (ending in a quote too), was quoted; after "expected
// string literal" it went out whole and raw. Found by
// tests/fuzz/ndjson_import_fuzz: a message that was not UTF-8 made an
// import's summary unwritable, and fz_import fail as a whole (FZ_E_INTERNAL).
TEST(JsonText, TheTokenBeforeWhatWasExpectedIsQuotedLikeAnyValue) {
  EXPECT_EQ(refusal("{\"key: \"湖北\"}"),
            "arg|arg: not valid JSON: parse error at line 1, column 9: syntax error while parsing "
            "object separator - invalid literal; last read: '\"key: \"\\xE6'; expected ':'");
  EXPECT_EQ(refusal("{\"a\": 1, 湖北}"),
            "arg|arg: not valid JSON: parse error at line 1, column 10: syntax error while parsing "
            "object key - invalid literal; last read: '1, \\xE6'; expected string literal");
  const std::string message = refusal("{\"" + std::string(1 << 20, 'x'));
  EXPECT_LT(message.size(), 500u) << message.substr(0, 500);
  EXPECT_NE(message.find("; last read: '\"" + std::string(199, 'x') + "…' (1048577 bytes); "
                         "expected string literal"),
            std::string::npos)
      << message.substr(0, 500);
}

// Documents read back from the file get the same bounds, reported as
// discarded (a damaged entry) rather than thrown.
TEST(StoredJson, DeepOrRepeatedDocumentsAreDiscarded) {
  EXPECT_TRUE(fazhi::read_stored_json(nested(65)).is_discarded());
  EXPECT_TRUE(fazhi::read_stored_json("{\"a\": 1, \"a\": 1}").is_discarded());
  EXPECT_TRUE(fazhi::read_stored_json("{").is_discarded());
  EXPECT_EQ(fazhi::read_stored_json(nested(64)).dump(), nested(64));
  const json doc = {{"a", {1, 2, {{"b", "c"}}}}};
  EXPECT_EQ(fazhi::read_stored_msgpack(
                [&] {
                  const auto bytes = json::to_msgpack(doc);
                  return std::string(bytes.begin(), bytes.end());
                }()),
            doc);
  json deep = json::array();
  for (int i = 0; i < 70; ++i) deep = json::array({deep});
  const auto bytes = json::to_msgpack(deep);
  EXPECT_TRUE(fazhi::read_stored_msgpack(std::string(bytes.begin(), bytes.end())).is_discarded());
  JsonRefusal why;
  EXPECT_TRUE(fazhi::read_bounded_json("{\"x\": [{\"y\": 1, \"y\": 2}]}", why).is_discarded());
  EXPECT_EQ(why.reason, JsonRefusal::Reason::duplicate_key);
  EXPECT_EQ(why.key, "y");
  EXPECT_EQ(why.path, "x[0]");
}

}  // namespace
