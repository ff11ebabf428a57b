// A bulk load (Database::bulk_begin .. bulk_end, ImportOptions::bulk) sets the
// reporting indexes of the tables it writes aside and builds them again: the
// file it leaves is the one an ordinary import leaves, index for index and
// record for record; reads are right meanwhile; a load that never ends leaves
// a file any handle finishes.
#include <fazhi/database.hpp>

#include "store/sqlite.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using fazhi::Database;
using fazhi::ImportOptions;
using fazhi::Status;
using fazhi::testing_support::status_of;
using fazhi::testing_support::TempDir;
using json = nlohmann::json;

const std::string kSampleDir = std::string(FAZHI_SOURCE_DIR) + "/examples/yangxin-2022/";

std::vector<std::string> sample_files() {
  std::ifstream order(kSampleDir + "import_order.txt");
  std::vector<std::string> files;
  for (std::string file; std::getline(order, file);)
    if (!file.empty()) files.push_back(kSampleDir + file);
  return files;
}

ImportOptions historical(bool bulk) {
  ImportOptions o;
  o.mode = fazhi::Mode::historical;
  o.bulk = bulk;
  return o;
}

void import_sample(Database& db, bool bulk) {
  for (const std::string& file : sample_files()) {
    const auto s = db.import_file(file, historical(bulk));
    ASSERT_EQ(s.rejected, 0u) << file << ": " << s.to_json().dump();
  }
}

// Every index of the file, "name: CREATE ..." in name order.
std::vector<std::string> indexes_of(const std::string& path) {
  fazhi::store::Connection conn(path, {});
  auto q = conn.statement("SELECT name || ': ' || sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");
  std::vector<std::string> out;
  while (q->executeStep()) out.push_back(q->getColumn(0).getString());
  return out;
}

// The names of the indexes the file records as deferred.
std::vector<std::string> recorded_deferred(const std::string& path) {
  fazhi::store::Connection conn(path, {});
  auto q = conn.statement("SELECT substr(name, 16) FROM meta WHERE name LIKE 'deferred_index:%' ORDER BY name");
  std::vector<std::string> out;
  while (q->executeStep()) out.push_back(q->getColumn(0).getString());
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

json root_catalogue(Database& db) {
  return db.indicators({{"unit", "yx-kfq"}, {"period", "2022"}});
}

class BulkLoad : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::open(plain_);
    import_sample(*db, false);
    db->export_file(dir_.file("plain.ndjson"), json::object());
    plain_catalogue_ = root_catalogue(*db);
  }
  TempDir dir_;
  std::string plain_ = dir_.file("plain.db");
  std::string bulk_ = dir_.file("bulk.db");
  json plain_catalogue_;
};

TEST_F(BulkLoad, LeavesTheIndexesRecordsAndFiguresOfAnOrdinaryImport) {
  {
    auto db = Database::open(bulk_);
    db->bulk_begin();
    import_sample(*db, false);
    EXPECT_GT(db->deferred_indexes(), 0u);
    EXPECT_GT(db->bulk_end(), 0u);
    EXPECT_EQ(db->deferred_indexes(), 0u);
    db->export_file(dir_.file("bulk.ndjson"), json::object());
    EXPECT_EQ(root_catalogue(*db), plain_catalogue_);
    EXPECT_EQ(db->verify_journal()["ok"], true);
  }
  EXPECT_EQ(indexes_of(bulk_), indexes_of(plain_));
  EXPECT_EQ(read_file(dir_.file("bulk.ndjson")), read_file(dir_.file("plain.ndjson")));
}

TEST_F(BulkLoad, TheImportOptionIsABulkLoadOfOneCall) {
  auto db = Database::open(bulk_);
  import_sample(*db, true);
  EXPECT_EQ(db->deferred_indexes(), 0u);
  EXPECT_EQ(root_catalogue(*db), plain_catalogue_);
  EXPECT_EQ(indexes_of(bulk_), indexes_of(plain_));
}

