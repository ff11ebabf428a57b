#include "xlsx_reader.hpp"

#include <zip.h>

#include <pugixml.hpp>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>

#include "cli_error.hpp"
#include "utf8_text.hpp"

namespace fazhi::cli {
namespace {

// An element's name without its namespace prefix: generators differ in
// whether they write <row> or <x:row>.
std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view name) {
  for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling())
    if (n.type() == pugi::node_element && local_name(n) == name) return n;
  return {};
}

template <typename F>
void each_child(const pugi::xml_node& parent, std::string_view name, F&& f) {
  for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling())
    if (n.type() == pugi::node_element && local_name(n) == name) f(n);
}

// The attribute r:id, whatever prefix the relationships namespace has.
std::string relationship_id(const pugi::xml_node& node) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name();
    if (name.size() > 3 && name.substr(name.size() - 3) == ":id") return a.value();
  }
  return {};
}

// The text of a string item (<si> or <is>): its <t>, or the <t> of each
// rich-text run <r>; phonetic guides (<rPh>) are not part of the text.
std::string string_item(const pugi::xml_node& item) {
  std::string text;
  for (pugi::xml_node n = item.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_element) continue;
    if (local_name(n) == "t") text += n.child_value();
    if (local_name(n) == "r") text += child(n, "t").child_value();
  }
  return text;
}

// Days since 1970-01-01 -> YYYY-MM-DD, in the proleptic Gregorian calendar.
std::string civil_date(std::int64_t days) {
  days += 719468;  // from 0000-03-01, where leap days fall at the end of a year
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t mp = (5 * day_of_year + 2) / 153;
  const std::int64_t day = day_of_year - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(year), static_cast<int>(month),
                static_cast<int>(day));
  return buf;
}

// Days from 1970-01-01 to 1899-12-30 and to 1904-01-01.
constexpr std::int64_t kEpoch1900 = -25569;
constexpr std::int64_t kEpoch1904 = -24107;

// A custom number format shows a date when, outside quoted text, escapes
// and [brackets], it has a year or a day, or a month without hours or
// seconds ("m" alone also means minutes: "h:mm").
bool is_date_format(std::string_view code) {
  bool year_or_day = false, month = false, time = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    if (c == '"') {
      const auto close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '[') {
      const auto close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is shown as it is
    } else if (c == ';') {
      break;  // the first section decides
    } else if (c == 'y' || c == 'd' || c == 'e') {
      year_or_day = true;
    } else if (c == 'm') {
      month = true;
    } else if (c == 'h' || c == 's') {
      time = true;
    }
  }
  return year_or_day || (month && !time);
}

bool is_builtin_date_format(long id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

// "B12" -> column 1 (0-based), row 12; false when it is not a reference.
bool parse_reference(std::string_view ref, std::int64_t& column, std::int64_t& row) {
  std::size_t i = 0;
  column = 0;
  while (i < ref.size() && std::isupper(static_cast<unsigned char>(ref[i]))) {
    column = column * 26 + (ref[i] - 'A' + 1);
    if (column > kMaxTableColumns) return false;
    ++i;
  }
  if (i == 0 || i == ref.size()) return false;
  row = 0;
  for (; i < ref.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(ref[i]))) return false;
    row = row * 10 + (ref[i] - '0');
    if (row > kMaxTableRows) return false;
  }
  --column;
  return row > 0;
}

}  // namespace

struct XlsxWorkbook::State {
  std::string path;
  zip_t* zip = nullptr;
  struct Sheet {
    std::string name, part;
  };
  std::vector<Sheet> sheets;
  std::vector<std::string> shared_strings;
  std::vector<bool> date_styles;  // cellXfs index -> shows a date
  bool date1904 = false;

  ~State() {
    if (zip) zip_discard(zip);
  }

  [[noreturn]] void fail(const std::string& what) const { throw CliError(kExitData, path + ": " + what); }

  // The uncompressed bytes of a part, at most kMaxTableBytes whatever the
  // archive declares; empty `optional` semantics: false when absent.
  bool read_part(const std::string& name, std::string& bytes) const {
    zip_file_t* file = zip_fopen(zip, name.c_str(), 0);
    if (!file) {
      if (zip_name_locate(zip, name.c_str(), 0) < 0) return false;
      fail("无法读取其中的 " + name + " (" + zip_strerror(zip) + ")");
    }
    bytes.clear();
    char buffer[65536];
    for (;;) {
      const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
      if (n < 0) {
        const std::string why = zip_file_strerror(file);
        zip_fclose(file);
        fail("无法读取其中的 " + name + " (" + why + ")");
      }
      if (n == 0) break;
      bytes.append(buffer, static_cast<std::size_t>(n));
      if (bytes.size() > kMaxTableBytes) {
        zip_fclose(file);
        fail(name + " 解压后超过 " + std::to_string(kMaxTableBytes >> 20) +
             " MiB, 不予读取 (工作表过大, 或不是正常的 Excel 文件)");
      }
    }
    zip_fclose(file);
    return true;
  }

