// xlsx_fixture OUT.xlsx < SPEC: writes a workbook for the command's tests
// with libxlsxwriter, the way a spreadsheet program writes one (shared
// strings, styles, date formats), so the tests need no other tool.
//
// SPEC, one instruction per line:
//   sheet NAME            starts a worksheet
//   CELL<TAB>CELL...      a row of the current sheet; each cell is
//       s:TEXT            a string ("\n" in TEXT is a line break)
//       n:NUMBER          a number
//       b:0 | b:1         a boolean
//       d:YYYY-MM-DD      a date in a cell formatted yyyy-mm-dd
//       c:YYYY-MM-DD      a date in a cell formatted yyyy"年"m"月"d"日"
//       t:YYYY-MM-DD      a date in the built-in format 14 (m/d/yyyy)
//       (empty)           no cell
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

lxw_datetime date_of(const std::string& text) {
  lxw_datetime d = {};
  std::sscanf(text.c_str(), "%d-%d-%d", &d.year, &d.month, &d.day);
  return d;
}

std::string unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: xlsx_fixture OUT.xlsx < SPEC\n";
    return 2;
  }
  lxw_workbook* workbook = workbook_new(argv[1]);
  lxw_doc_properties properties = {};
  properties.created = 946684800;
  workbook_set_properties(workbook, &properties);
  lxw_format* iso = workbook_add_format(workbook);
  format_set_num_format(iso, "yyyy-mm-dd");
  lxw_format* chinese = workbook_add_format(workbook);
  format_set_num_format(chinese, "yyyy\"年\"m\"月\"d\"日\"");
  lxw_format* builtin = workbook_add_format(workbook);
  format_set_num_format_index(builtin, 14);
  lxw_worksheet* sheet = nullptr;
  lxw_row_t row = 0;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.rfind("sheet ", 0) == 0) {
      sheet = workbook_add_worksheet(workbook, line.substr(6).c_str());
      row = 0;
      continue;
    }
    if (!sheet) sheet = workbook_add_worksheet(workbook, nullptr);
    lxw_col_t col = 0;
    std::size_t start = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', start);
      const std::string cell = line.substr(start, tab == std::string::npos ? std::string::npos : tab - start);
      if (cell.size() >= 2 && cell[1] == ':') {
        const std::string value = cell.substr(2);
        lxw_datetime d = date_of(value);
        switch (cell[0]) {
          case 's': worksheet_write_string(sheet, row, col, unescape(value).c_str(), nullptr); break;
          case 'n': worksheet_write_number(sheet, row, col, std::strtod(value.c_str(), nullptr), nullptr); break;
          case 'b': worksheet_write_boolean(sheet, row, col, value == "1", nullptr); break;
          case 'd': worksheet_write_datetime(sheet, row, col, &d, iso); break;
          case 'c': worksheet_write_datetime(sheet, row, col, &d, chinese); break;
          case 't': worksheet_write_datetime(sheet, row, col, &d, builtin); break;
          default: std::cerr << "xlsx_fixture: unknown cell " << cell << "\n"; return 2;
        }
      }
      if (tab == std::string::npos) break;
      start = tab + 1;
      ++col;
    }
    ++row;
  }
  return workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1;
}