// Deferred: (unit_id, date) indexes and one-column references; kept: the
// unique keys, org_unit's, the partial ones and an index of several columns
// led by a reference (an adviser's engagements, which a service's rule reads).
TEST_F(BulkLoad, DefersOnlyTheReportingIndexesOfTheTablesWritten) {
  auto db = Database::open(bulk_);
  db->bulk_begin();
  import_sample(*db, false);
  const std::vector<std::string> deferred = recorded_deferred(bulk_);
  for (const char* name : {"mediation_case_unit_received", "mediation_case_unit_closed",
                           "mediation_case_committee", "adviser_service_engagement",
                           "petition_unit_received"})
    EXPECT_NE(std::find(deferred.begin(), deferred.end(), name), deferred.end()) << name;
  for (const char* name : {"adviser_engagement_adviser", "org_unit_path", "org_unit_parent",
                           "mediation_case_provisional", "finding_record", "journal_record"})
    EXPECT_EQ(std::find(deferred.begin(), deferred.end(), name), deferred.end()) << name;
  db->bulk_end();
}

TEST_F(BulkLoad, ReadsAreRightWhileTheIndexesAreDeferred) {
  auto db = Database::open(bulk_);
  db->bulk_begin();
  import_sample(*db, false);
  ASSERT_GT(db->deferred_indexes(), 0u);
  EXPECT_EQ(root_catalogue(*db), plain_catalogue_);
  auto other = Database::open(bulk_);
  EXPECT_EQ(root_catalogue(*other), plain_catalogue_);
  db->bulk_end();
}

// A load killed before its end leaves a file that reads right, whose
// indexes the next bulk_end on any handle builds again.
TEST_F(BulkLoad, AnInterruptedLoadIsFinishedByAnyHandle) {
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto db = Database::open(bulk_);
    db->bulk_begin();
    for (const std::string& file : sample_files()) db->import_file(file, historical(false));
    _exit(db->deferred_indexes() > 0 ? 0 : 1);  // no destructor: as if killed
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

  auto db = Database::open(bulk_);
  const std::size_t pending = db->deferred_indexes();
  ASSERT_GT(pending, 0u);
  EXPECT_NE(indexes_of(bulk_), indexes_of(plain_));
  EXPECT_EQ(root_catalogue(*db), plain_catalogue_);
  EXPECT_EQ(db->bulk_end(), pending);
  EXPECT_EQ(db->deferred_indexes(), 0u);
  EXPECT_EQ(indexes_of(bulk_), indexes_of(plain_));
  EXPECT_EQ(db->verify_journal()["ok"], true);
}

TEST_F(BulkLoad, ClosingTheHandleEndsTheLoad) {
  {
    auto db = Database::open(bulk_);
    db->bulk_begin();
    import_sample(*db, false);
  }
  EXPECT_TRUE(recorded_deferred(bulk_).empty());
  EXPECT_EQ(indexes_of(bulk_), indexes_of(plain_));
}

// The drop is part of the write transaction: a host that rolls back gets
// its indexes back with its records.
TEST_F(BulkLoad, AHostRollbackTakesTheDropBack) {
  auto db = Database::open(bulk_);
  import_sample(*db, false);
  db->bulk_begin();
  db->begin();
  db->import_ndjson(
      "{\"record\":\"mediation_case\",\"key\":\"bulk-1\",\"committee\":\"yx-mcom-v01\","
      "\"case_number\":\"（2022）青调字第99号\",\"received\":\"2022-05-05\",\"source\":\"application\","
      "\"category\":\"marriage_family\"}\n",
      historical(false));
  EXPECT_GT(db->deferred_indexes(), 0u);
  db->rollback();
  EXPECT_EQ(db->deferred_indexes(), 0u);
  EXPECT_EQ(indexes_of(bulk_), indexes_of(plain_));
  EXPECT_EQ(db->bulk_end(), 0u);
}

TEST(BulkLoadCalls, RefusesASecondBeginAndAReadOnlyHandle) {
  TempDir dir;
  const std::string path = dir.file("calls.db");
  auto db = Database::open(path);
  db->bulk_begin();
  std::string message;
  EXPECT_EQ(status_of([&] { db->bulk_begin(); }, &message), Status::conflict);
  EXPECT_NE(message.find("bulk load"), std::string::npos) << message;
  EXPECT_EQ(db->bulk_end(), 0u);
  EXPECT_EQ(db->bulk_end(), 0u);  // also without a load open
  db.reset();
  fazhi::OpenOptions ro;
  ro.read_only = true;
  auto reader = Database::open(path, ro);
  EXPECT_EQ(status_of([&] { reader->bulk_begin(); }), Status::io);
  EXPECT_EQ(status_of([&] { reader->bulk_end(); }), Status::io);
}

}  // namespace
