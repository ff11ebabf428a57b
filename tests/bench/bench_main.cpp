// fazhi_bench — what fazhi costs over plain SQLite, measured honestly enough
// to steer by (issue 14: a whole country's year, 15 million cases, on one
// ordinary machine).
//
//  1. Data: a synthetic county (a three-level unit tree, a people's mediation
//     committee per village/community) and N mediation cases received over
//     2021–2023, about 80% of them closed (synthetic.hpp), written once as
//     NDJSON files (corpus.hpp), streamed: nothing holds N cases at once.
//  2. Import: every variant --repeat times, each run into a fresh database, in
//     a child process of its own, in the same transactions of --chunk lines
//     (import_bench.hpp): baseline (a), one raw INSERT per case; baseline (b),
//     fazhi's SQLite and SHA-256 journal work written by hand in C++, the
//     ceiling; fazhi through fz_import, fz_import_file and (with --cli) the
//     CLI; (with Python) the equivalent importer in Python. Wall and CPU time,
//     bytes written to disk, file size, peak RSS; medians. Every variant must
//     write the same rows (db_digest.hpp), else MISMATCH.
//  3. Storage: where the fazhi database's bytes go (storage.hpp).
//  4. Indicators: fz_indicators of the whole catalogue for 2022 at the root
//     and at a leaf, against the best hand-written SQL (indicator_bench.hpp);
//     the values must agree, else MISMATCH.
//  5. Verification: fz_journal_verify, which proves every record by the
//     journal, against one full read of the same tables (verify_bench.hpp).
//  6. Goals: each goal of issue 14 beside the figure measured (goals.hpp).
//
// Figures go to stdout, progress to stderr; nothing is asserted about time.
// Exit status: 0 ran to the end and every check held, 1 a check or a call
// failed, 2 bad command line.
#include <fazhi/fazhi.h>
#include <sqlite3.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <memory>
#include <string>

#include "child_process.hpp"
#include "corpus.hpp"
#include "dates.hpp"
#include "fazhi_api.hpp"
#include "goals.hpp"
#include "import_bench.hpp"
#include "indicator_bench.hpp"
#include "options.hpp"
#include "report.hpp"
#include "scratch_dir.hpp"
#include "storage.hpp"
#include "verify_bench.hpp"
#include "synthetic.hpp"
#include "timing.hpp"
#include "working_days.hpp"

namespace {

double free_gb(const std::string& dir) {
  struct statvfs st {};
  if (::statvfs(dir.c_str(), &st) != 0) return -1;
  return static_cast<double>(st.f_bavail) * static_cast<double>(st.f_frsize) / 1e9;
}

int run(const bench::Options& opt) {
  bench::ScratchDir dir(opt.dir, opt.keep);

  // The working days the labour deadlines need, from fazhi's own calendar.
  std::unique_ptr<bench::WorkingDays> calendar;
  {
    bench::FazhiDb memory(":memory:", nullptr);
    calendar = std::make_unique<bench::WorkingDays>(
        memory.get(), bench::first_received_day(), bench::last_received_day() + bench::max_days_after() + 30);
    memory.close();
  }

  std::printf(
      "fazhi_bench: fazhi %s, SQLite %s, %ld CPUs online (load average %.2f); scratch %s (%.1f GB free)\n",
      fz_version(), sqlite3_libversion(), ::sysconf(_SC_NPROCESSORS_ONLN), bench::load_average(),
      dir.path().c_str(), free_gb(dir.path()));
  bench::Stopwatch gen_clock;
  bench::Dataset data = bench::make_dataset(opt.cases, opt.units);
  bench::Corpus corpus = bench::write_corpus(data, *calendar, dir.file("reference.ndjson"),
                                             dir.file("cases.ndjson"), dir.file("calendar.txt"));
  std::printf(
      "data: %zu cases (%zu closed) over %zu units (1 root, %d townships/streets, %d "
      "villages/communities, %zu committees),\n"
      "      received %s..%s; NDJSON written in %.1f s (not timed)\n",
      corpus.cases, corpus.closed, data.units.size(), data.townships, data.villages, data.committees.size(),
      bench::day_text(bench::first_received_day()).c_str(),
      bench::day_text(bench::last_received_day()).c_str(), gen_clock.seconds());
  // About 1.3 KB per case for the NDJSON, one database and its WAL: a warning,
  // not a refusal (the estimate is rough).
  double need_gb = 1.3e-6 * static_cast<double>(corpus.cases);
  if (free_gb(dir.path()) >= 0 && free_gb(dir.path()) < need_gb)
    std::fprintf(stderr, "fazhi_bench: warning: %.1f GB free in %s, a run of this size may need %.1f GB\n",
                 free_gb(dir.path()), dir.path().c_str(), need_gb);

  // --- import ----------------------------------------------------------------
  const long parent_rss_kb = bench::current_rss_kb();
  bench::ImportResults imports = bench::run_imports(opt, data, *calendar, corpus, dir);
  bench::print_imports(imports, corpus, opt.chunk, opt.repeat, parent_rss_kb);
  int status = bench::print_checks(imports, corpus) ? 0 : 1;

  // --- storage and indicators, on the last fazhi database --------------------
  bench::print_storage(bench::measure_storage(imports.kept_database), corpus, imports.kept_label);
  std::fprintf(stderr, "fazhi_bench: indicators\n");
  bench::IndicatorResults indicators = bench::run_indicators(imports.kept_database, data, opt.repeat);
  if (!bench::print_indicators(indicators)) status = 1;

  std::fprintf(stderr, "fazhi_bench: journal verification\n");
  if (!bench::print_verify(bench::run_verify(imports.kept_database, opt.repeat))) status = 1;

  bench::print_goals(imports, indicators, corpus);
  if (opt.keep)
    std::printf("kept: %s, %s, %s\n", corpus.cases_path.c_str(), corpus.reference_path.c_str(),
                imports.kept_database.c_str());
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
