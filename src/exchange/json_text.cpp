#include "exchange/json_text.hpp"

#include <fazhi/error.hpp>

#include "quote.hpp"

namespace fazhi::exchange {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

const std::string kBomRule = "one is allowed only at the very start of an NDJSON input";

// nlohmann's message without its "[json.exception.parse_error.101] " prefix,
// and with the "; last read: '<the token>'" it may end with, which repeats the
// caller's text (a whole unterminated string, say), bounded like any caller
// value.
std::string parser_message(std::string what) {
  auto cut = what.find("] ");
  if (cut != std::string::npos) what.erase(0, cut + 2);
  const std::string last_read = "; last read: '";
  if (auto at = what.find(last_read); at != std::string::npos && what.back() == '\'') {
    const std::size_t token = at + last_read.size();
    what = what.substr(0, at + last_read.size() - 1) +
           quote(std::string_view(what).substr(token, what.size() - 1 - token));
  }
  return what;
}

}  // namespace

nlohmann::json parse_json_text(std::string_view text, const std::string& field) {
  // nlohmann would skip a mark at the start silently; it is no part of JSON
  // (RFC 8259 section 8.1) and, inside an NDJSON input, a sign of files
  // pasted together.
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark)
    throw Error(Status::argument, field, "starts with a byte-order mark (U+FEFF); " + kBomRule);
  JsonRefusal refusal;
  nlohmann::json j = read_bounded_json(text, refusal);
  switch (refusal.reason) {
    case JsonRefusal::Reason::none:
      return j;
    case JsonRefusal::Reason::too_deep:
      throw Error(Status::argument, field,
                  "JSON is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    case JsonRefusal::Reason::duplicate_key: {
      const std::string where = refusal.path.empty() ? "" : " in " + bounded(refusal.path);
      const std::string message = "duplicate key " + quote(refusal.key) + where +
                                  " (a key may appear once in an object)";
      if (!field.empty()) throw Error(Status::argument, field, message);
      throw Error(Status::argument,
                  refusal.path.empty() ? refusal.key : refusal.path + "." + refusal.key, message);
    }
    case JsonRefusal::Reason::malformed:
      break;
  }
  // A mark between tokens is a malformed document too, but say what it is.
  if (refusal.byte > 0 && refusal.byte <= text.size() &&
      text.substr(refusal.byte - 1, kByteOrderMark.size()) == kByteOrderMark)
    throw Error(Status::argument, field,
                "byte-order mark (U+FEFF) at byte " + std::to_string(refusal.byte) + "; " + kBomRule);
  throw Error(Status::argument, field, "not valid JSON: " + parser_message(refusal.message));
}

}  // namespace fazhi::exchange
