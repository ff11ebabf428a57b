#include "store/journal.hpp"

#include "bounded_json.hpp"

#include "store/sha256.hpp"

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iterator>
#include <limits>
#include <map>

namespace fazhi::store {
namespace {

const std::string kZeroHash(32, '\0');

// The meta row that says where rule 2 begins (journal.hpp).
constexpr const char* kRuleBoundary = "journal_v2_from";

// Every column of an entry, the codes as their names (NULL for a code that
// journal_name does not hold: a reader shows it empty, verification fails).
constexpr const char* kSelectColumns =
    "SELECT j.seq, j.at, a.name, k.name, j.key, j.record_id, o.name, j.change, j.hash, j.state "
    "FROM journal j LEFT JOIN journal_name a ON a.id = j.actor "
    "LEFT JOIN journal_name k ON k.id = j.kind LEFT JOIN journal_name o ON o.id = j.op ";

std::string text_or_empty(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

std::string bytes_of(const SQLite::Column& c) {
  return std::string(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
}

// The names of journal_name's codes, looked up as a reader meets them and
// kept for one call only: a name edited behind fazhi's back is read as it is
// now by the next call.
class Names {
 public:
  explicit Names(Connection& conn) : conn_(conn) {}
  // The name of `code`; nullptr when journal_name holds none.
  const std::string* find(std::int64_t code) {
    auto it = known_.find(code);
    if (it == known_.end()) {
      auto q = conn_.statement("SELECT name FROM journal_name WHERE id = ?");
      q->bind(1, static_cast<int64_t>(code));
      std::optional<std::string> name;
      if (q->executeStep()) name = q->getColumn(0).getString();
      it = known_.emplace(code, std::move(name)).first;
    }
    return it->second ? &*it->second : nullptr;
  }

 private:
  Connection& conn_;
  std::unordered_map<std::int64_t, std::optional<std::string>> known_;
};

// A change as stored since schema 6 (journal.hpp): MessagePack of the
// change, the keys of its object written as the decimal codes of their
// names. The codes give back the names; `known` turns false when one does
// not (a code journal_name does not hold).
nlohmann::json decode_change(const std::string& stored, Names& names, bool& known) {
  nlohmann::json coded = read_stored_msgpack(stored);
  if (!coded.is_object()) return coded;  // (discarded when it is no MessagePack at all)
  nlohmann::json change = nlohmann::json::object();
  for (auto it = coded.begin(); it != coded.end(); ++it) {
    const std::string& digits = it.key();
    std::int64_t code = 0;
    bool number = !digits.empty() && digits.size() < 19 && digits[0] != '0';
    for (char c : digits) {
      if (c < '0' || c > '9') number = false;
      if (number) code = code * 10 + (c - '0');
    }
    const std::string* name = number ? names.find(code) : nullptr;
    if (!name) {
      known = false;
      continue;
    }
    change[*name] = std::move(it.value());
  }
  return change;
}

// dump_stored_change's reader: one MessagePack value at a time, written as
// nlohmann::json::dump() writes the value nlohmann reads from it.
class ChangeWriter {
 public:
  ChangeWriter(std::string_view in, std::string& out) : p_(in.data()), end_(in.data() + in.size()), out_(out) {}

  bool at_end() const { return p_ == end_; }

  // The value here, written; false for what the fast way does not vouch for.
  bool value(int depth) {
    if (p_ == end_) return false;
    const auto b = static_cast<unsigned char>(*p_++);
    if (b <= 0x7f) return number(std::to_string(b));
    if (b >= 0xe0) return number(std::to_string(static_cast<int>(static_cast<signed char>(b))));
    if (b >= 0xa0 && b <= 0xbf) return string(b & 0x1f);
    if (b >= 0x90 && b <= 0x9f) return array(b & 0x0f, depth);
    if (b >= 0x80 && b <= 0x8f) return object(b & 0x0f, depth);
    std::uint64_t n = 0;
    switch (b) {
      case 0xc0: out_ += "null"; return true;
      case 0xc2: out_ += "false"; return true;
      case 0xc3: out_ += "true"; return true;
      case 0xcc: return uint(1, n) && number(std::to_string(n));
      case 0xcd: return uint(2, n) && number(std::to_string(n));
      case 0xce: return uint(4, n) && number(std::to_string(n));
      case 0xcf: return uint(8, n) && number(std::to_string(n));
      case 0xd0: return uint(1, n) && number(std::to_string(static_cast<std::int8_t>(n)));
      case 0xd1: return uint(2, n) && number(std::to_string(static_cast<std::int16_t>(n)));
      case 0xd2: return uint(4, n) && number(std::to_string(static_cast<std::int32_t>(n)));
      case 0xd3: return uint(8, n) && number(std::to_string(static_cast<std::int64_t>(n)));
      case 0xca: {  // rare: nlohmann formats the number itself
        if (!uint(4, n)) return false;
        float f;
        const auto bits = static_cast<std::uint32_t>(n);
        std::memcpy(&f, &bits, sizeof f);
        out_ += nlohmann::json(static_cast<double>(f)).dump();
        return true;
      }
      case 0xcb: {
        if (!uint(8, n)) return false;
        double d;
        std::memcpy(&d, &n, sizeof d);
        out_ += nlohmann::json(d).dump();
        return true;
      }
      case 0xd9: return uint(1, n) && string(n);
      case 0xda: return uint(2, n) && string(n);
      case 0xdb: return uint(4, n) && string(n);
      case 0xdc: return uint(2, n) && array(n, depth);
      case 0xdd: return uint(4, n) && array(n, depth);
      case 0xde: return uint(2, n) && object(n, depth);
      case 0xdf: return uint(4, n) && object(n, depth);
      default: return false;  // bin, ext, 0xc1
    }
  }

  // A string's bytes (after its header): where they are, checked as UTF-8.
  bool raw_string(std::string_view& s) {
    if (p_ == end_) return false;
    const auto b = static_cast<unsigned char>(*p_++);
    std::uint64_t n = 0;
    if (b >= 0xa0 && b <= 0xbf)
      n = b & 0x1f;
    else if (!(b == 0xd9 ? uint(1, n) : b == 0xda ? uint(2, n) : b == 0xdb ? uint(4, n) : false))
      return false;
    return take(n, s) && utf8(s);
  }

  // The length of a map here; false when it is no map.
  bool map_header(std::uint64_t& n) {
    if (p_ == end_) return false;
    const auto b = static_cast<unsigned char>(*p_++);
    if (b >= 0x80 && b <= 0x8f) {
      n = b & 0x0f;
      return true;
    }
    return b == 0xde ? uint(2, n) : b == 0xdf ? uint(4, n) : false;
  }

  const char* here() const { return p_; }

  void quoted(std::string_view s) { quote_into(out_, s); }

  // `s` as nlohmann writes a string (ensure_ascii off).
  static void quote_into(std::string& o, std::string_view s) {
    o += '"';
    std::size_t from = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      o.append(s.data() + from, i - from);
      from = i + 1;
      switch (c) {
        case '"': o += "\\\""; break;
        case '\\': o += "\\\\"; break;
        case '\b': o += "\\b"; break;
        case '\t': o += "\\t"; break;
        case '\n': o += "\\n"; break;
        case '\f': o += "\\f"; break;
        case '\r': o += "\\r"; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          o += "\\u00";
          o += kHex[c >> 4];
          o += kHex[c & 0xf];
        }
      }
    }
    o.append(s.data() + from, s.size() - from);
    o += '"';
  }

  // Deeper than this falls back (nlohmann's reader refuses beyond kMaxStoredDepth).
  static constexpr int kMaxDepth = 32;

 private:
  bool uint(int bytes, std::uint64_t& n) {
    if (end_ - p_ < bytes) return false;
    n = 0;
    for (int i = 0; i < bytes; ++i) n = (n << 8) | static_cast<unsigned char>(*p_++);
    return true;
  }

  bool take(std::uint64_t n, std::string_view& s) {
    if (static_cast<std::uint64_t>(end_ - p_) < n) return false;
    s = std::string_view(p_, static_cast<std::size_t>(n));
    p_ += n;
    return true;
  }

  bool number(const std::string& digits) {
    out_ += digits;
    return true;
  }

  bool string(std::uint64_t n) {
    std::string_view s;
    if (!take(n, s) || !utf8(s)) return false;
    quoted(s);
    return true;
  }

  bool array(std::uint64_t n, int depth) {
    if (depth >= kMaxDepth || n > static_cast<std::uint64_t>(end_ - p_)) return false;
    out_ += '[';
    for (std::uint64_t i = 0; i < n; ++i) {
      if (i) out_ += ',';
      if (!value(depth + 1)) return false;
    }
    out_ += ']';
    return true;
  }

  // A nested object: its keys must come in nlohmann's order (byte order, no
  // repeats), as fazhi wrote them.
  bool object(std::uint64_t n, int depth) {
    if (depth >= kMaxDepth || n > static_cast<std::uint64_t>(end_ - p_)) return false;
    out_ += '{';
    std::string_view last;
    for (std::uint64_t i = 0; i < n; ++i) {
      std::string_view key;
      if (!raw_string(key)) return false;
      if (i) {
        if (!(last < key)) return false;
        out_ += ',';
      }
      last = key;
      quoted(key);
      out_ += ':';
      if (!value(depth + 1)) return false;
    }
    out_ += '}';
    return true;
  }


 public:
  // Well-formed UTF-8 as nlohmann's writer accepts it (no overlong forms,
  // surrogates or code points beyond U+10FFFF).
  static bool utf8(std::string_view s) {
    for (char c : s)  // (ASCII, the common case, at once)
      if (static_cast<unsigned char>(c) >= 0x80) return utf8_slow(s);
    return true;
  }

 private:
  static bool utf8_slow(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* e = p + s.size();
    while (p < e) {
      const unsigned char c = *p;
      if (c < 0x80) {
        ++p;
        continue;
      }
      int more = 0;
      unsigned char lo = 0x80, hi = 0xbf;
      if (c >= 0xc2 && c <= 0xdf) {
        more = 1;
      } else if (c >= 0xe0 && c <= 0xef) {
        more = 2;
        if (c == 0xe0) lo = 0xa0;
        if (c == 0xed) hi = 0x9f;
      } else if (c >= 0xf0 && c <= 0xf4) {
        more = 3;
        if (c == 0xf0) lo = 0x90;
        if (c == 0xf4) hi = 0x8f;
      } else {
        return false;
      }
      if (e - p <= more) return false;
      if (p[1] < lo || p[1] > hi) return false;
      for (int i = 2; i <= more; ++i)
        if (p[i] < 0x80 || p[i] > 0xbf) return false;
      p += more + 1;
    }
    return true;
  }

  const char* p_;
  const char* end_;
  std::string& out_;
};

// The entry the statement is on; its stored hash (bytes) into `stored_hash`.
JournalEntry read_entry(SQLite::Statement& q, std::int64_t boundary, Names& names,
                        std::string& stored_hash) {
  JournalEntry e;
  e.seq = q.getColumn(0).getInt64();
  e.at_ms = q.getColumn(1).getInt64();
  e.at = format_utc_ms(e.at_ms);
  e.codes_known = !q.getColumn(2).isNull() && !q.getColumn(3).isNull() && !q.getColumn(6).isNull();
  e.actor = text_or_empty(q.getColumn(2));
  e.kind = text_or_empty(q.getColumn(3));
  e.key_stored = !q.getColumn(4).isNull();
  e.key = text_or_empty(q.getColumn(4));
  e.record_id = q.getColumn(5).getInt64();
  e.op = text_or_empty(q.getColumn(6));
  // JSON text (entries converted from schema 5), else MessagePack.
  const SQLite::Column change = q.getColumn(7);
  if (change.isText())
    e.change = read_stored_json(change.getString());
  else
    e.change = decode_change(bytes_of(change), names, e.codes_known);
  stored_hash = bytes_of(q.getColumn(8));
  e.hash = to_hex(stored_hash);
  if (!q.getColumn(9).isNull()) e.state = bytes_of(q.getColumn(9));
  e.rule = e.seq < boundary ? 1 : 2;
  return e;
}

void append_string(std::string& s, const std::string& text) { s += nlohmann::json(text).dump(); }

// Rule 1's canonical entry: the compact JSON object with its keys in sorted
// order, byte for byte what nlohmann::json::dump() writes for it.
std::string canonical_v1(const JournalEntry& e, const std::string& change_dump) {
  std::string s;
  s.reserve(change_dump.size() + e.actor.size() + e.key.size() + 160);
  s += "{\"actor\":";
  append_string(s, e.actor);
  s += ",\"at\":";
  append_string(s, e.at);
  s += ",\"change\":";
  s += change_dump;
  s += ",\"key\":";
  append_string(s, e.key);
  s += ",\"kind\":";
  append_string(s, e.kind);
  s += ",\"op\":";
  append_string(s, e.op);
  s += ",\"record_id\":";
  s += std::to_string(e.record_id);
  s += ",\"seq\":";
  s += std::to_string(e.seq);
  s += "}";
  return s;
}

// Rule 2's: the same object with `at` in milliseconds and `key` only when
// the entry stores it; built without copying the change (the hot path of
// every append).
std::string canonical_v2(const JournalEntry& e, const std::string& change_dump) {
  std::string s;
  s.reserve(change_dump.size() + e.actor.size() + e.key.size() + 140);
  s += "{\"actor\":";
  append_string(s, e.actor);
  s += ",\"at\":";
  s += std::to_string(e.at_ms);
  s += ",\"change\":";
  s += change_dump;
  if (e.key_stored) {
    s += ",\"key\":";
    append_string(s, e.key);
  }
  s += ",\"kind\":";
  append_string(s, e.kind);
  s += ",\"op\":";
  append_string(s, e.op);
  s += ",\"record_id\":";
  s += std::to_string(e.record_id);
  s += ",\"seq\":";
  s += std::to_string(e.seq);
  if (!e.state.empty()) {
    s += ",\"state\":\"";
    s += to_hex(e.state);
    s += "\"";
  }
  s += "}";
  return s;
}

// The hash (bytes) of `e` under its rule; `prev` is its predecessor's (bytes).
std::string entry_digest(const std::string& prev, const JournalEntry& e, const std::string& change_dump) {
  if (e.rule == 1) return sha256_raw(to_hex(prev), canonical_v1(e, change_dump));
  return sha256_raw(prev, canonical_v2(e, change_dump));
}

// Whether the stored entry is what its hash says. A rule-1 entry always
// stored its key (rule 1 hashes it) and never a state (rule 1 has none); a
// code without a name cannot be hashed; a state is 32 bytes.
bool entry_matches(const std::string& prev, const JournalEntry& e, const std::string& stored_hash) {
  if (!e.codes_known || e.change.is_discarded() || (e.rule == 1 && (!e.key_stored || !e.state.empty())))
    return false;
  if (!e.state.empty() && e.state.size() != 32) return false;
  return entry_digest(prev, e, e.change.dump()) == stored_hash;
}

// Whether the entry `q` is on (journal's columns in table order, codes not
// names) is entry `expected` and matches its hash after `prev`, found without
// decoding it. False whenever it is not plainly so, or when the entry needs
// more than its hash (a move's change): the caller then reads the entry the
// slow way, which finds the same or says what is wrong.
bool fast_entry_matches(SQLite::Statement& q, std::int64_t boundary, std::int64_t expected,
                        const std::string& prev, Names& names, std::string& change_dump,
                        std::string& canonical) {
  const std::int64_t seq = q.getColumn(0).getInt64();
  if (seq != expected || seq < boundary) return false;  // rule 1: the slow way
  const SQLite::Column at = q.getColumn(1), actor = q.getColumn(2), kind = q.getColumn(3),
                       key = q.getColumn(4), record_id = q.getColumn(5), op = q.getColumn(6),
                       change = q.getColumn(7), hash = q.getColumn(8), state = q.getColumn(9);
  if (!at.isInteger() || !actor.isInteger() || !kind.isInteger() || !op.isInteger() ||
      !record_id.isInteger() || !change.isBlob() || !hash.isBlob() ||
      !(state.isNull() || (state.isBlob() && state.getBytes() == 32)) ||
      !(key.isNull() || key.isText()))
    return false;
  const std::string* actor_name = names.find(actor.getInt64());
  const std::string* kind_name = names.find(kind.getInt64());
  const std::string* op_name = names.find(op.getInt64());
  if (!actor_name || !kind_name || !op_name || *op_name == kMoveOp) return false;
  const std::string_view key_text =
      key.isNull() ? std::string_view()
                   : std::string_view(static_cast<const char*>(key.getBlob()),
                                      static_cast<std::size_t>(key.getBytes()));
  if (!ChangeWriter::utf8(*actor_name) || !ChangeWriter::utf8(*kind_name) ||
      !ChangeWriter::utf8(*op_name) || !ChangeWriter::utf8(key_text))
    return false;
  if (!dump_stored_change(
          std::string_view(static_cast<const char*>(change.getBlob()),
                           static_cast<std::size_t>(change.getBytes())),
          [&](std::int64_t code) { return names.find(code); }, change_dump))
    return false;
  // canonical_v2, from the columns.
  std::string& s = canonical;
  s.clear();
  s += "{\"actor\":";
  ChangeWriter::quote_into(s, *actor_name);
  s += ",\"at\":";
  s += std::to_string(at.getInt64());
  s += ",\"change\":";
  s += change_dump;
  if (!key.isNull()) {
    s += ",\"key\":";
    ChangeWriter::quote_into(s, key_text);
  }
  s += ",\"kind\":";
  ChangeWriter::quote_into(s, *kind_name);
  s += ",\"op\":";
  ChangeWriter::quote_into(s, *op_name);
  s += ",\"record_id\":";
  s += std::to_string(record_id.getInt64());
  s += ",\"seq\":";
  s += std::to_string(seq);
  if (!state.isNull()) {
    s += ",\"state\":\"";
    s += to_hex(std::string_view(static_cast<const char*>(state.getBlob()), 32));
    s += "\"";
  }
  s += "}";
  const std::string digest = sha256_raw(prev, s);
  return static_cast<std::size_t>(hash.getBytes()) == digest.size() &&
         std::memcmp(hash.getBlob(), digest.data(), digest.size()) == 0;
}

std::string mismatch_message(const JournalEntry& e) {
  if (!e.codes_known)
    return "entry " + std::to_string(e.seq) + " names an actor, kind, operation or field code " +
           "that journal_name does not hold";
  return "entry " + std::to_string(e.seq) + " does not match its hash";
}

// The seq where rule 2 begins, from meta; nothing when it is missing or
// not a positive number.
std::optional<std::int64_t> rule_boundary(Connection& conn) {
  auto q = conn.statement("SELECT value FROM meta WHERE name = ?");
  q->bind(1, kRuleBoundary);
  if (!q->executeStep()) return std::nullopt;
  const std::string text = q->getColumn(0).getString();
  std::int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || v > (INT64_MAX - 9) / 10) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (text.empty() || v < 1) return std::nullopt;
  return v;
}

}  // namespace

