#include "goals.hpp"

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace bench {
namespace {

constexpr std::size_t kCountry = 15000000;  // a whole country's year of mediation cases

const char* verdict(bool pass) { return pass ? "PASS" : "MISS"; }

void row(const char* goal, const std::string& who, const std::string& measured, const char* v) {
  std::printf("  %-44s %-16s %14s  %s\n", goal, who.c_str(), measured.c_str(), v);
}

std::string fmt(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

}  // namespace

void print_goals(const ImportResults& imports, const IndicatorResults& ind, const Corpus& corpus) {
  const bool country = corpus.cases >= kCountry;
  const double cases = static_cast<double>(corpus.cases);
  const VariantResult* ceiling = imports.find("equivalent");
  const VariantResult* python = imports.find("python");
  std::vector<const VariantResult*> fazhi;
  for (const char* name : {"fz_import", "fz_import_file", "cli"})
    if (const VariantResult* v = imports.find(name)) fazhi.push_back(v);
  auto short_name = [](const VariantResult& v) { return v.name == "cli" ? std::string("CLI") : v.name; };

  std::printf("goals (issue 14), as measured by this run at --n %zu; never asserted:\n", corpus.cases);
  std::printf("  %-44s %-16s %14s  %s\n", "goal", "through", "measured", "verdict");
  // One goal, a row per variant, the goal's text on the first.
  auto goal = [&](const char* text, bool cli_and_file_only, auto measure) {
    bool first = true;
    for (const VariantResult* v : fazhi) {
      if (cli_and_file_only && v->name == "fz_import") continue;
      auto [measured, v_verdict] = measure(*v);
      row(first ? text : "", short_name(*v), measured, v_verdict);
      first = false;
    }
  };
  using Row = std::pair<std::string, const char*>;
  goal("import throughput >= 0.70 x (b) (wall)", false, [&](const VariantResult& v) -> Row {
    if (!ceiling) return {"-", "n/a (no (b))"};
    double ratio = ceiling->wall() / v.wall();
    return {fmt("%.2f", ratio), verdict(ratio >= 0.70)};
  });
  if (ceiling)
    goal("  the same by CPU time (not a goal)", false, [&](const VariantResult& v) -> Row {
      return {fmt("%.2f", ceiling->cpu() / v.cpu()), ""};
    });
  goal("import >= 4x faster than Python (wall)", false, [&](const VariantResult& v) -> Row {
    if (!python) return {"-", "n/a (no Python)"};
    double ratio = python->wall() / v.wall();
    return {fmt("%.2fx", ratio), verdict(ratio >= 4.0)};
  });
  goal("bytes written <= 3 x final file size", false, [&](const VariantResult& v) -> Row {
    double ratio = v.write_bytes() / v.file();
    return {fmt("%.1f", ratio), verdict(ratio <= 3.0)};
  });
  goal("CPU per case flat, 100 000 .. 15 000 000", false, [&](const VariantResult& v) -> Row {
    return {fmt("%.1f us", v.cpu() / cases * 1e6), "compare runs"};
  });
  goal("15 000 000 cases in < 15 min", true, [&](const VariantResult& v) -> Row {
    bool pass = v.wall() < 15 * 60;
    return {fmt("%.1f s", v.wall()), country ? verdict(pass) : pass ? "n/a (at 15M)" : "MISS"};
  });
  goal("peak RSS < 256 MB (at 15 000 000)", true, [&](const VariantResult& v) -> Row {
    bool pass = v.rss_kb() < 256 * 1024;
    return {fmt("%.1f MB", v.rss_kb() / 1024.0), country ? verdict(pass) : pass ? "n/a (at 15M)" : "MISS"};
  });
  {
    bool pass = ind.root_fazhi.wall < 10.0;
    row("root catalogue < 10 s at 15 000 000", "fz_indicators", fmt("%.3f s", ind.root_fazhi.wall),
        country ? verdict(pass)
        : pass  ? "n/a (at 15M)"
                : "MISS");
    double ratio = ind.root_fazhi.wall / ind.root_best().wall;
    row("root catalogue <= 1.2 x best hand SQL", "fz_indicators", fmt("%.2f", ratio), verdict(ratio <= 1.2));
    row("leaf query < 1 ms (the probe village)", "fz_indicators", fmt("%.3f ms", ind.probe.fazhi.wall * 1000),
        verdict(ind.probe.fazhi.wall < 0.001));
    row("leaf query flat with table size (probe)", "fz_indicators",
        fmt("%.3f ms", ind.probe.fazhi.wall * 1000), "compare runs");
    row("  a typical village (not a goal)", "fz_indicators", fmt("%.3f ms", ind.typical.fazhi.wall * 1000),
        "");
  }
  std::printf("  (\"compare runs\": judged across runs of different --n, see README.md's Performance)\n");
}

}  // namespace bench
