// abi_support.hpp — shared helpers of the C ABI tests (tests/c/abi_*_test.cpp
// and abi_contract.cpp). Like the tests, they reach libfazhi.so only through
// fazhi.h; SQLite is used directly only to forge foreign and future database
// files.
//
// The tests call every entry point of fazhi.h the way a careless or hostile
// host would, and for each failing call check the contract of fazhi.h:
//   * the status is the documented code,
//   * fz_last_error() is non-empty, UTF-8, and names the argument or field,
//   * out-parameters are untouched (sentinels survive),
//   * the database is unchanged (journal, records, calendar).
#pragma once

#include <fazhi/fazhi.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace abi_test {

namespace fs = std::filesystem;
using json = nlohmann::json;

// A pointer no allocator returns: an out-parameter still holding it was not written.
extern char* const kSentinel;

// The root unit "root" (a zone committee), as fz_put's record_json.
extern const char* const kRoot;

// Village "v1" below "root", active from 2020-01-01, with an ext field.
extern const char* const kVillage;

// Invalid UTF-8 of six sorts, each after valid Chinese text (see abi_support.cpp).
const std::vector<std::string>& bad_utf8();

// `s` with bytes outside printable ASCII written as \xNN, for failure messages.
std::string printable(const std::string& s);

// The text of a string fazhi returned (empty for NULL), freed with fz_free.
std::string take(char* s);

// Whether `s` is well-formed UTF-8: no overlongs, surrogates or values past U+10FFFF.
bool is_utf8(const std::string& s);

// Checks one failing call: its status is `code`, and fz_last_error() is
// non-empty, UTF-8 and mentions `mention`. Reads fz_last_error() before
// anything else calls fazhi.
#define EXPECT_FZ_ERR(call, code, mention)                                               \
  do {                                                                                   \
    const fz_status st_ = (call);                                                        \
    const std::string msg_ = fz_last_error();                                            \
    EXPECT_EQ(st_, (code)) << #call << "\n  last error: " << msg_;                       \
    EXPECT_FALSE(msg_.empty()) << #call << ": fz_last_error() is empty after a failure"; \
    EXPECT_TRUE(::abi_test::is_utf8(msg_))                                               \
        << #call << ": fz_last_error() is not UTF-8: " << ::abi_test::printable(msg_);   \
    EXPECT_NE(msg_.find(mention), std::string::npos)                                     \
        << #call << "\n  message \"" << msg_ << "\" does not mention \"" << (mention)    \
        << "\"";                                                                         \
  } while (0)

// Asserts that a call returns FZ_OK, reporting fz_last_error() when not.
#define ASSERT_FZ_OK(call)                                                   \
  do {                                                                       \
    const fz_status st_ = (call);                                            \
    ASSERT_EQ(st_, FZ_OK) << #call << "\n  last error: " << fz_last_error(); \
  } while (0)

// A fresh directory under testing::TempDir(), removed with its contents at the end.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // The path of `name` inside the directory.
  std::string file(const std::string& name) const;
  // The directory itself.
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// fz_journal_verify's report, parsed (the call is expected to succeed).
json verify(fz_db* db);

// The number of journal entries fz_journal_verify counts.
std::int64_t journal_entries(fz_db* db);

// The number of org_unit records fz_list counts.
std::int64_t unit_total(fz_db* db);

// As text, what a failed call must leave alone: journal, org_units, calendar answers.
std::string snapshot(fz_db* db);

// Whether `path` exists (false when it cannot be told).
bool exists(const std::string& path);

// The bytes of a file (empty when it cannot be read).
std::string read_bytes(const std::string& path);

// Runs SQL on a file directly through SQLite (to forge files); asserts it succeeds.
void sqlite_exec(const std::string& path, const std::string& sql);

// What `sql` returns, read directly through SQLite: each row's first column and ';'.
std::string sqlite_text(const std::string& path, const std::string& sql);

// Fixture: an in-memory database holding kRoot and kVillage; closed after the test.
class Abi : public testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Expects the database to be as SetUp left it (same snapshot()).
  void expect_unchanged() const;

  fz_db* db_ = nullptr;
  std::string before_;
};

}  // namespace abi_test
