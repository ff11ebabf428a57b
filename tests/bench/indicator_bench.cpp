#include "indicator_bench.hpp"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

#include "fazhi_api.hpp"
#include "hand_sql.hpp"
#include "indicator_check.hpp"
#include "timing.hpp"

namespace bench {
namespace {

using json = nlohmann::json;

const char* kYear = "2022";
const char* kFrom = "2022-01-01";
const char* kTo = "2022-12-31";

// Runs every contender `runs` times, interleaved; medians per contender.
std::vector<QueryTiming> time_interleaved(const std::vector<std::function<void()>>& contenders, int runs) {
  std::vector<std::vector<double>> wall(contenders.size()), cpu(contenders.size());
  for (int r = 0; r < runs; ++r)
    for (std::size_t i = 0; i < contenders.size(); ++i) {
      Stopwatch clock;
      contenders[i]();
      wall[i].push_back(clock.seconds());
      cpu[i].push_back(clock.cpu_seconds());
    }
  std::vector<QueryTiming> out;
  for (std::size_t i = 0; i < contenders.size(); ++i) out.push_back({median(wall[i]), median(cpu[i])});
  return out;
}

}  // namespace

const QueryTiming& IndicatorResults::root_best() const {
  const QueryTiming* best = &root_per_unit;
  for (const QueryTiming* t : {&root_scan, &root_scan_mmap})
    if (t->wall < best->wall) best = t;
  return *best;
}

const char* IndicatorResults::root_best_name() const {
  const QueryTiming& best = root_best();
  return &best == &root_per_unit ? "per unit" : &best == &root_scan ? "plain scan" : "plain scan, mmap";
}

IndicatorResults run_indicators(const std::string& db_path, const Dataset& d, int root_runs) {
  IndicatorResults r;
  r.year = kYear;
  r.root = &d.root();
  r.probe.unit = &d.probe_village();
  r.typical.unit = &d.typical_village();
  r.root_runs = root_runs;
  r.leaf_runs = std::max(root_runs, 21);

  FazhiDb db(db_path, nullptr);
  HandSql per_unit(db_path, HandSql::Plan::per_unit);
  HandSql scan(db_path, HandSql::Plan::plain_scan);
  HandSql scan_mmap(db_path, HandSql::Plan::plain_scan, true);

  auto catalogue = [&](const std::string& unit) {
    std::string query = json{{"unit", unit}, {"period", kYear}}.dump();
    char* out = nullptr;
    check(fz_indicators(db.get(), query.c_str(), &out), "fz_indicators " + query);
    return take(out);
  };

  // Warm-up: the values.
  for (const Unit* unit : {r.root, r.probe.unit, r.typical.unit}) {
    json result = json::parse(catalogue(unit->key));
    std::vector<std::string> codes;
    for (const json& item : result.at("indicators")) {
      std::string code = item.at("code").get<std::string>();
      if (code.rfind("mediation.", 0) == 0) codes.push_back(code);
    }
    r.catalogue_codes = result.at("indicators").size();
    r.mediation_codes = codes.size();
    Figures figures = per_unit.compute(unit->key, kFrom, kTo);
    (unit == r.root ? r.root_received : unit == r.probe.unit ? r.probe.received : r.typical.received) =
        figures.received;
    for (const std::string& m : compare_indicators(result, expected_indicators(figures), codes))
      r.mismatches.push_back(unit->key + ": " + m);
    if (unit == r.root) {
      if (!(scan.compute(unit->key, kFrom, kTo) == figures))
        r.mismatches.push_back(unit->key + ": the plain scan's figures differ from the per-unit plan's");
      if (!(scan_mmap.compute(unit->key, kFrom, kTo) == figures))
        r.mismatches.push_back(unit->key + ": the mmap plain scan's figures differ from the per-unit plan's");
    }
  }

  std::vector<QueryTiming> root = time_interleaved(
      {[&] { catalogue(r.root->key); }, [&] { per_unit.compute(r.root->key, kFrom, kTo); },
       [&] { scan.compute(r.root->key, kFrom, kTo); }, [&] { scan_mmap.compute(r.root->key, kFrom, kTo); }},
      r.root_runs);
  r.root_fazhi = root[0];
  r.root_per_unit = root[1];
  r.root_scan = root[2];
  r.root_scan_mmap = root[3];

  for (LeafTiming* leaf : {&r.probe, &r.typical}) {
    const std::string& key = leaf->unit->key;
    std::vector<QueryTiming> t = time_interleaved(
        {[&] { catalogue(key); }, [&] { per_unit.compute(key, kFrom, kTo); }}, r.leaf_runs);
    leaf->fazhi = t[0];
    leaf->per_unit = t[1];
  }
  db.close();
  return r;
}

}  // namespace bench
