#include "domain/record_state.hpp"

#include "store/journal.hpp"
#include "store/sha256.hpp"

#include <sqlite3.h>

#include <cstring>
#include <limits>
#include <map>

namespace fazhi::domain {
namespace {

constexpr const char* kImageTag = "fazhi record state 2";

// The image of one record (record_state.hpp), built value by value.
class Image {
 public:
  Image() = default;  // a part, appended to an image later
  Image(std::string_view kind, std::int64_t id, std::string_view key) {
    text(kImageTag);
    text(kind);
    integer(id);
    text(key);
  }
  void null() { bytes_ += '\0'; }
  void integer(std::int64_t v) {
    bytes_ += '\x01';
    be64(static_cast<std::uint64_t>(v));
  }
  void real(double v) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    bytes_ += '\x02';
    be64(bits);
  }
  void text(std::string_view v) { counted('\x03', v); }
  void blob(std::string_view v) { counted('\x04', v); }
  // A column as SQLite holds it.
  void column(const SQLite::Column& c) {
    switch (c.getType()) {
      case SQLITE_INTEGER:
        integer(c.getInt64());
        return;
      case SQLITE_FLOAT:
        real(c.getDouble());
        return;
      case SQLITE_TEXT:
        text(std::string_view(c.getText(), static_cast<std::size_t>(c.getBytes())));
        return;
      case SQLITE_BLOB:
        blob(std::string_view(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes())));
        return;
      default:
        null();
    }
  }
  // A field's storage value as the record store binds it (bind_value).
  void value(const Field& f, const json* v) {
    if (!v || v->is_null()) return null();
    switch (f.type) {
      case FieldType::text:
      case FieldType::date:
      case FieldType::code:
        return text(v->get_ref<const std::string&>());
      case FieldType::integer:
      case FieldType::money:
      case FieldType::ref:
        return integer(v->get<std::int64_t>());
      case FieldType::number:
        return real(v->get<double>());
      case FieldType::boolean:
        return integer(v->get<bool>() ? 1 : 0);
      case FieldType::object:
      case FieldType::text_list:
      case FieldType::ref_list:
      case FieldType::object_list:
        return text(v->dump());
    }
  }
  void append(const Image& part) { bytes_ += part.bytes_; }
  std::string digest() const { return store::sha256_raw(bytes_); }

 private:
  void be64(std::uint64_t v) {
    for (int shift = 56; shift >= 0; shift -= 8) bytes_ += static_cast<char>((v >> shift) & 0xff);
  }
  void counted(char tag, std::string_view v) {
    bytes_ += tag;
    const auto n = static_cast<std::uint32_t>(v.size());
    for (int shift = 24; shift >= 0; shift -= 8) bytes_ += static_cast<char>((n >> shift) & 0xff);
    bytes_.append(v.data(), v.size());
  }

  std::string bytes_;
};

// The findings of one kind, in (record_id, id) order: the columns after
// record_id are those the image takes, in its order.
constexpr const char* kFindingsSql =
    "SELECT record_id, key, unit_id, date, rule, severity, message, source, provisional "
    "FROM finding WHERE kind = ? ORDER BY record_id, id";
constexpr int kFindingColumns = 8;

StateSource source_of(const Kind& kind) {
  StateSource s;
  s.kind = kind.name;
  s.table = kind.table;
  s.select = "SELECT id, key";
  for (const Field* f : stored_fields(kind)) {
    s.select += ", " + f->column();
    s.names.push_back(f->name);
  }
  s.select += " FROM " + kind.table;
  s.unit_column = kind.unit_column;
  return s;
}

}  // namespace

const std::vector<const Field*>& stored_fields(const Kind& kind) {
  static const std::map<const Kind*, std::vector<const Field*>> all = [] {
    std::map<const Kind*, std::vector<const Field*>> m;
    for (const Kind* k : all_kinds()) {
      std::vector<const Field*>& fields = m[k];
      for (const Field& f : k->fields) fields.push_back(&f);
      fields.push_back(&ext_field());
      fields.push_back(&provisional_field());
    }
    return m;
  }();
  return all.at(&kind);
}

std::string state_of_values(const Kind& kind, std::int64_t id, const std::string& key,
                            const json& values, const std::vector<Finding>& findings,
                            std::optional<std::int64_t> finding_unit) {
  Image image(kind.name, id, key);
  for (const Field* f : stored_fields(kind)) {
    auto it = values.find(f->name);
    if (it == values.end() || it->is_null()) continue;
    image.text(f->name);
    image.value(*f, &*it);
  }
  image.integer(static_cast<std::int64_t>(findings.size()));
  for (const Finding& f : findings) {
    image.text(key);
    if (finding_unit)
      image.integer(*finding_unit);
    else
      image.null();
    if (f.date.empty())
      image.null();
    else
      image.text(f.date);
    image.text(f.rule);
    image.text(f.severity);
    image.text(f.message);
    image.text(f.source);
    image.integer(f.provisional ? 1 : 0);
  }
  return image.digest();
}

