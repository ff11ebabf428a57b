// journal_chain.hpp — fazhi's hash-chained journal written directly, from its
// documented format (src/store/journal.hpp, rule 2), for baseline (b): one
// row per change (seq, at in ms, actor, kind and op as codes of journal_name,
// record_id, the key on a record's first entry only, the change as
// MessagePack with its keys as codes of journal_name, hash as 32 bytes) with
//   hash = SHA-256(previous hash's 32 bytes || canonical entry),
// the canonical entry being the compact JSON, keys sorted, of {actor, at,
// change, [key,] kind, op, record_id, seq} (names, not codes; at as the
// integer of ms; key only when stored); and the head ("seq:hex hash") in
// meta, written before each commit. fz_journal_verify must accept what it
// writes.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace bench {

// Appends `s` as a JSON string literal (as nlohmann::json::dump writes one:
// UTF-8 kept, '"', '\\' and control characters escaped).
void append_json_string(std::string& out, std::string_view s);

// Current UTC time as fazhi's journal stores it: ms since the Unix epoch.
std::int64_t utc_now_ms();

// MessagePack, as much of it as a change needs: a string, an integer of at
// least 0, a boolean; and a map's header.
void append_msgpack_string(std::string& out, std::string_view s);
void append_msgpack_uint(std::string& out, std::uint64_t v);
void append_msgpack_bool(std::string& out, bool v);

class JournalChain {
 public:
  // Reads the head of the database's journal (the last seq and hash).
  explicit JournalChain(SQLite::Database& db);

  // One entry: `change` is the compact JSON of the change, keys sorted (what
  // is hashed), `stored_change` its MessagePack with the keys as codes (what
  // is stored; code_text gives them). `key` is stored (and hashed) when
  // given: fazhi stores it on a record's first entry (its create) and takes
  // it from there for the others.
  void append(const std::string& actor, const std::string& kind, const std::string* key,
              std::int64_t record_id, const char* op, const std::string& change,
              const std::string& stored_change);

  // The code of a field name, in decimal, as a stored change's key; `name`
  // is a string literal (remembered by its address).
  const std::string& code_text(const char* name);

  // The code of `name` in journal_name, added as fazhi adds it when it has
  // none (the run never rolls back, so what was looked up stays true).
  std::int64_t code(const std::string& name);
  // The head into meta; call before committing.
  void flush_head();

 private:
  SQLite::Database& db_;
  SQLite::Statement insert_, head_, find_name_, add_name_;
  std::map<std::string, std::int64_t> codes_;
  std::map<const char*, std::string> code_texts_;
  std::int64_t seq_ = 0;
  std::string hash_;
  std::string canonical_;  // reused buffer
};

}  // namespace bench
