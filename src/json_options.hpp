// json_options.hpp — one reader for the JSON options and queries every call
// takes (fz_open's options, fz_list's and fz_findings' queries, import and
// export options, fz_indicators' query, fz_report's options).
//
// The same rules everywhere: null means no options; anything but an object is
// Error(argument) naming the argument; each key is read with its type checked
// and the key named in the error; a key nobody reads is refused by its name
// (a typo must not be silently dropped).
#pragma once

#include <fazhi/period.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fazhi {

class JsonOptions {
 public:
  // `what` names the argument in errors ("query", "options_json").
  JsonOptions(const nlohmann::json& value, std::string what);

  bool empty() const { return object_ == nullptr || object_->empty(); }

  // The value of `key` when given, checked; nullopt when absent.
  std::optional<std::string> text(const std::string& key);
  std::optional<bool> flag(const std::string& key);
  std::optional<std::int64_t> integer(const std::string& key,
                                      std::int64_t min = std::numeric_limits<std::int64_t>::min(),
                                      std::int64_t max = std::numeric_limits<std::int64_t>::max());
  std::optional<std::vector<std::string>> texts(const std::string& key);
  // Any JSON value (its reader checks it); nullptr when absent.
  const nlohmann::json* raw(const std::string& key);

  // Throws Error(argument, key, "unknown option ...") for the first key no
  // accessor read.
  void finish() const;

 private:
  const nlohmann::json* find(const std::string& key);

  const nlohmann::json* object_ = nullptr;
  std::set<std::string> read_;   // keys given and read
  std::set<std::string> asked_;  // keys read, given or not: what "did you mean" offers
  std::string what_;
};

// The scope queries share. "unit": the records of that unit alone; with
// "subtree": true, those of every unit below it as well. "period": records
// whose event date lies in it ("2022", "2022Q3", ... see period.hpp).
struct Scope {
  std::optional<std::string> unit;
  bool subtree = false;
  std::optional<Period> period;

  // Reads unit, subtree and period; "subtree" without "unit" is an error.
  static Scope read(JsonOptions& options);
};

// "limit" (default: all) and "offset" (default 0), non-negative.
struct Paging {
  std::int64_t limit = -1;
  std::int64_t offset = 0;

  static Paging read(JsonOptions& options);
};

}  // namespace fazhi
