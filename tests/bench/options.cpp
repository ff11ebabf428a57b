#include "options.hpp"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace bench {
namespace {

const char* kUsage =
    "usage: fazhi_bench [--n CASES] [--units UNITS] [--dir DIR] [--keep]\n"
    "                   [--chunk LINES] [--repeat RUNS]\n"
    "\n"
    "  --n       mediation cases to import (default 100000)\n"
    "  --units   org units: one root, ~3% townships/streets (at most 30),\n"
    "            the rest villages/communities, each with a committee (default 1000)\n"
    "  --dir     directory for the databases (default: a new temporary directory,\n"
    "            removed at the end)\n"
    "  --keep    keep the databases (and the temporary directory)\n"
    "  --chunk   NDJSON lines per fz_import call, also its batch (default 10000)\n"
    "  --repeat  timed runs of each indicator query; the median is reported (default 20)\n";

[[noreturn]] void usage_error(const std::string& message) {
  std::fprintf(stderr, "fazhi_bench: %s\n\n%s", message.c_str(), kUsage);
  std::exit(2);
}

long long number(const std::string& flag, const char* text, long long min, long long max) {
  char* end = nullptr;
  long long v = std::strtoll(text, &end, 10);
  if (end == text || *end != '\0' || v < min || v > max)
    usage_error(flag + " expects an integer from " + std::to_string(min) + " to " +
                std::to_string(max) + ", not '" + text + "'");
  return v;
}

}  // namespace

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) usage_error(flag + " needs a value");
      return argv[++i];
    };
    if (flag == "--help" || flag == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    } else if (flag == "--n") {
      o.cases = static_cast<std::size_t>(number(flag, value(), 1, 100000000));
    } else if (flag == "--units") {
      o.units = static_cast<int>(number(flag, value(), 4, 1000000));
    } else if (flag == "--dir") {
      o.dir = value();
      if (o.dir.empty()) usage_error("--dir needs a directory");
    } else if (flag == "--keep") {
      o.keep = true;
    } else if (flag == "--chunk") {
      o.chunk = static_cast<std::size_t>(number(flag, value(), 1, 100000000));
    } else if (flag == "--repeat") {
      o.repeat = static_cast<int>(number(flag, value(), 1, 100000));
    } else {
      usage_error("unknown argument '" + flag + "'");
    }
  }
  return o;
}

}  // namespace bench
