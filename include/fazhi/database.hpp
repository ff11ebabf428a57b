// database.hpp — fazhi's C++ API: one open database of rule-of-law records.
//
// Records are JSON documents in the interchange format (see the project docs:
// record kinds, fields, actions). Every change is validated against the kind's
// declaration and rules, applied in one transaction, and appended to the
// hash-chained journal; a failed call throws fazhi::Error and changes nothing.
//
// A Database may be shared by threads: calls are serialised by an internal
// mutex. Several Database objects (in one process or several) may open the
// same file; SQLite's WAL mode and the busy timeout arbitrate between them.
#pragma once

#include <fazhi/calendar.hpp>
#include <fazhi/error.hpp>
#include <fazhi/indicator.hpp>
#include <fazhi/options.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace fazhi {

// What an import did. Rejected lines changed nothing.
struct ImportSummary {
  struct LineError {
    std::size_t line = 0;
    std::string field;
    std::string message;
    Status status = Status::argument;
  };
  std::size_t read = 0;       // non-blank lines read
  std::size_t inserted = 0;   // records created
  std::size_t updated = 0;    // records changed
  std::size_t unchanged = 0;  // records identical to what was stored
  std::size_t actions = 0;    // actions applied
  std::size_t rejected = 0;
  std::vector<LineError> errors;

  // What one line did (ImportOptions::list_changes, dry_run): "inserted",
  // "updated", "unchanged", "action" or "rejected", with the record's kind
  // and key (empty when the line could not be read that far).
  struct LineChange {
    std::size_t line = 0;
    std::string kind, key, change;
  };
  // At most kMaxListedChanges lines are listed; changes_truncated says more
  // were left out (the counts above are always whole).
  static constexpr std::size_t kMaxListedChanges = 100000;
  std::vector<LineChange> changes;
  bool changes_truncated = false;

  // An update a host should look at before it trusts it: one that moves the
  // record to another unit, or clears fields of a record an action has
  // already acted on (a closed case, a concluded review). `fields` are the
  // fields it changes that way. Warnings never reject the line.
  struct LineWarning {
    std::size_t line = 0;
    std::string kind, key;
    std::vector<std::string> fields;
    std::string message;
  };
  std::vector<LineWarning> warnings;

  nlohmann::json to_json() const;
};

