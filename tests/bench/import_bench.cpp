#include "import_bench.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <functional>
#include <stdexcept>

#include "equivalent_import.hpp"
#include "fazhi_import.hpp"
#include "raw_insert.hpp"
#include "scratch_dir.hpp"
#include "timing.hpp"

namespace bench {
namespace {

std::uint64_t size_of(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
}

template <class F>
double median_of(const VariantResult& v, F figure) {
  std::vector<double> samples;
  for (std::size_t i = 0; i < v.runs.size(); ++i) samples.push_back(figure(i));
  return median(samples);
}

struct Plan {
  VariantResult* result;
  std::function<ChildOutcome(const std::string& db)> run;
};

}  // namespace

double VariantResult::wall() const {
  return median_of(*this, [&](std::size_t i) { return runs[i].timed.wall; });
}
double VariantResult::cpu() const {
  return median_of(*this, [&](std::size_t i) { return runs[i].timed.user + runs[i].timed.sys; });
}
double VariantResult::sys() const {
  return median_of(*this, [&](std::size_t i) { return runs[i].timed.sys; });
}
double VariantResult::write_bytes() const {
  return median_of(*this, [&](std::size_t i) { return static_cast<double>(runs[i].write_bytes); });
}
double VariantResult::file() const {
  return median_of(*this, [&](std::size_t i) { return static_cast<double>(file_bytes[i]); });
}
double VariantResult::rss_kb() const {
  return median_of(*this, [&](std::size_t i) { return static_cast<double>(runs[i].max_rss_kb); });
}

const VariantResult* ImportResults::find(const std::string& name) const {
  for (const VariantResult& v : variants)
    if (v.name == name) return &v;
  return nullptr;
}

ImportResults run_imports(const Options& opt, const Dataset& d, const WorkingDays& calendar,
                          const Corpus& corpus, ScratchDir& dir) {
  ImportResults results;
  const std::string chunk = std::to_string(opt.chunk);
  auto wanted = [&](const char* name) { return opt.skip.count(name) == 0; };

  // The printed order.
  struct Spec {
    const char* name;
    const char* label;
    bool journal;
    bool enabled;
  };
  const Spec specs[] = {
      {"raw", "(a) raw: one INSERT per case", false, wanted("raw")},
      {"equivalent", "(b) equivalent C++ (ceiling)", true, wanted("equivalent")},
      {"fz_import", "fazhi fz_import, chunks", true, wanted("fz_import")},
      {"fz_import_file", "fazhi fz_import_file", true, wanted("fz_import_file")},
      {"cli", "fazhi CLI import", true, wanted("cli") && !opt.cli.empty()},
      {"python", "Python sqlite3 (equivalent)", true, wanted("python") && !opt.python.empty()},
  };
  for (const Spec& s : specs) {
    if (!s.enabled) continue;
    VariantResult v;
    v.name = s.name;
    v.label = s.label;
    v.journal = s.journal;
    results.variants.push_back(v);
  }
  auto result = [&](const char* name) {
    for (VariantResult& v : results.variants)
      if (v.name == name) return &v;
    return static_cast<VariantResult*>(nullptr);
  };

  // The run order: the fazhi variants last, fz_import at the very end, so that
  // the database kept for the indicators is the only one left.
  std::vector<Plan> plans;
  if (VariantResult* v = result("raw"))
    plans.push_back({v, [&](const std::string& db) {
                       return run_forked([&] { return insert_cases_raw(db, d, calendar, opt.chunk, opt.bulk); });
                     }});
  if (VariantResult* v = result("equivalent"))
    plans.push_back({v, [&](const std::string& db) {
                       return run_forked([&] { return import_equivalent(db, d, calendar, opt.chunk, opt.bulk); });
                     }});
  if (VariantResult* v = result("python"))
    plans.push_back({v, [&](const std::string& db) {
                       return run_command({opt.python, opt.python_script, db, corpus.cases_path,
                                           corpus.calendar_path, "--batch", chunk},
                                          db + ".out");
                     }});
  if (VariantResult* v = result("cli"))
    plans.push_back({v, [&](const std::string& db) {
                       return run_command({opt.cli, "import", db, corpus.cases_path, "--batch", chunk, "-q",
                                           "--bulk", opt.bulk ? "on" : "off"},
                                          db + ".out");
                     }});
  if (VariantResult* v = result("fz_import_file"))
    plans.push_back({v, [&](const std::string& db) {
                       return run_forked([&] { return import_whole_file(db, corpus, opt.chunk, opt.bulk); });
                     }});
  if (VariantResult* v = result("fz_import"))
    plans.push_back({v, [&](const std::string& db) {
                       return run_forked([&] { return import_chunks(db, corpus, opt.chunk, opt.bulk); });
                     }});

  for (int round = 0; round < opt.repeat; ++round) {
    for (std::size_t p = 0; p < plans.size(); ++p) {
      VariantResult& v = *plans[p].result;
      const bool last = round + 1 == opt.repeat && p + 1 == plans.size();
      const std::string db = dir.file(v.name + ".db");
      std::fprintf(stderr, "fazhi_bench: run %d/%d %-15s ", round + 1, opt.repeat, v.name.c_str());
      std::fflush(stderr);
      setup_database(db, corpus, opt.chunk);
      v.load.push_back(load_average());
      ChildOutcome outcome = plans[p].run(db);
      if (!outcome.ok) throw std::runtime_error(v.label + " failed: " + outcome.error);
      v.file_bytes.push_back(size_of(db) + size_of(db + "-wal"));
      v.runs.push_back(outcome);
      std::fprintf(stderr, "%8.2f s wall, %8.2f s CPU\n", outcome.timed.wall,
                   outcome.timed.user + outcome.timed.sys);
      if (round == 0) v.digest = digest_database(db);
      if (last) {
        results.kept_database = db;
        results.kept_label = v.name;
      } else {
        dir.remove(db);
        dir.remove(db + ".out");
      }
    }
  }
  return results;
}

}  // namespace bench
