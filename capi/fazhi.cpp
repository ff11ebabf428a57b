// fazhi.cpp — the C ABI: a thin adapter between C strings / JSON and the C++
// API. No domain logic lives here. Every entry point runs its body through
// call(), which turns every exception into a status and the thread's last
// error, so nothing thrown crosses the boundary.
#include <fazhi/fazhi.h>

#include <fazhi/database.hpp>

#include "exchange/json_text.hpp"
#include "log.hpp"
#include "store/sqlite.hpp"
#include "utf8.hpp"

#include <SQLiteCpp/Exception.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <string>
#include <string_view>

struct fz_db {
  std::unique_ptr<fazhi::Database> db;
};

namespace {

using fazhi::Error;
using fazhi::Status;
using json = nlohmann::json;

thread_local std::string t_last_error;
// Set when a message could not be stored (no memory for it).
thread_local bool t_error_lost = false;

// Never throws: a catch-all that could throw would end in std::terminate.
void set_last_error(const char* message) noexcept {
  try {
    t_last_error.assign(message);
    t_error_lost = false;
  } catch (...) {
    t_last_error.clear();
    t_error_lost = true;
  }
}

// Runs body, turning every exception into a status and the thread's last
// error.
template <class F>
fz_status run(F& body) noexcept {
  try {
    body();
    set_last_error("");
    return FZ_OK;
  } catch (const Error& e) {
    set_last_error(e.what());
    return static_cast<fz_status>(e.status());
  } catch (const SQLite::Exception& e) {
    set_last_error(e.what());
    return static_cast<fz_status>(fazhi::store::status_of_sqlite(e.getErrorCode()));
  } catch (const std::bad_alloc&) {
    set_last_error("out of memory");
    return FZ_E_NOMEM;
  } catch (const std::exception& e) {
    set_last_error("internal error");
    try {
      t_last_error += std::string(": ") + e.what();
    } catch (...) {
    }
    return FZ_E_INTERNAL;
  } catch (...) {
    set_last_error("internal error");
    return FZ_E_INTERNAL;
  }
}

// Every entry point: the work, then the log messages it raised, delivered
// once the work has released the handle's lock (a callback may call fazhi),
// without letting those nested calls change this call's last error.
template <class F>
fz_status call(F&& body) noexcept {
  fz_status status = FZ_OK;
  std::string error;
  bool lost = false;
  {
    fazhi::LogDeferral defer;
    status = run(body);
    if (status != FZ_OK) {
      try {
        fazhi::logger().debug("call failed ({}): {}", fazhi::status_name(static_cast<Status>(status)),
                              t_last_error);
      } catch (...) {
      }
    }
    error.swap(t_last_error);
    lost = t_error_lost;
  }
  t_last_error.swap(error);
  t_error_lost = lost;
  return status;
}

fazhi::Database& handle(fz_db* db) {
  if (db == nullptr || !db->db) throw Error(Status::argument, "db", "is NULL");
  return *db->db;
}

std::string text(const char* s, const char* name) {
  if (s == nullptr) throw Error(Status::argument, name, "is NULL");
  std::string_view v(s);
  if (!fazhi::is_valid_utf8(v)) throw Error(Status::argument, name, "is not valid UTF-8");
  return std::string(v);
}

template <class T>
T* out_param(T* p, const char* name) {
  if (p == nullptr) throw Error(Status::argument, name, "is NULL");
  return p;
}

// NULL or "" -> null; otherwise the parsed document.
json parse_json(const char* s, const char* name) {
  if (s == nullptr || *s == '\0') return nullptr;
  return fazhi::exchange::parse_json_text(text(s, name), name);
}

json parse_object(const char* s, const char* name) {
  json j = parse_json(s, name);
  if (!j.is_null() && !j.is_object()) throw Error(Status::argument, name, "expected a JSON object");
  return j;
}

// Copies s into malloc'd memory the caller frees with fz_free.
char* dup_string(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p == nullptr) throw std::bad_alloc();
  std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

// Out-parameters are written last, once nothing can fail any more.
void set_out(char** out, const json& j) { *out = dup_string(j.dump()); }

fazhi::Date date_arg(const char* s, const char* name) {
  if (s == nullptr) throw Error(Status::argument, name, "is NULL");
  // Checked, not copied: a calendar call should allocate nothing.
  std::string_view v(s);
  if (!fazhi::is_valid_utf8(v)) throw Error(Status::argument, name, "is not valid UTF-8");
  return fazhi::parse_date(v, name);
}

}  // namespace

