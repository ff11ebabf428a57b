// synthetic.hpp — the benchmark's data: a three-level unit tree (root →
// townships/streets → villages/communities), one people's mediation committee
// per village/community, and N mediation cases received over 2021–2023, about
// 80% of them closed. Deterministic: the same sizes give the same data.
//
// Both import paths consume exactly this: fazhi as NDJSON (ndjson_lines.hpp),
// the raw baseline as bound columns (raw_insert.hpp).
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

struct Dataset {
  std::vector<Unit> units;  // root first, parents before children
  std::vector<Committee> committees;
  std::vector<Case> cases;
  std::vector<std::size_t> closed;  // indices of closed cases, in case order
  int townships = 0;
  int villages = 0;
};

// Received dates span [first_received_day(), last_received_day()]; closes and
// labour deadlines fall at most max_days_after() days later.
int first_received_day();
int last_received_day();
int max_days_after();

Dataset generate(std::size_t cases, int units, const WorkingDays& calendar);

}  // namespace bench