  void parse(const std::string& name, std::string& bytes, pugi::xml_document& doc) const {
    const pugi::xml_parse_result r =
        doc.load_buffer_inplace(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!r) fail(name + " 不是有效的 XML (" + r.description() + ")");
  }

  bool load(const std::string& name, pugi::xml_document& doc, std::string& bytes) const {
    if (!read_part(name, bytes)) return false;
    parse(name, bytes, doc);
    return true;
  }

  // A relationship's target, relative to xl/ unless absolute.
  static std::string part_name(const std::string& target) {
    if (!target.empty() && target[0] == '/') return target.substr(1);
    return "xl/" + target;
  }

  void read_workbook() {
    std::string bytes;
    pugi::xml_document rels;
    std::map<std::string, std::string> targets;  // relationship id -> part
    std::string shared_part = "xl/sharedStrings.xml", styles_part = "xl/styles.xml";
    if (load("xl/_rels/workbook.xml.rels", rels, bytes)) {
      each_child(child(rels, "Relationships"), "Relationship", [&](const pugi::xml_node& r) {
        const std::string type = r.attribute("Type").value();
        const std::string part = part_name(r.attribute("Target").value());
        targets[r.attribute("Id").value()] = part;
        if (type.size() >= 14 && type.substr(type.size() - 14) == "/sharedStrings") shared_part = part;
        if (type.size() >= 7 && type.substr(type.size() - 7) == "/styles") styles_part = part;
      });
    }
    pugi::xml_document workbook;
    std::string workbook_bytes;
    if (!load("xl/workbook.xml", workbook, workbook_bytes))
      fail("不是 Excel 工作簿 (.xlsx): 缺少 xl/workbook.xml");
    const pugi::xml_node root = child(workbook, "workbook");
    const std::string date1904_attr = child(root, "workbookPr").attribute("date1904").value();
    date1904 = date1904_attr == "1" || date1904_attr == "true";
    int number = 0;
    each_child(child(root, "sheets"), "sheet", [&](const pugi::xml_node& s) {
      ++number;
      const auto target = targets.find(relationship_id(s));
      sheets.push_back({s.attribute("name").value(), target != targets.end()
                                                          ? target->second
                                                          : "xl/worksheets/sheet" + std::to_string(number) + ".xml"});
    });

    pugi::xml_document shared;
    if (load(shared_part, shared, bytes)) {
      each_child(child(shared, "sst"), "si", [&](const pugi::xml_node& si) {
        shared_strings.push_back(string_item(si));
        if (shared_strings.back().size() > kMaxCellBytes)
          fail("共享字符串第 " + std::to_string(shared_strings.size()) + " 项超过 " +
               std::to_string(kMaxCellBytes) + " 字节");
      });
    }

    pugi::xml_document styles;
    if (load(styles_part, styles, bytes)) {
      const pugi::xml_node sheet = child(styles, "styleSheet");
      std::set<long> custom_dates;
      each_child(child(sheet, "numFmts"), "numFmt", [&](const pugi::xml_node& f) {
        if (is_date_format(f.attribute("formatCode").value()))
          custom_dates.insert(f.attribute("numFmtId").as_llong(-1));
      });
      each_child(child(sheet, "cellXfs"), "xf", [&](const pugi::xml_node& xf) {
        const long id = static_cast<long>(xf.attribute("numFmtId").as_llong(0));
        date_styles.push_back(is_builtin_date_format(id) || custom_dates.count(id) > 0);
      });
    }
  }

  std::string date_from_serial(const std::string& value, const std::string& at) const {
    char* end = nullptr;
    const double serial = std::strtod(value.c_str(), &end);
    // 1900-01-01 .. 9999-12-31 in the 1900 system.
    if (end == value.c_str() || *end != '\0' || !(serial >= 1 && serial < 2958466))
      fail(at + ": 日期单元格的值 " + value + " 不是 Excel 日期");
    const auto whole = static_cast<std::int64_t>(std::floor(serial));
    if (date1904) return civil_date(kEpoch1904 + whole);
    // Serial 60 is 1900-02-29, a day that never was (kept by Excel for
    // Lotus 1-2-3's sake); the serials before it are one day later.
    if (whole == 60) fail(at + ": 日期 1900-02-29 不存在");
    return civil_date(kEpoch1900 + whole + (whole < 60 ? 1 : 0));
  }
};

