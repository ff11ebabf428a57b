#include "store/snapshot_readers.hpp"

#include <fazhi/error.hpp>

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace fazhi::store {

std::optional<SnapshotReaders> SnapshotReaders::open(Connection& writer, std::size_t count,
                                                     const std::string& journal_key,
                                                     int busy_timeout_ms) {
  const std::string file = writer.filename();
  if (count == 0 || file.empty() || writer.in_memory() || writer.read_only()) return std::nullopt;
  SnapshotReaders readers;
  try {
    for (std::size_t i = 0; i < count; ++i) {
      auto conn = std::make_unique<Connection>(
          file, ConnectionOptions{/*create=*/false, /*read_only=*/true, busy_timeout_ms, /*uri=*/false});
      // A reader streams through the file once: SQLite's default cache is
      // enough, and a large one would only be allocated page by page.
      conn->exec("PRAGMA cache_size = -2048");
      readers.journals_.push_back(std::make_unique<Journal>(*conn));
      readers.journals_.back()->set_key(journal_key);
      readers.connections_.push_back(std::move(conn));
    }
  } catch (const Error&) {
    return std::nullopt;
  } catch (const SQLite::Exception&) {
    return std::nullopt;
  }
  try {
    writer.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception&) {
    return std::nullopt;
  }
  bool started = true;
  for (auto& conn : readers.connections_) {
    try {
      conn->exec("BEGIN");
      // The read transaction, and with it the snapshot, starts at the
      // first read.
      conn->exec("SELECT count(*) FROM meta");
    } catch (const SQLite::Exception&) {
      started = false;
      break;
    }
  }
  try {
    writer.exec("ROLLBACK");
  } catch (const SQLite::Exception&) {
  }
  if (!started) return std::nullopt;  // the destructor ends what began
  return readers;
}

SnapshotReaders::~SnapshotReaders() {
  for (auto& conn : connections_) {
    if (!conn) continue;
    try {
      if (!sqlite3_get_autocommit(conn->db().getHandle())) conn->exec("ROLLBACK");
    } catch (...) {
    }
  }
}

}  // namespace fazhi::store
