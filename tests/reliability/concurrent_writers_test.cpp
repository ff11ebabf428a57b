// concurrent_writers_test — several processes, each with several threads,
// write and read one database file at the same time.
//
//   concurrent_writers_test [--seconds S] [--procs P] [--threads T]
//
// Each process runs T-1 writer threads and one reader thread. Writer threads
// put org units with keys unique to the thread ("p<proc>-t<thread>-<n>"), one
// fz_put (one transaction) each, and log every attempt to a file of their own
// before the next: "A key" once fz_put returned FZ_OK, "R key status" when it
// was refused. Even writer threads share one handle per process (calls on it
// are serialised); the others open their own. The reader counts the units
// again and again and requires the count never to go down.
//
// At the end the units stored are exactly the acknowledged ones (nothing
// acknowledged is missing, nothing stored was not acknowledged), a refusal
// is FZ_E_BUSY and nothing else, and the journal verifies with one entry per
// unit. CI runs 10 s with 3 processes x 3 threads; the long run
// (target reliability_long) 60 s.
#include <fazhi/fazhi.h>

#include <nlohmann/json.hpp>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

const char* const kOpen = "{\"busy_timeout_ms\": 10000, \"actor\": \"reliability\"}";

struct Options {
  int seconds = 10;
  int procs = 3;
  int threads = 3;
};

// One writer thread: puts until the deadline, logging each outcome.
void writer(fz_db* db, int proc, int thread, const fs::path& log, Clock::time_point deadline) {
  std::ofstream out(log, std::ios::binary);
  for (long n = 0; Clock::now() < deadline; ++n) {
    const std::string key =
        "p" + std::to_string(proc) + "-t" + std::to_string(thread) + "-" + std::to_string(n);
    const std::string record = "{\"code\": \"" + key + "\", \"name\": \"并发写入单位" + key +
                               "\", \"kind\": \"village\", \"parent\": \"root\"}";
    const fz_status st = fz_put(db, "org_unit", record.c_str(), nullptr);
    if (st == FZ_OK) {
      out << "A " << key << "\n";
    } else {
      out << "R " << key << " " << st << " " << fz_last_error() << "\n";
    }
    out.flush();
  }
}

// The reader: the unit count never goes down. Returns false when it did.
bool reader(const fs::path& path, Clock::time_point deadline, long* reads) {
  fz_db* db = nullptr;
  if (fz_open(path.c_str(), kOpen, &db) != FZ_OK) {
    std::cerr << "reader: fz_open: " << fz_last_error() << "\n";
    return false;
  }
  std::int64_t last = 0;
  bool ok = true;
  while (ok && Clock::now() < deadline) {
    char* out = nullptr;
    const fz_status st = fz_list(db, "org_unit", "{\"limit\": 1}", &out);
    if (st == FZ_OK) {
      const std::int64_t total = json::parse(out).at("total").get<std::int64_t>();
      if (total < last) {
        std::cerr << "reader: unit count went down from " << last << " to " << total << "\n";
        ok = false;
      }
      last = total;
      ++*reads;
    } else if (st != FZ_E_BUSY) {
      std::cerr << "reader: fz_list: status " << st << ": " << fz_last_error() << "\n";
      ok = false;
    }
    fz_free(out);
  }
  fz_close(db);
  return ok;
}

