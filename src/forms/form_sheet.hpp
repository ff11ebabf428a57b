// form_sheet.hpp — a filled form (form_table.hpp) as the files an office
// opens in Excel or WPS.
//
// XLSX (libxlsxwriter), one worksheet, A4 landscape, fitted to the page
// width:
//   the title, merged across the form's width, bold 16 pt, centred;
//   填报单位：<unit>  and  统计期间：<period> (<first> 至 <last>);
//   per part: its heading (when it has one); its header, two rows when any
//   column is under a group — the group's name merged across its columns,
//   the first column's header and every column outside a group merged down
//   both rows; the rows; the totals row 合计, bold;
//   填报说明 and the notes, numbered, each merged across the width.
// Figures are numbers in the cells (Excel sums and charts them), formatted:
// counts as integers (0), hours and days with two decimals at most
// (0.## would leave a dangling point, so 0.00), money in yuan (#,##0.00),
// rates as percentages with the decimals the report's rule gives that figure
// (0.0%, or more where one decimal would show a false 100% or 0%); a rate
// without data is the text 无数据.
// The same form gives the same bytes: the workbook's creation time is fixed
// (kFixedCreated), and libxlsxwriter dates every zip entry and
// docProps/core.xml by it.
//
// CSV: UTF-8 with a byte-order mark (Excel on Chinese Windows reads a CSV
// without one as GBK), CRLF line ends, fields quoted as RFC 4180 asks: the
// title line, the unit and period line, then per part its heading, one
// header line (a grouped column as "group：label"), the rows and 合计, and
// the notes last; figures as cell_text() writes them.
#pragma once

#include "forms/form_table.hpp"

#include <ctime>
#include <string>

namespace fazhi::forms {

// 2000-01-01T00:00:00Z.
inline constexpr std::time_t kFixedCreated = 946684800;

std::string form_csv(const FilledForm& form);

// The bytes of the workbook. Throws Error(io) when libxlsxwriter fails (its
// temporary file cannot be written or read back).
std::string form_xlsx(const FilledForm& form);

}  // namespace fazhi::forms
