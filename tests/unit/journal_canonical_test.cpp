// dump_stored_change, the journal check's fast way to the text a stored
// change hashes as: for every change it vouches for, byte for byte what
// decoding the change into a document and dumping it gives (the slow way,
// which every other reader uses); anything odd it leaves to the slow way.
#include "bounded_json.hpp"
#include "store/journal.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

using fazhi::store::dump_stored_change;
using json = nlohmann::json;

namespace {

// The names journal_name would hold, by code (some not ASCII, one with a
// quote and a control character, which a name edited by hand could hold).
const std::map<std::int64_t, std::string>& names() {
  static const std::map<std::int64_t, std::string> n = {
      {1, "title"},       {2, "status"},   {3, "amount"},       {4, "parties"},
      {5, "ext"},         {6, "from"},     {7, "案由"},         {8, "当事人"},
      {9, "a\"b\\c\x01"}, {10, "Z"},       {11, "z"},           {12, "_"},
      {13, "title2"},     {14, "titl"},    {15, "\xf0\x9f\x98\x80"}, {16, ""},
      {123456789, "far"}, {17, "notes"},   {18, "x"},           {19, "y"}};
  return n;
}

const std::string* name_of(std::int64_t code) {
  auto it = names().find(code);
  return it == names().end() ? nullptr : &it->second;
}

// The change as the journal stores it: the top object's keys as codes.
std::string encode(const json& change) {
  std::string out;
  if (!change.is_object()) {
    json::to_msgpack(change, out);
    return out;
  }
  std::map<std::string, std::int64_t> code;
  for (const auto& [c, n] : names()) code[n] = c;
  const std::size_t n = change.size();
  if (n < 16) {
    out += static_cast<char>(0x80 | n);
  } else {
    out += static_cast<char>(0xde);
    out += static_cast<char>(n >> 8);
    out += static_cast<char>(n & 0xff);
  }
  for (auto it = change.begin(); it != change.end(); ++it) {
    const std::string digits = std::to_string(code.at(it.key()));
    out += static_cast<char>(0xa0 | digits.size());
    out += digits;
    json::to_msgpack(it.value(), out);
  }
  return out;
}

// The slow way: decode (bounded, as the journal reads), the codes to their
// names, dump. Empty optional when it gives no text (unreadable, unknown
// code, text that is not UTF-8).
std::optional<std::string> slow(const std::string& stored) {
  json coded = fazhi::read_stored_msgpack(stored);
  if (coded.is_discarded()) return std::nullopt;
  json change = coded;
  if (coded.is_object()) {
    change = json::object();
    for (auto it = coded.begin(); it != coded.end(); ++it) {
      const std::string& digits = it.key();
      if (digits.empty() || digits.size() >= 19 || digits[0] == '0') return std::nullopt;
      std::int64_t code = 0;
      for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        code = code * 10 + (c - '0');
      }
      const std::string* name = name_of(code);
      if (!name) return std::nullopt;
      change[*name] = it.value();
    }
  }
  try {
    return change.dump();
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

std::optional<std::string> fast(const std::string& stored) {
  std::string out;
  if (!dump_stored_change(stored, name_of, out)) return std::nullopt;
  return out;
}

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  std::string text() {
    static const std::vector<std::string> pieces = {
        "a", "Z", "0", " ", "\"", "\\", "/", "\b", "\t", "\n", "\f", "\r", std::string(1, '\0'),
        "\x01", "\x1f", "\x7f", "案", "件", "号", "é", "\xf0\x9f\x98\x80", "\xe2\x80\xa8",
        "\xef\xbb\xbf", "\xc2\x80", "\xf4\x8f\xbf\xbf", "{", "}", ":", ",", "[", "u00"};
    std::string s;
    const int n = pick(3) == 0 ? pick(40) : pick(8);
    for (int i = 0; i < n; ++i) s += pieces[static_cast<std::size_t>(pick(static_cast<int>(pieces.size())))];
    return s;
  }

  json scalar() {
    switch (pick(14)) {
      case 0: return nullptr;
      case 1: return true;
      case 2: return false;
      case 3: return pick(200) - 100;
      case 4: return std::numeric_limits<std::int64_t>::min();
      case 5: return std::numeric_limits<std::int64_t>::max();
      case 6: return std::numeric_limits<std::uint64_t>::max();
      case 7: return static_cast<std::int64_t>(rng_());
      case 8: return -static_cast<std::int64_t>(rng_() >> 1) * 65537;
      case 9: {
        static const double doubles[] = {0.0, -0.0, 0.1, 1.5, -2.25, 1e300, -1e-300, 3.141592653589793,
                                         123456789.125, 1e21, 5e-324};
        return doubles[pick(11)];
      }
      case 10: return static_cast<double>(pick(1000)) / 7.0;
      default: return text();
    }
  }

  json value(int depth) {
    if (depth >= 5 || pick(3) != 0) return scalar();
    if (pick(2) == 0) {
      json a = json::array();
      const int n = pick(5);
      for (int i = 0; i < n; ++i) a.push_back(value(depth + 1));
      return a;
    }
    json o = json::object();
    const int n = pick(5);
    for (int i = 0; i < n; ++i) o[pick(2) ? text() : "k" + std::to_string(pick(20))] = value(depth + 1);
    return o;
  }

  json change() {
    json c = json::object();
    const int n = pick(4) == 0 ? pick(20) : pick(6);
    for (int i = 0; i < n; ++i) {
      auto it = names().begin();
      std::advance(it, pick(static_cast<int>(names().size())));
      c[it->second] = value(1);
    }
    return c;
  }

  std::mt19937& rng() { return rng_; }

 private:
  std::mt19937 rng_;
};

}  // namespace

