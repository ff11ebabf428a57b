// options.hpp — how a database is opened and how changes are applied.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>

namespace fazhi {

// strict: a statutory rule violation refuses the change (Status::rule).
// historical: for records entered after the fact, the record is stored and the
// violation is kept as a finding. State conflicts (closing a closed case) are
// refused in both modes.
enum class Mode { strict, historical };

struct OpenOptions {
  bool create = true;         // create the file when missing
  bool read_only = false;
  int busy_timeout_ms = 5000;  // how long to wait for another writer
  std::string actor = "fazhi";  // recorded in the journal when a call names none
  Mode mode = Mode::strict;
  // The path is an SQLite URI ("file:zone.db?mode=ro", "file:x?mode=memory&
  // cache=shared"), with every query parameter SQLite gives it. Without it the
  // path is a file name and nothing else: "file:x.db?mode=ro" is a file of
  // that name, opened as the other options say.
  bool uri = false;
  // The key of the journal's keyed checkpoints (HMAC-SHA-256; at least 16
  // bytes, any bytes but kept as given): every commit of this handle then
  // authenticates the journal's head, and verification checks the
  // checkpoints. Kept in memory only, never written to the file or a log.
  // Empty: no checkpoints are written, and those in the file are counted
  // but cannot be checked.
  std::string journal_key = {};

  // fz_open's options_json: null, or {"create", "read_only", "uri": bool,
  // "busy_timeout_ms": n >= 0, "actor": non-empty text, "mode": "strict" |
  // "historical", "journal_key": text of at least 16 bytes}. Throws
  // Error(argument) naming the key.
  static OpenOptions from_json(const nlohmann::json& options);
};

struct ImportOptions {
  Mode mode = Mode::strict;
  std::size_t batch = 1000;  // lines per transaction
  std::string actor;         // empty: the database's actor
  // The call is a bulk load of its own (Database::bulk_begin .. bulk_end
  // around it) unless one is open on the handle.
  bool bulk = false;
  // Writes nothing: the whole call runs in one transaction (a savepoint
  // inside the host's) that is rolled back at its end, so later lines see
  // what earlier lines would have done; the summary lists every line's
  // change. Not with `bulk`.
  bool dry_run = false;
  // The summary lists what each line did ("changes"; implied by dry_run).
  bool list_changes = false;
  // A line whose record already exists is rejected (FZ_E_CONFLICT naming
  // the key) instead of replacing it; action lines are applied as ever.
  bool insert_only = false;

  // fz_import's options_json: null, or {"mode", "batch": n >= 1, "actor":
  // non-empty text, "bulk", "dry_run", "list_changes", "insert_only": bool};
  // the mode defaults to `mode` (the database's). Throws Error(argument)
  // naming the key.
  static ImportOptions from_json(const nlohmann::json& options, Mode mode);
};

// "strict" / "historical"; throws Error(argument, field, ...) otherwise.
Mode parse_mode(const std::string& text, const std::string& field = "mode");
const char* mode_name(Mode m);

}  // namespace fazhi
