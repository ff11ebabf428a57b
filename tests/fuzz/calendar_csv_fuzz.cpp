// calendar_csv_fuzz.cpp — fz_calendar_load of any bytes, on the harnesses'
// part of the sample (abi_fixture.hpp) and a few records whose deadlines fall
// in 2027, a year without a schedule (so that a load computes them again).
//
// Invariants:
//   * fz_calendar_load gives FZ_OK or FZ_E_ARGUMENT;
//   * a refusal has a bounded UTF-8 message and changes nothing: the same
//     fz_calendar_years, the same answers for a day of 2027 and one of 2024,
//     no journal entry;
//   * a load is journaled, the journal verifies, every year it made official
//     is answered by the plain calendar functions (which refuse a year
//     without a schedule), and loading the same input again is accepted and
//     leaves fz_calendar_years as it was;
//   * after the transaction is rolled back, fz_calendar_years and the answers
//     are those of before: the handle's calendar follows the
//     database, not what a rolled-back load left in memory.
#include "abi_fixture.hpp"
#include "fuzz_check.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

using json = nlohmann::json;
using namespace fazhi_fuzz;

namespace {

// Deadlines in 2027: a petition received late in 2026 (its 15- and 60-day
// deadlines) and one in 2027, a labour dispute in 2027.
constexpr const char* kProvisionalRecords =
    "{\"record\": \"petition\", \"key\": \"fuzz-pt-1\", \"unit\": \"yx-kfq\", \"received\": "
    "\"2026-12-21\", \"channel\": \"online\", \"petitioners\": [\"贾某\"], \"subject\": \"补偿\"}\n"
    "{\"record\": \"petition\", \"key\": \"fuzz-pt-2\", \"unit\": \"yx-kfq\", \"received\": "
    "\"2027-04-28\", \"channel\": \"visit\", \"petitioners\": [\"胡某\"], \"subject\": \"拆迁\"}\n"
    "{\"record\": \"mediation_case\", \"key\": \"fuzz-mc-1\", \"committee\": \"yx-mcom-kfq\", "
    "\"received\": \"2027-09-27\", \"source\": \"application\", \"category\": \"labour\", "
    "\"parties\": [{\"name\": \"陈某\", \"role\": \"applicant\", \"type\": \"person\"}]}\n";

fz_db* database() {
  static fz_db* const db = [] {
    fz_db* d = sample_db();
    char* out = nullptr;
    check_call("fz_import of the 2027 records",
               fz_import(d, kProvisionalRecords, std::string(kProvisionalRecords).size(),
                         nullptr, &out),
               {FZ_OK});
    const json summary = json::parse(take(out));
    if (summary.at("rejected") != 0) broken("the 2027 records import", summary.dump());
    return d;
  }();
  return db;
}

std::string years(fz_db* db) {
  char* out = nullptr;
  check_call("fz_calendar_years", fz_calendar_years(db, &out), {FZ_OK});
  const std::string text = take(out);
  FUZZ_CHECK(is_utf8(text), text);
  return text;
}

// The answers for 6 February 2027 (春节 by the provisional rule) and for 4
// February 2024, a Sunday worked (调休) by the built-in schedule, which the
// seeds load again.
std::string days(fz_db* db) {
  std::string answers;
  for (const char* date : {"2027-02-06", "2024-02-04"}) {
    char* out = nullptr;
    const std::string request = std::string("{\"op\": \"is_working_day\", \"date\": \"") + date + "\"}";
    check_call("fz_calendar_query", fz_calendar_query(db, request.c_str(), &out), {FZ_OK});
    answers += take(out);
  }
  return answers;
}

struct State {
  std::string years, days;
  bool operator==(const State& o) const { return years == o.years && days == o.days; }
};

State state(fz_db* db) { return {years(db), days(db)}; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fz_db* db = database();
  // Every input meets the database as the fixture left it (rolled back).
  static const State initial = state(db);
  static const std::int64_t entries = verified_journal_entries(db);
  const std::string_view csv = as_text(data, size);
  {
    RolledBack transaction(db);
    const fz_status st = fz_calendar_load(db, csv.data(), csv.size());
    check_call("fz_calendar_load", st, {FZ_OK, FZ_E_ARGUMENT});
    if (st != FZ_OK) {
      FUZZ_CHECK(state(db) == initial, "a refused schedule changed the calendar");
      FUZZ_CHECK(verified_journal_entries(db) == entries, "a refused schedule wrote the journal");
      return 0;
    }
    FUZZ_CHECK(verified_journal_entries(db) > entries, "a load is journaled");
    const std::string loaded = years(db);
    const json official = json::parse(loaded).at("official");  // outlives the loop over it
    for (const json& y : official) {
      if (y.at("source") != "loaded") continue;
      const std::string day = std::to_string(y.at("year").get<int>()) + "-07-01";
      std::int32_t working = -1;
      check_call("fz_calendar_is_working_day " + day,
                 fz_calendar_is_working_day(db, day.c_str(), &working), {FZ_OK});
      FUZZ_CHECK(working == 0 || working == 1, day);
    }
    check_call("fz_calendar_load again", fz_calendar_load(db, csv.data(), csv.size()), {FZ_OK});
    FUZZ_CHECK(years(db) == loaded, "loading a schedule twice is not loading it once");
  }
  FUZZ_CHECK(state(db) == initial, "a rolled-back load still shapes the handle's calendar: " + years(db));
  return 0;
}