std::string custom_indicator_state(std::int64_t rowid, const std::string& code,
                                   const std::string& label, const std::string& expression,
                                   const std::string& measure) {
  Image image("custom_indicator", rowid, code);
  image.text(label);
  image.text(expression);
  image.text(measure);
  image.integer(0);  // no findings
  return image.digest();
}

std::string form_state(std::int64_t rowid, const std::string& code, const std::string& definition) {
  Image image("form", rowid, code);
  image.text(definition);
  image.integer(0);  // no findings
  return image.digest();
}

const std::vector<StateSource>& state_sources() {
  static const std::vector<StateSource> all = [] {
    std::vector<StateSource> v;
    for (const Kind* k : all_kinds()) v.push_back(source_of(*k));
    StateSource custom;
    custom.kind = "custom_indicator";
    custom.table = "custom_indicator";
    custom.select = "SELECT rowid, code, label, expression, measure FROM custom_indicator";
    custom.has_findings = false;
    v.push_back(std::move(custom));
    StateSource form;
    form.kind = "form";
    form.table = "form";
    form.select = "SELECT rowid, code, definition FROM form";
    form.has_findings = false;
    v.push_back(std::move(form));
    return v;
  }();
  return all;
}

struct StateCursor::Impl {
  Impl(store::Connection& conn, const StateSource& s, const std::string& filter)
      : source(s),
        rows(conn.statement(s.select + (filter.empty() ? "" : " WHERE " + filter) +
                            (s.kind == "custom_indicator" || s.kind == "form" ? " ORDER BY rowid" : " ORDER BY id"))),
        findings(conn.statement(kFindingsSql)) {
    findings->bind(1, s.kind);
    if (s.has_findings) advance_findings();
    else findings_done = true;
  }

  void advance_findings() { findings_done = !findings->executeStep(); }

  // Reports every finding record id below `id` (they have no row), once.
  void skip_findings_below(std::int64_t id) {
    while (!findings_done && findings->getColumn(0).getInt64() < id) {
      const std::int64_t stray = findings->getColumn(0).getInt64();
      if (on_stray && stray != last_stray) on_stray(stray, findings->getColumn(1).getString());
      last_stray = stray;
      advance_findings();
    }
  }

  const StateSource& source;
  store::Connection::Cursor rows;
  store::Connection::Cursor findings;
  bool findings_done = false;
  std::function<void(std::int64_t, const std::string&)> on_stray;
  std::int64_t last_stray = std::numeric_limits<std::int64_t>::min();
  bool finished = false;
};

StateCursor::StateCursor(store::Connection& conn, const StateSource& source, const std::string& filter,
                         std::vector<std::string> binds,
                         std::function<void(std::int64_t, const std::string&)> on_stray)
    : impl_(std::make_unique<Impl>(conn, source, filter)) {
  for (std::size_t i = 0; i < binds.size(); ++i) impl_->rows->bind(static_cast<int>(i + 1), binds[i]);
  if (filter.empty()) impl_->on_stray = std::move(on_stray);
}

StateCursor::~StateCursor() = default;

bool StateCursor::next() {
  Impl& d = *impl_;
  if (d.finished) return false;
  if (!d.rows->executeStep()) {
    d.finished = true;
    d.skip_findings_below(std::numeric_limits<std::int64_t>::max());
    return false;
  }
  SQLite::Statement& row = *d.rows;
  id_ = row.getColumn(0).getInt64();
  key_ = row.getColumn(1).getString();
  Image image(d.source.kind, id_, key_);
  const int columns = row.getColumnCount();
  for (int i = 2; i < columns; ++i) {
    const SQLite::Column c = row.getColumn(i);
    if (d.source.names.empty()) {
      image.column(c);
    } else if (!c.isNull()) {
      image.text(d.source.names[static_cast<std::size_t>(i - 2)]);
      image.column(c);
    }
  }
  d.skip_findings_below(id_);
  if (d.source.has_findings) {
    // The row's findings: counted first in the image, so gathered first.
    Image part;
    std::int64_t n = 0;
    while (!d.findings_done && d.findings->getColumn(0).getInt64() == id_) {
      for (int i = 1; i <= kFindingColumns; ++i) part.column(d.findings->getColumn(i));
      ++n;
      d.advance_findings();
    }
    image.integer(n);
    image.append(part);
  } else {
    image.integer(0);
  }
  digest_ = image.digest();
  return true;
}

void seal_records(store::Connection& conn) {
  store::Journal journal(conn);
  const std::string actor = "fazhi（数据库升级）";
  for (const StateSource& source : state_sources()) {
    StateCursor cursor(conn, source);
    while (cursor.next())
      journal.append(actor, source.kind, cursor.key(), cursor.id(), store::kSealOp,
                     json::object(), false, cursor.digest());
  }
  journal.flush_head();
}

}  // namespace fazhi::domain
