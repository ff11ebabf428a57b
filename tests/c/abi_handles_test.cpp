// abi_handles — handles and opening: every function refuses a NULL handle,
// fz_close(NULL) is fine, fz_open refuses bad arguments and files that are not
// (current) fazhi databases and leaves them as they were, a read-only handle
// refuses every write, and a path is a file name unless {"uri": true}.
//
// Links libfazhi.so only, through fazhi.h; helpers in abi_support.hpp.
#include "abi_support.hpp"

#include <fazhi/fazhi.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

using namespace abi_test;

// ---------------------------------------------------------------------------
// NULL handle: every function that takes one.

TEST_F(Abi, NullDbIsArgumentErrorForEveryFunction) {
  char* out = kSentinel;
  std::int64_t id = 4242;
  std::int32_t n = 4242;
  char date[16];
  std::memset(date, 'Z', sizeof date);
  fz_value v{1.25, 2.5, 3.75, 7, 11};

  EXPECT_FZ_ERR(fz_put(nullptr, "org_unit", kVillage, &id), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_get(nullptr, "org_unit", "v1", &out), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_patch(nullptr, "org_unit", "v1", "{\"name\": \"x\"}"), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_list(nullptr, "org_unit", nullptr, &out), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_act(nullptr, "org_unit", "v1", "close", "{}", &out), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_import(nullptr, "", 0, nullptr, &out), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_import_file(nullptr, "/nonexistent.ndjson", nullptr, &out), FZ_E_ARGUMENT,
                "db");
  EXPECT_FZ_ERR(fz_export_file(nullptr, "/tmp/fazhi-never-written.ndjson", nullptr),
                FZ_E_ARGUMENT, "db");
  EXPECT_FALSE(exists("/tmp/fazhi-never-written.ndjson"));
  EXPECT_FZ_ERR(fz_begin(nullptr), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_bulk_begin(nullptr), FZ_E_ARGUMENT, "db");
  std::int64_t built = -7;
  EXPECT_FZ_ERR(fz_bulk_end(nullptr, &built), FZ_E_ARGUMENT, "db");
  EXPECT_EQ(built, -7);
  EXPECT_FZ_ERR(fz_commit(nullptr), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_rollback(nullptr), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_indicator(nullptr, "x", "root", "2022", nullptr, &v), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_indicators(nullptr, nullptr, &out), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_explain(nullptr, "x", "root", "2022", nullptr, &out), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_define_indicator(nullptr, "{\"code\": \"custom.x\"}"), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_findings(nullptr, nullptr, &out), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_report(nullptr, "root", 2022, "markdown", nullptr, &out), FZ_E_ARGUMENT,
                "db");
  EXPECT_FZ_ERR(fz_journal_verify(nullptr, &out), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_history(nullptr, "org_unit", "v1", &out), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_calendar_load(nullptr, "2030-01-01,off,元旦,2030",
                                std::strlen("2030-01-01,off,元旦,2030")),
                FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_calendar_is_working_day(nullptr, "2024-02-04", &n), FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_calendar_add_working_days(nullptr, "2023-09-28", 1, date), FZ_E_ARGUMENT,
                "db");
  EXPECT_FZ_ERR(fz_calendar_working_days_between(nullptr, "2023-01-01", "2023-02-01", &n),
                FZ_E_ARGUMENT, "db");
  EXPECT_FZ_ERR(fz_labels(nullptr, "kinds", &out), FZ_E_ARGUMENT, "db");

  EXPECT_EQ(out, kSentinel);
  EXPECT_EQ(id, 4242);
  EXPECT_EQ(n, 4242);
  for (char c : date) EXPECT_EQ(c, 'Z');
  EXPECT_EQ(v.value, 1.25);
  EXPECT_EQ(v.numerator, 2.5);
  EXPECT_EQ(v.denominator, 3.75);
  EXPECT_EQ(v.status, 7);
  EXPECT_EQ(v.reserved, 11);
  expect_unchanged();
}

