// abi_threads_log — the log callback and its levels, four threads sharing one
// handle, and host transactions: misuse refused, rollback, commit, another
// handle kept out, and close with a transaction open.
//
// Links libfazhi.so only, through fazhi.h; helpers in abi_support.hpp.
#include "abi_support.hpp"

#include <fazhi/fazhi.h>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

using namespace abi_test;

// ---------------------------------------------------------------------------
// Logging

struct LogSink {
  std::mutex mu;
  std::vector<std::pair<std::int32_t, std::string>> messages;

  static void callback(std::int32_t level, const char* message, void* user) {
    auto* self = static_cast<LogSink*>(user);
    std::lock_guard<std::mutex> lock(self->mu);
    self->messages.emplace_back(level, message ? message : "<null>");
  }
  std::vector<std::pair<std::int32_t, std::string>> take() {
    std::lock_guard<std::mutex> lock(mu);
    return std::exchange(messages, {});
  }
};

bool has_opened_line(const std::vector<std::pair<std::int32_t, std::string>>& msgs,
                     const std::string& path) {
  for (const auto& [level, text] : msgs)
    if (level == 1 && text.find("opened") != std::string::npos &&
        text.find(path) != std::string::npos)
      return true;
  return false;
}

std::string dump(const std::vector<std::pair<std::int32_t, std::string>>& msgs) {
  std::string s;
  for (const auto& [level, text] : msgs) s += "  [" + std::to_string(level) + "] " + text + "\n";
  return s;
}

TEST(AbiLog, CallbackGetsMessagesAtTheLevelSetAndNullSilences) {
  LogSink sink;
  const std::string ndjson =
      "{\"record\": \"org_unit\", \"code\": \"root\", \"name\": \"某县人民政府\", \"kind\": "
      "\"government\"}\n";
  const auto open_import_close = [&] {
    fz_db* db = nullptr;
    ASSERT_FZ_OK(fz_open(":memory:", nullptr, &db));
    ASSERT_FZ_OK(fz_import(db, ndjson.data(), ndjson.size(), nullptr, nullptr));
    ASSERT_FZ_OK(fz_close(db));
  };

  for (std::int32_t level : {0, 1}) {
    SCOPED_TRACE(level);
    fz_set_log(LogSink::callback, &sink, level);
    open_import_close();
    auto msgs = sink.take();
    EXPECT_TRUE(has_opened_line(msgs, ":memory:")) << dump(msgs);
    for (const auto& m : msgs) EXPECT_GE(m.first, level) << m.second;
  }

  // Level 2 (info): the debug line is filtered out, the import line is not.
  fz_set_log(LogSink::callback, &sink, 2);
  open_import_close();
  auto msgs = sink.take();
  EXPECT_FALSE(has_opened_line(msgs, ":memory:")) << dump(msgs);
  EXPECT_FALSE(msgs.empty()) << "fz_import logs at info level";
  for (const auto& m : msgs) EXPECT_GE(m.first, 2) << m.second;

  // Out-of-range levels do not crash; 99 keeps only the most severe.
  fz_set_log(LogSink::callback, &sink, 99);
  open_import_close();
  msgs = sink.take();
  EXPECT_FALSE(has_opened_line(msgs, ":memory:")) << dump(msgs);
  fz_set_log(LogSink::callback, &sink, -99);
  open_import_close();
  msgs = sink.take();
  EXPECT_TRUE(has_opened_line(msgs, ":memory:")) << dump(msgs);

  // NULL silences it.
  fz_set_log(nullptr, &sink, 0);
  open_import_close();
  msgs = sink.take();
  EXPECT_TRUE(msgs.empty()) << dump(msgs);
  fz_set_log(nullptr, nullptr, 0);
}

// ---------------------------------------------------------------------------
// Threads sharing one handle

