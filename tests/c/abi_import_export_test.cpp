// abi_import_export — fz_import, fz_import_file and fz_export_file: bad options
// are refused, bad lines rejected by number, invalid UTF-8 changes nothing, one
// line is bounded (FZ_MAX_LINE_BYTES), and an export never overwrites the open
// database, its -wal or -shm, a directory, a device or a FIFO.
//
// Links libfazhi.so only, through fazhi.h; helpers in abi_support.hpp.
#include "abi_support.hpp"

#include <fazhi/fazhi.h>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace abi_test;

// ---------------------------------------------------------------------------
// fz_import / fz_import_file / fz_export_file

TEST_F(Abi, ImportRefusesBadOptionsAndNullInput) {
  const std::string good =
      "{\"record\": \"org_unit\", \"code\": \"v9\", \"name\": \"新村\", \"kind\": \"village\", "
      "\"parent\": \"root\"}\n";
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_import(db_, nullptr, 5, nullptr, &out), FZ_E_ARGUMENT, "ndjson");
  struct Case {
    const char* options;
    const char* mention;
  };
  const Case cases[] = {
      {"{", "options_json"},
      {"[]", "options_json"},
      {"\"strict\"", "options_json"},
      {"{\"colour\": 1}", "colour"},
      {"{\"batch\": 0}", "batch"},
      {"{\"batch\": -1}", "batch"},
      {"{\"batch\": -9223372036854775808}", "batch"},
      {"{\"batch\": 1.5}", "batch"},
      {"{\"batch\": \"100\"}", "batch"},
      {"{\"mode\": \"lenient\"}", "mode"},
      {"{\"mode\": 1}", "mode"},
      {"{\"actor\": \"\"}", "actor"},
      {"{\"actor\": null}", "actor"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.options);
    EXPECT_FZ_ERR(fz_import(db_, good.data(), good.size(), c.options, &out), FZ_E_ARGUMENT,
                  c.mention);
    EXPECT_FZ_ERR(fz_import(db_, good.data(), good.size(), c.options, nullptr), FZ_E_ARGUMENT,
                  c.mention);
  }
  for (const std::string& bad : bad_utf8()) {
    SCOPED_TRACE(printable(bad));
    const std::string options = "{\"actor\": \"" + bad + "\"}";
    EXPECT_FZ_ERR(fz_import(db_, good.data(), good.size(), options.c_str(), &out),
                  FZ_E_ARGUMENT, "options_json");
  }
  EXPECT_EQ(out, kSentinel);
  expect_unchanged();

  // NULL with length 0 is an empty input, read successfully.
  out = nullptr;
  ASSERT_FZ_OK(fz_import(db_, nullptr, 0, nullptr, &out));
  json summary = json::parse(take(out));
  EXPECT_EQ(summary.at("read"), 0);
  EXPECT_EQ(summary.at("inserted"), 0);
  EXPECT_EQ(summary.at("rejected"), 0);
  expect_unchanged();
}

// fz_bulk_begin / fz_bulk_end: one load per handle; fz_bulk_end is fine
// without one and with a NULL out_built; "bulk" must be a boolean.
TEST_F(Abi, BulkLoadCallsKeepTheirContract) {
  ASSERT_FZ_OK(fz_bulk_begin(db_));
  EXPECT_FZ_ERR(fz_bulk_begin(db_), FZ_E_CONFLICT, "bulk load");
  std::int64_t built = -1;
  ASSERT_FZ_OK(fz_bulk_end(db_, &built));
  EXPECT_EQ(built, 0);  // nothing written: nothing deferred
  ASSERT_FZ_OK(fz_bulk_end(db_, nullptr));
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_import(db_, "", 0, "{\"bulk\": \"yes\"}", &out), FZ_E_ARGUMENT, "bulk");
  EXPECT_EQ(out, kSentinel);
  expect_unchanged();
}

