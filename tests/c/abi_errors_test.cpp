// abi_errors — fz_last_error: empty after every successful call, kept per
// thread, and bounded: a huge value from the caller is cut, its length stated.
//
// Links libfazhi.so only, through fazhi.h; helpers in abi_support.hpp.
#include "abi_support.hpp"

#include <fazhi/fazhi.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace abi_test;

// ---------------------------------------------------------------------------
// fz_last_error

TEST_F(Abi, LastErrorIsEmptyAfterEverySuccessfulCall) {
  char* out = nullptr;
  const auto fail = [&] {
    ASSERT_EQ(fz_get(db_, "nope", "v1", &out), FZ_E_ARGUMENT);
    ASSERT_STRNE(fz_last_error(), "");
  };
  fail();
  ASSERT_FZ_OK(fz_get(db_, "org_unit", "v1", &out));
  fz_free(out);
  EXPECT_STREQ(fz_last_error(), "");
  fail();
  ASSERT_FZ_OK(fz_list(db_, "org_unit", nullptr, &out));
  fz_free(out);
  EXPECT_STREQ(fz_last_error(), "");
  fail();
  ASSERT_FZ_OK(fz_patch(db_, "org_unit", "v1", "{\"name\": \"东风村\"}"));
  EXPECT_STREQ(fz_last_error(), "");
  fail();
  std::int32_t w = 0;
  ASSERT_FZ_OK(fz_calendar_is_working_day(db_, "2024-02-04", &w));
  EXPECT_STREQ(fz_last_error(), "");
  fail();
  ASSERT_FZ_OK(fz_close(nullptr));
  EXPECT_STREQ(fz_last_error(), "");
  fail();
  fz_db* other = nullptr;
  ASSERT_FZ_OK(fz_open(":memory:", nullptr, &other));
  EXPECT_STREQ(fz_last_error(), "");
  fail();
  ASSERT_FZ_OK(fz_close(other));
  EXPECT_STREQ(fz_last_error(), "");
}

