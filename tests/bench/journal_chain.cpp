#include "journal_chain.hpp"

#include <openssl/evp.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <stdexcept>

namespace bench {
namespace {

std::string sha256_raw(std::string_view a, std::string_view b) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), a.data(), a.size()) != 1 ||
      EVP_DigestUpdate(ctx.get(), b.data(), b.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest, &size) != 1)
    throw std::runtime_error("SHA-256 failed");
  return std::string(reinterpret_cast<const char*>(digest), size);
}

std::string to_hex(const std::string& bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * bytes.size());
  for (char ch : bytes) {
    const auto u = static_cast<unsigned char>(ch);
    hex += digits[u >> 4];
    hex += digits[u & 0xf];
  }
  return hex;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    unsigned char u = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (u < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", u);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

void append_msgpack_string(std::string& out, std::string_view s) {
  const std::size_t n = s.size();
  if (n < 32) {
    out += static_cast<char>(0xa0 | n);
  } else if (n < 256) {
    out += static_cast<char>(0xd9);
    out += static_cast<char>(n);
  } else {
    out += static_cast<char>(0xda);
    out += static_cast<char>(n >> 8);
    out += static_cast<char>(n & 0xff);
  }
  out += s;
}

void append_msgpack_uint(std::string& out, std::uint64_t v) {
  auto big_endian = [&](int bytes) {
    for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
  };
  if (v < 128) {
    out += static_cast<char>(v);
  } else if (v < 256) {
    out += static_cast<char>(0xcc);
    big_endian(1);
  } else if (v < 65536) {
    out += static_cast<char>(0xcd);
    big_endian(2);
  } else if (v < (1ull << 32)) {
    out += static_cast<char>(0xce);
    big_endian(4);
  } else {
    out += static_cast<char>(0xcf);
    big_endian(8);
  }
}

void append_msgpack_bool(std::string& out, bool v) { out += static_cast<char>(v ? 0xc3 : 0xc2); }

std::int64_t utc_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

JournalChain::JournalChain(SQLite::Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO journal (seq, at, actor, kind, op, record_id, key, change, hash) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      head_(db,
            "INSERT INTO meta (name, value) VALUES ('journal_head', ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value"),
      find_name_(db, "SELECT id FROM journal_name WHERE name = ?"),
      add_name_(db, "INSERT INTO journal_name (name) VALUES (?)"),
      hash_(32, '\0') {
  SQLite::Statement q(db_, "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
  if (q.executeStep()) {
    seq_ = q.getColumn(0).getInt64();
    hash_.assign(static_cast<const char*>(q.getColumn(1).getBlob()),
                 static_cast<std::size_t>(q.getColumn(1).getBytes()));
  }
}

std::int64_t JournalChain::code(const std::string& name) {
  auto it = codes_.find(name);
  if (it != codes_.end()) return it->second;
  std::int64_t id = 0;
  find_name_.bind(1, name);
  if (find_name_.executeStep()) {
    id = find_name_.getColumn(0).getInt64();
  } else {
    add_name_.bind(1, name);
    add_name_.exec();
    add_name_.reset();
    id = db_.getLastInsertRowid();
  }
  find_name_.reset();
  codes_.emplace(name, id);
  return id;
}

const std::string& JournalChain::code_text(const char* name) {
  auto it = code_texts_.find(name);
  if (it == code_texts_.end()) it = code_texts_.emplace(name, std::to_string(code(name))).first;
  return it->second;
}

void JournalChain::append(const std::string& actor, const std::string& kind, const std::string* key,
                          std::int64_t record_id, const char* op, const std::string& change,
                          const std::string& stored_change) {
  const std::int64_t seq = seq_ + 1;
  const std::int64_t at = utc_now_ms();
  const std::int64_t actor_code = code(actor), kind_code = code(kind), op_code = code(op);
  std::string& s = canonical_;
  s.clear();
  s += "{\"actor\":";
  append_json_string(s, actor);
  s += ",\"at\":";
  s += std::to_string(at);
  s += ",\"change\":";
  s += change;
  if (key) {
    s += ",\"key\":";
    append_json_string(s, *key);
  }
  s += ",\"kind\":";
  append_json_string(s, kind);
  s += ",\"op\":";
  append_json_string(s, op);
  s += ",\"record_id\":";
  s += std::to_string(record_id);
  s += ",\"seq\":";
  s += std::to_string(seq);
  s += '}';
  std::string hash = sha256_raw(hash_, s);

  insert_.bind(1, static_cast<int64_t>(seq));
  insert_.bind(2, static_cast<int64_t>(at));
  insert_.bind(3, static_cast<int64_t>(actor_code));
  insert_.bind(4, static_cast<int64_t>(kind_code));
  insert_.bind(5, static_cast<int64_t>(op_code));
  insert_.bind(6, static_cast<int64_t>(record_id));
  if (key)
    insert_.bindNoCopy(7, *key);
  else
    insert_.bind(7);
  insert_.bindNoCopy(8, stored_change.data(), static_cast<int>(stored_change.size()));
  insert_.bindNoCopy(9, hash.data(), static_cast<int>(hash.size()));
  insert_.exec();
  insert_.reset();
  seq_ = seq;
  hash_ = std::move(hash);
}

void JournalChain::flush_head() {
  head_.bind(1, std::to_string(seq_) + ":" + to_hex(hash_));
  head_.exec();
  head_.reset();
}

}  // namespace bench
