#include "forms/form_sheet.hpp"

#include "utf8.hpp"

#include <fazhi/error.hpp>

#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <system_error>

namespace fazhi::forms {
namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\r\n";
}

std::string unit_line(const FilledForm& f) { return "填报单位：" + f.unit_name; }
std::string period_line(const FilledForm& f) {
  return "统计期间：" + f.period + "（" + f.first + "至" + f.last + "）";
}

std::size_t width_of(const FilledForm& f) {
  std::size_t w = 2;
  for (const FilledPart& p : f.parts) w = std::max(w, p.columns.size() + 1);
  return w;
}

// libxlsxwriter writes the workbook to a file: a directory of our own for it,
// removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::error_code ec;
    std::string base = std::filesystem::temp_directory_path(ec).string();
    if (ec) base = "/tmp";
    std::string pattern = base + "/fazhi-form-XXXXXX";
    if (!mkdtemp(pattern.data())) throw Error(Status::io, "cannot create a temporary directory in " + base);
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

// The workbook's cell formats, each made once (libxlsxwriter keeps them for
// the workbook's life).
class Formats {
 public:
  explicit Formats(lxw_workbook* wb) : wb_(wb) {}

  lxw_format* title() {
    if (!title_) {
      title_ = workbook_add_format(wb_);
      format_set_bold(title_);
      format_set_font_size(title_, 16);
      format_set_align(title_, LXW_ALIGN_CENTER);
      format_set_align(title_, LXW_ALIGN_VERTICAL_CENTER);
    }
    return title_;
  }
  lxw_format* plain() {
    if (!plain_) plain_ = workbook_add_format(wb_);
    return plain_;
  }
  lxw_format* heading() {
    if (!heading_) {
      heading_ = workbook_add_format(wb_);
      format_set_bold(heading_);
    }
    return heading_;
  }
  lxw_format* note() {
    if (!note_) {
      note_ = workbook_add_format(wb_);
      format_set_text_wrap(note_);
      format_set_align(note_, LXW_ALIGN_VERTICAL_TOP);
    }
    return note_;
  }
  lxw_format* header() {
    if (!header_) {
      header_ = workbook_add_format(wb_);
      format_set_bold(header_);
      format_set_border(header_, LXW_BORDER_THIN);
      format_set_text_wrap(header_);
      format_set_align(header_, LXW_ALIGN_CENTER);
      format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    }
    return header_;
  }
  // A body cell: bordered, bold on the totals row, with `number` as its
  // number format ("" for a text cell).
  lxw_format* cell(const std::string& number, bool bold) {
    lxw_format*& f = cells_[{number, bold}];
    if (!f) {
      f = workbook_add_format(wb_);
      format_set_border(f, LXW_BORDER_THIN);
      if (bold) format_set_bold(f);
      if (!number.empty()) format_set_num_format(f, number.c_str());
      else format_set_align(f, LXW_ALIGN_LEFT);
    }
    return f;
  }

 private:
  lxw_workbook* wb_;
  lxw_format* title_ = nullptr;
  lxw_format* plain_ = nullptr;
  lxw_format* heading_ = nullptr;
  lxw_format* note_ = nullptr;
  lxw_format* header_ = nullptr;
  std::map<std::pair<std::string, bool>, lxw_format*> cells_;
};

// The number format that shows a rate as `text` (the report's rule) shows it.
std::string percent_format(const std::string& text) {
  std::size_t decimals = 0;
  const std::size_t dot = text.find('.');
  if (dot != std::string::npos) decimals = text.find('%') - dot - 1;
  return decimals ? "0." + std::string(decimals, '0') + "%" : "0%";
}

std::string number_format(const FilledColumn& col, const std::string& text) {
  if (col.measure == "ratio") return percent_format(text);
  if (col.measure == "yuan") return "#,##0.00";
  if (col.measure == "count") return "0";
  return "0.00";
}

void check(lxw_error e, const char* doing) {
  if (e != LXW_NO_ERROR) throw Error(Status::io, std::string("writing the workbook: ") + doing + ": " + lxw_strerror(e));
}

