// The summary of importing one file, added up over the chunks it was fed in.
//
// fz_import numbers lines from 1 within the buffer it is given; the command
// feeds a file in chunks, so each chunk's error lines are shifted by the
// chunk's first line to name the line of the file the user can open.
#ifndef FAZHI_CLI_IMPORT_SUMMARY_HPP
#define FAZHI_CLI_IMPORT_SUMMARY_HPP

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace fazhi::cli {

// An update the library warned of (fz_import's "warnings").
struct WarnedLine {
  std::optional<std::int64_t> line;
  std::string kind, key, message;
};

// What one line did or would do (fz_import's "changes").
struct ChangedLine {
  std::int64_t line = 0;
  std::string kind, key, change;
};

struct RejectedLine {
  std::optional<std::int64_t> line;  // in the file; absent if the library named none
  std::string field;                 // may be empty
  std::string message;
};

// Where a line of the input is, for messages: given the line (absent when
// the library named none) and the field ("" for none), the text before the
// message: "FILE:LINE: field" for NDJSON; for a spreadsheet the file, sheet,
// row and the column of the field.
using LineLocator = std::function<std::string(std::optional<std::int64_t> line, const std::string& field)>;

class ImportSummary {
 public:
  // Adds one fz_import summary for a chunk starting at line first_line.
  void add(const nlohmann::json& chunk_summary, std::int64_t first_line);

  std::int64_t read() const { return read_; }
  std::int64_t rejected() const { return rejected_; }
  const std::vector<RejectedLine>& errors() const { return errors_; }
  const std::vector<WarnedLine>& warnings() const { return warnings_; }
  const std::vector<ChangedLine>& changes() const { return changes_; }

  // "读取 15 行，新增 12，更新 0，未变 3，拒绝 0" (动作 N when any).
  std::string totals() const;
  // "FILE:LINE: field: message", one per error, each ending in '\n'.
  std::string error_lines(const std::string& file) const { return error_lines(ndjson_locator(file)); }
  // "FILE:LINE: 警告: kind key: message", one per warning.
  std::string warning_lines(const std::string& file) const { return warning_lines(ndjson_locator(file)); }
  // "FILE:LINE: 新增 kind key" (更新, 未变, 动作, 拒绝), one per listed line.
  std::string change_lines(const std::string& file) const { return change_lines(ndjson_locator(file)); }

  // The same, each line starting with where(line, field) in place of
  // "FILE:LINE: field".
  std::string error_lines(const LineLocator& where) const;
  std::string warning_lines(const LineLocator& where) const;
  std::string change_lines(const LineLocator& where) const;

  // "FILE:LINE: field", "FILE:LINE", "FILE: field" or "FILE".
  static LineLocator ndjson_locator(const std::string& file);

 private:
  std::int64_t read_ = 0;
  std::int64_t inserted_ = 0;
  std::int64_t updated_ = 0;
  std::int64_t unchanged_ = 0;
  std::int64_t actions_ = 0;
  std::int64_t rejected_ = 0;
  std::vector<RejectedLine> errors_;
  std::vector<WarnedLine> warnings_;
  std::vector<ChangedLine> changes_;
};

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_IMPORT_SUMMARY_HPP
