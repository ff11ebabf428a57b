// snapshot_readers.hpp — several read connections that see one snapshot.
//
// A long read (fz_journal_verify over a large file) can be split across
// threads only if every thread reads the same state of the file. SQLite
// gives each connection its own snapshot, taken when its read transaction
// starts, so the readers start theirs while the handle's own connection
// holds the write lock: no commit can fall between them. The lock is held
// for the moments it takes to start them, not for the read.
#pragma once

#include "store/journal.hpp"
#include "store/sqlite.hpp"

#include <memory>
#include <optional>
#include <vector>

namespace fazhi::store {

class SnapshotReaders {
 public:
  // `count` read-only connections to the file of `writer` (an idle handle
  // connection: autocommit, not read-only, a file rather than memory or a
  // URI), each inside a read transaction of the file as it is now, with a
  // journal on it that has `journal_key`. Nothing when they cannot be had
  // (the write lock stays busy past the busy timeout, the file cannot be
  // opened again): the caller then reads on its own connection.
  static std::optional<SnapshotReaders> open(Connection& writer, std::size_t count,
                                             const std::string& journal_key, int busy_timeout_ms);

  SnapshotReaders(SnapshotReaders&&) = default;
  SnapshotReaders& operator=(SnapshotReaders&&) = default;
  ~SnapshotReaders();  // ends the read transactions

  std::size_t size() const { return connections_.size(); }
  Connection& connection(std::size_t i) { return *connections_.at(i); }
  Journal& journal(std::size_t i) { return *journals_.at(i); }

 private:
  SnapshotReaders() = default;
  std::vector<std::unique_ptr<Connection>> connections_;
  std::vector<std::unique_ptr<Journal>> journals_;
};

}  // namespace fazhi::store
