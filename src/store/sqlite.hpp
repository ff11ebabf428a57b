// sqlite.hpp — one SQLite connection as fazhi uses it: opened with the
// project's pragmas, prepared statements cached for the connection's lifetime,
// and SQLite's errors translated into fazhi's status codes.
#pragma once

#include <fazhi/error.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <list>
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

  class Cursor;

  // The statement for `sql`, prepared on first use and reused afterwards,
  // borrowed for one use: the Cursor resets it and clears its bindings when
  // it goes out of scope (so no statement holds a read transaction open by
  // accident), and a borrowed statement is never evicted. `sql` is the cache
  // key; it is built from literals and declarations (and, for fz_list's
  // "where", from the field names a caller chooses, which is why the cache
  // is bounded: the least recently used statements beyond kCacheSize that are
  // not borrowed are finalized).
  Cursor statement(const std::string& sql);

  static constexpr std::size_t kCacheSize = 256;
  std::size_t cached_statements() const { return cache_.size(); }

  // Runs one or more statements without results.
  void exec(const std::string& sql);
  // Runs one statement without results through the statement cache (for
  // statements run very often, such as per-line savepoints).
  void run(const std::string& sql);

 private:
  struct Entry {
    std::unique_ptr<SQLite::Statement> statement;
    std::list<std::string>::iterator recent;  // its place in recent_
    int borrowed = 0;
  };
  void evict();

  std::unique_ptr<SQLite::Database> db_;
  std::unordered_map<std::string, Entry> cache_;
  std::list<std::string> recent_;  // cache keys, most recently used first
  bool in_memory_ = false;
  bool read_only_ = false;
};

// A statement borrowed from the connection's cache (Connection::statement).
class Connection::Cursor {
 public:
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;
  Cursor(Cursor&& other) noexcept
      : entry_(other.entry_), own_(std::move(other.own_)), statement_(other.statement_) {
    other.entry_ = nullptr;
    other.statement_ = nullptr;
  }
  ~Cursor();

  SQLite::Statement* operator->() const { return statement_; }
  SQLite::Statement& operator*() const { return *statement_; }

 private:
  friend class Connection;
  // The cached statement, borrowed.
  explicit Cursor(Entry* entry) : entry_(entry), statement_(entry->statement.get()) {
    ++entry_->borrowed;
  }
  // A statement of its own: the cached one of the same SQL is in use further
  // up the stack (a nested use must not reset its caller's statement).
  explicit Cursor(std::unique_ptr<SQLite::Statement> own)
      : own_(std::move(own)), statement_(own_.get()) {}

  Entry* entry_ = nullptr;
  std::unique_ptr<SQLite::Statement> own_;
  SQLite::Statement* statement_;
};

// fazhi's status for a SQLite result code (extended codes accepted).
Status status_of_sqlite(int code) noexcept;

// Rethrows the exception currently being handled as fazhi::Error if it is a
// SQLite::Exception; other exceptions are rethrown unchanged. Use in a catch.
[[noreturn]] void rethrow_as_fazhi(const std::string& context);

}  // namespace fazhi::store
