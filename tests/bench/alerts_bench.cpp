// fazhi_alerts_bench — what fz_alerts costs against the best hand-written SQL
// over the same due-date index (issue 12, "fast at scale"):
//
//   A tree of --units org units (a root, 30 departments, the rest villages
//   spread over them) is imported through the C ABI; --items open deadlines
//   spread over the units and over two years are written straight into the
//   due_date table (the benchmark measures the answer, not the bookkeeping
//   that fills the table when records change). Then, as of a day with most
//   items overdue, for the root and for one village:
//     fz_alerts   {"unit", "as_of", "limit": 1000}: the count by status and
//                 the first 1000 items, with their working days and sentences;
//     hand SQL    the same count and the same 1000 rows (kind, key, rule, due)
//                 straight from SQLite on the same file.
//   Printed: the medians and their ratio. Goal: within 2x.
//
// Figures go to stdout; nothing is asserted about time. The run fails (exit
// 1) when the two answers differ in their count or their first item. Exit 2
// for a bad command line.
#include <fazhi/fazhi.h>

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

#include "scratch_dir.hpp"
#include "timing.hpp"

namespace {

struct Options {
  long long units = 1000;
  long long items = 1000000;
  int repeat = 5;
  std::string dir;
  bool keep = false;
};

const char* kUsage =
    "usage: fazhi_alerts_bench [--units N] [--items N] [--repeat RUNS] [--dir DIR] [--keep]\n"
    "\n"
    "  --units   org units of the tree (default 1000, at least 32)\n"
    "  --items   open deadlines (default 1000000)\n"
    "  --repeat  samples of each timing; medians are printed (default 5)\n"
    "  --dir     scratch directory (default: a new temporary directory)\n"
    "  --keep    keep the database (alerts.db in the scratch directory)\n";

[[noreturn]] void usage_error(const std::string& message) {
  std::fprintf(stderr, "fazhi_alerts_bench: %s\n\n%s", message.c_str(), kUsage);
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    auto number = [&]() -> long long {
      if (i + 1 >= argc) usage_error(flag + " needs a value");
      char* end = nullptr;
      const long long v = std::strtoll(argv[++i], &end, 10);
      if (*end != '\0' || v < 1) usage_error(flag + " needs a positive number");
      return v;
    };
    if (flag == "--units") {
      o.units = number();
    } else if (flag == "--items") {
      o.items = number();
    } else if (flag == "--repeat") {
      o.repeat = static_cast<int>(number());
    } else if (flag == "--keep") {
      o.keep = true;
    } else if (flag == "--dir") {
      if (i + 1 >= argc) usage_error("--dir needs a value");
      o.dir = argv[++i];
    } else {
      usage_error("unknown option " + flag);
    }
  }
  if (o.units < 32) usage_error("--units must be at least 32");
  return o;
}

void check(fz_status st, const char* doing) {
  if (st != FZ_OK) throw std::runtime_error(std::string(doing) + ": " + fz_last_error());
}

void sql_check(int rc, sqlite3* db, const char* doing) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(std::string(doing) + ": " + sqlite3_errmsg(db));
}

// The tree: "u0" the root, "u1".."u30" departments below it, the rest
// villages below the departments in turn.
void import_units(fz_db* db, long long units) {
  std::string ndjson =
      "{\"record\": \"org_unit\", \"code\": \"u0\", \"name\": \"开发区管委会\", \"kind\": \"zone_committee\"}\n";
  for (long long i = 1; i < units; ++i) {
    const bool department = i <= 30;
    const std::string parent = department ? "u0" : "u" + std::to_string(1 + (i - 31) % 30);
    ndjson += "{\"record\": \"org_unit\", \"code\": \"u" + std::to_string(i) + "\", \"name\": \"单位" +
              std::to_string(i) + "\", \"kind\": \"" + (department ? "department" : "village") +
              "\", \"parent\": \"" + parent + "\"}\n";
  }
  char* summary = nullptr;
  check(fz_import(db, ndjson.data(), ndjson.size(), "{\"batch\": 100000}", &summary), "importing the units");
  fz_free(summary);
}

// Open conclusion deadlines of petitions, one per unit in turn, due over
// 2022-2023 (a day per 730 items), keys p0000000...
void fill_due_dates(const std::string& path, long long units, long long items) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) throw std::runtime_error("opening " + path);
  const std::string sql =
      "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < " + std::to_string(items) +
      ") INSERT INTO due_date (kind, record_id, rule, key, unit_id, due, counted_from, lapses, provisional) "
      "SELECT 'petition', i + 1, 'petition.conclusion_60_days', printf('p%07d', i), "
      "(SELECT id FROM org_unit WHERE key = 'u' || (i % " +
      std::to_string(units) +
      ")), date('2022-01-01', '+' || (i % 730) || ' days'), date('2022-01-01', '+' || (i % 730) || ' days', "
      "'-60 days'), 0, 0 FROM n";
  sql_check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
  sql_check(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), db, "filling due_date");
  sql_check(sqlite3_exec(db, "COMMIT; ANALYZE", nullptr, nullptr, nullptr), db, "commit");
  sqlite3_close(db);
}

