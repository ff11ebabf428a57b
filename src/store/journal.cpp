#include "store/journal.hpp"

#include "store/sha256.hpp"

#include <chrono>
#include <ctime>

namespace fazhi::store {
namespace {

const std::string kZeroHash(64, '0');

JournalEntry read_entry(SQLite::Statement& q) {
  JournalEntry e;
  e.seq = q.getColumn(0).getInt64();
  e.at = q.getColumn(1).getString();
  e.actor = q.getColumn(2).getString();
  e.kind = q.getColumn(3).getString();
  e.key = q.getColumn(4).getString();
  e.record_id = q.getColumn(5).getInt64();
  e.op = q.getColumn(6).getString();
  e.change = nlohmann::json::parse(q.getColumn(7).getString(), nullptr, false);
  e.hash = q.getColumn(8).getString();
  return e;
}

constexpr const char* kSelectColumns =
    "SELECT seq, at, actor, kind, key, record_id, op, change, hash FROM journal ";

}  // namespace

std::string utc_now() {
  using namespace std::chrono;
  auto now = system_clock::now();
  std::time_t t = system_clock::to_time_t(now);
  auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms));
  return buf;
}

nlohmann::json JournalEntry::to_json() const {
  return {{"seq", seq},       {"at", at}, {"actor", actor},   {"kind", kind}, {"key", key},
          {"record_id", record_id}, {"op", op}, {"change", change}, {"hash", hash}};
}

nlohmann::json JournalCheck::to_json() const {
  nlohmann::json j = {{"ok", ok}, {"entries", entries}, {"message", message}};
  j["first_bad"] = first_bad ? nlohmann::json(*first_bad) : nlohmann::json(nullptr);
  return j;
}

namespace {

// The canonical entry: the compact JSON object with its keys in sorted order,
// byte for byte what nlohmann::json::dump() writes for it, built without
// copying the change (the hot path of every append).
std::string canonical_entry(const JournalEntry& e, const std::string& change_dump) {
  using nlohmann::json;
  std::string s;
  s.reserve(change_dump.size() + e.actor.size() + e.key.size() + 160);
  s += "{\"actor\":";
  s += json(e.actor).dump();
  s += ",\"at\":";
  s += json(e.at).dump();
  s += ",\"change\":";
  s += change_dump;
  s += ",\"key\":";
  s += json(e.key).dump();
  s += ",\"kind\":";
  s += json(e.kind).dump();
  s += ",\"op\":";
  s += json(e.op).dump();
  s += ",\"record_id\":";
  s += std::to_string(e.record_id);
  s += ",\"seq\":";
  s += std::to_string(e.seq);
  s += "}";
  return s;
}

}  // namespace

std::string journal_hash(const std::string& prev_hash, const JournalEntry& e) {
  return sha256_hex(prev_hash, canonical_entry(e, e.change.dump()));
}

