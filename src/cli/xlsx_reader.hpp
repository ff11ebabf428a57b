// Reads the worksheets of an XLSX workbook (Office Open XML, what Excel and
// WPS save) into Tables, with libzip for the container and pugixml for its
// parts.
//
// What a cell becomes:
//   shared or inline string, formula text   -> text
//   number                                  -> number, as written ("12", "0.5")
//   number in a date-formatted cell         -> date YYYY-MM-DD (the serial
//       number read in the workbook's 1900 or 1904 date system; a time of
//       day is dropped). Date formats: the built-in 14-22, the built-in
//       Chinese ones 27-36 and 50-58, and custom formats that show a year,
//       a day, or a month without hours or seconds.
//   boolean                                 -> boolean
//   ISO 8601 date cell (t="d")              -> date
//   error (#N/A, #DIV/0!, ...)              -> refused, naming the cell
//
// An XLSX file is a zip archive, so a small file can unpack to gigabytes:
// every part is read through a bound (kMaxTableBytes of XML, whatever its
// header claims), and rows, columns and cell lengths are bounded as
// table.hpp says; an excess is a CliError naming the file, sheet and cell.
#ifndef FAZHI_CLI_XLSX_READER_HPP
#define FAZHI_CLI_XLSX_READER_HPP

#include <memory>
#include <string>
#include <vector>

#include "table.hpp"

namespace fazhi::cli {

class XlsxWorkbook {
 public:
  // Opens the workbook and reads its list of sheets, shared strings and
  // styles. Throws CliError (exit 1) naming the file when it cannot be
  // opened or is not a workbook.
  explicit XlsxWorkbook(const std::string& path);
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  // The worksheets' names, in the workbook's order (hidden ones included).
  std::vector<std::string> sheet_names() const;

  // Reads sheet `index` of sheet_names(). Throws CliError as said above.
  Table read_sheet(std::size_t index) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_XLSX_READER_HPP
