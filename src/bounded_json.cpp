#include "bounded_json.hpp"

namespace fazhi {
namespace {

using json = nlohmann::json;

// nlohmann's own document builder, refusing a level deeper than the bound
// when it starts, that is before the reader recurses into it.
class BoundedDom {
 public:
  explicit BoundedDom(json& out) : dom_(out, false) {}

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const json::string_t& s) { return dom_.number_float(v, s); }
  bool string(json::string_t& v) { return dom_.string(v); }
  bool binary(json::binary_t& v) { return dom_.binary(v); }
  bool key(json::string_t& k) { return dom_.key(k); }
  bool start_object(std::size_t n) { return ++depth_ <= kMaxStoredDepth && dom_.start_object(n); }
  bool end_object() {
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t n) { return ++depth_ <= kMaxStoredDepth && dom_.start_array(n); }
  bool end_array() {
    --depth_;
    return dom_.end_array();
  }
  template <class Exception>
  bool parse_error(std::size_t, const std::string&, const Exception&) {
    return false;
  }

 private:
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::size_t depth_ = 0;
};

template <class Read>
json read_bounded(Read&& read) {
  json out;
  BoundedDom sax(out);
  try {
    if (read(sax)) return out;
  } catch (const json::exception&) {
    // A malformed number or the like: unreadable, as below.
  }
  return json(json::value_t::discarded);
}

}  // namespace

json read_stored_json(std::string_view text) {
  return read_bounded([&](BoundedDom& sax) { return json::sax_parse(text, &sax); });
}

json read_stored_msgpack(std::string_view bytes) {
  return read_bounded([&](BoundedDom& sax) {
    return json::sax_parse(bytes.begin(), bytes.end(), &sax, json::input_format_t::msgpack, true);
  });
}

}  // namespace fazhi