bool dump_stored_change(std::string_view stored,
                        const std::function<const std::string*(std::int64_t)>& name_of,
                        std::string& out) {
  out.clear();
  std::uint64_t n = 0;
  {
    ChangeWriter top(stored, out);
    if (!top.map_header(n)) {
      // Not an object: written as it is.
      ChangeWriter whole(stored, out);
      return whole.value(0) && whole.at_end();
    }
    if (n > stored.size()) return false;
    stored.remove_prefix(static_cast<std::size_t>(top.here() - stored.data()));
  }
  // The top object's members in stored order, each value written into
  // `values`; then the object in name order.
  struct Member {
    const std::string* name;
    std::size_t from, to;  // its value in `values`
  };
  thread_local std::vector<Member> members;
  thread_local std::string values;
  members.clear();
  values.clear();
  ChangeWriter w(stored, values);
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string_view digits;
    if (!w.raw_string(digits)) return false;
    std::int64_t code = 0;
    if (digits.empty() || digits.size() >= 19 || digits[0] == '0') return false;
    for (char c : digits) {
      if (c < '0' || c > '9') return false;
      code = code * 10 + (c - '0');
    }
    const std::string* name = name_of(code);
    if (!name || !ChangeWriter::utf8(*name)) return false;
    const std::size_t from = values.size();
    if (!w.value(1)) return false;
    members.push_back({name, from, values.size()});
  }
  if (!w.at_end()) return false;
  std::sort(members.begin(), members.end(),
            [](const Member& a, const Member& b) { return *a.name < *b.name; });
  for (std::size_t i = 1; i < members.size(); ++i)
    if (*members[i - 1].name == *members[i].name) return false;
  out.reserve(values.size() + 16 * members.size() + 2);
  out += '{';
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (i) out += ',';
    w.quote_into(out, *members[i].name);
    out += ':';
    out.append(values, members[i].from, members[i].to - members[i].from);
  }
  out += '}';
  return true;
}

