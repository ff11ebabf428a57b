// The store: opening files and memory databases, telling fazhi's files from
// others, schema versions, WAL, and tables that match the kind declarations.
#include "test_support.hpp"

#include "domain/kind.hpp"
#include "store/schema.hpp"

#include <SQLiteCpp/Database.h>

#include <fstream>
#include <set>

using fazhi::Database;
using fazhi::Error;
using fazhi::Status;
using fazhi::testing_support::TempDir;

namespace {

Status open_status(const std::string& path, const fazhi::OpenOptions& o = {}) {
  try {
    Database::open(path, o);
  } catch (const Error& e) {
    return e.status();
  }
  return Status::ok;
}

TEST(Store, NewFileGetsWalApplicationIdAndSchemaVersion) {
  TempDir dir;
  std::string path = dir.file("new.db");
  Database::open(path);
  SQLite::Database raw(path);
  EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(raw.execAndGet("PRAGMA application_id").getInt(), fazhi::store::kApplicationId);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), fazhi::store::schema_version());
}

TEST(Store, ReopeningKeepsRecords) {
  TempDir dir;
  std::string path = dir.file("keep.db");
  fazhi::testing_support::put_sample_tree(*Database::open(path));
  EXPECT_EQ(Database::open(path)->get("org_unit", "v2")["name"], "二村");
}

TEST(Store, GarbageFileIsCorrupt) {
  TempDir dir;
  std::string path = dir.file("garbage.db");
  std::ofstream(path) << std::string(4096, 'x') << "not a database at all";
  EXPECT_EQ(open_status(path), Status::corrupt);
}

TEST(Store, AnotherApplicationsSqliteFileIsCorrupt) {
  TempDir dir;
  std::string path = dir.file("other.db");
  SQLite::Database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)
      .exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)");
  EXPECT_EQ(open_status(path), Status::corrupt);
}

TEST(Store, FileFromANewerFazhiIsRefusedWithVersion) {
  TempDir dir;
  std::string path = dir.file("newer.db");
  Database::open(path);
  SQLite::Database(path, SQLite::OPEN_READWRITE).exec("PRAGMA user_version = 999");
  EXPECT_EQ(open_status(path), Status::version);
}

TEST(Store, MissingDirectoryAndMissingFileWithoutCreateAreIo) {
  TempDir dir;
  EXPECT_EQ(open_status(dir.file("no/such/dir/x.db")), Status::io);
  fazhi::OpenOptions no_create;
  no_create.create = false;
  EXPECT_EQ(open_status(dir.file("absent.db"), no_create), Status::io);
  EXPECT_EQ(open_status(dir.file("")), Status::io);  // a directory
}

TEST(Store, ReadOnlyHandleRefusesChangesAndChangesNothing) {
  TempDir dir;
  std::string path = dir.file("ro.db");
  fazhi::testing_support::put_sample_tree(*Database::open(path));
  fazhi::OpenOptions ro;
  ro.read_only = true;
  auto db = Database::open(path, ro);
  EXPECT_EQ(db->get("org_unit", "zone")["name"], "开发区管委会");
  try {
    db->patch("org_unit", "v1", {{"name", "改"}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::io);
  }
  EXPECT_EQ(db->get("org_unit", "v1")["name"], "一村");
}

TEST(Store, EveryKindTableHasExactlyTheDeclaredColumns) {
  TempDir dir;
  std::string path = dir.file("schema.db");
  Database::open(path);
  SQLite::Database raw(path);
  for (const fazhi::domain::Kind* kind : fazhi::domain::all_kinds()) {
    std::set<std::string> declared = {"id", "key", "ext", "provisional_deadlines"};
    for (const auto& f : kind->fields) declared.insert(f.column());
    declared.insert(kind->internal_columns.begin(), kind->internal_columns.end());
    std::set<std::string> actual;
    SQLite::Statement q(raw, "SELECT name FROM pragma_table_info(?)");
    q.bind(1, kind->table);
    while (q.executeStep()) actual.insert(q.getColumn(0).getString());
    for (const std::string& c : declared)
      EXPECT_TRUE(actual.count(c)) << kind->table << " lacks declared column " << c;
    for (const std::string& c : actual)
      EXPECT_TRUE(declared.count(c)) << kind->table << " has column " << c << " that no field declares";
    SQLite::Statement strict(raw, "SELECT strict FROM pragma_table_list WHERE name = ?");
    strict.bind(1, kind->table);
    ASSERT_TRUE(strict.executeStep());
    EXPECT_EQ(strict.getColumn(0).getInt(), 1) << kind->table << " is not STRICT";
  }
}

TEST(Store, HostTransactionCommitsOrRollsBackEveryCallInIt) {
  auto db = Database::open(":memory:");
  fazhi::testing_support::put_sample_tree(*db);
  db->begin();
  db->put("org_unit", {{"code", "v3"}, {"name", "三村"}, {"kind", "village"}, {"parent", "zone"}});
  db->patch("org_unit", "v1", {{"name", "改"}});
  db->rollback();
  EXPECT_EQ(db->list("org_unit", nullptr)["total"], 5);
  EXPECT_EQ(db->get("org_unit", "v1")["name"], "一村");
  EXPECT_EQ(fazhi::testing_support::journal_entries(*db), 5);

  db->begin();
  db->put("org_unit", {{"code", "v3"}, {"name", "三村"}, {"kind", "village"}, {"parent", "zone"}});
  // A failing call inside the transaction undoes only itself.
  EXPECT_THROW(db->put("org_unit", {{"code", "v4"}, {"name", "x"}, {"kind", "nope"}}), Error);
  db->commit();
  EXPECT_EQ(db->list("org_unit", nullptr)["total"], 6);
  EXPECT_TRUE(db->verify_journal()["ok"].get<bool>());
  EXPECT_EQ(fazhi::testing_support::journal_entries(*db), 6);
}

TEST(Store, CommitWithoutBeginIsAConflict) {
  auto db = Database::open(":memory:");
  try {
    db->commit();
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::conflict);
  }
}

TEST(Store, LoadedCalendarIsStoredInTheDatabase) {
  TempDir dir;
  std::string path = dir.file("cal.db");
  {
    auto db = Database::open(path);
    EXPECT_THROW(db->calendar()->is_working_day(fazhi::parse_date("2027-01-04")), Error);
    db->load_calendar("date,kind,holiday,schedule_year\n2027-01-01,off,元旦,2027\n");
  }
  auto db = Database::open(path);
  std::shared_ptr<const fazhi::Calendar> cal = db->calendar();
  EXPECT_FALSE(cal->is_working_day(fazhi::parse_date("2027-01-01")));
  EXPECT_TRUE(cal->is_working_day(fazhi::parse_date("2027-01-04")));
  EXPECT_EQ(db->verify_journal()["entries"], 1);
}

}  // namespace
