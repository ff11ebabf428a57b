#include "exchange/ndjson_import.hpp"

#include "domain/record_store.hpp"
#include "exchange/ndjson.hpp"
#include "log.hpp"
#include "quote.hpp"
#include "store/sqlite.hpp"

#include <fazhi/error.hpp>

#include <SQLiteCpp/Exception.h>

#include <optional>

namespace fazhi::exchange {
namespace {

using json = nlohmann::json;

std::string strip_field_prefix(const Error& e) {
  std::string m = e.what();
  const std::string& f = e.field();
  if (!f.empty() && m.compare(0, f.size() + 2, f + ": ") == 0) return m.substr(f.size() + 2);
  return m;
}

// A line error rejects the line; any other error fails the batch.
bool is_line_error(Status s) {
  return s == Status::argument || s == Status::not_found || s == Status::rule ||
         s == Status::conflict;
}

// Lists what a line did, when asked to and while the list has room.
void list_change(const ImportOptions& options, ImportSummary& summary, std::size_t line,
                 const std::string& kind, const std::string& key, const char* change) {
  if (!options.list_changes && !options.dry_run) return;
  if (summary.changes.size() >= ImportSummary::kMaxListedChanges) {
    summary.changes_truncated = true;
    return;
  }
  summary.changes.push_back({line, kind, key, change});
}

// The warning an update deserves (ImportSummary::LineWarning), if any.
void warn_of_update(const domain::PutResult& r, const domain::Kind& k, std::size_t line,
                    ImportSummary& summary) {
  std::vector<std::string> fields;
  std::string message;
  if (!r.moved_by.empty()) {
    fields.push_back(r.moved_by);
    message = "moves the record to another unit (" + r.moved_by + ")";
  }
  if (r.acted_on && !r.cleared.empty()) {
    std::string names;
    for (const std::string& f : r.cleared) {
      fields.push_back(f);
      names += (names.empty() ? "" : ", ") + f;
    }
    message += std::string(message.empty() ? "" : "; ") + "clears " + names +
               " of a record already acted on (the line leaves them out)";
  }
  if (!fields.empty()) summary.warnings.push_back({line, k.name, r.key, std::move(fields), std::move(message)});
}

// Applies one NDJSON line (a record or an action) and counts it; `kind` and
// `key` say which record it was about as soon as that is known.
void apply_line(domain::Context& ctx, std::string_view line, std::size_t number, const ImportOptions& options,
                ImportSummary& summary, std::string& kind, std::string& key) {
  json obj = exchange::parse_line(line);
  const domain::Kind& k = domain::kind_named(obj["record"].get<std::string>());
  kind = k.name;
  if (!obj.contains("action")) {
    if (auto given = obj.find(k.key_alias.empty() ? "key" : k.key_alias);
        given != obj.end() && given->is_string())
      key = given->get<std::string>();
    else if (auto plain = obj.find("key"); plain != obj.end() && plain->is_string())
      key = plain->get<std::string>();
    if (options.insert_only) {
      if (obj.contains("id"))
        throw Error(Status::conflict, "id", "an insert-only import adds records and cannot address one by id");
      if (!key.empty() && domain::find_record(ctx.conn, k, key))
        throw Error(Status::conflict, "key",
                    k.name + " " + quote(key) + " exists; an insert-only import does not replace records");
    }
    auto r = domain::put_record(ctx, k, obj);
    key = r.key;
    const char* change = "unchanged";
    if (r.outcome == domain::PutOutcome::inserted) {
      ++summary.inserted;
      change = "inserted";
    } else if (r.outcome == domain::PutOutcome::updated) {
      ++summary.updated;
      change = "updated";
      warn_of_update(r, k, number, summary);
    } else {
      ++summary.unchanged;
    }
    list_change(options, summary, number, kind, key, change);
    return;
  }
  if (!obj["action"].is_string()) throw Error(Status::argument, "action", "expected an action name");
  if (!obj.contains("key") || !obj["key"].is_string())
    throw Error(Status::argument, "key", "an action line needs the record's key");
  std::string action = obj["action"];
  key = obj["key"];
  obj.erase("record");
  obj.erase("action");
  obj.erase("key");
  auto line_ctx = ctx;
  if (std::string actor = domain::take_actor(obj); !actor.empty()) line_ctx.actor = std::move(actor);
  if (domain::act_on_record(line_ctx, k, key, action, obj) == domain::PutOutcome::unchanged) {
    ++summary.unchanged;
    list_change(options, summary, number, kind, key, "unchanged");
  } else {
    ++summary.actions;
    list_change(options, summary, number, kind, key, "action");
  }
}

// Where a batch started in the summary: the counts, and the lengths of the
// lists (a batch applied again puts them back to this, without copying them).
struct SummaryMark {
  ImportSummary counts;  // the counts only: its lists stay empty
  std::size_t errors = 0, changes = 0, warnings = 0;
  bool truncated = false;

