// fazhi_bench — what fazhi costs over plain SQLite, measured through the C ABI.
//
//  1. Builds a synthetic county: a three-level unit tree (root → townships and
//     streets → villages and communities), a people's mediation committee in
//     every village/community, and N mediation cases received over 2021–2023,
//     about 80% of them closed (synthetic.hpp).
//  2. Import: fz_import of the cases and then their close actions as NDJSON,
//     in calls of --chunk lines with {"batch": chunk}, into a fresh database;
//     then the same mediation_case rows with one raw SQLiteCpp prepared INSERT
//     in one transaction into a second fresh fazhi database (raw_insert.hpp).
//     The two tables must come out identical (table_check.hpp).
//  3. Indicators: fz_indicators for every mediation.* code of the catalogue,
//     for the root and 2022, against hand-written SQL aggregates on the same
//     file (hand_sql.hpp); the values must agree (indicator_check.hpp), else
//     MISMATCH and exit status 1. Then one leaf village, to show that the
//     cost follows the rows in range rather than the table size.
//
// Times are wall-clock medians or totals, with the process's CPU time beside
// them (on a loaded machine the CPU figures are the steadier ones); they go to
// stdout and are never asserted. Exit status: 0 ran to the end and every check held, 1 a check or
// a call failed, 2 bad command line.
#include "dates.hpp"
#include "fazhi_api.hpp"
#include "fazhi_import.hpp"
#include "hand_sql.hpp"
#include "indicator_check.hpp"
#include "ndjson_lines.hpp"
#include "options.hpp"
#include "raw_insert.hpp"
#include "scratch_dir.hpp"
#include "synthetic.hpp"
#include "table_check.hpp"
#include "timing.hpp"
#include "working_days.hpp"

#include <SQLiteCpp/Database.h>
#include <fazhi/fazhi.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using bench::Stopwatch;
using json = nlohmann::json;

const char* kYear = "2022";
const char* kFrom = "2022-01-01";
const char* kTo = "2022-12-31";

double ms(double seconds) { return seconds * 1000.0; }

// The mediation.* codes of fazhi's catalogue, as fz_indicators lists them by
// default (so that a new catalogue code without hand SQL fails the check).
std::vector<std::string> mediation_codes(fz_db* db, const std::string& unit) {
  json query = {{"unit", unit}, {"period", kYear}};
  char* out = nullptr;
  bench::check(fz_indicators(db, query.dump().c_str(), &out), "fz_indicators (whole catalogue)");
  json result = json::parse(bench::take(out));
  std::vector<std::string> codes;
  for (const json& item : result.at("indicators")) {
    std::string code = item.at("code").get<std::string>();
    if (code.rfind("mediation.", 0) == 0) codes.push_back(code);
  }
  return codes;
}

struct IndicatorTiming {
  double fazhi_s = 0, hand_s = 0;          // wall-clock medians
  double fazhi_cpu_s = 0, hand_cpu_s = 0;  // CPU-time medians
  std::vector<std::string> mismatches;
  std::int64_t received = 0;  // cases received in the period, for the report
};

// fz_indicators vs the hand SQL for one unit: a warm-up run of each, then
// `repeat` timed runs of each, medians; the values of the warm-up runs are
// compared.
IndicatorTiming time_indicators(fz_db* db, bench::HandSql& hand, const std::string& unit,
                                const std::vector<std::string>& codes, int repeat) {
  std::string query = json{{"unit", unit}, {"period", kYear}, {"codes", codes}}.dump();
  auto run_fazhi = [&]() {
    char* out = nullptr;
    bench::check(fz_indicators(db, query.c_str(), &out), "fz_indicators " + query);
    return bench::take(out);
  };
  IndicatorTiming t;
  json fazhi_result = json::parse(run_fazhi());
  bench::Figures figures = hand.compute(unit, kFrom, kTo);
  t.received = figures.received;
  t.mismatches = bench::compare_indicators(fazhi_result, bench::expected_indicators(figures), codes);

  std::vector<double> fazhi_runs, hand_runs, fazhi_cpu, hand_cpu;
  for (int i = 0; i < repeat; ++i) {
    Stopwatch a;
    run_fazhi();
    fazhi_runs.push_back(a.seconds());
    fazhi_cpu.push_back(a.cpu_seconds());
    Stopwatch b;
    bench::Figures f = hand.compute(unit, kFrom, kTo);
    hand_runs.push_back(b.seconds());
    hand_cpu.push_back(b.cpu_seconds());
    if (f.received != figures.received) t.mismatches.push_back("hand SQL is not repeatable");
  }
  t.fazhi_s = bench::median(fazhi_runs);
  t.hand_s = bench::median(hand_runs);
  t.fazhi_cpu_s = bench::median(fazhi_cpu);
  t.hand_cpu_s = bench::median(hand_cpu);
  return t;
}

