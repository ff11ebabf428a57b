// reconsideration_case.hpp — what the schema needs of the reconsideration_case
// kind (domain/reconsideration_case.cpp): the step that finishes moving the
// reconsiderations a lawsuit held before schema 9.
#pragma once

#include "store/sqlite.hpp"

namespace fazhi::domain {

// Schema 9 moves every lawsuit of kind "reconsideration" into the table
// reconsideration_case by SQL (same id, same key), listing the moved ids in
// the temporary table moved_reconsideration(id). This finishes each one as
// the record store finishes a change: its deadlines, provisional marks and
// findings under reconsideration_case's rules, and its journal entries — an
// op "move" entry whose change names where it came from
// ({"from": {"kind": "lawsuit", "id": n}} with the record's fields), then one
// entry per action the old record implies (accept, then decide, settle or
// withdraw), so that an export replays them. The lawsuit's own entries stay
// as they were hashed; store::Journal::history() reads them before the move
// entry. Run by the migration once the file has every migration (it works
// through the current declarations), inside its transaction.
void finish_moved_reconsiderations(store::Connection& conn);

}  // namespace fazhi::domain
