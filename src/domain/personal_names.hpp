// personal_names.hpp — the names the database holds, found through what the
// kinds declare: fields personal() (mediation parties who are persons,
// petitioners, 法律明白人, enforcement officers, advisers) and fields
// organisational() (units, committees, law firms, courts, reviewing and filing
// bodies), plus parties of type organisation. Documents for readers outside
// the office (the annual report, the full-process record document, a masked
// export) mask every personal name and never an organisational one.
#pragma once

#include "domain/name_mask.hpp"
#include "store/sqlite.hpp"

#include <string>
#include <vector>

namespace fazhi::domain {

// Every distinct personal name held, sorted, without empty ones.
std::vector<std::string> personal_names(store::Connection& conn);

// Every distinct organisational name held, sorted, without empty ones.
std::vector<std::string> organisation_names(store::Connection& conn);

// A mask of every personal name held that leaves organisational names alone.
NameMask held_names_mask(store::Connection& conn);

}  // namespace fazhi::domain
