#include "verify_bench.hpp"

#include <fazhi/fazhi.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <stdexcept>
#include <vector>

#include "fazhi_api.hpp"
#include "timing.hpp"

namespace bench {
namespace {

// Steps through every row of every table of the file, reading each column's
// bytes as a reader that uses them would. Returns the rows read.
std::int64_t read_every_table(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("full read: cannot open " + path);
  }
  std::vector<std::string> tables;
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
                     -1, &q, nullptr);
  while (sqlite3_step(q) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
  sqlite3_finalize(q);
  std::int64_t rows = 0;
  std::uint64_t touched = 0;  // kept so that the reads are not optimised away
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  for (const std::string& table : tables) {
    sqlite3_prepare_v2(db, ("SELECT * FROM \"" + table + "\"").c_str(), -1, &q, nullptr);
    const int columns = sqlite3_column_count(q);
    while (sqlite3_step(q) == SQLITE_ROW) {
      ++rows;
      for (int i = 0; i < columns; ++i) {
        const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(q, i));
        const int n = sqlite3_column_bytes(q, i);
        if (p && n > 0) touched += p[0] + p[n - 1];
      }
    }
    sqlite3_finalize(q);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  if (touched == 1) std::fprintf(stderr, " ");
  return rows;
}

nlohmann::json verify_once(const std::string& path, const char* options, double& wall, double& cpu) {
  FazhiDb db(path, "{\"create\": false}");
  char* out = nullptr;
  Stopwatch w;
  check(options ? fz_journal_verify_with(db.get(), options, &out) : fz_journal_verify(db.get(), &out),
        "fz_journal_verify");
  wall = w.seconds();
  cpu = w.cpu_seconds();
  db.close();
  return nlohmann::json::parse(take(out));
}

}  // namespace

VerifyResults run_verify(const std::string& path, int repeat) {
  VerifyResults r;
  r.runs = repeat < 1 ? 1 : repeat;
  double wall = 0, cpu = 0;
  // Untimed first: the file in the page cache, as for the indicators.
  read_every_table(path);
  const nlohmann::json first = verify_once(path, nullptr, wall, cpu);
  r.ok = first.value("ok", false);
  r.message = first.value("message", std::string());
  r.entries = first.value("entries", std::int64_t{0});
  r.records = first.contains("records") ? first["records"].value("checked", std::int64_t{0}) : 0;
  r.readers = first.value("readers", 0);
  std::vector<double> vw, vc, sw, sc, cw, cc, rw, rc;
  for (int i = 0; i < r.runs; ++i) {
    verify_once(path, nullptr, wall, cpu);
    vw.push_back(wall);
    vc.push_back(cpu);
    verify_once(path, "{\"threads\": 1}", wall, cpu);
    sw.push_back(wall);
    sc.push_back(cpu);
    verify_once(path, "{\"records\": false, \"threads\": 1}", wall, cpu);
    cw.push_back(wall);
    cc.push_back(cpu);
    Stopwatch w;
    r.rows_read = read_every_table(path);
    rw.push_back(w.seconds());
    rc.push_back(w.cpu_seconds());
  }
  r.verify_wall = median(vw);
  r.verify_cpu = median(vc);
  r.serial_wall = median(sw);
  r.serial_cpu = median(sc);
  r.chain_wall = median(cw);
  r.chain_cpu = median(cc);
  r.read_wall = median(rw);
  r.read_cpu = median(rc);
  return r;
}

bool print_verify(const VerifyResults& r) {
  std::printf("journal verification (fz_journal_verify: the chain of %lld entries, %lld records proven),\n"
              "warm cache, median of %d run%s:\n",
              static_cast<long long>(r.entries), static_cast<long long>(r.records), r.runs, r.runs == 1 ? "" : "s");
  const std::string chosen = "fz_journal_verify (" + std::to_string(r.readers) + " reader" +
                             (r.readers == 1 ? "" : "s") + ")";
  std::printf("    %-40s %10.1f ms   (CPU %10.1f ms)\n", chosen.c_str(), r.verify_wall * 1e3, r.verify_cpu * 1e3);
  std::printf("    %-40s %10.1f ms   (CPU %10.1f ms)\n", "  the same on one reader", r.serial_wall * 1e3,
              r.serial_cpu * 1e3);
  std::printf("    %-40s %10.1f ms   (CPU %10.1f ms)\n", "  the chain alone, one reader", r.chain_wall * 1e3,
              r.chain_cpu * 1e3);
  std::printf("    %-40s %10.1f ms   (CPU %10.1f ms)   %lld rows\n", "one full read of every table (SQLite)",
              r.read_wall * 1e3, r.read_cpu * 1e3, static_cast<long long>(r.rows_read));
  std::printf("    verify / full read: %.2f (wall), %.2f (CPU); on one reader %.2f (wall)\n",
              r.verify_wall / r.read_wall, r.verify_cpu / r.read_cpu, r.serial_wall / r.read_wall);
  if (!r.ok) std::printf("    MISMATCH: the verification did not find the file intact: %s\n", r.message.c_str());
  return r.ok;
}

}  // namespace bench
