#include "domain/unit_tree.hpp"

#include "nearest.hpp"
#include "domain/record_store.hpp"
#include "quote.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {

std::pair<std::string, std::string> subtree_range(store::Connection& conn,
                                                  const std::string& unit_key) {
  auto q = conn.statement("SELECT path FROM org_unit WHERE key = ?");
  q->bind(1, unit_key);
  if (!q->executeStep()) {
    q->reset();
    throw Error(Status::not_found, "unit",
                "no org_unit with key " + quote(unit_key) + nearest_keys(conn, org_unit_kind(), unit_key));
  }
  std::string lo = q->getColumn(0).getString();
  std::string hi = lo;
  hi.back() = '0';
  return {lo, hi};
}

std::string in_subtree(const std::string& column) {
  return column + " IN (SELECT id FROM org_unit WHERE path >= ? AND path < ?)";
}

std::int64_t units_in_range(store::Connection& conn, const std::string& lo, const std::string& hi) {
  auto q = conn.statement("SELECT count(*) FROM org_unit WHERE path >= ? AND path < ?");
  q->bind(1, lo);
  q->bind(2, hi);
  q->executeStep();
  const std::int64_t n = q->getColumn(0).getInt64();
  return n;
}

std::int64_t units_in_all(store::Connection& conn) {
  auto q = conn.statement("SELECT count(*) FROM org_unit");
  q->executeStep();
  const std::int64_t n = q->getColumn(0).getInt64();
  return n;
}

}  // namespace fazhi::domain
