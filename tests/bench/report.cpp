#include "report.hpp"

#include <cstdio>

namespace bench {
namespace {

double mb(double bytes) { return bytes / 1e6; }
double ms(double seconds) { return seconds * 1000.0; }

}  // namespace

void print_imports(const ImportResults& results, const Corpus& corpus, std::size_t chunk, int repeat,
                   long parent_rss_kb) {
  const double cases = static_cast<double>(corpus.cases);
  std::printf(
      "import: %zu cases + %zu close actions = %zu lines (%.1f MB of NDJSON), %zu lines per\n"
      "        transaction; median of %d run%s, each into a fresh database, in a child process\n"
      "        of its own (setup with the units and committees untimed; the benchmark's own\n"
      "        RSS, which a forked child starts from, was %.1f MB)\n",
      corpus.cases, corpus.closed, corpus.lines, mb(static_cast<double>(corpus.bytes)), chunk, repeat,
      repeat == 1 ? "" : "s", static_cast<double>(parent_rss_kb) / 1024.0);
  std::printf("  %-31s %8s %8s %7s %9s %8s %9s %8s %7s %8s %8s\n", "", "wall", "CPU", "of it", "CPU per",
              "cases", "written", "file", "file", "written", "peak");
  std::printf("  %-31s %8s %8s %7s %9s %8s %9s %8s %7s %8s %8s\n", "variant", "s", "s", "sys s", "case us",
              "per s", "MB", "MB", "B/case", "/ file", "RSS MB");
  for (const VariantResult& v : results.variants) {
    std::printf("  %-31s %8.2f %8.2f %7.2f %9.1f %8.0f %9.1f %8.1f %7.0f %8.1f %8.1f\n", v.label.c_str(),
                v.wall(), v.cpu(), v.sys(), v.cpu() / cases * 1e6, cases / v.wall(), mb(v.write_bytes()),
                mb(v.file()), v.file() / cases, v.write_bytes() / v.file(), v.rss_kb() / 1024.0);
  }
  std::printf("  each run: wall s / CPU s (the machine's 1-minute load average before it):\n");
  for (const VariantResult& v : results.variants) {
    std::printf("    %-29s", v.label.c_str());
    for (std::size_t i = 0; i < v.runs.size(); ++i)
      std::printf("  %.2f/%.2f (%.1f)", v.runs[i].timed.wall, v.runs[i].timed.user + v.runs[i].timed.sys,
                  v.load[i]);
    std::printf("\n");
  }
  std::printf(
      "  (a) and (b) time opening, their transactions and closing, not generating their input;\n"
      "  fz_import times fz_open, its calls and fz_close, not reading the next chunk; the CLI\n"
      "  and Python are timed from fork to exit. written = write_bytes of /proc/<pid>/io;\n"
      "  file = database + WAL after the run; peak RSS = ru_maxrss of the run's process.\n");
}

bool print_checks(const ImportResults& results, const Corpus& corpus) {
  const VariantResult* reference = nullptr;     // for the case rows
  const VariantResult* with_journal = nullptr;  // for the journal and findings
  bool ok = true;
  for (const VariantResult& v : results.variants) {
    if (!reference) reference = &v;
    if (v.journal && !with_journal) with_journal = &v;
    if (v.digest.cases.rows != static_cast<std::int64_t>(corpus.cases)) {
      std::printf("MISMATCH: %s wrote %lld cases, not %zu\n", v.label.c_str(),
                  static_cast<long long>(v.digest.cases.rows), corpus.cases);
      ok = false;
    }
    if (v.digest.cases != reference->digest.cases) {
      std::printf("MISMATCH: mediation_case of %s differs from that of %s\n", v.label.c_str(),
                  reference->label.c_str());
      ok = false;
    }
    if (!v.digest.journal_ok) {
      std::printf("MISMATCH: fz_journal_verify on %s's database: %s\n", v.label.c_str(),
                  v.digest.journal_message.c_str());
      ok = false;
    }
    if (v.journal && v.digest.journal != with_journal->digest.journal) {
      std::printf("MISMATCH: the journal of %s differs from that of %s (%lld and %lld entries)\n",
                  v.label.c_str(), with_journal->label.c_str(), static_cast<long long>(v.digest.journal.rows),
                  static_cast<long long>(with_journal->digest.journal.rows));
      ok = false;
    }
    if (v.journal && v.digest.findings != with_journal->digest.findings) {
      std::printf("MISMATCH: the findings of %s differ from those of %s (%lld and %lld rows)\n",
                  v.label.c_str(), with_journal->label.c_str(),
                  static_cast<long long>(v.digest.findings.rows),
                  static_cast<long long>(with_journal->digest.findings.rows));
      ok = false;
    }
  }
  if (!ok || !reference) return ok;
  std::printf(
      "  check: mediation_case is the same in every variant's database (%lld rows, all %d\n"
      "         columns, ids included)",
      static_cast<long long>(reference->digest.cases.rows), reference->digest.case_columns);
  if (with_journal)
    std::printf(
        "; so are the journal (%lld entries) and the findings (%lld rows)\n"
        "         in every variant but (a), except the journal's times, hashes and record states;\n"
        "         fz_journal_verify finds every chain intact",
        static_cast<long long>(with_journal->digest.journal.rows),
        static_cast<long long>(with_journal->digest.findings.rows));
  std::printf("\n");
  return ok;
}

void print_storage(const Storage& s, const Corpus& corpus, const std::string& variant_label) {
  const double cases = static_cast<double>(corpus.cases);
  std::printf("storage of the %s database: %.1f MB, %.0f B per case\n", variant_label.c_str(),
              mb(static_cast<double>(s.file_bytes)), static_cast<double>(s.file_bytes) / cases);
  if (!s.available) {
    std::printf("  (no breakdown: dbstat is not available: %s)\n", s.why_not.c_str());
    return;
  }
  std::uint64_t other = s.free_bytes;
  std::printf("  ");
  for (const char* table : {"mediation_case", "journal", "finding"}) {
    auto it = s.table_bytes.find(table);
    std::uint64_t bytes = it == s.table_bytes.end() ? 0 : it->second;
    std::printf("%s %.0f B/case (%.0f%%), ", table, static_cast<double>(bytes) / cases,
                100.0 * static_cast<double>(bytes) / static_cast<double>(s.file_bytes));
  }
  for (const auto& [table, bytes] : s.table_bytes)
    if (table != "mediation_case" && table != "journal" && table != "finding") other += bytes;
  std::printf("the rest %.0f B/case\n", static_cast<double>(other) / cases);
  std::printf("  (each table with its indexes, the journal with its names, journal_name; the rest: the\n"
              "  other tables and free pages; dbstat)\n");
}

bool print_indicators(const IndicatorResults& r) {
  std::printf("indicators, %s, the whole catalogue (%zu codes, %zu of them mediation.*), warm cache:\n",
              r.year.c_str(), r.catalogue_codes, r.mediation_codes);
  std::printf("  root %s (the whole tree; %lld cases received in %s), median of %d run%s:\n",
              r.root->key.c_str(), static_cast<long long>(r.root_received), r.year.c_str(), r.root_runs,
              r.root_runs == 1 ? "" : "s");
  auto row = [](const char* name, const QueryTiming& t) {
    std::printf("    %-32s %10.2f ms   (CPU %10.2f ms)\n", name, ms(t.wall), ms(t.cpu));
  };
  row("fazhi fz_indicators", r.root_fazhi);
  row("(c) hand SQL, per-unit plan", r.root_per_unit);
  row("(c) hand SQL, plain scan", r.root_scan);
  row("(c) hand SQL, plain scan, mmap", r.root_scan_mmap);
  std::printf("    fazhi / best hand SQL (%s): %.2f\n", r.root_best_name(),
              r.root_fazhi.wall / r.root_best().wall);
  for (const LeafTiming* leaf : {&r.probe, &r.typical}) {
    std::printf("  leaf %s %s, %s\n    (%lld cases received in %s), medians of %d runs:\n",
                leaf->unit->kind.c_str(), leaf->unit->key.c_str(),
                leaf == &r.probe ? "the probe: the same cases at every --n" : "a typical village at this --n",
                static_cast<long long>(leaf->received), r.year.c_str(), r.leaf_runs);
    std::printf("    %-32s %10.3f ms   (CPU %10.3f ms)\n", "fazhi fz_indicators", ms(leaf->fazhi.wall),
                ms(leaf->fazhi.cpu));
    std::printf("    %-32s %10.3f ms   (CPU %10.3f ms)\n", "(c) hand SQL, per-unit plan",
                ms(leaf->per_unit.wall), ms(leaf->per_unit.cpu));
    std::printf("    fazhi / hand SQL: %.2f\n", leaf->fazhi.wall / leaf->per_unit.wall);
  }
  for (const std::string& m : r.mismatches) std::printf("MISMATCH: %s\n", m.c_str());
  if (!r.mismatches.empty()) return false;
  std::printf(
      "  check: fazhi's mediation.* values equal the hand SQL's at %s, %s and %s; the three root plans\n"
      "         agree\n",
      r.root->key.c_str(), r.probe.unit->key.c_str(), r.typical.unit->key.c_str());
  return true;
}

}  // namespace bench
