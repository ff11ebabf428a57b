#include "exchange/ndjson.hpp"

#include <fazhi/error.hpp>

#include "exchange/json_text.hpp"
#include "utf8.hpp"

namespace fazhi::exchange {

LineReader::LineReader(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool LineReader::next(std::string_view& line, std::size_t& number) {
  while (pos_ < text_.size()) {
    std::size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view l = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    ++number_;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.find_first_not_of(" \t") == std::string_view::npos) continue;
    line = l;
    number = number_;
    return true;
  }
  return false;
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
