// bad_input_catalogue_test — a catalogue of bad inputs over every C entry
// point of fazhi.h that takes an argument: every pointer argument NULL,
// invalid and overlong UTF-8, NUL, impossible dates, NaN and huge numbers,
// 10 MB strings, deep nesting, duplicate keys, injection strings, bad
// periods, bad expressions, unknown kinds and actions.
//
// Each case runs on a fresh copy of a template database holding records of
// several kinds, and asserts
//   * the status it must return,
//   * that fz_last_error() names the field or argument at fault,
//   * that the file is byte for byte the template afterwards (the copy is
//     opened, the case run, the handle closed, and the bytes compared; the
//     first test shows that opening and closing an untouched copy keeps the
//     bytes, so a difference is the case's doing).
// Entry points without a status (fz_version, fz_version_number,
// fz_last_error, fz_free, fz_set_log) take nothing a caller could get wrong
// beyond fz_free(NULL), which the catalogue calls too.
#include "abi_support.hpp"

#include <fazhi/fazhi.h>

#include <cstdint>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

namespace {

using abi_test::json;
using abi_test::TempDir;
namespace fs = std::filesystem;

struct Ctx {
  fz_db* db = nullptr;  // open on the case's copy of the template
  std::string path;     // that copy
  std::string dir;      // the directory it is in
};

using Call = std::function<fz_status(Ctx&)>;

struct Case {
  std::string entry;    // the entry point
  std::string what;     // the bad input
  fz_status expect;     // the status it must return
  std::string mention;  // what fz_last_error() must contain ("" : must be empty)
  Call call;
};

const std::string& ten_mb() {
  static const std::string s(10u << 20, 'a');
  return s;
}

// `depth` nested arrays: [[[...]]].
std::string nested(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']');
}

const char* const kUnit = "{\"code\": \"new-unit\", \"name\": \"新村\", \"kind\": \"village\", "
                          "\"parent\": \"root\"}";
const char* const kClose = "{\"date\": \"2022-03-10\", \"outcome\": \"succeeded\"}";

// The records of the template, as NDJSON.
const char* const kTemplate =
    "{\"record\": \"org_unit\", \"code\": \"root\", \"name\": \"高新区管委会\", \"kind\": "
    "\"zone_committee\"}\n"
    "{\"record\": \"org_unit\", \"code\": \"v1\", \"name\": \"东风村\", \"kind\": \"village\", "
    "\"parent\": \"root\", \"active_from\": \"2020-01-01\"}\n"
    "{\"record\": \"mediation_committee\", \"key\": \"mc1\", \"unit\": \"v1\", \"name\": "
    "\"东风村人民调解委员会\", \"established\": \"2015-03-06\", \"members\": 3}\n"
    "{\"record\": \"mediation_case\", \"key\": \"c1\", \"committee\": \"mc1\", \"received\": "
    "\"2022-03-01\", \"source\": \"application\", \"category\": \"neighbourhood\", \"parties\": "
    "[{\"name\": \"林某乙\", \"role\": \"applicant\", \"type\": \"person\"}]}\n";

class Catalogue {
 public:
  void add(std::string entry, std::string what, fz_status expect, std::string mention,
           Call call) {
    cases_.push_back({std::move(entry), std::move(what), expect, std::move(mention),
                      std::move(call)});
  }
  std::vector<Case>& cases() { return cases_; }

 private:
  std::vector<Case> cases_;
};

// Bad values of one text argument (a kind, key, code, date...): six sorts of
// invalid UTF-8, 10 MB, empty, an injection attempt. `unknown` is the status
// for a well-formed value that names nothing.
void text_argument(Catalogue& c, const std::string& entry, const std::string& arg,
                   fz_status unknown, const std::string& mention,
                   std::function<fz_status(Ctx&, const std::string&)> call,
                   const std::string& utf8_mention = "") {
  int n = 0;
  for (const std::string& bad : abi_test::bad_utf8()) {
    c.add(entry, arg + " invalid UTF-8 #" + std::to_string(++n), FZ_E_ARGUMENT,
          utf8_mention.empty() ? mention : utf8_mention,
          [call, bad](Ctx& x) { return call(x, bad); });
  }
  c.add(entry, arg + " of 10 MB", unknown, mention,
        [call](Ctx& x) { return call(x, ten_mb()); });
  c.add(entry, arg + " empty", unknown, mention, [call](Ctx& x) { return call(x, ""); });
  c.add(entry, arg + " SQL injection", unknown, mention,
        [call](Ctx& x) { return call(x, "x' OR '1'='1'; DROP TABLE org_unit; --"); });
}

// Bad JSON for one JSON argument: malformed, not an object, duplicate keys,
// nesting past FZ_MAX_JSON_DEPTH, NaN, a number past a double, invalid
// UTF-8 inside a string, an unknown key, a 10 MB unknown key.
void json_argument(Catalogue& c, const std::string& entry, const std::string& arg,
                   const std::string& mention, const std::string& valid_first_key,
                   std::function<fz_status(Ctx&, const std::string&)> call) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"malformed", "{\"a\": "},
      {"an array", "[1, 2]"},
      {"a number", "42"},
      {"a string", "\"text\""},
      {"trailing garbage", "{} {}"},
      {"duplicate keys", "{" + valid_first_key + ", " + valid_first_key + "}"},
      {"nested 100 deep", "{\"x\": " + nested(100) + "}"},
      {"NaN", "{\"x\": NaN}"},
      {"1e400", "{\"x\": 1e400}"},
      {"invalid UTF-8 in a string", "{\"x\": \"" + abi_test::bad_utf8()[0] + "\"}"},
      {"an unknown key", "{" + valid_first_key + ", \"no_such_field\": 1}"},
  };
  for (const auto& [what, text] : bad) {
    // An unknown key is named itself; the rest leave no field to name but
    // the argument, since the document cannot be read.
    c.add(entry, arg + " " + what, FZ_E_ARGUMENT,
          what == "an unknown key" ? "no_such_field" : mention,
          [call, text = text](Ctx& x) { return call(x, text); });
  }
}

