#include "exchange/json_text.hpp"

#include <fazhi/error.hpp>

#include "quote.hpp"
#include "utf8.hpp"

namespace fazhi::exchange {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

const std::string kBomRule = "one is allowed only at the very start of an NDJSON input";

// nlohmann's message without its "[json.exception.parse_error.101] " prefix,
// and with the token of its "; last read: '<token>'", which repeats the
// caller's text (a whole unterminated string, say) and may stop inside a
// character, bounded and escaped like any caller value (quote). The token
// ends the message, or nlohmann goes on after it with "; expected <what>":
// its closing quote is then the last one before that.
std::string parser_message(std::string what) {
  auto cut = what.find("] ");
  if (cut != std::string::npos) what.erase(0, cut + 2);
  const std::string last_read = "; last read: '";
  const std::size_t at = what.find(last_read);
  if (at == std::string::npos) return what;
  const std::size_t token = at + last_read.size();
  std::size_t end = what.rfind("'; expected ");
  if (end == std::string::npos || end < token) end = what.size() - 1;
  if (end < token || what[end] != '\'') return escape_invalid_utf8(what);  // not nlohmann's form
  return what.substr(0, token - 1) + quote(std::string_view(what).substr(token, end - token)) +
         what.substr(end + 1);
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
