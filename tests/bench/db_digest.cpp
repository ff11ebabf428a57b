#include "db_digest.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <openssl/evp.h>
#include <sqlite3.h>

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "fazhi_api.hpp"

namespace bench {
namespace {

// Rewrites one column's value before it is digested (as TEXT).
using ColumnText = std::function<std::string(const SQLite::Column&)>;

TableDigest digest_query(SQLite::Database& db, const std::string& sql, int rewritten = -1,
                         const ColumnText& rewrite = {}) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  auto feed = [&](const void* data, std::size_t size) {
    if (EVP_DigestUpdate(ctx.get(), data, size) != 1) throw std::runtime_error("SHA-256 failed");
  };
  TableDigest out;
  SQLite::Statement q(db, sql);
  const int columns = q.getColumnCount();
  while (q.executeStep()) {
    ++out.rows;
    for (int i = 0; i < columns; ++i) {
      SQLite::Column col = q.getColumn(i);
      if (i == rewritten) {
        const std::string text = rewrite(col);
        const unsigned char type = SQLITE_TEXT;
        const std::uint64_t size = text.size();
        feed(&type, 1);
        feed(&size, sizeof size);
        feed(text.data(), text.size());
        continue;
      }
      const unsigned char type = static_cast<unsigned char>(col.getType());
      feed(&type, 1);
      if (col.isNull()) continue;
      if (col.isInteger()) {
        const std::int64_t v = col.getInt64();
        feed(&v, sizeof v);
        continue;
      }
      const std::uint64_t size = static_cast<std::uint64_t>(col.getBytes());
      feed(&size, sizeof size);
      feed(col.getBlob(), static_cast<std::size_t>(size));
    }
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(ctx.get(), digest, &size) != 1) throw std::runtime_error("SHA-256 failed");
  static const char digits[] = "0123456789abcdef";
  for (unsigned int i = 0; i < size; ++i) {
    out.sha256 += digits[digest[i] >> 4];
    out.sha256 += digits[digest[i] & 0xf];
  }
  return out;
}

}  // namespace

DbDigest digest_database(const std::string& path) {
  DbDigest d;
  {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    std::string columns;
    SQLite::Statement info(db, "SELECT name FROM pragma_table_info('mediation_case') ORDER BY cid");
    while (info.executeStep()) {
      columns += (columns.empty() ? "" : ", ") + info.getColumn(0).getString();
      ++d.case_columns;
    }
    d.cases = digest_query(db, "SELECT " + columns + " FROM mediation_case ORDER BY id");
    // Actors, kinds, operations and a change's field names by name, the
    // change as its canonical JSON: the codes depend on the order in which a
    // writer first used the names, and the MessagePack on its choices, which
    // are no part of the record.
    std::map<std::string, std::string> names;  // code in decimal -> name
    SQLite::Statement all(db, "SELECT id, name FROM journal_name");
    while (all.executeStep()) names[std::to_string(all.getColumn(0).getInt64())] = all.getColumn(1).getString();
    auto canonical_change = [&](const SQLite::Column& col) -> std::string {
      if (col.isText()) return nlohmann::json::parse(col.getString()).dump();
      const auto* bytes = static_cast<const std::uint8_t*>(col.getBlob());
      const nlohmann::json coded = nlohmann::json::from_msgpack(bytes, bytes + col.getBytes());
      nlohmann::json change = nlohmann::json::object();
      for (auto it = coded.begin(); it != coded.end(); ++it) change[names.at(it.key())] = it.value();
      return change.dump();
    };
    d.journal = digest_query(db,
                             "SELECT j.seq, a.name, k.name, j.key, j.record_id, o.name, j.change "
                             "FROM journal j JOIN journal_name a ON a.id = j.actor "
                             "JOIN journal_name k ON k.id = j.kind JOIN journal_name o ON o.id = j.op "
                             "ORDER BY j.seq",
                             6, canonical_change);
    d.findings = digest_query(db,
                              "SELECT kind, record_id, key, unit_id, date, rule, severity, message, "
                              "source, provisional FROM finding ORDER BY kind, record_id, rule, id");
  }
  FazhiDb db(path, "{\"read_only\":true}");
  char* out = nullptr;
  // The chain alone: the baselines write no record states (raw writes no
  // journal at all), so proving their records is not what this checks.
  check(fz_journal_verify_with(db.get(), "{\"records\": false}", &out), "fz_journal_verify " + path);
  nlohmann::json verdict = nlohmann::json::parse(take(out));
  d.journal_ok = verdict.at("ok").get<bool>();
  d.journal_message = verdict.at("message").get<std::string>();
  db.close();
  return d;
}

}  // namespace bench