std::vector<Case> build() {
  Catalogue c;

  // ---- NULL for every pointer argument that must not be NULL ------------
  c.add("fz_open", "path NULL", FZ_E_ARGUMENT, "path", [](Ctx&) {
    fz_db* d = nullptr;
    const fz_status st = fz_open(nullptr, nullptr, &d);
    if (d != nullptr) fz_close(d);  // only if the case wrongly succeeded; keeps fz_last_error
    return st;
  });
  c.add("fz_open", "out_db NULL", FZ_E_ARGUMENT, "out_db",
        [](Ctx& x) { return fz_open(x.path.c_str(), nullptr, nullptr); });
  c.add("fz_close", "db NULL (a no-op)", FZ_OK, "", [](Ctx&) { return fz_close(nullptr); });
  c.add("fz_free", "NULL (a no-op)", FZ_OK, "", [](Ctx&) {
    fz_free(nullptr);
    return FZ_OK;
  });
  c.add("fz_put", "db NULL", FZ_E_ARGUMENT, "db",
        [](Ctx&) { return fz_put(nullptr, "org_unit", kUnit, nullptr); });
  c.add("fz_put", "kind NULL", FZ_E_ARGUMENT, "kind",
        [](Ctx& x) { return fz_put(x.db, nullptr, kUnit, nullptr); });
  c.add("fz_put", "record_json NULL", FZ_E_ARGUMENT, "record_json",
        [](Ctx& x) { return fz_put(x.db, "org_unit", nullptr, nullptr); });
  c.add("fz_get", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    char* o = nullptr;
    return fz_get(nullptr, "org_unit", "root", &o);
  });
  c.add("fz_get", "kind NULL", FZ_E_ARGUMENT, "kind", [](Ctx& x) {
    char* o = nullptr;
    return fz_get(x.db, nullptr, "root", &o);
  });
  c.add("fz_get", "key NULL", FZ_E_ARGUMENT, "key", [](Ctx& x) {
    char* o = nullptr;
    return fz_get(x.db, "org_unit", nullptr, &o);
  });
  c.add("fz_get", "out_json NULL", FZ_E_ARGUMENT, "out_json",
        [](Ctx& x) { return fz_get(x.db, "org_unit", "root", nullptr); });
  c.add("fz_patch", "db NULL", FZ_E_ARGUMENT, "db",
        [](Ctx&) { return fz_patch(nullptr, "org_unit", "v1", "{\"name\": \"x\"}"); });
  c.add("fz_patch", "kind NULL", FZ_E_ARGUMENT, "kind",
        [](Ctx& x) { return fz_patch(x.db, nullptr, "v1", "{\"name\": \"x\"}"); });
  c.add("fz_patch", "key NULL", FZ_E_ARGUMENT, "key",
        [](Ctx& x) { return fz_patch(x.db, "org_unit", nullptr, "{\"name\": \"x\"}"); });
  c.add("fz_patch", "patch_json NULL", FZ_E_ARGUMENT, "patch_json",
        [](Ctx& x) { return fz_patch(x.db, "org_unit", "v1", nullptr); });
  c.add("fz_list", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    char* o = nullptr;
    return fz_list(nullptr, "org_unit", nullptr, &o);
  });
  c.add("fz_list", "kind NULL", FZ_E_ARGUMENT, "kind", [](Ctx& x) {
    char* o = nullptr;
    return fz_list(x.db, nullptr, nullptr, &o);
  });
  c.add("fz_list", "out_json NULL", FZ_E_ARGUMENT, "out_json",
        [](Ctx& x) { return fz_list(x.db, "org_unit", nullptr, nullptr); });
  c.add("fz_act", "db NULL", FZ_E_ARGUMENT, "db",
        [](Ctx&) { return fz_act(nullptr, "mediation_case", "c1", "close", kClose, nullptr); });
  c.add("fz_act", "kind NULL", FZ_E_ARGUMENT, "kind",
        [](Ctx& x) { return fz_act(x.db, nullptr, "c1", "close", kClose, nullptr); });
  c.add("fz_act", "key NULL", FZ_E_ARGUMENT, "key", [](Ctx& x) {
    return fz_act(x.db, "mediation_case", nullptr, "close", kClose, nullptr);
  });
  c.add("fz_act", "action NULL", FZ_E_ARGUMENT, "action",
        [](Ctx& x) { return fz_act(x.db, "mediation_case", "c1", nullptr, kClose, nullptr); });
  c.add("fz_import", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    char* o = nullptr;
    return fz_import(nullptr, kTemplate, 10, nullptr, &o);
  });
  c.add("fz_import", "ndjson NULL with a length", FZ_E_ARGUMENT, "ndjson", [](Ctx& x) {
    char* o = nullptr;
    return fz_import(x.db, nullptr, 10, nullptr, &o);
  });
  c.add("fz_import_file", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx& x) {
    char* o = nullptr;
    return fz_import_file(nullptr, x.path.c_str(), nullptr, &o);
  });
  c.add("fz_import_file", "path NULL", FZ_E_ARGUMENT, "path", [](Ctx& x) {
    char* o = nullptr;
    return fz_import_file(x.db, nullptr, nullptr, &o);
  });
  c.add("fz_bulk_begin", "db NULL", FZ_E_ARGUMENT, "db",
        [](Ctx&) { return fz_bulk_begin(nullptr); });
  c.add("fz_bulk_end", "db NULL", FZ_E_ARGUMENT, "db",
        [](Ctx&) { return fz_bulk_end(nullptr, nullptr); });
  c.add("fz_export_file", "db NULL", FZ_E_ARGUMENT, "db",
        [](Ctx& x) { return fz_export_file(nullptr, (x.dir + "/e.ndjson").c_str(), nullptr); });
  c.add("fz_export_file", "path NULL", FZ_E_ARGUMENT, "path",
        [](Ctx& x) { return fz_export_file(x.db, nullptr, nullptr); });
  c.add("fz_begin", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) { return fz_begin(nullptr); });
  c.add("fz_commit", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) { return fz_commit(nullptr); });
  c.add("fz_rollback", "db NULL", FZ_E_ARGUMENT, "db",
        [](Ctx&) { return fz_rollback(nullptr); });
  c.add("fz_commit", "without fz_begin", FZ_E_CONFLICT, "transaction",
        [](Ctx& x) { return fz_commit(x.db); });
  c.add("fz_rollback", "without fz_begin", FZ_E_CONFLICT, "transaction",
        [](Ctx& x) { return fz_rollback(x.db); });
  c.add("fz_indicator", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    fz_value v{};
    return fz_indicator(nullptr, "mediation.received", "root", "2022", nullptr, &v);
  });
  c.add("fz_indicator", "code NULL", FZ_E_ARGUMENT, "code", [](Ctx& x) {
    fz_value v{};
    return fz_indicator(x.db, nullptr, "root", "2022", nullptr, &v);
  });
  c.add("fz_indicator", "unit NULL", FZ_E_ARGUMENT, "unit", [](Ctx& x) {
    fz_value v{};
    return fz_indicator(x.db, "mediation.received", nullptr, "2022", nullptr, &v);
  });
  c.add("fz_indicator", "period NULL", FZ_E_ARGUMENT, "period", [](Ctx& x) {
    fz_value v{};
    return fz_indicator(x.db, "mediation.received", "root", nullptr, nullptr, &v);
  });
  c.add("fz_indicator", "out NULL", FZ_E_ARGUMENT, "out", [](Ctx& x) {
    return fz_indicator(x.db, "mediation.received", "root", "2022", nullptr, nullptr);
  });
  c.add("fz_indicators", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    char* o = nullptr;
    return fz_indicators(nullptr, "{\"unit\": \"root\", \"period\": \"2022\"}", &o);
  });
  c.add("fz_indicators", "query_json NULL", FZ_E_ARGUMENT, "query_json", [](Ctx& x) {
    char* o = nullptr;
    return fz_indicators(x.db, nullptr, &o);
  });
  c.add("fz_indicators", "out_json NULL", FZ_E_ARGUMENT, "out_json", [](Ctx& x) {
    return fz_indicators(x.db, "{\"unit\": \"root\", \"period\": \"2022\"}", nullptr);
  });
  c.add("fz_explain", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    char* o = nullptr;
    return fz_explain(nullptr, "mediation.success_rate", "root", "2022", nullptr, &o);
  });
  c.add("fz_explain", "code NULL", FZ_E_ARGUMENT, "code", [](Ctx& x) {
    char* o = nullptr;
    return fz_explain(x.db, nullptr, "root", "2022", nullptr, &o);
  });
  c.add("fz_explain", "unit NULL", FZ_E_ARGUMENT, "unit", [](Ctx& x) {
    char* o = nullptr;
    return fz_explain(x.db, "mediation.success_rate", nullptr, "2022", nullptr, &o);
  });
  c.add("fz_explain", "period NULL", FZ_E_ARGUMENT, "period", [](Ctx& x) {
    char* o = nullptr;
    return fz_explain(x.db, "mediation.success_rate", "root", nullptr, nullptr, &o);
  });
  c.add("fz_explain", "out_json NULL", FZ_E_ARGUMENT, "out_json", [](Ctx& x) {
    return fz_explain(x.db, "mediation.success_rate", "root", "2022", nullptr, nullptr);
  });
  c.add("fz_define_indicator", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    return fz_define_indicator(nullptr, "{\"code\": \"custom.x\", \"expression\": \"1\"}");
  });
  c.add("fz_define_indicator", "definition_json NULL", FZ_E_ARGUMENT, "definition_json",
        [](Ctx& x) { return fz_define_indicator(x.db, nullptr); });
  c.add("fz_findings", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    char* o = nullptr;
    return fz_findings(nullptr, nullptr, &o);
  });
  c.add("fz_findings", "out_json NULL", FZ_E_ARGUMENT, "out_json",
        [](Ctx& x) { return fz_findings(x.db, nullptr, nullptr); });
  c.add("fz_alerts", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    char* o = nullptr;
    return fz_alerts(nullptr, "{\"unit\": \"root\", \"as_of\": \"2022-12-20\"}", &o);
  });
  c.add("fz_alerts", "query_json NULL", FZ_E_ARGUMENT, "query_json", [](Ctx& x) {
    char* o = nullptr;
    return fz_alerts(x.db, nullptr, &o);
  });
  c.add("fz_alerts", "out_json NULL", FZ_E_ARGUMENT, "out_json", [](Ctx& x) {
    return fz_alerts(x.db, "{\"unit\": \"root\", \"as_of\": \"2022-12-20\"}", nullptr);
  });
  c.add("fz_report", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    char* o = nullptr;
    return fz_report(nullptr, "root", 2022, "markdown", nullptr, &o);
  });
  c.add("fz_report", "unit NULL", FZ_E_ARGUMENT, "unit", [](Ctx& x) {
    char* o = nullptr;
    return fz_report(x.db, nullptr, 2022, "markdown", nullptr, &o);
  });
  c.add("fz_report", "format NULL", FZ_E_ARGUMENT, "format", [](Ctx& x) {
    char* o = nullptr;
    return fz_report(x.db, "root", 2022, nullptr, nullptr, &o);
  });
  c.add("fz_report", "out_text NULL", FZ_E_ARGUMENT, "out_text",
        [](Ctx& x) { return fz_report(x.db, "root", 2022, "markdown", nullptr, nullptr); });
  c.add("fz_journal_verify", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    char* o = nullptr;
    return fz_journal_verify(nullptr, &o);
  });
  c.add("fz_journal_verify", "out_json NULL", FZ_E_ARGUMENT, "out_json",
        [](Ctx& x) { return fz_journal_verify(x.db, nullptr); });
  c.add("fz_history", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    char* o = nullptr;
    return fz_history(nullptr, "org_unit", "root", &o);
  });
  c.add("fz_history", "kind NULL", FZ_E_ARGUMENT, "kind", [](Ctx& x) {
    char* o = nullptr;
    return fz_history(x.db, nullptr, "root", &o);
  });
  c.add("fz_history", "key NULL", FZ_E_ARGUMENT, "key", [](Ctx& x) {
    char* o = nullptr;
    return fz_history(x.db, "org_unit", nullptr, &o);
  });
  c.add("fz_history", "out_json NULL", FZ_E_ARGUMENT, "out_json",
        [](Ctx& x) { return fz_history(x.db, "org_unit", "root", nullptr); });
  c.add("fz_history_text", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    char* o = nullptr;
    return fz_history_text(nullptr, "org_unit", "root", "markdown", &o);
  });
  c.add("fz_history_text", "kind NULL", FZ_E_ARGUMENT, "kind", [](Ctx& x) {
    char* o = nullptr;
    return fz_history_text(x.db, nullptr, "root", "markdown", &o);
  });
  c.add("fz_history_text", "key NULL", FZ_E_ARGUMENT, "key", [](Ctx& x) {
    char* o = nullptr;
    return fz_history_text(x.db, "org_unit", nullptr, "markdown", &o);
  });
  c.add("fz_history_text", "format NULL", FZ_E_ARGUMENT, "format", [](Ctx& x) {
    char* o = nullptr;
    return fz_history_text(x.db, "org_unit", "root", nullptr, &o);
  });
  c.add("fz_history_text", "out_text NULL", FZ_E_ARGUMENT, "out_text",
        [](Ctx& x) { return fz_history_text(x.db, "org_unit", "root", "markdown", nullptr); });
  c.add("fz_calendar_load", "db NULL", FZ_E_ARGUMENT, "db",
        [](Ctx&) { return fz_calendar_load(nullptr, "2030-01-01,off,元旦,2030\n", 24); });
  c.add("fz_calendar_load", "csv NULL", FZ_E_ARGUMENT, "csv",
        [](Ctx& x) { return fz_calendar_load(x.db, nullptr, 24); });
  c.add("fz_calendar_load_file", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx& x) {
    return fz_calendar_load_file(nullptr, x.path.c_str(), nullptr);
  });
  c.add("fz_calendar_load_file", "path NULL", FZ_E_ARGUMENT, "path",
        [](Ctx& x) { return fz_calendar_load_file(x.db, nullptr, nullptr); });
  c.add("fz_calendar_years", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    char* o = nullptr;
    return fz_calendar_years(nullptr, &o);
  });
  c.add("fz_calendar_years", "out_json NULL", FZ_E_ARGUMENT, "out_json",
        [](Ctx& x) { return fz_calendar_years(x.db, nullptr); });
  c.add("fz_calendar_query", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    char* o = nullptr;
    return fz_calendar_query(nullptr, "{\"op\": \"is_working_day\", \"date\": \"2022-01-04\"}",
                             &o);
  });
  c.add("fz_calendar_query", "request_json NULL", FZ_E_ARGUMENT, "request_json", [](Ctx& x) {
    char* o = nullptr;
    return fz_calendar_query(x.db, nullptr, &o);
  });
  c.add("fz_calendar_query", "out_json NULL", FZ_E_ARGUMENT, "out_json", [](Ctx& x) {
    return fz_calendar_query(x.db, "{\"op\": \"is_working_day\", \"date\": \"2022-01-04\"}",
                             nullptr);
  });
  c.add("fz_calendar_is_working_day", "date NULL", FZ_E_ARGUMENT, "date", [](Ctx& x) {
    int32_t b = 0;
    return fz_calendar_is_working_day(x.db, nullptr, &b);
  });
  c.add("fz_calendar_is_working_day", "out_bool NULL", FZ_E_ARGUMENT, "out_bool",
        [](Ctx& x) { return fz_calendar_is_working_day(x.db, "2022-01-04", nullptr); });
  c.add("fz_calendar_add_working_days", "date NULL", FZ_E_ARGUMENT, "date", [](Ctx& x) {
    char d[11];
    return fz_calendar_add_working_days(x.db, nullptr, 3, d);
  });
  c.add("fz_calendar_add_working_days", "out_date NULL", FZ_E_ARGUMENT, "out_date",
        [](Ctx& x) { return fz_calendar_add_working_days(x.db, "2022-01-04", 3, nullptr); });
  c.add("fz_calendar_working_days_between", "from NULL", FZ_E_ARGUMENT, "from", [](Ctx& x) {
    int32_t n = 0;
    return fz_calendar_working_days_between(x.db, nullptr, "2022-02-01", &n);
  });
  c.add("fz_calendar_working_days_between", "to NULL", FZ_E_ARGUMENT, "to", [](Ctx& x) {
    int32_t n = 0;
    return fz_calendar_working_days_between(x.db, "2022-01-04", nullptr, &n);
  });
  c.add("fz_calendar_working_days_between", "out_n NULL", FZ_E_ARGUMENT, "out_n",
        [](Ctx& x) {
          return fz_calendar_working_days_between(x.db, "2022-01-04", "2022-02-01", nullptr);
        });
  c.add("fz_labels", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx&) {
    char* o = nullptr;
    return fz_labels(nullptr, "kinds", &o);
  });
  c.add("fz_labels", "set NULL", FZ_E_ARGUMENT, "set", [](Ctx& x) {
    char* o = nullptr;
    return fz_labels(x.db, nullptr, &o);
  });
  c.add("fz_labels", "out_json NULL", FZ_E_ARGUMENT, "out_json",
        [](Ctx& x) { return fz_labels(x.db, "kinds", nullptr); });

  // ---- text arguments ----------------------------------------------------
  text_argument(c, "fz_put", "kind", FZ_E_ARGUMENT, "kind", [](Ctx& x, const std::string& v) {
    return fz_put(x.db, v.c_str(), kUnit, nullptr);
  });
  text_argument(c, "fz_get", "kind", FZ_E_ARGUMENT, "kind", [](Ctx& x, const std::string& v) {
    char* o = nullptr;
    return fz_get(x.db, v.c_str(), "root", &o);
  });
  text_argument(c, "fz_get", "key", FZ_E_NOT_FOUND, "key", [](Ctx& x, const std::string& v) {
    char* o = nullptr;
    return fz_get(x.db, "org_unit", v.c_str(), &o);
  });
  text_argument(c, "fz_patch", "kind", FZ_E_ARGUMENT, "kind", [](Ctx& x, const std::string& v) {
    return fz_patch(x.db, v.c_str(), "v1", "{\"name\": \"西风村\"}");
  });
  text_argument(c, "fz_patch", "key", FZ_E_NOT_FOUND, "key", [](Ctx& x, const std::string& v) {
    return fz_patch(x.db, "org_unit", v.c_str(), "{\"name\": \"西风村\"}");
  });
  text_argument(c, "fz_list", "kind", FZ_E_ARGUMENT, "kind", [](Ctx& x, const std::string& v) {
    char* o = nullptr;
    return fz_list(x.db, v.c_str(), nullptr, &o);
  });
  text_argument(c, "fz_act", "kind", FZ_E_ARGUMENT, "kind", [](Ctx& x, const std::string& v) {
    return fz_act(x.db, v.c_str(), "c1", "close", kClose, nullptr);
  });
  text_argument(c, "fz_act", "key", FZ_E_NOT_FOUND, "key", [](Ctx& x, const std::string& v) {
    return fz_act(x.db, "mediation_case", v.c_str(), "close", kClose, nullptr);
  });
  text_argument(c, "fz_act", "action", FZ_E_ARGUMENT, "action",
                [](Ctx& x, const std::string& v) {
                  return fz_act(x.db, "mediation_case", "c1", v.c_str(), kClose, nullptr);
                });
  text_argument(c, "fz_indicator", "code", FZ_E_ARGUMENT, "code",
                [](Ctx& x, const std::string& v) {
                  fz_value r{};
                  return fz_indicator(x.db, v.c_str(), "root", "2022", nullptr, &r);
                });
  text_argument(c, "fz_indicator", "unit", FZ_E_NOT_FOUND, "unit",
                [](Ctx& x, const std::string& v) {
                  fz_value r{};
                  return fz_indicator(x.db, "mediation.received", v.c_str(), "2022", nullptr,
                                      &r);
                });
  text_argument(c, "fz_indicator", "period", FZ_E_ARGUMENT, "period",
                [](Ctx& x, const std::string& v) {
                  fz_value r{};
                  return fz_indicator(x.db, "mediation.received", "root", v.c_str(), nullptr,
                                      &r);
                });
  text_argument(c, "fz_explain", "code", FZ_E_ARGUMENT, "code",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_explain(x.db, v.c_str(), "root", "2022", nullptr, &o);
                });
  text_argument(c, "fz_explain", "unit", FZ_E_NOT_FOUND, "unit",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_explain(x.db, "mediation.success_rate", v.c_str(), "2022", nullptr,
                                    &o);
                });
  text_argument(c, "fz_explain", "period", FZ_E_ARGUMENT, "period",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_explain(x.db, "mediation.success_rate", "root", v.c_str(), nullptr,
                                    &o);
                });
  text_argument(c, "fz_report", "unit", FZ_E_NOT_FOUND, "unit",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_report(x.db, v.c_str(), 2022, "markdown", nullptr, &o);
                });
  text_argument(c, "fz_report", "format", FZ_E_ARGUMENT, "format",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_report(x.db, "root", 2022, v.c_str(), nullptr, &o);
                });
  text_argument(c, "fz_history", "kind", FZ_E_ARGUMENT, "kind",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_history(x.db, v.c_str(), "root", &o);
                });
  text_argument(c, "fz_history", "key", FZ_E_NOT_FOUND, "key",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_history(x.db, "org_unit", v.c_str(), &o);
                });
  text_argument(c, "fz_history_text", "kind", FZ_E_ARGUMENT, "kind",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_history_text(x.db, v.c_str(), "root", "markdown", &o);
                });
  text_argument(c, "fz_history_text", "key", FZ_E_NOT_FOUND, "key",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_history_text(x.db, "org_unit", v.c_str(), "markdown", &o);
                });
  text_argument(c, "fz_history_text", "format", FZ_E_ARGUMENT, "format",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_history_text(x.db, "org_unit", "root", v.c_str(), &o);
                });
  text_argument(c, "fz_calendar_is_working_day", "date", FZ_E_ARGUMENT, "date",
                [](Ctx& x, const std::string& v) {
                  int32_t b = 0;
                  return fz_calendar_is_working_day(x.db, v.c_str(), &b);
                });
  text_argument(c, "fz_calendar_add_working_days", "date", FZ_E_ARGUMENT, "date",
                [](Ctx& x, const std::string& v) {
                  char d[11];
                  return fz_calendar_add_working_days(x.db, v.c_str(), 3, d);
                });
  text_argument(c, "fz_calendar_working_days_between", "from", FZ_E_ARGUMENT, "from",
                [](Ctx& x, const std::string& v) {
                  int32_t n = 0;
                  return fz_calendar_working_days_between(x.db, v.c_str(), "2022-02-01", &n);
                });
  text_argument(c, "fz_calendar_working_days_between", "to", FZ_E_ARGUMENT, "to",
                [](Ctx& x, const std::string& v) {
                  int32_t n = 0;
                  return fz_calendar_working_days_between(x.db, "2022-01-04", v.c_str(), &n);
                });
  text_argument(c, "fz_labels", "set", FZ_E_ARGUMENT, "set", [](Ctx& x, const std::string& v) {
    char* o = nullptr;
    return fz_labels(x.db, v.c_str(), &o);
  });
  // Paths that name no file: reading them is FZ_E_IO naming the path given;
  // a path that is not UTF-8 is refused as such.
  text_argument(c, "fz_import_file", "path", FZ_E_IO, "missing/",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_import_file(x.db, (x.dir + "/missing/" + v).c_str(), nullptr, &o);
                },
                "path: is not valid UTF-8");
  text_argument(c, "fz_calendar_load_file", "path", FZ_E_IO, "missing/",
                [](Ctx& x, const std::string& v) {
                  return fz_calendar_load_file(x.db, (x.dir + "/missing/" + v).c_str(), nullptr);
                },
                "path: is not valid UTF-8");

  // ---- JSON arguments ----------------------------------------------------
  json_argument(c, "fz_open", "options_json", "options", "\"create\": false",
                [](Ctx& x, const std::string& v) {
                  fz_db* d = nullptr;
                  const fz_status st = fz_open(x.path.c_str(), v.c_str(), &d);
                  if (d != nullptr) fz_close(d);  // only if the case wrongly succeeded; keeps fz_last_error
                  return st;
                });
  json_argument(c, "fz_put", "record_json", "record", "\"code\": \"a\"",
                [](Ctx& x, const std::string& v) {
                  return fz_put(x.db, "org_unit", v.c_str(), nullptr);
                });
  json_argument(c, "fz_patch", "patch_json", "patch", "\"name\": \"a\"",
                [](Ctx& x, const std::string& v) {
                  return fz_patch(x.db, "org_unit", "v1", v.c_str());
                });
  json_argument(c, "fz_list", "query_json", "query", "\"limit\": 1",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_list(x.db, "org_unit", v.c_str(), &o);
                });
  json_argument(c, "fz_act", "args_json", "args", "\"date\": \"2022-03-10\"",
                [](Ctx& x, const std::string& v) {
                  return fz_act(x.db, "mediation_case", "c1", "close", v.c_str(), nullptr);
                });
  json_argument(c, "fz_import", "options_json", "options", "\"batch\": 10",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_import(x.db, kTemplate, std::char_traits<char>::length(kTemplate),
                                   v.c_str(), &o);
                });
  json_argument(c, "fz_import_file", "options_json", "options", "\"batch\": 10",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_import_file(x.db, x.path.c_str(), v.c_str(), &o);
                });
  json_argument(c, "fz_export_file", "query_json", "query", "\"unit\": \"root\"",
                [](Ctx& x, const std::string& v) {
                  return fz_export_file(x.db, (x.dir + "/e.ndjson").c_str(), v.c_str());
                });
  json_argument(c, "fz_indicator", "params_json", "params", "\"min_yuan\": 1",
                [](Ctx& x, const std::string& v) {
                  fz_value r{};
                  return fz_indicator(x.db, "mediation.large_amount", "root", "2022", v.c_str(),
                                      &r);
                });
  json_argument(c, "fz_indicators", "query_json", "query", "\"unit\": \"root\"",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_indicators(x.db, v.c_str(), &o);
                });
  json_argument(c, "fz_explain", "params_json", "params", "\"min_yuan\": 1",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_explain(x.db, "mediation.large_amount", "root", "2022", v.c_str(),
                                    &o);
                });
  json_argument(c, "fz_define_indicator", "definition_json", "definition",
                "\"code\": \"custom.a\"", [](Ctx& x, const std::string& v) {
                  return fz_define_indicator(x.db, v.c_str());
                });
  json_argument(c, "fz_findings", "query_json", "query", "\"unit\": \"root\"",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_findings(x.db, v.c_str(), &o);
                });
  json_argument(c, "fz_alerts", "query_json", "query", "\"unit\": \"root\"",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_alerts(x.db, v.c_str(), &o);
                });
  json_argument(c, "fz_report", "options_json", "options", "\"params\": {}",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_report(x.db, "root", 2022, "markdown", v.c_str(), &o);
                });
  json_argument(c, "fz_calendar_query", "request_json", "request",
                "\"op\": \"is_working_day\", \"date\": \"2022-01-04\"",
                [](Ctx& x, const std::string& v) {
                  char* o = nullptr;
                  return fz_calendar_query(x.db, v.c_str(), &o);
                });

  // ---- records: dates, numbers, NUL, huge text, duplicates, references ----
  const auto put = [&c](const std::string& kind, const std::string& what, fz_status expect,
                        const std::string& mention, const std::string& record) {
    c.add("fz_put", kind + " " + what, expect, mention,
          [kind, record](Ctx& x) { return fz_put(x.db, kind.c_str(), record.c_str(), nullptr); });
  };
  const std::string unit_head =
      "{\"code\": \"new-unit\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\"";
  for (const char* date : {"2022-02-30", "2023-02-29", "2022-13-01", "2022-00-10", "2022-1-5",
                           "20220105", "2022/01/05", "", "0000-01-01", "9999-99-99",
                           "2022-01-05T00:00:00"}) {
    put("org_unit", std::string("active_from '") + date + "'", FZ_E_ARGUMENT, "active_from",
        unit_head + ", \"active_from\": \"" + date + "\"}");
  }
  const std::string committee_head =
      "{\"key\": \"mc2\", \"unit\": \"v1\", \"name\": \"委员会\", \"established\": "
      "\"2015-03-06\"";
  for (const char* members : {"-1", "1e400", "-1e400", "1.5", "9223372036854775808",
                              "\"3\"", "true", "[3]", "{}"}) {
    // A number past a double stops the parse before any field is known: the
    // argument is named, with the number.
    const bool unreadable = std::string(members).find("e400") != std::string::npos;
    put("mediation_committee", std::string("members ") + members, FZ_E_ARGUMENT,
        unreadable ? "record_json: not valid JSON: number overflow" : "members",
        committee_head + ", \"members\": " + members + "}");
  }
  const std::string case_head =
      "{\"key\": \"c2\", \"committee\": \"mc1\", \"received\": \"2022-03-01\", \"source\": "
      "\"application\", \"category\": \"neighbourhood\"";
  for (const char* amount : {"\"NaN\"", "\"Infinity\"", "\"-1.00\"", "\"1e400\"", "\"abc\"",
                             "\"1.001\"", "\"99999999999999999999999.00\"", "NaN", "1e400"}) {
    const bool unreadable = std::string(amount) == "NaN" || std::string(amount) == "1e400";
    put("mediation_case", std::string("amount_yuan ") + amount, FZ_E_ARGUMENT,
        unreadable ? "record_json: not valid JSON" : "amount_yuan",
        case_head + ", \"amount_yuan\": " + amount + "}");
  }
  for (const char* date : {"2022-02-30", "2021-02-29", "2022-04-31", "tomorrow"}) {
    put("mediation_case", std::string("received '") + date + "'", FZ_E_ARGUMENT, "received",
        "{\"key\": \"c2\", \"committee\": \"mc1\", \"received\": \"" + std::string(date) +
            "\", \"source\": \"application\", \"category\": \"neighbourhood\"}");
  }
  put("mediation_case", "category unknown", FZ_E_ARGUMENT, "category",
      "{\"key\": \"c2\", \"committee\": \"mc1\", \"received\": \"2022-03-01\", \"source\": "
      "\"application\", \"category\": \"neighbour' OR 1=1 --\"}");
  put("mediation_case", "committee unknown", FZ_E_ARGUMENT, "committee",
      "{\"key\": \"c2\", \"committee\": \"mc1'; DROP TABLE mediation_case; --\", \"received\": "
      "\"2022-03-01\", \"source\": \"application\", \"category\": \"neighbourhood\"}");
  put("org_unit", "name holding NUL", FZ_E_ARGUMENT, "name",
      "{\"code\": \"new-unit\", \"name\": \"新\\u0000村\", \"kind\": \"village\", \"parent\": "
      "\"root\"}");
  put("org_unit", "name holding U+0007", FZ_E_ARGUMENT, "name",
      "{\"code\": \"new-unit\", \"name\": \"新\\u0007村\", \"kind\": \"village\", \"parent\": "
      "\"root\"}");
  put("org_unit", "code holding NUL", FZ_E_ARGUMENT, "code",
      "{\"code\": \"new\\u0000unit\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": "
      "\"root\"}");
  // The whole document is checked for UTF-8 before it is parsed.
  put("org_unit", "name invalid UTF-8", FZ_E_ARGUMENT, "record_json: is not valid UTF-8",
      "{\"code\": \"new-unit\", \"name\": \"" + abi_test::bad_utf8()[2] +
          "\", \"kind\": \"village\", \"parent\": \"root\"}");
  put("org_unit", "lone surrogate escape in name", FZ_E_ARGUMENT, "record_json: not valid JSON",
      "{\"code\": \"new-unit\", \"name\": \"\\ud800\", \"kind\": \"village\", \"parent\": "
      "\"root\"}");
  put("org_unit", "parent of 10 MB", FZ_E_ARGUMENT, "parent",
      "{\"code\": \"new-unit\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"" +
          ten_mb() + "\"}");
  put("org_unit", "kind unknown", FZ_E_ARGUMENT, "kind",
      "{\"code\": \"new-unit\", \"name\": \"新村\", \"kind\": \"castle\", \"parent\": \"root\"}");
  put("org_unit", "parent missing", FZ_E_ARGUMENT, "parent",
      "{\"code\": \"new-unit\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": "
      "\"nowhere\"}");
  put("org_unit", "name missing", FZ_E_ARGUMENT, "name",
      "{\"code\": \"new-unit\", \"kind\": \"village\", \"parent\": \"root\"}");
  put("org_unit", "name a number", FZ_E_ARGUMENT, "name",
      "{\"code\": \"new-unit\", \"name\": 7, \"kind\": \"village\", \"parent\": \"root\"}");
  put("org_unit", "duplicate field", FZ_E_ARGUMENT, "name",
      "{\"code\": \"new-unit\", \"name\": \"新村\", \"name\": \"旧村\", \"kind\": \"village\", "
      "\"parent\": \"root\"}");
  put("org_unit", "record disagreeing with kind", FZ_E_ARGUMENT, "record",
      "{\"record\": \"mediation_case\", \"code\": \"new-unit\", \"name\": \"新村\", \"kind\": "
      "\"village\", \"parent\": \"root\"}");
  put("org_unit", "id of no record", FZ_E_ARGUMENT, "id",
      "{\"id\": 999999, \"code\": \"new-unit\", \"name\": \"新村\", \"kind\": \"village\"}");
  put("org_unit", "id disagreeing with key", FZ_E_ARGUMENT, "id",
      "{\"id\": 1, \"code\": \"v1\", \"name\": \"新村\", \"kind\": \"village\"}");
  put("org_unit", "ext nested 100 deep", FZ_E_ARGUMENT, "nested deeper than 64 levels",
      "{\"code\": \"new-unit\", \"name\": \"新村\", \"kind\": \"village\", \"parent\": \"root\", "
      "\"ext\": {\"a\": " + nested(100) + "}}");
  put("org_unit", "parent its own child (a cycle)", FZ_E_RULE, "parent: would make the unit its own ancestor",
      "{\"code\": \"root\", \"name\": \"高新区管委会\", \"kind\": \"zone_committee\", \"parent\": "
      "\"v1\"}");

  // ---- patch and act -----------------------------------------------------
  c.add("fz_patch", "unknown field", FZ_E_ARGUMENT, "colour",
        [](Ctx& x) { return fz_patch(x.db, "org_unit", "v1", "{\"colour\": \"red\"}"); });
  c.add("fz_patch", "impossible date", FZ_E_ARGUMENT, "active_from", [](Ctx& x) {
    return fz_patch(x.db, "org_unit", "v1", "{\"active_from\": \"2022-02-30\"}");
  });
  c.add("fz_patch", "required field cleared", FZ_E_ARGUMENT, "name",
        [](Ctx& x) { return fz_patch(x.db, "org_unit", "v1", "{\"name\": null}"); });
  c.add("fz_patch", "name of 10 MB holding NUL", FZ_E_ARGUMENT, "name", [](Ctx& x) {
    const std::string p = "{\"name\": \"" + ten_mb() + "\\u0000\"}";
    return fz_patch(x.db, "org_unit", "v1", p.c_str());
  });
  for (const char* action : {"explode", "CLOSE", "close; DROP TABLE mediation_case"}) {
    c.add("fz_act", std::string("unknown action '") + action + "'", FZ_E_ARGUMENT, "action",
          [action](Ctx& x) { return fz_act(x.db, "mediation_case", "c1", action, kClose, nullptr); });
  }
  c.add("fz_act", "action on a kind without actions", FZ_E_ARGUMENT, "action",
        [](Ctx& x) { return fz_act(x.db, "org_unit", "v1", "close", kClose, nullptr); });
  c.add("fz_act", "close with an impossible date", FZ_E_ARGUMENT, "date", [](Ctx& x) {
    return fz_act(x.db, "mediation_case", "c1", "close",
                  "{\"date\": \"2022-02-30\", \"outcome\": \"succeeded\"}", nullptr);
  });
  c.add("fz_act", "close with an unknown outcome", FZ_E_ARGUMENT, "outcome", [](Ctx& x) {
    return fz_act(x.db, "mediation_case", "c1", "close",
                  "{\"date\": \"2022-03-10\", \"outcome\": \"maybe\"}", nullptr);
  });
  c.add("fz_act", "close before received", FZ_E_ARGUMENT, "date: is before the case was received", [](Ctx& x) {
    return fz_act(x.db, "mediation_case", "c1", "close",
                  "{\"date\": \"2022-02-01\", \"outcome\": \"succeeded\"}", nullptr);
  });
  c.add("fz_act", "close with a NaN amount", FZ_E_ARGUMENT, "agreement_amount_yuan", [](Ctx& x) {
    return fz_act(x.db, "mediation_case", "c1", "close",
                  "{\"date\": \"2022-03-10\", \"outcome\": \"succeeded\", \"agreement\": "
                  "\"written\", \"agreement_amount_yuan\": \"NaN\"}",
                  nullptr);
  });

  // ---- list queries ------------------------------------------------------
  const auto list = [&c](const std::string& what, const std::string& mention,
                         const std::string& query) {
    c.add("fz_list", what, FZ_E_ARGUMENT, mention, [query](Ctx& x) {
      char* o = nullptr;
      return fz_list(x.db, "org_unit", query.c_str(), &o);
    });
  };
  list("limit -1", "limit", "{\"limit\": -1}");
  list("limit 1e400", "query_json: not valid JSON: number overflow", "{\"limit\": 1e400}");
  list("limit a string", "limit", "{\"limit\": \"10\"}");
  list("offset -5", "offset", "{\"offset\": -5}");
  list("period 2022Q5", "period", "{\"period\": \"2022Q5\"}");
  list("where on an unknown field (injection)", "1=1 OR code",
       "{\"where\": {\"1=1 OR code\": \"x\"}}");
  list("where not an object", "where", "{\"where\": [1]}");
  list("id a string", "id", "{\"id\": \"1\"}");
  list("subtree a string", "subtree", "{\"subtree\": \"yes\"}");
  c.add("fz_list", "unit unknown", FZ_E_NOT_FOUND, "unit", [](Ctx& x) {
    char* o = nullptr;
    return fz_list(x.db, "org_unit", "{\"unit\": \"nowhere\"}", &o);
  });

  // ---- periods -----------------------------------------------------------
  for (const char* period :
       {"2022Q5", "2022Q0", "2022H3", "2022-13", "2022-00", "2022W54", "2022W00", "22",
        "2022-06-30/2022-01-01", "2022-02-30/2022-03-01", "2022-01-01/", "/2022-01-01",
        "2022/2023", "20222", "-2022", "2022 ", " 2022", "2022Q1Q2", "99999", "0"}) {
    c.add("fz_indicator", std::string("period '") + period + "'", FZ_E_ARGUMENT, "period",
          [period](Ctx& x) {
            fz_value r{};
            return fz_indicator(x.db, "mediation.received", "root", period, nullptr, &r);
          });
  }
  for (const char* period : {"2022Q5", "2022-02-30/2022-03-01", "abc"}) {
    c.add("fz_indicators", std::string("period '") + period + "'", FZ_E_ARGUMENT, "period",
          [period](Ctx& x) {
            char* o = nullptr;
            const std::string q =
                std::string("{\"unit\": \"root\", \"period\": \"") + period + "\"}";
            return fz_indicators(x.db, q.c_str(), &o);
          });
    c.add("fz_findings", std::string("period '") + period + "'", FZ_E_ARGUMENT, "period",
          [period](Ctx& x) {
            char* o = nullptr;
            const std::string q = std::string("{\"period\": \"") + period + "\"}";
            return fz_findings(x.db, q.c_str(), &o);
          });
  }
  c.add("fz_indicators", "codes holding an unknown code", FZ_E_ARGUMENT, "no.such", [](Ctx& x) {
    char* o = nullptr;
    return fz_indicators(
        x.db, "{\"unit\": \"root\", \"period\": \"2022\", \"codes\": [\"no.such\"]}", &o);
  });
  c.add("fz_indicators", "unit unknown", FZ_E_NOT_FOUND, "unit", [](Ctx& x) {
    char* o = nullptr;
    return fz_indicators(x.db, "{\"unit\": \"nowhere\", \"period\": \"2022\"}", &o);
  });
  c.add("fz_indicator", "breakdown member unknown", FZ_E_ARGUMENT, "no_member", [](Ctx& x) {
    fz_value r{};
    return fz_indicator(x.db, "enforcement.actions[no_member]", "root", "2022", nullptr, &r);
  });
  c.add("fz_indicator", "params min_yuan NaN", FZ_E_ARGUMENT, "min_yuan", [](Ctx& x) {
    fz_value r{};
    return fz_indicator(x.db, "mediation.large_amount", "root", "2022",
                        "{\"min_yuan\": \"NaN\"}", &r);
  });
  c.add("fz_indicator", "params min_yuan 1e400", FZ_E_ARGUMENT, "1e400", [](Ctx& x) {
    fz_value r{};
    return fz_indicator(x.db, "mediation.large_amount", "root", "2022",
                        "{\"min_yuan\": 1e400}", &r);
  });
  c.add("fz_findings", "severity unknown", FZ_E_ARGUMENT, "severity", [](Ctx& x) {
    char* o = nullptr;
    return fz_findings(x.db, "{\"severity\": \"fatal\"}", &o);
  });
  c.add("fz_findings", "unit unknown", FZ_E_NOT_FOUND, "unit", [](Ctx& x) {
    char* o = nullptr;
    return fz_findings(x.db, "{\"unit\": \"nowhere\"}", &o);
  });

  // ---- custom indicator expressions ----------------------------------------
  for (const std::string& expr : std::vector<std::string>{
           "", "1 +", "(1", "1)", "mediation.received /", "no.such.code", "prev()",
           "prev(1", "mediation.received[x", "mediation.received ** 2", "1 ; DROP TABLE meta",
           "NaN", "1e400", std::string(64 * 1024 + 1, '1'), std::string(100, '(') + "1" +
           std::string(100, ')'), "mediation.received \xff", "mediation.by_category[no_such]"}) {
    c.add("fz_define_indicator", "expression '" + expr.substr(0, 30) + "'", FZ_E_ARGUMENT,
          "expression", [expr](Ctx& x) {
            const std::string d =
                json({{"code", "custom.bad"}, {"label", "坏"}, {"expression", expr}})
                    .dump(-1, ' ', false, json::error_handler_t::replace);
            return fz_define_indicator(x.db, d.c_str());
          });
  }
  for (const char* code : {"bad", "mediation.received", "custom.", "custom.a b", "custom.x'--"}) {
    c.add("fz_define_indicator", std::string("code '") + code + "'", FZ_E_ARGUMENT, "code",
          [code](Ctx& x) {
            const std::string d =
                json({{"code", code}, {"label", "x"}, {"expression", "1"}}).dump();
            return fz_define_indicator(x.db, d.c_str());
          });
  }
  c.add("fz_define_indicator", "measure unknown", FZ_E_ARGUMENT, "measure", [](Ctx& x) {
    return fz_define_indicator(
        x.db, "{\"code\": \"custom.m\", \"label\": \"m\", \"expression\": \"1\", "
        "\"measure\": \"furlongs\"}");
  });

  // ---- report ------------------------------------------------------------
  for (int32_t year : {0, -1, 1899, 100000, INT32_MIN, INT32_MAX}) {
    c.add("fz_report", "year " + std::to_string(year), FZ_E_ARGUMENT, "year", [year](Ctx& x) {
      char* o = nullptr;
      return fz_report(x.db, "root", year, "markdown", nullptr, &o);
    });
  }
  c.add("fz_report", "params min_yuan a string", FZ_E_ARGUMENT, "min_yuan", [](Ctx& x) {
    char* o = nullptr;
    return fz_report(x.db, "root", 2022, "markdown", "{\"params\": {\"min_yuan\": \"x\"}}", &o);
  });

  // ---- import: raw bytes -------------------------------------------------
  c.add("fz_import", "options batch 0", FZ_E_ARGUMENT, "batch", [](Ctx& x) {
    char* o = nullptr;
    return fz_import(x.db, kTemplate, std::char_traits<char>::length(kTemplate),
                     "{\"batch\": 0}", &o);
  });
  c.add("fz_import", "options batch 1e400", FZ_E_ARGUMENT, "options_json: not valid JSON: number overflow", [](Ctx& x) {
    char* s = nullptr;
    return fz_import(x.db, kTemplate, std::char_traits<char>::length(kTemplate),
                     "{\"batch\": 1e400}", &s);
  });
  for (const char* opt : {"{\"batch\": -1}", "{\"mode\": \"lenient\"}",
                          "{\"bulk\": \"yes\"}", "{\"actor\": 5}"}) {
    const std::string o = opt;
    const std::string field = o.substr(2, o.find('"', 2) - 2);
    c.add("fz_import", "options " + o, FZ_E_ARGUMENT, field, [o](Ctx& x) {
      char* s = nullptr;
      return fz_import(x.db, kTemplate, std::char_traits<char>::length(kTemplate), o.c_str(), &s);
    });
  }
  c.add("fz_import", "a line over 16 MiB", FZ_E_ARGUMENT, "line 1", [](Ctx& x) {
    const std::string line = "{\"record\": \"org_unit\", \"name\": \"" +
                             std::string(FZ_MAX_LINE_BYTES, 'x') + "\"}\n";
    char* s = nullptr;
    return fz_import(x.db, line.data(), line.size(), nullptr, &s);
  });

  // ---- calendar ----------------------------------------------------------
  const auto csv = [&c](const std::string& what, const std::string& mention,
                        const std::string& bytes) {
    c.add("fz_calendar_load", what, FZ_E_ARGUMENT, mention, [bytes](Ctx& x) {
      return fz_calendar_load(x.db, bytes.data(), bytes.size());
    });
  };
  csv("empty", "csv", "");
  csv("an impossible date", "line 1", "2030-02-30,off,春节,2030\n");
  csv("an unknown day kind", "line 1", "2030-01-01,maybe,元旦,2030\n");
  static const char with_nul[] = "2030-01-01,off,元旦,2030\n2030-01-02,off,元\0旦,2030\n";
  csv("a NUL in a line", "line 2", std::string(with_nul, sizeof with_nul - 1));
  csv("invalid UTF-8", "csv: is not valid UTF-8", "2030-01-01,off," + abi_test::bad_utf8()[1] + ",2030\n");
  csv("too few columns", "line 1", "2030-01-01,off\n");
  csv("a schedule year far from the date", "line 1", "2030-01-01,off,元旦,1990\n");
  csv("a year beyond the calendar", "line 1", "99999-01-01,off,元旦,99999\n");
  for (int32_t n : {INT32_MIN, INT32_MAX}) {
    c.add("fz_calendar_add_working_days", "n " + std::to_string(n), FZ_E_ARGUMENT, "n",
          [n](Ctx& x) {
            char d[11];
            return fz_calendar_add_working_days(x.db, "2022-01-04", n, d);
          });
  }
  for (const auto& [req, named] : std::vector<std::pair<std::string, std::string>>{
           {"{\"op\": \"fly\"}", "op"},
           {"{\"op\": \"is_working_day\"}", "date"},
           {"{\"op\": \"is_working_day\", \"date\": \"2022-02-30\"}", "date"},
           {"{\"op\": \"add_working_days\", \"date\": \"2022-01-04\", \"days\": 1e400}",
            "request_json: not valid JSON: number overflow"},
           {"{\"op\": \"add_working_days\", \"date\": \"2022-01-04\", \"days\": \"3\"}", "days"},
           {"{\"op\": \"working_days_between\", \"from\": \"2022-01-04\", \"to\": \"x\"}", "to"},
           {"{\"op\": \"days_deadline\", \"date\": \"1000-01-01\", \"days\": 3}", "date"}}) {
    const std::string r = req;
    const std::string field = named;
    c.add("fz_calendar_query", r, FZ_E_ARGUMENT, field, [r](Ctx& x) {
      char* o = nullptr;
      return fz_calendar_query(x.db, r.c_str(), &o);
    });
  }

  // ---- handles -----------------------------------------------------------
  c.add("fz_open", "create false on a missing file", FZ_E_IO, "absent.db", [](Ctx& x) {
    fz_db* d = nullptr;
    const fz_status st = fz_open((x.dir + "/absent.db").c_str(), "{\"create\": false}", &d);
    if (d != nullptr) fz_close(d);  // only if the case wrongly succeeded; keeps fz_last_error
    return st;
  });
  c.add("fz_open", "busy_timeout_ms -1", FZ_E_ARGUMENT, "busy_timeout_ms", [](Ctx& x) {
    fz_db* d = nullptr;
    const fz_status st = fz_open(x.path.c_str(), "{\"busy_timeout_ms\": -1}", &d);
    if (d != nullptr) fz_close(d);  // only if the case wrongly succeeded; keeps fz_last_error
    return st;
  });
  c.add("fz_open", "mode unknown", FZ_E_ARGUMENT, "mode", [](Ctx& x) {
    fz_db* d = nullptr;
    const fz_status st = fz_open(x.path.c_str(), "{\"mode\": \"lax\"}", &d);
    if (d != nullptr) fz_close(d);  // only if the case wrongly succeeded; keeps fz_last_error
    return st;
  });
  c.add("fz_open", "read_only a string", FZ_E_ARGUMENT, "read_only", [](Ctx& x) {
    fz_db* d = nullptr;
    const fz_status st = fz_open(x.path.c_str(), "{\"read_only\": \"yes\"}", &d);
    if (d != nullptr) fz_close(d);  // only if the case wrongly succeeded; keeps fz_last_error
    return st;
  });
  c.add("fz_bulk_begin", "twice on one handle", FZ_E_CONFLICT, "bulk", [](Ctx& x) -> fz_status {
    if (fz_bulk_begin(x.db) != FZ_OK) return FZ_E_INTERNAL;
    return fz_bulk_begin(x.db);
  });
  c.add("fz_begin", "twice on one handle", FZ_E_CONFLICT, "transaction", [](Ctx& x) -> fz_status {
    if (fz_begin(x.db) != FZ_OK) return FZ_E_INTERNAL;
    return fz_begin(x.db);
  });
  c.add("fz_export_file", "onto the open database", FZ_E_ARGUMENT, "database",
        [](Ctx& x) { return fz_export_file(x.db, x.path.c_str(), nullptr); });
  c.add("fz_export_file", "onto a directory", FZ_E_ARGUMENT, "directory",
        [](Ctx& x) { return fz_export_file(x.db, x.dir.c_str(), nullptr); });
  c.add("fz_export_file", "kinds holding an unknown kind", FZ_E_ARGUMENT, "castle", [](Ctx& x) {
    return fz_export_file(x.db, (x.dir + "/e.ndjson").c_str(), "{\"kinds\": [\"castle\"]}");
  });
  c.add("fz_report_file", "db NULL", FZ_E_ARGUMENT, "db", [](Ctx& x) {
    return fz_report_file(nullptr, "root", 2022, "docx", nullptr, (x.dir + "/r.docx").c_str());
  });
  c.add("fz_report_file", "unit NULL", FZ_E_ARGUMENT, "unit", [](Ctx& x) {
    return fz_report_file(x.db, nullptr, 2022, "docx", nullptr, (x.dir + "/r.docx").c_str());
  });
  c.add("fz_report_file", "format NULL", FZ_E_ARGUMENT, "format", [](Ctx& x) {
    return fz_report_file(x.db, "root", 2022, nullptr, nullptr, (x.dir + "/r.docx").c_str());
  });
  c.add("fz_report_file", "path NULL", FZ_E_ARGUMENT, "path",
        [](Ctx& x) { return fz_report_file(x.db, "root", 2022, "docx", nullptr, nullptr); });
  c.add("fz_report_file", "format pdf", FZ_E_ARGUMENT, "format", [](Ctx& x) {
    return fz_report_file(x.db, "root", 2022, "pdf", nullptr, (x.dir + "/r.pdf").c_str());
  });
  c.add("fz_report_file", "onto the open database", FZ_E_ARGUMENT, "database",
        [](Ctx& x) { return fz_report_file(x.db, "root", 2022, "docx", nullptr, x.path.c_str()); });
  c.add("fz_report_file", "onto a directory", FZ_E_ARGUMENT, "directory",
        [](Ctx& x) { return fz_report_file(x.db, "root", 2022, "docx", nullptr, x.dir.c_str()); });
  c.add("fz_report_file", "issuer of two lines", FZ_E_ARGUMENT, "issuer", [](Ctx& x) {
    return fz_report_file(x.db, "root", 2022, "docx", "{\"issuer\": \"a\\nb\"}", (x.dir + "/r.docx").c_str());
  });
  c.add("fz_report_file", "date not a date", FZ_E_ARGUMENT, "date", [](Ctx& x) {
    return fz_report_file(x.db, "root", 2022, "docx", "{\"date\": \"2023-02-30\"}", (x.dir + "/r.docx").c_str());
  });
  c.add("fz_report", "format docx (binary: fz_report_file)", FZ_E_ARGUMENT, "fz_report_file", [](Ctx& x) {
    char* o = nullptr;
    return fz_report(x.db, "root", 2022, "docx", nullptr, &o);
  });
  c.add("fz_labels", "set of an unknown field", FZ_E_ARGUMENT, "org_unit.colour",
        [](Ctx& x) {
          char* o = nullptr;
          return fz_labels(x.db, "org_unit.colour", &o);
        });
  return c.cases();
}