class SheetWriter {
 public:
  SheetWriter(lxw_workbook* wb, lxw_worksheet* ws, std::size_t width) : ws_(ws), formats_(wb), width_(width) {}

  void merged(const std::string& text, lxw_format* format, double height = 0) {
    const auto last = static_cast<lxw_col_t>(width_ - 1);
    check(worksheet_merge_range(ws_, row_, 0, row_, last, text.c_str(), format), "merging a row");
    if (height > 0) worksheet_set_row(ws_, row_, height, nullptr);
    ++row_;
  }

  void heads(const FilledForm& f) {
    merged(f.title, formats_.title(), 30);
    // The unit on the left half, the period on the right.
    const auto half = static_cast<lxw_col_t>(width_ / 2);
    const auto last = static_cast<lxw_col_t>(width_ - 1);
    if (half > 1) check(worksheet_merge_range(ws_, row_, 0, row_, half - 1, unit_line(f).c_str(), formats_.plain()), "unit");
    else worksheet_write_string(ws_, row_, 0, unit_line(f).c_str(), formats_.plain());
    if (last > half) check(worksheet_merge_range(ws_, row_, half, row_, last, period_line(f).c_str(), formats_.plain()), "period");
    else worksheet_write_string(ws_, row_, half, period_line(f).c_str(), formats_.plain());
    ++row_;
  }

  void part(const FilledPart& p) {
    if (!p.title.empty()) merged(p.title, formats_.heading());
    header(p);
    for (const FilledRow& r : p.rows) body_row(p, r, false);
    if (p.totals) body_row(p, *p.totals, true);
    ++row_;  // a blank row before what follows
  }

  void notes(const std::vector<std::string>& notes) {
    if (notes.empty()) return;
    merged("填报说明：", formats_.heading());
    for (std::size_t i = 0; i < notes.size(); ++i) {
      const std::string text = std::to_string(i + 1) + ". " + notes[i];
      // About 1.1 character widths per CJK character across the merged width;
      // a row of 15 points a line, as Excel does not grow a merged row itself.
      const double per_line = std::max<double>(10, 24 + 11.0 * static_cast<double>(width_ - 1)) / 2.2;
      const double lines = std::max(1.0, std::ceil(static_cast<double>(utf8_length(text)) / per_line));
      merged(text, formats_.note(), 15 * lines + 3);
    }
  }

 private:
  void header(const FilledPart& p) {
    bool grouped = false;
    for (const FilledColumn& c : p.columns) grouped = grouped || !c.group.empty();
    lxw_format* h = formats_.header();
    const lxw_row_t top = row_, bottom = grouped ? row_ + 1 : row_;
    auto down = [&](lxw_col_t col, const std::string& text) {
      if (top == bottom) check(worksheet_write_string(ws_, top, col, text.c_str(), h), "header");
      else check(worksheet_merge_range(ws_, top, col, bottom, col, text.c_str(), h), "merging a header");
    };
    down(0, p.row_label);
    for (std::size_t i = 0; i < p.columns.size();) {
      const FilledColumn& c = p.columns[i];
      const auto col = static_cast<lxw_col_t>(i + 1);
      if (c.group.empty()) {
        down(col, c.label);
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < p.columns.size() && p.columns[end].group == c.group) ++end;
      const auto last = static_cast<lxw_col_t>(end);
      if (end - i > 1) check(worksheet_merge_range(ws_, top, col, top, last, c.group.c_str(), h), "merging a group");
      else check(worksheet_write_string(ws_, top, col, c.group.c_str(), h), "group");
      for (std::size_t j = i; j < end; ++j)
        check(worksheet_write_string(ws_, bottom, static_cast<lxw_col_t>(j + 1), p.columns[j].label.c_str(), h), "header");
      i = end;
    }
    worksheet_set_row(ws_, top, grouped ? 22 : 45, nullptr);
    if (grouped) worksheet_set_row(ws_, bottom, 45, nullptr);
    row_ = bottom + 1;
  }

