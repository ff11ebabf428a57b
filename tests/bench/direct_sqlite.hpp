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

}  // namespace bench