class BadInputCatalogue : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    template_ = dir_->file("template.db");
    fz_db* db = nullptr;
    ASSERT_EQ(fz_open(template_.c_str(), nullptr, &db), FZ_OK) << fz_last_error();
    char* summary = nullptr;
    ASSERT_EQ(fz_import(db, kTemplate, std::char_traits<char>::length(kTemplate), nullptr,
                        &summary),
              FZ_OK)
        << fz_last_error();
    const json s = json::parse(abi_test::take(summary));
    ASSERT_EQ(s.at("inserted").get<int>(), 4) << s.dump();
    ASSERT_EQ(fz_define_indicator(db, "{\"code\": \"custom.rate\", \"label\": \"率\", "
                                      "\"expression\": \"mediation.success_rate\"}"),
              FZ_OK)
        << fz_last_error();
    ASSERT_EQ(fz_close(db), FZ_OK);  // the last handle: the file alone holds everything
    bytes_ = abi_test::read_bytes(template_);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  // A fresh copy of the template, the path of the copy.
  static std::string fresh_copy() {
    const std::string copy = dir_->file("case.db");
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(copy + suffix);
    fs::copy_file(template_, copy);
    return copy;
  }

  static TempDir* dir_;
  static std::string template_;
  static std::string bytes_;
};

