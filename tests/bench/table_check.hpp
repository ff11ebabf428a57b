// table_check.hpp — proof that the two import paths wrote the same thing: the
// mediation_case tables of the fazhi and the raw database hold the same rows,
// every column compared (id included).
#pragma once

#include <cstdint>
#include <string>

namespace bench {

struct TableCheck {
  std::int64_t fazhi_rows = 0, raw_rows = 0;
  std::int64_t only_in_fazhi = 0, only_in_raw = 0;
  int columns = 0;
  bool same() const { return fazhi_rows == raw_rows && only_in_fazhi == 0 && only_in_raw == 0; }
};

TableCheck compare_case_tables(const std::string& fazhi_path, const std::string& raw_path);

}  // namespace bench