XlsxWorkbook::XlsxWorkbook(const std::string& path) : state_(std::make_unique<State>()) {
  state_->path = path;
  int error = 0;
  state_->zip = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (!state_->zip) {
    zip_error_t z;
    zip_error_init_with_code(&z, error);
    const std::string why = zip_error_strerror(&z);
    zip_error_fini(&z);
    state_->fail("无法作为 Excel 工作簿 (.xlsx) 打开 (" + why + ")");
  }
  state_->read_workbook();
}

XlsxWorkbook::~XlsxWorkbook() = default;

std::vector<std::string> XlsxWorkbook::sheet_names() const {
  std::vector<std::string> names;
  for (const auto& s : state_->sheets) names.push_back(s.name);
  return names;
}

Table XlsxWorkbook::read_sheet(std::size_t index) const {
  const State& st = *state_;
  const State::Sheet& sheet = st.sheets.at(index);
  Table table;
  table.file = st.path;
  table.sheet = sheet.name;
  const std::string in_sheet = "工作表“" + sheet.name + "”";
  std::string bytes;
  pugi::xml_document doc;
  if (!st.load(sheet.part, doc, bytes)) st.fail(in_sheet + "缺少其内容 " + sheet.part);

  std::int64_t row_number = 0;
  each_child(child(child(doc, "worksheet"), "sheetData"), "row", [&](const pugi::xml_node& r) {
    const long long declared = r.attribute("r").as_llong(0);
    row_number = declared > 0 ? declared : row_number + 1;
    if (row_number > kMaxTableRows)
      st.fail(in_sheet + " 超过 " + std::to_string(kMaxTableRows) + " 行");
    TableRow row;
    row.number = row_number;
    std::int64_t column = -1;
    each_child(r, "c", [&](const pugi::xml_node& c) {
      std::int64_t ref_row = 0;
      const char* ref = c.attribute("r").value();
      if (*ref) {
        if (!parse_reference(ref, column, ref_row) || ref_row != row_number)
          st.fail(in_sheet + " 第 " + std::to_string(row_number) + " 行: 单元格位置 " + ref + " 无效");
      } else if (++column >= kMaxTableColumns) {
        st.fail(in_sheet + " 第 " + std::to_string(row_number) + " 行超过 " + std::to_string(kMaxTableColumns) +
                " 列");
      }
      const std::string at = in_sheet + " " + column_letters(column) + std::to_string(row_number);
      const std::string type = c.attribute("t").value();
      const std::string v = child(c, "v").child_value();
      Cell cell;
      if (type == "s") {
        char* end = nullptr;
        const unsigned long long i = std::strtoull(v.c_str(), &end, 10);
        if (v.empty() || *end != '\0' || i >= st.shared_strings.size())
          st.fail(at + ": 共享字符串序号 " + v + " 无效");
        cell.value = st.shared_strings[i];
      } else if (type == "inlineStr") {
        cell.value = string_item(child(c, "is"));
      } else if (type == "str") {
        cell.value = v;
      } else if (type == "b") {
        cell.type = Cell::Type::boolean;
        cell.value = v == "1" || v == "true" ? "true" : "false";
        if (v.empty()) return;
      } else if (type == "e") {
        st.fail(at + ": 单元格是错误值 " + v + ", 请改正后再导入");
      } else if (type == "d") {
        cell.type = Cell::Type::date;
        cell.value = v.substr(0, 10);
      } else {  // "n" or absent: a number, shown as a date by a date format
        if (v.empty()) return;
        const unsigned long long style = c.attribute("s").as_ullong(0);
        if (style < st.date_styles.size() && st.date_styles[style]) {
          cell.type = Cell::Type::date;
          cell.value = st.date_from_serial(v, at);
        } else {
          cell.type = Cell::Type::number;
          cell.value = v;
        }
      }
      if (cell.value.size() > kMaxCellBytes)
        st.fail(at + ": 单元格超过 " + std::to_string(kMaxCellBytes) + " 字节");
      if (!is_valid_utf8(cell.value)) st.fail(at + ": 单元格不是有效的 UTF-8 文本");
      if (!cell.value.empty()) row.cells.push_back({column, std::move(cell)});
    });
    if (!row.cells.empty()) table.rows.push_back(std::move(row));
  });
  return table;
}

}  // namespace fazhi::cli
