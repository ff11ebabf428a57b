#include "journal_chain.hpp"

#include <openssl/evp.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <stdexcept>

namespace bench {
namespace {

std::string sha256_hex(std::string_view a, std::string_view b) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), a.data(), a.size()) != 1 ||
      EVP_DigestUpdate(ctx.get(), b.data(), b.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest, &size) != 1)
    throw std::runtime_error("SHA-256 failed");
  static const char digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * size);
  for (unsigned int i = 0; i < size; ++i) {
    hex += digits[digest[i] >> 4];
    hex += digits[digest[i] & 0xf];
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

std::string utc_now_ms() {
  using namespace std::chrono;
  auto now = system_clock::now();
  std::time_t t = system_clock::to_time_t(now);
  auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

JournalChain::JournalChain(SQLite::Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO journal (seq, at, actor, kind, key, record_id, op, change, hash) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      head_(db,
            "INSERT INTO meta (name, value) VALUES ('journal_head', ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value"),
      hash_(64, '0') {
  SQLite::Statement q(db_, "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
  if (q.executeStep()) {
    seq_ = q.getColumn(0).getInt64();
    hash_ = q.getColumn(1).getString();
  }
}

void JournalChain::append(const std::string& actor, const std::string& kind, const std::string& key,
                          std::int64_t record_id, const char* op, const std::string& change) {
  const std::int64_t seq = seq_ + 1;
  const std::string at = utc_now_ms();
  std::string& s = canonical_;
  s.clear();
  s += "{\"actor\":";
  append_json_string(s, actor);
  s += ",\"at\":";
  append_json_string(s, at);
  s += ",\"change\":";
  s += change;
  s += ",\"key\":";
  append_json_string(s, key);
  s += ",\"kind\":";
  append_json_string(s, kind);
  s += ",\"op\":";
  append_json_string(s, op);
  s += ",\"record_id\":";
  s += std::to_string(record_id);
  s += ",\"seq\":";
  s += std::to_string(seq);
  s += '}';
  std::string hash = sha256_hex(hash_, s);

  insert_.bind(1, static_cast<int64_t>(seq));
  insert_.bindNoCopy(2, at);
  insert_.bindNoCopy(3, actor);
  insert_.bindNoCopy(4, kind);
  insert_.bindNoCopy(5, key);
  insert_.bind(6, static_cast<int64_t>(record_id));
  insert_.bindNoCopy(7, op);
  insert_.bindNoCopy(8, change);
  insert_.bindNoCopy(9, hash);
  insert_.exec();
  insert_.reset();
  seq_ = seq;
  hash_ = std::move(hash);
}

void JournalChain::flush_head() {
  head_.bind(1, std::to_string(seq_) + ":" + hash_);
  head_.exec();
  head_.reset();
}

}  // namespace bench
