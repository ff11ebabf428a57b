// expression_fuzz.cpp — custom-indicator expressions: fz_define_indicator
// with the input as the expression, then, when it is accepted, the
// indicator evaluated over the harnesses' part of the Yangxin sample
// (abi_fixture.hpp).
//
// The input's bytes go into the definition's JSON string as they are (only
// '"', '\' and control characters escaped), so invalid UTF-8 reaches the
// reader too. Invariants:
//   * fz_define_indicator gives FZ_OK or FZ_E_ARGUMENT; a refusal has a
//     bounded UTF-8 message, writes no journal entry and defines nothing;
//   * an accepted expression evaluates (fz_indicator is FZ_OK) for the zone
//     over a year, a quarter, an ISO week and a range, to a value whose status
//     is one of the two fz_value defines, with NaN exactly for no data, and
//     fz_indicators gives the same value (and says ok exactly then);
//   * after the transaction is rolled back the definition is gone: the
//     handle does not keep evaluating what the database no longer holds.
#include "abi_fixture.hpp"
#include "fuzz_check.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

using json = nlohmann::json;
using namespace fazhi_fuzz;

namespace {

constexpr const char* kCode = "custom.fuzz";
constexpr const char* kUnit = "yx-kfq";

// {"code": "custom.fuzz", "label": "…", "expression": "<input>"}, the
// input's bytes kept.
std::string definition(std::string_view expression) {
  std::string out = std::string("{\"code\": \"") + kCode + "\", \"label\": \"模糊\", \"expression\": \"";
  for (char c : expression) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"}";
}

void check_value(const std::string& expression, const char* period) {
  fz_db* db = sample_db();
  const std::string about = std::string(period) + ": " + expression;
  fz_value v{-1, -1, -1, -1, -1};
  check_call("fz_indicator " + about, fz_indicator(db, kCode, kUnit, period, nullptr, &v), {FZ_OK});
  FUZZ_CHECK(v.status == FZ_VALUE_OK || v.status == FZ_VALUE_NO_DATA, about);
  FUZZ_CHECK(std::isnan(v.value) == (v.status == FZ_VALUE_NO_DATA), about);
  FUZZ_CHECK(v.reserved == 0, about);

  char* out = nullptr;
  const std::string query =
      json{{"unit", kUnit}, {"period", period}, {"codes", {kCode}}}.dump();
  check_call("fz_indicators " + about, fz_indicators(db, query.c_str(), &out), {FZ_OK});
  const std::string text = take(out);
  const json item = json::parse(text).at("indicators").at(0);
  if (v.status == FZ_VALUE_NO_DATA) {
    FUZZ_CHECK(item.at("status") == "no_data" && item.at("value").is_null(), about + "\n  " + text);
  } else {
    FUZZ_CHECK(item.at("status") == "ok" && item.at("value").is_number() &&
                   item.at("value").get<double>() == v.value,
               about + " = " + std::to_string(v.value) + "\n  " + text);
  }
}

bool defined(fz_db* db) {
  fz_value v{};
  const fz_status st = fz_indicator(db, kCode, kUnit, "2022", nullptr, &v);
  check_call("fz_indicator of custom.fuzz", st, {FZ_OK, FZ_E_ARGUMENT, FZ_E_NOT_FOUND});
  return st == FZ_OK;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fz_db* db = sample_db();
  const std::string expression(as_text(data, size));
  const std::string def = definition(expression);
  // Every input meets the database as the fixture left it (rolled back).
  static const std::int64_t entries = verified_journal_entries(db);
  {
    RolledBack transaction(db);
    const fz_status st = fz_define_indicator(db, def.c_str());
    check_call("fz_define_indicator", st, {FZ_OK, FZ_E_ARGUMENT});
    if (st != FZ_OK) {
      FUZZ_CHECK(verified_journal_entries(db) == entries, "a refused definition wrote the journal");
      FUZZ_CHECK(!defined(db), "a refused definition is defined: " + def);
      return 0;
    }
    for (const char* period : {"2022", "2022Q3", "2022W05", "2022-03-01/2022-09-30"})
      check_value(expression, period);
  }
  FUZZ_CHECK(!defined(db), "a definition rolled back is still evaluated: " + def);
  return 0;
}