TEST(AbiHandle, CloseNullIsOk) {
  EXPECT_EQ(fz_close(nullptr), FZ_OK);
  EXPECT_STREQ(fz_last_error(), "");
  fz_free(nullptr);  // a no-op, no crash
}

// ---------------------------------------------------------------------------
// fz_open: argument errors (the file-level errors are further below).

TEST(AbiOpen, ArgumentErrorsLeaveOutDbAndTheDiskAlone) {
  TempDir dir;
  const std::string path = dir.file("never.fazhi");
  fz_db* const sentinel_db = reinterpret_cast<fz_db*>(0x1);
  fz_db* db = sentinel_db;

  EXPECT_FZ_ERR(fz_open(nullptr, nullptr, &db), FZ_E_ARGUMENT, "path");
  EXPECT_FZ_ERR(fz_open(path.c_str(), nullptr, nullptr), FZ_E_ARGUMENT, "out_db");
  EXPECT_FZ_ERR(fz_open("", nullptr, &db), FZ_E_ARGUMENT, "path");
  for (const std::string& bad : bad_utf8()) {
    SCOPED_TRACE(printable(bad));
    const std::string bad_path = dir.file(bad);
    EXPECT_FZ_ERR(fz_open(bad_path.c_str(), nullptr, &db), FZ_E_ARGUMENT, "path");
    EXPECT_FALSE(exists(bad_path));
    const std::string options = "{\"actor\": \"" + bad + "\"}";
    EXPECT_FZ_ERR(fz_open(path.c_str(), options.c_str(), &db), FZ_E_ARGUMENT, "options_json");
  }

  struct Case {
    const char* options;
    const char* mention;
  };
  const Case cases[] = {
      {"{", "options_json"},
      {"not json", "options_json"},
      {"{\"create\": true,}", "options_json"},
      {"{\"create\": true} {}", "options_json"},
      {"[]", "options_json"},
      {"[{\"create\": true}]", "options_json"},
      {"42", "options_json"},
      {"\"create\"", "options_json"},
      {"true", "options_json"},
      {"{\"colour\": \"red\"}", "colour"},
      {"{\"Create\": true}", "Create"},
      {"{\"create\": \"yes\"}", "create"},
      {"{\"create\": 1}", "create"},
      {"{\"read_only\": null}", "read_only"},
      {"{\"busy_timeout_ms\": -1}", "busy_timeout_ms"},
      {"{\"busy_timeout_ms\": -9223372036854775808}", "busy_timeout_ms"},
      {"{\"busy_timeout_ms\": 9223372036854775807}", "busy_timeout_ms"},
      {"{\"busy_timeout_ms\": 18446744073709551615}", "busy_timeout_ms"},
      {"{\"busy_timeout_ms\": 2147483648}", "busy_timeout_ms"},
      {"{\"busy_timeout_ms\": 1e300}", "busy_timeout_ms"},
      {"{\"busy_timeout_ms\": 1.5}", "busy_timeout_ms"},
      {"{\"busy_timeout_ms\": \"5000\"}", "busy_timeout_ms"},
      {"{\"actor\": \"\"}", "actor"},
      {"{\"actor\": 7}", "actor"},
      {"{\"mode\": \"lenient\"}", "mode"},
      {"{\"mode\": \"STRICT\"}", "mode"},
      {"{\"mode\": 0}", "mode"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.options);
    EXPECT_FZ_ERR(fz_open(path.c_str(), c.options, &db), FZ_E_ARGUMENT, c.mention);
    EXPECT_FZ_ERR(fz_open(":memory:", c.options, &db), FZ_E_ARGUMENT, c.mention);
    EXPECT_FALSE(exists(path)) << "a refused fz_open created the file";
  }
  EXPECT_EQ(db, sentinel_db);
  EXPECT_TRUE(fs::is_empty(dir.path())) << "a refused fz_open left files behind";
}

