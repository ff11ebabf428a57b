// fazhi_handle_bench — what two per-call costs of a handle are, against the
// baseline each should be close to (issue 16, store hygiene):
//
//   calendar  fz_calendar_is_working_day for a day of 2019–2026, against a
//             plain std::map lookup of the same day in the same answers (the
//             cost of asking the calendar without the C ABI and its lock).
//             Goal: within 2x.
//   history   fz_history of one record (four journal entries) in a database
//             whose journal holds 100 entries, and in one whose journal holds
//             --entries (default 1 000 000). The first call of a handle
//             verifies the whole chain; later calls verify the record's own
//             entries against the prefix already verified. Printed: the first
//             call, then the median of later calls. Goal: a later call costs
//             the same at both sizes (ratio near 1).
//
// Figures go to stdout; nothing is asserted about time. Exit status 0 when
// it ran to the end, 1 when a call failed, 2 for a bad command line.
#include <fazhi/fazhi.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "fazhi_api.hpp"
#include "scratch_dir.hpp"
#include "timing.hpp"

namespace {

struct Options {
  long long entries = 1000000;
  int repeat = 5;
  std::string dir;
};

const char* kUsage =
    "usage: fazhi_handle_bench [--entries N] [--repeat RUNS] [--dir DIR]\n"
    "\n"
    "  --entries  journal entries of the large database (default 1000000; it is\n"
    "             filled by importing that many org units, about a minute a million)\n"
    "  --repeat   samples of each timing; medians are printed (default 5)\n"
    "  --dir      scratch directory (default: a new temporary directory)\n";

[[noreturn]] void usage_error(const std::string& message) {
  std::fprintf(stderr, "fazhi_handle_bench: %s\n\n%s", message.c_str(), kUsage);
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage_error(flag + " needs a value");
      return argv[++i];
    };
    auto number = [&](long long min, long long max) {
      std::string text = value();
      char* end = nullptr;
      long long v = std::strtoll(text.c_str(), &end, 10);
      if (end == text.c_str() || *end != '\0' || v < min || v > max)
        usage_error(flag + " expects an integer from " + std::to_string(min) + " to " +
                    std::to_string(max));
      return v;
    };
    if (flag == "--help" || flag == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    } else if (flag == "--entries") {
      o.entries = number(200, 100000000);
    } else if (flag == "--repeat") {
      o.repeat = static_cast<int>(number(1, 1000));
    } else if (flag == "--dir") {
      o.dir = value();
    } else {
      usage_error("unknown argument '" + flag + "'");
    }
  }
  return o;
}

// Every day of 2019–2026 as "YYYY-MM-DD" (the years of the bundled schedule).
std::vector<std::string> schedule_days() {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::vector<std::string> out;
  char text[40];
  for (int y = 2019; y <= 2026; ++y)
    for (int m = 1; m <= 12; ++m) {
      int days = kDays[m - 1] + (m == 2 && y % 4 == 0 ? 1 : 0);
      for (int d = 1; d <= days; ++d) {
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
        out.emplace_back(text);
      }
    }
  return out;
}

void calendar_section(const Options& opt) {
  bench::FazhiDb db(":memory:", nullptr);
  const std::vector<std::string> days = schedule_days();
  std::map<std::string, bool> answers;
  for (const std::string& day : days) {
    int32_t working = 0;
    bench::check(fz_calendar_is_working_day(db.get(), day.c_str(), &working), "fz_calendar_is_working_day");
    answers.emplace(day, working != 0);
  }
  const std::size_t calls = 1000000;
  std::vector<double> fazhi_ns, map_ns;
  long long agree = 0;  // keeps both loops' results alive
  for (int r = 0; r < opt.repeat; ++r) {
    bench::Stopwatch a;
    for (std::size_t i = 0; i < calls; ++i) {
      int32_t working = 0;
      fz_calendar_is_working_day(db.get(), days[i % days.size()].c_str(), &working);
      agree += working;
    }
    fazhi_ns.push_back(a.seconds() * 1e9 / calls);
    bench::Stopwatch b;
    for (std::size_t i = 0; i < calls; ++i) agree -= answers.find(days[i % days.size()])->second;
    map_ns.push_back(b.seconds() * 1e9 / calls);
  }
  if (agree != 0) throw std::runtime_error("the calendar and the map disagree");
  const double f = bench::median(fazhi_ns), m = bench::median(map_ns);
  std::printf("calendar: fz_calendar_is_working_day %.0f ns/call, std::map lookup %.0f ns/call, "
              "ratio %.2f (goal: at most 2)\n",
              f, m, f / m);
}