// One process: its writer threads and its reader. Exit status 0 when the reader was satisfied.
int child(const Options& o, int proc, const fs::path& db_path, const fs::path& dir,
          Clock::time_point deadline) {
  fz_db* shared = nullptr;
  if (fz_open(db_path.c_str(), kOpen, &shared) != FZ_OK) return 3;
  std::vector<fz_db*> own;
  std::vector<std::thread> threads;
  for (int t = 0; t < o.threads - 1; ++t) {
    fz_db* db = shared;
    if (t % 2 == 1) {
      if (fz_open(db_path.c_str(), kOpen, &db) != FZ_OK) return 3;
      own.push_back(db);
    }
    const fs::path log = dir / ("log-" + std::to_string(proc) + "-" + std::to_string(t));
    threads.emplace_back(writer, db, proc, t, log, deadline);
  }
  long reads = 0;
  const bool ok = reader(db_path, deadline, &reads);
  for (auto& t : threads) t.join();
  for (fz_db* db : own) fz_close(db);
  fz_close(shared);
  std::ofstream(dir / ("reads-" + std::to_string(proc))) << reads;
  return ok ? 0 : 1;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const int v = std::atoi(argv[i + 1]);
    if (a == "--seconds") o.seconds = v;
    else if (a == "--procs") o.procs = v;
    else if (a == "--threads") o.threads = v;
    else {
      std::cerr << "usage: concurrent_writers_test [--seconds S] [--procs P] [--threads T]\n";
      std::exit(2);
    }
  }
  if (o.seconds < 1 || o.procs < 1 || o.threads < 2) {
    std::cerr << "concurrent_writers_test: --seconds and --procs >= 1, --threads >= 2\n";
    std::exit(2);
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  const fs::path dir =
      fs::temp_directory_path() / ("fazhi-concurrent-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path db_path = dir / "shared.db";
  {
    fz_db* db = nullptr;
    if (fz_open(db_path.c_str(), kOpen, &db) != FZ_OK ||
        fz_put(db, "org_unit", "{\"code\": \"root\", \"name\": \"高新区管委会\", \"kind\": \"zone_committee\"}",
               nullptr) != FZ_OK) {
      std::cerr << "setup: " << fz_last_error() << "\n";
      return 1;
    }
    fz_close(db);
  }

  // No handle is open across fork(): each child opens its own.
  const auto deadline = Clock::now() + std::chrono::seconds(o.seconds);
  std::vector<pid_t> pids;
  for (int p = 0; p < o.procs; ++p) {
    const pid_t pid = fork();
    if (pid == 0) _exit(child(o, p, db_path, dir, deadline));
    pids.push_back(pid);
  }
  int failures = 0;
  for (pid_t pid : pids) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::cerr << "FAIL: process " << pid << " ended with status " << status << "\n";
      ++failures;
    }
  }

  std::set<std::string> acknowledged;
  long refused = 0, reads = 0;
  for (int p = 0; p < o.procs; ++p) {
    long r = 0;
    std::ifstream(dir / ("reads-" + std::to_string(p))) >> r;
    reads += r;
    for (int t = 0; t < o.threads - 1; ++t) {
      std::ifstream in(dir / ("log-" + std::to_string(p) + "-" + std::to_string(t)));
      std::string line;
      while (std::getline(in, line)) {
        std::istringstream f(line);
        std::string mark, key;
        int status = 0;
        f >> mark >> key;
        if (mark == "A") {
          acknowledged.insert(key);
        } else {
          f >> status;
          ++refused;
          if (status != FZ_E_BUSY) {
            std::cerr << "FAIL: a refusal that is not FZ_E_BUSY: " << line << "\n";
            ++failures;
          }
        }
      }
    }
  }

  fz_db* db = nullptr;
  if (fz_open(db_path.c_str(), kOpen, &db) != FZ_OK) {
    std::cerr << "FAIL: reopen: " << fz_last_error() << "\n";
    return 1;
  }
  char* out = nullptr;
  std::set<std::string> stored;
  if (fz_list(db, "org_unit", nullptr, &out) == FZ_OK) {
    const json listed = json::parse(out);  // outlives the loop over its items
    for (const json& item : listed.at("items")) {
      const std::string key = item.at("key").get<std::string>();
      if (key != "root") stored.insert(key);
    }
  } else {
    std::cerr << "FAIL: fz_list: " << fz_last_error() << "\n";
    ++failures;
  }
  fz_free(out);
  out = nullptr;
  for (const std::string& k : acknowledged) {
    if (!stored.count(k)) {
      std::cerr << "FAIL: acknowledged but not stored: " << k << "\n";
      ++failures;
    }
  }
  for (const std::string& k : stored) {
    if (!acknowledged.count(k)) {
      std::cerr << "FAIL: stored but never acknowledged: " << k << "\n";
      ++failures;
    }
  }
  if (fz_journal_verify(db, &out) == FZ_OK) {
    const json v = json::parse(out);
    if (!v.at("ok").get<bool>() ||
        v.at("entries").get<std::size_t>() != 1 + acknowledged.size()) {
      std::cerr << "FAIL: journal: " << v.dump() << "\n";
      ++failures;
    }
  } else {
    std::cerr << "FAIL: fz_journal_verify: " << fz_last_error() << "\n";
    ++failures;
  }
  fz_free(out);
  fz_close(db);
  std::cout << "concurrent_writers_test: " << o.procs << " processes x " << o.threads
            << " threads, " << o.seconds << " s: " << acknowledged.size()
            << " writes acknowledged and checked, " << refused << " refused (busy), "
            << stored.size() << " stored, " << reads << " counts read; " << failures << " failures" << std::endl;
  // Writes must have happened, or the test proved nothing.
  if (acknowledged.size() < static_cast<std::size_t>(o.procs)) {
    std::cerr << "FAIL: too few writes were acknowledged to test anything\n";
    ++failures;
  }
  if (failures == 0) fs::remove_all(dir);
  return failures == 0 ? 0 : 1;
}
