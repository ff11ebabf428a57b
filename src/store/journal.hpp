// journal.hpp — the hash-chained journal (全过程记录).
//
// Every change appends one entry: seq (1, 2, 3, ...), the UTC time as
// milliseconds since the Unix epoch, actor, record kind and id, operation,
// and the change (a JSON object). Actors, kinds and operations are stored as
// small integer codes of the dictionary table journal_name (names are never
// changed or removed there), the hash as its 32 bytes. The change is stored
// as MessagePack with the keys of its object (field names, a few dozen in
// all) written as the decimal codes of those names in journal_name: the
// names were half of a stored change. Nested objects keep their keys.
// Entries converted from schema 5 keep their change as the JSON text it was.
// The stored form is no part of any hash: both rules hash the change's
// compact JSON with its keys sorted (what nlohmann::json::dump() writes).
//
// A record's key is stored once, not on every entry: on the entry that first
// names the record (kind, record_id) — its create, or for what has no create
// the first entry, e.g. a custom indicator's first "define" — and again only
// on a later entry whose key differs from that one (fazhi writes none, but the
// rule loses no key whatever a caller passes). A reader takes an entry's key
// from the entry, or when it has none from its record's first entry (history()
// does; scan() leaves it empty).
//
// Each entry's hash chains its predecessor's, under one of two rules. Which
// one is fixed by the entry's seq against meta 'journal_v2_from', the first
// seq written by schema 6 (1 for a database created by it):
//
//  rule 1, entries before journal_v2_from (written by schema 1 to 5, and
//    kept exactly as they were hashed):
//      hash = SHA-256(previous hash as 64 hex digits || canonical entry)
//    where the canonical entry is the compact JSON, keys sorted, of
//    {actor, at, change, key, kind, op, record_id, seq}, `at` as the text
//    "YYYY-MM-DDTHH:MM:SS.mmmZ" (the stored milliseconds give that text back
//    exactly: the migration to schema 6 converted only times that round-trip,
//    and refuses a journal with any other) and `key` the entry's key (every
//    rule-1 entry keeps its key). The first entry's previous hash is 64 "0".
//  rule 2, entries from journal_v2_from:
//      hash = SHA-256(previous hash as its 32 bytes || canonical entry)
//    where the canonical entry is the compact JSON, keys sorted, of
//    {actor, at, change, key, kind, op, record_id, seq, state}, `at` as the
//    integer of milliseconds, actor, kind and op as their names (so a hash
//    does not depend on the dictionary's codes), `key` present only when the
//    entry stores one (a key an entry takes from its record's first entry is
//    hashed there) and `state` only when the entry carries one, as 64 hex
//    digits. The first entry's previous hash is 32 zero bytes.
//
// The state (schema 11): an entry that changes a record carries the digest
// of the record's whole stored state after the change (domain/record_state.hpp:
// its row, its findings), 32 bytes in the column `state`. Entries written
// before schema 11 carry none and hash as they did; the migration to schema 11
// appended one entry of op "seal" (kSealOp) per record, carrying the state the
// record had then. So every record's latest entry says what its row must hold,
// and the hash chain says that the entry is what fazhi wrote: verification
// (domain/record_proof.hpp) compares the two.
//
// Entries are never updated or deleted. The head ("seq:hash", the hash as 64
// hex digits, the same text under both rules) is also kept in the meta table,
// so cutting entries off the end of the chain is detected too; cutting the
// end and rewriting that row as well is detected against a head the host
// recorded elsewhere (check_anchor) or by keyed checkpoints.
//
// Keyed checkpoints (schema 11): a handle given a key (OpenOptions::
// journal_key, never stored in the file) writes, with every commit that
// appended, a row of journal_checkpoint: the head's seq, `first`, the first
// entry that commit appended, and
//      mac = HMAC-SHA-256(key, "fazhi journal head" || 0x00 || first as 8
//            bytes big-endian || seq as 8 bytes big-endian || the head
//            entry's hash as its 32 bytes)
// The mac authenticates the whole chain up to seq (each hash chains its
// predecessor's) and says that entries first..seq were written with the
// key. The first keyed commit on a file without checkpoints, and an upgrade
// run by a keyed handle, take first = 1 past the last checkpoint (they adopt
// what is there, as the host trusts it when it starts using a key). With
// the key, check_checkpoints() fails on a mac that does not match (the chain
// was rewritten without the key), on a checkpoint whose entry is gone, and
// on entries no keyed commit wrote (appended by someone without the key).
#pragma once

#include "store/sqlite.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fazhi::store {

// An entry in its public form: names, the time as text, the hash as hex.
struct JournalEntry {
  std::int64_t seq = 0;
  std::string at;  // "2026-11-27T05:12:33.123Z"
  std::string actor;
  std::string kind;
  std::string key;
  std::int64_t record_id = 0;
  std::string op;
  nlohmann::json change;
  std::string hash;  // 64 hex digits
  // The digest (32 bytes) of the record's stored state after this entry
  // (domain/record_state.hpp); empty when the entry carries none. Shown by
  // to_json as 64 hex digits, only when present.
  std::string state;

