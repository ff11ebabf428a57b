#include "quote.hpp"

#include "utf8.hpp"

namespace fazhi {
namespace {

// Where a value longer than the bound is cut: at most kQuoteMaxBytes, back
// to the first byte of a character (continuation bytes are 10xxxxxx).
std::size_t cut_point(std::string_view value) {
  std::size_t cut = kQuoteMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

std::string length_note(std::string_view value) {
  return " (" + std::to_string(value.size()) + " bytes)";
}

}  // namespace

std::string quote(std::string_view value) {
  if (value.size() <= kQuoteMaxBytes) return "'" + escape_invalid_utf8(value) + "'";
  return "'" + escape_invalid_utf8(value.substr(0, cut_point(value))) + "…'" + length_note(value);
}

std::string bounded(std::string_view value) {
  if (value.size() <= kQuoteMaxBytes) return escape_invalid_utf8(value);
  return escape_invalid_utf8(value.substr(0, cut_point(value))) + "…" + length_note(value);
}

}  // namespace fazhi