std::int64_t utc_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string format_utc_ms(std::int64_t ms) {
  std::int64_t seconds = ms / 1000, millis = ms % 1000;
  if (millis < 0) {  // before 1970: floor, not truncation
    millis += 1000;
    --seconds;
  }
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(millis));
  return buf;
}

std::optional<std::int64_t> parse_utc_ms(std::string_view text) {
  // "YYYY-MM-DDTHH:MM:SS.mmmZ": digits everywhere but these places.
  static constexpr std::string_view kShape = "0000-00-00T00:00:00.000Z";
  if (text.size() != kShape.size()) return std::nullopt;
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    if (kShape[i] == '0' ? !digit : text[i] != kShape[i]) return std::nullopt;
  }
  auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  std::tm tm{};
  tm.tm_year = number(0, 4) - 1900;
  tm.tm_mon = number(5, 2) - 1;
  tm.tm_mday = number(8, 2);
  tm.tm_hour = number(11, 2);
  tm.tm_min = number(14, 2);
  tm.tm_sec = number(17, 2);
  // timegm normalises what is out of range (30 February, second 60); the
  // comparison below refuses what it normalised.
  const std::int64_t ms = static_cast<std::int64_t>(timegm(&tm)) * 1000 + number(20, 3);
  if (format_utc_ms(ms) != text) return std::nullopt;
  return ms;
}