// ---------------------------------------------------------------------------
// Opening files that are not (current) fazhi databases

// Garbage, a text file, another application's SQLite file and a newer fazhi's file are
// refused (FZ_E_CORRUPT, FZ_E_VERSION) with a message naming the file or version, and
// out_db is left alone.
TEST(AbiOpen, FileErrors) {
  TempDir dir;
  fz_db* const sentinel_db = reinterpret_cast<fz_db*>(0x1);
  fz_db* db = sentinel_db;

  // Random garbage bytes.
  const std::string garbage = dir.file("garbage.db");
  {
    std::string bytes(8192, '\0');
    std::uint32_t x = 0x9e3779b9u;
    for (char& c : bytes) {
      x = x * 1664525u + 1013904223u;
      c = static_cast<char>(x >> 24);
    }
    bytes[0] = 'G';  // never "SQLite format 3"
    std::ofstream(garbage, std::ios::binary) << bytes;
  }
  const std::string garbage_bytes = read_bytes(garbage);
  ASSERT_EQ(garbage_bytes.size(), 8192u);
  EXPECT_FZ_ERR(fz_open(garbage.c_str(), nullptr, &db), FZ_E_CORRUPT, "garbage.db");
  EXPECT_FZ_ERR(fz_open(garbage.c_str(), "{\"read_only\": true}", &db), FZ_E_CORRUPT,
                "garbage.db");
  EXPECT_FZ_ERR(fz_open(garbage.c_str(), "{\"create\": false}", &db), FZ_E_CORRUPT,
                "garbage.db");
  EXPECT_EQ(read_bytes(garbage), garbage_bytes) << "fz_open changed a file it refused";

  // A text file.
  const std::string text = dir.file("notes.txt");
  std::ofstream(text) << "这不是数据库。\nThis is not a database, but it is long enough to "
                         "fill the first hundred bytes of a SQLite header: 0123456789.\n";
  EXPECT_FZ_ERR(fz_open(text.c_str(), nullptr, &db), FZ_E_CORRUPT, "notes.txt");

  // Another application's SQLite database.
  const std::string foreign = dir.file("foreign.sqlite");
  sqlite_exec(foreign,
              "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL);"
              "INSERT INTO invoices (amount) VALUES (12.5), (99.0);");
  EXPECT_FZ_ERR(fz_open(foreign.c_str(), nullptr, &db), FZ_E_CORRUPT, "not a fazhi database");
  EXPECT_FZ_ERR(fz_open(foreign.c_str(), "{\"read_only\": true}", &db), FZ_E_CORRUPT,
                "not a fazhi database");
  EXPECT_EQ(sqlite_text(foreign, "SELECT name FROM sqlite_schema ORDER BY name"), "invoices;")
      << "fz_open added tables to a foreign database";
  EXPECT_EQ(sqlite_text(foreign, "SELECT count(*) FROM invoices"), "2;");
  EXPECT_EQ(sqlite_text(foreign, "PRAGMA user_version"), "0;");
  EXPECT_EQ(sqlite_text(foreign, "PRAGMA application_id"), "0;");

  // An empty SQLite file stamped by another application.
  const std::string stamped = dir.file("stamped.sqlite");
  sqlite_exec(stamped, "PRAGMA application_id = 1234567;");
  EXPECT_FZ_ERR(fz_open(stamped.c_str(), nullptr, &db), FZ_E_CORRUPT, "not a fazhi database");
  EXPECT_EQ(sqlite_text(stamped, "SELECT count(*) FROM sqlite_schema"), "0;");

  // A fazhi file from a newer fazhi.
  const std::string future = dir.file("future.fazhi");
  ASSERT_FZ_OK(fz_open(future.c_str(), nullptr, &db));
  ASSERT_FZ_OK(fz_put(db, "org_unit", kRoot, nullptr));
  ASSERT_FZ_OK(fz_close(db));
  db = sentinel_db;
  sqlite_exec(future, "PRAGMA user_version = 999;");
  EXPECT_FZ_ERR(fz_open(future.c_str(), nullptr, &db), FZ_E_VERSION, "999");
  EXPECT_FZ_ERR(fz_open(future.c_str(), "{\"read_only\": true}", &db), FZ_E_VERSION, "999");
  EXPECT_FZ_ERR(fz_open(future.c_str(), "{\"create\": false}", &db), FZ_E_VERSION, "999");
  EXPECT_EQ(sqlite_text(future, "PRAGMA user_version"), "999;") << "fz_open downgraded it";
  EXPECT_EQ(sqlite_text(future, "SELECT key FROM org_unit"), "root;");

  // Missing directory, missing file without create, read-only missing file,
  // a directory as the path.
  const std::string in_missing = dir.file("no-such-dir/x.fazhi");
  EXPECT_FZ_ERR(fz_open(in_missing.c_str(), nullptr, &db), FZ_E_IO, "x.fazhi");
  EXPECT_FALSE(exists(dir.file("no-such-dir")));
  const std::string missing = dir.file("missing.fazhi");
  EXPECT_FZ_ERR(fz_open(missing.c_str(), "{\"create\": false}", &db), FZ_E_IO, "missing.fazhi");
  EXPECT_FZ_ERR(fz_open(missing.c_str(), "{\"read_only\": true}", &db), FZ_E_IO,
                "missing.fazhi");
  EXPECT_FALSE(exists(missing)) << "create: false created the file";
  EXPECT_FZ_ERR(fz_open(dir.path().c_str(), nullptr, &db), FZ_E_IO, dir.path().string());

  // An unknown option is an argument error, and nothing is created.
  EXPECT_FZ_ERR(fz_open(missing.c_str(), "{\"journal\": \"off\"}", &db), FZ_E_ARGUMENT,
                "journal");
  EXPECT_FALSE(exists(missing));

  EXPECT_EQ(db, sentinel_db);
}