struct HistoryCost {
  double first_ms = 0;
  double later_us = 0;
  long long entries = 0;
};

// A database whose journal holds `entries` entries, four of them the target
// record's (a create and three patches); the cost of its fz_history.
HistoryCost history_cost(bench::ScratchDir& dir, long long entries, int repeat) {
  const std::string path = dir.file("history-" + std::to_string(entries) + ".db");
  HistoryCost cost;
  {
    bench::FazhiDb db(path, nullptr);
    const long long filler = entries - 5;  // root, target, three patches
    std::string lines = "{\"record\":\"org_unit\",\"code\":\"root\",\"name\":\"县司法局\",\"kind\":\"government\"}\n"
                        "{\"record\":\"org_unit\",\"code\":\"target\",\"name\":\"目标村\",\"kind\":\"village\",\"parent\":\"root\"}\n";
    for (long long i = 0; i < filler; ++i) {
      lines += "{\"record\":\"org_unit\",\"code\":\"u" + std::to_string(i) + "\",\"name\":\"村" +
               std::to_string(i) + "\",\"kind\":\"village\",\"parent\":\"root\"}\n";
      if (lines.size() > (8u << 20) || i + 1 == filler) {
        char* summary = nullptr;
        bench::check(fz_import(db.get(), lines.data(), lines.size(), nullptr, &summary), "fz_import");
        const std::string text = bench::take(summary);
        if (text.find("\"errors\":[]") == std::string::npos)
          throw std::runtime_error("fz_import refused lines: " + text.substr(0, 300));
        lines.clear();
      }
    }
    for (int p = 1; p <= 3; ++p) {
      const std::string patch = "{\"name\":\"目标村" + std::to_string(p) + "\"}";
      bench::check(fz_patch(db.get(), "org_unit", "target", patch.c_str()), "fz_patch");
    }
    db.close();
  }
  bench::FazhiDb db(path, nullptr);
  bench::Stopwatch first;
  char* out = nullptr;
  bench::check(fz_history(db.get(), "org_unit", "target", &out), "fz_history");
  cost.first_ms = first.seconds() * 1e3;
  const std::string doc = bench::take(out);
  if (doc.find("\"ok\":true") == std::string::npos)
    throw std::runtime_error("fz_history of the target did not verify: " + doc.substr(0, 300));
  const std::size_t at = doc.find("\"entries\":", doc.find("\"verification\""));
  cost.entries = at == std::string::npos ? -1 : std::atoll(doc.c_str() + at + 10);
  std::vector<double> later;
  for (int r = 0; r < repeat * 20; ++r) {
    bench::Stopwatch w;
    bench::check(fz_history(db.get(), "org_unit", "target", &out), "fz_history");
    later.push_back(w.seconds() * 1e6);
    fz_free(out);
  }
  cost.later_us = bench::median(later);
  return cost;
}

void history_section(const Options& opt) {
  bench::ScratchDir dir(opt.dir, false);
  const HistoryCost small = history_cost(dir, 100, opt.repeat);
  const HistoryCost large = history_cost(dir, opt.entries, opt.repeat);
  for (const HistoryCost* c : {&small, &large})
    std::printf("history: journal of %lld entries: first call of a handle %.2f ms, later calls %.1f us\n",
                c->entries, c->first_ms, c->later_us);
  std::printf("history: later call at %lld entries / at %lld entries: ratio %.2f (goal: about 1)\n",
              large.entries, small.entries, large.later_us / small.later_us);
}

}  // namespace

int main(int argc, char** argv) {
  const Options opt = parse(argc, argv);
  try {
    std::printf("fazhi_handle_bench: fazhi %s, %d samples per figure\n", fz_version(), opt.repeat);
    calendar_section(opt);
    history_section(opt);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fazhi_handle_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
