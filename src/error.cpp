#include <fazhi/error.hpp>

namespace fazhi {

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
