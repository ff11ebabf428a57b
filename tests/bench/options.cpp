#include "options.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#ifndef FAZHI_BENCH_PYTHON_IMPORTER
#define FAZHI_BENCH_PYTHON_IMPORTER "python_importer.py"
#endif

namespace bench {

const char* const kVariantNames = "raw,equivalent,fz_import,fz_import_file,cli,python";

namespace {

const char* kUsage =
    "usage: fazhi_bench [--n CASES] [--repeat RUNS] [--dir DIR] [--keep]\n"
    "                   [--cli PATH] [--python PATH|none] [--python-script PATH]\n"
    "                   [--skip VARIANTS] [--units UNITS] [--chunk LINES]\n"
    "                   [--bulk on|off]\n"
    "\n"
    "  --n        mediation cases to import (default 100000); each comes with a\n"
    "             close action for about 80% of them\n"
    "  --repeat   runs of every import variant (each into a fresh database) and of\n"
    "             every root query; medians are reported (default 3)\n"
    "  --dir      scratch directory for the input files and databases (default: a\n"
    "             new temporary directory, removed at the end). A run of --n N needs\n"
    "             about 1.3 KB x N free there (NDJSON, one database and its WAL)\n"
    "  --keep     keep the input files and the last fazhi database\n"
    "  --cli      the fazhi command: also time `fazhi import DB FILE` as a child\n"
    "             process (default: that variant is skipped)\n"
    "  --python   the interpreter for python_importer.py (default /usr/bin/python3\n"
    "             when it exists; none skips the Python importer)\n"
    "  --python-script  python_importer.py (default: the one in the source tree)\n"
    "  --skip     comma-separated import variants to leave out:\n"
    "             raw,equivalent,fz_import,fz_import_file,cli,python\n"
    "             (the indicators need fz_import or fz_import_file)\n"
    "  --units    org units: one root, ~3% townships/streets (at most 30),\n"
    "             the rest villages/communities, each with a committee (default 1000)\n"
    "  --chunk    NDJSON lines per fz_import call and per transaction, in every\n"
    "             variant (default 10000)\n"
    "  --bulk     on (default): fazhi imports as a bulk load (fz_bulk_begin, the\n"
    "             import option \"bulk\", the CLI's --bulk on) and (a) and (b) do the\n"
    "             same by hand: the reporting indexes of mediation_case are dropped\n"
    "             before the first row and created after the last, in timed work;\n"
    "             off: every variant maintains them row by row. The Python importer\n"
    "             always maintains them (the short script a user would write)\n";

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

std::set<std::string> variant_list(const std::string& text) {
  const std::string known = std::string(",") + kVariantNames + ",";
  std::set<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string name = text.substr(start, comma - start);
    if (name.empty() || known.find("," + name + ",") == std::string::npos)
      usage_error("--skip: unknown variant '" + name + "' (known: " + kVariantNames + ")");
    out.insert(name);
    start = comma + 1;
  }
  return out;
}

}  // namespace

Options parse_options(int argc, char** argv) {
  Options o;
  bool python_given = false;
  o.python_script = FAZHI_BENCH_PYTHON_IMPORTER;
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
    } else if (flag == "--bulk") {
      const std::string v = value();
      if (v != "on" && v != "off") usage_error("--bulk expects on or off, not '" + v + "'");
      o.bulk = v == "on";
    } else if (flag == "--chunk") {
      o.chunk = static_cast<std::size_t>(number(flag, value(), 1, 100000000));
    } else if (flag == "--repeat") {
      o.repeat = static_cast<int>(number(flag, value(), 1, 1000));
    } else if (flag == "--cli") {
      o.cli = value();
    } else if (flag == "--python") {
      o.python = value();
      if (o.python == "none") o.python.clear();
      python_given = true;
    } else if (flag == "--python-script") {
      o.python_script = value();
    } else if (flag == "--skip") {
      o.skip = variant_list(value());
    } else {
      usage_error("unknown argument '" + flag + "'");
    }
  }
  if (!python_given && ::access("/usr/bin/python3", X_OK) == 0) o.python = "/usr/bin/python3";
  if (!o.cli.empty() && ::access(o.cli.c_str(), X_OK) != 0)
    usage_error("--cli " + o.cli + ": not an executable file");
  if (!o.python.empty() && ::access(o.python.c_str(), X_OK) != 0)
    usage_error("--python " + o.python + ": not an executable file");
  if (!o.python.empty() && ::access(o.python_script.c_str(), R_OK) != 0)
    usage_error("--python-script " + o.python_script + ": cannot be read");
  if (o.skip.count("fz_import") && o.skip.count("fz_import_file"))
    usage_error("--skip: keep fz_import or fz_import_file (the indicators run on its database)");
  return o;
}

}  // namespace bench
