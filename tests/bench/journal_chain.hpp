// journal_chain.hpp — fazhi's hash-chained journal written directly, from its
// documented format (src/store/journal.hpp), for baseline (b): one row per
// change (seq, at, actor, kind, key, record_id, op, change, hash) with
//   hash = hex SHA-256(previous hash || canonical entry),
// the canonical entry being the compact JSON, keys sorted, of {actor, at,
// change, key, kind, op, record_id, seq}; and the head ("seq:hash") in meta,
// written before each commit. fz_journal_verify must accept what it writes.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace bench {

// Appends `s` as a JSON string literal (as nlohmann::json::dump writes one:
// UTF-8 kept, '"', '\\' and control characters escaped).
void append_json_string(std::string& out, std::string_view s);

// Current UTC time as fazhi's journal writes it: "2026-11-27T05:12:33.123Z".
std::string utc_now_ms();

class JournalChain {
 public:
  // Reads the head of the database's journal (the last seq and hash).
  explicit JournalChain(SQLite::Database& db);

  // One entry; `change` is the compact JSON of the change, keys sorted.
  void append(const std::string& actor, const std::string& kind, const std::string& key,
              std::int64_t record_id, const char* op, const std::string& change);
  // The head into meta; call before committing.
  void flush_head();

 private:
  SQLite::Database& db_;
  SQLite::Statement insert_, head_;
  std::int64_t seq_ = 0;
  std::string hash_;
  std::string canonical_;  // reused buffer
};

}  // namespace bench
