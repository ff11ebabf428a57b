// synthetic.hpp — the benchmark's data: a three-level unit tree (root →
// townships/streets → villages/communities), one people's mediation committee
// per village/community, and N mediation cases received over 2021–2023, about
// 80% of them closed. Deterministic: the same sizes give the same data.
//
// The tree is held in memory (a Dataset); the cases are streamed, one at a
// time, by a CaseGenerator, so that 15 million of them never exist at once.
//
// The last village is the probe: its committee receives a fixed number of
// cases (kProbeCases, evenly spread over the sequence) whatever N, while the
// others share the rest at random; so a query for the probe village meets
// the same rows at every size, and only the table around it grows.
// Every import path consumes exactly this: fazhi as NDJSON (corpus.hpp), the
// C++ baselines as bound columns (raw_insert.hpp, equivalent_import.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bench {

class WorkingDays;

struct Unit {
  std::string key, name, kind;  // kind: government | township | street | village | community
  int parent = -1;              // index into units; -1 for the root
};

struct Committee {
  std::string key, name;
  int unit = 0;             // index into units
  std::string established;  // "" = not given
  int members = 0;
};

struct Case {
  std::string key;
  int committee = 0;  // index into committees
  int unit = 0;       // index into units (the committee's unit)
  std::string case_number;
  std::string received;
  const char* source = nullptr;
  const char* category = nullptr;
  std::int64_t amount_fen = -1;  // -1: no amount given
  bool unnatural_death = false;
  bool mass_incident_risk = false;
  std::string labour_deadline;  // labour cases only (computed by fazhi, stored by raw)
  // The close action; closed == "" while the case is open.
  std::string closed;
  const char* outcome = nullptr;
  const char* agreement = nullptr;         // succeeded cases only
  std::int64_t agreement_amount_fen = -1;  // -1: not given
  bool prevented_mass_incident = false;
  bool prevented_criminal_case = false;

  bool is_closed() const { return !closed.empty(); }
};

// The probe village's cases (fewer when N < 10 x kProbeCases: a tenth of N).
constexpr std::size_t kProbeCases = 300;

struct Dataset {
  std::vector<Unit> units;  // root first, parents before children
  std::vector<Committee> committees;
  int townships = 0;
  int villages = 0;
  int probe_committee = 0;       // the last committee, of the last village
  std::size_t cases = 0;         // how many cases a CaseGenerator yields
  std::size_t probe_cases = 0;   // how many of them are the probe committee's
  std::uint64_t case_seed = 0;   // the generator's state after the tree

  const Unit& root() const { return units.front(); }
  // A village in the middle of the tree: its cases grow with N.
  const Unit& typical_village() const;
  const Unit& probe_village() const;
};

// Received dates span [first_received_day(), last_received_day()]; closes and
// labour deadlines fall at most max_days_after() days later.
int first_received_day();
int last_received_day();
int max_days_after();

// The tree and committees for `units` units, and the seed of `cases` cases.
Dataset make_dataset(std::size_t cases, int units);

// The category codes the generator uses (every code of mediation_case).
const std::vector<std::string>& category_codes();

// The cases of a Dataset, in order, from the first each time it is created.
class CaseGenerator {
 public:
  // Both must outlive the generator.
  CaseGenerator(const Dataset& d, const WorkingDays& calendar);

  // The next case into `c` (its strings reused); false after the last.
  bool next(Case& c);
  // Cases yielded so far.
  std::size_t count() const { return i_; }

 private:
  const Dataset& d_;
  const WorkingDays& calendar_;
  std::uint64_t rng_;
  std::size_t i_ = 0;
  std::vector<int> per_committee_;
};

}  // namespace bench
