#include "table_records.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "cli_error.hpp"

namespace fazhi::cli {
namespace {

using nlohmann::json;

// FZ_MAX_JSON_DEPTH: a JSON cell nested deeper is passed on as text, which
// the library refuses, rather than parsed.
constexpr int kMaxCellJsonDepth = 64;

std::string trim(const std::string& s) {
  const char* space = " \t\r\n\v\f";
  const auto first = s.find_first_not_of(space);
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(space) - first + 1);
}

// Nesting depth of the brackets of a JSON text, strings skipped.
int json_depth(const std::string& text) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

std::optional<json> parse_json(const std::string& text) {
  if (json_depth(text) > kMaxCellJsonDepth) return std::nullopt;
  json value = json::parse(text, nullptr, false);
  if (value.is_discarded()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> parse_integer(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (errno != 0 || *end != '\0') return std::nullopt;
  return v;
}

std::optional<double> parse_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (*end != '\0' || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<bool> parse_boolean(const std::string& text) {
  static const std::set<std::string> yes = {"true", "TRUE", "True", "是", "1", "Y", "y", "yes", "Yes"};
  static const std::set<std::string> no = {"false", "FALSE", "False", "否", "0", "N", "n", "no", "No"};
  if (yes.count(text)) return true;
  if (no.count(text)) return false;
  return std::nullopt;
}

// "2022/3/5", "2022.3.5", "2022-3-5", "2022年3月5日" -> "2022-03-05"; other
// text as it is (YYYY-MM-DD itself, or what the library will refuse).
std::string iso_date(const std::string& text) {
  int year = 0, month = 0, day = 0;
  char rest = 0;
  for (const char* pattern : {"%4d/%2d/%2d%c", "%4d.%2d.%2d%c", "%4d-%2d-%2d%c",
                              "%4d\xE5\xB9\xB4%2d\xE6\x9C\x88%2d\xE6\x97\xA5%c"}) {
    if (std::sscanf(text.c_str(), pattern, &year, &month, &day, &rest) == 3 && year >= 1000 &&
        year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      return buf;
    }
  }
  return text;
}

// Items of a list cell: a JSON array, or text split at 、 ; ； and line breaks.
json list_items(const std::string& text) {
  if (!text.empty() && text[0] == '[') {
    if (auto parsed = parse_json(text); parsed && parsed->is_array()) return *parsed;
    return text;
  }
  json items = json::array();
  std::string item;
  const auto flush = [&] {
    if (std::string t = trim(item); !t.empty()) items.push_back(t);
    item.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\xE3\x80\x81") == 0 || text.compare(i, 3, "\xEF\xBC\x9B") == 0) {  // 、 ；
      flush();
      i += 2;
    } else if (text[i] == ';' || text[i] == '\n') {
      flush();
    } else {
      item.push_back(text[i]);
    }
  }
  flush();
  return items;
}

// The JSON value a cell gives a field of `type`.
json cell_value(const Cell& cell, const std::string& text, const std::string& type) {
  if (type == "integer") {
    if (auto v = parse_integer(text)) return *v;
    return text;
  }
  if (type == "number") {
    if (auto v = parse_number(text)) return *v;
    return text;
  }
  if (type == "boolean") {
    if (auto v = parse_boolean(text)) return *v;
    return text;
  }
  if (type == "date") return cell.type == Cell::Type::date ? text : iso_date(text);
  if (type == "text_list" || type == "ref_list") return list_items(text);
  if (type == "object" || type == "object_list") {
    if (auto v = parse_json(text)) return *v;
    return text;
  }
  // text, code, ref, money (a string keeps its cents exact).
  return text;
}

// A part of an object field, typed as the cell is.
json part_value(const Cell& cell, const std::string& text) {
  if (cell.type == Cell::Type::number) {
    if (auto v = parse_integer(text)) return *v;
    if (auto v = parse_number(text)) return *v;
  }
  if (cell.type == Cell::Type::boolean) return text == "true";
  return text;
}

// One column's meaning.
struct Column {
  std::string header;
  std::string field;  // field code, "key", "record" or "ext"
  std::string part;   // "field.part": the part; empty otherwise
  std::string type;
};

}  // namespace

std::string RecordSchema::find_kind(const std::string& name) const {
  if (kinds.contains(name)) return name;
  for (auto it = kinds.begin(); it != kinds.end(); ++it)
    if (it->is_string() && it->get<std::string>() == name) return it.key();
  return {};
}

std::string table_name(const Table& table) {
  return table.sheet.empty() ? table.file : table.file + " 工作表“" + table.sheet + "”";
}

std::string TableRecords::column_of(const std::string& field) const {
  auto found = columns.find(field);
  if (found == columns.end()) {
    const std::string base = field.substr(0, field.find_first_of(".["));
    found = columns.find(base);
  }
  if (found == columns.end()) return {};
  return column_letters(found->second.first) + " 列“" + found->second.second + "”";
}

TableRecords table_records(const Table& table, const RecordSchema& schema) {
  TableRecords out;
  const std::string where = table_name(table);
  if (table.rows.empty()) return out;
  const TableRow& header_row = table.rows.front();

  // Which kind: a record column's first value, else the sheet or file name.
  std::optional<std::int64_t> record_column;
  for (const auto& [column, cell] : header_row.cells) {
    const std::string h = trim(cell.value);
    if (h == "record" || h == "记录类型") record_column = column;
  }
  if (record_column) {
    for (std::size_t r = 1; r < table.rows.size() && out.kind.empty(); ++r)
      for (const auto& [column, cell] : table.rows[r].cells)
        if (column == *record_column) out.kind = schema.find_kind(trim(cell.value));
  } else {
    const std::string name =
        table.sheet.empty() ? std::filesystem::path(table.file).stem().string() : table.sheet;
    out.kind = schema.find_kind(trim(name));
    if (out.kind.empty())
      throw CliError(kExitData, where +
                                    ": 无法确定记录类型: " + (table.sheet.empty() ? "文件名" : "工作表名") +
                                    "“" + name +
                                    "”不是记录类型的代码或名称 (如 mediation_case 或 矛盾纠纷调解案件, "
                                    "fazhi kinds 列出全部), 表中也没有 record (记录类型) 列");
  }
  if (out.kind.empty())
    throw CliError(kExitData, where + ": record (记录类型) 列没有一个已知的记录类型 (fazhi kinds 列出全部)");

  const json& labels = schema.labels.at(out.kind);
  const json& types = schema.types.at(out.kind);
  const auto field_named = [&](const std::string& name) -> std::string {
    if (labels.contains(name)) return name;
    for (auto it = labels.begin(); it != labels.end(); ++it)
      if (it->get<std::string>() == name) return it.key();
    return {};
  };

  std::map<std::int64_t, Column> columns;
  for (const auto& [column, cell] : header_row.cells) {
    const std::string header = trim(cell.value);
    if (header.empty()) continue;
    const std::string at = where + " " + column_letters(column) + " 列表头“" + header + "”";
    Column c{header, {}, {}, "text"};
    if (header == "record" || header == "记录类型") {
      c.field = "record";
    } else if (header == "key" || header == "编号") {
      c.field = "key";
    } else if (header == "ext") {
      c.field = "ext";
      c.type = "object";
    } else {
      std::string name = header, part;
      std::string field = field_named(name);
      if (field.empty() && header.find('.') != std::string::npos) {
        name = header.substr(0, header.find('.'));
        part = header.substr(header.find('.') + 1);
        field = field_named(name);
        if (!field.empty() && types.value(field, "") != "object")
          throw CliError(kExitData, at + ": " + field + " 不是对象字段, 不能分项给出");
      }
      if (field.empty())
        throw CliError(kExitData, at + ": 不是 " + out.kind + " (" + schema.kinds.value(out.kind, "") +
                                      ") 的字段 (fazhi kinds " + out.kind + " 列出字段)");
      if (!types.contains(field))
        throw CliError(kExitData, at + ": " + field +
                                      " 由动作设置或由系统计算, 不能在表格中导入 (动作请用 NDJSON 导入)");
      c.field = field;
      c.part = part;
      c.type = types[field].get<std::string>();
    }
    const std::string name = c.part.empty() ? c.field : c.field + "." + c.part;
    if (out.columns.count(name) ||
        (c.part.empty() && std::any_of(out.columns.begin(), out.columns.end(), [&](const auto& e) {
           return e.first.rfind(c.field + ".", 0) == 0;
         })) ||
        (!c.part.empty() && out.columns.count(c.field)))
      throw CliError(kExitData, at + ": 字段 " + name + " 重复");
    out.columns[name] = {column, header};
    columns[column] = std::move(c);
  }

  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const TableRow& row = table.rows[r];
    json record = json::object();
    record["record"] = out.kind;
    bool any = false;
    for (const auto& [column, cell] : row.cells) {
      const std::string text = trim(cell.value);
      if (text.empty()) continue;
      const auto c = columns.find(column);
      if (c == columns.end())
        throw CliError(kExitData, where + " 第 " + std::to_string(row.number) + " 行 " +
                                      column_letters(column) + " 列: 有数据, 但该列没有表头");
      const Column& col = c->second;
      any = true;
      if (col.field == "record") {
        const std::string kind = schema.find_kind(text);
        record["record"] = kind.empty() ? text : kind;
      } else if (col.field == "key") {
        record["key"] = text;
      } else if (!col.part.empty()) {
        json& object = record[col.field];
        if (!object.is_object()) object = json::object();
        object[col.part] = part_value(cell, text);
      } else {
        record[col.field] = cell_value(cell, text, col.type);
      }
    }
    if (!any) continue;
    out.lines.push_back(record.dump(-1, ' ', false, json::error_handler_t::replace));
    out.rows.push_back(row.number);
  }
  return out;
}

}  // namespace fazhi::cli