TEST(JournalCanonical, GeneratedChangesGiveTheSlowWaysBytes) {
  Generator g(20261129);
  int vouched = 0;
  for (int i = 0; i < 20000; ++i) {
    // (now and then a change that is no object: an array of anything)
    const json change = g.pick(20) == 0 ? json::array({g.value(0)}) : g.change();
    const std::string stored = encode(change);
    const std::optional<std::string> s = slow(stored);
    const std::optional<std::string> f = fast(stored);
    ASSERT_TRUE(s.has_value()) << change.dump();
    EXPECT_EQ(*s, change.dump());
    if (f) {
      ++vouched;
      ASSERT_EQ(*f, *s) << "change " << i;
    } else {
      // Only a nested object whose keys nlohmann wrote in order, which they
      // always are, or a double's text: the fast way vouches for all of these.
      ADD_FAILURE() << "not vouched for: " << change.dump();
    }
  }
  EXPECT_EQ(vouched, 20000);
}

TEST(JournalCanonical, DamagedBytesAreVouchedForOnlyWhenTheSlowWayAgrees) {
  Generator g(7);
  for (int i = 0; i < 20000; ++i) {
    std::string stored = encode(g.change());
    if (stored.empty()) continue;
    switch (g.pick(4)) {
      case 0: stored[static_cast<std::size_t>(g.pick(static_cast<int>(stored.size())))] =
                  static_cast<char>(g.pick(256));
        break;
      case 1: stored.resize(static_cast<std::size_t>(g.pick(static_cast<int>(stored.size()))));
        break;
      case 2: stored += static_cast<char>(g.pick(256));
        break;
      default: stored.insert(static_cast<std::size_t>(g.pick(static_cast<int>(stored.size()))), 1,
                             static_cast<char>(g.pick(256)));
    }
    const std::optional<std::string> f = fast(stored);
    if (!f) continue;  // the slow way decides
    const std::optional<std::string> s = slow(stored);
    ASSERT_TRUE(s.has_value()) << "vouched for what the slow way cannot read, case " << i;
    ASSERT_EQ(*f, *s) << "case " << i;
  }
}

TEST(JournalCanonical, WhatItLeavesToTheSlowWay) {
  auto bytes = [](std::initializer_list<int> b) {
    std::string s;
    for (int c : b) s += static_cast<char>(c);
    return s;
  };
  // A code journal_name does not hold; a key that is no code.
  EXPECT_FALSE(fast(bytes({0x81, 0xa2, '9', '9', 0xc0})));
  EXPECT_FALSE(fast(bytes({0x81, 0xa2, '0', '1', 0xc0})));
  EXPECT_FALSE(fast(bytes({0x81, 0xa1, 'a', 0xc0})));
  EXPECT_FALSE(fast(bytes({0x81, 0x01, 0xc0})));
  // The same code twice.
  EXPECT_FALSE(fast(bytes({0x82, 0xa1, '1', 0xc0, 0xa1, '1', 0xc3})));
  // Nested keys out of order, or repeated.
  EXPECT_FALSE(fast(bytes({0x81, 0xa1, '1', 0x82, 0xa1, 'b', 0xc0, 0xa1, 'a', 0xc0})));
  EXPECT_FALSE(fast(bytes({0x81, 0xa1, '1', 0x82, 0xa1, 'a', 0xc0, 0xa1, 'a', 0xc0})));
  // bin, ext, the unused byte.
  EXPECT_FALSE(fast(bytes({0x81, 0xa1, '1', 0xc4, 0x01, 'x'})));
  EXPECT_FALSE(fast(bytes({0x81, 0xa1, '1', 0xd4, 0x01, 'x'})));
  EXPECT_FALSE(fast(bytes({0x81, 0xa1, '1', 0xc1})));
  // Text that is not UTF-8: a lone continuation, an overlong form, a surrogate,
  // beyond U+10FFFF, cut short.
  EXPECT_FALSE(fast(bytes({0x81, 0xa1, '1', 0xa1, 0x80})));
  EXPECT_FALSE(fast(bytes({0x81, 0xa1, '1', 0xa2, 0xc0, 0xaf})));
  EXPECT_FALSE(fast(bytes({0x81, 0xa1, '1', 0xa3, 0xed, 0xa0, 0x80})));
  EXPECT_FALSE(fast(bytes({0x81, 0xa1, '1', 0xa4, 0xf4, 0x90, 0x80, 0x80})));
  EXPECT_FALSE(fast(bytes({0x81, 0xa1, '1', 0xa2, 0xe6, 0xa1})));
  // Bytes left over, bytes missing, nothing at all.
  EXPECT_FALSE(fast(bytes({0x81, 0xa1, '1', 0xc0, 0xc0})));
  EXPECT_FALSE(fast(bytes({0x82, 0xa1, '1', 0xc0})));
  EXPECT_FALSE(fast(bytes({0x81, 0xa1, '1', 0xcd, 0x01})));
  EXPECT_FALSE(fast(""));
  // Nesting deeper than the fast way goes (the slow way still reads it).
  std::string deep = bytes({0x81, 0xa1, '1'});
  for (int i = 0; i < 40; ++i) deep += static_cast<char>(0x91);
  deep += static_cast<char>(0xc0);
  EXPECT_FALSE(fast(deep));
  EXPECT_TRUE(slow(deep).has_value());
  // A huge count with nothing behind it is refused at once.
  EXPECT_FALSE(fast(bytes({0x81, 0xa1, '1', 0xdd, 0xff, 0xff, 0xff, 0xff})));
  EXPECT_FALSE(fast(bytes({0xdf, 0xff, 0xff, 0xff, 0xff})));
}