TempDir* BadInputCatalogue::dir_ = nullptr;
std::string BadInputCatalogue::template_;
std::string BadInputCatalogue::bytes_;

// The comparison below means something only if opening and closing a copy
// that nothing is done to leaves its bytes as they were.
TEST_F(BadInputCatalogue, OpenAndCloseOfAnUntouchedCopyKeepsItsBytes) {
  ASSERT_FALSE(bytes_.empty());
  const std::string copy = fresh_copy();
  fz_db* db = nullptr;
  ASSERT_EQ(fz_open(copy.c_str(), nullptr, &db), FZ_OK) << fz_last_error();
  char* out = nullptr;
  ASSERT_EQ(fz_journal_verify(db, &out), FZ_OK);
  EXPECT_TRUE(json::parse(abi_test::take(out)).at("ok").get<bool>());
  ASSERT_EQ(fz_close(db), FZ_OK);
  EXPECT_TRUE(abi_test::read_bytes(copy) == bytes_);
  EXPECT_FALSE(abi_test::exists(copy + "-wal"));
}

// And a change is seen: a put that succeeds changes the bytes.
TEST_F(BadInputCatalogue, ASuccessfulPutChangesTheBytes) {
  const std::string copy = fresh_copy();
  fz_db* db = nullptr;
  ASSERT_EQ(fz_open(copy.c_str(), nullptr, &db), FZ_OK) << fz_last_error();
  ASSERT_EQ(fz_put(db, "org_unit", kUnit, nullptr), FZ_OK) << fz_last_error();
  ASSERT_EQ(fz_close(db), FZ_OK);
  EXPECT_FALSE(abi_test::read_bytes(copy) == bytes_);
}

