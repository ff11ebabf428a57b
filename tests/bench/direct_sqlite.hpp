// direct_sqlite.hpp — what the C++ baselines share: a SQLiteCpp connection to
// a fazhi database set up as fazhi sets up its own (foreign keys on, temporary
// storage in memory, a 32 MiB page cache; the file's WAL mode and SQLite's
// default synchronous = FULL apply to both), and the row ids of the units
// and committees the setup imported.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "synthetic.hpp"

namespace bench {

std::unique_ptr<SQLite::Database> open_like_fazhi(const std::string& path);

struct ReferenceIds {
  std::vector<std::int64_t> unit;       // by index into Dataset::units
  std::vector<std::int64_t> committee;  // by index into Dataset::committees
};

ReferenceIds reference_ids(SQLite::Database& db, const Dataset& d);

// fz_bulk_begin's strategy by hand: the indexes of mediation_case that the
// library defers (on unit_id first, or on one reference) are dropped by the
// constructor and created again by restore().
class DeferredCaseIndexes {
 public:
  explicit DeferredCaseIndexes(SQLite::Database& db);
  void restore();

 private:
  SQLite::Database& db_;
  std::vector<std::string> create_;
};

}  // namespace bench
