#include <fazhi/database.hpp>

#include "calendar/calendar_query.hpp"
#include "domain/alerts.hpp"
#include "domain/findings.hpp"
#include "domain/kind.hpp"
#include "domain/labels.hpp"
#include "domain/personal_names.hpp"
#include "domain/record_proof.hpp"
#include "domain/record_store.hpp"
#include "exchange/ndjson.hpp"
#include "exchange/ndjson_export.hpp"
#include "exchange/ndjson_import.hpp"
#include "forms/form_sheet.hpp"
#include "forms/form_store.hpp"
#include "forms/form_table.hpp"
#include "indicators/engine.hpp"
#include "journal_verification.hpp"
#include "json_options.hpp"
#include "log.hpp"
#include "small_file.hpp"
#include "quote.hpp"
#include "report/annual_report.hpp"
#include "report/history_document.hpp"
#include "report/name_review.hpp"
#include "utf8.hpp"

#include <fazhi/period.hpp>
#include "store/file_target.hpp"
#include "store/calendar_days.hpp"
#include "store/deferred_indexes.hpp"
#include "store/journal.hpp"
#include "store/schema.hpp"
#include "store/snapshot_readers.hpp"
#include "store/sqlite.hpp"

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace fazhi {

using json = nlohmann::json;

Mode parse_mode(const std::string& text, const std::string& field) {
  if (text == "strict") return Mode::strict;
  if (text == "historical") return Mode::historical;
  throw Error(Status::argument, field, quote(text) + " is not strict or historical");
}

const char* mode_name(Mode m) { return m == Mode::strict ? "strict" : "historical"; }

namespace {

// The shortest journal key accepted: 128 bits, if the host's key is random.
constexpr std::size_t kMinJournalKeyBytes = 16;

// fz_journal_verify_with's "threads": at most this many readers; without
// the option, as many as the machine has cores up to kMaxAutoVerifyThreads,
// once the journal holds kParallelVerifyEntries entries (below that a
// thread and a connection cost more than they save).
constexpr std::int64_t kMaxVerifyThreads = 16;
constexpr std::size_t kMaxAutoVerifyThreads = 4;
constexpr std::int64_t kParallelVerifyEntries = 20000;

std::string actor_of(JsonOptions& o) {
  auto actor = o.text("actor");
  if (actor && actor->empty()) throw Error(Status::argument, "actor", "expected a non-empty string");
  return actor.value_or("");
}

}  // namespace

OpenOptions OpenOptions::from_json(const json& options) {
  JsonOptions o(options, "options");
  OpenOptions opts;
  opts.create = o.flag("create").value_or(opts.create);
  opts.read_only = o.flag("read_only").value_or(opts.read_only);
  opts.uri = o.flag("uri").value_or(opts.uri);
  if (auto ms = o.integer("busy_timeout_ms", 0, std::numeric_limits<int>::max()))
    opts.busy_timeout_ms = static_cast<int>(*ms);
  if (std::string actor = actor_of(o); !actor.empty()) opts.actor = actor;
  if (auto mode = o.text("mode")) opts.mode = parse_mode(*mode);
  if (auto key = o.text("journal_key")) {
    // The message never repeats the key.
    if (key->size() < kMinJournalKeyBytes)
      throw Error(Status::argument, "journal_key",
                  "expected at least " + std::to_string(kMinJournalKeyBytes) +
                      " bytes (a short key is guessed)");
    opts.journal_key = std::move(*key);
  }
  o.finish();
  return opts;
}

ImportOptions ImportOptions::from_json(const json& options, Mode mode) {
  JsonOptions o(options, "options");
  ImportOptions opts;
  opts.mode = mode;
  if (auto m = o.text("mode")) opts.mode = parse_mode(*m);
  if (auto batch = o.integer("batch", 1)) opts.batch = static_cast<std::size_t>(*batch);
  opts.actor = actor_of(o);
  opts.bulk = o.flag("bulk").value_or(opts.bulk);
  opts.dry_run = o.flag("dry_run").value_or(opts.dry_run);
  opts.list_changes = o.flag("list_changes").value_or(opts.list_changes);
  opts.insert_only = o.flag("insert_only").value_or(opts.insert_only);
  o.finish();
  if (opts.dry_run && opts.bulk)
    throw Error(Status::argument, "dry_run", "cannot be combined with bulk (a bulk load sets indexes aside)");
  return opts;
}

json ImportSummary::to_json() const {
  json errs = json::array();
  for (const LineError& e : errors)
    errs.push_back({{"line", e.line}, {"field", e.field}, {"message", e.message},
                    {"status", status_name(e.status)}});
  json out = {{"read", read},       {"inserted", inserted}, {"updated", updated},
              {"unchanged", unchanged}, {"actions", actions},   {"rejected", rejected},
              {"errors", errs}};
  if (!warnings.empty()) {
    json w = json::array();
    for (const LineWarning& x : warnings)
      w.push_back({{"line", x.line}, {"kind", x.kind}, {"key", x.key}, {"fields", x.fields},
                   {"message", x.message}});
    out["warnings"] = std::move(w);
  }
  if (!changes.empty() || changes_truncated) {
    json c = json::array();
    for (const LineChange& x : changes)
      c.push_back({{"line", x.line}, {"kind", x.kind}, {"key", x.key}, {"change", x.change}});
    out["changes"] = std::move(c);
    if (changes_truncated) out["changes_truncated"] = true;
  }
  return out;
}

struct Database::Impl {
  OpenOptions options;
  store::Connection conn;
  store::Journal journal{conn};
  indicators::Engine engine{conn};
  // Immutable, swapped whole by load_calendar; the built-in one is shared
  // without a copy.
  std::shared_ptr<const Calendar> calendar{&Calendar::builtin(), [](const Calendar*) {}};
  std::mutex mu;
  bool host_tx = false;
  // The calendar when the host's transaction began: a schedule loaded inside
  // it is gone from the file when the host rolls back, so it must go from
  // the handle too.
  std::shared_ptr<const Calendar> calendar_at_begin;
  // A bulk load is open on this handle (bulk_begin .. bulk_end).
  bool bulk = false;
  store::DeferredIndexes deferred{conn};

  Impl(const std::string& path, const OpenOptions& o)
      : options(o), conn(path, {o.create, o.read_only, o.busy_timeout_ms, o.uri}) {}

  ~Impl() { end_host_transaction(); }

  void end_host_transaction() noexcept {
    if (!host_tx) return;
    host_tx = false;
    try {
      conn.exec("ROLLBACK");
    } catch (...) {
    }
    deferred.forget();
  }

  domain::Context context(Mode mode, const std::string& actor) {
    return domain::Context{conn,
                           journal,
                           *calendar,
                           mode,
                           actor.empty() ? options.actor : actor,
                           domain::make_resolver(conn),
                           {},
                           bulk ? &deferred : nullptr};
  }

  void require_writable() {
    if (options.read_only) throw Error(Status::io, "the database was opened read_only");
  }
};

namespace {

// One call's changes: its own transaction, or a savepoint inside the host's.
// Destroyed without commit() it rolls back, so a failed call changes nothing.
class WriteScope {
 public:
  explicit WriteScope(Database::Impl& d) : d_(d) {
    d_.require_writable();
    d_.conn.exec(d_.host_tx ? "SAVEPOINT fz_call" : "BEGIN IMMEDIATE");
    // Another connection may have appended since our last transaction.
    if (!d_.host_tx) d_.journal.invalidate();
  }
  WriteScope(const WriteScope&) = delete;
  WriteScope& operator=(const WriteScope&) = delete;

  void commit() {
    d_.journal.flush_head();
    d_.conn.exec(d_.host_tx ? "RELEASE fz_call" : "COMMIT");
    done_ = true;
  }

  ~WriteScope() {
    if (done_) return;
    try {
      d_.conn.exec(d_.host_tx ? "ROLLBACK TO fz_call; RELEASE fz_call" : "ROLLBACK");
    } catch (...) {
    }
    d_.journal.invalidate();
    d_.deferred.forget();
  }

 private:
  Database::Impl& d_;
  bool done_ = false;
};

// One consistent view for a call that reads with many statements (the
// report): a savepoint opens a read transaction, or nests in the host's.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(store::Connection& conn) : conn_(conn) { conn_.exec("SAVEPOINT fz_read"); }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  ~ReadSnapshot() {
    try {
      conn_.exec("RELEASE fz_read");
    } catch (...) {
    }
  }

 private:
  store::Connection& conn_;
};