extern "C" {

const char* fz_version(void) {
#define FZ_STR2(x) #x
#define FZ_STR(x) FZ_STR2(x)
  return FZ_STR(FZ_VERSION_MAJOR) "." FZ_STR(FZ_VERSION_MINOR) "." FZ_STR(FZ_VERSION_PATCH);
}

int32_t fz_version_number(void) { return FZ_VERSION_NUMBER; }

const char* fz_last_error(void) {
  return t_error_lost ? "out of memory (the error message could not be kept)" : t_last_error.c_str();
}

void fz_free(void* p) { std::free(p); }

fz_status fz_open(const char* path, const char* options_json, fz_db** out_db) {
  return call([&] {
    std::string p = text(path, "path");
    out_param(out_db, "out_db");
    const fazhi::OpenOptions opts =
        fazhi::OpenOptions::from_json(parse_object(options_json, "options_json"));
    auto handle_ptr = std::make_unique<fz_db>();
    handle_ptr->db = fazhi::Database::open(p, opts);
    *out_db = handle_ptr.release();
  });
}

fz_status fz_close(fz_db* db) {
  return call([&] { delete db; });
}

fz_status fz_put(fz_db* db, const char* kind, const char* record_json, int64_t* out_id) {
  return call([&] {
    auto& d = handle(db);
    std::string k = text(kind, "kind");
    json r = parse_json(record_json, "record_json");
    if (!r.is_object()) throw Error(Status::argument, "record_json", "expected a JSON object");
    std::int64_t id = d.put(k, r);
    if (out_id) *out_id = id;
  });
}

fz_status fz_get(fz_db* db, const char* kind, const char* key, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    std::string k = text(kind, "kind"), ky = text(key, "key");
    out_param(out_json, "out_json");
    set_out(out_json, d.get(k, ky));
  });
}

fz_status fz_patch(fz_db* db, const char* kind, const char* key, const char* patch_json) {
  return call([&] {
    auto& d = handle(db);
    std::string k = text(kind, "kind"), ky = text(key, "key");
    json p = parse_json(patch_json, "patch_json");
    if (!p.is_object()) throw Error(Status::argument, "patch_json", "expected a JSON object");
    d.patch(k, ky, p);
  });
}

fz_status fz_list(fz_db* db, const char* kind, const char* query_json, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    std::string k = text(kind, "kind");
    json q = parse_object(query_json, "query_json");
    out_param(out_json, "out_json");
    set_out(out_json, d.list(k, q));
  });
}

fz_status fz_act(fz_db* db, const char* kind, const char* key, const char* action,
                 const char* args_json, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    std::string k = text(kind, "kind"), ky = text(key, "key"), a = text(action, "action");
    json args = parse_object(args_json, "args_json");
    json result = d.act(k, ky, a, args);
    if (out_json) set_out(out_json, result);
  });
}

fz_status fz_import(fz_db* db, const char* ndjson, size_t len, const char* options_json,
                    char** out_summary_json) {
  return call([&] {
    auto& d = handle(db);
    if (ndjson == nullptr && len > 0) throw Error(Status::argument, "ndjson", "is NULL");
    json o = parse_object(options_json, "options_json");
    auto opts = fazhi::ImportOptions::from_json(o, d.options().mode);
    auto summary = d.import_ndjson(std::string_view(ndjson ? ndjson : "", len), opts);
    if (out_summary_json) set_out(out_summary_json, summary.to_json());
  });
}

fz_status fz_import_file(fz_db* db, const char* path, const char* options_json,
                         char** out_summary_json) {
  return call([&] {
    auto& d = handle(db);
    std::string p = text(path, "path");
    json o = parse_object(options_json, "options_json");
    auto opts = fazhi::ImportOptions::from_json(o, d.options().mode);
    auto summary = d.import_file(p, opts);
    if (out_summary_json) set_out(out_summary_json, summary.to_json());
  });
}

fz_status fz_export_file(fz_db* db, const char* path, const char* query_json) {
  return call([&] {
    auto& d = handle(db);
    std::string p = text(path, "path");
    d.export_file(p, parse_object(query_json, "query_json"));
  });
}

fz_status fz_bulk_begin(fz_db* db) {
  return call([&] { handle(db).bulk_begin(); });
}

