// ndjson_lines.hpp — the Dataset as fazhi's NDJSON interchange lines (domain.md):
// {"record": kind, ...fields} for records and
// {"record": kind, "key": k, "action": "close", ...} for the close actions.
// Written by hand (the strings need no escaping): generation is not timed,
// but should not dominate a million-case run either.
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

// The reference records every case points to: units, then committees.
std::string reference_ndjson(const Dataset& d);

// The case lines: every case record, then the close action of every closed
// case. Line i of that sequence, for i < case_line_count(d).
std::size_t case_line_count(const Dataset& d);
void append_case_sequence_line(std::string& out, const Dataset& d, std::size_t i);

}  // namespace bench
