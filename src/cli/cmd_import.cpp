// fazhi import DB FILE...: loads NDJSON records and actions, and records
// from spreadsheets: a .csv file, or each worksheet of an .xlsx workbook.
//
// A spreadsheet's rows become NDJSON record lines (table_records.hpp) and go
// the NDJSON way below, so that codes, labels, rules, batches, --dry-run and
// --insert-only behave alike; the messages name the sheet, row and column in
// place of the line.
//
// Each file is fed to fz_import in chunks of whole lines rather than through
// fz_import_file, so that a long file shows progress and never has to be held
// in memory at once. Chunks are applied in order, each committed before the
// next, so a line may still refer to records defined earlier in the file.
//
// A large import is a bulk load (fz_bulk_begin): the reporting indexes are
// built again once at the end instead of being rewritten page by page.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <system_error>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "console.hpp"
#include "csv_reader.hpp"
#include "import_summary.hpp"
#include "library.hpp"
#include "line_chunks.hpp"
#include "progress.hpp"
#include "table_records.hpp"
#include "utf8_text.hpp"
#include "xlsx_reader.hpp"
#include "validators.hpp"

namespace fazhi::cli {

namespace {

constexpr std::int64_t kDefaultChunkLines = 10000;

struct ImportArgs {
  std::string db;
  std::vector<std::string> files;
  std::optional<std::string> mode;
  std::optional<std::int64_t> batch;
  std::optional<std::string> actor;
  bool quiet = false;
  bool dry_run = false;
  bool insert_only = false;
  std::string bulk = "auto";
  std::int64_t chunk_lines = kDefaultChunkLines;
};

// --bulk auto: a bulk load when the input is at least 16 MiB and at least a
// sixteenth of the database (with its WAL), where rebuilding the reporting
// indexes once costs less than maintaining them row by row (README,
// Performance).
constexpr std::uintmax_t kBulkMinBytes = 16u << 20;

std::uintmax_t size_or_zero(const std::string& path) {
  std::error_code ec;
  const std::uintmax_t n = std::filesystem::file_size(path, ec);
  return ec ? 0 : n;
}

bool use_bulk(const ImportArgs& args) {
  if (args.dry_run) return false;  // a dry run is rolled back; indexes stay as they are
  if (args.bulk != "auto") return args.bulk == "on";
  std::uintmax_t input = 0;
  for (const std::string& file : args.files) input += size_or_zero(file);
  const std::uintmax_t database = size_or_zero(args.db) + size_or_zero(args.db + "-wal");
  return input >= kBulkMinBytes && input >= database / 16;
}

// A chunk holds whole batches, so that --batch N means N rows per
// transaction everywhere in the file, not only inside a chunk.
std::int64_t lines_per_chunk(const ImportArgs& args) {
  if (!args.batch) return args.chunk_lines;
  const std::int64_t batch = *args.batch;
  return (args.chunk_lines + batch - 1) / batch * batch;
}

std::string import_options(const ImportArgs& args) {
  nlohmann::json options = nlohmann::json::object();
  if (args.mode) options["mode"] = *args.mode;
  if (args.batch) options["batch"] = *args.batch;
  if (args.actor) options["actor"] = *args.actor;
  // A dry run spans every chunk of every file: the command holds one host
  // transaction (fz_begin) and rolls it back, and has each line listed.
  if (args.dry_run) options["list_changes"] = true;
  if (args.insert_only) options["insert_only"] = true;
  return options.dump();
}

std::string gbk_hint(const std::string& file) {
  return "提示: " + file +
         " 含有非 UTF-8 字节, 可能是 GBK 编码 (记事本的 \"ANSI\"); 可用 iconv -f GBK -t UTF-8 "
         "转换后再导入\n";
}

// "第 5 行" or "第 10001-20000 行 (之前的行已导入)": where a failed call
// stopped, and that the chunks before it stay imported.
std::string line_range(const LineChunk& chunk) {
  const std::int64_t last = chunk.first_line + chunk.lines - 1;
  std::string range = "第 " + std::to_string(chunk.first_line);
  if (last != chunk.first_line) range += "-" + std::to_string(last);
  range += " 行";
  if (chunk.first_line > 1) range += " (之前的行已导入)";
  return range;
}

// Imports one file; returns false when lines were rejected (already listed).
bool import_file(fz_db* db, const std::string& file, const ImportArgs& args,
                 const std::string& options) {
  LineChunkReader reader(file, lines_per_chunk(args));
  Progress progress("导入 " + file, reader.size(), !args.quiet);
  ImportSummary summary;
  LineChunk chunk;
  std::int64_t lines_done = 0;
  bool invalid_utf8 = false;

  // Shows what was imported (also before a failure stops the file), then
  // the errors, then the likely cause when the bytes were not UTF-8.
  const auto report = [&](bool failed) {
    progress.finish(lines_done, chunk.bytes_read);
    if (args.dry_run) console::out(summary.change_lines(file));
    console::out(file + ": " + (args.dry_run ? "试导入（未写入）" : "") + summary.totals() + "\n");
    console::err(summary.warning_lines(file));
    console::err(summary.error_lines(file));
    if (invalid_utf8 && (failed || !summary.errors().empty())) console::err(gbk_hint(file));
  };

  for (;;) {
    bool more = false;
    try {
      more = reader.next(chunk);
    } catch (const CliError&) {
      report(true);  // what the earlier chunks imported, then the error
      throw;
    }
    if (!more) break;
    invalid_utf8 = invalid_utf8 || !is_valid_utf8(chunk.text);
    FzText result;
    const fz_status status =
        fz_import(db, chunk.text.data(), chunk.text.size(), options.c_str(), result.out());
    if (status != FZ_OK) {
      report(true);
      check(status, "导入 " + file + " " + line_range(chunk));
    }
    summary.add(result.json("导入 " + file), chunk.first_line);
    lines_done += chunk.lines;
    progress.update(lines_done, chunk.bytes_read);
  }
  report(false);
  return summary.rejected() == 0 && summary.errors().empty();
}

// The file's extension, lower case: ".csv", ".xlsx", ...
std::string extension(const std::string& file) {
  std::string ext = std::filesystem::path(file).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

nlohmann::json labels(fz_db* db, const std::string& set) {
  FzText out;
  check(fz_labels(db, set.c_str(), out.out()), "读取 " + set);
  return out.json("读取 " + set);
}

RecordSchema record_schema(fz_db* db) {
  RecordSchema schema;
  schema.kinds = labels(db, "kinds");
  schema.types = labels(db, "types");
  schema.labels = nlohmann::json::object();
  for (auto it = schema.kinds.begin(); it != schema.kinds.end(); ++it)
    schema.labels[it.key()] = labels(db, it.key());
  return schema;
}

// Imports one table (a CSV file or a worksheet) as the NDJSON lines of its
// rows; returns false when rows were rejected (already listed).
bool import_table(fz_db* db, const Table& table, const RecordSchema& schema, const ImportArgs& args,
                  const std::string& options) {
  const std::string name = table_name(table);
  const TableRecords records = table_records(table, schema);
  // Line n of the records is row rows[n - 1] of the sheet; the field the
  // library names is shown as the column that holds it.
  const LineLocator where = [&](std::optional<std::int64_t> line, const std::string& field) {
    std::string out = name;
    if (line && *line >= 1 && static_cast<std::size_t>(*line) <= records.rows.size())
      out += " 第 " + std::to_string(records.rows[static_cast<std::size_t>(*line - 1)]) + " 行";
    if (!field.empty()) {
      const std::string column = records.column_of(field);
      out += column.empty() ? ": " + field : " " + column;
      if (!column.empty() && !records.columns.count(field)) out += ": " + field;  // a part: parties[0].name
    }
    return out;
  };
  ImportSummary summary;
  const auto report = [&] {
    if (args.dry_run) console::out(summary.change_lines(where));
    console::out(name + ": " + (args.dry_run ? "试导入（未写入）" : "") + summary.totals() + "\n");
    console::err(summary.warning_lines(where));
    console::err(summary.error_lines(where));
  };
  const auto per_chunk = static_cast<std::size_t>(lines_per_chunk(args));
  for (std::size_t first = 0; first < records.lines.size(); first += per_chunk) {
    const std::size_t end = std::min(records.lines.size(), first + per_chunk);
    std::string text;
    for (std::size_t i = first; i < end; ++i) text += records.lines[i] + "\n";
    FzText result;
    const fz_status status = fz_import(db, text.data(), text.size(), options.c_str(), result.out());
    if (status != FZ_OK) {
      report();
      std::string rows = "第 " + std::to_string(records.rows[first]);
      if (end - first > 1) rows += "-" + std::to_string(records.rows[end - 1]);
      check(status, "导入 " + name + " " + rows + " 行" + (first > 0 ? " (之前的行已导入)" : ""));
    }
    summary.add(result.json("导入 " + name), static_cast<std::int64_t>(first) + 1);
  }
  report();
  return summary.rejected() == 0 && summary.errors().empty();
}

// A workbook's worksheets in order; an empty sheet (Excel's Sheet2) is
// passed over.
bool import_workbook(fz_db* db, const std::string& file, const RecordSchema& schema, const ImportArgs& args,
                     const std::string& options) {
  const XlsxWorkbook workbook(file);
  bool all_accepted = true;
  const std::vector<std::string> sheets = workbook.sheet_names();
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const Table table = workbook.read_sheet(i);
    if (table.rows.empty()) continue;
    all_accepted = import_table(db, table, schema, args, options) && all_accepted;
  }
  return all_accepted;
}

void run_import(const ImportArgs& args) {
  Database db(args.db, {{"create", false}});
  const std::string options = import_options(args);
  const bool bulk = use_bulk(args);
  // A failure below leaves the load open; closing the handle ends it.
  if (bulk) check(fz_bulk_begin(db.get()), "开始批量导入");
  if (args.dry_run) check(fz_begin(db.get()), "开始试导入");
  bool all_accepted = true;
  std::optional<RecordSchema> schema;  // read once, for the first spreadsheet
  for (const std::string& file : args.files) {
    const std::string ext = extension(file);
    if ((ext == ".csv" || ext == ".xlsx") && !schema) schema = record_schema(db.get());
    if (ext == ".csv")
      all_accepted = import_table(db.get(), read_csv(file), *schema, args, options) && all_accepted;
    else if (ext == ".xlsx")
      all_accepted = import_workbook(db.get(), file, *schema, args, options) && all_accepted;
    else
      all_accepted = import_file(db.get(), file, args, options) && all_accepted;
  }
  if (args.dry_run) check(fz_rollback(db.get()), "撤销试导入");
  if (bulk) {
    if (!args.quiet) console::err("重建统计索引…\n");
    check(fz_bulk_end(db.get(), nullptr), "重建统计索引");
  }
  db.close();
  if (!all_accepted) throw SilentFailure(kExitData);
}

}  // namespace

void add_import_command(CLI::App& app) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "导入 NDJSON 记录 (每行一个 {\"record\": ...}), 或 CSV / Excel (.xlsx) 表格 (每表一种记录, "
      "表头为字段代码或名称); 有被拒绝的行时退出码为 1");
  cmd->add_option("DB", args->db, "数据库文件")->required()->check(existing_database());
  cmd->add_option("FILE", args->files,
                  "按顺序导入的文件: .csv (UTF-8, 文件名或 record 列为记录类型), .xlsx (每个工作表一种记录, "
                  "工作表名为记录类型), 其他为 NDJSON")
      ->required()
      ->check(input_file());
  cmd->add_option("--mode", args->mode,
                  "strict: 违反规定的行被拒绝 (默认); historical: 照录, 违规记为问题")
      ->check(CLI::IsMember({"strict", "historical"}));
  cmd->add_option("--batch", args->batch, "每个事务的行数 (默认 1000)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--actor", args->actor, "记入日志的操作人");
  cmd->add_flag("-q,--quiet", args->quiet, "不显示进度");
  cmd->add_flag("--dry-run", args->dry_run, "试导入: 逐行列出将新增、更新、未变或拒绝的记录, 不写入数据库");
  cmd->add_flag("--insert-only", args->insert_only, "只新增: 编号已存在的记录行被拒绝, 不覆盖已有记录");
  cmd->add_option("--bulk", args->bulk,
                  "批量导入: 统计索引在导入结束时一次重建 (on), 逐行维护 (off), 或按输入大小决定 "
                  "(auto, 默认: 输入不少于 16 MiB 且不少于数据库的 1/16)")
      ->check(CLI::IsMember({"auto", "on", "off"}));
  // Lets the tests cross chunk boundaries with small files; not for users.
  cmd->add_option("--chunk-lines", args->chunk_lines)
      ->check(CLI::PositiveNumber)
      ->group("");
  cmd->callback([args] { run_import(*args); });
}

}  // namespace fazhi::cli
