#include "domain/field.hpp"

#include "nearest.hpp"
#include "quote.hpp"

#include <fazhi/date.hpp>
#include <fazhi/error.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace fazhi::domain {
namespace {

[[noreturn]] void bad(const Field& f, const std::string& message) {
  throw Error(Status::argument, f.name, message);
}

const char* type_name(FieldType t) {
  switch (t) {
    case FieldType::text: return "a string";
    case FieldType::date: return "a date string YYYY-MM-DD";
    case FieldType::integer: return "an integer";
    case FieldType::number: return "a number";
    case FieldType::boolean: return "true or false";
    case FieldType::money: return "an amount in yuan (number or string, at most two decimals)";
    case FieldType::code: return "a code string";
    case FieldType::ref: return "a key string or an integer id";
    case FieldType::object: return "a JSON object";
    case FieldType::text_list: return "a list of strings";
    case FieldType::ref_list: return "a list of keys";
    case FieldType::object_list: return "a list of JSON objects";
  }
  return "a value";
}

// C0 control characters other than tab, line feed and carriage return have
// no place in a record's text: they are invisible wherever it is shown, and
// NUL ends it early for every C host that reads it back. `where` names the
// item inside the field ("parties[0].name"), or is empty for the field itself.
void check_text(const Field& f, const std::string& text, const std::string& where) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      bad(f, std::string("control character ") + code + " at offset " + std::to_string(i) +
                 (where.empty() ? "" : " of " + where));
    }
  }
}

// The string members of an object (an object field, an item of an object
// list), one level: fazhi's own objects are flat.
void check_member_texts(const Field& f, const json& object, const std::string& where) {
  if (f.kept_verbatim) return;
  for (auto it = object.begin(); it != object.end(); ++it)
    if (it->is_string()) check_text(f, it->get_ref<const std::string&>(), where + "." + it.key());
}

// "labour (劳动争议纠纷)|other (其他纠纷)|...": what a closed set accepts.
std::string codes_list(const Field& f) {
  std::string s;
  for (const Code& c : f.codes) s += (s.empty() ? "" : "|") + c.code + " (" + c.label + ")";
  return s;
}

}  // namespace

namespace {
Field make(std::string name, FieldType type, std::string label) {
  Field f;
  f.name = std::move(name);
  f.type = type;
  f.label = std::move(label);
  return f;
}
}  // namespace

Field text(std::string n, std::string l) { return make(std::move(n), FieldType::text, std::move(l)); }
Field date(std::string n, std::string l) { return make(std::move(n), FieldType::date, std::move(l)); }
Field integer(std::string n, std::string l) { return make(std::move(n), FieldType::integer, std::move(l)); }
Field number(std::string n, std::string l) { return make(std::move(n), FieldType::number, std::move(l)); }
Field boolean(std::string n, std::string l) { return make(std::move(n), FieldType::boolean, std::move(l)); }
Field money(std::string n, std::string l) { return make(std::move(n), FieldType::money, std::move(l)); }
Field object(std::string n, std::string l) { return make(std::move(n), FieldType::object, std::move(l)); }
Field text_list(std::string n, std::string l) {
  return make(std::move(n), FieldType::text_list, std::move(l));
}
Field object_list(std::string n, std::string l) {
  return make(std::move(n), FieldType::object_list, std::move(l));
}
Field code(std::string n, std::string l, std::vector<Code> codes) {
  Field f = make(std::move(n), FieldType::code, std::move(l));
  f.codes = std::move(codes);
  return f;
}
Field ref(std::string n, std::string l, std::string kind) {
  Field f = make(std::move(n), FieldType::ref, std::move(l));
  f.ref_kind = std::move(kind);
  return f;
}
Field ref_list(std::string n, std::string l, std::string kind) {
  Field f = make(std::move(n), FieldType::ref_list, std::move(l));
  f.ref_kind = std::move(kind);
  return f;
}

std::string Field::column() const {
  if (!column_name.empty()) return column_name;
  if (type == FieldType::ref) return name + "_id";
  if (type == FieldType::money) return fen_name();
  return name;
}

std::string Field::fen_name() const {
  const std::string suffix = "_yuan";
  if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
    return name.substr(0, name.size() - suffix.size()) + "_fen";
  return name + "_fen";
}

const Code* Field::find_code(const std::string& code) const {
  for (const Code& c : codes)
    if (c.code == code) return &c;
  return nullptr;
}

const Field* Field::find_member(const std::string& name) const {
  for (const Field& m : members)
    if (m.name == name) return &m;
  return nullptr;
}