// Runs fn, turning SQLite's exceptions into fazhi::Error.
template <class F>
auto sqlite_guard(const char* what, F&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const SQLite::Exception&) {
    store::rethrow_as_fazhi(what);
  }
}

// Ends the handle's bulk load: its deferred indexes, and any an interrupted
// load left in the file, are built again in one transaction.
std::size_t end_bulk(Database::Impl& impl) {
  return sqlite_guard("rebuilding deferred indexes", [&] {
    // CREATE INDEX sorts the whole table: with temporary storage in memory
    // the sort would hold it all (1.5 GB at 15 million cases); in files it
    // holds one cache's worth. SQLite refuses the switch inside a
    // transaction, where the host's own setting stays.
    const bool switch_temp = !impl.host_tx;
    if (switch_temp) impl.conn.exec("PRAGMA temp_store = FILE");
    struct TempBack {
      Database::Impl& impl;
      bool on;
      ~TempBack() {
        if (!on) return;
        try {
          impl.conn.exec("PRAGMA temp_store = MEMORY");
        } catch (...) {
        }
      }
    } temp_back{impl, switch_temp};
    WriteScope scope(impl);
    const std::size_t built = impl.deferred.restore();
    scope.commit();
    impl.bulk = false;
    if (built > 0) logger().info("bulk load: {} deferred indexes rebuilt", built);
    return built;
  });
}