TEST(JournalCanonical, EveryMessagePackFormNlohmannReads) {
  auto bytes = [](std::initializer_list<int> b) {
    std::string s;
    for (int c : b) s += static_cast<char>(c);
    return s;
  };
  const std::vector<std::string> cases = {
      bytes({0x80}),                                              // {}
      bytes({0x90}),                                              // []
      bytes({0x81, 0xa1, '1', 0xcc, 0xff}),                       // uint8
      bytes({0x81, 0xa1, '1', 0xcd, 0xff, 0xff}),                 // uint16
      bytes({0x81, 0xa1, '1', 0xce, 0xff, 0xff, 0xff, 0xff}),     // uint32
      bytes({0x81, 0xa1, '1', 0xd0, 0x80}),                       // int8
      bytes({0x81, 0xa1, '1', 0xd0, 0x05}),                       // int8, positive
      bytes({0x81, 0xa1, '1', 0xd1, 0x80, 0x00}),                 // int16
      bytes({0x81, 0xa1, '1', 0xd2, 0x80, 0x00, 0x00, 0x00}),     // int32
      bytes({0x81, 0xa1, '1', 0xd3, 0x80, 0, 0, 0, 0, 0, 0, 0}),  // int64
      bytes({0x81, 0xa1, '1', 0xca, 0x3f, 0xc0, 0x00, 0x00}),     // float32 1.5
      bytes({0x81, 0xa1, '1', 0xca, 0x3d, 0xcc, 0xcc, 0xcd}),     // float32 0.1
      bytes({0x81, 0xa1, '1', 0xca, 0x7f, 0xc0, 0x00, 0x00}),     // float32 NaN
      bytes({0x81, 0xa1, '1', 0xcb, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0}),  // float64 inf
      bytes({0x81, 0xa1, '1', 0xd9, 0x01, 'x'}),                  // str8
      bytes({0x81, 0xa1, '1', 0xda, 0x00, 0x01, 'x'}),            // str16
      bytes({0x81, 0xa1, '1', 0xdb, 0x00, 0x00, 0x00, 0x01, 'x'}),  // str32
      bytes({0x81, 0xa1, '1', 0xdc, 0x00, 0x01, 0xc2}),           // array16
      bytes({0x81, 0xa1, '1', 0xdd, 0x00, 0x00, 0x00, 0x01, 0xc3}),  // array32
      bytes({0x81, 0xa1, '1', 0xde, 0x00, 0x01, 0xa1, 'k', 0xc0}),   // map16
      bytes({0x81, 0xa1, '1', 0xdf, 0x00, 0x00, 0x00, 0x01, 0xd9, 0x01, 'k', 0xff}),  // map32, str8 key
      bytes({0xde, 0x00, 0x02, 0xa1, '7', 0xc0, 0xa1, '2', 0xe0}),  // top map16, names reordered
      bytes({0xdf, 0x00, 0x00, 0x00, 0x01, 0xa1, '9', 0x7f}),        // top map32, name with escapes
      bytes({0x81, 0xa2, '1', '6', 0xc0}),                        // the empty name
      bytes({0x81, 0xa9, '1', '2', '3', '4', '5', '6', '7', '8', '9', 0xc0}),
      bytes({0xa3, 'a', 0x00, 0x7f}),                             // a string, not an object
      bytes({0xc0}),
  };
  for (const std::string& c : cases) {
    const std::optional<std::string> s = slow(c);
    const std::optional<std::string> f = fast(c);
    ASSERT_TRUE(s.has_value());
    ASSERT_TRUE(f.has_value()) << *s;
    EXPECT_EQ(*f, *s);
  }
}