TEST(AbiThreads, FourThreadsShareOneHandle) {
  TempDir dir;
  const std::string path = dir.file("threads.fazhi");
  fz_db* db = nullptr;
  ASSERT_FZ_OK(fz_open(path.c_str(), nullptr, &db));
  ASSERT_FZ_OK(fz_put(db, "org_unit", kRoot, nullptr));

  constexpr int kThreads = 4, kEach = 200;
  std::vector<std::vector<std::int64_t>> ids(kThreads);
  std::vector<std::string> errors(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const std::string record = "{\"code\": \"t" + std::to_string(t) + "-" +
                                   std::to_string(i) + "\", \"name\": \"第" + std::to_string(i) +
                                   "村\", \"kind\": \"village\", \"parent\": \"root\"}";
        std::int64_t id = -1;
        const fz_status st = fz_put(db, "org_unit", record.c_str(), &id);
        if (st != FZ_OK) {
          errors[t] = "put " + record + ": status " + std::to_string(st) + ": " + fz_last_error();
          return;
        }
        ids[t].push_back(id);
        if (i % 50 == 0) {  // reads interleaved with the writes
          char* out = nullptr;
          if (fz_get(db, "org_unit", "root", &out) != FZ_OK) {
            errors[t] = std::string("get root: ") + fz_last_error();
            return;
          }
          fz_free(out);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  std::set<std::int64_t> distinct;
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(errors[t], "") << "thread " << t;
    EXPECT_EQ(ids[t].size(), static_cast<std::size_t>(kEach)) << "thread " << t;
    distinct.insert(ids[t].begin(), ids[t].end());
  }
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kThreads * kEach)) << "ids must be distinct";

  char* out = nullptr;
  ASSERT_FZ_OK(fz_list(db, "org_unit", "{\"unit\": \"root\", \"subtree\": true, \"limit\": 0}",
                       &out));
  EXPECT_EQ(json::parse(take(out)).at("total"), 1 + kThreads * kEach);
  for (int t = 0; t < kThreads; ++t) {
    for (int i : {0, kEach / 2, kEach - 1}) {
      const std::string key = "t" + std::to_string(t) + "-" + std::to_string(i);
      out = nullptr;
      EXPECT_EQ(fz_get(db, "org_unit", key.c_str(), &out), FZ_OK) << key;
      fz_free(out);
    }
  }
  json v = verify(db);
  EXPECT_EQ(v.at("ok"), true) << v.dump();
  EXPECT_EQ(v.at("entries"), 1 + kThreads * kEach) << v.dump();
  ASSERT_FZ_OK(fz_close(db));

  // Reopened, the file holds the same.
  ASSERT_FZ_OK(fz_open(path.c_str(), nullptr, &db));
  EXPECT_EQ(unit_total(db), 1 + kThreads * kEach);
  v = verify(db);
  EXPECT_EQ(v.at("ok"), true) << v.dump();
  EXPECT_EQ(v.at("entries"), 1 + kThreads * kEach);
  ASSERT_FZ_OK(fz_close(db));
}

// ---------------------------------------------------------------------------
// Host transactions: misuse.

TEST_F(Abi, TransactionMisuseIsRefused) {
  // Committing or rolling back with no transaction open is a state conflict.
  EXPECT_FZ_ERR(fz_commit(db_), FZ_E_CONFLICT, "transaction");
  EXPECT_FZ_ERR(fz_rollback(db_), FZ_E_CONFLICT, "transaction");
  ASSERT_FZ_OK(fz_begin(db_));
  EXPECT_FZ_ERR(fz_begin(db_), FZ_E_CONFLICT, "transaction");
  // A failed call inside the host transaction is undone on its own; the
  // transaction stays usable.
  std::int64_t id = 4242;
  EXPECT_FZ_ERR(fz_put(db_, "org_unit",
                       "{\"code\": \"v2\", \"name\": \"新村\", \"kind\": \"village\", "
                       "\"parent\": \"nowhere\"}",
                       &id),
                FZ_E_ARGUMENT, "parent");
  EXPECT_EQ(id, 4242);
  ASSERT_FZ_OK(fz_rollback(db_));
  EXPECT_FZ_ERR(fz_rollback(db_), FZ_E_CONFLICT, "transaction");
  expect_unchanged();
}

// ---------------------------------------------------------------------------
// Host transactions