// Runs one import call; options.bulk makes it a bulk load of its own unless
// one is open already. The indexes are rebuilt even when the import fails
// (the batches before the failure stay); the import's error wins.
template <class F>
ImportSummary with_bulk(Database::Impl& impl, bool bulk, F&& import) {
  if (!bulk || impl.bulk) return import();
  impl.bulk = true;
  ImportSummary summary;
  try {
    summary = import();
  } catch (...) {
    try {
      end_bulk(impl);
    } catch (const std::exception& e) {
      logger().warn("import failed and its deferred indexes were not rebuilt ({})", e.what());
    }
    impl.bulk = false;
    throw;
  }
  end_bulk(impl);
  return summary;
}

}  // namespace

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::~Database() {
  // Waits for a call another thread is making on this handle, and rolls an
  // open host transaction back while holding the lock.
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->end_host_transaction();
  if (impl_->bulk) {
    // A bulk load the host left open ends here, so that the file does not
    // stay without its indexes.
    try {
      end_bulk(*impl_);
    } catch (const std::exception& e) {
      logger().warn("closing: the indexes of the bulk load were not rebuilt ({}); fz_bulk_end rebuilds them",
                    e.what());
    }
  }
}

std::unique_ptr<Database> Database::open(const std::string& path, const OpenOptions& options) {
  if (options.busy_timeout_ms < 0)
    throw Error(Status::argument, "busy_timeout_ms", "must not be negative");
  if (!options.journal_key.empty() && options.journal_key.size() < kMinJournalKeyBytes)
    throw Error(Status::argument, "journal_key",
                "expected at least " + std::to_string(kMinJournalKeyBytes) + " bytes");
  auto impl = std::make_unique<Impl>(path, options);
  impl->journal.set_key(options.journal_key);
  // A keyed handle that upgrades the file authenticates the upgrade's entries.
  store::prepare_schema(impl->conn, [&](store::Connection& conn) {
    store::Journal journal(conn);
    journal.set_key(options.journal_key);
    journal.adopt_head();
  });
  sqlite_guard("opening database", [&] {
    if (!impl->conn.in_memory() && !options.read_only) impl->conn.exec("PRAGMA journal_mode = WAL");
    // Schedules loaded by the host are stored in the database.
    const std::vector<ScheduledDay> days = store::stored_schedule_days(impl->conn);
    if (!days.empty()) {
      auto loaded = std::make_shared<Calendar>(Calendar::builtin());
      loaded->load(days);
      impl->calendar = std::move(loaded);
    }
  });
  logger().debug("opened {}", path);
  return std::unique_ptr<Database>(new Database(std::move(impl)));
}

const OpenOptions& Database::options() const { return impl_->options; }

std::int64_t Database::put(std::string_view kind, const json& record) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  const domain::Kind& k = domain::kind_named(std::string(kind));
  return sqlite_guard("put", [&] {
    WriteScope scope(*impl_);
    auto ctx = impl_->context(impl_->options.mode, "");
    auto r = domain::put_record(ctx, k, record);
    scope.commit();
    return r.id;
  });
}

json Database::get(std::string_view kind, std::string_view key) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  const domain::Kind& k = domain::kind_named(std::string(kind));
  return sqlite_guard("get", [&] {
    return domain::get_record(impl_->conn, k,
                              domain::require_record(impl_->conn, k, std::string(key)));
  });
}

void Database::patch(std::string_view kind, std::string_view key, const json& patch) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  const domain::Kind& k = domain::kind_named(std::string(kind));
  sqlite_guard("patch", [&] {
    WriteScope scope(*impl_);
    auto ctx = impl_->context(impl_->options.mode, "");
    domain::patch_record(ctx, k, std::string(key), patch);
    scope.commit();
  });
}

json Database::list(std::string_view kind, const json& query) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  const domain::Kind& k = domain::kind_named(std::string(kind));
  return sqlite_guard("list", [&] { return domain::list_records(impl_->conn, k, query); });
}