std::int64_t count_rows(const std::string& path, const char* table) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
}

int run(const bench::Options& opt) {
  bench::ScratchDir dir(opt.dir, opt.keep);
  const std::string fazhi_path = dir.file("fazhi.db");
  const std::string raw_path = dir.file("raw.db");

  bench::FazhiDb db(fazhi_path, nullptr);

  // --- data ------------------------------------------------------------------
  Stopwatch gen_clock;
  bench::WorkingDays calendar(db.get(), bench::first_received_day(),
                              bench::last_received_day() + bench::max_days_after() + 30);
  bench::Dataset data = bench::generate(opt.cases, opt.units, calendar);
  double gen_s = gen_clock.seconds();
  const bench::Unit& root = data.units.front();
  const bench::Unit& leaf =
      data.units[static_cast<std::size_t>(1 + data.townships + data.villages / 2)];

  std::printf("fazhi_bench: fazhi %s, SQLite %s, %s\n", fz_version(), sqlite3_libversion(),
              dir.path().c_str());
  std::printf("data: %zu cases (%zu closed) over %zu units (1 root, %d townships/streets, %d "
              "villages/communities, %zu committees),\n"
              "      received %s..%s; generated in %.2f s (not timed)\n",
              data.cases.size(), data.closed.size(), data.units.size(), data.townships, data.villages,
              data.committees.size(), bench::day_text(bench::first_received_day()).c_str(),
              bench::day_text(bench::last_received_day()).c_str(), gen_s);

  // --- import ----------------------------------------------------------------
  const std::string reference = bench::reference_ndjson(data);
  bench::ImportRun ref_run = bench::import_text(db.get(), reference, opt.chunk);
  {
    // The raw baseline's database: fazhi's schema, pragmas and reference rows.
    bench::FazhiDb raw(raw_path, nullptr);
    bench::import_text(raw.get(), reference, opt.chunk);
    raw.close();
  }

  bench::ImportRun fz = bench::import_cases(db.get(), data, opt.chunk);
  if (fz.inserted != static_cast<std::int64_t>(data.cases.size()) ||
      fz.actions != static_cast<std::int64_t>(data.closed.size()))
    throw std::runtime_error("fz_import inserted " + std::to_string(fz.inserted) + " cases and " +
                             std::to_string(fz.actions) + " actions, expected " +
                             std::to_string(data.cases.size()) + " and " +
                             std::to_string(data.closed.size()));
  bench::RawRun raw = bench::insert_cases_raw(raw_path, data);

  double fz_records = static_cast<double>(data.cases.size()) / fz.seconds;
  double fz_lines = static_cast<double>(fz.lines) / fz.seconds;
  double raw_rows = static_cast<double>(raw.rows) / raw.seconds;
  std::printf("import: fazhi %.0f records/s (%.0f lines/s), raw SQLiteCpp %.0f rows/s, "
              "ratio %.2f (goal >= 0.50)\n",
              fz_records, fz_lines, raw_rows, fz_records / raw_rows);
  std::printf("  by CPU time instead of wall-clock time: ratio %.2f\n", raw.cpu_seconds / fz.cpu_seconds);
  std::printf("  fazhi: %zu lines (%zu records + %zu close actions, %.1f MB) in %.2f s "
              "(CPU %.2f s, %.2f s of it in the kernel),\n"
              "         %zu fz_import calls of <= %zu lines, batch %zu; a case and its close count as "
              "one record\n",
              fz.lines, data.cases.size(), data.closed.size(), static_cast<double>(fz.bytes) / 1e6,
              fz.seconds, fz.cpu_seconds, fz.system_seconds, fz.calls, opt.chunk, opt.chunk);
  std::printf("  raw:   %zu rows in %.2f s (CPU %.2f s, %.2f s of it in the kernel), one transaction,\n"
              "         one prepared INSERT (journal_mode %s, synchronous %d, foreign_keys %d; "
              "no journal, no findings)\n",
              raw.rows, raw.seconds, raw.cpu_seconds, raw.system_seconds, raw.journal_mode.c_str(),
              raw.synchronous, raw.foreign_keys);
  std::printf("  setup (not in the rates): %zu units and committees through fz_import in %.3f s\n",
              ref_run.lines, ref_run.seconds);

  bench::TableCheck rows = bench::compare_case_tables(fazhi_path, raw_path);
  int status = 0;
  if (!rows.same()) {
    std::printf("MISMATCH: mediation_case differs: fazhi %lld rows, raw %lld rows, %lld only in fazhi, "
                "%lld only in raw\n",
                static_cast<long long>(rows.fazhi_rows), static_cast<long long>(rows.raw_rows),
                static_cast<long long>(rows.only_in_fazhi), static_cast<long long>(rows.only_in_raw));
    status = 1;
  } else {
    std::printf("  check: both mediation_case tables hold the same %lld rows (all %d columns); fazhi "
                "also wrote %lld journal entries and %lld findings\n",
                static_cast<long long>(rows.fazhi_rows), rows.columns,
                static_cast<long long>(count_rows(fazhi_path, "journal")),
                static_cast<long long>(count_rows(fazhi_path, "finding")));
  }

  // --- indicators ------------------------------------------------------------
  std::vector<std::string> codes = mediation_codes(db.get(), root.key);
  IndicatorTiming at_root, at_leaf;
  {
    bench::HandSql hand(fazhi_path);
    at_root = time_indicators(db.get(), hand, root.key, codes, opt.repeat);
    at_leaf = time_indicators(db.get(), hand, leaf.key, codes, opt.repeat);
  }

  std::printf("indicators: fazhi %.2f ms, hand SQL %.2f ms, ratio %.2f (goal <= 2.0)\n",
              ms(at_root.fazhi_s), ms(at_root.hand_s), at_root.fazhi_s / at_root.hand_s);
  std::printf("  by CPU time: fazhi %.2f ms, hand SQL %.2f ms, ratio %.2f\n", ms(at_root.fazhi_cpu_s),
              ms(at_root.hand_cpu_s), at_root.fazhi_cpu_s / at_root.hand_cpu_s);
  std::printf("  %zu mediation.* codes, unit %s (whole tree), period %s: %lld cases received in range; "
              "medians of %d runs\n",
              codes.size(), root.key.c_str(), kYear, static_cast<long long>(at_root.received), opt.repeat);
  std::printf("  leaf %s %s (%lld cases received in range): fazhi %.3f ms, hand SQL %.3f ms "
              "(CPU %.3f / %.3f ms)\n",
              leaf.kind.c_str(), leaf.key.c_str(), static_cast<long long>(at_leaf.received), ms(at_leaf.fazhi_s),
              ms(at_leaf.hand_s), ms(at_leaf.fazhi_cpu_s), ms(at_leaf.hand_cpu_s));

  for (const auto* t : {&at_root, &at_leaf})
    for (const std::string& m : t->mismatches) {
      std::printf("MISMATCH (%s): %s\n", t == &at_root ? root.key.c_str() : leaf.key.c_str(), m.c_str());
      status = 1;
    }
  if (status == 0)
    std::printf("  check: fazhi's values equal the hand SQL's for every code, at %s and at %s\n",
                root.key.c_str(), leaf.key.c_str());

  db.close();
  if (opt.keep) std::printf("kept: %s, %s\n", fazhi_path.c_str(), raw_path.c_str());
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  bench::Options opt = bench::parse_options(argc, argv);
  try {
    return run(opt);
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "fazhi_bench: FAILED: %s\n", e.what());
    return 1;
  }
}
