// unit_tree.hpp — the org-unit tree as queries use it.
//
// Every org_unit row keeps its materialised path, the ids from the root down
// ("/1/5/23/", maintained by the org_unit kind, org_unit.cpp), so "this unit
// and everything below it" is one range of paths on an index: [lo, hi), hi
// being lo with its last '/' replaced by '0' (the next byte in ASCII).
// Everything that scopes to a subtree (lists, findings, indicators, exports,
// reports) goes through here.
#pragma once

#include "store/sqlite.hpp"

#include <cstdint>
#include <string>
#include <utility>

namespace fazhi::domain {

// The path range [lo, hi) of `unit_key`'s subtree; throws Error(not_found,
// "unit") naming the key.
std::pair<std::string, std::string> subtree_range(store::Connection& conn,
                                                  const std::string& unit_key);

// SQL: `column` (an org_unit id) lies in the subtree whose range is bound to
// the two next positional parameters, lo then hi.
std::string in_subtree(const std::string& column);

// How many units the subtree holds, and the tree as a whole (all roots): the
// indicator engine chooses its plan by their ratio.
std::int64_t units_in_range(store::Connection& conn, const std::string& lo, const std::string& hi);
std::int64_t units_in_all(store::Connection& conn);

}  // namespace fazhi::domain
