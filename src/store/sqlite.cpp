#include "store/sqlite.hpp"

#include "quote.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <sys/stat.h>

namespace fazhi::store {

Status status_of_sqlite(int code) noexcept {
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::busy;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
      return Status::corrupt;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_FULL:
    case SQLITE_AUTH:
      return Status::io;
    case SQLITE_NOMEM:
      return Status::nomem;
    case SQLITE_CONSTRAINT:
      return Status::conflict;
    default:
      return Status::internal;
  }
}

void rethrow_as_fazhi(const std::string& context) {
  try {
    throw;
  } catch (const SQLite::Exception& e) {
    Status s = status_of_sqlite(e.getErrorCode());
    std::string what = e.what();
    if (s == Status::corrupt) what = "not a fazhi database, or damaged (" + what + ")";
    if (s == Status::busy) what = "database is locked (" + what + ")";
    throw Error(s, context.empty() ? what : context + ": " + what);
  }
}

namespace {

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool is_memory_path(const std::string& path, bool uri) {
  if (path == ":memory:") return true;
  return uri && (starts_with(path, "file::memory:") || path.find("mode=memory") != std::string::npos);
}

// What SQLite is given for `path`. Debian's SQLite is built with
// SQLITE_USE_URI, so it reads a name starting with "file:" as a URI whatever
// the open flags say ("file:x.db?mode=ro" would open x.db read-only): such a
// name becomes "./file:...", the same file, named so that it is not a URI.
std::string sqlite_name(const std::string& path, bool uri) {
  if (!uri && starts_with(path, "file:")) return "./" + path;
  return path;
}

}  // namespace

Connection::Connection(const std::string& path, const ConnectionOptions& options)
    : in_memory_(is_memory_path(path, options.uri)), read_only_(options.read_only) {
  if (path.empty()) throw Error(Status::argument, "path", "is empty");
  // Each connection belongs to one Database, which serialises its calls with
  // its own mutex; SQLite's per-call locking would be paid twice.
  int flags = SQLITE_OPEN_NOMUTEX;
  if (options.read_only) {
    flags |= SQLITE_OPEN_READONLY;
  } else {
    flags |= SQLITE_OPEN_READWRITE;
    if (options.create) flags |= SQLITE_OPEN_CREATE;
  }
  if (options.uri) flags |= SQLITE_OPEN_URI;
  if (!in_memory_ && !options.uri) {
    struct stat st {};
    bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
      throw Error(Status::io, "cannot open " + quote(path) + ": it is a directory");
    if (!exists && (options.read_only || !options.create))
      throw Error(Status::io, "cannot open " + quote(path) + ": no such file");
  }
  try {
    db_ = std::make_unique<SQLite::Database>(sqlite_name(path, options.uri), flags,
                                             options.busy_timeout_ms);
    exec("PRAGMA foreign_keys = ON");
    // Savepoint journals and sorts stay in memory (Debian's SQLite defaults to
    // files), and a 32 MiB page cache keeps indicator scans off the disk.
    exec("PRAGMA temp_store = MEMORY");
    exec("PRAGMA cache_size = -32768");
  } catch (const SQLite::Exception& e) {
    // Depending on SQLite's version the first pragma may already read the
    // header, so a garbage file can fail here rather than in the schema check.
    Status s = status_of_sqlite(e.getErrorCode());
    std::string what = e.what();
    if (s == Status::corrupt) what = "not a fazhi database, or damaged (" + what + ")";
    throw Error(s == Status::internal ? Status::io : s, "cannot open " + quote(path) + ": " + what);
  }
}

std::string Connection::filename() const {
  if (in_memory_) return {};
  const char* name = sqlite3_db_filename(db_->getHandle(), "main");
  return name ? std::string(name) : std::string();
}

Connection::Cursor Connection::statement(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    auto statement = std::make_unique<SQLite::Statement>(*db_, sql);
    recent_.push_front(sql);
    it = cache_.emplace(sql, Entry{std::move(statement), recent_.begin(), 0}).first;
    evict();
  } else {
    recent_.splice(recent_.begin(), recent_, it->second.recent);
    if (it->second.borrowed > 0) return Cursor(std::make_unique<SQLite::Statement>(*db_, sql));
  }
  return Cursor(&it->second);
}

void Connection::evict() {
  // Oldest first; statements in use (borrowed) stay, so a nested statement
  // never invalidates the one its caller is stepping through.
  for (auto key = recent_.end(); cache_.size() > kCacheSize && key != recent_.begin();) {
    --key;
    auto entry = cache_.find(*key);
    if (entry->second.borrowed > 0) continue;
    key = recent_.erase(key);
    cache_.erase(entry);
  }
}

Connection::Cursor::~Cursor() {
  if (entry_ == nullptr) return;  // moved from, or a statement of its own
  // A failed step's error was reported by the step itself; clearing the
  // bindings cannot fail (sqlite3_clear_bindings returns SQLITE_OK).
  entry_->statement->tryReset();
  try {
    entry_->statement->clearBindings();
  } catch (...) {
  }
  --entry_->borrowed;
}

void Connection::exec(const std::string& sql) { db_->exec(sql); }

void Connection::run(const std::string& sql) { statement(sql)->exec(); }

}  // namespace fazhi::store
