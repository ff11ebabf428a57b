// sqlite.hpp — one SQLite connection as fazhi uses it: opened with the
// project's pragmas, prepared statements cached for the connection's lifetime,
// and SQLite's errors translated into fazhi's status codes.
#pragma once

#include <fazhi/error.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace fazhi::store {

struct ConnectionOptions {
  bool create = true;
  bool read_only = false;
  int busy_timeout_ms = 5000;
  // The path is an SQLite URI ("file:x.db?mode=ro"); otherwise it is a file
  // name and nothing else, even when it starts with "file:".
  bool uri = false;
};

class Connection {
 public:
  // Opens `path` (":memory:" for a private in-memory database). Files get WAL
  // journaling; every connection gets foreign keys and the busy timeout.
  // Throws Error(io) when the file cannot be opened or created.
  Connection(const std::string& path, const ConnectionOptions& options);

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  SQLite::Database& db() { return *db_; }
  bool in_memory() const { return in_memory_; }
  bool read_only() const { return read_only_; }
  // The absolute name of the database file as SQLite opened it; empty for
  // an in-memory database.
  std::string filename() const;

  // The statement for `sql`, prepared on first use and reused afterwards,
  // reset and with its bindings cleared. `sql` should be a literal or a string
  // built from declarations, never from user data (it is the cache key).
  SQLite::Statement& prepared(const std::string& sql);

  // Runs one or more statements without results.
  void exec(const std::string& sql);
  // Runs one statement without results through the statement cache (for
  // statements run very often, such as per-line savepoints).
  void run(const std::string& sql);

 private:
  std::unique_ptr<SQLite::Database> db_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> cache_;
  bool in_memory_ = false;
  bool read_only_ = false;
};

// fazhi's status for a SQLite result code (extended codes accepted).
Status status_of_sqlite(int code) noexcept;

// Rethrows the exception currently being handled as fazhi::Error if it is a
// SQLite::Exception; other exceptions are rethrown unchanged. Use in a catch.
[[noreturn]] void rethrow_as_fazhi(const std::string& context);

}  // namespace fazhi::store