// ---------------------------------------------------------------------------
// Read-only handles

TEST(AbiReadOnly, RefusesEveryWriteAndChangesNothing) {
  TempDir dir;
  const std::string path = dir.file("ro.fazhi");
  fz_db* db = nullptr;
  ASSERT_FZ_OK(fz_open(path.c_str(), nullptr, &db));
  ASSERT_FZ_OK(fz_put(db, "org_unit", kRoot, nullptr));
  ASSERT_FZ_OK(fz_put(db, "org_unit", kVillage, nullptr));
  const std::string before = snapshot(db);
  ASSERT_FZ_OK(fz_close(db));

  ASSERT_FZ_OK(fz_open(path.c_str(), "{\"read_only\": true}", &db));
  EXPECT_EQ(snapshot(db), before);

  const auto refused = [](fz_status st, const char* what) {
    EXPECT_NE(st, FZ_OK) << what << " succeeded on a read-only handle";
    EXPECT_STRNE(fz_last_error(), "") << what;
  };
  std::int64_t id = 4242;
  refused(fz_put(db, "org_unit",
                 "{\"code\": \"v2\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": "
                 "\"root\"}",
                 &id),
          "fz_put");
  EXPECT_EQ(id, 4242);
  refused(fz_put(db, "org_unit",
                 "{\"code\": \"v1\", \"name\": \"西风村\", \"kind\": \"village\", \"parent\": "
                 "\"root\"}",
                 &id),
          "fz_put (update)");
  EXPECT_EQ(id, 4242);
  refused(fz_patch(db, "org_unit", "v1", "{\"name\": \"西风村\"}"), "fz_patch");
  const std::string ndjson =
      "{\"record\": \"org_unit\", \"code\": \"v3\", \"name\": \"新村\", \"kind\": \"village\", "
      "\"parent\": \"root\"}\n";
  char* out = kSentinel;
  refused(fz_import(db, ndjson.data(), ndjson.size(), nullptr, &out), "fz_import");
  EXPECT_EQ(out, kSentinel);
  const std::string file = dir.file("in.ndjson");
  std::ofstream(file) << ndjson;
  refused(fz_import_file(db, file.c_str(), nullptr, &out), "fz_import_file");
  EXPECT_EQ(out, kSentinel);
  refused(fz_begin(db), "fz_begin");
  const std::string csv = "2030-01-01,off,元旦,2030\n";
  refused(fz_calendar_load(db, csv.data(), csv.size()), "fz_calendar_load");

  // Reads work.
  out = nullptr;
  ASSERT_FZ_OK(fz_get(db, "org_unit", "v1", &out));
  EXPECT_NE(take(out).find("东风村"), std::string::npos);
  const std::string exported = dir.file("out.ndjson");
  ASSERT_FZ_OK(fz_export_file(db, exported.c_str(), nullptr));
  EXPECT_NE(read_bytes(exported).find("东风村"), std::string::npos);
  EXPECT_EQ(snapshot(db), before);
  ASSERT_FZ_OK(fz_close(db));

  ASSERT_FZ_OK(fz_open(path.c_str(), nullptr, &db));
  EXPECT_EQ(snapshot(db), before) << "a read-only handle changed the file";
  ASSERT_FZ_OK(fz_close(db));
}