TEST_F(Abi, ImportRejectsEveryBadLineAndChangesNothing) {
  std::vector<std::pair<std::string, std::string>> lines = {
      // line text, the field its error names ("" = the line as a whole)
      {"{", ""},
      {"not json", ""},
      {"[1, 2]", ""},
      {"\"org_unit\"", ""},
      {"{\"code\": \"v9\", \"name\": \"新村\"}", "record"},
      {"{\"record\": 5, \"code\": \"v9\"}", "record"},
      {"{\"record\": \"nope\", \"code\": \"v9\"}", "kind"},
      {"{\"record\": \"org_unit\", \"code\": \"v9\", \"name\": \"新村\", \"kind\": \"city\", "
       "\"parent\": \"root\"}",
       "kind"},
      {"{\"record\": \"org_unit\", \"code\": \"v9\", \"name\": \"新村\", \"kind\": \"village\", "
       "\"parent\": \"nowhere\"}",
       "parent"},
      {"{\"record\": \"org_unit\", \"code\": \"v9\", \"name\": \"新村\", \"kind\": \"village\", "
       "\"parent\": \"root\", \"colour\": 1}",
       "colour"},
      {"{\"record\": \"org_unit\", \"code\": \"v9\", \"name\": \"新村\", \"kind\": \"village\", "
       "\"parent\": 9223372036854775807}",
       "parent"},
      {"{\"record\": \"org_unit\", \"code\": \"v1\", \"name\": \"东风村\", \"kind\": "
       "\"village\", \"parent\": \"v1\"}",
       "parent"},
      {"{\"record\": \"org_unit\", \"key\": \"v1\", \"action\": \"close\"}", "action"},
      {"{\"record\": \"org_unit\", \"action\": \"close\"}", "key"},
      {"{\"record\": \"org_unit\", \"key\": \"v1\", \"action\": 5}", "action"},
  };
  std::string text;
  for (const auto& line : lines) text += line.first + "\n";
  char* out = nullptr;
  ASSERT_FZ_OK(fz_import(db_, text.data(), text.size(), nullptr, &out));
  EXPECT_STREQ(fz_last_error(), "");
  json summary = json::parse(take(out));
  EXPECT_EQ(summary.at("read"), lines.size()) << summary.dump();
  EXPECT_EQ(summary.at("rejected"), lines.size()) << summary.dump();
  EXPECT_EQ(summary.at("inserted"), 0) << summary.dump();
  EXPECT_EQ(summary.at("updated"), 0) << summary.dump();
  EXPECT_EQ(summary.at("actions"), 0) << summary.dump();
  ASSERT_EQ(summary.at("errors").size(), lines.size()) << summary.dump();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const json& e = summary.at("errors").at(i);
    SCOPED_TRACE(e.dump());
    EXPECT_EQ(e.at("line"), i + 1);
    EXPECT_FALSE(e.at("message").get<std::string>().empty());
    if (!lines[i].second.empty()) {
      EXPECT_EQ(e.at("field"), lines[i].second);
    }
  }
  expect_unchanged();
}

// Invalid UTF-8 inside an NDJSON buffer: the input is refused as a whole
// (FZ_E_ARGUMENT, "Strings passed in are UTF-8 ... invalid UTF-8 is refused")
// or the line is rejected and listed; either way nothing changes and the
// summary, when there is one, names the line.
TEST_F(Abi, ImportOfInvalidUtf8ChangesNothing) {
  for (const std::string& bad : bad_utf8()) {
    SCOPED_TRACE(printable(bad));
    const std::string text =
        "{\"record\": \"org_unit\", \"code\": \"v1\", \"name\": \"" + bad +
        "\", \"kind\": \"village\", \"parent\": \"root\"}\n"
        "{\"record\": \"org_unit\", \"code\": \"v9\", \"name\": \"" + bad +
        "\", \"kind\": \"village\", \"parent\": \"root\"}\n";
    char* out = kSentinel;
    fz_status st = fz_import(db_, text.data(), text.size(), nullptr, &out);
    if (st == FZ_OK) {
      json summary = json::parse(take(out));
      EXPECT_EQ(summary.at("rejected"), 2) << summary.dump();
      EXPECT_EQ(summary.at("inserted"), 0) << summary.dump();
      EXPECT_EQ(summary.at("updated"), 0) << summary.dump();
      ASSERT_EQ(summary.at("errors").size(), 2u) << summary.dump();
      EXPECT_EQ(summary.at("errors").at(0).at("line"), 1);
      EXPECT_EQ(summary.at("errors").at(1).at("line"), 2);
      EXPECT_NE(summary.at("errors").at(0).at("message").get<std::string>().find("UTF-8"),
                std::string::npos)
          << summary.dump();
    } else {
      EXPECT_EQ(st, FZ_E_ARGUMENT) << fz_last_error();
      EXPECT_NE(std::string(fz_last_error()).find("UTF-8"), std::string::npos)
          << fz_last_error();
      EXPECT_EQ(out, kSentinel);
    }
  }
  expect_unchanged();
}