json Database::act(std::string_view kind, std::string_view key, std::string_view action,
                   const json& args) {
  // The full-process record is read, not changed: it is the record's history.
  if (action == "full_process_record") return history(kind, key);
  std::lock_guard<std::mutex> lock(impl_->mu);
  const domain::Kind& k = domain::kind_named(std::string(kind));
  if (!args.is_null() && !args.is_object())
    throw Error(Status::argument, "args", "expected a JSON object");
  json a = args.is_null() ? json::object() : args;
  const std::string actor = domain::take_actor(a);
  return sqlite_guard("act", [&] {
    WriteScope scope(*impl_);
    auto ctx = impl_->context(impl_->options.mode, actor);
    domain::act_on_record(ctx, k, std::string(key), std::string(action), a);
    std::int64_t id = domain::require_record(impl_->conn, k, std::string(key));
    json out = domain::get_record(impl_->conn, k, id);
    // The record's findings after the action (its rules' current verdict).
    out["findings"] = domain::record_findings(impl_->conn, k.name, id);
    scope.commit();
    return out;
  });
}

namespace {

// A dry run (ImportOptions::dry_run): the import inside one transaction that
// is always rolled back. Its batches nest in it as they would in a host's
// transaction (savepoints), so a later line sees what an earlier one did.
class DryRun {
 public:
  DryRun(Database::Impl& d, bool on) : d_(d), on_(on) {
    if (!on_) return;
    d_.require_writable();
    // A bulk load sets indexes aside across calls; a dry run inside it would
    // roll back under its bookkeeping.
    if (d_.bulk)
      throw Error(Status::conflict, "dry_run", "cannot run inside a bulk load (fz_bulk_begin .. fz_bulk_end)");
    d_.conn.exec(d_.host_tx ? "SAVEPOINT fz_dry_run" : "BEGIN IMMEDIATE");
    if (!d_.host_tx) d_.journal.invalidate();
    was_host_tx_ = d_.host_tx;
    d_.host_tx = true;
  }
  DryRun(const DryRun&) = delete;
  DryRun& operator=(const DryRun&) = delete;
  ~DryRun() {
    if (!on_) return;
    d_.host_tx = was_host_tx_;
    try {
      d_.conn.exec(was_host_tx_ ? "ROLLBACK TO fz_dry_run; RELEASE fz_dry_run" : "ROLLBACK");
    } catch (...) {
    }
    d_.journal.invalidate();
    d_.deferred.forget();
  }

 private:
  Database::Impl& d_;
  bool on_;
  bool was_host_tx_ = false;
};

// A batch of an import: the same transaction as any call's (a savepoint inside
// the host's).
class ImportBatch final : public exchange::BatchScope {
 public:
  explicit ImportBatch(Database::Impl& impl) : scope_(impl) {}
  void commit() override { scope_.commit(); }

 private:
  WriteScope scope_;
};

}  // namespace

ImportSummary Database::import_ndjson(std::string_view text, const ImportOptions& options) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  DryRun dry(*impl_, options.dry_run);
  return with_bulk(*impl_, options.bulk, [&] {
    auto ctx = impl_->context(options.mode, options.actor);
    return exchange::import_text(ctx, text, options,
                                 [this] { return std::make_unique<ImportBatch>(*impl_); });
  });
}

ImportSummary Database::import_file(const std::string& path, const ImportOptions& options) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  DryRun dry(*impl_, options.dry_run);
  return with_bulk(*impl_, options.bulk, [&] {
    auto ctx = impl_->context(options.mode, options.actor);
    return exchange::import_file(ctx, path, options,
                                 [this] { return std::make_unique<ImportBatch>(*impl_); });
  });
}

void Database::bulk_begin() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->require_writable();
  if (impl_->bulk) throw Error(Status::conflict, "a bulk load is already open on this handle");
  impl_->bulk = true;
}

std::size_t Database::bulk_end() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->require_writable();
  return end_bulk(*impl_);
}

std::size_t Database::deferred_indexes() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return sqlite_guard("deferred indexes", [&] { return store::DeferredIndexes::pending(impl_->conn); });
}

namespace {

// A file target's failure as fazhi's error: a refused target is the caller's
// mistake (argument, naming the path), anything else is the file system's.
[[noreturn]] void throw_target_error(const store::FileTargetError& e) {
  if (e.reason() == store::FileTargetError::Reason::refused) throw Error(Status::argument, "path", e.what());
  throw Error(Status::io, e.what());
}

}  // namespace

// The file is written through a FileTarget (store/file_target.hpp): never
// over the open database or its -wal, -shm or -journal file, never over
// anything but a regular file, and by a temporary file beside the target that
// is renamed over it at the end and removed on any failure.
void Database::export_file(const std::string& path, const json& query) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  const exchange::ExportSelection selection = exchange::ExportSelection::parse(query);
  try {
    store::FileTarget target(path, store::database_files(impl_->conn.filename()));
    sqlite_guard("export", [&] {
      // One read transaction: the export is a consistent snapshot.
      if (!impl_->host_tx) impl_->conn.exec("BEGIN");
      try {
        exchange::write_ndjson_export(impl_->conn, selection, [&](std::string_view line) {
          target.write(line);
          target.write("\n");
        });
        if (!impl_->host_tx) impl_->conn.exec("COMMIT");
      } catch (...) {
        if (!impl_->host_tx) impl_->conn.exec("ROLLBACK");
        throw;
      }
    });
    target.commit();
  } catch (const store::FileTargetError& e) {
    throw_target_error(e);
  }
}

