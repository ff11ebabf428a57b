// record_state.hpp — the digest of a record's stored state: what the journal
// carries with every change (store/journal.hpp) and what verification
// (record_proof.hpp) compares a row with.
//
// A record's stored state is everything fazhi stored for it that a reader
// sees: its id, its key, every column of its row that holds a field (the
// declared fields, ext and provisional_deadlines) and its findings. Not in
// it: columns a kind maintains from other records — org_unit's path and
// depth, which re-parenting a unit rewrites for its whole subtree without an
// entry per unit; verification checks them against the parent links.
//
// The digest is SHA-256 of an image, a sequence of typed values:
//   the text "fazhi record state 2", the kind's name, the id, the key,
//   for each field column in the order stored_fields() gives that is not
//   null: the field's name, then its value;
//   the number of findings, then per finding in id order: key, unit_id,
//   date, rule, severity, message, source, provisional.
// A value is 0x00 (null); 0x01 and 8 bytes (an integer, two's complement,
// big-endian); 0x02 and 8 bytes (a double's IEEE bits, big-endian); or 0x03,
// the length as 4 bytes big-endian, and the bytes (a text). Values are taken
// as the column holds them: a boolean is the integer 0 or 1, an object or a
// list the JSON text written. So the digest of a row as read back equals the
// digest computed from the values the record store wrote, and any change of
// a stored byte changes it.
//
// Null columns are left out, and the others named, so that a migration
// adding a field (ALTER TABLE ... ADD COLUMN, null in every existing row)
// leaves the digest of every existing record as it was: the journal goes on
// proving records stored before it without a new seal.
//
// Custom indicators are records too: kind "custom_indicator", the id their
// rowid, the key their code, the columns label, expression and measure, no
// findings.
#pragma once

#include "domain/kind.hpp"
#include "store/sqlite.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi::domain {

// The columns of a kind's row that its state covers, in image order: the
// declared fields, then ext and provisional_deadlines.
const std::vector<const Field*>& stored_fields(const Kind& kind);

// The digest (32 bytes) of the state the record store is writing: `values`
// in storage form (absent fields are null), the findings it stores for the
// record and the unit they are stored under.
std::string state_of_values(const Kind& kind, std::int64_t id, const std::string& key,
                            const json& values, const std::vector<Finding>& findings,
                            std::optional<std::int64_t> finding_unit);

// The digest of a custom indicator as the indicator engine stores it.
std::string custom_indicator_state(std::int64_t rowid, const std::string& code,
                                   const std::string& label, const std::string& expression,
                                   const std::string& measure);

// The digest of a host's statistics form as the form store keeps it
// (forms/form_store.hpp): kind "form", the id its rowid, the key its code,
// the one column its definition's canonical JSON, no findings.
std::string form_state(std::int64_t rowid, const std::string& code, const std::string& definition);

// Where the states of one kind of record are read from.
struct StateSource {
  std::string kind;  // the journal's kind name
  std::string table;
  // SELECT id, key, <columns in image order> FROM <table>
  std::string select;
  // The field names of those columns, in the same order; empty: the columns
  // are positional and never null (custom indicators).
  std::vector<std::string> names;
  bool has_findings = true;
  // The SQL expression of a row's unit (Kind::unit_column); empty: the
  // records belong to no unit.
  std::string unit_column;
};

// Every source: the record kinds in registry order, then custom indicators,
// then forms.
const std::vector<StateSource>& state_sources();

// Reads a source's rows in id order, each with its state digest (its
// findings read alongside in one ordered pass over the finding index).
// Bounded memory: one row and its findings at a time.
class StateCursor {
 public:
  // `filter`: an SQL condition on the row (empty: every row), its
  // parameters bound in order from `binds`. `on_stray`: called once per
  // record id that has findings but no row among those read (only when there
  // is no filter, since a filter leaves rows out on purpose).
  StateCursor(store::Connection& conn, const StateSource& source, const std::string& filter = {},
              std::vector<std::string> binds = {},
              std::function<void(std::int64_t id, const std::string& key)> on_stray = {});
  ~StateCursor();
  StateCursor(const StateCursor&) = delete;
  StateCursor& operator=(const StateCursor&) = delete;

  // Moves to the next row; false at the end.
  bool next();
  std::int64_t id() const { return id_; }
  const std::string& key() const { return key_; }
  // The row's state digest (32 bytes).
  const std::string& digest() const { return digest_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::int64_t id_ = 0;
  std::string key_;
  std::string digest_;
};

// Schema 11's step: journals one entry of op "seal" (store::kSealOp) with
// an empty change for every record, carrying the state it has now, so that
// records journaled before schema 11 are proven from here on. Run by the
// migration, inside its transaction, once the file has every migration.
void seal_records(store::Connection& conn);

}  // namespace fazhi::domain