struct Answer {
  long long total = 0;
  std::string first_key;
};

Answer by_fazhi(fz_db* db, const std::string& unit, const std::string& as_of) {
  const std::string query = "{\"unit\": \"" + unit + "\", \"as_of\": \"" + as_of + "\", \"limit\": 1000}";
  char* out = nullptr;
  check(fz_alerts(db, query.c_str(), &out), "fz_alerts");
  const nlohmann::json a = nlohmann::json::parse(out);
  fz_free(out);
  Answer r;
  r.total = a["total"].get<long long>();
  if (!a["items"].empty()) r.first_key = a["items"][0]["key"].get<std::string>();
  return r;
}

// The same question in plain SQL over the same index: the subtree's path
// range, overdue or due within three working days (the last day given), the
// count, then the first 1000 rows in the same order.
Answer by_hand(sqlite3* db, const std::string& unit, const std::string& until) {
  sqlite3_stmt* path = nullptr;
  sql_check(sqlite3_prepare_v2(db, "SELECT path FROM org_unit WHERE key = ?", -1, &path, nullptr), db, "path");
  sqlite3_bind_text(path, 1, unit.c_str(), -1, SQLITE_TRANSIENT);
  sql_check(sqlite3_step(path), db, "path");
  const std::string lo = reinterpret_cast<const char*>(sqlite3_column_text(path, 0));
  sqlite3_finalize(path);
  std::string hi = lo;
  hi.back() = '0';
  const char* where =
      " FROM due_date d JOIN org_unit u ON u.id = d.unit_id WHERE u.path >= ?1 AND u.path < ?2 AND d.met IS NULL"
      " AND d.due <= ?3";
  Answer r;
  sqlite3_stmt* count = nullptr;
  sql_check(sqlite3_prepare_v2(db, (std::string("SELECT count(*)") + where).c_str(), -1, &count, nullptr), db, "count");
  sqlite3_bind_text(count, 1, lo.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(count, 2, hi.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(count, 3, until.c_str(), -1, SQLITE_TRANSIENT);
  sql_check(sqlite3_step(count), db, "count");
  r.total = sqlite3_column_int64(count, 0);
  sqlite3_finalize(count);
  sqlite3_stmt* list = nullptr;
  sql_check(sqlite3_prepare_v2(db,
                               (std::string("SELECT d.kind, d.key, d.rule, d.due") + where +
                                " ORDER BY d.due, d.key, d.kind, d.rule LIMIT 1000")
                                   .c_str(),
                               -1, &list, nullptr),
            db, "list");
  sqlite3_bind_text(list, 1, lo.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(list, 2, hi.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(list, 3, until.c_str(), -1, SQLITE_TRANSIENT);
  bool first = true;
  while (sqlite3_step(list) == SQLITE_ROW) {
    if (first) r.first_key = reinterpret_cast<const char*>(sqlite3_column_text(list, 1));
    first = false;
  }
  sqlite3_finalize(list);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  try {
    bench::ScratchDir scratch(o.dir, o.keep);
    const std::string path = scratch.file("alerts.db");
    {
      fz_db* db = nullptr;
      check(fz_open(path.c_str(), nullptr, &db), "fz_open");
      bench::Stopwatch w;
      import_units(db, o.units);
      check(fz_close(db), "fz_close");
      fill_due_dates(path, o.units, o.items);
      std::printf("filled: %lld units, %lld open deadlines in %.1f s\n", o.units, o.items, w.seconds());
    }
    // As of 2023-06-30 three working days reach 2023-07-05.
    const std::string as_of = "2023-06-30", until = "2023-07-05";
    fz_db* db = nullptr;
    check(fz_open(path.c_str(), "{\"read_only\": true}", &db), "fz_open");
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
      throw std::runtime_error("opening " + path);
    bool same = true;
    const std::string village = "u" + std::to_string(o.units - 1);
    for (const std::string& unit : {std::string("u0"), village}) {
      std::vector<double> fazhi_s, hand_s;
      Answer a, b;
      for (int r = 0; r < o.repeat; ++r) {
        bench::Stopwatch w1;
        a = by_fazhi(db, unit, as_of);
        fazhi_s.push_back(w1.seconds());
        bench::Stopwatch w2;
        b = by_hand(raw, unit, until);
        hand_s.push_back(w2.seconds());
      }
      const double f = bench::median(fazhi_s), h = bench::median(hand_s);
      std::printf("%-5s %-4s listed %lld (first %s): fz_alerts %.4f s, hand SQL %.4f s, ratio %.2f (goal <= 2)\n",
                  unit == "u0" ? "root" : "leaf", unit.c_str(), a.total, a.first_key.c_str(), f, h,
                  h > 0 ? f / h : 0.0);
      if (a.total != b.total || a.first_key != b.first_key) {
        std::printf("MISMATCH: fz_alerts listed %lld (first %s), hand SQL %lld (first %s)\n", a.total,
                    a.first_key.c_str(), b.total, b.first_key.c_str());
        same = false;
      }
    }
    sqlite3_close(raw);
    check(fz_close(db), "fz_close");
    return same ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fazhi_alerts_bench: %s\n", e.what());
    return 1;
  }
}
