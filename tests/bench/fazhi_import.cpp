#include "fazhi_import.hpp"

#include "fazhi_api.hpp"
#include "ndjson_lines.hpp"
#include "timing.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace bench {

void ImportRun::add(const ImportRun& o) {
  seconds += o.seconds;
  cpu_seconds += o.cpu_seconds;
  system_seconds += o.system_seconds;
  calls += o.calls;
  lines += o.lines;
  bytes += o.bytes;
  inserted += o.inserted;
  updated += o.updated;
  unchanged += o.unchanged;
  actions += o.actions;
}

ImportRun import_text(fz_db* db, const std::string& text, std::size_t batch) {
  std::string options = "{\"batch\":" + std::to_string(batch) + "}";
  char* summary_text = nullptr;
  Stopwatch clock;
  fz_status status = fz_import(db, text.data(), text.size(), options.c_str(), &summary_text);
  double seconds = clock.seconds(), cpu_seconds = clock.cpu_seconds(),
         system_seconds = clock.system_seconds();
  check(status, "fz_import");
  nlohmann::json summary = nlohmann::json::parse(take(summary_text));

  if (summary.at("rejected").get<std::int64_t>() != 0) {
    std::string first;
    for (const auto& e : summary.at("errors")) {
      first = "line " + e.at("line").dump() + " field " + e.value("field", std::string()) + ": " +
              e.value("message", std::string());
      break;
    }
    throw std::runtime_error("fz_import rejected " + summary.at("rejected").dump() +
                             " lines of the synthetic data (" + first + ")");
  }
  ImportRun r;
  r.seconds = seconds;
  r.cpu_seconds = cpu_seconds;
  r.system_seconds = system_seconds;
  r.calls = 1;
  r.lines = summary.at("read").get<std::size_t>();
  r.bytes = text.size();
  r.inserted = summary.at("inserted").get<std::int64_t>();
  r.updated = summary.at("updated").get<std::int64_t>();
  r.unchanged = summary.at("unchanged").get<std::int64_t>();
  r.actions = summary.at("actions").get<std::int64_t>();
  return r;
}

ImportRun import_cases(fz_db* db, const Dataset& d, std::size_t chunk) {
  ImportRun total;
  std::string text;
  std::size_t lines = case_line_count(d);
  for (std::size_t first = 0; first < lines; first += chunk) {
    text.clear();
    std::size_t end = std::min(lines, first + chunk);
    for (std::size_t i = first; i < end; ++i) append_case_sequence_line(text, d, i);
    total.add(import_text(db, text, chunk));
  }
  return total;
}

}  // namespace bench
