// ndjson_lines.hpp — the Dataset as fazhi's NDJSON interchange lines (domain.md):
// {"record": kind, ...fields} for records and
// {"record": kind, "key": k, "action": "close", ...} for the close actions.
// Written by hand (the strings need no escaping): generation is not timed,
// but should not dominate a 15-million-case run either.
#pragma once

#include "synthetic.hpp"

#include <cstdint>
#include <string>

namespace bench {

// "1234.56" for 123456 fen.
std::string yuan_text(std::int64_t fen);

// Each appends one line, with its '\n'.
void append_unit_line(std::string& out, const Dataset& d, const Unit& u);
void append_committee_line(std::string& out, const Dataset& d, const Committee& c);
void append_case_line(std::string& out, const Dataset& d, const Case& c);
void append_close_line(std::string& out, const Case& c);

}  // namespace bench
