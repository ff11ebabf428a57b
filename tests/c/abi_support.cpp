// abi_support.cpp — the shared helpers of the C ABI tests; see abi_support.hpp.
#include "abi_support.hpp"

#include <sqlite3.h>
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

// The stable parts of the ABI, checked at compile time.
static_assert(FZ_OK == 0 && FZ_E_ARGUMENT == 1 && FZ_E_NOT_FOUND == 2 && FZ_E_RULE == 3 &&
                  FZ_E_CONFLICT == 4 && FZ_E_BUSY == 5 && FZ_E_IO == 6 && FZ_E_CORRUPT == 7 &&
                  FZ_E_VERSION == 8 && FZ_E_NOMEM == 9 && FZ_E_INTERNAL == 10,
              "status codes are never renumbered");
static_assert(sizeof(fz_status) == 4, "fz_status is int32_t");
static_assert(sizeof(fz_value) == 32 && offsetof(fz_value, value) == 0 &&
                  offsetof(fz_value, numerator) == 8 && offsetof(fz_value, denominator) == 16 &&
                  offsetof(fz_value, status) == 24 && offsetof(fz_value, reserved) == 28,
              "fz_value layout");
static_assert(FZ_VALUE_OK == 0 && FZ_VALUE_NO_DATA == 1, "fz_value.status constants");

namespace abi_test {

char* const kSentinel = reinterpret_cast<char*>(0x1);

const char* const kRoot =
    "{\"code\": \"root\", \"name\": \"高新区管委会\", \"kind\": \"zone_committee\"}";
const char* const kVillage =
    "{\"code\": \"v1\", \"name\": \"东风村\", \"kind\": \"village\", \"parent\": \"root\", "
    "\"active_from\": \"2020-01-01\", \"ext\": {\"门牌\": \"1号\"}}";

// Invalid UTF-8: bytes that never occur, an overlong '/', a UTF-16 surrogate
// (U+D800), a truncated sequence, a code point past U+10FFFF, a lone
// continuation byte. Each follows valid Chinese text so that a validator
// which only looks at the first byte is caught.
const std::vector<std::string>& bad_utf8() {
  static const std::vector<std::string> v = {
      std::string("东风") + "\xff\xfe",
      std::string("东风") + "\xc0\xaf",
      std::string("东风") + "\xed\xa0\x80",
      std::string("东风") + "\xe4\xb8",
      std::string("东风") + "\xf4\x90\x80\x80",
      std::string("东风") + "\x80" + "村",
  };
  return v;
}

// For messages: non-ASCII bytes as \xNN so that a failure report is readable.
std::string printable(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

std::string take(char* s) {
  std::string out = s ? s : "";
  fz_free(s);
  return out;
}

// Whether s is well-formed UTF-8 (no overlongs, surrogates or values past
// U+10FFFF): fz_last_error() promises UTF-8 even when the input was not.
bool is_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n + 1;
  }
  return true;
}

TempDir::TempDir() {
  std::string tmpl = testing::TempDir();
  if (tmpl.empty() || tmpl.back() != '/') tmpl += '/';
  tmpl += "capi-abi-XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (::mkdtemp(buf.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp failed for " << tmpl;
    path_ = fs::temp_directory_path() / "capi-abi-fallback";
    fs::create_directories(path_);
  } else {
    path_ = buf.data();
  }
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::file(const std::string& name) const { return (path_ / name).string(); }

json verify(fz_db* db) {
  char* out = nullptr;
  fz_status st = fz_journal_verify(db, &out);
  EXPECT_EQ(st, FZ_OK) << fz_last_error();
  return json::parse(take(out));
}

std::int64_t journal_entries(fz_db* db) { return verify(db).at("entries").get<std::int64_t>(); }

std::int64_t unit_total(fz_db* db) {
  char* out = nullptr;
  fz_status st = fz_list(db, "org_unit", "{\"limit\": 0}", &out);
  EXPECT_EQ(st, FZ_OK) << fz_last_error();
  return json::parse(take(out)).at("total").get<std::int64_t>();
}

// Everything a failed call must leave alone: the journal, every record, and
// what the calendar answers (including a year no schedule covers).
std::string snapshot(fz_db* db) {
  std::ostringstream s;
  char* out = nullptr;
  fz_status st = fz_journal_verify(db, &out);
  s << "verify " << st << " " << take(out) << "\n";
  out = nullptr;
  st = fz_list(db, "org_unit", nullptr, &out);
  s << "list " << st << " " << take(out) << "\n";
  std::int32_t n = -1;
  st = fz_calendar_working_days_between(db, "2019-01-01", "2026-12-31", &n);
  s << "between " << st << " " << n << "\n";
  std::int32_t w = -1;
  st = fz_calendar_is_working_day(db, "2024-02-04", &w);
  s << "2024-02-04 " << st << " " << w << "\n";
  w = -1;
  st = fz_calendar_is_working_day(db, "2030-01-02", &w);
  s << "2030-01-02 " << st << " " << w << "\n";
  return s.str();
}

bool exists(const std::string& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs SQL on a file directly through SQLite (to forge files).
void sqlite_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
            SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  std::string message = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

std::string sqlite_text(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "<cannot open>";
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(st, 0);
      out += (t ? reinterpret_cast<const char*>(t) : "NULL");
      out += ";";
    }
  } else {
    out = "<error>";
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

void Abi::SetUp() {
  ASSERT_FZ_OK(fz_open(":memory:", nullptr, &db_));
  ASSERT_FZ_OK(fz_put(db_, "org_unit", kRoot, nullptr));
  ASSERT_FZ_OK(fz_put(db_, "org_unit", kVillage, nullptr));
  before_ = snapshot(db_);
  ASSERT_NE(before_.find("\"entries\":2"), std::string::npos) << before_;
}

void Abi::TearDown() { EXPECT_EQ(fz_close(db_), FZ_OK); }

void Abi::expect_unchanged() const {
  std::string now = snapshot(db_);
  EXPECT_EQ(now, before_) << "a failed call changed the database";
}

}  // namespace abi_test
