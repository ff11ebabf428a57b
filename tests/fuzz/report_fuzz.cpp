// report_fuzz.cpp — the annual report on fuzzed records: the input, read as
// NDJSON, is imported (historical mode, so that records breaking a rule are
// kept, as in the reports of past years) over the harnesses' part of the
// Yangxin sample (abi_fixture.hpp), and the zone's 2022 report drafted in the
// three formats.
//
// Invariants:
//   * the import and every fz_report give FZ_OK: no record the import took
//     can make the report fail;
//   * each text is UTF-8; JSON parses; HTML is one self-contained document
//     without script; the same records give the same bytes (two Markdown
//     drafts are equal);
//   * personal names are masked: a petitioner or a mediation party who is a
//     person, named in the input with three or more Chinese characters (none
//     of them 某, so that the masked form cannot contain the name), never
//     appears in the Markdown or HTML report — unless the name is part of
//     another text of the input (an organisation's name, a subject) or of
//     the report of the sample alone, where it may stand for something else.
#include "abi_fixture.hpp"
#include "fuzz_check.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

using json = nlohmann::json;
using namespace fazhi_fuzz;

namespace {

constexpr const char* kUnit = "yx-kfq";
constexpr std::int32_t kYear = 2022;

std::string report(fz_db* db, const char* format) {
  char* out = nullptr;
  check_call(std::string("fz_report ") + format,
             fz_report(db, kUnit, kYear, format, nullptr, &out), {FZ_OK});
  std::string text = take(out);
  FUZZ_CHECK(is_utf8(text), format);
  return text;
}

// Whether `name` is three or more Chinese characters (U+4E00-U+9FFF), none
// of them 某.
bool checkable_name(const std::string& name) {
  if (name.size() < 9 || name.size() % 3 != 0) return false;
  for (std::size_t i = 0; i < name.size(); i += 3) {
    const auto b0 = static_cast<unsigned char>(name[i]);
    const auto b1 = static_cast<unsigned char>(name[i + 1]);
    const auto b2 = static_cast<unsigned char>(name[i + 2]);
    if (b0 < 0xE4 || b0 > 0xE9 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
    if (name.compare(i, 3, "某") == 0) return false;
  }
  return true;
}

// Every string value inside `j`, recursively.
void strings_in(const json& j, std::vector<std::string>& out) {
  if (j.is_string()) out.push_back(j.get<std::string>());
  if (j.is_structured())
    for (const json& v : j) strings_in(v, out);
}

// The person names of the input's petition and mediation lines, and every
// other string of the input.
void names_in(std::string_view ndjson, std::set<std::string>& persons,
              std::vector<std::string>& others) {
  std::size_t start = 0;
  while (start <= ndjson.size()) {
    std::size_t end = ndjson.find('\n', start);
    if (end == std::string_view::npos) end = ndjson.size();
    json line = json::parse(ndjson.substr(start, end - start), nullptr, false);
    start = end + 1;
    if (!line.is_object()) continue;
    if (auto p = line.find("petitioners"); p != line.end() && p->is_array()) {
      for (const json& n : *p)
        if (n.is_string()) persons.insert(n.get<std::string>());
      line.erase("petitioners");
    }
    if (auto p = line.find("parties"); p != line.end() && p->is_array()) {
      for (json& party : *p) {
        if (!party.is_object()) continue;
        auto name = party.find("name"), type = party.find("type");
        if (name != party.end() && name->is_string() && type != party.end() && *type == "person") {
          persons.insert(name->get<std::string>());
          party.erase("name");
        }
      }
    }
    strings_in(line, others);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fz_db* db = sample_db();
  static const std::string sample_markdown = report(db, "markdown");
  static const std::string sample_html = report(db, "html");
  const std::string_view input = as_text(data, size);

  RolledBack transaction(db);
  char* summary = nullptr;
  check_call("fz_import", fz_import(db, input.data(), input.size(), "{\"mode\": \"historical\"}", &summary),
             {FZ_OK});
  take(summary);

  const std::string markdown = report(db, "markdown");
  FUZZ_CHECK(report(db, "markdown") == markdown, "the same records give the same report");
  const std::string html = report(db, "html");
  FUZZ_CHECK(html.rfind("<!DOCTYPE html>", 0) == 0, html.substr(0, 80));
  FUZZ_CHECK(html.find("<script") == std::string::npos, "the HTML report holds a script");
  const std::string model = report(db, "json");
  FUZZ_CHECK(json::parse(model, nullptr, false).is_object(), model.substr(0, 200));

  std::set<std::string> persons;
  std::vector<std::string> others;
  names_in(input, persons, others);
  for (const std::string& name : persons) {
    if (!checkable_name(name)) continue;
    if (sample_markdown.find(name) != std::string::npos || sample_html.find(name) != std::string::npos)
      continue;
    bool elsewhere = false;
    for (const std::string& other : others) elsewhere = elsewhere || other.find(name) != std::string::npos;
    if (elsewhere) continue;
    FUZZ_CHECK(markdown.find(name) == std::string::npos, "a personal name in the report: " + name);
    FUZZ_CHECK(html.find(name) == std::string::npos, "a personal name in the HTML report: " + name);
  }
  return 0;
}
