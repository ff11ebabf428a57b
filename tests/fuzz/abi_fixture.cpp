// abi_fixture.cpp — see abi_fixture.hpp.
#include "abi_fixture.hpp"

#include "fuzz_check.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

namespace fazhi_fuzz {

using json = nlohmann::json;

std::string source_file(const std::string& relative_path) {
  const std::string path = std::string(FAZHI_SOURCE_DIR) + "/" + relative_path;
  std::ifstream in(path, std::ios::binary);
  if (!in) broken("the source tree has the harness's data", path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

fz_db* sample_db() {
  static fz_db* const db = [] {
    fz_db* opened = nullptr;
    if (fz_open(":memory:", nullptr, &opened) != FZ_OK) broken("fz_open(:memory:)", fz_last_error());
    for (const char* file : {"org_units.ndjson", "lawful_administration.ndjson", "mediation.ndjson",
                             "petitions.ndjson", "services.ndjson", "narratives.ndjson"}) {
      const std::string whole = source_file(std::string("examples/yangxin-2022/") + file);
      std::size_t end = 0;  // of the first kSampleLines lines
      for (int line = 0; line < kSampleLines && end < whole.size(); ++line) {
        const std::size_t newline = whole.find('\n', end);
        end = newline == std::string::npos ? whole.size() : newline + 1;
      }
      char* summary = nullptr;
      if (fz_import(opened, whole.data(), end, nullptr, &summary) != FZ_OK)
        broken("the sample imports", std::string(file) + ": " + fz_last_error());
      const json s = json::parse(take(summary));
      if (s.at("rejected") != 0) broken("the sample imports", std::string(file) + ": " + s.dump());
    }
    return opened;
  }();
  return db;
}

std::string check_call(std::string_view call, fz_status status) {
  if (status < FZ_OK || status > FZ_E_INTERNAL)
    broken("a status is one fazhi.h defines", std::string(call) + " gave " + std::to_string(status));
  if (status == FZ_OK) return "";
  std::string message = fz_last_error();
  check_message(call, message);
  return message;
}

std::string check_call(std::string_view call, fz_status status,
                       const std::vector<fz_status>& allowed) {
  std::string message = check_call(call, status);
  for (fz_status a : allowed)
    if (a == status) return message;
  broken("the status is one this call may give for its input",
         std::string(call) + " gave " + std::to_string(status) + ": " + message);
}

std::string take(char* s) {
  std::string text = s ? s : "";
  fz_free(s);
  return text;
}

std::int64_t verified_journal_entries(fz_db* db) {
  char* out = nullptr;
  check_call("fz_journal_verify", fz_journal_verify(db, &out), {FZ_OK});
  const json result = json::parse(take(out));
  if (result.at("ok") != true) broken("the journal verifies", result.dump());
  return result.at("entries").get<std::int64_t>();
}

RolledBack::RolledBack(fz_db* db) : db_(db) { check_call("fz_begin", fz_begin(db_), {FZ_OK}); }

RolledBack::~RolledBack() { check_call("fz_rollback", fz_rollback(db_), {FZ_OK}); }

}  // namespace fazhi_fuzz