TEST_F(Abi, ImportFileAndExportFileRefuseBadArguments) {
  TempDir dir;
  const std::string good_file = dir.file("good.ndjson");
  {
    std::ofstream f(good_file);
    f << "{\"record\": \"org_unit\", \"code\": \"v9\", \"name\": \"新村\", \"kind\": "
         "\"village\", \"parent\": \"root\"}\n";
  }
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_import_file(db_, nullptr, nullptr, &out), FZ_E_ARGUMENT, "path");
  const std::string missing = dir.file("missing.ndjson");
  EXPECT_FZ_ERR(fz_import_file(db_, missing.c_str(), nullptr, &out), FZ_E_IO, missing);
  const std::string in_missing_dir = dir.file("no/such/dir/x.ndjson");
  EXPECT_FZ_ERR(fz_import_file(db_, in_missing_dir.c_str(), nullptr, &out), FZ_E_IO,
                "x.ndjson");
  EXPECT_FZ_ERR(fz_import_file(db_, good_file.c_str(), "{", &out), FZ_E_ARGUMENT,
                "options_json");
  EXPECT_FZ_ERR(fz_import_file(db_, good_file.c_str(), "[]", &out), FZ_E_ARGUMENT,
                "options_json");
  EXPECT_FZ_ERR(fz_import_file(db_, good_file.c_str(), "{\"batch\": 0}", &out), FZ_E_ARGUMENT,
                "batch");
  for (const std::string& bad : bad_utf8()) {
    SCOPED_TRACE(printable(bad));
    const std::string bad_path = dir.file(bad);
    EXPECT_FZ_ERR(fz_import_file(db_, bad_path.c_str(), nullptr, &out), FZ_E_ARGUMENT, "path");
    EXPECT_FZ_ERR(fz_export_file(db_, bad_path.c_str(), nullptr), FZ_E_ARGUMENT, "path");
    EXPECT_FALSE(exists(bad_path));
  }
  EXPECT_EQ(out, kSentinel);

  const std::string target = dir.file("export.ndjson");
  EXPECT_FZ_ERR(fz_export_file(db_, nullptr, nullptr), FZ_E_ARGUMENT, "path");
  EXPECT_FZ_ERR(fz_export_file(db_, in_missing_dir.c_str(), nullptr), FZ_E_IO, "x.ndjson");
  struct Case {
    const char* query;
    fz_status code;
    const char* mention;
  };
  const Case cases[] = {
      {"{", FZ_E_ARGUMENT, "query_json"},
      {"[]", FZ_E_ARGUMENT, "query_json"},
      {"{\"colour\": 1}", FZ_E_ARGUMENT, "colour"},
      {"{\"kinds\": \"org_unit\"}", FZ_E_ARGUMENT, "kinds"},
      {"{\"kinds\": [5]}", FZ_E_ARGUMENT, "kinds"},
      {"{\"kinds\": [\"nope\"]}", FZ_E_ARGUMENT, "nope"},
      {"{\"unit\": \"nowhere\"}", FZ_E_NOT_FOUND, "nowhere"},
      {"{\"unit\": \"nowhere\", \"subtree\": true}", FZ_E_NOT_FOUND, "nowhere"},
      {"{\"subtree\": true}", FZ_E_ARGUMENT, "subtree"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    EXPECT_FZ_ERR(fz_export_file(db_, target.c_str(), c.query), c.code, c.mention);
    EXPECT_FALSE(exists(target)) << "a failed export left " << target;
    EXPECT_FALSE(exists(target + ".tmp")) << "a failed export left its temporary file";
  }
  // A directory in the way of the target: refused, the directory kept.
  const std::string blocked = dir.file("blocked");
  fs::create_directory(blocked);
  EXPECT_FZ_ERR(fz_export_file(db_, blocked.c_str(), nullptr), FZ_E_ARGUMENT,
                "blocked' is a directory, not a regular file");
  EXPECT_TRUE(fs::is_directory(blocked));
  EXPECT_FALSE(exists(blocked + ".tmp"));
  expect_unchanged();

  // And the good paths still work afterwards.
  ASSERT_FZ_OK(fz_export_file(db_, target.c_str(), nullptr));
  EXPECT_NE(read_bytes(target).find("\"key\":\"v1\""), std::string::npos);
  expect_unchanged();
}

// A directory is not a readable NDJSON file.
TEST_F(Abi, ImportFileOfADirectoryIsAnIoError) {
  TempDir dir;
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_import_file(db_, dir.path().c_str(), nullptr, &out), FZ_E_IO,
                dir.path().string());
  EXPECT_EQ(out, kSentinel) << "a summary was returned for a directory";
  if (out != kSentinel) fz_free(out);
  expect_unchanged();
}

