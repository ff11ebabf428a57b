// A table read from a spreadsheet: rows of cells, as a CSV file or an XLSX
// worksheet holds them, before anything is known of record kinds.
//
// The readers keep a cell's kind where the file says it (XLSX numbers,
// booleans, date-formatted numbers); a CSV cell is always text. Rows and
// cells are sparse: an empty cell is not stored, so a stray value in column
// XFD costs one cell, not sixteen thousand.
//
// Every dimension is bounded by the limits below; the readers stop with a
// CliError naming the file (and sheet, row, column) at the first excess.
// The row and column limits are Excel's own, so no sheet Excel can save is
// refused for its shape.
#ifndef FAZHI_CLI_TABLE_HPP
#define FAZHI_CLI_TABLE_HPP

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace fazhi::cli {

inline constexpr std::int64_t kMaxTableRows = 1048576;   // Excel's rows per sheet
inline constexpr std::int64_t kMaxTableColumns = 16384;  // Excel's columns (A..XFD)
// Excel's 32 767 characters per cell, at up to 4 bytes each.
inline constexpr std::size_t kMaxCellBytes = 32767 * 4;
// The largest CSV file, and the largest part of an XLSX (a worksheet's XML,
// the shared strings) once uncompressed: what a county office keeps in one
// sheet is a few MiB; the bound keeps a zip bomb from filling memory.
inline constexpr std::uint64_t kMaxTableBytes = 128u << 20;

struct Cell {
  enum class Type { text, number, boolean, date };
  Type type = Type::text;
  // text: the text; number: the number as the file writes it ("12", "0.5");
  // boolean: "true" or "false"; date: YYYY-MM-DD.
  std::string value;
};

struct TableRow {
  std::int64_t number = 0;  // 1-based row number in the sheet or file (the header is row 1)
  std::vector<std::pair<std::int64_t, Cell>> cells;  // (0-based column, cell), ascending, none empty
};

struct Table {
  std::string file;  // the file it was read from
  std::string sheet; // the worksheet's name; empty for a CSV file
  std::vector<TableRow> rows;  // the header row first, if any; empty rows left out
};

// "A", "B", ..., "Z", "AA", ... for a 0-based column.
std::string column_letters(std::int64_t column);

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_TABLE_HPP
