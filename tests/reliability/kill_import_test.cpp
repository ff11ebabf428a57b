// kill_import_test — kill -9 at random points of a large import, through the
// `fazhi` command and through fz_import_file in a forked child, and check
// what the killed import left behind.
//
//   kill_import_test --cli PATH [--kills N] [--lines N] [--batch N] [--seed S]
//
// Every line of the generated input creates one mediation case, so lines and
// records are the same count. For each kill, on a fresh copy of a database
// that holds only the unit and committee the cases name:
//   1. the importer (odd kills: the command; even kills: a child process
//      calling fz_import_file) is killed with SIGKILL after a random delay
//      within the time a clean import takes (the bound shrinks when an
//      import finishes first; only interrupting kills count towards N);
//   2. the file, opened with SQLite directly, passes PRAGMA integrity_check;
//   3. fz_open succeeds, fz_journal_verify says ok, and the cases stored are
//      a whole number of batches, each with its journal entry;
//   4. the same import run again completes, and the export of the result is
//      byte for byte the export of a clean import.
// CI runs 10 kills over 4 000 lines; the long run (target reliability_long)
// 100 kills over 50 000 lines. The seed is printed so a failure can be re-run.
#include <fazhi/fazhi.h>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

int g_failures = 0;

void fail(const std::string& what) {
  std::cerr << "FAIL: " << what << "\n";
  ++g_failures;
}

