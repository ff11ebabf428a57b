// Writes a grid of cells — a header row and rows under it — as a CSV text
// or an XLSX workbook, the two forms an office opens in Excel or WPS.
//
// CSV: UTF-8 with a byte-order mark, without which Excel on Chinese Windows
// reads the text as GBK and shows it garbled; fields quoted as RFC 4180
// asks (those holding a comma, quote or line break); CRLF line ends.
//
// XLSX (libxlsxwriter): one worksheet, the header row bold and frozen, a
// cell with a number written as a number (Excel can sum it) and every other
// as text. The same grid gives the same bytes: the workbook's creation time
// is fixed (kFixedCreated), so the file depends on its contents alone.
#ifndef FAZHI_CLI_SHEET_WRITER_HPP
#define FAZHI_CLI_SHEET_WRITER_HPP

#include <optional>
#include <string>
#include <vector>

namespace fazhi::cli {

struct SheetCell {
  std::string text;               // what a CSV holds, and an XLSX text cell
  std::optional<double> number;   // set: an XLSX number cell (text is its CSV form)
};

using SheetRow = std::vector<SheetCell>;

// The CSV text of the rows, the byte-order mark first.
std::string csv_text(const std::vector<SheetRow>& rows);

// The bytes of an XLSX workbook of one worksheet named `sheet` holding the
// rows. Throws CliError (exit 1) when libxlsxwriter fails (its temporary
// file cannot be written).
std::string xlsx_bytes(const std::vector<SheetRow>& rows, const std::string& sheet);

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_SHEET_WRITER_HPP
