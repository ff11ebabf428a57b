// abi_contract — promises of fazhi.h about calls, threads and logging that
// are not about bad input: fz_close waits for a call in flight, a log
// callback may call fazhi on the same handle (it runs after the handle's lock
// is released) without changing the outer call's last error, fz_value's
// status constants, and a multi-batch import keeps earlier batches unless a
// host transaction holds them.
//
// Links libfazhi.so only, through fazhi.h; helpers in abi_support.hpp (which
// also checks the fz_value status constants), SQLite through sqlite_exec to
// sabotage a file for the import test.
#include "abi_support.hpp"

#include <fazhi/fazhi.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <future>
#include <string>
#include <thread>
#include <utility>

namespace {

using namespace abi_test;

fz_db* open_db(const std::string& path) {
  fz_db* db = nullptr;
  EXPECT_EQ(fz_open(path.c_str(), nullptr, &db), FZ_OK) << fz_last_error();
  return db;
}

// NDJSON: a unit and `cases` mediation cases under its committee.
std::string cases_ndjson(int cases) {
  std::string s =
      "{\"record\":\"org_unit\",\"code\":\"u\",\"name\":\"某村\",\"kind\":\"village\"}\n"
      "{\"record\":\"mediation_committee\",\"key\":\"c\",\"unit\":\"u\",\"name\":\"某村人民调解委员会\"}\n";
  for (int i = 0; i < cases; ++i)
    s += "{\"record\":\"mediation_case\",\"key\":\"k" + std::to_string(i) +
         "\",\"committee\":\"c\",\"received\":\"2022-03-01\",\"category\":\"neighbourhood\"}\n";
  return s;
}

std::int64_t count_cases(fz_db* db) {
  char* out = nullptr;
  EXPECT_EQ(fz_list(db, "mediation_case", "{\"limit\": 0}", &out), FZ_OK) << fz_last_error();
  return json::parse(take(out))["total"].get<std::int64_t>();
}

TEST(Indicators, StatusConstantsDescribeTheValue) {
  fz_db* db = open_db(":memory:");
  const std::string units = cases_ndjson(0);
  ASSERT_EQ(fz_import(db, units.data(), units.size(), nullptr, nullptr), FZ_OK);
  fz_value v{};
  ASSERT_EQ(fz_indicator(db, "mediation.success_rate", "u", "2022", nullptr, &v), FZ_OK);
  EXPECT_EQ(v.status, FZ_VALUE_NO_DATA);
  EXPECT_TRUE(std::isnan(v.value));
  ASSERT_EQ(fz_indicator(db, "mediation.received", "u", "2022", nullptr, &v), FZ_OK);
  EXPECT_EQ(v.status, FZ_VALUE_OK);
  EXPECT_EQ(v.value, 0);
  fz_close(db);
}

// A callback that calls fazhi on the handle whose call raised the message.
struct Reentry {
  fz_db* db = nullptr;
  std::atomic<int> messages{0};
  std::atomic<int> nested_ok{0};
};

void reenter(int32_t, const char*, void* user) {
  auto* r = static_cast<Reentry*>(user);
  ++r->messages;
  char* out = nullptr;
  if (fz_list(r->db, "org_unit", nullptr, &out) == FZ_OK) ++r->nested_ok;
  fz_free(out);
}

TEST(Logging, ACallbackMayCallFazhiOnTheSameHandleAndTheOuterErrorStays) {
  Reentry r;
  r.db = open_db(":memory:");
  fz_set_log(reenter, &r, 0);
  // Run in a thread so that a hang is reported as a failure, not a stuck test.
  auto done = std::async(std::launch::async, [&] {
    const std::string lines = cases_ndjson(3);
    const fz_status ok = fz_import(r.db, lines.data(), lines.size(), nullptr, nullptr);
    char* out = nullptr;
    const fz_status missing = fz_get(r.db, "org_unit", "no-such-unit", &out);
    return std::make_pair(ok, std::make_pair(missing, std::string(fz_last_error())));
  });
  ASSERT_EQ(done.wait_for(std::chrono::seconds(30)), std::future_status::ready)
      << "a log callback calling fazhi hung";
  const auto [ok, failed] = done.get();
  fz_set_log(nullptr, nullptr, 0);
  EXPECT_EQ(ok, FZ_OK);
  EXPECT_EQ(failed.first, FZ_E_NOT_FOUND);
  // The failure was logged, the callback's fz_list succeeded, and the failed
  // call's message survived it.
  EXPECT_NE(failed.second.find("no-such-unit"), std::string::npos) << failed.second;
  EXPECT_GE(r.messages.load(), 2);
  EXPECT_EQ(r.nested_ok.load(), r.messages.load());
  fz_close(r.db);
}

TEST(Close, WaitsForACallInFlightOnAnotherThread) {
  TempDir dir;
  fz_db* db = open_db(dir.file("close.db"));
  const std::string lines = cases_ndjson(3000);
  std::atomic<bool> started{false};
  fz_status imported = FZ_E_INTERNAL;
  std::thread worker([&] {
    started = true;
    imported = fz_import(db, lines.data(), lines.size(), "{\"batch\": 100}", nullptr);
  });
  while (!started) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(fz_close(db), FZ_OK);  // waits for the import to finish
  worker.join();
  EXPECT_EQ(imported, FZ_OK);
  fz_db* again = open_db(dir.file("close.db"));
  EXPECT_EQ(count_cases(again), 3000);
  fz_close(again);
}

// A batch fails as a whole (not one rejected line) when the database itself
// fails: here a trigger raises an SQL error (malformed JSON) when one
// particular case is inserted.
void sabotage_case(const std::string& path, const char* case_key) {
  sqlite_exec(path,
              std::string("CREATE TRIGGER sabotage AFTER INSERT ON mediation_case WHEN NEW.key = '") +
                  case_key + "' BEGIN SELECT json('not json'); END;");
}

TEST(Import, AFailedLaterBatchKeepsTheEarlierOnes) {
  TempDir dir;
  const std::string path = dir.file("batches.db");
  fz_close(open_db(path));
  sabotage_case(path, "k250");
  fz_db* db = open_db(path);
  const std::string lines = cases_ndjson(300);
  char* summary = nullptr;
  const fz_status s = fz_import(db, lines.data(), lines.size(), "{\"batch\": 100}", &summary);
  EXPECT_NE(s, FZ_OK);
  EXPECT_EQ(summary, nullptr);
  const std::string message = fz_last_error();
  EXPECT_NE(message.find("line 201"), std::string::npos) << message;
  EXPECT_NE(message.find("earlier batches kept"), std::string::npos) << message;
  // Lines 1-200 (two batches: the unit, the committee and 198 cases) stay.
  EXPECT_EQ(count_cases(db), 198);
  fz_close(db);
}

TEST(Import, InsideAHostTransactionItIsAllOrNothing) {
  TempDir dir;
  const std::string path = dir.file("host.db");
  fz_close(open_db(path));
  sabotage_case(path, "k250");
  fz_db* db = open_db(path);
  ASSERT_EQ(fz_begin(db), FZ_OK);
  const std::string lines = cases_ndjson(300);
  EXPECT_NE(fz_import(db, lines.data(), lines.size(), "{\"batch\": 100}", nullptr), FZ_OK);
  ASSERT_EQ(fz_rollback(db), FZ_OK);
  EXPECT_EQ(count_cases(db), 0);
  fz_close(db);
}

}  // namespace
