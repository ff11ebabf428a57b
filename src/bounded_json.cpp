#include "bounded_json.hpp"

#include <utility>
#include <vector>

namespace fazhi {
namespace {

using json = nlohmann::json;

// Builds the document from nlohmann's SAX events (its parser is iterative),
// refusing a level deeper than the bound when it opens and a key already
// present in its object, before either is built.
class BoundedBuilder {
 public:
  BoundedBuilder(json& out, JsonRefusal& refusal) : root_(out), refusal_(refusal) {}

  bool null() { return put(json(nullptr)); }
  bool boolean(bool v) { return put(json(v)); }
  bool number_integer(json::number_integer_t v) { return put(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
  bool number_float(json::number_float_t v, const json::string_t&) { return put(json(v)); }
  bool string(json::string_t& v) { return put(json(std::move(v))); }
  bool binary(json::binary_t& v) { return put(json::binary(std::move(v))); }

  bool start_object(std::size_t) { return open(json::value_t::object); }
  bool start_array(std::size_t) { return open(json::value_t::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(json::string_t& k) {
    auto& members = open_.back()->get_ref<json::object_t&>();
    // try_emplace leaves `k` alone when the key is present: it is named then.
    auto [it, inserted] = members.try_emplace(std::move(k));
    if (!inserted) {
      refusal_.reason = JsonRefusal::Reason::duplicate_key;
      refusal_.key = it->first;
      refusal_.path = path_.empty() ? std::string() : path_.back();
      return false;
    }
    slot_ = &it->second;
    slot_key_ = &it->first;
    return true;
  }

  template <class Exception>
  bool parse_error(std::size_t position, const std::string&, const Exception& e) {
    refusal_.reason = JsonRefusal::Reason::malformed;
    refusal_.message = e.what();
    refusal_.byte = position;
    return false;
  }

 private:
  // Where the next value goes: the root, the end of the open array, or the
  // slot the last key made in the open object. Addresses stay valid while a
  // container is open: its parent grows only after it has been closed.
  json* put(json&& v) {
    if (open_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    json& top = *open_.back();
    if (top.is_array()) {
      top.get_ref<json::array_t&>().push_back(std::move(v));
      return &top.get_ref<json::array_t&>().back();
    }
    *slot_ = std::move(v);
    return slot_;
  }

  bool open(json::value_t type) {
    if (open_.size() >= kMaxStoredDepth) {
      refusal_.reason = JsonRefusal::Reason::too_deep;
      return false;
    }
    std::string here;  // this container's path, for naming a duplicate key in it
    if (!open_.empty()) {
      const json& top = *open_.back();
      here = path_.back();
      if (top.is_array()) {
        here += "[" + std::to_string(top.size()) + "]";
      } else {
        here += (here.empty() ? "" : ".") + *slot_key_;
      }
    }
    open_.push_back(put(json(type)));
    path_.push_back(std::move(here));
    return true;
  }

  bool close() {
    open_.pop_back();
    path_.pop_back();
    return true;
  }

  json& root_;
  JsonRefusal& refusal_;
  std::vector<json*> open_;        // the open containers, outermost first
  std::vector<std::string> path_;  // the path of each
  json* slot_ = nullptr;                // where the last key's value goes
  const std::string* slot_key_ = nullptr;  // and that key
};

template <class Read>
json read_bounded(JsonRefusal& refusal, Read&& read) {
  refusal = JsonRefusal();
  json out;
  BoundedBuilder sax(out, refusal);
  try {
    if (read(sax)) return out;
  } catch (const json::exception& e) {
    // Thrown by the reader rather than reported to parse_error: unreadable too.
    refusal.reason = JsonRefusal::Reason::malformed;
    refusal.message = e.what();
  }
  if (refusal.reason == JsonRefusal::Reason::none) refusal.reason = JsonRefusal::Reason::malformed;
  return json(json::value_t::discarded);
}

}  // namespace

json read_bounded_json(std::string_view text, JsonRefusal& refusal) {
  return read_bounded(refusal, [&](BoundedBuilder& sax) { return json::sax_parse(text, &sax); });
}

json read_stored_json(std::string_view text) {
  JsonRefusal ignored;
  return read_bounded_json(text, ignored);
}

json read_stored_msgpack(std::string_view bytes) {
  JsonRefusal ignored;
  return read_bounded(ignored, [&](BoundedBuilder& sax) {
    return json::sax_parse(bytes.begin(), bytes.end(), &sax, json::input_format_t::msgpack, true);
  });
}

}  // namespace fazhi