  explicit SummaryMark(const ImportSummary& s)
      : errors(s.errors.size()), changes(s.changes.size()), warnings(s.warnings.size()),
        truncated(s.changes_truncated) {
    counts.read = s.read;
    counts.inserted = s.inserted;
    counts.updated = s.updated;
    counts.unchanged = s.unchanged;
    counts.actions = s.actions;
    counts.rejected = s.rejected;
  }
  void restore(ImportSummary& s) const {
    s.read = counts.read;
    s.inserted = counts.inserted;
    s.updated = counts.updated;
    s.unchanged = counts.unchanged;
    s.actions = counts.actions;
    s.rejected = counts.rejected;
    s.errors.resize(errors);
    s.changes.resize(changes);
    s.warnings.resize(warnings);
    s.changes_truncated = truncated;
  }
};

// What a line error is made of, whichever exception carried it.
struct LineFailure {
  std::string field, message;
  Status status;
};

// Thrown inside a batch when a line failed after it had already written: the
// batch is rolled back and applied again with a savepoint around every line.
struct RetryWithSavepoints {};

// A rejected line must change nothing. The obvious way, a savepoint around
// every line, makes SQLite copy every page a line touches into the savepoint's
// journal, which costs more than the line itself. Nearly every rejection
// happens before the line writes anything (parsing, fields, references, rules
// are all checked first), so a batch runs without savepoints and watches
// SQLite's change counter; a line that fails after writing sends the batch
// back to its start, to be applied again with a savepoint per line.
//
// `Lines` is exchange::LineReader (a buffer) or exchange::FileLineReader (a
// file, read as it goes): the same lines give the same summary.
template <class Lines>
ImportSummary import_lines(domain::Context& ctx, Lines& reader, const ImportOptions& options,
                           const BeginBatch& begin_batch) {
  if (options.batch == 0) throw Error(Status::argument, "batch", "must be at least 1");
  ImportSummary summary;
  std::string_view line;
  std::size_t number = 0;
  bool more = reader.next(line, number);
  store::Connection& conn = ctx.conn;
  while (more) {
    // Where the batch starts, to apply it again if it must be.
    reader.mark();
    const std::size_t first_line = number;
    const SummaryMark batch_summary(summary);
    bool with_savepoints = false;
    for (;;) {
      try {
        std::unique_ptr<BatchScope> batch = begin_batch();
        for (std::size_t n = 0;;) {
          ++summary.read;
          if (with_savepoints) conn.run("SAVEPOINT fz_line");
          const int changes_before = conn.db().getTotalChanges();
          std::optional<LineFailure> failure;
          std::string kind, key;
          try {
            apply_line(ctx, line, number, options, summary, kind, key);
          } catch (const Error& e) {
            if (!is_line_error(e.status())) throw;
            failure = LineFailure{e.field(), strip_field_prefix(e), e.status()};
          } catch (const SQLite::Exception& e) {
            Status s = store::status_of_sqlite(e.getErrorCode());
            if (s != Status::conflict) throw;
            failure = LineFailure{"", e.what(), s};
          }
          if (failure) {
            if (with_savepoints) {
              conn.run("ROLLBACK TO fz_line");
              ctx.journal.invalidate();
              ctx.refs.forget();
              // The line may have been the one that set a table's indexes aside.
              if (ctx.deferred) ctx.deferred->forget();
            } else if (conn.db().getTotalChanges() != changes_before) {
              throw RetryWithSavepoints{};
            }
            ++summary.rejected;
            summary.errors.push_back({number, failure->field, failure->message, failure->status});
            list_change(options, summary, number, kind, key, "rejected");
          }
          if (with_savepoints) conn.run("RELEASE fz_line");
          if (++n == options.batch) break;
          more = reader.next(line, number);
          if (!more) break;
        }
        batch->commit();
        break;
      } catch (const RetryWithSavepoints&) {
        // The batch's scope has rolled back: start it again, carefully.
        reader.rewind();
        more = reader.next(line, number);
        batch_summary.restore(summary);
        ctx.refs.forget();
        with_savepoints = true;
      } catch (const Error& e) {
        throw Error(e.status(), "import stopped in the batch starting at line " +
                                    std::to_string(first_line) +
                                    " (rolled back; earlier batches kept): " + e.what());
      } catch (const SQLite::Exception&) {
        store::rethrow_as_fazhi("import stopped in the batch starting at line " +
                                std::to_string(first_line) + " (rolled back; earlier batches kept)");
      }
    }
    // The next batch's first line is read once this batch is committed: a
    // line that cannot be read (too long) stops the import after it.
    if (more) more = reader.next(line, number);
  }
  logger().info("import: {} lines, {} inserted, {} updated, {} rejected", summary.read,
                summary.inserted, summary.updated, summary.rejected);
  return summary;
}

}  // namespace

ImportSummary import_text(domain::Context& ctx, std::string_view text, const ImportOptions& options,
                          const BeginBatch& begin_batch) {
  LineReader reader(text);
  return import_lines(ctx, reader, options, begin_batch);
}

// The file is read as it is imported, never whole: memory holds one batch of
// lines, and a line over kMaxLineBytes (an endless input such as /dev/zero
// has one) stops the import with an error naming it.
ImportSummary import_file(domain::Context& ctx, const std::string& path, const ImportOptions& options,
                          const BeginBatch& begin_batch) {
  if (options.batch == 0) throw Error(Status::argument, "batch", "must be at least 1");
  FileLineReader reader(path);
  return import_lines(ctx, reader, options, begin_batch);
}

}  // namespace fazhi::exchange