fz_status fz_bulk_end(fz_db* db, int64_t* out_built) {
  return call([&] {
    const auto built = static_cast<int64_t>(handle(db).bulk_end());
    if (out_built) *out_built = built;
  });
}

fz_status fz_begin(fz_db* db) {
  return call([&] { handle(db).begin(); });
}

fz_status fz_commit(fz_db* db) {
  return call([&] { handle(db).commit(); });
}

fz_status fz_rollback(fz_db* db) {
  return call([&] { handle(db).rollback(); });
}

fz_status fz_indicator(fz_db* db, const char* code, const char* unit, const char* period,
                       const char* params_json, fz_value* out) {
  return call([&] {
    auto& d = handle(db);
    std::string c = text(code, "code"), u = text(unit, "unit"), p = text(period, "period");
    json params = parse_object(params_json, "params_json");
    out_param(out, "out");
    fazhi::IndicatorValue v = d.indicator(c, u, p, params);
    fz_value result{};
    result.value = v.value;
    result.numerator = v.numerator;
    result.denominator = v.denominator;
    result.status = v.no_data ? FZ_VALUE_NO_DATA : FZ_VALUE_OK;
    *out = result;
  });
}

fz_status fz_indicators(fz_db* db, const char* query_json, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    json q = parse_object(query_json, "query_json");
    if (q.is_null()) throw Error(Status::argument, "query_json", "needs \"unit\" and \"period\"");
    out_param(out_json, "out_json");
    set_out(out_json, d.indicators(q));
  });
}

fz_status fz_explain(fz_db* db, const char* code, const char* unit, const char* period,
                     const char* params_json, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    std::string c = text(code, "code"), u = text(unit, "unit"), p = text(period, "period");
    json params = parse_object(params_json, "params_json");
    out_param(out_json, "out_json");
    set_out(out_json, d.explain(c, u, p, params));
  });
}

fz_status fz_define_indicator(fz_db* db, const char* definition_json) {
  return call([&] {
    auto& d = handle(db);
    json def = parse_object(definition_json, "definition_json");
    if (def.is_null()) throw Error(Status::argument, "definition_json", "is NULL");
    d.define_indicator(def);
  });
}

fz_status fz_define_form(fz_db* db, const char* definition_json) {
  return call([&] {
    auto& d = handle(db);
    json def = parse_object(definition_json, "definition_json");
    if (def.is_null()) throw Error(Status::argument, "definition_json", "is NULL");
    d.define_form(def);
  });
}

fz_status fz_forms(fz_db* db, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    out_param(out_json, "out_json");
    set_out(out_json, d.forms());
  });
}

fz_status fz_form(fz_db* db, const char* form, const char* query_json, const char* format,
                  char** out_text) {
  return call([&] {
    auto& d = handle(db);
    std::string f = text(form, "form"), fmt = text(format, "format");
    json q = parse_object(query_json, "query_json");
    out_param(out_text, "out_text");
    *out_text = dup_string(d.form(f, q, fmt));
  });
}

fz_status fz_form_file(fz_db* db, const char* form, const char* query_json, const char* format,
                       const char* path) {
  return call([&] {
    auto& d = handle(db);
    std::string f = text(form, "form"), fmt = text(format, "format"), p = text(path, "path");
    d.form_file(f, parse_object(query_json, "query_json"), fmt, p);
  });
}

fz_status fz_findings(fz_db* db, const char* query_json, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    json q = parse_object(query_json, "query_json");
    out_param(out_json, "out_json");
    set_out(out_json, d.findings(q));
  });
}

fz_status fz_alerts(fz_db* db, const char* query_json, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    json q = parse_object(query_json, "query_json");
    if (q.is_null()) throw Error(Status::argument, "query_json", "is NULL (give unit and as_of)");
    out_param(out_json, "out_json");
    set_out(out_json, d.alerts(q));
  });
}

fz_status fz_report(fz_db* db, const char* unit, int32_t year, const char* format,
                    const char* options_json, char** out_text) {
  return call([&] {
    fazhi::Database& d = handle(db);
    std::string u = text(unit, "unit");
    std::string f = text(format, "format");
    json options = parse_object(options_json, "options_json");
    out_param(out_text, "out_text");
    *out_text = dup_string(d.report(u, year, f, options));
  });
}

fz_status fz_report_review(fz_db* db, const char* unit, int32_t year, const char* options_json,
                           char** out_json) {
  return call([&] {
    fazhi::Database& d = handle(db);
    std::string u = text(unit, "unit");
    json options = parse_object(options_json, "options_json");
    out_param(out_json, "out_json");
    set_out(out_json, d.report_review(u, year, options));
  });
}

