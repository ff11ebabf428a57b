// record_store.hpp — put / get / patch / list / act for any declared kind.
//
// These functions expect the caller (Database) to hold the handle's lock and,
// for changes, an open write transaction; they validate, write the row and
// append the journal entry, or throw and leave the transaction to be rolled
// back by the caller.
#pragma once

#include "domain/kind.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

namespace fazhi::domain {

enum class PutOutcome { inserted, updated, unchanged };

struct PutResult {
  std::int64_t id = 0;
  std::string key;
  PutOutcome outcome = PutOutcome::unchanged;
  // For an update: the host's fields it cleared (set before, absent now),
  // whether the record had been acted on (an action's field is set), and
  // whether it moved the record to another unit (and by which field).
  std::vector<std::string> cleared;
  bool acted_on = false;
  std::string moved_by;
};

// A resolver that looks references up through `conn`.
RefResolver make_resolver(store::Connection& conn);

// Inserts or replaces a record given in interchange form: the record is the
// one whose "key" is given, or the one whose "id" is given (explicitly, as an
// integer; it must exist, and agree with "key" when both are given); a new
// key inserts. Fields absent from `input` take their default or become empty.
PutResult put_record(Context& ctx, const Kind& kind, const json& input);

// Merges `patch` into the record: absent fields are kept, null clears.
void patch_record(Context& ctx, const Kind& kind, const std::string& key, const json& patch);

// Takes "actor" out of an action's arguments (fz_act's args, an NDJSON
// action line): "" when absent; otherwise it must be a non-empty string,
// else Error(argument, "actor").
std::string take_actor(json& args);

// Applies action `action` with `args` (journaled as op = action). Replaying
// an action already applied with the same arguments is `unchanged`.
PutOutcome act_on_record(Context& ctx, const Kind& kind, const std::string& key,
                   const std::string& action, const json& args);

// Computes again, after the schedules of `years` were loaded, every record
// marked provisional for one of them and every record with an open deadline
// counted through one of them (due_dates.hpp): deadlines, marks, findings and
// due dates, journaled as op "recompute" with the changed fields and
// findings. No other record is read. Returns how many records changed.
std::size_t recompute_for_schedules(Context& ctx, const std::set<int>& years);

// The record's org unit: the reference stored in the kind's unit column
// ("unit" for most kinds, a reconsideration case's organ); none for kinds
// without one.
std::optional<std::int64_t> record_unit(const Kind& kind, std::int64_t id, const json& values);

// How many records are marked provisional for each year; with `unit`, only
// the records of that unit's subtree (kinds without a unit are left out).
std::map<int, std::int64_t> provisional_record_counts(store::Connection& conn,
                                                      const std::string* unit = nullptr);

// The id of the record whose key is `key`. A key is only ever a key: "1" is
// not the record with id 1 (unless that record's key is "1").
std::optional<std::int64_t> find_record(store::Connection& conn, const Kind& kind,
                                        const std::string& key);
// " (did you mean 'k1' or 'k2'?)" for a key no record of `kind` has: the
// nearest of the first kSuggestedKeys keys, matched by key or, for a kind
// with a "name" field, by name; empty when none is near.
inline constexpr int kSuggestedKeys = 5000;
std::string nearest_keys(store::Connection& conn, const Kind& kind, const std::string& key);
// Like find_record, throwing Error(not_found) naming the kind and key.
std::int64_t require_record(store::Connection& conn, const Kind& kind, const std::string& key);
// The key of the record whose id is `id` (an id asked for explicitly).
std::optional<std::string> key_of_id(store::Connection& conn, const Kind& kind, std::int64_t id);

// Stored values of a record (storage form, absent fields omitted) and its key.
json load_values(store::Connection& conn, const Kind& kind, std::int64_t id,
                 std::string* key = nullptr);

// The record in interchange form: id, key (and key alias), fields, ext.
json get_record(store::Connection& conn, const Kind& kind, std::int64_t id);

// The journal keeps an amount of money once, as "<base>_fen" (write_change
// drops the "<base>_yuan" text, which format_yuan derives from it): this puts
// the yuan text back into a journaled change of `kind`, so that every reader
// (history, its Markdown, the export's actions) shows the change as the host
// gave it. Entries journaled before schema 6 hold both and stay as they are.
// The store layer stays free of money: it keeps and hashes what it is given.
void add_yuan_to_change(const Kind& kind, json& change);

// {"items": [...], "total": n}; query: unit, subtree, period, where, id,
// limit, offset.
json list_records(store::Connection& conn, const Kind& kind, const json& query);


}  // namespace fazhi::domain