TEST_F(Abi, LastErrorIsPerThread) {
  char* out = nullptr;
  ASSERT_EQ(fz_get(db_, "main_thread_kind", "v1", &out), FZ_E_ARGUMENT);
  const std::string mine = fz_last_error();
  ASSERT_NE(mine.find("main_thread_kind"), std::string::npos) << mine;

  std::string other_initial, other_after_failure, other_after_success;
  std::thread failing([&] {
    other_initial = fz_last_error();
    char* o = kSentinel;
    fz_get(db_, "other_thread_kind", "v1", &o);
    other_after_failure = fz_last_error();
  });
  failing.join();
  EXPECT_EQ(other_initial, "") << "a new thread must start with no error";
  EXPECT_NE(other_after_failure.find("other_thread_kind"), std::string::npos)
      << other_after_failure;
  EXPECT_EQ(std::string(fz_last_error()), mine) << "another thread's failure changed ours";

  std::thread succeeding([&] {
    char* o = nullptr;
    fz_get(db_, "also_bad", "v1", &o);
    fz_get(db_, "org_unit", "v1", &o);
    fz_free(o);
    other_after_success = fz_last_error();
  });
  succeeding.join();
  EXPECT_EQ(other_after_success, "");
  EXPECT_EQ(std::string(fz_last_error()), mine) << "another thread's success cleared ours";

  // Many threads failing at once, each keeps its own message.
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      const std::string kind = "kind_of_thread_" + std::to_string(t);
      for (int i = 0; i < 200; ++i) {
        char* o = kSentinel;
        if (fz_get(db_, kind.c_str(), "v1", &o) != FZ_E_ARGUMENT) ++wrong;
        if (std::string(fz_last_error()).find(kind + "'") == std::string::npos) ++wrong;
        if (o != kSentinel) ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(std::string(fz_last_error()), mine);
}

// ---------------------------------------------------------------------------
// Bounded messages: a caller's value is cut after 200 bytes, its length told.

TEST_F(Abi, MessagesCutAHugeCallerValueAndStateItsLength) {
  const std::string huge(10 * 1024 * 1024, 'x');  // 10 MiB
  char* out = kSentinel;
  std::int64_t id = 4242;
  fz_value v{};
  fz_db* opened = reinterpret_cast<fz_db*>(0x1);
  // The message names the value by its first 200 bytes and its length.
  const auto expect_bounded = [&](fz_status st, fz_status code, const char* what,
                                  const std::string& length = "(10485760 bytes)") {
    const std::string msg = fz_last_error();
    EXPECT_EQ(st, code) << what << ": " << msg.substr(0, 300);
    EXPECT_LT(msg.size(), 700u) << what << ": " << msg.substr(0, 700);
    EXPECT_NE(msg.find("xxxx…' " + length), std::string::npos) << what << ": " << msg.substr(0, 700);
  };
  expect_bounded(fz_put(db_, huge.c_str(), kVillage, &id), FZ_E_ARGUMENT, "kind");
  expect_bounded(fz_get(db_, "org_unit", huge.c_str(), &out), FZ_E_NOT_FOUND, "key");
  expect_bounded(fz_patch(db_, "org_unit", huge.c_str(), "{}"), FZ_E_NOT_FOUND, "patch key");
  expect_bounded(fz_history(db_, "org_unit", huge.c_str(), &out), FZ_E_NOT_FOUND, "history key");
  expect_bounded(fz_act(db_, "org_unit", "v1", huge.c_str(), "{}", &out), FZ_E_ARGUMENT, "action");
  expect_bounded(fz_list(db_, "org_unit", json{{"unit", huge}, {"subtree", true}}.dump().c_str(), &out),
                 FZ_E_NOT_FOUND, "unit");
  expect_bounded(fz_indicator(db_, huge.c_str(), "root", "2022", nullptr, &v), FZ_E_ARGUMENT,
                 "code");
  expect_bounded(fz_indicator(db_, "mediation.received", huge.c_str(), "2022", nullptr, &v),
                 FZ_E_NOT_FOUND, "indicator unit");
  expect_bounded(fz_report(db_, "root", 2022, huge.c_str(), nullptr, &out), FZ_E_ARGUMENT, "format");
  expect_bounded(fz_labels(db_, huge.c_str(), &out), FZ_E_ARGUMENT, "label set");
  expect_bounded(fz_put(db_, "org_unit",
                        json{{"code", "v7"}, {"name", "七村"}, {"kind", huge}, {"parent", "root"}}
                            .dump()
                            .c_str(),
                        &id),
                 FZ_E_ARGUMENT, "code value");
  expect_bounded(fz_put(db_, "org_unit",
                        json{{"code", "v7"}, {"name", "七村"}, {"kind", "village"}, {"parent", huge}}
                            .dump()
                            .c_str(),
                        &id),
                 FZ_E_ARGUMENT, "reference");
  const std::string date = "2022-01-01" + huge;
  std::int32_t n = 0;
  expect_bounded(fz_calendar_is_working_day(db_, date.c_str(), &n), FZ_E_ARGUMENT, "date",
                 "(10485770 bytes)");
  const std::string missing = "/nonexistent/" + huge;
  expect_bounded(fz_open(missing.c_str(), "{\"create\": false}", &opened), FZ_E_IO, "path",
                 "(10485773 bytes)");
  // A caller's name used as the field of the error: cut the same way, unquoted.
  for (const std::string& call : {std::string("open option"), std::string("field")}) {
    SCOPED_TRACE(call);
    const fz_status st =
        call == "field" ? fz_put(db_, "org_unit", json{{"code", "v7"}, {huge, 1}}.dump().c_str(), &id)
                        : fz_open(":memory:", json{{huge, true}}.dump().c_str(), &opened);
    const std::string msg = fz_last_error();
    EXPECT_EQ(st, FZ_E_ARGUMENT);
    EXPECT_LT(msg.size(), 700u);
    EXPECT_EQ(msg.rfind(std::string(200, 'x') + "… (10485760 bytes): ", 0), 0u) << msg.substr(0, 700);
  }
  // Malformed JSON repeats its last token, cut as well.
  const std::string unterminated = "{\"code\": \"" + huge;
  EXPECT_EQ(fz_put(db_, "org_unit", unterminated.c_str(), &id), FZ_E_ARGUMENT);
  const std::string msg = fz_last_error();
  EXPECT_LT(msg.size(), 700u) << msg.substr(0, 700);
  EXPECT_NE(msg.find("last read: '\"xxx"), std::string::npos) << msg.substr(0, 700);
  EXPECT_NE(msg.find("…' (10485761 bytes)"), std::string::npos) << msg.substr(0, 700);

  EXPECT_EQ(out, kSentinel);
  EXPECT_EQ(id, 4242);
  EXPECT_EQ(opened, reinterpret_cast<fz_db*>(0x1));
  expect_unchanged();
}

}  // namespace