std::int64_t parse_yuan(const json& value, const std::string& field) {
  constexpr std::int64_t kMaxFen = std::numeric_limits<std::int64_t>::max() / 1000;
  if (value.is_number_integer()) {
    std::int64_t yuan = value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxFen)
                            ? kMaxFen : value.get<std::int64_t>();
    if (yuan > kMaxFen / 100 || yuan < -kMaxFen / 100)
      throw Error(Status::argument, field, "amount out of range");
    return yuan * 100;
  }
  std::string text;
  if (value.is_number_float()) {
    double d = value.get<double>();
    double fen = std::round(d * 100.0);
    if (!std::isfinite(d) || std::fabs(fen) > static_cast<double>(kMaxFen))
      throw Error(Status::argument, field, "amount out of range");
    if (std::fabs(d * 100.0 - fen) > 1e-6)
      throw Error(Status::argument, field, "amount has more than two decimals");
    return static_cast<std::int64_t>(fen);
  }
  if (!value.is_string())
    throw Error(Status::argument, field, "expected an amount in yuan (number or string)");
  text = value.get<std::string>();
  // Exact decimal parse: [-]digits[.d[d]]
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && text[i] == '-') {
    negative = true;
    ++i;
  }
  std::int64_t whole = 0;
  std::size_t digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
    whole = whole * 10 + (text[i] - '0');
    if (whole > kMaxFen / 100) throw Error(Status::argument, field, "amount out of range");
  }
  std::int64_t cents = 0;
  std::size_t decimals = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++decimals)
      if (decimals < 2) cents = cents * 10 + (text[i] - '0');
    if (decimals == 0) digits = 0;
  }
  if (digits == 0 || i != text.size())
    throw Error(Status::argument, field, quote(text) + " is not an amount in yuan");
  if (decimals > 2) throw Error(Status::argument, field, "amount has more than two decimals");
  if (decimals == 1) cents *= 10;
  std::int64_t fen = whole * 100 + cents;
  return negative ? -fen : fen;
}

std::string format_yuan(std::int64_t fen) {
  bool negative = fen < 0;
  std::uint64_t abs = negative ? static_cast<std::uint64_t>(-(fen + 1)) + 1 : static_cast<std::uint64_t>(fen);
  std::string cents = std::to_string(abs % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  return (negative ? "-" : "") + std::to_string(abs / 100) + "." + cents;
}

json to_storage(const Field& f, const json& v, const RefResolver& refs) {
  switch (f.type) {
    case FieldType::text:
      if (!v.is_string()) bad(f, std::string("expected ") + type_name(f.type));
      check_text(f, v.get_ref<const std::string&>(), "");
      return v;
    case FieldType::date:
      if (!v.is_string()) bad(f, std::string("expected ") + type_name(f.type));
      return format_date(parse_date(v.get<std::string>(), f.name));
    case FieldType::integer:
      if (!v.is_number_integer()) bad(f, std::string("expected ") + type_name(f.type));
      if (v.is_number_unsigned() &&
          v.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        bad(f, "integer out of range");
      return v.get<std::int64_t>();
    case FieldType::number:
      if (!v.is_number() || !std::isfinite(v.get<double>()))
        bad(f, std::string("expected ") + type_name(f.type));
      return v.get<double>();
    case FieldType::boolean:
      if (!v.is_boolean()) bad(f, std::string("expected ") + type_name(f.type));
      return v;
    case FieldType::money:
      return parse_yuan(v, f.name);
    case FieldType::code: {
      if (!v.is_string()) bad(f, std::string("expected ") + type_name(f.type));
      if (f.find_code(v.get<std::string>())) return v;
      // People type the Chinese label (劳动争议纠纷) as often as the code
      // (labour): a label stands for its code, which is what is stored.
      for (const Code& c : f.codes)
        if (c.label == v.get_ref<const std::string&>()) return c.code;
      {
        std::vector<std::string> known;
        for (const Code& c : f.codes) known.push_back(c.code);
        for (const Code& c : f.codes) known.push_back(c.label);
        const std::string& given = v.get_ref<const std::string&>();
        bad(f, quote(given) + " is neither a code nor a label of " + codes_list(f) + did_you_mean(given, known));
      }
    }
    case FieldType::ref:
      if (!v.is_string() && !v.is_number_integer()) bad(f, std::string("expected ") + type_name(f.type));
      return refs.to_id(f.ref_kind, v, f.name);
    case FieldType::object:
      if (!v.is_object()) bad(f, std::string("expected ") + type_name(f.type));
      check_member_texts(f, v, f.name);
      return v;
    case FieldType::text_list:
      if (!v.is_array()) bad(f, std::string("expected ") + type_name(f.type));
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_string()) bad(f, "every item must be a string");
        check_text(f, v[i].get_ref<const std::string&>(), f.name + "[" + std::to_string(i) + "]");
      }
      return v;
    case FieldType::object_list:
      if (!v.is_array()) bad(f, std::string("expected ") + type_name(f.type));
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_object()) bad(f, "every item must be a JSON object");
        check_member_texts(f, v[i], f.name + "[" + std::to_string(i) + "]");
      }
      return v;
    case FieldType::ref_list: {
      if (!v.is_array()) bad(f, std::string("expected ") + type_name(f.type));
      json keys = json::array();
      for (const json& item : v) {
        if (!item.is_string() && !item.is_number_integer()) bad(f, "every item must be a key");
        keys.push_back(refs.to_key(f.ref_kind, refs.to_id(f.ref_kind, item, f.name)));
      }
      return keys;
    }
  }
  bad(f, "unsupported field type");
}

void put_external(const Field& f, const json& stored, const RefResolver& refs, json& out) {
  if (stored.is_null()) return;
  switch (f.type) {
    case FieldType::money:
      out[f.name] = format_yuan(stored.get<std::int64_t>());
      out[f.fen_name()] = stored;
      return;
    case FieldType::ref:
      out[f.name] = refs.to_key(f.ref_kind, stored.get<std::int64_t>());
      return;
    default:
      out[f.name] = stored;
  }
}

}  // namespace fazhi::domain
