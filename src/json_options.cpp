#include "json_options.hpp"

#include "nearest.hpp"
#include "quote.hpp"

#include <fazhi/error.hpp>

namespace fazhi {

using json = nlohmann::json;

JsonOptions::JsonOptions(const json& value, std::string what) : what_(std::move(what)) {
  if (value.is_null()) return;
  if (!value.is_object()) throw Error(Status::argument, what_, "expected a JSON object");
  object_ = &value;
}

const json* JsonOptions::find(const std::string& key) {
  if (object_ == nullptr) return nullptr;
  asked_.insert(key);
  auto it = object_->find(key);
  if (it == object_->end()) return nullptr;
  read_.insert(key);
  return &*it;
}

std::optional<std::string> JsonOptions::text(const std::string& key) {
  const json* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) throw Error(Status::argument, key, "expected a string");
  return v->get<std::string>();
}

std::optional<bool> JsonOptions::flag(const std::string& key) {
  const json* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) throw Error(Status::argument, key, "expected true or false");
  return v->get<bool>();
}

std::optional<std::int64_t> JsonOptions::integer(const std::string& key, std::int64_t min,
                                                 std::int64_t max) {
  const json* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer() || (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)))
    throw Error(Status::argument, key, "expected an integer");
  const std::int64_t n = v->get<std::int64_t>();
  if (n < min || n > max)
    throw Error(Status::argument, key,
                "expected an integer from " + std::to_string(min) + " to " + std::to_string(max));
  return n;
}

std::optional<std::vector<std::string>> JsonOptions::texts(const std::string& key) {
  const json* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_array()) throw Error(Status::argument, key, "expected a list of strings");
  std::vector<std::string> out;
  for (const json& item : *v) {
    if (!item.is_string()) throw Error(Status::argument, key, "expected a list of strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

const json* JsonOptions::raw(const std::string& key) { return find(key); }

void JsonOptions::finish() const {
  if (object_ == nullptr) return;
  for (auto it = object_->begin(); it != object_->end(); ++it)
    if (!read_.count(it.key()))
      throw Error(Status::argument, it.key(),
                  "unknown option" + did_you_mean(it.key(), std::vector<std::string>(asked_.begin(), asked_.end())));
}

Scope Scope::read(JsonOptions& options) {
  Scope s;
  s.unit = options.text("unit");
  s.subtree = options.flag("subtree").value_or(false);
  if (auto p = options.text("period")) s.period = Period::parse(*p);
  if (s.subtree && !s.unit) throw Error(Status::argument, "subtree", "needs \"unit\"");
  return s;
}

Paging Paging::read(JsonOptions& options) {
  Paging p;
  if (auto n = options.integer("limit", 0)) p.limit = *n;
  if (auto n = options.integer("offset", 0)) p.offset = *n;
  return p;
}

}  // namespace fazhi
