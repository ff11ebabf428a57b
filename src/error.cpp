#include <fazhi/error.hpp>

#include "quote.hpp"

namespace fazhi {

namespace {

std::string with_field(const std::string& field, const std::string& message) {
  return field.empty() ? message : field + ": " + message;
}

}  // namespace

Error::Error(Status status, const std::string& field, const std::string& message)
    : std::runtime_error(with_field(bounded(field), message)),
      status_(status),
      field_(bounded(field)) {}

const char* status_name(Status s) noexcept {
  switch (s) {
    case Status::ok: return "ok";
    case Status::argument: return "argument";
    case Status::not_found: return "not_found";
    case Status::rule: return "rule";
    case Status::conflict: return "conflict";
    case Status::busy: return "busy";
    case Status::io: return "io";
    case Status::corrupt: return "corrupt";
    case Status::version: return "version";
    case Status::nomem: return "nomem";
    case Status::internal: return "internal";
  }
  return "unknown";
}

}  // namespace fazhi
