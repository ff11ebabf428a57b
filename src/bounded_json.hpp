// bounded_json.hpp — the one reader of JSON (and MessagePack) documents:
// nesting bounded to 64 levels, every key once per object.
//
// nlohmann's MessagePack reader recurses once per level, and every later walk
// of a document (copy, comparison, dump, destruction) recurses as deep as it
// is nested: a document nested a million deep would exhaust the host's stack.
// The reader refuses a level past the bound when it opens, before anything
// recurses into it. A key given twice in one object would otherwise keep the
// last value and drop the first unseen ({"key": "a", "key": "b"}): refused,
// by name, as a typo must not be silently dropped.
//
// It serves both documents taken in from the caller (exchange/json_text.hpp,
// which turns a refusal into an error naming the field) and documents read
// back from the file (fazhi writes only documents it has checked, but the
// file may have been edited behind its back; read_stored_* report any
// unreadable document as "discarded", never throwing, so that the journal can
// call the entry damaged instead of failing the call).
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace fazhi {

// The deepest nesting of arrays and objects read, taken in and read back
// (exchange::kMaxJsonDepth).
inline constexpr std::size_t kMaxStoredDepth = 64;

// Why read_bounded_json refused a document.
struct JsonRefusal {
  enum class Reason { none, too_deep, duplicate_key, malformed };
  Reason reason = Reason::none;
  // duplicate_key: the key given twice, and where its object is ("" at the
  // top, else e.g. "ext" or "parties[1]").
  std::string key, path;
  // malformed: nlohmann's message, and the byte (counted from 1) it stopped at.
  std::string message;
  std::size_t byte = 0;
};

// The document, or a discarded value (is_discarded()) with `refusal` saying
// why, when the text is not one JSON value, is nested deeper than
// kMaxStoredDepth, or repeats a key within an object.
nlohmann::json read_bounded_json(std::string_view text, JsonRefusal& refusal);

// The same for a stored document, whatever the reason.
nlohmann::json read_stored_json(std::string_view text);

// The same for stored MessagePack bytes.
nlohmann::json read_stored_msgpack(std::string_view bytes);

}  // namespace fazhi
