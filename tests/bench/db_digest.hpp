// db_digest.hpp — proof that the import variants wrote the same thing: a
// SHA-256 over the rows of each table in a fixed order, every value with its
// type, so that two databases can be compared without both existing at once
// (a 15-million-case database is tens of GB).
//
//   cases     mediation_case, every column, id included;
//   journal   every entry but its time and hash (which differ from run to
//             run), i.e. seq, actor, kind, key, record_id, op, change, with
//             actor, kind and op as their names in journal_name and the
//             change as its canonical JSON (field names for their codes);
//   findings  finding, every column but its id.
//
// And fz_journal_verify's verdict on the chain.
#pragma once

#include <cstdint>
#include <string>

namespace bench {

struct TableDigest {
  std::int64_t rows = 0;
  std::string sha256;
  bool operator==(const TableDigest& o) const { return rows == o.rows && sha256 == o.sha256; }
  bool operator!=(const TableDigest& o) const { return !(*this == o); }
};

struct DbDigest {
  TableDigest cases, journal, findings;
  int case_columns = 0;
  bool journal_ok = false;      // fz_journal_verify_with {"records": false}: the chain holds
  std::string journal_message;  // its message
};

DbDigest digest_database(const std::string& path);

}  // namespace bench
