#include "sheet_writer.hpp"

#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "cli_error.hpp"
#include "utf8_text.hpp"

namespace fazhi::cli {
namespace {

// 2000-01-01T00:00:00Z: the workbook's recorded creation time, whatever the
// clock says, so that the same grid gives the same file (libxlsxwriter
// stamps its zip entries and docProps/core.xml with it).
constexpr time_t kFixedCreated = 946684800;

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// A directory of our own for libxlsxwriter's output, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::error_code ec;
    std::string base = std::filesystem::temp_directory_path(ec).string();
    if (ec) base = "/tmp";
    std::string pattern = base + "/fazhi-xlsx-XXXXXX";
    if (!mkdtemp(pattern.data())) throw CliError(kExitData, "无法创建临时目录 " + base);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void check_lxw(lxw_error error, const char* doing) {
  if (error != LXW_NO_ERROR)
    throw CliError(kExitData, std::string("写入 Excel 文件: ") + doing + ": " + lxw_strerror(error));
}

}  // namespace

std::string csv_text(const std::vector<SheetRow>& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const SheetRow& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_field(row[i].text);
    out += "\r\n";
  }
  return out;
}

std::string xlsx_bytes(const std::vector<SheetRow>& rows, const std::string& sheet) {
  TempDir dir;
  const std::string file = dir.path() + "/sheet.xlsx";
  lxw_workbook_options options = {};
  options.tmpdir = const_cast<char*>(dir.path().c_str());
  lxw_workbook* workbook = workbook_new_opt(file.c_str(), &options);
  if (!workbook) throw CliError(kExitData, "写入 Excel 文件: 无法创建工作簿");
  lxw_doc_properties properties = {};
  properties.created = kFixedCreated;
  workbook_set_properties(workbook, &properties);
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  if (!worksheet) {
    workbook_close(workbook);
    throw CliError(kExitData, "写入 Excel 文件: 工作表名“" + sheet + "”无效");
  }
  std::vector<std::size_t> widths;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const SheetCell& cell = rows[r][c];
      const auto row = static_cast<lxw_row_t>(r);
      const auto col = static_cast<lxw_col_t>(c);
      lxw_format* format = r == 0 ? bold : nullptr;
      if (cell.number)
        worksheet_write_number(worksheet, row, col, *cell.number, format);
      else if (!cell.text.empty())
        worksheet_write_string(worksheet, row, col, cell.text.c_str(), format);
      if (widths.size() <= c) widths.resize(c + 1, 0);
      widths[c] = std::max(widths[c], display_width(cell.text));
    }
  }
  for (std::size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(worksheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(std::min<std::size_t>(widths[c], 60) + 2), nullptr);
  worksheet_freeze_panes(worksheet, 1, 0);
  check_lxw(workbook_close(workbook), "保存");
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw CliError(kExitData, "写入 Excel 文件: 无法读回临时文件");
  return bytes;
}

}  // namespace fazhi::cli
