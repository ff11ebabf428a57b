// due_dates.hpp — the derived table of open statutory deadlines.
//
// due_date holds one row per deadline of a record (kind, record_id, rule),
// open or met, with the record's key and unit, the due date, the day it was
// counted from and the day it was met (NULL while open). Alerts read the open
// rows; the indicators alerts.overdue and alerts.concluded_late read them all. It is derived data, like an index: written by the record
// store in the transaction that changes the record, from the kind's deadline
// declarations (deadline_decl.hpp); never journaled and not part of a
// record's proven state (record_state.hpp), so it can be rebuilt from the
// records at any time (rebuild_due_dates) without touching the journal.
#pragma once

#include "domain/kind.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace fazhi::domain {

// Replaces the due_date rows of one record with its deadlines on
// `values` (the complete stored values, after the change). `unit` is the
// record's org unit (none for kinds without one).
void refresh_due_dates(Context& ctx, const Kind& kind, std::int64_t id, const std::string& key,
                       std::optional<std::int64_t> unit, const json& values);

// Computes the due_date rows of every record of every kind that declares
// deadlines, with the calendar the file's handles use (the built-in schedules
// and those loaded into it). The upgrade of an older file runs it once
// (schema migration 14); afterwards every change keeps the table current.
void rebuild_due_dates(store::Connection& conn);

// The records with a deadline counted through one of `years`: counted
// from a day on or before a year's 31 December and due on or after its
// 1 January. Loading a year's schedule can move exactly these deadlines.
std::vector<std::pair<const Kind*, std::int64_t>> records_counted_through(store::Connection& conn,
                                                                         const std::set<int>& years);

}  // namespace fazhi::domain
