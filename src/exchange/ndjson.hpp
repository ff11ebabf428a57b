// ndjson.hpp — the NDJSON interchange format: one JSON object per line,
// {"record": "<kind>", ...fields} for a record and
// {"record": "<kind>", "key": "...", "action": "<action>", ...args} for an action.
#pragma once

#include "exchange/line_file.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace fazhi::exchange {

// The lines of NDJSON text, from a buffer (LineReader) or a file
// (FileLineReader), read the same way: blank lines are skipped, "\r" before
// the newline and a leading UTF-8 byte-order mark are removed, lines are
// numbered from 1 as a text editor numbers them, and a line longer than
// kMaxLineBytes throws Error(argument) naming its number. mark() remembers the
// line returned last; rewind() makes next() return it again.
class LineReader {
 public:
  explicit LineReader(std::string_view text);
  // The next non-blank line; false at the end.
  bool next(std::string_view& line, std::size_t& number);
  void mark();
  void rewind();

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t number_ = 0;
  std::size_t last_pos_ = 0, last_number_ = 0;  // where the line returned last starts
  std::size_t mark_pos_ = 0, mark_number_ = 0;
};

class FileLineReader {
 public:
  // Throws Error(io) when the file cannot be opened or is a directory.
  explicit FileLineReader(const std::string& path);
  // As LineReader::next; a line stays valid until the next call. Throws
  // Error(io) when reading fails.
  bool next(std::string_view& line, std::size_t& number);
  void mark() { file_.mark(); }
  void rewind() { file_.rewind(); }

 private:
  std::string path_;
  LineFile file_;
};

// The error of a line over kMaxLineBytes.
[[noreturn]] void throw_line_too_long(std::size_t number);

// One line as a JSON object with a string "record". Throws Error(argument).
nlohmann::json parse_line(std::string_view line);

}  // namespace fazhi::exchange