Journal::Head& Journal::head() {
  if (!head_) {
    Head h{0, kZeroHash};
    auto q = conn_.statement("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
    if (q->executeStep()) {
      h.seq = q->getColumn(0).getInt64();
      h.hash = q->getColumn(1).getString();
    }
    head_ = h;
  }
  return *head_;
}

void Journal::append(const std::string& actor, const std::string& kind,
                     const std::string& key, std::int64_t record_id, const std::string& op,
                     const nlohmann::json& change) {
  Head& h = head();
  JournalEntry e;  // without its change: the dump serves both the hash and the row
  e.seq = h.seq + 1;
  e.at = utc_now();
  e.actor = actor;
  e.kind = kind;
  e.key = key;
  e.record_id = record_id;
  e.op = op;
  const std::string change_dump = change.dump();
  e.hash = sha256_hex(h.hash, canonical_entry(e, change_dump));

  auto ins = conn_.statement(
      "INSERT INTO journal (seq, at, actor, kind, key, record_id, op, change, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  ins->bind(1, static_cast<int64_t>(e.seq));
  ins->bind(2, e.at);
  ins->bind(3, e.actor);
  ins->bind(4, e.kind);
  ins->bind(5, e.key);
  ins->bind(6, static_cast<int64_t>(e.record_id));
  ins->bind(7, e.op);
  ins->bind(8, change_dump);
  ins->bind(9, e.hash);
  ins->exec();
  h.seq = e.seq;
  h.hash = e.hash;
  dirty_ = true;
}

void Journal::flush_head() {
  if (!dirty_) return;
  Head& h = head();
  auto q = conn_.statement(
      "INSERT INTO meta (name, value) VALUES ('journal_head', ?) "
      "ON CONFLICT (name) DO UPDATE SET value = excluded.value");
  q->bind(1, std::to_string(h.seq) + ":" + h.hash);
  q->exec();
  dirty_ = false;
}

// Checks the entries after `after` (whose hash is `prev`) to the end of the
// chain, and the recorded head.
JournalCheck Journal::check_chain(std::int64_t after, std::string prev) {
  JournalCheck check;
  check.entries = after;
  std::int64_t expected = after + 1;
  auto fail = [&](std::int64_t seq, std::string message) {
    check.ok = false;
    check.first_bad = seq;
    check.message = std::move(message);
  };
  auto q = conn_.statement(std::string(kSelectColumns) + "WHERE seq > ? ORDER BY seq");
  q->bind(1, static_cast<int64_t>(after));
  while (q->executeStep()) {
    JournalEntry e = read_entry(*q);
    ++check.entries;
    if (!check.ok) continue;
    if (e.seq != expected) {
      fail(expected, e.seq > expected
                         ? "entry " + std::to_string(expected) + " is missing"
                         : "entry " + std::to_string(e.seq) + " is out of order");
    } else if (e.change.is_discarded() || journal_hash(prev, e) != e.hash) {
      fail(e.seq, "entry " + std::to_string(e.seq) + " does not match its hash");
    }
    prev = e.hash;
    ++expected;
  }
  if (check.ok) {
    auto m = conn_.statement("SELECT value FROM meta WHERE name = 'journal_head'");
    std::string recorded = m->executeStep() ? m->getColumn(0).getString() : "0:" + kZeroHash;
    std::string actual = std::to_string(expected - 1) + ":" + prev;
    if (recorded != actual) {
      std::int64_t recorded_seq = -1;
      try {
        recorded_seq = std::stoll(recorded.substr(0, recorded.find(':')));
      } catch (const std::exception&) {
      }
      if (recorded_seq > expected - 1)
        fail(expected, "entries after " + std::to_string(expected - 1) +
                           " are missing (the head records " + std::to_string(recorded_seq) +
                           ")");
      else
        fail(recorded_seq >= 0 ? recorded_seq + 1 : 1,
             "the chain does not end where the recorded head says");
    }
  }
  if (check.ok) {
    check.message = "journal intact";
    verified_ = Head{expected - 1, prev};
  } else {
    verified_.reset();
  }
  return check;
}

JournalCheck Journal::verify() { return check_chain(0, kZeroHash); }

JournalCheck Journal::verify_incrementally() {
  if (!verified_) return verify();
  // The entry the verified prefix ends with must still be there, unchanged;
  // otherwise (a rolled-back host transaction, an edit) verify it all again.
  if (verified_->seq > 0) {
    auto q = conn_.statement("SELECT hash FROM journal WHERE seq = ?");
    q->bind(1, static_cast<int64_t>(verified_->seq));
    if (!q->executeStep() || q->getColumn(0).getString() != verified_->hash) return verify();
  }
  const Head from = *verified_;
  return check_chain(from.seq, from.hash);
}

JournalCheck Journal::verify_record(const std::string& kind, std::int64_t record_id) {
  JournalCheck check = verify_incrementally();
  if (!check.ok) return check;
  // The record's own entries once more, each against the stored hash of the
  // entry before it: an edit of them since the prefix was verified shows.
  auto prev = conn_.statement("SELECT hash FROM journal WHERE seq = ?");
  for (const JournalEntry& e : history(kind, record_id)) {
    std::string before = kZeroHash;
    if (e.seq > 1) {
      prev->bind(1, static_cast<int64_t>(e.seq - 1));
      if (prev->executeStep()) before = prev->getColumn(0).getString();
      prev->tryReset();
    }
    if (e.change.is_discarded() || journal_hash(before, e) != e.hash) {
      check.ok = false;
      check.first_bad = e.seq;
      check.message = "entry " + std::to_string(e.seq) + " does not match its hash";
      verified_.reset();
      break;
    }
  }
  return check;
}

void Journal::scan(const std::vector<std::string>& skip_ops,
                   const std::function<void(const JournalEntry&)>& fn) {
  std::string sql = std::string(kSelectColumns);
  if (!skip_ops.empty()) {
    sql += "WHERE op NOT IN (";
    for (std::size_t i = 0; i < skip_ops.size(); ++i) sql += i ? ", ?" : "?";
    sql += ") ";
  }
  sql += "ORDER BY seq";
  auto q = conn_.statement(sql);
  for (std::size_t i = 0; i < skip_ops.size(); ++i) q->bind(static_cast<int>(i + 1), skip_ops[i]);
  try {
    while (q->executeStep()) fn(read_entry(*q));
  } catch (...) {
    throw;
  }
}

std::vector<JournalEntry> Journal::history(const std::string& kind, std::int64_t record_id) {
  std::vector<JournalEntry> out;
  auto q = conn_.statement(std::string(kSelectColumns) +
                           "WHERE kind = ? AND record_id = ? ORDER BY seq");
  q->bind(1, kind);
  q->bind(2, static_cast<int64_t>(record_id));
  while (q->executeStep()) out.push_back(read_entry(*q));
  return out;
}

}  // namespace fazhi::store
