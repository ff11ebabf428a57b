// storage.hpp — where a database's bytes go: pages per table, each table's
// indexes counted with it (SQLite's dbstat virtual table, which Debian's
// SQLite has), and the free pages. The journal's bytes include its
// dictionary of names, journal_name.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace bench {

struct Storage {
  std::uint64_t file_bytes = 0;                      // page_count * page_size
  std::uint64_t free_bytes = 0;                      // freelist pages
  std::map<std::string, std::uint64_t> table_bytes;  // table (with its indexes) -> bytes;
                                                     // "journal" with journal_name
  bool available = false;                            // dbstat could be read
  std::string why_not;
};

Storage measure_storage(const std::string& path);

}  // namespace bench