// ---------------------------------------------------------------------------
// fz_open takes a path as a file name, unless {"uri": true}.

class CurrentDirectory {
 public:
  explicit CurrentDirectory(const fs::path& dir) : saved_(fs::current_path()) { fs::current_path(dir); }
  ~CurrentDirectory() { fs::current_path(saved_); }

 private:
  fs::path saved_;
};

TEST(AbiOpen, APathStartingWithFileIsAFileNameNotAUri) {
  TempDir dir;
  CurrentDirectory here(dir.path());
  for (const char* name : {"file:x.db?mode=ro", "file:y.db?immutable=1",
                           "file:shared?mode=memory&cache=shared"}) {
    SCOPED_TRACE(name);
    fz_db* db = nullptr;
    ASSERT_FZ_OK(fz_open(name, nullptr, &db));
    EXPECT_EQ(fz_put(db, "org_unit", kRoot, nullptr), FZ_OK) << fz_last_error();
    ASSERT_FZ_OK(fz_close(db));
    EXPECT_TRUE(fs::is_regular_file(dir.path() / name)) << "no file named " << name;
    // The data is in that file: another handle sees it.
    ASSERT_FZ_OK(fz_open(name, "{\"create\": false}", &db));
    EXPECT_EQ(unit_total(db), 1);
    ASSERT_FZ_OK(fz_close(db));
  }
  EXPECT_FALSE(exists(dir.file("x.db")));
  EXPECT_FALSE(exists(dir.file("y.db")));
  EXPECT_FALSE(exists(dir.file("shared")));
}

TEST(AbiOpen, TheUriOptionOpensAnSqliteUri) {
  TempDir dir;
  CurrentDirectory here(dir.path());
  fz_db* db = nullptr;
  ASSERT_FZ_OK(fz_open("file:x.db?mode=rwc", "{\"uri\": true}", &db));
  ASSERT_FZ_OK(fz_put(db, "org_unit", kRoot, nullptr));
  ASSERT_FZ_OK(fz_close(db));
  EXPECT_TRUE(fs::is_regular_file(dir.file("x.db")));
  ASSERT_FZ_OK(fz_open("file:x.db?mode=ro", "{\"uri\": true}", &db));
  EXPECT_EQ(unit_total(db), 1);
  EXPECT_FZ_ERR(fz_put(db, "org_unit", kVillage, nullptr), FZ_E_IO, "readonly");
  ASSERT_FZ_OK(fz_close(db));
  EXPECT_FZ_ERR(fz_open("file:x.db", "{\"uri\": 1}", &db), FZ_E_ARGUMENT, "uri");
}

}  // namespace