  // How it is stored and hashed (not shown by to_json).
  std::int64_t at_ms = 0;   // `at` as milliseconds since the Unix epoch
  bool key_stored = true;   // the entry holds its key (else: its record's first entry does)
  int rule = 2;             // the hash rule it was written under (1 or 2)
  bool codes_known = true;  // journal_name held its actor, kind and op codes

  nlohmann::json to_json() const;
};

// The text nlohmann::json::dump() writes for a change stored as MessagePack
// with coded keys (what read_entry decodes), written straight from the bytes
// into `out` without building the document: the top object's keys are the
// names `name_of` gives their codes, in name order; nested objects are as
// fazhi wrote them (keys in order). False, with `out` unspecified, for
// anything the fast way does not vouch for (a code without a name, a key
// out of order or repeated, bin or ext values, text that is not UTF-8,
// nesting deeper than a fixed bound, bytes left over or missing): the caller
// then decodes the change as before, so the outcome is the same.
bool dump_stored_change(std::string_view stored,
                        const std::function<const std::string*(std::int64_t)>& name_of,
                        std::string& out);

// The operation of the entry that opens a record a migration moved from
// another kind: its change names where the record was,
// {"from": {"kind": "lawsuit", "id": 7}, ...the record's fields}, and the
// record's history reads the entries of (that kind, that id) before it.
inline constexpr const char* kMoveOp = "move";

// The operation of the entry the migration to schema 11 appended for every
// record: its change is empty, its state the record's state at the upgrade.
inline constexpr const char* kSealOp = "seal";

// The chain's last entry: its seq (0 for an empty journal) and hash (64 hex
// digits; 64 "0" for an empty journal).
struct JournalHead {
  std::int64_t seq = 0;
  std::string hash;

  nlohmann::json to_json() const { return {{"seq", seq}, {"hash", hash}}; }
};

// A head recorded earlier, checked against the chain (check_anchor).
struct AnchorCheck {
  bool ok = true;
  std::string message;
};

// The keyed checkpoints (check_checkpoints).
struct CheckpointCheck {
  std::int64_t count = 0;       // rows of journal_checkpoint
  bool checked = false;         // a key was given: the macs were checked
  bool ok = true;               // checked, every one matched and the head is covered
  std::optional<std::int64_t> last;       // seq of the last checkpoint that matched
  std::optional<std::int64_t> first_bad;  // seq of the first that did not
  std::string message;

  nlohmann::json to_json() const;
};

struct JournalCheck {
  bool ok = true;
  std::int64_t entries = 0;
  std::optional<std::int64_t> first_bad;
  std::string message;
  // The records that a move entry (kMoveOp) of the checked part says were
  // moved away: (kind, id) of where they were. Their rows are gone by design.
  std::set<std::pair<std::string, std::int64_t>> moved_from;

  nlohmann::json to_json() const;
};

class Journal {
 public:
  explicit Journal(Connection& conn) : conn_(conn) {}

  // Appends an entry. Must run inside a write transaction. `new_record`: the
  // caller knows that no entry names this record yet (a create), so its key
  // is stored without looking; otherwise the record's first entry is looked
  // up and the key stored only when that entry does not already hold it.
  // `state`: the record's state digest after the change (32 bytes), or empty
  // for an entry that changes no record (a calendar load).
  void append(const std::string& actor, const std::string& kind, const std::string& key,
              std::int64_t record_id, const std::string& op, const nlohmann::json& change,
              bool new_record = false, const std::string& state = {});

  // Writes the head into meta, and with a key a checkpoint of it; call
  // before committing a transaction that appended. Cheap when nothing was
  // appended.
  void flush_head();

  // With a key: a checkpoint of the current head covering the entries
  // after the last checkpoint (all of them when there is none), whoever
  // wrote them. For a keyed handle that has just upgraded the file; nothing
  // without a key, or when the head has a checkpoint already.
  void adopt_head();

  // The key of the keyed checkpoints (any bytes, kept in memory only); empty:
  // none are written or checked.
  void set_key(std::string key) { key_ = std::move(key); }
  bool has_key() const { return !key_.empty(); }

  // The chain's last entry as stored (not verified: verify() says whether
  // the chain up to it is intact).
  JournalHead current_head();

  // Whether the entry `seq` is on the chain with the hash `hash_hex`: a head
  // the host recorded earlier (fz_journal_head) still is, unless entries
  // were cut off after it or the chain was rewritten since. Meaningful once
  // verify() found the chain intact.
  AnchorCheck check_anchor(std::int64_t seq, const std::string& hash_hex);

  // Counts the checkpoints; with a key, checks each against the entry it
  // names, and that keyed commits wrote every entry: a checkpoint that does
  // not match, one whose entry is gone, or entries no checkpoint covers make
  // it fail.
  CheckpointCheck check_checkpoints();

  // Forgets the cached head and name codes: after a rollback (which may have
  // removed names this handle added), or when another connection may have
  // appended (at the start of every write transaction). The next append or
  // flush reads them again from the tables.
  void invalidate() {
    head_.reset();
    codes_.clear();
    first_appended_.reset();
  }