std::string utc_now() { return format_utc_ms(utc_now_ms()); }

nlohmann::json JournalEntry::to_json() const {
  nlohmann::json j = {{"seq", seq},       {"at", at}, {"actor", actor},   {"kind", kind}, {"key", key},
                      {"record_id", record_id}, {"op", op}, {"change", change}, {"hash", hash}};
  if (!state.empty()) j["state"] = to_hex(state);
  return j;
}

nlohmann::json CheckpointCheck::to_json() const {
  nlohmann::json j = {{"count", count}, {"checked", checked}, {"message", message}};
  j["ok"] = checked ? nlohmann::json(ok) : nlohmann::json(nullptr);
  j["last"] = last ? nlohmann::json(*last) : nlohmann::json(nullptr);
  j["first_bad"] = first_bad ? nlohmann::json(*first_bad) : nlohmann::json(nullptr);
  return j;
}

nlohmann::json JournalCheck::to_json() const {
  nlohmann::json j = {{"ok", ok}, {"entries", entries}, {"message", message}};
  j["first_bad"] = first_bad ? nlohmann::json(*first_bad) : nlohmann::json(nullptr);
  return j;
}

std::string journal_hash(const std::string& prev_hash_hex, const JournalEntry& e) {
  const std::optional<std::string> prev = from_hex(prev_hash_hex);
  if (!prev || prev->size() != 32)
    throw Error(Status::argument, "prev_hash", "expected 64 lower-case hex digits");
  return to_hex(entry_digest(*prev, e, e.change.dump()));
}

