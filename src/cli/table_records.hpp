// Turns a Table (a CSV file or a worksheet) into the NDJSON record lines
// that fz_import takes, so that a spreadsheet is imported by the very path
// an NDJSON file is: the same codes or Chinese labels, validation, rules,
// batches, dry run and summary.
//
// The layout, one table per record kind:
//   * The first row holds the headers: a field's code ("received") or its
//     Chinese label ("受理日期", as `fazhi kinds KIND` lists them); "key" or
//     "编号" for the record's key; "ext" for the host's own fields (a JSON
//     object); "field.part" (or "标签.part") for a part of an object field
//     ("legality_review.completed").
//   * The kind is named by a "record" (or "记录类型") column, by code or
//     label, in every row; without one, by the sheet's name or the file's
//     name without its extension (mediation_case.csv, 矛盾纠纷调解案件.csv).
//     The column is "record", not "kind", as in NDJSON: several kinds have a
//     field of their own named "kind".
//   * Each further row is one record (a put): an empty cell leaves its
//     field out, and a row with no cell at all is skipped. Actions (closing
//     a case, ...) are NDJSON lines; fields that actions set or that fazhi
//     derives are refused as headers.
//   * A cell's text loses its surrounding white space and is converted by
//     the field's type (fz_labels "types"): integers and numbers as JSON
//     numbers, booleans from true/false, 是/否, 1/0; dates from date cells or
//     as text, 2022-03-05, 2022/3/5, 2022.3.5 or 2022年3月5日; lists split at
//     、 ; ； or line breaks (or a JSON array); objects and object lists as
//     JSON. A cell that does not convert is passed on as text, so that the
//     library refuses it with its own message naming the field.
// A header that names no field, or names one twice, stops the table before
// anything is imported.
#ifndef FAZHI_CLI_TABLE_RECORDS_HPP
#define FAZHI_CLI_TABLE_RECORDS_HPP

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "table.hpp"

namespace fazhi::cli {

// The kinds and their fields as the library declares them (fz_labels
// "kinds", "<kind>" and "types").
struct RecordSchema {
  nlohmann::json kinds;   // kind -> label
  nlohmann::json labels;  // kind -> {field -> label}, every field
  nlohmann::json types;   // kind -> {field -> type}, the fields a put takes

  // The kind named by code or label; empty when none.
  std::string find_kind(const std::string& name) const;
};

struct TableRecords {
  std::string kind;                  // the table's kind
  std::vector<std::string> lines;    // NDJSON, one per data row, no newline
  std::vector<std::int64_t> rows;    // the row number of each line
  // The column of each field given, and of "key" and "record": field (or
  // "field.part") -> (0-based column, header text).
  std::map<std::string, std::pair<std::int64_t, std::string>> columns;

  // "D 列“受理日期”" for the column of a field the library named
  // ("received", "parties[0].name", "legality_review.result"); empty when
  // no column holds it (a field the library derived, e.g. "unit" from the
  // committee).
  std::string column_of(const std::string& field) const;
};

// Throws CliError (exit 1) naming the table when its kind cannot be told or
// a header names no field it may give.
TableRecords table_records(const Table& table, const RecordSchema& schema);

// "cases.xlsx 工作表“调解案件”" or "cases.csv": the table in messages.
std::string table_name(const Table& table);

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_TABLE_RECORDS_HPP