class Database {
 public:
  // Opens or creates `path` (":memory:" for a private in-memory database).
  // Throws Error(io | corrupt | version | argument).
  static std::unique_ptr<Database> open(const std::string& path,
                                        const OpenOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // --- Records -------------------------------------------------------------
  // A record is addressed by its key, and a key is only ever a key ("1" is
  // never the record with id 1); an id only where it is asked for: "id" in
  // put's record or in list's query, a reference given as an integer.
  //
  // Inserts `record` or, when a record of that kind has its key, replaces its
  // fields; with "id": n, replaces the fields of that existing record (whose
  // key must agree when "key" is given too). Returns the id. Unchanged
  // records are not written or journaled.
  std::int64_t put(std::string_view kind, const nlohmann::json& record);
  // The record whose key is `key`. Throws not_found.
  nlohmann::json get(std::string_view kind, std::string_view key);
  // Changes the named fields; null clears an optional field.
  void patch(std::string_view kind, std::string_view key, const nlohmann::json& patch);
  // {"items": [...], "total": n}; query as fz_list documents it.
  nlohmann::json list(std::string_view kind, const nlohmann::json& query);
  // Applies a domain action; returns the record afterwards.
  nlohmann::json act(std::string_view kind, std::string_view key, std::string_view action,
                     const nlohmann::json& args);

  // --- Bulk ------------------------------------------------------------------
  // NDJSON lines, as fz_import documents them; a line longer than 16 MiB
  // (FZ_MAX_LINE_BYTES) stops the import with Error(argument) naming it.
  ImportSummary import_ndjson(std::string_view text, const ImportOptions& options);
  // The same, reading the file as it goes (never whole into memory).
  ImportSummary import_file(const std::string& path, const ImportOptions& options);
  // Writes the records query selects ({"kinds", "unit", "subtree"}) as NDJSON,
  // never over the open database, its -wal, -shm or -journal file or anything
  // but a regular file (Error(argument)), through a temporary file beside the
  // target; see fz_export_file.
  void export_file(const std::string& path, const nlohmann::json& query);

  // --- Bulk load (fz_bulk_begin) ---------------------------------------------
  // Between bulk_begin and bulk_end, writes through this handle leave the
  // reporting indexes of the record tables they write to be built again by
  // bulk_end, in one sorted pass each. bulk_begin: Error(conflict) when one
  // is open already. bulk_end also builds what an interrupted load left
  // deferred, returns how many indexes it built, and may be called without
  // bulk_begin. Closing the handle ends an open bulk load.
  void bulk_begin();
  std::size_t bulk_end();
  // How many indexes the file holds deferred (0 but during or after an
  // interrupted bulk load).
  std::size_t deferred_indexes();

  // --- Host transactions -------------------------------------------------------
  void begin();
  void commit();
  void rollback();

  // --- Journal ---------------------------------------------------------------
  // Verifies the journal and proves the records by it: verify_journal(null).
  nlohmann::json verify_journal();
  // The hash chain, every record against its latest entry's state, a head
  // recorded earlier, the keyed checkpoints. options (null: all defaults):
  // {"records": bool (default true), "kind": one kind's records, "unit": one
  // unit's subtree, "head": {"seq": n, "hash": "64 hex"}}. Returns
  // {"ok", "entries", "first_bad", "message", "head": {"seq", "hash"},
  // "records": {...}, "anchor": {...} (with "head"), "checkpoints": {...}};
  // fz_journal_verify_with documents each. Error(argument) names a bad
  // option, Error(not_found) an unknown unit.
  nlohmann::json verify_journal(const nlohmann::json& options);
  // The journal's head, for the host to record elsewhere: {"seq": n,
  // "hash": "64 hex digits"} ({"seq": 0, "hash": 64 "0"} when empty).
  nlohmann::json journal_head();
  // The record's full-process record (全过程记录): {"kind", "key", "id",
  // "record": current state, "entries": [...], "verification": {...}}. Also
  // act(kind, key, "full_process_record", {}).
  nlohmann::json history(std::string_view kind, std::string_view key);
  // The same as a document: format "markdown" (an archive document) or "json".
  std::string history_text(std::string_view kind, std::string_view key, std::string_view format);

  // --- Indicators ------------------------------------------------------------
  // One indicator for `unit` and everything below it, over `period` ("2022",
  // "2022Q3", ...). Unknown code, unit or period: Error(argument / not_found).
  IndicatorValue indicator(const std::string& code, const std::string& unit,
                           const std::string& period, const nlohmann::json& params = nullptr);
  // {"unit", "period", "first", "last", "indicators": [...]}; query: {"unit",
  // "period", "codes": [...] (default: the catalogue and custom codes), "params"}.
  nlohmann::json indicators(const nlohmann::json& query);
  // The keys counted in the numerator and denominator (see fz_explain).
  nlohmann::json explain(const std::string& code, const std::string& unit,
                         const std::string& period, const nlohmann::json& params = nullptr);
  // Stores a custom indicator {"code": "custom.x", "label", "expression", "measure"}.
  void define_indicator(const nlohmann::json& definition);

  // --- Annual report -----------------------------------------------------------
  // Drafts the annual report on rule-of-law government construction
  // (法治政府建设年度报告) of `unit` and its subtree for `year`, in the statutory
  // structure: measures and results, shortcomings, the first responsible
  // persons' duties, next year's plans, other matters, and a table of every
  // indicator. format: "markdown", "html" (self-contained, with SVG charts) or
  // "json" (the model the others are laid out from). options:
  // {"params": {...}} passed to the indicators (e.g. {"min_yuan": 100000}),
  // "journal_head": true to print the journal's head in the appendix as
  // 全过程记录校验码 (the report's records' journal up to there; the one
  // thing that differs between files holding the same records), and
  // "future_year": true to allow a year after the current one (Beijing
  // time), which is otherwise Error(argument) naming "year".
  // "mask_names": [names] masks those names too (a name from last year's
  // text that no record holds). "issuer" (one line, at most 60 characters;
  // default the unit's name) and "date" ("YYYY-MM-DD"; default none) are the
  // sign-off that closes the text, right-aligned as GB/T 9704 places them;
  // without "date" there is no date line. Personal names held anywhere in
  // the database never appear in it; the same records and options give the
  // same bytes. The "json" model lists, as "review_warnings", what looks
  // like a personal name in the records' text that is not masked. "docx" is
  // Error(argument) here: it is binary, written by report_file.
  std::string report(const std::string& unit, int year, std::string_view format,
                     const nlohmann::json& options = nullptr);
  // The same report written to the file `path`, in any of those formats or
  // "docx": a Word document (Office Open XML) in the national 公文 layout of
  // GB/T 9704-2012 — A4, margins 37/35/28/26 mm, 22 lines of 28 characters,
  // the title in 2号 小标宋, the text in 3号 仿宋_GB2312, headings in 黑体 and
  // 楷体_GB2312, page numbers "— 1 —" — with the indicator table as a Word
  // table and the charts as native, editable Word charts. The same records
  // and options give the same bytes (the package's timestamps are fixed).
  // The file is written as export_file writes: never over the open database
  // or its -wal, -shm or -journal file nor over anything but a regular file
  // (Error(argument) naming "path"), through a temporary file renamed over
  // it; Error(io) when it cannot be written, the target then as it was.
  void report_file(const std::string& path, const std::string& unit, int year, std::string_view format,
                   const nlohmann::json& options = nullptr);
  // The review warnings of that report without drafting it (no indicator is
  // computed): {"warnings": [{"name", "context", "kind", "key", "field",
  // "message"}]}, see fz_report_review. options: {"mask_names": [...]}.
  nlohmann::json report_review(const std::string& unit, int year,
                               const nlohmann::json& options = nullptr);

  // --- Statistics forms (统计表) ------------------------------------------------
  // A form is data: a title, parts whose rows are units (the children of the
  // unit, or the units some levels below it) or the members of a breakdown,
  // whose columns are indicator codes under optional group headings, a
  // totals row, and notes (填报说明). fazhi ships "mediation"
  // (矛盾纠纷排查化解情况统计表), "enforcement" (行政执法情况统计表) and
  // "adviser" (法律顾问工作情况表); a host stores its own, code custom.name.
  // See fz_define_form for the definition's JSON and fz_form for what the
  // figures are and how they add up.
  //
  // Checks and stores a form definition (journaled as kind "form"; the same
  // code again replaces it).
  void define_form(const nlohmann::json& definition);
  // [{"code", "title", "builtin", "definition"}], the built-in forms first.
  nlohmann::json forms();
  // The form `form` filled for query {"unit", "period"} as "json" or "csv"
  // text (UTF-8 CSV with a byte-order mark).
  std::string form(const std::string& form, const nlohmann::json& query, std::string_view format);
  // The same written to `path` as "xlsx" or "csv", through the rules of
  // export_file (never over the database, by a temporary file renamed over
  // the target).
  void form_file(const std::string& form, const nlohmann::json& query, std::string_view format,
                 const std::string& path);

  // --- Findings --------------------------------------------------------------
  // Stored nonconformities: {"items": [...], "total": n}; query may filter by
  // "unit" (that unit's own records; with "subtree": true, those below it
  // too), "period" (the finding's date), "kind", "rule", "severity", and page
  // with "limit" / "offset", as fz_findings.
  nlohmann::json findings(const nlohmann::json& query);

  // --- Alerts ----------------------------------------------------------------
  // The open statutory deadlines of a unit's subtree that are past (overdue,
  // 超期), due that day, or within a horizon of working days (upcoming, 临期),
  // ordered by due date, then key, each with its rule, statute, working days
  // left and a Chinese sentence; see fz_alerts for the query and the answer.
  nlohmann::json alerts(const nlohmann::json& query);

  // --- Calendar --------------------------------------------------------------
  // The built-in schedules plus every schedule loaded into this database. The
  // object is immutable and shared: a load swaps in a new one, so a caller
  // may keep it as long as it likes.
  std::shared_ptr<const Calendar> calendar() const;
  // Parses and stores schedules (CSV as Calendar::parse_csv reads it), all or
  // nothing. Every record whose deadlines were computed with the provisional
  // rule for a loaded year, and every record with an open deadline counted
  // through a loaded year, is computed again in the same transaction (its
  // deadlines, marks, findings and due dates; journaled as op "recompute"
  // when anything stored in the record changed). Returns
  // {"years": [loaded schedule years], "days": n, "recomputed": records changed}.
  nlohmann::json load_calendar(std::string_view csv);
  // The same from a file of at most 1 MiB (a year's schedule is a few
  // hundred bytes). Throws Error(io) naming the file when it cannot be read.
  nlohmann::json load_calendar_file(const std::string& path);
  // Which years have a State Council schedule and which follow the
  // provisional rule: {"official": [{"year", "source": "builtin"|"loaded"}],
  // "provisional": {"first", "last", "rule"}, "pending":
  // [{"year", "records"}]} where pending counts the records whose deadlines
  // wait for that year's schedule.
  nlohmann::json calendar_years();
  // Calendar arithmetic that never refuses a year the provisional rule
  // covers; see fz_calendar_query for the request and the answer.
  nlohmann::json calendar_query(const nlohmann::json& request) const;

  // --- Labels ----------------------------------------------------------------
  // Chinese labels: "kinds", "codes", "indicators", "<kind>" (its fields) or
  // "<kind>.<field>" (a closed set); "types": each kind's input fields with
  // their JSON type (fz_labels).
  nlohmann::json labels(std::string_view set);

  const OpenOptions& options() const;

  struct Impl;  // implementation detail, defined in database.cpp

 private:
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace fazhi
