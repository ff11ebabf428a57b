// abi_fixture.hpp — what the harnesses that go through the C ABI share: the
// database they work on, opened once per process, and the checks every call's
// result gets against fazhi.h's conventions.
//
// Each input's work runs in a host transaction (fz_begin ... fz_rollback), so
// every input meets the same database and a run of millions of inputs costs
// no more than its first: rolling back is what resets state, and a handle
// whose caches did not follow a rollback shows up as an invariant broken on a
// later input.
#pragma once

#include <fazhi/fazhi.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi_fuzz {

// The harnesses' database: in memory (":memory:"), holding the first
// kSampleLines lines of every sample file of examples/yangxin-2022 (all of
// org_units.ndjson; committees, advisers, the first cases, petitions,
// decisions and narratives of the others), every line accepted, else the
// harness aborts at start-up (the fixture is broken, not the library).
// Opened on the first call and kept for the process. A part of the sample
// rather than all of it: the checks that read the whole journal run once or
// twice per input, and their cost grows with it.
fz_db* sample_db();
constexpr int kSampleLines = 25;

// The contents of a file of the source tree (path relative to its top).
std::string source_file(const std::string& relative_path);

// The status is one fazhi.h defines; on failure, fz_last_error() is checked
// (check_message) and returned. Returns "" on success.
std::string check_call(std::string_view call, fz_status status);

// The same, and the status must be one of `allowed` (FZ_OK counts only when
// listed): an input is refused for what it is, never for an internal fault.
std::string check_call(std::string_view call, fz_status status,
                       const std::vector<fz_status>& allowed);

// The text of a string fazhi returned through an out-parameter, freed.
std::string take(char* s);

// fz_journal_verify: the chain must verify; returns its number of entries.
std::int64_t verified_journal_entries(fz_db* db);

// fz_begin on construction and fz_rollback on destruction, both required to
// succeed.
class RolledBack {
 public:
  explicit RolledBack(fz_db* db);
  ~RolledBack();
  RolledBack(const RolledBack&) = delete;
  RolledBack& operator=(const RolledBack&) = delete;

 private:
  fz_db* db_;
};

}  // namespace fazhi_fuzz