fz_status fz_report_file(fz_db* db, const char* unit, int32_t year, const char* format,
                         const char* options_json, const char* path) {
  return call([&] {
    fazhi::Database& d = handle(db);
    std::string u = text(unit, "unit");
    std::string f = text(format, "format");
    json options = parse_object(options_json, "options_json");
    std::string p = text(path, "path");
    d.report_file(p, u, year, f, options);
  });
}

fz_status fz_journal_verify(fz_db* db, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    out_param(out_json, "out_json");
    set_out(out_json, d.verify_journal());
  });
}

fz_status fz_journal_verify_with(fz_db* db, const char* options_json, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    json options = parse_object(options_json, "options_json");
    out_param(out_json, "out_json");
    set_out(out_json, d.verify_journal(options));
  });
}

fz_status fz_journal_head(fz_db* db, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    out_param(out_json, "out_json");
    set_out(out_json, d.journal_head());
  });
}

fz_status fz_history(fz_db* db, const char* kind, const char* key, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    std::string k = text(kind, "kind"), ky = text(key, "key");
    out_param(out_json, "out_json");
    set_out(out_json, d.history(k, ky));
  });
}

fz_status fz_history_text(fz_db* db, const char* kind, const char* key, const char* format,
                          char** out_text) {
  return call([&] {
    auto& d = handle(db);
    std::string k = text(kind, "kind"), ky = text(key, "key"), f = text(format, "format");
    out_param(out_text, "out_text");
    *out_text = dup_string(d.history_text(k, ky, f));
  });
}

fz_status fz_calendar_load(fz_db* db, const char* csv, size_t len) {
  return call([&] {
    auto& d = handle(db);
    if (csv == nullptr) throw Error(Status::argument, "csv", "is NULL");
    std::string_view v(csv, len);
    if (!fazhi::is_valid_utf8(v)) throw Error(Status::argument, "csv", "is not valid UTF-8");
    d.load_calendar(v);
  });
}

fz_status fz_calendar_load_file(fz_db* db, const char* path, char** out_summary_json) {
  return call([&] {
    auto& d = handle(db);
    std::string p = text(path, "path");
    json summary = d.load_calendar_file(p);
    if (out_summary_json) set_out(out_summary_json, summary);
  });
}

fz_status fz_calendar_years(fz_db* db, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    out_param(out_json, "out_json");
    set_out(out_json, d.calendar_years());
  });
}

fz_status fz_calendar_query(fz_db* db, const char* request_json, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    json request = parse_object(request_json, "request_json");
    if (request.is_null()) throw Error(Status::argument, "request_json", "is NULL");
    out_param(out_json, "out_json");
    set_out(out_json, d.calendar_query(request));
  });
}

fz_status fz_calendar_is_working_day(fz_db* db, const char* date, int32_t* out_bool) {
  return call([&] {
    auto& d = handle(db);
    fazhi::Date day = date_arg(date, "date");
    out_param(out_bool, "out_bool");
    bool working = d.calendar()->is_working_day(day);
    *out_bool = working ? 1 : 0;
  });
}

fz_status fz_calendar_add_working_days(fz_db* db, const char* date, int32_t n,
                                       char out_date[11]) {
  return call([&] {
    auto& d = handle(db);
    fazhi::Date day = date_arg(date, "date");
    out_param(out_date, "out_date");
    std::string result = fazhi::format_date(d.calendar()->add_working_days(day, n));
    std::memcpy(out_date, result.c_str(), 11);
  });
}

fz_status fz_calendar_working_days_between(fz_db* db, const char* from, const char* to,
                                           int32_t* out_n) {
  return call([&] {
    auto& d = handle(db);
    fazhi::Date a = date_arg(from, "from"), b = date_arg(to, "to");
    out_param(out_n, "out_n");
    int n = d.calendar()->working_days_between(a, b);
    *out_n = n;
  });
}

fz_status fz_labels(fz_db* db, const char* set, char** out_json) {
  return call([&] {
    auto& d = handle(db);
    std::string s = text(set, "set");
    out_param(out_json, "out_json");
    set_out(out_json, d.labels(s));
  });
}

void fz_set_log(fz_log_fn fn, void* user, int32_t min_level) {
  call([&] { fazhi::set_log_callback(fn, user, min_level); });
}

}  // extern "C"
