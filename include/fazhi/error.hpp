// error.hpp — how fazhi's C++ API reports failure.
//
// Every failure is thrown as fazhi::Error carrying a Status that maps one to one
// onto the C ABI's fz_status codes, and a UTF-8 message that names the field or
// the rule (rule messages cite their statutory source).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace fazhi {

// Values equal the FZ_* codes of fazhi.h; never renumbered, only appended.
enum class Status : std::int32_t {
  ok = 0,
  argument = 1,   // malformed call or record: unknown field, wrong type, bad code
  not_found = 2,  // no record with that key
  rule = 3,       // a statutory or domain rule forbids it
  conflict = 4,   // duplicate key, reference in use, closed record
  busy = 5,       // database locked longer than the busy timeout
  io = 6,         // file cannot be opened, read or written
  corrupt = 7,    // not a fazhi database, or damaged
  version = 8,    // made by a newer fazhi
  nomem = 9,
  internal = 10,
};

// Stable lower-case name of a status ("argument", "rule", ...).
const char* status_name(Status s) noexcept;

class Error : public std::runtime_error {
 public:
  Error(Status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  // An error about one field: the message reads "<field>: <message>" and
  // field() returns the field so import summaries can report it separately.
  // A field name longer than 200 bytes (a caller's unknown option, say) is
  // cut, with its length stated, as every caller value in a message is.
  Error(Status status, const std::string& field, const std::string& message);

  Status status() const noexcept { return status_; }
  const std::string& field() const noexcept { return field_; }

 private:
  Status status_;
  std::string field_;
};

}  // namespace fazhi
