// Reads a CSV file (RFC 4180) into a Table: fields separated by commas,
// records by CRLF or LF; a field in double quotes may hold commas, line
// breaks and doubled quotes ("" for one ").
//
// The text must be UTF-8, with or without the byte-order mark Excel's
// "CSV UTF-8" writes. A file that is not UTF-8 is refused whole, naming the
// file; when its bytes read as GB18030 (GBK, Excel's plain "CSV" and
// Notepad's "ANSI" on Chinese Windows) the message says so and how to save
// or convert it. Nothing is guessed: a wrong guess would store garbled
// names.
//
// Row numbers count records, the header being row 1, as a spreadsheet shows
// the file (a quoted line break does not start a new row).
#ifndef FAZHI_CLI_CSV_READER_HPP
#define FAZHI_CLI_CSV_READER_HPP

#include <string>
#include <string_view>

#include "table.hpp"

namespace fazhi::cli {

// Throws CliError (exit 1) when the file cannot be read, is larger than
// kMaxTableBytes, is not UTF-8, has an unterminated quote, a character
// after a closing quote, or exceeds a table bound.
Table read_csv(const std::string& path);

// The same on text already in memory; `path` only names it in messages.
Table parse_csv(std::string_view text, const std::string& path);

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_CSV_READER_HPP
