// equivalent_import.hpp — baseline (b), the ceiling: the SQLite and hashing
// work of fazhi's import, written by hand in C++ over SQLiteCpp with prepared
// statements reused, in the same transactions (every `chunk` lines of the
// same line sequence, case_sequence.hpp), into a fazhi database that holds
// the units and committees (direct_sqlite.hpp). Per line:
//
//   case record   INSERT of the mediation_case row (labour deadline included),
//                 then its journal entry ("create", the change as fazhi
//                 journals it);
//   close action  UPDATE of the six close columns by the case's key
//                 (RETURNING its id, unit and labour deadline), the finding
//                 row when a labour case closed after its deadline, then its
//                 journal entry ("close");
//   each commit   the journal head in meta.
//
// The journal rows are fazhi's: SHA-256 chained, same canonical entry, the
// key on the create only, amounts in fen only (journal_chain.hpp); the tables
// come out identical to fazhi's except for the journal's times and hashes
// (the benchmark checks it: db_digest.hpp). Not done, because the result does
// not need it: parsing JSON, validating, looking the case up before its
// update, looking up the create's key before journaling a close, fazhi's
// delete-and-reinsert of a record's findings. Timed: opening, the transactions, closing; generating
// the next lines is not (the labour deadline is computed by the generator).
#pragma once

#include <cstddef>
#include <string>

#include "child_process.hpp"
#include "synthetic.hpp"

namespace bench {

class WorkingDays;

// With `bulk`, the reporting indexes are dropped first and created last
// (DeferredCaseIndexes), in timed work: what fz_bulk_begin does.
RunFigures import_equivalent(const std::string& path, const Dataset& d, const WorkingDays& calendar,
                             std::size_t chunk, bool bulk);

}  // namespace bench