void Database::begin() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  if (impl_->host_tx) throw Error(Status::conflict, "a transaction is already open on this handle");
  impl_->require_writable();
  sqlite_guard("begin", [&] { impl_->conn.exec("BEGIN IMMEDIATE"); });
  impl_->journal.invalidate();
  impl_->calendar_at_begin = impl_->calendar;
  impl_->host_tx = true;
}

void Database::commit() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  if (!impl_->host_tx) throw Error(Status::conflict, "no transaction is open on this handle");
  sqlite_guard("commit", [&] {
    impl_->journal.flush_head();
    impl_->conn.exec("COMMIT");
  });
  impl_->host_tx = false;
  impl_->calendar_at_begin.reset();
}

void Database::rollback() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  if (!impl_->host_tx) throw Error(Status::conflict, "no transaction is open on this handle");
  impl_->host_tx = false;
  impl_->journal.invalidate();
  impl_->deferred.forget();
  impl_->calendar = std::move(impl_->calendar_at_begin);
  impl_->calendar_at_begin.reset();
  sqlite_guard("rollback", [&] { impl_->conn.exec("ROLLBACK"); });
}

json Database::verify_journal() { return verify_journal(nullptr); }

json Database::verify_journal(const json& options) {
  JsonOptions o(options, "options");
  VerifyRequest request;
  request.scope.kind = o.text("kind");
  request.scope.unit = o.text("unit");
  request.records = o.flag("records").value_or(true);
  const std::optional<std::int64_t> threads = o.integer("threads", 1, kMaxVerifyThreads);
  if (const json* head = o.raw("head")) {
    JsonOptions h(*head, "head");
    const std::optional<std::int64_t> seq = h.integer("seq", 0);
    const std::optional<std::string> hash = h.text("hash");
    h.finish();
    if (!seq) throw Error(Status::argument, "head.seq", "is required (the recorded head's seq)");
    if (!hash) throw Error(Status::argument, "head.hash", "is required (the recorded head's hash)");
    request.anchor.emplace(*seq, *hash);
  }
  o.finish();
  if (!request.records && (request.scope.kind || request.scope.unit))
    throw Error(Status::argument, request.scope.kind ? "kind" : "unit",
                "scopes the records, which \"records\": false leaves unchecked");
  std::lock_guard<std::mutex> lock(impl_->mu);
  return sqlite_guard("verify", [&] {
    // Side by side on readers of their own when the file is large enough to
    // gain by it and the handle's connection is idle (inside the host's
    // transaction only that connection sees its changes; a bulk load has
    // dropped indexes the proof reads through).
    std::size_t readers = threads ? static_cast<std::size_t>(*threads) : 1;
    if (!threads && impl_->journal.last_seq() >= kParallelVerifyEntries)
      readers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, kMaxAutoVerifyThreads);
    if (readers > 1 && !impl_->host_tx && !impl_->bulk && !impl_->options.uri) {
      if (auto side = store::SnapshotReaders::open(impl_->conn, readers, impl_->journal.key(),
                                                   impl_->options.busy_timeout_ms)) {
        std::vector<VerifyReader> on;
        for (std::size_t i = 0; i < side->size(); ++i) on.push_back({&side->connection(i), &side->journal(i)});
        json out = verify_journal_on(on, request);
        impl_->journal.adopt_verified(side->journal(0));
        out["readers"] = side->size();
        return out;
      }
    }
    ReadSnapshot snapshot(impl_->conn);  // the chain and the rows as of one moment
    json out = verify_journal_on({{&impl_->conn, &impl_->journal}}, request);
    out["readers"] = 1;
    return out;
  });
}

json Database::journal_head() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return sqlite_guard("journal head", [&] { return impl_->journal.current_head().to_json(); });
}

json Database::history(std::string_view kind, std::string_view key) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  const domain::Kind& k = domain::kind_named(std::string(kind));
  return sqlite_guard("history", [&] {
    std::int64_t id = domain::require_record(impl_->conn, k, std::string(key));
    std::string stored_key;
    domain::load_values(impl_->conn, k, id, &stored_key);
    json entries = json::array();
    for (const auto& e : impl_->journal.history(k.name, id)) {
      entries.push_back(e.to_json());
      domain::add_yuan_to_change(k, entries.back()["change"]);
    }
    json record = domain::get_record(impl_->conn, k, id);
    return json{{"kind", k.name},
                {"key", stored_key},
                {"id", id},
                {"record", record},
                {"entries", entries},
                {"verification", impl_->journal.verify_record(k.name, id).to_json()}};
  });
}

