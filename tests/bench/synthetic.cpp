#include "synthetic.hpp"

#include "dates.hpp"
#include "working_days.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace bench {
namespace {

// SplitMix64: tiny, fast and deterministic on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t state() const { return s_; }
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // In [0, n); the modulo bias is below 2^-40 for the sizes used here.
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

 private:
  std::uint64_t s_;
};

struct Weighted {
  const char* code;
  int weight;
};

template <std::size_t N>
const char* pick(Rng& rng, const Weighted (&table)[N]) {
  int total = 0;
  for (const Weighted& w : table) total += w.weight;
  int r = static_cast<int>(rng.below(static_cast<std::uint64_t>(total)));
  for (const Weighted& w : table) {
    if (r < w.weight) return w.code;
    r -= w.weight;
  }
  return table[N - 1].code;
}

// Every category code of mediation_case, weighted roughly as county statistics
// report them (family and neighbour disputes dominate).
const Weighted kCategories[] = {
    {"marriage_family", 20}, {"neighbourhood", 19}, {"housing_homestead", 10},
    {"contract", 8},         {"production_business", 5}, {"damages", 8},
    {"land_forest", 5},      {"land_acquisition_demolition", 3}, {"environment", 2},
    {"labour", 7},           {"consumer", 3},       {"medical", 2},
    {"traffic", 4},          {"property_management", 3}, {"other", 1},
};
const Weighted kSources[] = {{"application", 60},     {"ex_officio", 20},
                             {"referral_police", 8},  {"referral_court", 5},
                             {"referral_petition", 4}, {"referral_other", 3}};
const Weighted kOutcomes[] = {{"succeeded", 86}, {"failed", 7}, {"terminated", 4},
                              {"withdrawn", 2},  {"transferred", 1}};

std::string padded(const char* prefix, std::size_t n, int width) {
  std::string digits = std::to_string(n);
  if (static_cast<int>(digits.size()) < width)
    digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  return prefix + digits;
}

// An amount in fen: spread over 1 yuan .. ~3 million yuan on a log scale, so
// that some cases pass the 500 000 yuan "large amount" threshold.
std::int64_t amount(Rng& rng) {
  double yuan = std::pow(10.0, rng.unit() * 6.5);
  std::int64_t fen = static_cast<std::int64_t>(yuan) * 100;
  if (rng.chance(0.3)) fen += rng.between(1, 99);
  return fen;
}

void make_tree(Dataset& d, int units, Rng& rng) {
  d.townships = std::clamp(units / 33, 2, 30);
  d.villages = units - 1 - d.townships;
  if (d.villages < d.townships) throw std::runtime_error("--units is too small for a three-level tree");
  d.units.push_back({"county", "示范县人民政府", "government", -1});
  for (int t = 0; t < d.townships; ++t) {
    bool street = t % 2 == 1;
    d.units.push_back({padded("t", static_cast<std::size_t>(t + 1), 2),
                       "第" + std::to_string(t + 1) + (street ? "街道" : "镇"),
                       street ? "street" : "township", 0});
  }
  for (int v = 0; v < d.villages; ++v) {
    int parent = 1 + v % d.townships;
    bool community = d.units[static_cast<std::size_t>(parent)].kind == "street";
    d.units.push_back({padded("v", static_cast<std::size_t>(v + 1), 5),
                       std::to_string(v + 1) + (community ? "社区" : "村"),
                       community ? "community" : "village", parent});
  }
  // One committee per village/community. Most were set up long ago, some
  // without a recorded date, a few only in 2023 (so 2022's coverage < 100%).
  for (int v = 0; v < d.villages; ++v) {
    int unit = 1 + d.townships + v;
    Committee c;
    c.key = padded("c", static_cast<std::size_t>(v + 1), 5);
    c.name = d.units[static_cast<std::size_t>(unit)].name + "人民调解委员会";
    c.unit = unit;
    double r = rng.unit();
    if (r < 0.05)
      c.established = day_text(day_number(2023, 1, 1) + rng.between(0, 364));
    else if (r > 0.90)
      c.established = "";
    else
      c.established = day_text(day_number(2005, 1, 1) + rng.between(0, 16 * 365));
    c.members = rng.between(3, 15);
    d.committees.push_back(std::move(c));
  }
}

}  // namespace

