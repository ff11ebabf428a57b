// quote_test.cpp — a caller's value inside a message (quote.hpp): kept when
// short, cut with its length stated when long, and always UTF-8, whatever
// bytes the value held, since every message is UTF-8 (error.hpp).
#include "quote.hpp"
#include "utf8.hpp"

#include <gtest/gtest.h>

#include <string>

using fazhi::bounded;
using fazhi::is_valid_utf8;
using fazhi::quote;

namespace {

TEST(Quote, ShortValuesAreKeptAsTheyAre) {
  EXPECT_EQ(quote("p1"), "'p1'");
  EXPECT_EQ(quote(""), "''");
  EXPECT_EQ(bounded("东风村"), "东风村");
}

TEST(Quote, LongValuesAreCutAtACharacterBoundaryWithTheirLength) {
  EXPECT_EQ(quote(std::string(300, 'a')), "'" + std::string(200, 'a') + "…' (300 bytes)");
  // 67 characters of 3 bytes fill 201 bytes: the cut falls inside the 67th.
  std::string chinese;
  for (int i = 0; i < 67; ++i) chinese += "村";
  std::string kept;
  for (int i = 0; i < 66; ++i) kept += "村";
  EXPECT_EQ(bounded(chinese), kept + "… (201 bytes)");
}

// Each sort of byte that is no part of a well-formed character is written
// \xNN; the characters around it are kept.
TEST(Quote, BytesThatAreNotUtf8AreWrittenAsEscapes) {
  const struct {
    std::string value, quoted;
  } cases[] = {
      {"10\xFF\xFE" "90", "'10\\xFF\\xFE90'"},              // bytes that never occur
      {"东风\xE4\xB8", "'东风\\xE4\\xB8'"},                   // a character cut short
      {"东风\xE4\xB8'", "'东风\\xE4\\xB8''"},                 // ... and then a quote
      {"\xC0\xAF", "'\\xC0\\xAF'"},                           // an overlong '/'
      {"\xED\xA0\x80", "'\\xED\\xA0\\x80'"},                  // a surrogate, U+D800
      {"\xF4\x90\x80\x80", "'\\xF4\\x90\\x80\\x80'"},         // past U+10FFFF
      {"东\x80村", "'东\\x80村'"},                            // a lone continuation byte
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.quoted);
    EXPECT_EQ(quote(c.value), c.quoted);
    EXPECT_TRUE(is_valid_utf8(quote(c.value)));
    EXPECT_TRUE(is_valid_utf8(bounded(c.value)));
  }
}

// The bound counts the value's own bytes; the escapes come after the cut.
TEST(Quote, ALongValueIsCutBeforeItsBytesAreEscaped) {
  std::string escaped;
  for (int i = 0; i < 200; ++i) escaped += "\\xFF";
  EXPECT_EQ(quote(std::string(300, '\xFF')), "'" + escaped + "…' (300 bytes)");
  EXPECT_EQ(bounded(std::string(300, '\xFF')), escaped + "… (300 bytes)");
}

}  // namespace
