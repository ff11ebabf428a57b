#include "exchange/json_text.hpp"

#include <fazhi/error.hpp>

#include "quote.hpp"

namespace fazhi::exchange {

namespace {

// The deepest bracket nesting outside strings, stopping as soon as it passes
// `limit`: one linear pass, cheaper than the parse it guards.
bool nesting_exceeds(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;  // the escaped character cannot end the string
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

}  // namespace

nlohmann::json parse_json_text(std::string_view text, const std::string& field) {
  if (nesting_exceeds(text, kMaxJsonDepth))
    throw Error(Status::argument, field,
                "JSON is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // malformed, or a number beyond double range
    std::string what = e.what();
    // nlohmann's messages start with "[json.exception.parse_error.101] " and
    // may end with "; last read: '<the token>'", which repeats the caller's
    // text (a whole unterminated string, say): bounded like any caller value.
    auto cut = what.find("] ");
    if (cut != std::string::npos) what.erase(0, cut + 2);
    const std::string last_read = "; last read: '";
    if (auto at = what.find(last_read); at != std::string::npos && what.back() == '\'') {
      const std::size_t token = at + last_read.size();
      what = what.substr(0, at + last_read.size() - 1) +
             quote(std::string_view(what).substr(token, what.size() - 1 - token));
    }
    throw Error(Status::argument, field, "not valid JSON: " + what);
  }
}

}  // namespace fazhi::exchange