// ---------------------------------------------------------------------------
// Exports never destroy (issue 19): the open database, its -wal and -shm,
// a link to it, a directory and a device are refused, nothing is left behind.

class AbiExportTarget : public testing::Test {
 protected:
  void SetUp() override {
    db_path_ = dir_.file("zone.db");
    ASSERT_FZ_OK(fz_open(db_path_.c_str(), nullptr, &db_));
    ASSERT_FZ_OK(fz_put(db_, "org_unit", kRoot, nullptr));
    ASSERT_FZ_OK(fz_put(db_, "org_unit", kVillage, nullptr));
  }
  void TearDown() override {
    if (db_) {
      EXPECT_EQ(fz_close(db_), FZ_OK);
    }
  }

  // The names in the directory, sorted.
  std::set<std::string> listing() const {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_.path())) names.insert(e.path().filename().string());
    return names;
  }

  // The database still opens and holds its records.
  void expect_database_intact() {
    ASSERT_FZ_OK(fz_close(db_));
    db_ = nullptr;
    ASSERT_FZ_OK(fz_open(db_path_.c_str(), nullptr, &db_));
    EXPECT_EQ(journal_entries(db_), 2);
    EXPECT_EQ(unit_total(db_), 2);
    EXPECT_TRUE(verify(db_).at("ok").get<bool>());
  }

  TempDir dir_;
  std::string db_path_;
  fz_db* db_ = nullptr;
};

TEST_F(AbiExportTarget, TheOpenDatabaseIsRefused) {
  const auto files = listing();
  EXPECT_FZ_ERR(fz_export_file(db_, db_path_.c_str(), nullptr), FZ_E_ARGUMENT,
                "path: '" + db_path_ + "' is the open database; it is never overwritten");
  // Another spelling of the same path.
  const std::string dotted = dir_.file("./sub/../zone.db");
  fs::create_directory(dir_.file("sub"));
  EXPECT_FZ_ERR(fz_export_file(db_, dotted.c_str(), nullptr), FZ_E_ARGUMENT, "the open database");
  fs::remove(dir_.file("sub"));
  EXPECT_EQ(listing(), files) << "a refused export left a file";
  expect_database_intact();
}

TEST_F(AbiExportTarget, ItsWalAndShmAreRefused) {
  ASSERT_TRUE(exists(db_path_ + "-wal"));
  ASSERT_TRUE(exists(db_path_ + "-shm"));
  const auto files = listing();
  const std::string wal_bytes = read_bytes(db_path_ + "-wal");
  EXPECT_FZ_ERR(fz_export_file(db_, (db_path_ + "-wal").c_str(), nullptr), FZ_E_ARGUMENT,
                "is the open database's write-ahead log (-wal)");
  EXPECT_FZ_ERR(fz_export_file(db_, (db_path_ + "-shm").c_str(), nullptr), FZ_E_ARGUMENT,
                "is the open database's shared-memory index (-shm)");
  EXPECT_FZ_ERR(fz_export_file(db_, (db_path_ + "-journal").c_str(), nullptr), FZ_E_ARGUMENT,
                "is the open database's rollback journal (-journal)");
  EXPECT_EQ(read_bytes(db_path_ + "-wal"), wal_bytes);
  EXPECT_EQ(listing(), files);
  expect_database_intact();
}

TEST_F(AbiExportTarget, ALinkOrAHardLinkToTheDatabaseIsRefusedAndKept) {
  const std::string link = dir_.file("link.ndjson");
  fs::create_symlink(db_path_, link);
  const std::string hard = dir_.file("hard.ndjson");
  fs::create_hard_link(db_path_, hard);
  const auto files = listing();
  EXPECT_FZ_ERR(fz_export_file(db_, link.c_str(), nullptr), FZ_E_ARGUMENT,
                "'" + link + "' (which leads to '" + db_path_ + "') is the open database");
  EXPECT_TRUE(fs::is_symlink(link)) << "the link was replaced";
  EXPECT_FZ_ERR(fz_export_file(db_, hard.c_str(), nullptr), FZ_E_ARGUMENT, "is the open database");
  EXPECT_EQ(listing(), files);
  expect_database_intact();
}