TEST_F(BadInputCatalogue, EveryCaseFailsAsDocumentedAndLeavesTheFileByteIdentical) {
  std::vector<Case> cases = build();
  std::cout << "bad-input catalogue: " << cases.size() << " cases" << std::endl;
  EXPECT_GE(cases.size(), 300u);
  for (Case& k : cases) {
    SCOPED_TRACE(k.entry + ": " + k.what.substr(0, 200));
    Ctx x;
    x.path = fresh_copy();
    x.dir = dir_->path().string();
    ASSERT_EQ(fz_open(x.path.c_str(), nullptr, &x.db), FZ_OK) << fz_last_error();
    const fz_status st = k.call(x);
    const std::string message = fz_last_error();
    EXPECT_EQ(st, k.expect) << "message: " << message.substr(0, 400);
    if (k.mention.empty()) {
      EXPECT_EQ(message, "");
    } else {
      EXPECT_TRUE(abi_test::is_utf8(message)) << abi_test::printable(message);
      EXPECT_NE(message.find(k.mention), std::string::npos)
          << "message \"" << message.substr(0, 400) << "\" does not name \"" << k.mention
          << "\"";
    }
    ASSERT_EQ(fz_close(x.db), FZ_OK) << fz_last_error();
    EXPECT_TRUE(abi_test::read_bytes(x.path) == bytes_) << "the file changed";
    EXPECT_FALSE(abi_test::exists(x.path + "-wal")) << "a -wal file stayed behind";
  }
}

}  // namespace
