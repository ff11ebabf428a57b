#include "import_summary.hpp"

#include <utility>

namespace fazhi::cli {

namespace {

// A count the library did not report (e.g. an older library without
// "unchanged") is zero rather than an error: the summary is informative.
std::int64_t count(const nlohmann::json& summary, const char* name) {
  const auto it = summary.find(name);
  return it != summary.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

std::string text(const nlohmann::json& object, const char* name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

void ImportSummary::add(const nlohmann::json& chunk_summary, std::int64_t first_line) {
  read_ += count(chunk_summary, "read");
  inserted_ += count(chunk_summary, "inserted");
  updated_ += count(chunk_summary, "updated");
  unchanged_ += count(chunk_summary, "unchanged");
  actions_ += count(chunk_summary, "actions");
  rejected_ += count(chunk_summary, "rejected");
  if (const auto w = chunk_summary.find("warnings"); w != chunk_summary.end() && w->is_array()) {
    for (const auto& warning : *w) {
      if (!warning.is_object()) continue;
      WarnedLine warned;
      const auto line = warning.find("line");
      if (line != warning.end() && line->is_number_integer())
        warned.line = first_line - 1 + line->get<std::int64_t>();
      warned.kind = text(warning, "kind");
      warned.key = text(warning, "key");
      warned.message = text(warning, "message");
      warnings_.push_back(std::move(warned));
    }
  }
  if (const auto c = chunk_summary.find("changes"); c != chunk_summary.end() && c->is_array()) {
    for (const auto& change : *c) {
      if (!change.is_object() || !change.contains("line") || !change["line"].is_number_integer()) continue;
      changes_.push_back({first_line - 1 + change["line"].get<std::int64_t>(), text(change, "kind"),
                          text(change, "key"), text(change, "change")});
    }
  }
  const auto errors = chunk_summary.find("errors");
  if (errors == chunk_summary.end() || !errors->is_array()) return;
  for (const auto& error : *errors) {
    if (!error.is_object()) continue;
    RejectedLine rejected;
    const auto line = error.find("line");
    if (line != error.end() && line->is_number_integer()) {
      rejected.line = first_line - 1 + line->get<std::int64_t>();
    }
    rejected.field = text(error, "field");
    rejected.message = text(error, "message");
    errors_.push_back(std::move(rejected));
  }
}

std::string ImportSummary::totals() const {
  std::string out = "读取 " + std::to_string(read_) + " 行，新增 " + std::to_string(inserted_) +
                    "，更新 " + std::to_string(updated_) + "，未变 " +
                    std::to_string(unchanged_);
  if (actions_ > 0) out += "，动作 " + std::to_string(actions_);
  out += "，拒绝 " + std::to_string(rejected_);
  return out;
}

LineLocator ImportSummary::ndjson_locator(const std::string& file) {
  return [file](std::optional<std::int64_t> line, const std::string& field) {
    std::string out = file;
    if (line) out += ":" + std::to_string(*line);
    if (!field.empty()) out += ": " + field;
    return out;
  };
}

std::string ImportSummary::error_lines(const LineLocator& where) const {
  std::string out;
  for (const RejectedLine& error : errors_) out += where(error.line, error.field) + ": " + error.message + "\n";
  return out;
}

std::string ImportSummary::warning_lines(const LineLocator& where) const {
  std::string out;
  for (const WarnedLine& w : warnings_)
    out += where(w.line, "") + ": 警告: " + w.kind + " " + w.key + ": " + w.message + "\n";
  return out;
}

std::string ImportSummary::change_lines(const LineLocator& where) const {
  static const std::pair<const char*, const char*> words[] = {
      {"inserted", "新增"}, {"updated", "更新"}, {"unchanged", "未变"}, {"action", "动作"}, {"rejected", "拒绝"}};
  std::string out;
  for (const ChangedLine& c : changes_) {
    std::string word = c.change;
    for (const auto& [code, label] : words)
      if (c.change == code) word = label;
    out += where(c.line, "") + ": " + word;
    if (!c.kind.empty()) out += " " + c.kind;
    if (!c.key.empty()) out += " " + c.key;
    out += "\n";
  }
  return out;
}

}  // namespace fazhi::cli