int first_received_day() { return day_number(2021, 1, 1); }
int last_received_day() { return day_number(2023, 12, 31); }
int max_days_after() { return 60; }

const std::vector<std::string>& category_codes() {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> out;
    for (const Weighted& w : kCategories) out.push_back(w.code);
    return out;
  }();
  return codes;
}

const Unit& Dataset::typical_village() const {
  return units[static_cast<std::size_t>(1 + townships + villages / 2)];
}

const Unit& Dataset::probe_village() const {
  return units[static_cast<std::size_t>(committees[static_cast<std::size_t>(probe_committee)].unit)];
}

Dataset make_dataset(std::size_t n, int units) {
  Dataset d;
  Rng rng(0xFA2417BE7C4ull + static_cast<std::uint64_t>(units));
  make_tree(d, units, rng);
  d.probe_committee = static_cast<int>(d.committees.size()) - 1;
  d.cases = n;
  d.probe_cases = std::min(kProbeCases, n / 10);
  d.case_seed = rng.state();
  return d;
}

CaseGenerator::CaseGenerator(const Dataset& d, const WorkingDays& calendar)
    : d_(d), calendar_(calendar), rng_(d.case_seed), per_committee_(d.committees.size(), 0) {}

bool CaseGenerator::next(Case& c) {
  if (i_ >= d_.cases) return false;
  Rng rng(rng_);
  const int span = last_received_day() - first_received_day() + 1;
  c.key = padded("mc", i_ + 1, 7);
  // Every committee but the probe's at random (the draw is made for the
  // probe's cases too, so that the others do not depend on their number).
  c.committee = static_cast<int>(rng.below(d_.committees.size() - 1));
  const std::uint64_t n = d_.cases, k = d_.probe_cases, i = i_;
  if ((i + 1) * k / n > i * k / n) c.committee = d_.probe_committee;
  const Committee& committee = d_.committees[static_cast<std::size_t>(c.committee)];
  c.unit = committee.unit;
  int received = first_received_day() + static_cast<int>(rng.below(static_cast<std::uint64_t>(span)));
  c.received = day_text(received);
  c.case_number = "（" + std::to_string(year_of(received)) + "）" + committee.key + "调字第" +
                  std::to_string(++per_committee_[static_cast<std::size_t>(c.committee)]) + "号";
  c.source = pick(rng, kSources);
  c.category = pick(rng, kCategories);
  bool labour = std::string(c.category) == "labour";
  c.amount_fen = rng.chance(0.7) ? amount(rng) : -1;
  c.unnatural_death = rng.chance(0.003);
  c.mass_incident_risk = rng.chance(0.015);
  c.labour_deadline = labour ? calendar_.deadline(received, 15) : std::string();

  c.closed.clear();
  c.outcome = nullptr;
  c.agreement = nullptr;
  c.agreement_amount_fen = -1;
  c.prevented_mass_incident = false;
  c.prevented_criminal_case = false;
  if (rng.chance(0.8)) {
    // Labour cases mostly within their 15 days, some late (a warning finding).
    int after = labour ? rng.between(0, 20) : rng.between(0, max_days_after());
    c.closed = day_text(received + after);
    c.outcome = pick(rng, kOutcomes);
    if (std::string(c.outcome) == "succeeded") {
      c.agreement = rng.chance(0.65) ? "written" : "oral";
      if (c.amount_fen >= 0 && rng.chance(0.8))
        c.agreement_amount_fen = c.amount_fen * rng.between(20, 100) / 100;
    }
    c.prevented_mass_incident = rng.chance(c.mass_incident_risk ? 0.6 : 0.002);
    c.prevented_criminal_case = rng.chance(0.01);
  }
  rng_ = rng.state();
  ++i_;
  return true;
}

}  // namespace bench
