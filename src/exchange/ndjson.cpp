#include "exchange/ndjson.hpp"

#include <fazhi/error.hpp>

#include "exchange/json_text.hpp"
#include "quote.hpp"
#include "utf8.hpp"


namespace fazhi::exchange {
namespace {

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

void strip_cr(std::string_view& line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
}

}  // namespace

void throw_line_too_long(std::size_t number) {
  throw Error(Status::argument, "",
              "line " + std::to_string(number) + " is longer than " + std::to_string(kMaxLineBytes) +
                  " bytes, the most one NDJSON line may hold");
}

LineReader::LineReader(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool LineReader::next(std::string_view& line, std::size_t& number) {
  while (pos_ < text_.size()) {
    std::size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view l = text_.substr(pos_, end - pos_);
    strip_cr(l);
    if (l.size() > kMaxLineBytes) throw_line_too_long(number_ + 1);
    const std::size_t start = pos_;
    pos_ = end + 1;
    ++number_;
    if (is_blank(l)) continue;
    last_pos_ = start;
    last_number_ = number_;
    line = l;
    number = number_;
    return true;
  }
  return false;
}

void LineReader::mark() {
  mark_pos_ = last_pos_;
  mark_number_ = last_number_ == 0 ? 0 : last_number_ - 1;
}

void LineReader::rewind() {
  pos_ = mark_pos_;
  number_ = mark_number_;
}

FileLineReader::FileLineReader(const std::string& path) try : path_(path), file_(path) {
} catch (const LineFileError& e) {
  throw Error(Status::io, "cannot read " + quote(path) + ": " + e.what());
}

bool FileLineReader::next(std::string_view& line, std::size_t& number) {
  try {
    while (file_.next(line, number)) {
      strip_cr(line);
      if (!is_blank(line)) return true;
    }
    return false;
  } catch (const LineFileError& e) {
    if (e.reason() == LineFileError::Reason::too_long) throw_line_too_long(e.line());
    throw Error(Status::io, "error reading " + quote(path_) + " at line " + std::to_string(e.line()) +
                                ": " + e.what());
  }
}

nlohmann::json parse_line(std::string_view line) {
  if (!is_valid_utf8(line))
    throw Error(Status::argument, "", "the line is not valid UTF-8 (convert the file to UTF-8 first)");
  nlohmann::json j = parse_json_text(line, "");
  if (!j.is_object()) throw Error(Status::argument, "", "a line must be one JSON object");
  auto it = j.find("record");
  if (it == j.end() || !it->is_string())
    throw Error(Status::argument, "record", "every line needs \"record\": \"<record kind>\"");
  return j;
}

}  // namespace fazhi::exchange