std::string Database::history_text(std::string_view kind, std::string_view key,
                                   std::string_view format) {
  if (format != "markdown" && format != "json")
    throw Error(Status::argument, "format", "expected markdown or json");
  json h = history(kind, key);
  if (format == "json") return h.dump(2);
  // A document for readers outside the office: no personal name in it.
  std::lock_guard<std::mutex> lock(impl_->mu);
  return sqlite_guard("history", [&] {
    const domain::NameMask mask = domain::held_names_mask(impl_->conn);
    // The names of the records referred to (units, committees), each read
    // once: a record's entries name the same few again and again.
    std::map<std::pair<std::string, std::string>, std::string> names;
    const report::RecordName name_of = [&](const std::string& ref_kind, const std::string& ref_key) {
      auto [it, added] = names.try_emplace({ref_kind, ref_key});
      if (!added) return it->second;
      const domain::Kind& k = domain::kind_named(ref_kind);
      const domain::Field* f = k.find_field("name");
      if (!f) f = k.find_field("title");
      if (f)
        if (const std::optional<std::int64_t> id = domain::find_record(impl_->conn, k, ref_key))
          it->second = domain::str(domain::load_values(impl_->conn, k, *id), f->name);
      return it->second;
    };
    return mask.apply(report::history_markdown(h, name_of));
  });
}

std::shared_ptr<const Calendar> Database::calendar() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->calendar;
}

json Database::load_calendar(std::string_view csv) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  std::vector<ScheduledDay> days = Calendar::parse_csv(csv);
  if (days.empty()) throw Error(Status::argument, "csv", "no schedule days in the input");
  std::map<int, std::int64_t> per_year;
  for (const ScheduledDay& d : days) ++per_year[d.schedule_year];
  std::set<int> years;
  for (const auto& [y, n] : per_year) years.insert(y);
  // The new calendar is built aside (load checks everything first) and only
  // replaces the current one once the transaction has committed (or, inside
  // a host transaction, its savepoint has been released: the host's
  // rollback puts the calendar of its fz_begin back).
  auto next = std::make_shared<Calendar>(*impl_->calendar);
  next->load(days);
  return sqlite_guard("loading calendar", [&] {
    WriteScope scope(*impl_);
    store::store_schedule_days(impl_->conn, days);
    for (const auto& [y, n] : per_year)
      impl_->journal.append(impl_->options.actor, "calendar", std::to_string(y), y, "load",
                            {{"schedule_year", y}, {"days", n}});
    // Records whose deadlines assumed these years, or were counted through
    // them, are computed again with the new schedule. A statutory rule never
    // refuses this: the record was accepted before, so any finding it now
    // raises is stored (historical).
    domain::Context ctx{impl_->conn, impl_->journal, *next, Mode::historical,
                        impl_->options.actor, domain::make_resolver(impl_->conn), {}};
    const std::size_t recomputed = domain::recompute_for_schedules(ctx, years);
    scope.commit();
    impl_->calendar = std::move(next);
    logger().info("calendar: loaded {} schedule year(s), {} record(s) recomputed", years.size(),
                  recomputed);
    return json{{"years", years}, {"days", days.size()}, {"recomputed", recomputed}};
  });
}

json Database::load_calendar_file(const std::string& path) {
  return load_calendar(read_small_file(path, 1 << 20, "holiday schedule"));
}

json Database::calendar_years() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return sqlite_guard("calendar years", [&] {
    const std::set<int> loaded = store::stored_schedule_years(impl_->conn);
    json official = json::array();
    for (int y : impl_->calendar->schedule_years())
      official.push_back({{"year", y}, {"source", loaded.count(y) ? "loaded" : "builtin"}});
    json pending = json::array();
    for (const auto& [y, n] : domain::provisional_record_counts(impl_->conn))
      pending.push_back({{"year", y}, {"records", n}});
    return json{{"official", official},
                {"provisional",
                 {{"first", Calendar::provisional_first_year()},
                  {"last", Calendar::provisional_last_year()},
                  {"rule", "全国年节及纪念日放假办法 第二条、第六条"}}},
                {"pending", pending}};
  });
}

json Database::calendar_query(const json& request) const {
  return calendar_query_json(*calendar(), request);
}

json Database::alerts(const json& query) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return sqlite_guard("alerts", [&] { return domain::alerts(impl_->conn, *impl_->calendar, query); });
}

json Database::findings(const json& query) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return sqlite_guard("findings", [&] { return domain::list_findings(impl_->conn, query); });
}

json Database::labels(std::string_view set) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  if (set == "indicators") return sqlite_guard("labels", [&] { return impl_->engine.labels(); });
  return domain::labels(std::string(set));
}