  void body_row(const FilledPart& p, const FilledRow& r, bool bold) {
    check(worksheet_write_string(ws_, row_, 0, r.label.c_str(), formats_.cell("", bold)), "row label");
    for (std::size_t i = 0; i < p.columns.size(); ++i) {
      const FilledColumn& col = p.columns[i];
      const FilledCell& cell = r.cells[i];
      const auto c = static_cast<lxw_col_t>(i + 1);
      const std::string text = cell_text(col, cell);
      if (cell.empty) {
        check(worksheet_write_blank(ws_, row_, c, formats_.cell("", bold)), "cell");
      } else if (cell.no_data || text[0] == '<' || text[0] == '>') {
        check(worksheet_write_string(ws_, row_, c, text.c_str(), formats_.cell("", bold)), "cell");
      } else {
        const double number = col.measure == "ratio" ? cell.value / 100.0 : cell.value;
        check(worksheet_write_number(ws_, row_, c, number, formats_.cell(number_format(col, text), bold)), "cell");
      }
    }
    ++row_;
  }

  lxw_worksheet* ws_;
  Formats formats_;
  std::size_t width_;
  lxw_row_t row_ = 0;
};

// Excel's sheet names: at most 31 characters, none of []:*?/\.
std::string sheet_name(const std::string& title) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < title.size() && chars < 31; ++chars) {
    const std::size_t n = utf8_char_length(title, i);
    std::string ch = title.substr(i, n);
    if (ch.size() == 1 && std::string("[]:*?/\\").find(ch[0]) != std::string::npos) ch = "_";
    out += ch;
    i += n;
  }
  return out.empty() ? "统计表" : out;
}

}  // namespace

std::string form_csv(const FilledForm& f) {
  std::string out = "\xEF\xBB\xBF";
  out += csv_line({f.title});
  out += csv_line({unit_line(f), period_line(f)});
  for (const FilledPart& p : f.parts) {
    out += "\r\n";
    if (!p.title.empty()) out += csv_line({p.title});
    std::vector<std::string> header = {p.row_label};
    for (const FilledColumn& c : p.columns) header.push_back(c.group.empty() ? c.label : c.group + "：" + c.label);
    out += csv_line(header);
    auto row = [&](const FilledRow& r) {
      std::vector<std::string> fields = {r.label};
      for (std::size_t i = 0; i < p.columns.size(); ++i) fields.push_back(cell_text(p.columns[i], r.cells[i]));
      out += csv_line(fields);
    };
    for (const FilledRow& r : p.rows) row(r);
    if (p.totals) row(*p.totals);
  }
  if (!f.notes.empty()) {
    out += "\r\n" + csv_line({"填报说明："});
    for (std::size_t i = 0; i < f.notes.size(); ++i) out += csv_line({std::to_string(i + 1) + ". " + f.notes[i]});
  }
  return out;
}

std::string form_xlsx(const FilledForm& f) {
  TempDir dir;
  const std::string file = dir.path() + "/form.xlsx";
  lxw_workbook_options options = {};
  options.tmpdir = const_cast<char*>(dir.path().c_str());
  lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
  if (!wb) throw Error(Status::io, "writing the workbook: libxlsxwriter could not create it");
  lxw_doc_properties properties = {};
  properties.title = const_cast<char*>(f.title.c_str());
  properties.created = kFixedCreated;
  workbook_set_properties(wb, &properties);
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(f.title).c_str());
  if (!ws) {
    workbook_close(wb);
    throw Error(Status::internal, "writing the workbook: the sheet name was refused");
  }
  const std::size_t width = width_of(f);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_column(ws, 0, 0, 24, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(width - 1), 11, nullptr);
  try {
    SheetWriter w(wb, ws, width);
    w.heads(f);
    for (const FilledPart& p : f.parts) w.part(p);
    w.notes(f.notes);
  } catch (...) {
    workbook_close(wb);
    throw;
  }
  check(workbook_close(wb), "saving");
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw Error(Status::io, "writing the workbook: its temporary file cannot be read back");
  return bytes;
}

}  // namespace fazhi::forms