Journal::Head& Journal::head() {
  if (!head_) {
    Head h{0, kZeroHash};
    auto q = conn_.statement("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
    if (q->executeStep()) {
      h.seq = q->getColumn(0).getInt64();
      h.hash = bytes_of(q->getColumn(1));
    }
    head_ = h;
  }
  return *head_;
}

std::int64_t Journal::code(const std::string& name) {
  if (auto it = codes_.find(name); it != codes_.end()) return it->second;
  std::int64_t id = 0;
  auto q = conn_.statement("SELECT id FROM journal_name WHERE name = ?");
  q->bind(1, name);
  if (q->executeStep()) {
    id = q->getColumn(0).getInt64();
  } else {
    auto ins = conn_.statement("INSERT INTO journal_name (name) VALUES (?)");
    ins->bind(1, name);
    ins->exec();
    id = conn_.db().getLastInsertRowid();
  }
  codes_.emplace(name, id);
  return id;
}

bool Journal::first_entry_holds(std::int64_t kind_code, std::int64_t record_id,
                                const std::string& key) {
  auto q = conn_.statement(
      "SELECT key FROM journal WHERE kind = ? AND record_id = ? ORDER BY seq LIMIT 1");
  q->bind(1, static_cast<int64_t>(kind_code));
  q->bind(2, static_cast<int64_t>(record_id));
  return q->executeStep() && !q->getColumn(0).isNull() && q->getColumn(0).getString() == key;
}

std::string Journal::encode_change(const nlohmann::json& change) {
  std::string out;
  if (!change.is_object()) {
    nlohmann::json::to_msgpack(change, out);
    return out;
  }
  // The map's header and its keys by hand (a key is a short string: the
  // decimal code), each value as nlohmann writes it, without copying it.
  const std::size_t n = change.size();
  if (n < 16) {
    out += static_cast<char>(0x80 | n);  // fixmap
  } else {
    const bool map16 = n <= 0xffff;
    out += static_cast<char>(map16 ? 0xde : 0xdf);
    for (int shift = map16 ? 8 : 24; shift >= 0; shift -= 8)
      out += static_cast<char>((n >> shift) & 0xff);
  }
  for (auto it = change.begin(); it != change.end(); ++it) {
    const std::string digits = std::to_string(code(it.key()));
    out += static_cast<char>(0xa0 | digits.size());  // fixstr: fewer than 32 bytes
    out += digits;
    nlohmann::json::to_msgpack(it.value(), out);
  }
  return out;
}

void Journal::append(const std::string& actor, const std::string& kind,
                     const std::string& key, std::int64_t record_id, const std::string& op,
                     const nlohmann::json& change, bool new_record, const std::string& state) {
  Head& h = head();
  const std::int64_t actor_code = code(actor), kind_code = code(kind), op_code = code(op);
  JournalEntry e;  // without its change: the dump serves both the hash and the row
  e.seq = h.seq + 1;
  e.at_ms = utc_now_ms();
  e.actor = actor;
  e.kind = kind;
  e.record_id = record_id;
  e.op = op;
  e.key_stored = new_record || !first_entry_holds(kind_code, record_id, key);
  if (e.key_stored) e.key = key;
  if (!state.empty() && state.size() != 32)
    throw Error(Status::internal, "a record state digest is 32 bytes");
  e.state = state;
  const std::string change_dump = change.dump();
  std::string hash = sha256_raw(h.hash, canonical_v2(e, change_dump));
  const std::string stored_change = encode_change(change);

  auto ins = conn_.statement(
      "INSERT INTO journal (seq, at, actor, kind, op, record_id, key, change, hash, state) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  ins->bind(1, static_cast<int64_t>(e.seq));
  ins->bind(2, static_cast<int64_t>(e.at_ms));
  ins->bind(3, static_cast<int64_t>(actor_code));
  ins->bind(4, static_cast<int64_t>(kind_code));
  ins->bind(5, static_cast<int64_t>(op_code));
  ins->bind(6, static_cast<int64_t>(e.record_id));
  if (e.key_stored)
    ins->bind(7, e.key);
  else
    ins->bind(7);
  ins->bind(8, stored_change.data(), static_cast<int>(stored_change.size()));
  ins->bind(9, hash.data(), static_cast<int>(hash.size()));
  if (state.empty())
    ins->bind(10);
  else
    ins->bind(10, state.data(), static_cast<int>(state.size()));
  ins->exec();
  h.seq = e.seq;
  h.hash = std::move(hash);
  if (!first_appended_) first_appended_ = e.seq;
  dirty_ = true;
}

void Journal::flush_head() {
  if (!dirty_) return;
  Head& h = head();
  auto q = conn_.statement(
      "INSERT INTO meta (name, value) VALUES ('journal_head', ?) "
      "ON CONFLICT (name) DO UPDATE SET value = excluded.value");
  q->bind(1, std::to_string(h.seq) + ":" + to_hex(h.hash));
  q->exec();
  if (!key_.empty()) {
    // The first keyed commit on a file adopts the chain before it.
    auto any = conn_.statement("SELECT 1 FROM journal_checkpoint LIMIT 1");
    const bool adopting = !any->executeStep();
    write_checkpoint(adopting ? 1 : first_appended_.value_or(h.seq));
  }
  first_appended_.reset();
  dirty_ = false;
}

void Journal::adopt_head() {
  if (key_.empty()) return;
  Head& h = head();
  if (h.seq == 0) return;
  std::int64_t covered = 0;
  {
    auto last = conn_.statement("SELECT coalesce(max(seq), 0) FROM journal_checkpoint");
    last->executeStep();
    covered = last->getColumn(0).getInt64();
  }
  if (covered >= h.seq) return;
  write_checkpoint(covered + 1);
}

void Journal::write_checkpoint(std::int64_t first) {
  Head& h = head();
  const std::string mac = checkpoint_mac(key_, first, h.seq, h.hash);
  auto c = conn_.statement(
      "INSERT OR REPLACE INTO journal_checkpoint (seq, first, mac) VALUES (?, ?, ?)");
  c->bind(1, static_cast<int64_t>(h.seq));
  c->bind(2, static_cast<int64_t>(first));
  c->bind(3, mac.data(), static_cast<int>(mac.size()));
  c->exec();
}

std::string checkpoint_mac(const std::string& key, std::int64_t first, std::int64_t seq,
                           const std::string& hash) {
  std::string message = "fazhi journal head";
  message += '\0';
  for (const std::int64_t n : {first, seq})
    for (int shift = 56; shift >= 0; shift -= 8)
      message += static_cast<char>((static_cast<std::uint64_t>(n) >> shift) & 0xff);
  message += hash;
  return hmac_sha256(key, message);
}

JournalHead Journal::current_head() {
  JournalHead h{0, to_hex(kZeroHash)};
  auto q = conn_.statement("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
  if (q->executeStep()) {
    h.seq = q->getColumn(0).getInt64();
    h.hash = to_hex(bytes_of(q->getColumn(1)));
  }
  return h;
}

AnchorCheck Journal::check_anchor(std::int64_t seq, const std::string& hash_hex) {
  AnchorCheck check;
  const std::optional<std::string> hash = from_hex(hash_hex);
  if (!hash || hash->size() != 32)
    throw Error(Status::argument, "head.hash", "expected 64 lower-case hex digits");
  if (seq < 0) throw Error(Status::argument, "head.seq", "expected a seq of 0 or more");
  const std::string text = std::to_string(seq) + ":" + hash_hex;
  if (seq == 0) {
    // The head of an empty journal: every chain starts after it.
    check.ok = *hash == kZeroHash;
    if (!check.ok) check.message = "the recorded head " + text + " is not the head of an empty journal";
    return check;
  }
  auto q = conn_.statement("SELECT hash FROM journal WHERE seq = ?");
  q->bind(1, static_cast<int64_t>(seq));
  if (!q->executeStep()) {
    const JournalHead now = current_head();
    check.ok = false;
    check.message = "the recorded head " + text + " is gone: the journal ends at entry " +
                    std::to_string(now.seq) + " (entries were cut off after it)";
  } else if (bytes_of(q->getColumn(0)) != *hash) {
    check.ok = false;
    check.message = "entry " + std::to_string(seq) +
                    " is no longer the recorded head: the chain was rewritten since " + text +
                    " was recorded";
  }
  return check;
}

CheckpointCheck Journal::check_checkpoints() {
  CheckpointCheck check;
  {
    auto n = conn_.statement("SELECT count(*) FROM journal_checkpoint");
    n->executeStep();
    check.count = n->getColumn(0).getInt64();
  }
  if (key_.empty()) {
    check.message = check.count == 0
                        ? "no keyed checkpoints"
                        : std::to_string(check.count) +
                              " keyed checkpoints, not checked: no key was given";
    return check;
  }
  check.checked = true;
  auto fail = [&](std::int64_t seq, std::string message) {
    if (!check.ok) return;
    check.ok = false;
    check.first_bad = seq;
    check.message = std::move(message);
  };
  auto q = conn_.statement(
      "SELECT c.seq, c.first, c.mac, j.hash FROM journal_checkpoint c "
      "LEFT JOIN journal j ON j.seq = c.seq ORDER BY c.seq");
  auto unkeyed = [](std::int64_t from, std::int64_t to) {
    return (from == to ? "entry " + std::to_string(from) + " is"
                       : "entries " + std::to_string(from) + " to " + std::to_string(to) + " are") +
           " not authenticated by any keyed checkpoint: written without the key, or by someone "
           "who does not hold it";
  };
  std::int64_t covered = 0;  // entries 1..covered were written by keyed commits
  while (q->executeStep()) {
    const std::int64_t seq = q->getColumn(0).getInt64();
    const std::int64_t first = q->getColumn(1).getInt64();
    if (q->getColumn(3).isNull()) {
      fail(seq, "checkpoint " + std::to_string(seq) +
                    " names an entry the journal no longer holds (entries were cut off)");
      continue;
    }
    if (first < 1 || first > seq ||
        checkpoint_mac(key_, first, seq, bytes_of(q->getColumn(3))) != bytes_of(q->getColumn(2))) {
      fail(seq, "checkpoint " + std::to_string(seq) + " does not authenticate entry " +
                    std::to_string(seq) +
                    ": the chain was rewritten without the key (or the key is not the one the "
                    "checkpoints were written with)");
      continue;
    }
    if (first > covered + 1) fail(covered + 1, unkeyed(covered + 1, first - 1));
    if (check.ok) check.last = seq;
    covered = std::max(covered, seq);
  }
  const JournalHead head = current_head();
  if (head.seq > covered) fail(covered + 1, unkeyed(covered + 1, head.seq));
  if (check.ok) check.message = std::to_string(check.count) + " keyed checkpoints authentic";
  return check;
}

// Checks the entries in (after, last], or to the end of the chain without
// `last`; `prev` is the hash (bytes) of entry `after`. Leaves in `prev` the
// hash of the last entry it passed and returns the seq it expected next.
JournalCheck Journal::walk(std::int64_t after, std::string& prev, std::optional<std::int64_t> last,
                           std::int64_t& expected) {
  JournalCheck check;
  expected = after + 1;
  auto fail = [&](std::int64_t seq, std::string message) {
    check.ok = false;
    check.first_bad = seq;
    check.message = std::move(message);
  };
  const std::optional<std::int64_t> boundary = rule_boundary(conn_);
  if (!boundary)
    fail(1, std::string("meta ") + kRuleBoundary +
                ", where the journal's second hash rule begins, is missing or malformed");
  // The entries as stored, codes and all; an entry the fast way does not
  // vouch for (FastEntry) is read once more, by its seq, the way every other
  // reader reads it: on the same connection while `q` is open, so from the
  // same snapshot.
  auto q = conn_.statement(
      "SELECT seq, at, actor, kind, key, record_id, op, change, hash, state FROM journal "
      "WHERE seq > ? AND seq <= ? ORDER BY seq");
  q->bind(1, static_cast<int64_t>(after));
  q->bind(2, static_cast<int64_t>(last.value_or(std::numeric_limits<std::int64_t>::max())));
  std::optional<Connection::Cursor> one;  // the slow way, prepared when first needed
  Names names(conn_);
  std::string stored, change_dump, canonical;
  while (q->executeStep()) {
    ++check.entries;
    if (!check.ok) continue;
    if (boundary && fast_entry_matches(*q, *boundary, expected, prev, names, change_dump,
                                       canonical)) {
      prev.assign(static_cast<const char*>(q->getColumn(8).getBlob()),
                  static_cast<std::size_t>(q->getColumn(8).getBytes()));
      ++expected;
      continue;
    }
    if (!one) one.emplace(conn_.statement(std::string(kSelectColumns) + "WHERE j.seq = ?"));
    SQLite::Statement& slow = **one;
    slow.bind(1, static_cast<int64_t>(q->getColumn(0).getInt64()));
    if (!slow.executeStep()) throw Error(Status::internal, "a journal entry vanished while read");
    JournalEntry e = read_entry(slow, *boundary, names, stored);
    slow.reset();
    if (e.seq != expected) {
      fail(expected, e.seq > expected
                         ? "entry " + std::to_string(expected) + " is missing"
                         : "entry " + std::to_string(e.seq) + " is out of order");
    } else if (!entry_matches(prev, e, stored)) {
      fail(e.seq, mismatch_message(e));
    } else if (e.op == kMoveOp && e.change.is_object()) {
      const nlohmann::json from = e.change.value("from", nlohmann::json());
      if (from.is_object() && from.value("kind", nlohmann::json()).is_string() &&
          from.value("id", nlohmann::json()).is_number_integer())
        check.moved_from.emplace(from["kind"].get<std::string>(), from["id"].get<std::int64_t>());
    }
    prev = std::move(stored);
    ++expected;
  }
  // A segment ends at `last`: an entry missing at its end is missing.
  if (check.ok && last && expected <= *last)
    fail(expected, "entry " + std::to_string(expected) + " is missing");
  return check;
}

// Checks the entries after `after` (whose hash is `prev`, bytes) to the end
// of the chain, and the recorded head.
JournalCheck Journal::check_chain(std::int64_t after, std::string prev) {
  std::int64_t expected = 0;
  JournalCheck check = walk(after, prev, std::nullopt, expected);
  check.entries += after;
  finish_chain(check, expected - 1, prev);
  return check;
}

void Journal::finish_chain(JournalCheck& check, std::int64_t last_seq, const std::string& last_hash) {
  if (check.ok) {
    auto m = conn_.statement("SELECT value FROM meta WHERE name = 'journal_head'");
    std::string recorded =
        m->executeStep() ? m->getColumn(0).getString() : "0:" + to_hex(kZeroHash);
    std::string actual = std::to_string(last_seq) + ":" + to_hex(last_hash);
    if (recorded != actual) {
      std::int64_t recorded_seq = -1;
      try {
        recorded_seq = std::stoll(recorded.substr(0, recorded.find(':')));
      } catch (const std::exception&) {
      }
      check.ok = false;
      if (recorded_seq > last_seq) {
        check.first_bad = last_seq + 1;
        check.message = "entries after " + std::to_string(last_seq) +
                        " are missing (the head records " + std::to_string(recorded_seq) + ")";
      } else {
        check.first_bad = recorded_seq >= 0 ? recorded_seq + 1 : 1;
        check.message = "the chain does not end where the recorded head says";
      }
    }
  }
  if (check.ok) {
    check.message = "journal intact";
    verified_ = Head{last_seq, last_hash};
  } else {
    verified_.reset();
  }
}

std::int64_t Journal::last_seq() {
  auto q = conn_.statement("SELECT coalesce(max(seq), 0) FROM journal");
  q->executeStep();
  return q->getColumn(0).getInt64();
}

JournalCheck Journal::check_segment(std::int64_t after, std::int64_t last) {
  std::string prev = kZeroHash;
  if (after > 0) {
    auto q = conn_.statement("SELECT hash FROM journal WHERE seq = ?");
    q->bind(1, static_cast<int64_t>(after));
    // Entry `after` gone or not a hash: the segment before this one ends
    // with it and says so, which is the first thing wrong.
    if (!q->executeStep() || !q->getColumn(0).isBlob() || q->getColumn(0).getBytes() != 32) {
      JournalCheck unchecked;
      unchecked.ok = false;
      unchecked.first_bad = after;
      unchecked.message = "entry " + std::to_string(after) + " is missing";
      auto n = conn_.statement("SELECT count(*) FROM journal WHERE seq > ? AND seq <= ?");
      n->bind(1, static_cast<int64_t>(after));
      n->bind(2, static_cast<int64_t>(last));
      n->executeStep();
      unchecked.entries = n->getColumn(0).getInt64();
      return unchecked;
    }
    prev = bytes_of(q->getColumn(0));
  }
  std::int64_t expected = 0;
  return walk(after, prev, last, expected);
}

JournalCheck Journal::join_segments(std::vector<JournalCheck> segments) {
  JournalCheck check;
  for (JournalCheck& s : segments) {
    check.entries += s.entries;
    check.moved_from.merge(s.moved_from);
    if (check.ok && !s.ok) {
      check.ok = false;
      check.first_bad = s.first_bad;
      check.message = std::move(s.message);
    }
  }
  std::int64_t last = 0;
  std::string last_hash = kZeroHash;
  if (check.ok) {
    last = last_seq();
    if (last > 0) {
      auto q = conn_.statement("SELECT hash FROM journal WHERE seq = ?");
      q->bind(1, static_cast<int64_t>(last));
      q->executeStep();
      last_hash = bytes_of(q->getColumn(0));
    }
  }
  finish_chain(check, last, last_hash);
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
    if (!q->executeStep() || bytes_of(q->getColumn(0)) != verified_->hash) return verify();
  }
  const Head from = *verified_;
  return check_chain(from.seq, from.hash);
}

JournalCheck Journal::verify_record(const std::string& kind, std::int64_t record_id) {
  JournalCheck check = verify_incrementally();
  if (!check.ok) return check;
  // The record's own entries once more, each against the stored hash of the
  // entry before it: an edit of them since the prefix was verified shows.
  // (history() gives each entry the record's key for reading; what is hashed
  // is what the entry stores: key_stored says whether it stores its key.)
  auto prev = conn_.statement("SELECT hash FROM journal WHERE seq = ?");
  auto own = conn_.statement("SELECT hash FROM journal WHERE seq = ?");
  for (const JournalEntry& e : history(kind, record_id)) {
    std::string before = kZeroHash;
    if (e.seq > 1) {
      prev->bind(1, static_cast<int64_t>(e.seq - 1));
      if (prev->executeStep()) before = bytes_of(prev->getColumn(0));
      prev->tryReset();
    }
    own->bind(1, static_cast<int64_t>(e.seq));
    const std::string stored = own->executeStep() ? bytes_of(own->getColumn(0)) : std::string();
    own->tryReset();
    if (!entry_matches(before, e, stored)) {
      check.ok = false;
      check.first_bad = e.seq;
      check.message = mismatch_message(e);
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
    sql += "WHERE j.op NOT IN (SELECT id FROM journal_name WHERE name IN (";
    for (std::size_t i = 0; i < skip_ops.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")) ";
  }
  sql += "ORDER BY j.seq";
  const std::int64_t boundary = rule_boundary(conn_).value_or(1);
  auto q = conn_.statement(sql);
  for (std::size_t i = 0; i < skip_ops.size(); ++i) q->bind(static_cast<int>(i + 1), skip_ops[i]);
  Names names(conn_);
  std::string stored;
  while (q->executeStep()) fn(read_entry(*q, boundary, names, stored));
}

std::vector<JournalEntry> Journal::history(const std::string& kind, std::int64_t record_id) {
  return entries_before(kind, record_id, std::numeric_limits<std::int64_t>::max());
}

std::vector<JournalEntry> Journal::entries_before(const std::string& kind, std::int64_t record_id,
                                                  std::int64_t before) {
  std::vector<JournalEntry> out;
  // The kind's code, looked up without adding it: a kind never journaled has
  // no entries.
  auto c = conn_.statement("SELECT id FROM journal_name WHERE name = ?");
  c->bind(1, kind);
  if (!c->executeStep()) return out;
  const std::int64_t kind_code = c->getColumn(0).getInt64();
  const std::int64_t boundary = rule_boundary(conn_).value_or(1);
  auto q = conn_.statement(std::string(kSelectColumns) +
                           "WHERE j.kind = ? AND j.record_id = ? AND j.seq < ? ORDER BY j.seq");
  q->bind(1, static_cast<int64_t>(kind_code));
  q->bind(2, static_cast<int64_t>(record_id));
  q->bind(3, static_cast<int64_t>(before));
  Names names(conn_);
  std::string stored;
  while (q->executeStep()) {
    out.push_back(read_entry(*q, boundary, names, stored));
    // An entry without its key has its record's, which the first entry holds.
    if (!out.back().key_stored) out.back().key = out.front().key;
  }
  q->reset();
  // A record that a migration moved from another kind (kMoveOp) has its
  // earlier entries under that kind and id: they come first. Each step back
  // reads only entries older than the move, so a chain of moves ends.
  if (!out.empty() && out.front().op == kMoveOp && out.front().change.is_object()) {
    const nlohmann::json from = out.front().change.value("from", nlohmann::json());
    if (from.is_object() && from.value("kind", nlohmann::json()).is_string() &&
        from.value("id", nlohmann::json()).is_number_integer()) {
      std::vector<JournalEntry> earlier = entries_before(
          from["kind"].get<std::string>(), from["id"].get<std::int64_t>(), out.front().seq);
      out.insert(out.begin(), std::make_move_iterator(earlier.begin()), std::make_move_iterator(earlier.end()));
    }
  }
  return out;
}

void convert_journal_to_v2(Connection& conn) {
  // The codes: every name the old journal uses, in name order.
  conn.exec(
      "INSERT INTO journal_name (name) SELECT actor FROM journal UNION SELECT kind FROM journal "
      "UNION SELECT op FROM journal");
  std::map<std::string, std::int64_t> codes;
  {
    SQLite::Statement q(conn.db(), "SELECT name, id FROM journal_name");
    while (q.executeStep()) codes.emplace(q.getColumn(0).getString(), q.getColumn(1).getInt64());
  }
  SQLite::Statement read(conn.db(),
                         "SELECT seq, at, actor, kind, key, record_id, op, change, hash "
                         "FROM journal ORDER BY seq");
  SQLite::Statement ins(conn.db(),
                        "INSERT INTO journal_v2 (seq, at, actor, kind, op, record_id, key, change, "
                        "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  while (read.executeStep()) {
    const std::int64_t seq = read.getColumn(0).getInt64();
    const std::string at = read.getColumn(1).getString();
    const std::string hex = read.getColumn(8).getString();
    // Rule 1 hashed the time's text and the hash chains the hex text: both
    // must come back exactly from what is stored now, or the entry would no
    // longer match its hash. fazhi never wrote anything else.
    const std::optional<std::int64_t> ms = parse_utc_ms(at);
    if (!ms)
      throw Error(Status::corrupt,
                  "journal entry " + std::to_string(seq) + ": its time '" + at +
                      "' is not in the form fazhi writes (YYYY-MM-DDTHH:MM:SS.mmmZ), so the "
                      "journal cannot be converted to schema 6 without changing what was hashed");
    const std::optional<std::string> hash = from_hex(hex);
    if (!hash || hash->size() != 32)
      throw Error(Status::corrupt,
                  "journal entry " + std::to_string(seq) + ": its hash '" + hex +
                      "' is not 64 lower-case hex digits, so the journal cannot be converted "
                      "to schema 6 without changing what was hashed");
    ins.bind(1, static_cast<int64_t>(seq));
    ins.bind(2, static_cast<int64_t>(*ms));
    ins.bind(3, static_cast<int64_t>(codes.at(read.getColumn(2).getString())));
    ins.bind(4, static_cast<int64_t>(codes.at(read.getColumn(3).getString())));
    ins.bind(5, static_cast<int64_t>(codes.at(read.getColumn(6).getString())));
    ins.bind(6, static_cast<int64_t>(read.getColumn(5).getInt64()));
    ins.bind(7, read.getColumn(4).getString());  // rule 1 hashes every entry's key
    ins.bind(8, read.getColumn(7).getString());
    ins.bind(9, hash->data(), static_cast<int>(hash->size()));
    ins.exec();
    ins.reset();
  }
  // The entries converted above stay under rule 1; the next is the first of
  // rule 2 (1 in a database that had none).
  conn.exec(
      "DROP TABLE journal;"
      "ALTER TABLE journal_v2 RENAME TO journal;"
      "CREATE INDEX journal_record ON journal(kind, record_id);"
      "INSERT INTO meta (name, value) "
      "SELECT 'journal_v2_from', CAST(coalesce(max(seq), 0) + 1 AS TEXT) FROM journal;");
}

}  // namespace fazhi::store
