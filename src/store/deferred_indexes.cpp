#include "store/deferred_indexes.hpp"

#include <utility>
#include <vector>

namespace fazhi::store {

namespace {

constexpr const char* kPrefix = "deferred_index:";

bool ends_with_id(const std::string& column) {
  return column.size() > 3 && column.compare(column.size() - 3, 3, "_id") == 0;
}

// The columns of index `name`, in order.
std::vector<std::string> index_columns(Connection& conn, const std::string& name) {
  auto q = conn.statement("SELECT name FROM pragma_index_info(?) ORDER BY seqno");
  q->bind(1, name);
  std::vector<std::string> columns;
  while (q->executeStep()) columns.push_back(q->getColumn(0).isNull() ? "" : q->getColumn(0).getString());
  return columns;
}

}  // namespace

void DeferredIndexes::defer(const std::string& table) {
  if (!seen_.insert(table).second || table == "org_unit") return;
  // Candidates first: DROP INDEX must not run while a statement reads the
  // schema.
  std::vector<std::pair<std::string, std::string>> found;  // name, CREATE statement
  {
    auto q = conn_.statement(
        "SELECT l.name, m.sql FROM pragma_index_list(?) l JOIN sqlite_schema m "
        "ON m.type = 'index' AND m.name = l.name "
        "WHERE l.\"unique\" = 0 AND l.partial = 0 AND l.origin = 'c' AND m.sql IS NOT NULL");
    q->bind(1, table);
    while (q->executeStep()) found.emplace_back(q->getColumn(0).getString(), q->getColumn(1).getString());
  }
  for (const auto& [name, sql] : found) {
    const std::vector<std::string> columns = index_columns(conn_, name);
    const bool reporting =
        !columns.empty() && (columns.front() == "unit_id" || (columns.size() == 1 && ends_with_id(columns.front())));
    if (!reporting) continue;
    auto record = conn_.statement("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)");
    record->bind(1, kPrefix + name);
    record->bind(2, sql);
    record->exec();
    conn_.exec("DROP INDEX \"" + name + "\"");
  }
}

std::size_t DeferredIndexes::restore() {
  std::vector<std::pair<std::string, std::string>> recorded;  // meta name, CREATE statement
  {
    auto q = conn_.statement("SELECT name, value FROM meta WHERE substr(name, 1, ?) = ? ORDER BY name");
    q->bind(1, static_cast<int>(std::char_traits<char>::length(kPrefix)));
    q->bind(2, kPrefix);
    while (q->executeStep()) recorded.emplace_back(q->getColumn(0).getString(), q->getColumn(1).getString());
  }
  std::size_t built = 0;
  for (const auto& [meta_name, sql] : recorded) {
    const std::string index = meta_name.substr(std::char_traits<char>::length(kPrefix));
    bool exists = false;
    {
      auto q = conn_.statement("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?");
      q->bind(1, index);
      exists = q->executeStep();
    }
    if (!exists) {
      conn_.exec(sql);
      ++built;
    }
    auto done = conn_.statement("DELETE FROM meta WHERE name = ?");
    done->bind(1, meta_name);
    done->exec();
  }
  seen_.clear();
  return built;
}

std::size_t DeferredIndexes::pending(Connection& conn) {
  auto q = conn.statement("SELECT count(*) FROM meta WHERE substr(name, 1, ?) = ?");
  q->bind(1, static_cast<int>(std::char_traits<char>::length(kPrefix)));
  q->bind(2, kPrefix);
  q->executeStep();
  return static_cast<std::size_t>(q->getColumn(0).getInt64());
}

}  // namespace fazhi::store