  // The whole chain, from the first entry.
  JournalCheck verify();

  // The same verdict for a record's history, at the cost of that record:
  // the prefix of the chain this handle has verified before is not hashed
  // again (only the entries after it, and the record's own entries against
  // their predecessors' stored hashes). An edit inside the verified prefix of
  // another record's entries is found by verify(), not here.
  JournalCheck verify_record(const std::string& kind, std::int64_t record_id);
  // verify() in parts, for connections reading one snapshot side by side
  // (journal_verification.hpp): last_seq() is the chain's last seq (0 when
  // empty); check_segment() checks the entries in (after, last] against the
  // stored hash of entry `after`, without the recorded head; join_segments()
  // takes the segments that together cover (0, last_seq()] in order and
  // gives verify()'s verdict: the first segment that failed names the first
  // bad entry, as verify() would, and the recorded head is checked at the
  // end. Only join_segments() remembers the verified prefix.
  std::int64_t last_seq();
  JournalCheck check_segment(std::int64_t after, std::int64_t last);
  JournalCheck join_segments(std::vector<JournalCheck> segments);
  // The key set_key() gave (empty: none), for a journal on another
  // connection of the same handle.
  const std::string& key() const { return key_; }
  // Takes the prefix `other` verified (join_segments) as verified here: a
  // journal on another connection to the same file.
  void adopt_verified(const Journal& other) { verified_ = other.verified_; }

  // A record's entries in seq order, each with the record's key. A record
  // that a migration moved to another kind (kMoveOp) keeps the entries it
  // was journaled with before, under its old kind and id, hashed as they
  // were: its history is those entries (older than the move), then its own.
  std::vector<JournalEntry> history(const std::string& kind, std::int64_t record_id);

  // Calls fn for every entry, in seq order, whose op is none of `skip_ops`.
  // An entry's key is empty where the entry does not store it (it is its
  // record's first entry's key): a caller that needs keys knows its records.
  void scan(const std::vector<std::string>& skip_ops,
            const std::function<void(const JournalEntry&)>& fn);

 private:
  // Writes the checkpoint of the head covering entries first..head.
  void write_checkpoint(std::int64_t first);
  struct Head {
    std::int64_t seq = 0;
    std::string hash;  // 32 bytes
  };
  Head& head();
  // The code of `name` in journal_name, added when it has none yet.
  std::int64_t code(const std::string& name);
  // The stored form of a change (journal.hpp).
  std::string encode_change(const nlohmann::json& change);
  // Whether the first entry of the record holds `key`.
  bool first_entry_holds(std::int64_t kind_code, std::int64_t record_id, const std::string& key);
  JournalCheck check_chain(std::int64_t after, std::string prev);
  JournalCheck walk(std::int64_t after, std::string& prev, std::optional<std::int64_t> last,
                    std::int64_t& expected);
  // The recorded head against the chain's end (last_seq, last_hash bytes);
  // remembers the verified prefix when all is well.
  void finish_chain(JournalCheck& check, std::int64_t last_seq, const std::string& last_hash);
  // history(), of the entries before seq `before`.
  std::vector<JournalEntry> entries_before(const std::string& kind, std::int64_t record_id,
                                           std::int64_t before);
  // verify() from the end of the verified prefix, or whole without one.
  JournalCheck verify_incrementally();

  Connection& conn_;
  std::string key_;
  std::optional<Head> head_;
  // The first entry appended since the head was last flushed.
  std::optional<std::int64_t> first_appended_;
  std::unordered_map<std::string, std::int64_t> codes_;  // name -> code, this transaction
  // The chain up to here verified intact by this handle (entries are never
  // changed by fazhi, so what was verified stays verified).
  std::optional<Head> verified_;
  bool dirty_ = false;
};

// The hash (hex) of an entry under its rule (e.rule) given its predecessor's
// hash (hex). The change is hashed as e.change.dump().
std::string journal_hash(const std::string& prev_hash_hex, const JournalEntry& e);

// The checkpoint mac of the entries first..seq, seq's hash (32 bytes) the
// head, under `key` (journal.hpp gives the message).
std::string checkpoint_mac(const std::string& key, std::int64_t first, std::int64_t seq,
                           const std::string& hash);

// Converts a journal of schema 1 to 5 to the schema-6 table (run by the
// migration, inside its transaction, after it created journal_name and
// journal_v2): names to codes, times to milliseconds, hex hashes to bytes,
// every key kept. Throws Error(corrupt) naming the first entry whose time or
// hash would not convert back to the very text it was hashed with.
void convert_journal_to_v2(Connection& conn);

// Current UTC time in milliseconds since the Unix epoch.
std::int64_t utc_now_ms();

// Milliseconds since the Unix epoch as RFC 3339 in UTC with milliseconds,
// e.g. "2026-11-27T05:12:33.123Z".
std::string format_utc_ms(std::int64_t ms);

// The inverse of format_utc_ms: nothing unless `text` is exactly what
// format_utc_ms gives for the result.
std::optional<std::int64_t> parse_utc_ms(std::string_view text);

// Current UTC time as format_utc_ms writes it.
std::string utc_now();

}  // namespace fazhi::store
