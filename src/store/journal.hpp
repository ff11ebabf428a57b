// journal.hpp — the hash-chained journal (全过程记录).
//
// Every change appends one entry: seq (1, 2, 3, ...), UTC time, actor, record
// kind, key and id, operation, and the canonical JSON of the change, with
//   hash = SHA-256(previous entry's hash || canonical entry)
// where the canonical entry is the compact JSON, keys sorted, of
// {seq, at, actor, kind, key, record_id, op, change}; the first entry's
// previous hash is 64 zeros. Entries are never updated or deleted. The head
// (last seq and hash) is also kept in the meta table, so cutting entries off
// the end of the chain is detected too.
#pragma once

#include "store/sqlite.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>
#include <string>

namespace fazhi::store {

struct JournalEntry {
  std::int64_t seq = 0;
  std::string at;
  std::string actor;
  std::string kind;
  std::string key;
  std::int64_t record_id = 0;
  std::string op;
  nlohmann::json change;
  std::string hash;

  nlohmann::json to_json() const;
};

struct JournalCheck {
  bool ok = true;
  std::int64_t entries = 0;
  std::optional<std::int64_t> first_bad;
  std::string message;

  nlohmann::json to_json() const;
};

class Journal {
 public:
  explicit Journal(Connection& conn) : conn_(conn) {}

  // Appends an entry. Must run inside a write transaction.
  void append(const std::string& actor, const std::string& kind, const std::string& key,
              std::int64_t record_id, const std::string& op, const nlohmann::json& change);

  // Writes the head into meta; call before committing a transaction that
  // appended. Cheap when nothing was appended.
  void flush_head();

  // Forgets the cached head: after a rollback, or when another connection may
  // have appended (at the start of every write transaction). The next append
  // or flush reads the head again from the table.
  void invalidate() { head_.reset(); }

  // The whole chain, from the first entry.
  JournalCheck verify();

  // The same verdict for a record's history, at the cost of that record:
  // the prefix of the chain this handle has verified before is not hashed
  // again (only the entries after it, and the record's own entries against
  // their predecessors' stored hashes). An edit inside the verified prefix of
  // another record's entries is found by verify(), not here.
  JournalCheck verify_record(const std::string& kind, std::int64_t record_id);

  // A record's entries in seq order.
  std::vector<JournalEntry> history(const std::string& kind, std::int64_t record_id);

  // Calls fn for every entry, in seq order, whose op is none of `skip_ops`.
  void scan(const std::vector<std::string>& skip_ops,
            const std::function<void(const JournalEntry&)>& fn);

 private:
  struct Head {
    std::int64_t seq = 0;
    std::string hash;
  };
  Head& head();
  JournalCheck check_chain(std::int64_t after, std::string prev);
  // verify() from the end of the verified prefix, or whole without one.
  JournalCheck verify_incrementally();

  Connection& conn_;
  std::optional<Head> head_;
  // The chain up to here verified intact by this handle (entries are never
  // changed by fazhi, so what was verified stays verified).
  std::optional<Head> verified_;
  bool dirty_ = false;
};

// The hash of an entry given its predecessor's hash.
std::string journal_hash(const std::string& prev_hash, const JournalEntry& e);

// Current UTC time as RFC 3339 with milliseconds, e.g. "2026-11-27T05:12:33.123Z".
std::string utc_now();

}  // namespace fazhi::store
