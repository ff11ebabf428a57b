// test_support.hpp — shared helpers of the unit tests: a temporary directory
// per test, a database with a small unit tree, the status a call fails with.
#pragma once

#include <fazhi/database.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

namespace fazhi::testing_support {

// A fresh directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "fazhi-test-XXXXXX").string();
    char* made = ::mkdtemp(tmpl.data());
    if (made == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = made;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// The unit tree most tests start from, as NDJSON lines: root "zone"
// (开发区管委会, zone_committee) with villages "v1" (一村), "v2" (二村),
// community "c1" (一社区) and enforcement team "team" (城管执法大队) directly
// below it. A fixture appends its records: std::string(kSampleTree) + "...".
inline constexpr const char* kSampleTree =
    "{\"record\":\"org_unit\",\"code\":\"zone\",\"name\":\"开发区管委会\",\"kind\":\"zone_committee\"}\n"
    "{\"record\":\"org_unit\",\"code\":\"v1\",\"name\":\"一村\",\"kind\":\"village\",\"parent\":\"zone\"}\n"
    "{\"record\":\"org_unit\",\"code\":\"v2\",\"name\":\"二村\",\"kind\":\"village\",\"parent\":\"zone\"}\n"
    "{\"record\":\"org_unit\",\"code\":\"c1\",\"name\":\"一社区\",\"kind\":\"community\",\"parent\":\"zone\"}\n"
    "{\"record\":\"org_unit\",\"code\":\"team\",\"name\":\"城管执法大队\",\"kind\":\"enforcement_team\","
    "\"parent\":\"zone\"}\n";

// kSampleTree put into `db`, one journal entry per unit (seq 1..5).
inline void put_sample_tree(Database& db) {
  const ImportSummary s = db.import_ndjson(kSampleTree, {});
  if (s.rejected != 0) throw std::runtime_error("the sample tree was refused: " + s.to_json().dump());
}

// The status `fn` fails with (Status::ok when it does not throw), and the
// error's message in `message` when given.
inline Status status_of(const std::function<void()>& fn, std::string* message = nullptr) {
  try {
    fn();
  } catch (const Error& e) {
    if (message) *message = e.what();
    return e.status();
  }
  return Status::ok;
}

inline std::int64_t journal_entries(Database& db) {
  return db.verify_journal()["entries"].get<std::int64_t>();
}

}  // namespace fazhi::testing_support
