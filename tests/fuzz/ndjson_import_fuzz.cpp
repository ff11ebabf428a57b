// ndjson_import_fuzz.cpp — fz_import of any bytes, on the harnesses' part of
// the Yangxin sample (abi_fixture.hpp), so that lines update, close and refer
// to records that exist, as a real import's do.
//
// The input is imported three times, each in a transaction rolled back
// afterwards: strict in batches of 1000 lines, strict one line per batch, and
// historical. Invariants:
//   * fz_import returns FZ_OK: whatever the lines hold, they are rejected one
//     by one, and a batch fails as a whole only when the database cannot be
//     written, which an in-memory database always can;
//   * the summary is UTF-8 JSON that adds up: read = inserted + updated +
//     unchanged + actions + rejected, one error per rejected line, their
//     line numbers increasing and within the input, each with a bounded
//     message and a status a line may be rejected with;
//   * the batch size changes nothing: the same summary and the same number
//     of journal entries with one line per batch as with 1000 (a line that
//     fails after writing makes a large batch start again line by line, and
//     must then give what single-line batches give);
//   * the journal verifies after the import.
#include "abi_fixture.hpp"
#include "fuzz_check.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

using json = nlohmann::json;
using namespace fazhi_fuzz;

namespace {

struct Outcome {
  json summary;
  std::int64_t journal_entries;
};

Outcome import(fz_db* db, std::string_view input, const char* options) {
  RolledBack transaction(db);
  char* out = nullptr;
  check_call(std::string("fz_import ") + options,
             fz_import(db, input.data(), input.size(), options, &out), {FZ_OK});
  const std::string text = take(out);
  FUZZ_CHECK(is_utf8(text), text);
  Outcome o{json::parse(text), verified_journal_entries(db)};

  const json& s = o.summary;
  const auto n = [&s](const char* name) { return s.at(name).get<std::int64_t>(); };
  FUZZ_CHECK(n("read") == n("inserted") + n("updated") + n("unchanged") + n("actions") + n("rejected"),
             s.dump());
  FUZZ_CHECK(static_cast<std::int64_t>(s.at("errors").size()) == n("rejected"), s.dump());
  const std::int64_t lines = std::count(input.begin(), input.end(), '\n') + 1;
  FUZZ_CHECK(n("read") <= lines, s.dump());
  std::int64_t previous = 0;
  for (const json& e : s.at("errors")) {
    const std::int64_t line = e.at("line");
    FUZZ_CHECK(line > previous && line <= lines, s.dump());
    previous = line;
    check_message("a rejected line", e.at("message").get<std::string>());
    const std::string status = e.at("status");
    FUZZ_CHECK(status == "argument" || status == "not_found" || status == "rule" ||
                   status == "conflict",
               e.dump());
  }
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fz_db* db = sample_db();
  const std::string_view input = as_text(data, size);
  const Outcome large = import(db, input, "{\"batch\": 1000}");
  const Outcome single = import(db, input, "{\"batch\": 1}");
  FUZZ_CHECK(large.summary == single.summary,
             "batches of 1000: " + large.summary.dump() + "\n  batches of 1: " + single.summary.dump());
  FUZZ_CHECK(large.journal_entries == single.journal_entries,
             std::to_string(large.journal_entries) + " entries with batches of 1000, " +
                 std::to_string(single.journal_entries) + " with batches of 1");
  import(db, input, "{\"mode\": \"historical\"}");
  return 0;
}