IndicatorValue Database::indicator(const std::string& code, const std::string& unit,
                                   const std::string& period, const json& params) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  Period p = Period::parse(period);
  return sqlite_guard("indicator", [&] { return impl_->engine.evaluate({code}, unit, p, params).at(0); });
}

json Database::indicators(const json& query) {
  if (query.is_null()) throw Error(Status::argument, "query", "needs \"unit\" and \"period\"");
  JsonOptions o(query, "query");
  // "unit" here is the root of the subtree an indicator covers (an indicator
  // of a unit always counts everything below it).
  const std::string unit = o.text("unit").value_or("");
  const std::string period = o.text("period").value_or("");
  std::vector<std::string> codes = o.texts("codes").value_or(std::vector<std::string>{});
  const json params = o.raw("params") ? *o.raw("params") : json();
  o.finish();
  if (unit.empty()) throw Error(Status::argument, "unit", "is required");
  if (period.empty()) throw Error(Status::argument, "period", "is required");
  Period p = Period::parse(period);
  std::lock_guard<std::mutex> lock(impl_->mu);
  return sqlite_guard("indicators", [&] {
    if (codes.empty()) codes = impl_->engine.all_codes();
    json items = json::array();
    for (const IndicatorValue& v : impl_->engine.evaluate(codes, unit, p, params)) items.push_back(v.to_json());
    return json{{"unit", unit}, {"period", p.text()}, {"first", format_date(p.first())},
                {"last", format_date(p.last())}, {"indicators", items}};
  });
}

json Database::explain(const std::string& code, const std::string& unit, const std::string& period,
                       const json& params) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  Period p = Period::parse(period);
  return sqlite_guard("explain", [&] { return impl_->engine.explain(code, unit, p, params); });
}

namespace {

// The longest issuer a sign-off line takes: the longest names of 党政机关
// (with their 联合发文 partners) stay well under it.
constexpr std::size_t kMaxIssuerChars = 60;

// Reads the report's options (Database::report) and builds its model in one
// read snapshot.
json build_report_model(Database::Impl& impl, const std::string& unit, int year, const json& options);

// The model laid out in `format`: "markdown", "html", "json" or "docx" (bytes
// of a zip package). Any other format is Error(argument) naming "format".
std::string render_report(const json& model, std::string_view format) {
  if (format == "json") return model.dump(2);
  if (format == "markdown") return report::annual_report_markdown(model);
  if (format == "html") return report::annual_report_html(model);
  if (format == "docx") return report::annual_report_docx(model);
  throw Error(Status::argument, "format", quote(format) + " is not markdown, html, json or docx");
}

}  // namespace

std::string Database::report(const std::string& unit, int year, std::string_view format,
                             const json& options) {
  if (format == "docx")
    throw Error(Status::argument, "format",
                "\"docx\" is a binary file, not text: write it to a file with report_file (fz_report_file)");
  if (format != "markdown" && format != "html" && format != "json")
    throw Error(Status::argument, "format", quote(format) + " is not markdown, html or json");
  return render_report(build_report_model(*impl_, unit, year, options), format);
}

// Written through a FileTarget, as export_file writes (see there); the model
// is built and laid out before the target is opened, so a refused option
// leaves no file behind.
void Database::report_file(const std::string& path, const std::string& unit, int year,
                           std::string_view format, const json& options) {
  if (format != "markdown" && format != "html" && format != "json" && format != "docx")
    throw Error(Status::argument, "format", quote(format) + " is not markdown, html, json or docx");
  if (path.empty()) throw Error(Status::argument, "path", "is empty");
  const std::string bytes = render_report(build_report_model(*impl_, unit, year, options), format);
  std::lock_guard<std::mutex> lock(impl_->mu);
  try {
    store::FileTarget target(path, store::database_files(impl_->conn.filename()));
    target.write(bytes);
    target.commit();
  } catch (const store::FileTargetError& e) {
    throw_target_error(e);
  }
}