struct Options {
  std::string cli;
  int kills = 10;
  int lines = 4000;
  int batch = 100;
  std::uint64_t seed = 0;
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The unit, its village and the committee every case belongs to.
const char* const kSetup =
    "{\"record\": \"org_unit\", \"code\": \"z\", \"name\": \"开发区管委会\", \"kind\": "
    "\"zone_committee\", \"active_from\": \"2015-01-01\"}\n"
    "{\"record\": \"org_unit\", \"code\": \"z-v1\", \"name\": \"青石村\", \"kind\": \"village\", "
    "\"parent\": \"z\", \"active_from\": \"2015-01-01\"}\n"
    "{\"record\": \"mediation_committee\", \"key\": \"mc1\", \"unit\": \"z-v1\", \"name\": "
    "\"青石村人民调解委员会\", \"established\": \"2015-03-06\", \"members\": 3}\n";
constexpr std::int64_t kSetupRecords = 3;

// Sample-like mediation cases (the shape of examples/yangxin-2022), one create per line.
void write_cases(const fs::path& p, int lines) {
  static const char* const categories[] = {"neighbourhood", "marriage_family", "labour",
                                           "damages", "contract", "property_management"};
  std::ofstream out(p, std::ios::binary);
  for (int i = 0; i < lines; ++i) {
    char buf[640];
    std::snprintf(buf, sizeof buf,
                  "{\"record\": \"mediation_case\", \"key\": \"kc-%07d\", \"committee\": "
                  "\"mc1\", \"case_number\": \"青石村调〔2022〕%d号\", \"received\": "
                  "\"2022-%02d-%02d\", \"source\": \"application\", \"category\": \"%s\", "
                  "\"parties\": [{\"name\": \"林某乙\", \"role\": \"applicant\", \"type\": "
                  "\"person\"}, {\"name\": \"宋某壬\", \"role\": \"respondent\", \"type\": "
                  "\"person\"}], \"amount_yuan\": \"%d.00\"}\n",
                  i, i + 1, 1 + i % 12, 1 + i % 28, categories[i % 6], 1000 + i);
    out << buf;
  }
}

bool fz_ok(fz_status st, const std::string& what) {
  if (st == FZ_OK) return true;
  fail(what + ": status " + std::to_string(st) + ": " + fz_last_error());
  return false;
}

std::string import_options(int batch) {
  return "{\"batch\": " + std::to_string(batch) + "}";
}

// Starts one import of `input` into `db` in a child process: the command
// (by exec) or fz_import_file (in the forked child itself). What goes wrong
// is written to `log` (the command's stderr, or the library's last error),
// or nowhere when `log` is empty.
pid_t start_import(const Options& o, bool via_cli, const fs::path& db, const fs::path& input,
                   const fs::path& log = {}) {
  const pid_t pid = fork();
  if (pid < 0) {
    std::perror("fork");
    std::exit(2);
  }
  if (pid > 0) return pid;
  if (via_cli) {
    const std::string batch = std::to_string(o.batch);
    // The command's summary and progress are not what is tested; keep the log short.
    std::freopen("/dev/null", "w", stdout);
    std::freopen(log.empty() ? "/dev/null" : log.c_str(), "w", stderr);
    execl(o.cli.c_str(), "fazhi", "import", db.c_str(), input.c_str(), "--batch", batch.c_str(),
          "-q", static_cast<char*>(nullptr));
    _exit(127);
  }
  const auto give_up = [&](const char* what, int code) {
    if (!log.empty()) std::ofstream(log) << what << ": " << fz_last_error() << "\n";
    _exit(code);
  };
  fz_db* h = nullptr;
  if (fz_open(db.c_str(), nullptr, &h) != FZ_OK) give_up("fz_open", 3);
  char* summary = nullptr;
  const fz_status st = fz_import_file(h, input.c_str(), import_options(o.batch).c_str(), &summary);
  fz_free(summary);
  if (st != FZ_OK) give_up("fz_import_file", 4);
  fz_close(h);
  _exit(0);
}

// Waits for the child; its exit status, or -1 when it did not exit normally.
int wait_exit(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string integrity_check(const fs::path& db) {
  sqlite3* s = nullptr;
  std::string result;
  if (sqlite3_open_v2(db.c_str(), &s, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    result = std::string("cannot open: ") + sqlite3_errmsg(s);
  } else {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(s, "PRAGMA integrity_check", -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW) {
      if (!result.empty()) result += "; ";
      result += reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(s);
  return result;
}

struct State {
  bool opened = false;
  bool journal_ok = false;
  std::int64_t entries = -1;
  std::int64_t cases = -1;
  std::string journal_message;
};

// What fazhi sees in the file: journal verification, entries and cases.
State inspect(const fs::path& db) {
  State s;
  fz_db* h = nullptr;
  if (!fz_ok(fz_open(db.c_str(), nullptr, &h), "fz_open " + db.string())) return s;
  s.opened = true;
  char* out = nullptr;
  if (fz_ok(fz_journal_verify(h, &out), "fz_journal_verify")) {
    const json v = json::parse(out);
    s.journal_ok = v.at("ok").get<bool>();
    s.entries = v.at("entries").get<std::int64_t>();
    s.journal_message = v.value("message", "");
  }
  fz_free(out);
  out = nullptr;
  if (fz_ok(fz_list(h, "mediation_case", "{\"limit\": 1}", &out), "fz_list")) {
    s.cases = json::parse(out).at("total").get<std::int64_t>();
  }
  fz_free(out);
  fz_ok(fz_close(h), "fz_close");
  return s;
}

std::string export_of(const fs::path& db, const fs::path& to) {
  fz_db* h = nullptr;
  if (!fz_ok(fz_open(db.c_str(), nullptr, &h), "fz_open for export")) return {};
  fz_ok(fz_export_file(h, to.c_str(), nullptr), "fz_export_file");
  fz_close(h);
  return read_file(to);
}

void copy_db(const fs::path& from, const fs::path& to) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(to.string() + suffix);
  fs::copy_file(from, to);
}

Options parse(int argc, char** argv) {
  Options o;
  o.seed = static_cast<std::uint64_t>(std::random_device{}());
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const char* v = argv[i + 1];
    if (a == "--cli") o.cli = v;
    else if (a == "--kills") o.kills = std::atoi(v);
    else if (a == "--lines") o.lines = std::atoi(v);
    else if (a == "--batch") o.batch = std::atoi(v);
    else if (a == "--seed") o.seed = std::strtoull(v, nullptr, 10);
    else {
      std::cerr << "usage: kill_import_test --cli PATH [--kills N] [--lines N] [--batch N] "
                   "[--seed S]\n";
      std::exit(2);
    }
  }
  if (o.cli.empty() || o.kills < 1 || o.lines < 1 || o.batch < 1) {
    std::cerr << "kill_import_test: --cli is required; counts must be positive\n";
    std::exit(2);
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  std::cout << "kill_import_test: seed " << o.seed << ", " << o.kills << " kills, " << o.lines
            << " lines, batch " << o.batch << std::endl;
  std::mt19937_64 rng(o.seed);

  const fs::path dir = fs::temp_directory_path() /
                       ("fazhi-kill-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path setup = dir / "setup.ndjson";
  const fs::path input = dir / "cases.ndjson";
  const fs::path templ = dir / "template.db";
  std::ofstream(setup, std::ios::binary) << kSetup;
  write_cases(input, o.lines);
  {
    fz_db* h = nullptr;
    char* summary = nullptr;
    if (!fz_ok(fz_open(templ.c_str(), nullptr, &h), "create template") ||
        !fz_ok(fz_import_file(h, setup.c_str(), nullptr, &summary), "import setup")) {
      return 1;
    }
    fz_free(summary);
    fz_close(h);  // the last handle: checkpoints, so the file alone holds everything
  }

  // The clean import: what every killed and resumed import must end as, and
  // how long an import takes, the range the kill delays are drawn from.
  const fs::path clean = dir / "clean.db";
  copy_db(templ, clean);
  const auto t0 = Clock::now();
  if (wait_exit(start_import(o, false, clean, input)) != 0) {
    fail("the clean import did not complete");
    return 1;
  }
  const double clean_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  const std::string expected = export_of(clean, dir / "clean.ndjson");
  const State clean_state = inspect(clean);
  if (clean_state.cases != o.lines) fail("the clean import stored " + std::to_string(clean_state.cases) + " cases");
  std::cout << "clean import: " << clean_seconds << " s, export " << expected.size() << " bytes"
            << std::endl;

  // The kill delay is drawn below an upper bound that starts at the clean
  // import's time and shrinks whenever an import finishes before its kill:
  // a machine busy with other tests during the clean import would otherwise
  // leave most kills landing after the end. Only kills that interrupt an
  // import count towards --kills; attempts are capped at three times that.
  double upper = 0.98 * clean_seconds;
  int interrupted = 0;
  int attempts = 0;
  for (int k = 0; interrupted < o.kills && attempts < 3 * o.kills && g_failures == 0; ++k) {
    ++attempts;
    std::uniform_real_distribution<double> delay(0.02 * clean_seconds, upper);
    const bool via_cli = k % 2 == 0;
    const char* route = via_cli ? "fazhi import" : "fz_import_file";
    const fs::path db = dir / "killed.db";
    copy_db(templ, db);
    const double d = delay(rng);
    const pid_t pid = start_import(o, via_cli, db, input);
    std::this_thread::sleep_for(std::chrono::duration<double>(d));
    kill(pid, SIGKILL);
    const int code = wait_exit(pid);
    const std::string tag = "kill " + std::to_string(k + 1) + " (" + route + ", after " +
                            std::to_string(d) + " s)";

    const std::string integrity = integrity_check(db);
    if (integrity != "ok") fail(tag + ": integrity_check: " + integrity);
    const State s = inspect(db);
    if (!s.opened) continue;
    if (!s.journal_ok) fail(tag + ": journal does not verify: " + s.journal_message);
    if (s.cases < 0 || (s.cases % o.batch != 0 && s.cases != o.lines)) {
      fail(tag + ": " + std::to_string(s.cases) + " cases stored, not whole batches of " +
           std::to_string(o.batch));
    }
    if (s.entries != kSetupRecords + s.cases) {
      fail(tag + ": " + std::to_string(s.entries) + " journal entries for " +
           std::to_string(s.cases) + " cases");
    }
    if (code == -1) {
      ++interrupted;
    } else {
      upper = std::max(0.03 * clean_seconds, 0.8 * d);
    }
    std::cout << tag << ": " << (code == -1 ? "killed" : "had finished") << ", " << s.cases
              << " cases kept" << std::endl;

    // Run again to completion: the cases already stored are unchanged lines.
    const fs::path rerun_log = dir / "rerun.log";
    if (const int rc = wait_exit(start_import(o, via_cli, db, input, rerun_log)); rc != 0) {
      std::ifstream in(rerun_log);
      std::stringstream said;
      said << in.rdbuf();
      fail(tag + ": the import run again did not complete (exit " + std::to_string(rc) + "): " + said.str());
      continue;
    }
    const State after = inspect(db);
    if (!after.journal_ok || after.cases != o.lines ||
        after.entries != kSetupRecords + o.lines) {
      fail(tag + ": after the re-run: journal ok " + std::to_string(after.journal_ok) +
           ", cases " + std::to_string(after.cases) + ", entries " +
           std::to_string(after.entries));
    }
    if (export_of(db, dir / "resumed.ndjson") != expected) {
      fail(tag + ": the export after the re-run differs from the clean import's");
    }
  }
  std::cout << "kill_import_test: " << interrupted << " of " << attempts
            << " imports killed mid-way, " << g_failures << " failures (seed " << o.seed << ")"
            << std::endl;
  // At least some kills must land inside the import, or nothing was tested.
  if (interrupted * 2 < o.kills) fail("fewer than half the wanted kills interrupted an import");
  if (g_failures == 0) fs::remove_all(dir);
  return g_failures == 0 ? 0 : 1;
}
