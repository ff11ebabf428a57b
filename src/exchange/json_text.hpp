// json_text.hpp — JSON text as fazhi takes it in through the C ABI and NDJSON
// lines: the bounded reader (bounded_json.hpp: nesting, duplicate keys), no
// byte-order mark, and errors that name what was wrong.
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

// The parsed document. Throws Error(argument) naming `field` when the text is
// nested deeper than kMaxJsonDepth, repeats a key within an object ("duplicate
// key 'key'"), starts with or holds a UTF-8 byte-order mark (one is skipped
// only at the very start of an NDJSON input, by its reader), is not JSON, or
// holds a number beyond the range of a double. With an empty `field` (an
// NDJSON line) a duplicate key's error names the key itself as the field
// ("record", "ext.a"). The text must already be valid UTF-8.
nlohmann::json parse_json_text(std::string_view text, const std::string& field);

}  // namespace fazhi::exchange
