// ndjson.hpp — the NDJSON interchange format: one JSON object per line,
// {"record": "<kind>", ...fields} for a record and
// {"record": "<kind>", "key": "...", "action": "<action>", ...args} for an action.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace fazhi::exchange {

// Walks the lines of a buffer: skips blank lines, strips "\r" and a leading
// UTF-8 byte-order mark, and numbers lines from 1 as a text editor would.
class LineReader {
 public:
  explicit LineReader(std::string_view text);
  // The next non-blank line; false at the end.
  bool next(std::string_view& line, std::size_t& number);

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t number_ = 0;
};

// One line as a JSON object with a string "record". Throws Error(argument).
nlohmann::json parse_line(std::string_view line);

}  // namespace fazhi::exchange