namespace {

json build_report_model(Database::Impl& impl, const std::string& unit, int year, const json& options) {
  JsonOptions o(options, "options");
  const json params = o.raw("params") ? *o.raw("params") : json();
  const bool journal_head = o.flag("journal_head").value_or(false);
  const bool future_year = o.flag("future_year").value_or(false);
  const std::vector<std::string> mask_names = report::checked_mask_names(o.raw("mask_names"));
  report::SignOff sign_off;
  if (auto issuer = o.text("issuer")) {
    if (issuer->empty() || issuer->find_first_not_of(" \t") == std::string::npos)
      throw Error(Status::argument, "issuer", "is empty; leave it out to sign with the unit's name");
    if (issuer->find_first_of("\r\n") != std::string::npos)
      throw Error(Status::argument, "issuer", "must be one line");
    if (utf8_length(*issuer) > kMaxIssuerChars)
      throw Error(Status::argument, "issuer",
                  "is longer than " + std::to_string(kMaxIssuerChars) + " characters");
    sign_off.issuer = *issuer;
  }
  if (auto date = o.text("date")) sign_off.date = format_date(parse_date(*date, "date"));
  o.finish();
  // A year not yet begun has no records: its report would state empty or
  // zero figures as if they were the year's (持证率0%), so it takes asking.
  if (const int current = report::current_year_in_beijing(); year > current && !future_year)
    throw Error(Status::argument, "year",
                std::to_string(year) + " is after the current year (" + std::to_string(current) +
                    "); a report for a year not yet begun needs the option \"future_year\": true");
  std::lock_guard<std::mutex> lock(impl.mu);
  return sqlite_guard("report", [&] {
    ReadSnapshot snapshot(impl.conn);
    report::ReportData data =
        report::read_report_data(impl.conn, impl.engine, unit, year, params, mask_names);
    // The head as of the records the report read (the same snapshot).
    if (journal_head) data.journal_head = impl.journal.current_head().to_json();
    return report::annual_report_model(data, sign_off);
  });
}

}  // namespace

json Database::report_review(const std::string& unit, int year, const json& options) {
  JsonOptions o(options, "options");
  const std::vector<std::string> mask_names = report::checked_mask_names(o.raw("mask_names"));
  o.finish();
  std::lock_guard<std::mutex> lock(impl_->mu);
  return sqlite_guard("report_review", [&] {
    ReadSnapshot snapshot(impl_->conn);
    return json{{"warnings", report::name_review(report::read_report_texts(impl_->conn, unit, year, mask_names))}};
  });
}

void Database::define_indicator(const json& definition) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  sqlite_guard("define_indicator", [&] {
    WriteScope scope(*impl_);
    impl_->engine.define(definition, impl_->journal, impl_->options.actor);
    scope.commit();
  });
}

namespace {

// A form's query: {"unit", "period"}, both required.
std::pair<std::string, Period> form_query(const json& query) {
  if (query.is_null()) throw Error(Status::argument, "query", "needs \"unit\" and \"period\"");
  JsonOptions o(query, "query");
  const std::string unit = o.text("unit").value_or("");
  const std::string period = o.text("period").value_or("");
  o.finish();
  if (unit.empty()) throw Error(Status::argument, "unit", "is required");
  if (period.empty()) throw Error(Status::argument, "period", "is required");
  return {unit, Period::parse(period)};
}

}  // namespace

void Database::define_form(const json& definition) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  sqlite_guard("define_form", [&] {
    WriteScope scope(*impl_);
    forms::FormStore(impl_->conn).define(definition, impl_->journal, impl_->options.actor);
    scope.commit();
  });
}

json Database::forms() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return sqlite_guard("forms", [&] { return forms::FormStore(impl_->conn).list(); });
}

// The form is filled from one snapshot, so its rows and totals agree even
// while another connection writes.
std::string Database::form(const std::string& form, const json& query, std::string_view format) {
  if (format != "json" && format != "csv")
    throw Error(Status::argument, "format", quote(format) + " is not json or csv (xlsx is written to a file: fz_form_file)");
  // Named copies, not structured bindings: lambdas below capture them.
  const auto scope = form_query(query);
  const std::string& unit = scope.first;
  const Period& period = scope.second;
  std::lock_guard<std::mutex> lock(impl_->mu);
  const forms::FilledForm filled = sqlite_guard("form", [&] {
    ReadSnapshot snapshot(impl_->conn);
    const forms::FormDefinition def = forms::FormStore(impl_->conn).find(form);
    return forms::fill_form(impl_->conn, impl_->engine, def, unit, period);
  });
  return format == "json" ? filled.to_json().dump(2) : forms::form_csv(filled);
}

void Database::form_file(const std::string& form, const json& query, std::string_view format,
                         const std::string& path) {
  if (format != "xlsx" && format != "csv")
    throw Error(Status::argument, "format", quote(format) + " is not xlsx or csv");
  // Named copies, not structured bindings: lambdas below capture them.
  const auto scope = form_query(query);
  const std::string& unit = scope.first;
  const Period& period = scope.second;
  std::lock_guard<std::mutex> lock(impl_->mu);
  try {
    store::FileTarget target(path, store::database_files(impl_->conn.filename()));
    const forms::FilledForm filled = sqlite_guard("form", [&] {
      ReadSnapshot snapshot(impl_->conn);
      const forms::FormDefinition def = forms::FormStore(impl_->conn).find(form);
      return forms::fill_form(impl_->conn, impl_->engine, def, unit, period);
    });
    target.write(format == "xlsx" ? forms::form_xlsx(filled) : forms::form_csv(filled));
    target.commit();
  } catch (const store::FileTargetError& e) {
    throw_target_error(e);
  }
}

}  // namespace fazhi
