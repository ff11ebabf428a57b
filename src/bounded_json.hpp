// bounded_json.hpp — JSON and MessagePack read back from the database file,
// with the same nesting bound as the JSON fazhi takes in (64 levels).
//
// fazhi writes only documents it has checked, but the file may have been
// edited behind its back, and nlohmann's MessagePack reader recurses once per
// level: a document nested a million deep would exhaust the host's stack. The
// readers here refuse such a document before the recursion, and report any
// unreadable document as "discarded" (never throwing), so that the journal
// can call the entry damaged instead of failing the call.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace fazhi {

// The deepest nesting read back, and taken in (exchange::kMaxJsonDepth).
inline constexpr std::size_t kMaxStoredDepth = 64;

// The document, or a discarded value (is_discarded()) when the text is not
// JSON or is nested deeper than kMaxStoredDepth.
nlohmann::json read_stored_json(std::string_view text);

// The same for MessagePack bytes.
nlohmann::json read_stored_msgpack(std::string_view bytes);

}  // namespace fazhi
