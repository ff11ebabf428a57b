#include "fazhi_import.hpp"

#include "fazhi_api.hpp"
#include "line_chunks.hpp"
#include "timing.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <stdexcept>

namespace bench {
namespace {

struct Counts {
  std::int64_t read = 0, inserted = 0, actions = 0;
};

std::string batch_options(std::size_t chunk) { return "{\"batch\":" + std::to_string(chunk) + "}"; }

// Adds one fz_import summary to the counts; a rejected line throws.
void count(const std::string& summary_text, Counts& counts) {
  nlohmann::json summary = nlohmann::json::parse(summary_text);
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
  counts.read += summary.at("read").get<std::int64_t>();
  counts.inserted += summary.at("inserted").get<std::int64_t>();
  counts.actions += summary.at("actions").get<std::int64_t>();
}

void expect(const Counts& counts, const Corpus& corpus, const char* how) {
  if (counts.inserted != static_cast<std::int64_t>(corpus.cases) ||
      counts.actions != static_cast<std::int64_t>(corpus.closed))
    throw std::runtime_error(std::string(how) + " inserted " + std::to_string(counts.inserted) +
                             " cases and applied " + std::to_string(counts.actions) +
                             " actions, expected " + std::to_string(corpus.cases) + " and " +
                             std::to_string(corpus.closed));
}

}  // namespace

void setup_database(const std::string& db_path, const Corpus& corpus, std::size_t chunk) {
  FazhiDb db(db_path, nullptr);
  char* summary = nullptr;
  check(fz_import_file(db.get(), corpus.reference_path.c_str(), batch_options(chunk).c_str(), &summary),
        "fz_import_file " + corpus.reference_path);
  Counts counts;
  count(take(summary), counts);
  if (counts.inserted != static_cast<std::int64_t>(corpus.reference_lines))
    throw std::runtime_error("the setup inserted " + std::to_string(counts.inserted) + " of " +
                             std::to_string(corpus.reference_lines) + " units and committees");
  db.close();
}

RunFigures import_chunks(const std::string& db_path, const Corpus& corpus, std::size_t chunk,
                         bool bulk) {
  const std::string options = batch_options(chunk);
  LineChunks chunks(corpus.cases_path, chunk);
  std::string text;
  std::size_t lines = 0;
  Counts counts;
  SegmentClock clock;

  clock.start();
  fz_db* db = nullptr;
  check(fz_open(db_path.c_str(), "{\"create\":false}", &db), "fz_open " + db_path);
  if (bulk) check(fz_bulk_begin(db), "fz_bulk_begin");
  clock.stop();
  try {
    while (chunks.next(text, lines)) {
      char* summary = nullptr;
      clock.start();
      fz_status status = fz_import(db, text.data(), text.size(), options.c_str(), &summary);
      clock.stop();
      check(status, "fz_import");
      count(take(summary), counts);
    }
    clock.start();
    if (bulk) check(fz_bulk_end(db, nullptr), "fz_bulk_end");
    clock.stop();
  } catch (...) {
    fz_close(db);
    throw;
  }
  clock.start();
  check(fz_close(db), "fz_close");
  clock.stop();
  expect(counts, corpus, "fz_import");
  return {clock.wall, clock.user, clock.sys};
}

RunFigures import_whole_file(const std::string& db_path, const Corpus& corpus, std::size_t chunk,
                             bool bulk) {
  std::string options = batch_options(chunk);
  if (bulk) options.insert(options.size() - 1, ",\"bulk\":true");
  std::string summary_text;
  SegmentClock clock;
  clock.start();
  {
    FazhiDb db(db_path, "{\"create\":false}");
    char* summary = nullptr;
    check(fz_import_file(db.get(), corpus.cases_path.c_str(), options.c_str(), &summary),
          "fz_import_file " + corpus.cases_path);
    summary_text = take(summary);
    db.close();
  }
  clock.stop();
  Counts counts;
  count(summary_text, counts);
  expect(counts, corpus, "fz_import_file");
  return {clock.wall, clock.user, clock.sys};
}

}  // namespace bench