TEST(AbiTransactions, RollbackCommitAndCloseWithAnOpenTransaction) {
  TempDir dir;
  const std::string path = dir.file("tx.fazhi");
  const auto unit = [](const char* code) {
    return std::string("{\"code\": \"") + code +
           "\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\"}";
  };
  fz_db* db = nullptr;
  char* out = nullptr;
  ASSERT_FZ_OK(fz_open(path.c_str(), nullptr, &db));
  ASSERT_FZ_OK(fz_put(db, "org_unit", kRoot, nullptr));

  // begin, put, rollback: gone.
  ASSERT_FZ_OK(fz_begin(db));
  ASSERT_FZ_OK(fz_put(db, "org_unit", unit("tx1").c_str(), nullptr));
  out = nullptr;
  EXPECT_EQ(fz_get(db, "org_unit", "tx1", &out), FZ_OK) << "visible inside the transaction";
  fz_free(out);
  ASSERT_FZ_OK(fz_rollback(db));
  out = kSentinel;
  EXPECT_FZ_ERR(fz_get(db, "org_unit", "tx1", &out), FZ_E_NOT_FOUND, "tx1");
  EXPECT_EQ(out, kSentinel);
  EXPECT_EQ(journal_entries(db), 1);
  EXPECT_EQ(verify(db).at("ok"), true);

  // begin, put, a failed put, commit: the good one is there, the bad one not.
  ASSERT_FZ_OK(fz_begin(db));
  ASSERT_FZ_OK(fz_put(db, "org_unit", unit("tx2").c_str(), nullptr));
  EXPECT_FZ_ERR(fz_put(db, "org_unit",
                       "{\"code\": \"tx2b\", \"name\": \"新村\", \"kind\": \"village\", "
                       "\"parent\": \"root\", \"colour\": 1}",
                       nullptr),
                FZ_E_ARGUMENT, "colour");
  ASSERT_FZ_OK(fz_commit(db));
  out = nullptr;
  EXPECT_EQ(fz_get(db, "org_unit", "tx2", &out), FZ_OK) << fz_last_error();
  fz_free(out);
  EXPECT_EQ(fz_get(db, "org_unit", "tx2b", &out), FZ_E_NOT_FOUND);
  EXPECT_EQ(journal_entries(db), 2);
  EXPECT_EQ(verify(db).at("ok"), true);

  // Another handle cannot write while this one holds a transaction.
  fz_db* other = nullptr;
  ASSERT_FZ_OK(fz_open(path.c_str(), "{\"busy_timeout_ms\": 50}", &other));
  ASSERT_FZ_OK(fz_begin(db));
  ASSERT_FZ_OK(fz_put(db, "org_unit", unit("tx3").c_str(), nullptr));
  std::int64_t id = 4242;
  EXPECT_FZ_ERR(fz_put(other, "org_unit", unit("busy").c_str(), &id), FZ_E_BUSY, "locked");
  EXPECT_EQ(id, 4242);

  // Closing with the transaction open rolls it back.
  ASSERT_FZ_OK(fz_close(db));
  ASSERT_FZ_OK(fz_put(other, "org_unit", unit("after").c_str(), nullptr));
  ASSERT_FZ_OK(fz_close(other));

  ASSERT_FZ_OK(fz_open(path.c_str(), nullptr, &db));
  out = kSentinel;
  EXPECT_FZ_ERR(fz_get(db, "org_unit", "tx3", &out), FZ_E_NOT_FOUND, "tx3");
  EXPECT_FZ_ERR(fz_get(db, "org_unit", "busy", &out), FZ_E_NOT_FOUND, "busy");
  EXPECT_EQ(out, kSentinel);
  for (const char* key : {"root", "tx2", "after"}) {
    out = nullptr;
    EXPECT_EQ(fz_get(db, "org_unit", key, &out), FZ_OK) << key << ": " << fz_last_error();
    fz_free(out);
  }
  json v = verify(db);
  EXPECT_EQ(v.at("ok"), true) << v.dump();
  EXPECT_EQ(v.at("entries"), 3) << v.dump();
  EXPECT_EQ(unit_total(db), 3);
  ASSERT_FZ_OK(fz_close(db));
}

}  // namespace