TEST_F(AbiExportTarget, ADirectoryADeviceAndAFifoAreRefused) {
  const std::string directory = dir_.file("out");
  fs::create_directory(directory);
  const std::string null_link = dir_.file("null.ndjson");  // never the device itself
  fs::create_symlink("/dev/null", null_link);
  const std::string fifo = dir_.file("fifo.ndjson");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const auto files = listing();
  EXPECT_FZ_ERR(fz_export_file(db_, directory.c_str(), nullptr), FZ_E_ARGUMENT,
                "path: '" + directory + "' is a directory, not a regular file");
  EXPECT_FZ_ERR(fz_export_file(db_, null_link.c_str(), nullptr), FZ_E_ARGUMENT,
                "(which leads to '/dev/null') is a character device, not a regular file");
  EXPECT_FZ_ERR(fz_export_file(db_, fifo.c_str(), nullptr), FZ_E_ARGUMENT,
                "is a FIFO, not a regular file");
  EXPECT_TRUE(fs::is_directory(directory));
  EXPECT_TRUE(fs::is_symlink(null_link));
  EXPECT_TRUE(fs::is_fifo(fs::symlink_status(fifo)));
  EXPECT_EQ(listing(), files);
  expect_database_intact();
}

// A link to an export file: the file behind it is replaced, the link kept;
// the replaced file keeps its permissions. A failed export leaves it as it
// was. Nothing else is left: the temporary file was beside the target.
TEST_F(AbiExportTarget, ALinkToAFileIsFollowedAndKept) {
  const std::string real = dir_.file("real.ndjson");
  std::ofstream(real) << "old\n";
  fs::permissions(real, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  const std::string link = dir_.file("link.ndjson");
  fs::create_symlink("real.ndjson", link);
  const auto files = listing();
  EXPECT_FZ_ERR(fz_export_file(db_, link.c_str(), "{\"unit\": \"nowhere\", \"subtree\": true}"),
                FZ_E_NOT_FOUND, "nowhere");
  EXPECT_EQ(read_bytes(real), "old\n");
  EXPECT_EQ(listing(), files);
  ASSERT_FZ_OK(fz_export_file(db_, link.c_str(), nullptr));
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_NE(read_bytes(real).find("\"key\":\"v1\""), std::string::npos);
  EXPECT_EQ(fs::status(real).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(listing(), files);
}

// ---------------------------------------------------------------------------
// fz_import_file streams, with a bound on one line.

TEST_F(Abi, ImportFileOfAnEndlessInputEndsWithAClearError) {
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_import_file(db_, "/dev/zero", nullptr, &out), FZ_E_ARGUMENT,
                "line 1 is longer than 16777216 bytes, the most one NDJSON line may hold");
  EXPECT_EQ(out, kSentinel);
  expect_unchanged();
}

TEST_F(Abi, ALineOverTheBoundStopsTheImportNamingItsNumber) {
  static_assert(FZ_MAX_LINE_BYTES == 16 * 1024 * 1024, "FZ_MAX_LINE_BYTES is 16 MiB");
  TempDir dir;
  const std::string file = dir.file("long.ndjson");
  const std::string first =
      "{\"record\": \"org_unit\", \"code\": \"v9\", \"name\": \"新村\", \"kind\": \"village\", "
      "\"parent\": \"root\"}\n";
  {
    std::ofstream f(file, std::ios::binary);
    f << first << "\n" << std::string(FZ_MAX_LINE_BYTES + 1, 'x') << "\n" << first;
  }
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_import_file(db_, file.c_str(), "{\"batch\": 1}", &out), FZ_E_ARGUMENT,
                "line 3 is longer than 16777216 bytes");
  EXPECT_EQ(out, kSentinel);
  // The batch before it stays imported, as the message says.
  EXPECT_EQ(unit_total(db_), 3);
  // fz_import of the same text stops the same way.
  const std::string text = read_bytes(file);
  EXPECT_FZ_ERR(fz_import(db_, text.data(), text.size(), "{\"batch\": 1}", &out), FZ_E_ARGUMENT,
                "line 3 is longer than 16777216 bytes");
  // A line of exactly the bound is read (and rejected as JSON, like any bad line).
  {
    std::ofstream f(file, std::ios::binary | std::ios::trunc);
    f << std::string(FZ_MAX_LINE_BYTES, 'x') << "\r\n";
  }
  out = nullptr;
  ASSERT_FZ_OK(fz_import_file(db_, file.c_str(), nullptr, &out));
  const json summary = json::parse(take(out));
  EXPECT_EQ(summary["read"], 1);
  EXPECT_EQ(summary["rejected"], 1);
}

}  // namespace
