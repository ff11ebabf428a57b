// json_text.hpp — JSON text as fazhi takes it in through the C ABI and NDJSON
// lines: bounded nesting, then nlohmann's parser, with errors fazhi can report.
#pragma once

#include "bounded_json.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace fazhi::exchange {

// Deepest nesting of arrays and objects fazhi accepts. No record needs more
// than three levels; the bound exists because a document nested a hundred
// thousand deep is parsed fine but copied and compared recursively later,
// which would exhaust the stack of the host's thread.
// The same bound as for documents read back from the file (bounded_json.hpp).
inline constexpr std::size_t kMaxJsonDepth = kMaxStoredDepth;

// The parsed document. Throws Error(argument) naming `field` (which may be
// empty) when the text is nested deeper than kMaxJsonDepth, is not JSON, or
// holds a number beyond the range of a double. The text must already be
// valid UTF-8.
nlohmann::json parse_json_text(std::string_view text, const std::string& field);

}  // namespace fazhi::exchange
