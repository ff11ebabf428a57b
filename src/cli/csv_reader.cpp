#include "csv_reader.hpp"

#include <iconv.h>

#include <cerrno>
#include <fstream>
#include <iterator>
#include <memory>

#include "cli_error.hpp"
#include "utf8_text.hpp"

namespace fazhi::cli {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string read_bounded(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CliError(kExitData, path + ": 无法读取");
  std::string bytes;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kMaxTableBytes)
      throw CliError(kExitData, path + ": 文件超过 " + std::to_string(kMaxTableBytes >> 20) +
                                    " MiB, 请拆分为几个文件导入");
  }
  if (in.bad()) throw CliError(kExitData, path + ": 读取失败");
  return bytes;
}

// True when the bytes convert from GB18030 (a superset of GBK and GB2312)
// without an error: what Excel's plain "CSV" writes on Chinese Windows.
bool reads_as_gb18030(std::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char out[4096];
  while (in_left > 0) {
    char* o = out;
    std::size_t out_left = sizeof out;
    if (iconv(cd, &in, &in_left, &o, &out_left) == static_cast<std::size_t>(-1) && errno != E2BIG)
      return false;
  }
  return true;
}

void refuse_encoding(std::string_view bytes, const std::string& path) {
  if (reads_as_gb18030(bytes))
    throw CliError(kExitData,
                   path + ": 不是 UTF-8 编码, 看来是 GBK/GB18030 (Excel 的 \"CSV (逗号分隔)\" 或记事本的 "
                          "\"ANSI\")。请在 Excel 中另存为 \"CSV UTF-8 (逗号分隔)\", 或用 "
                          "iconv -f GB18030 -t UTF-8 转换后再导入; 也可直接导入 .xlsx 文件");
  throw CliError(kExitData, path + ": 不是 UTF-8 编码的文本, 请另存为 \"CSV UTF-8 (逗号分隔)\" 后再导入");
}

std::string where(const std::string& path, std::int64_t row) {
  return path + " 第 " + std::to_string(row) + " 行";
}

}  // namespace

Table read_csv(const std::string& path) { return parse_csv(read_bounded(path), path); }

Table parse_csv(std::string_view text, const std::string& path) {
  if (text.size() > kMaxTableBytes)
    throw CliError(kExitData, path + ": 文件超过 " + std::to_string(kMaxTableBytes >> 20) + " MiB");
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  if (!is_valid_utf8(text)) refuse_encoding(text, path);

  Table table;
  table.file = path;
  TableRow row;
  std::string field;
  std::int64_t number = 1;  // the record being read, the header being 1
  std::int64_t column = 0;
  bool quoted = false;      // inside a quoted field
  std::int64_t quote_row = 0;  // the row where it began, for an unterminated quote
  bool was_quoted = false;  // the current field was quoted (its closing quote was seen)

  const auto end_field = [&] {
    if (column >= kMaxTableColumns)
      throw CliError(kExitData, where(path, number) + ": 超过 " + std::to_string(kMaxTableColumns) + " 列");
    if (!field.empty()) row.cells.push_back({column, Cell{Cell::Type::text, std::move(field)}});
    field.clear();
    ++column;
    was_quoted = false;
  };
  const auto end_row = [&] {
    end_field();
    if (number > kMaxTableRows)
      throw CliError(kExitData, path + ": 超过 " + std::to_string(kMaxTableRows) + " 行");
    row.number = number;
    if (!row.cells.empty()) table.rows.push_back(std::move(row));
    row = TableRow{};
    column = 0;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        field.push_back(c);
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else {
        quoted = false;
        was_quoted = true;
      }
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = true;
      quote_row = number;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++number;
      continue;
    } else if (was_quoted) {
      throw CliError(kExitData, where(path, number) + " " + column_letters(column) +
                                    " 列: 引号结束后还有字符 (字段中的引号应写作两个引号 \"\")");
    } else {
      field.push_back(c);
    }
    if (field.size() > kMaxCellBytes)
      throw CliError(kExitData, where(path, number) + " " + column_letters(column) + " 列: 单元格超过 " +
                                    std::to_string(kMaxCellBytes) + " 字节");
  }
  if (quoted) throw CliError(kExitData, where(path, quote_row) + " " + column_letters(column) + " 列: 引号没有结束");
  if (!field.empty() || was_quoted || !row.cells.empty() || column > 0) end_row();
  return table;
}

}  // namespace fazhi::cli
