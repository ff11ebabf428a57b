// schema.hpp — the database schema as a numbered list of migrations.
//
// PRAGMA user_version holds the number of migrations applied and
// PRAGMA application_id marks a file as fazhi's. Opening an older file applies
// the missing migrations in one transaction; a newer file is refused.
#pragma once

#include "store/sqlite.hpp"

#include <functional>

namespace fazhi::store {

// 'FZHI' — tells a fazhi database from any other SQLite file.
constexpr int kApplicationId = 0x465A4849;

// Number of migrations this build knows (the schema version it writes).
int schema_version();

// Checks that the connection holds a fazhi database (or an empty file, which
// it initialises) and brings it to schema_version().
// Throws Error(corrupt) for another application's SQLite file or garbage,
// Error(version) for a file written by a newer fazhi. `migrated`, when
// given, runs inside the migration's transaction after every step, only
// when the file was migrated (a keyed handle checkpoints the upgrade).
void prepare_schema(Connection& conn, const std::function<void(Connection&)>& migrated = {});

}  // namespace fazhi::store
