/*
 * fazhi.h — the C ABI of fazhi (法治), a library that keeps the records of
 * rule-of-law government construction (法治政府建设), enforces the statutory
 * procedure rules on them and computes the indicators that annual reports quote.
 *
 * C99; includes only <stdint.h> and <stddef.h>. Usable from C++, Python ctypes,
 * C# P/Invoke and any other FFI.
 *
 * Conventions, stated once and kept by every function below:
 *
 *  - Every function returns an fz_status. FZ_OK is 0; the error codes are stable
 *    and never renumbered.
 *  - On failure, out-parameters are left untouched (a char* stays NULL) and
 *    fz_last_error() returns a UTF-8 message on the calling thread that names the
 *    field or the rule. A rule message cites its source, e.g.
 *    "重大行政决策程序暂行条例 第二十八条". A value of the caller that a message
 *    repeats (a key, kind, code, action, unit, path, field name...) is cut
 *    after 200 bytes, at a character boundary, with its whole length stated:
 *    'aaaa…' (10485760 bytes). A message is never much longer than that.
 *  - A failed call changes nothing in the database: each call runs in its own
 *    transaction (or savepoint, inside a host transaction opened with fz_begin).
 *  - Strings passed in are UTF-8 and NUL-terminated unless a length is given;
 *    invalid UTF-8 is refused with FZ_E_ARGUMENT.
 *  - Every string fazhi returns through an out-parameter is owned by the caller
 *    and released with fz_free(). Strings returned as `const char *` by
 *    fz_version() and fz_last_error() are owned by the library.
 *  - Records cross the boundary as JSON documents in the interchange format of
 *    the domain documentation; exact numbers (ids, money in fen) are integers.
 *  - Every JSON argument (record_json, patch_json, args_json, query_json,
 *    options_json, params_json, definition_json, request_json) and every
 *    NDJSON line is read by one parser, which refuses with FZ_E_ARGUMENT
 *    naming the argument (for a line: rejects the line): nesting deeper than
 *    FZ_MAX_JSON_DEPTH levels, before anything recurses into it; a key given
 *    twice in one object ("duplicate key 'key'"), since one of the two values
 *    would be dropped unseen; a UTF-8 byte-order mark (U+FEFF) before the
 *    JSON or between its tokens (one is skipped only at the very start of
 *    fz_import's and fz_import_file's input); a number beyond a double.
 *  - No input can exhaust the caller's stack: whatever recurses over the
 *    caller's data (JSON, expressions) is bounded before it recurses.
 *  - Any number of threads may share an fz_db: calls on one handle are
 *    serialised. Separate handles on one file work across threads and processes.
 *  - No C++ exception crosses this boundary.
 *
 * Released prototypes keep their signature and meaning; functions and enum
 * values are only ever added.
 */
#ifndef FAZHI_H
#define FAZHI_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#  if defined(FAZHI_BUILDING)
#    define FZ_API __declspec(dllexport)
#  else
#    define FZ_API __declspec(dllimport)
#  endif
#else
#  define FZ_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** One open database. Opaque; created by fz_open, released by fz_close. */
typedef struct fz_db fz_db;

/** Result of every call: FZ_OK (0) or one of the FZ_E_* codes. */
typedef int32_t fz_status;

enum {
  FZ_OK = 0,
  FZ_E_ARGUMENT = 1,  /* malformed call or record: null pointer, bad JSON, unknown
                         field, wrong type, invalid UTF-8, unknown kind or code   */
  FZ_E_NOT_FOUND = 2, /* no record with that key                                 */
  FZ_E_RULE = 3,      /* a statutory or domain rule forbids it (message cites it) */
  FZ_E_CONFLICT = 4,  /* duplicate key, reference still in use, closed record     */
  FZ_E_BUSY = 5,      /* database locked longer than the busy timeout            */
  FZ_E_IO = 6,        /* file cannot be opened, read or written                  */
  FZ_E_CORRUPT = 7,   /* not a fazhi database, or damaged                        */
  FZ_E_VERSION = 8,   /* made by a newer fazhi                                   */
  FZ_E_NOMEM = 9,
  FZ_E_INTERNAL = 10
};

#define FZ_VERSION_MAJOR 0
#define FZ_VERSION_MINOR 1
#define FZ_VERSION_PATCH 0
#define FZ_VERSION_NUMBER \
  (FZ_VERSION_MAJOR * 1000000 + FZ_VERSION_MINOR * 1000 + FZ_VERSION_PATCH)

/** The deepest nesting of arrays and objects any JSON argument or NDJSON line
 *  may have: 64 levels ({"ext": {"a": [1]}} has 3). No record needs more than
 *  three; the bound keeps every walk of a document within a small stack. */
#define FZ_MAX_JSON_DEPTH 64

/** "MAJOR.MINOR.PATCH" of the loaded library. Static storage. */
FZ_API const char *fz_version(void);

/** FZ_VERSION_NUMBER of the loaded library; bindings compare it with the
 *  version they were written for. */
FZ_API int32_t fz_version_number(void);

/** Message of the last failed call on this thread, UTF-8; "" when the last
 *  call succeeded. Valid until the next fazhi call on this thread. Bounded:
 *  the caller's values in it are cut as the conventions above say. */
FZ_API const char *fz_last_error(void);

/** Frees any string fazhi returned through an out-parameter. NULL is a no-op. */
FZ_API void fz_free(void *p);

/* ------------------------------------------------------------------------ */
/* Opening and closing                                                       */

/**
 * Opens (and creates, unless {"create": false}) a fazhi database.
 *
 * path          a file name, or ":memory:" for a private in-memory database.
 *               The name is a file name and nothing else, even when it starts
 *               with "file:": "file:x.db?mode=ro" opens (or creates) the file
 *               of that name, read-write unless "read_only" says otherwise.
 * options_json  NULL or a JSON object:
 *                 "create"          bool, default true
 *                 "read_only"       bool, default false
 *                 "busy_timeout_ms" int,  default 5000
 *                 "actor"           string recorded in the journal for changes
 *                                   made through this handle (default "fazhi")
 *                 "mode"            "strict" (default) | "historical"
 *                 "uri"             bool, default false: path is an SQLite URI
 *                                   ("file:zone.db?mode=ro"), with every query
 *                                   parameter SQLite gives it (mode, cache,
 *                                   immutable, vfs...). Only with this option.
 *                 "journal_key"     string of at least 16 bytes: the key of the
 *                                   journal's keyed checkpoints. Every commit
 *                                   of this handle then stores an HMAC-SHA-256
 *                                   of the journal's head under it, and
 *                                   fz_journal_verify checks them. Kept in
 *                                   memory only: never written to the file or
 *                                   a log, never repeated in a message. A
 *                                   handle that migrates the file with a key
 *                                   authenticates the migration's entries.
 * out_db        receives the handle.
 *
 * Files use WAL journaling, foreign keys and a busy timeout. An older fazhi
 * file is migrated in one transaction. Errors: FZ_E_VERSION (made by a newer
 * fazhi), FZ_E_CORRUPT (not a fazhi database, or not SQLite at all, or a
 * journal whose entry times or hashes are not in the form fazhi wrote, which
 * the migration to schema 6 would have to change; the file is left as it
 * was), FZ_E_IO (missing or unwritable directory, unreadable file).
 */
FZ_API fz_status fz_open(const char *path, const char *options_json, fz_db **out_db);

/** Closes the handle; an open host transaction is rolled back. NULL is a no-op.
 *  A call another thread is making on the handle is waited for (fz_close
 *  takes the handle's lock); a call that starts after fz_close has begun uses
 *  a freed handle, which is undefined, as for any freed pointer. */
FZ_API fz_status fz_close(fz_db *db);

/* ------------------------------------------------------------------------ */
/* Records. Kinds and fields are those of the interchange format.           */
/*                                                                          */
/* A record is addressed by its key, and a key is only ever a key: "1",      */
/* "007", "1e3" and "-1" are keys like any other, never read as an id, so a  */
/* key made of digits can never reach another record. An id is used only    */
/* where it is asked for explicitly: "id": n in fz_put's record or in        */
/* fz_list's query, and a reference given as an integer ("unit": 5; a        */
/* reference given as a string is a key).                                    */

/**
 * Inserts a record, or updates the record of that kind with the same "key".
 * record_json is one JSON object of the kind's fields ("record" may be given
 * and must then equal kind). A record with "id": n (an integer) updates the
 * record with that id instead: it must exist (ids are assigned by fazhi) and,
 * when "key" is given too, have that key (FZ_E_ARGUMENT naming "id"
 * otherwise). A new key inserts a new record and never touches another one.
 * out_id may be NULL; otherwise receives the id.
 * A coded field takes its code or its Chinese label (fz_labels): "劳动争议纠纷"
 * is stored, and read back, as "labour".
 * Unknown fields, wrong types, codes outside the closed set and references to
 * missing records are FZ_E_ARGUMENT naming the field; rules are FZ_E_RULE.
 * Text is text: a C0 control character other than tab, line feed and carriage
 * return (NUL included, written as a JSON escape) in any text of a record —
 * a text field, an item of a list of texts, a string inside a field's objects
 * ("parties": [{"name": ...}]) — is FZ_E_ARGUMENT naming the field:
 * "name: control character U+0000 at offset 3". The same holds in fz_patch,
 * fz_act and every NDJSON line. Only "ext", the host's own, is kept verbatim.
 */
FZ_API fz_status fz_put(fz_db *db, const char *kind, const char *record_json,
                        int64_t *out_id);

/** The record whose key is `key`, as a JSON object (with "id", "key" and every
 *  field). FZ_E_NOT_FOUND when no record of that kind has the key. */
FZ_API fz_status fz_get(fz_db *db, const char *kind, const char *key, char **out_json);

/** Changes the fields named in patch_json of the record whose key is `key`; a
 *  null value clears an optional field. */
FZ_API fz_status fz_patch(fz_db *db, const char *kind, const char *key,
                          const char *patch_json);

/**
 * Lists records. query_json may be NULL or:
 *   {"unit": key, "subtree": true, "period": "2022", "where": {field: value},
 *    "id": n, "limit": n, "offset": n}
 * "unit" keeps records of that unit (and, with "subtree", of every unit below
 * it); "period" keeps records whose event date falls in the period; "id"
 * keeps the record with that id (the way to find a record by its id).
 * Result: {"items": [...], "total": n} where total ignores limit and offset.
 */
FZ_API fz_status fz_list(fz_db *db, const char *kind, const char *query_json,
                         char **out_json);

/**
 * Applies a domain action to the record whose key is `key`, e.g.
 * ("mediation_case", key, "close", {"date": ..., "outcome": ...}). args_json
 * may carry "actor". out_json may be NULL; otherwise receives the record
 * after the action with any findings it raised.
 */
FZ_API fz_status fz_act(fz_db *db, const char *kind, const char *key, const char *action,
                        const char *args_json, char **out_json);

/* ------------------------------------------------------------------------ */
/* Bulk NDJSON: one {"record": kind, ...} object per line, applied in order.  */

/** The most bytes one NDJSON line may hold, its end ("\n" or "\r\n") not
 *  counted: 16 MiB. A longer line stops fz_import and fz_import_file with
 *  FZ_E_ARGUMENT naming its line number; the batches before it stay imported. */
#define FZ_MAX_LINE_BYTES 16777216

/**
 * Imports NDJSON from a buffer of len bytes. options_json may be NULL or
 * {"mode": "strict"|"historical", "batch": rows per transaction (default 1000),
 *  "actor": ..., "bulk": true|false (default false: the call is a bulk load
 *  of its own, see fz_bulk_begin), "dry_run": true (write nothing: the call
 *  runs in one transaction, a savepoint inside the host's, rolled back at
 *  its end; not with "bulk", and FZ_E_CONFLICT inside fz_bulk_begin),
 *  "list_changes": true (list what each line did;
 *  implied by "dry_run"), "insert_only": true (a line whose record exists is
 *  rejected with FZ_E_CONFLICT naming the key, instead of replacing it)}.
 *  A rejected line changes nothing and is
 *  listed; the rest is applied. A UTF-8 byte-order mark at the very start of
 *  the input is skipped; anywhere else it rejects its line. Summary:
 *   {"read": n, "inserted": n, "updated": n, "unchanged": n, "actions": n,
 *    "rejected": n, "errors": [{"line": n, "field": "...", "message": "..."}],
 *    "warnings": [{"line", "kind", "key", "fields": [...], "message"}],
 *    "changes": [{"line", "kind", "key", "change": "inserted" | "updated" |
 *                 "unchanged" | "action" | "rejected"}],
 *    "changes_truncated": true}
 *  "warnings" (only when there are some) lists the updates that move a
 *  record to another unit or clear fields of a record already acted on (a
 *  closed case): a put replaces the record, so a line that leaves fields out
 *  empties them. "changes" (only when asked) lists at most 100 000 lines;
 *  "changes_truncated" says more were left out.
 * Returns FZ_OK when the input was read, even if lines were rejected; the
 * summary tells. Re-importing the same input changes nothing.
 *
 * Atomicity. Every batch of `batch` lines is one transaction. When a batch
 * fails as a whole (the database cannot be written: FZ_E_IO, FZ_E_BUSY,
 * FZ_E_CORRUPT, FZ_E_INTERNAL, ...), that batch is rolled back, the batches
 * before it stay committed, nothing after it is read, and the message names
 * the batch's first line; out_summary_json is left NULL. This is the one
 * exception to "a failed call changes nothing". Inside fz_begin / fz_commit
 * the batches are savepoints of the host's transaction, so a host that rolls
 * back after a failure gets all or nothing.
 */
FZ_API fz_status fz_import(fz_db *db, const char *ndjson, size_t len,
                           const char *options_json, char **out_summary_json);

/** fz_import on the contents of a file, with the same summary. The file is
 *  read as it is imported, never whole: memory holds one batch of lines, and
 *  a line over FZ_MAX_LINE_BYTES is FZ_E_ARGUMENT naming it, so an input
 *  that never ends (/dev/zero) ends with that error. FZ_E_IO when the file
 *  cannot be opened or read, or is a directory. */
FZ_API fz_status fz_import_file(fz_db *db, const char *path, const char *options_json,
                                char **out_summary_json);

/**
 * Bulk load. Between fz_bulk_begin and fz_bulk_end, writes through this
 * handle (imports, puts, actions) leave the reporting indexes of the record
 * tables they write — each table's (unit, date) indexes and one-column
 * reference indexes, which no write looks rows up through — to be built
 * again by fz_bulk_end in one sorted pass each. A large import then writes
 * its rows in place of rewriting index pages at random: at 300 000 mediation
 * cases, 0.4 GB written and 12 s in place of 5.4 GB and 41 s, the rebuild
 * included. Use it to load a year or a province; for an import that adds a
 * few per cent to a large table the rebuild costs more than it saves.
 *
 * Meanwhile every read stays correct (queries of the deferred tables only
 * slower) and so does every other handle. The indexes dropped are recorded
 * in the file in the same transaction, so a load that is killed leaves a
 * correct file whose indexes the next fz_bulk_end, on any handle, builds
 * again; fz_close ends a bulk load the host left open.
 *
 * fz_bulk_begin: FZ_E_CONFLICT when one is open on the handle already,
 * FZ_E_IO on a read-only handle; it writes nothing itself. fz_bulk_end may
 * be called without fz_bulk_begin (to finish an interrupted load); it runs
 * in its own transaction (a savepoint inside fz_begin); out_built may be
 * NULL, otherwise receives how many indexes it built.
 */
FZ_API fz_status fz_bulk_begin(fz_db *db);
FZ_API fz_status fz_bulk_end(fz_db *db, int64_t *out_built);

/**
 * Writes every record (query_json NULL) or those selected by
 * {"kinds": [...], "unit": key, "subtree": bool} as NDJSON that fz_import reads
 * back into the same records. Parents come before the records that name them.
 * "mask": true masks every personal name the database holds (surname + 某某)
 * wherever it occurs in the file, for data that leaves the office; the file
 * still imports, with the masked names.
 *
 * With "unit" (and "subtree": the units below it too) the file is a
 * self-contained copy of that part of the tree, which imports into an empty
 * database: every kind of record that belongs to a unit (or those of
 * "kinds"); records of kinds that belong to no unit (adviser) when an
 * exported record refers to them; the unit itself without its "parent", so
 * that it is a root. A reference from an exported record to a record of a
 * unit outside is FZ_E_CONFLICT naming both records.
 *
 * The file is never written over something it must not replace. Symbolic
 * links are resolved first (the file a link names is replaced, the link
 * kept); FZ_E_ARGUMENT, naming the reason, for a target that is the open
 * database or its -wal, -shm or -journal file (by path or by device and
 * inode), and for one that exists and is not a regular file (a directory, a
 * device, a FIFO, a socket). The records are written to a temporary file
 * beside the target, created under a unique name, synced and then renamed over
 * the target; on any failure it is removed and the target is as it was.
 * FZ_E_IO when the directory is missing or not writable, or writing fails.
 */
FZ_API fz_status fz_export_file(fz_db *db, const char *path, const char *query_json);

/* ------------------------------------------------------------------------ */
/* Host transactions: calls between fz_begin and fz_commit are one unit.     */

FZ_API fz_status fz_begin(fz_db *db);
FZ_API fz_status fz_commit(fz_db *db);
FZ_API fz_status fz_rollback(fz_db *db);

/* ------------------------------------------------------------------------ */
/* Indicators                                                                */

/** fz_value.status. */
enum {
  FZ_VALUE_OK = 0,      /* value holds the figure                              */
  FZ_VALUE_NO_DATA = 1  /* a ratio whose denominator is 0: value is NaN, never a
                           made-up 0% or 100%                                   */
};

/** One indicator value. For a ratio, value is a percentage (98.5 for 98.5%)
 *  of numerator / denominator, unrounded; a count, hours or yuan figure is
 *  value itself (yuan with two decimals; numerator holds the same figure). */
typedef struct fz_value {
  double value;       /* NaN when status is FZ_VALUE_NO_DATA */
  double numerator;
  double denominator; /* a ratio's or an average's denominator (licences an
                         average of working days is taken over); 0 for figures */
  int32_t status;     /* FZ_VALUE_OK or FZ_VALUE_NO_DATA */
  int32_t reserved;   /* 0 */
} fz_value;

/** One indicator for a unit (and its subtree) and a period ("2022", "2022H1",
 *  "2022Q3", "2022-07", "2022W05", "2022-01-01/2022-06-30"; a figure "as of"
 *  a day is a range from the start of counting to that day). params_json may
 *  be NULL or an object of the indicator's parameters, e.g. {"min_yuan": 100000}.
 *  code is a catalogue indicator, a measure, a custom indicator, or a member
 *  of a breakdown: "enforcement.actions[penalty]" is the figure the breakdown
 *  of enforcement.actions lists for penalty (0 where it lists none); a member
 *  the breakdown's label set lacks is FZ_E_ARGUMENT naming the members. */
FZ_API fz_status fz_indicator(fz_db *db, const char *code, const char *unit,
                              const char *period, const char *params_json, fz_value *out);

/** Many indicators: query {"unit": key, "period": "2022", "codes": [...]};
 *  codes default to the whole catalogue. */
FZ_API fz_status fz_indicators(fz_db *db, const char *query_json, char **out_json);

/** The keys of the records counted in an indicator's numerator and
 *  denominator: {"code", "unit", "period", "value", "numerator": {"measure",
 *  "label", "kind", "kind_label", "keys"}, "denominator": the same or null}.
 *  "kind" is the record kind whose keys "keys" lists (null for a count of
 *  distinct values, such as coordination.agencies, whose keys are those
 *  values). For a ratio, "missing" lists the denominator's keys that the
 *  numerator lacks (the failed, late or missing records; for a coverage, the
 *  units without), and "missing_records" the same records in the same order
 *  as {"key", "summary"}: the summary says in Chinese what the record is, its
 *  dates and its codes by their labels and the yes/no facts that hold
 *  ("受理日期：2022-04-11；纠纷类型：房屋宅基地纠纷；结案日期：2022-04-22；
 *  调解结果：调解不成"), never a name (null for a distinct value). */
FZ_API fz_status fz_explain(fz_db *db, const char *code, const char *unit,
                            const char *period, const char *params_json, char **out_json);

/** The longest custom-indicator expression: 64 KiB. The longest sensible one
 *  names each of the 99 indicator and measure codes and its prev() once,
 *  about 6 KB. */
#define FZ_MAX_EXPRESSION_BYTES 65536
/** The deepest nesting of an expression: 64 parentheses and unary minus signs
 *  open at once. A flat chain ("a + b + ... + z") is one level however long. */
#define FZ_MAX_EXPRESSION_DEPTH 64

/** Stores a custom indicator: {"code": "custom.x", "label": "...",
 *  "expression": "mediation.succeeded / mediation.received * 100",
 *  "measure": "value"|"count"|"ratio"|"hours"|"yuan"|"days" (default value)}.
 *  Defining a code again replaces its label, expression and measure.
 *
 *  The expression language, all of it:
 *  - numbers: decimal digits with at most one point ("12", "0.5", ".5", "5."),
 *    no sign of their own, no exponent, no "%";
 *  - operands: a code of the catalogue, indicator or measure; a breakdown
 *    member written code[member] ("enforcement.actions[penalty]"); and
 *    prev(operand). An indicator enters with its value (a ratio as its
 *    percentage, 98.5 not 0.985; money in yuan), a measure with its figure.
 *    A custom indicator is no operand: expressions name the catalogue only;
 *  - prev(operand), the only function: the operand over the period of the
 *    same length just before (2021 for 2022, 2022H1 for 2022H2, 2022Q2 for
 *    2022Q3, 2022-06 for 2022-07, 2022W04 for 2022W05; for a range, as many
 *    days ending the day before it). Its argument is one code or member:
 *    prev(a + b), prev(prev(a)) and prev(3) are refused;
 *  - operators: * and / bind tighter than + and -, one level applies left to
 *    right ("10 - 4 - 3" is 3, "12 / 3 * 2" is 8), parentheses group, a unary
 *    minus negates and may repeat; no unary plus. Whitespace may stand
 *    between tokens.
 *  Evaluation: any operand without data, a divisor that is 0, or a result
 *  beyond a double's range makes the value no data (FZ_VALUE_NO_DATA, NaN),
 *  wherever it occurs. The params of fz_indicator reach the measures named.
 *  Refused (FZ_E_ARGUMENT, field "expression", "position N: ..." counting
 *  bytes from 1, nothing stored): a syntax error, an unknown code or member,
 *  a number beyond a double's range, a division by a literal zero ("/ 0"),
 *  an expression longer than FZ_MAX_EXPRESSION_BYTES or nested deeper than
 *  FZ_MAX_EXPRESSION_DEPTH (naming the limit and its value: "expression:
 *  position 65: nested deeper than the nesting limit of 64 levels ...").
 *  A stored expression is held to the same limits wherever it is read again
 *  (fz_indicator, fz_indicators); fz_explain refuses a custom indicator. */
FZ_API fz_status fz_define_indicator(fz_db *db, const char *definition_json);

/* ------------------------------------------------------------------------ */
/* Statistics forms (统计表)                                                   */

/**
 * A form is data: a definition in JSON, filled from the indicators for one
 * unit and one period. fazhi ships three: "mediation" (矛盾纠纷排查化解情况统计表:
 * by unit, received, concluded, succeeded, success rate, agreement amount,
 * prevention; and by dispute category), "enforcement" (行政执法情况统计表: by
 * unit, actions by kind, timely publicity, full-process recording, legal
 * review of major decisions) and "adviser" (法律顾问工作情况表: by unit,
 * coverage, engagements, service hours, services by kind).
 *
 * fz_define_form stores the host's own definition, replacing one of the same
 * code; journaled as a record of kind "form" (fz_journal_verify proves it):
 *   {"code": "custom.name",                 a-z 0-9 _, at most 64 bytes
 *    "title": "...",
 *    "parts": [{                            1 to 8
 *       "title": "...",                     optional heading
 *       "rows": {"units": "children"}       the unit's children, or
 *             | {"units": "level", "depth": 1..8, "kinds": [org_unit kinds]}
 *             | {"breakdown": "mediation.by_category"},  its members
 *       "row_label": "单位",                 optional first column header
 *       "columns": [{"code": c, "label": "..."}           label optional
 *                   | {"group": "...", "columns": [...]}], 1 to 64 columns
 *       "totals": true}],                   optional, default true
 *    "notes": ["..."]}                      0 to 20 (填报说明)
 * A column code is a catalogue indicator, a measure, a breakdown member
 * ("enforcement.actions[penalty]") or a custom indicator of the database; in
 * a breakdown part each column is a figure broken down by the rows' set.
 * Texts are at most 300 bytes (notes 2000). FZ_E_ARGUMENT naming the field
 * ("parts[0].columns[2].code: unknown indicator code 'mediation.recieved'
 * (did you mean 'mediation.received'?)"), nothing stored, for anything else.
 */
FZ_API fz_status fz_define_form(fz_db *db, const char *definition_json);

/** Every form: [{"code", "title", "builtin", "definition"}], the built-in
 *  ones first, then the stored ones by code. */
FZ_API fz_status fz_forms(fz_db *db, char **out_json);

/**
 * Fills `form` for query_json {"unit": key, "period": "2022"} (both required)
 * as format "json" or "csv". A unit row counts that unit with everything below
 * it; where the unit's figures are more than its rows add up to (records of
 * the unit itself: a row "<unit>本级"; of units a level row leaves out: "其他单位";
 * of no member of a breakdown: "未分类") one more row says so. The totals row
 * 合计 sums counts, hours and money (money in exact fen) and recomputes a rate
 * from the summed numerators and denominators (never a sum or an average of
 * rates); a custom indicator or distinct count is not summed, its total is
 * the unit's own value. So 合计 equals the unit's indicator values.
 * At most 1000 rows a part (FZ_E_ARGUMENT naming the part's rows beyond).
 * "json": {"form", "title", "unit": {"key", "name"}, "period": {"text",
 * "first", "last"}, "parts": [{"title", "row_label", "columns": [{"code",
 * "label", "group", "kind": "sum"|"quotient"|"whole", "measure"}], "rows":
 * [{"key", "label", "role": "unit"|"member"|"remainder", "cells": [{"value",
 * "text", "numerator", "denominator", "fen"}]}], "totals": row|null}],
 * "notes"}. "csv": UTF-8 with a byte-order mark, CRLF: the title, unit and
 * period, each part's header (group：label) and rows, the notes; figures as
 * written in the XLSX (rates by the report's rule, "98.5%"; money "1234.50").
 * FZ_E_NOT_FOUND for an unknown form or unit.
 */
FZ_API fz_status fz_form(fz_db *db, const char *form, const char *query_json, const char *format,
                         char **out_text);

/**
 * Writes the filled form to path as format "xlsx" (an Excel workbook: merged
 * title and group headers, number formats for counts, money in yuan and
 * rates as percentages, a bold totals row, A4 landscape; the same records
 * give the same bytes) or "csv" (as fz_form). The file is written as
 * fz_export_file writes: never over the open database or its side files,
 * never over anything but a regular file, by a temporary file renamed over
 * the target. FZ_E_IO when the directory is missing or not writable.
 */
FZ_API fz_status fz_form_file(fz_db *db, const char *form, const char *query_json,
                              const char *format, const char *path);

/** Stored findings (recorded nonconformities). query_json may be NULL or
 *  {"unit": key, "subtree": true, "period": "2022", "kind", "rule",
 *  "severity": "error"|"warning", "limit", "offset"}. "unit" and "subtree" mean
 *  what they mean in fz_list: the findings of that unit's own records, or,
 *  with "subtree": true, of every unit below it as well; "period" keeps
 *  findings dated in it. Each item: {"kind", "key", "unit", "date", "rule",
 *  "severity", "message", "source", "provisional"}. Unknown keys are refused
 *  by name, as in every query and options argument. */
FZ_API fz_status fz_findings(fz_db *db, const char *query_json, char **out_json);

/** Alerts: the open statutory deadlines of a unit's subtree that are past
 *  (overdue, 超期), due on as_of, or within a horizon of working days
 *  (upcoming, 临期), ordered by due date, then key. Every change to a record
 *  keeps its deadlines in an index (and loading a holiday schedule recomputes
 *  those counted through its year), so the answer never scans the records.
 *  An item leaves the list when the action that meets its deadline is
 *  recorded; an extension moves it. A deadline that is a window or an option
 *  (an engagement's end, applying for judicial confirmation) is listed up to
 *  its last day and never as overdue.
 *  query_json: {"unit": key (required: that unit and everything below it),
 *  "as_of": "YYYY-MM-DD" (required), "horizon": working days for every rule
 *  (default: each rule's own — 3; 22 for expiring certificates and
 *  engagements), "horizons": {rule: working days}, "limit": n (default 1000,
 *  at most 100000), "offset": n}.
 *  Answer: {"unit", "as_of", "total", "counts": {"overdue", "due",
 *  "upcoming"}, "items": [{"kind", "kind_label", "key", "unit", "unit_name",
 *  "rule", "label", "due", "counted_from", "counting": "calendar_days" |
 *  "working_days" | "fixed_date", "counting_label", "status": "overdue" |
 *  "due" | "upcoming", "working_days" (left; negative: overdue), "source"
 *  (the statute), "provisional" (counted with the provisional holiday rule),
 *  "message" (Chinese, without personal names: "信访事项X应于2023年10月9日前
 *  办结，剩余2个工作日")}]}.
 *  The same deadlines, met ones included, are counted by two catalogue
 *  indicators (fz_indicator), each broken down by kind: alerts.overdue, the
 *  deadlines overdue on the period's last day (by the records' own dates:
 *  one met after that day, or moved by an extension granted after it, was
 *  overdue then), and alerts.concluded_late, those met in the period after
 *  their due date. */
FZ_API fz_status fz_alerts(fz_db *db, const char *query_json, char **out_json);

/** Drafts the annual report on rule-of-law government construction
 *  (法治政府建设年度报告) of `unit` and its subtree for `year`, in the statutory
 *  structure (measures and results, shortcomings, the first responsible
 *  persons' duties, next year's plans, other matters) with a table of every
 *  indicator. format: "markdown", "html" (self-contained, print-friendly, SVG
 *  charts) or "json" (every figure, for the host's own templates).
 *  options_json: NULL or {"params": {...}} for the indicators (e.g.
 *  {"min_yuan": 100000}), "mask_names": [names] to mask besides those held
 *  (see fz_report_review), "journal_head": true, which prints the
 *  journal's head (fz_journal_head) in the appendix as 全过程记录校验码,
 *  "issuer" and "date" for the sign-off (see fz_report_file), and
 *  "future_year": true, without which a year after the current one (in
 *  Beijing time) is FZ_E_ARGUMENT: its figures would all be empty or zero.
 *  Personal names held in the database are masked
 *  (胡某某), people's only: the names of units, committees, firms, courts and
 *  other organisations held are never masked, even with a person's name in
 *  them (张三村村民委员会 stays; 张三 on its own becomes 张某某). The same
 *  records give the same bytes (but for the 全过程记录校验码, which is the
 *  journal's, when asked for). FZ_E_NOT_FOUND for an unknown unit,
 *  FZ_E_ARGUMENT for a bad format, year or option; "docx" is FZ_E_ARGUMENT
 *  here, its message pointing to fz_report_file, which writes it. */
FZ_API fz_status fz_report(fz_db *db, const char *unit, int32_t year, const char *format,
                           const char *options_json, char **out_text);

/** The review of that report's text for personal names that would go out
 *  unmasked, without drafting the report (no indicator is computed, so it is
 *  cheap to call before or after fz_report). The report masks every name
 *  held in a personal field anywhere in the database, the names of
 *  masked_name records, and the names of the option "mask_names"; what it
 *  cannot know is a name typed or pasted into a narrative (or a leadership
 *  activity's leader or topic) that nothing holds. Where such text names
 *  someone the way reports do (after 信访人, 当事人, 申请人, 群众, 帮助, …;
 *  before 同志, 信访, 一案, 等人, …, with a common surname), it is listed:
 *  {"warnings": [{"name", "context" (the masked text around it), "kind",
 *  "key", "field" (the record and field it is in), "message" (Chinese, for
 *  the reviewer)}]}, at most 200. A reviewer's aid, not a proof: it never
 *  masks, and a name with an uncommon surname or in another context is not
 *  found. The "json" format of fz_report carries the same list as
 *  "review_warnings". options_json: NULL or {"mask_names": [names of 2 to 64
 *  characters, at most 10 000]}, as fz_report takes it. FZ_E_NOT_FOUND for
 *  an unknown unit, FZ_E_ARGUMENT for a bad year or option. */
FZ_API fz_status fz_report_review(fz_db *db, const char *unit, int32_t year,
                                  const char *options_json, char **out_json);

/* ------------------------------------------------------------------------ */
/* Journal (全过程记录): every change, hash-chained.                            */

/** Recomputes the hash chain and proves every record by it: the same as
 *  fz_journal_verify_with(db, NULL, out_json). A broken chain or a record
 *  that differs from its journal is still FZ_OK: the result says what. */
FZ_API fz_status fz_journal_verify(fz_db *db, char **out_json);

/** Verifies the journal and proves the records by it.
 *
 *  Every entry that changes a record carries the digest (SHA-256) of the
 *  record's whole stored state after it — its row's field columns, key and
 *  id, and its findings — hashed into the chain with the entry; a file made
 *  before this check existed had one entry of op "seal" per record appended
 *  by its upgrade, carrying the state the record had then.
 *
 *  options_json  NULL or a JSON object:
 *    "records"  bool, default true: prove the records (false: the chain,
 *               the head and the checkpoints only)
 *    "kind"     prove only the records of this kind (a record kind, or
 *               "custom_indicator")
 *    "unit"     prove only the records of this unit's subtree (kinds that
 *               belong to no unit are left out; a deleted record no longer
 *               says which unit it belonged to, so "missing" records are
 *               found only without "unit")
 *    "head"     {"seq": n, "hash": "64 hex digits"}: a head recorded earlier
 *               (fz_journal_head); proves it is still on the chain
 *    "threads"  1..16: how many readers work side by side. Default: one
 *               per core, up to 4, once the journal holds 20 000 entries
 *               (one below that). Readers are read-only connections of
 *               their own that start reading while the handle holds the
 *               write lock for a moment, so all see the same state of the
 *               file; the handle's own connection is used instead, alone,
 *               inside fz_begin .. fz_commit (only it sees those changes),
 *               during a bulk load, for an in-memory, URI-named or
 *               read-only handle, and when the lock stays busy past the
 *               busy timeout. The result is the same to the byte.
 *  out_json receives
 *    {"ok": bool, "entries": n, "first_bad": seq|null, "message": "...",
 *     "readers": n,                              the readers it used
 *     "head": {"seq": n, "hash": "..."},        the head now
 *     "records": {"checked": n, "changed": n, "unjournaled": n,
 *                 "missing": n, "listed": n, "problems": [{"problem",
 *                 "kind", "key", "id", "seq", "message"}]},
 *     "anchor": {"seq", "hash", "ok", "message"},   only with "head"
 *     "checkpoints": {"count": n, "checked": bool, "ok": bool|null,
 *                     "last": seq|null, "first_bad": seq|null,
 *                     "message": "..."}}
 *  "ok" is true when the chain is intact, no record has a problem, the
 *  recorded head is on the chain and, with a journal_key, every checkpoint
 *  matches and keyed commits wrote every entry; "message" names the first
 *  thing that is not ("journal intact" when all is). A problem is "changed"
 *  (the record's stored state is not what its latest entry, "seq", says, or
 *  an org unit's place in the tree does not follow its parent), "unjournaled"
 *  (a row or findings no entry names) or "missing" (entries whose record's
 *  row is gone; records a migration moved to another kind are not missing).
 *  At most 100 problems are listed; all are counted. Without a journal_key
 *  the checkpoints are counted, "checked" false and "ok" null.
 *  Cost: one pass over the journal (the chain) and one over each record
 *  table, its findings and the journal's record index, shared among the
 *  readers: the chain in segments, the records a kind at a time.
 *  FZ_E_ARGUMENT names a bad option, FZ_E_NOT_FOUND an unknown unit. */
FZ_API fz_status fz_journal_verify_with(fz_db *db, const char *options_json, char **out_json);

/** The journal's head, for the host to record elsewhere (its own database, a
 *  printed report, the unit above it) and give back to
 *  fz_journal_verify_with later: {"seq": n, "hash": "64 hex digits"};
 *  {"seq": 0, "hash": 64 "0"} for an empty journal. Not verified: verify to
 *  know the chain up to it is intact. */
FZ_API fz_status fz_journal_head(fz_db *db, char **out_json);

/** The journal entries of the record whose key is `key`, in order, with the
 *  chain's verification:
 *  {"kind", "key", "id", "record": {current state}, "entries": [{"seq", "at",
 *  "actor", "op", "change", "hash", ...}], "verification": {...}}.
 *  The first fz_history of a handle verifies the whole chain, as
 *  fz_journal_verify does; the handle then remembers the verified prefix, and
 *  later calls verify the record's own entries against their predecessors and
 *  the entries appended since, so they cost the same however long the
 *  journal is. An edit of another record's entry inside the remembered prefix
 *  is found by fz_journal_verify, not by fz_history. */
FZ_API fz_status fz_history(fz_db *db, const char *kind, const char *key, char **out_json);

/** The same full-process record (全过程记录) as a document: format "markdown"
 *  (an archive document: what was done, when, by whom, with what result; a
 *  document for readers outside the office, so every personal name the
 *  database holds is masked as surname + 某某, organisations' names are not)
 *  or "json" (as fz_history, unmasked: the host's data). The Markdown reads
 *  as Chinese throughout: times in Beijing time (UTC+8, said once above the
 *  table), a record it refers to by its name and key
 *  (决策机关：阳新经济开发区管委会（yx-kfq）), and every code by its label
 *  (调解结果：调解不成; a party as 林某某（申请人，自然人）). */
FZ_API fz_status fz_history_text(fz_db *db, const char *kind, const char *key,
                                 const char *format, char **out_text);

/* ------------------------------------------------------------------------ */
/* Working-day calendar (China's State Council holiday schedules, 2004-2026
 * built in). Dates are "YYYY-MM-DD".
 *
 * A year without a schedule. Records are never refused for it: a deadline
 * that falls in such a year is computed by the provisional rule (the holidays
 * of 全国年节及纪念日放假办法 第二条 on their own days, weekends off, and a
 * make-up day off for every holiday day on a weekend, 第六条), marked on the
 * record as "provisional_deadlines": {"<deadline field>": [year, ...]} and on
 * the findings that judge by it as "provisional": true, and computed again
 * (journaled as op "recompute") when that year's schedule is loaded. Dates of
 * December 28-31 also wait for the next year's notice, which may list them.
 * The provisional rule covers 2004-2099.
 *
 * The three arithmetic functions below (fz_calendar_is_working_day,
 * fz_calendar_add_working_days, fz_calendar_working_days_between) keep their
 * first meaning: a year without a schedule is FZ_E_ARGUMENT naming the year
 * and `fazhi calendar load`. fz_calendar_query answers provisionally and says
 * so. */

/** Adds schedules: CSV "date,kind,holiday,schedule_year" with kind off|work,
 *  a header line optional, a UTF-8 byte order mark allowed. Stored in the
 *  database; replaces the listed years; all or nothing (a bad line is
 *  FZ_E_ARGUMENT naming its line and column, and nothing changes). A line
 *  holding a C0 control character other than tab (NUL, say) is refused
 *  naming the line: "csv: line 3: control character U+0000 at offset 10 of
 *  the line". Records
 *  marked provisional for a loaded year are computed again in the same
 *  transaction. */
FZ_API fz_status fz_calendar_load(fz_db *db, const char *csv, size_t len);

/** fz_calendar_load from a file (at most 1 MiB). out_summary_json may be NULL;
 *  otherwise it receives {"years": [schedule years loaded], "days": n,
 *  "recomputed": records whose deadlines or findings changed}. */
FZ_API fz_status fz_calendar_load_file(fz_db *db, const char *path,
                                       char **out_summary_json);

/** Which years are official and which provisional:
 *  {"official": [{"year": 2026, "source": "builtin"|"loaded"}, ...],
 *   "provisional": {"first": 2004, "last": 2099, "rule": "..."},
 *   "pending": [{"year": 2027, "records": n}]}
 *  where pending counts the records whose deadlines wait for that year. */
FZ_API fz_status fz_calendar_years(fz_db *db, char **out_json);

/** Calendar arithmetic that follows the provisional rule for a year without
 *  a schedule, and says so. request_json, one of:
 *    {"op": "is_working_day", "date": D}                 -> {"working": bool}
 *    {"op": "add_working_days", "date": D, "days": n}    -> {"date": D}
 *    {"op": "working_days_between", "from": D, "to": D}  -> {"days": n}
 *    {"op": "days_deadline", "date": D, "days": n}       -> {"date": D}
 *  ("days_deadline": the "N日" deadline, calendar days from the day after D,
 *  a last day on a rest day moving to the next working day). Every answer
 *  has "provisional_years": the years it assumed, [] when none. Add
 *  "provisional": false to refuse such years as the functions above do. */
FZ_API fz_status fz_calendar_query(fz_db *db, const char *request_json, char **out_json);

/** *out_bool = 1 for a working day, 0 for a rest day or holiday. */
FZ_API fz_status fz_calendar_is_working_day(fz_db *db, const char *date, int32_t *out_bool);

/** The date n working days after date (n < 0: before). out_date receives 11
 *  bytes including the terminating NUL. */
FZ_API fz_status fz_calendar_add_working_days(fz_db *db, const char *date, int32_t n,
                                              char out_date[11]);

/** Number of working days in (from, to]; negative when to is before from. */
FZ_API fz_status fz_calendar_working_days_between(fz_db *db, const char *from,
                                                  const char *to, int32_t *out_n);

/** Chinese labels: set "kinds", "codes" (every closed set, by field),
 *  "indicators" (the catalogue and the database's custom indicators), a
 *  kind's fields such as "mediation_case" (field -> label), or a field's
 *  closed set such as "org_unit.kind". JSON object code -> label.
 *  Set "types" describes instead what a record line may give:
 *  {kind: {field: type}}, the fields a put or import takes (not those that
 *  actions set or fazhi derives), type one of "text", "date", "integer",
 *  "number", "boolean", "money" (the field's "*_yuan" name, a number or a
 *  string), "code", "ref" (a key), "object", "text_list", "ref_list",
 *  "object_list"; a host holding values as text (a spreadsheet) converts
 *  them by it. */
FZ_API fz_status fz_labels(fz_db *db, const char *set, char **out_json);

/* ------------------------------------------------------------------------ */
/* Logging. Levels: 0 trace, 1 debug, 2 info, 3 warn, 4 error, 5 critical.    */

typedef void (*fz_log_fn)(int32_t level, const char *message, void *user);

/** Routes the library's log to fn for messages at min_level and above.
 *  NULL fn silences it (the default: fazhi never writes to stdout/stderr).
 *  The setting is process-wide. fn runs on the thread that made the call
 *  whose work raised the message, after that work has finished and released
 *  the handle's lock, just before the call returns: fn may call fazhi, on the
 *  same handle too, and those calls do not change the outer call's
 *  fz_last_error(). At most 1000 messages are kept per call; the rest are
 *  counted in one last message. fn may run on several threads at once (each
 *  with the messages of its own calls), so it must be thread-safe. */
FZ_API void fz_set_log(fz_log_fn fn, void *user, int32_t min_level);

/* ------------------------------------------------------------------------ */
/* Annual report to a file                                                   */

/** Writes the annual report of fz_report to the file `path`, in one of its
 *  formats or "docx", which fz_report refuses (a Word document is binary, not
 *  a NUL-terminated string): an Office Open XML package, opened by Word, WPS
 *  and LibreOffice, laid out as a 公文 per GB/T 9704-2012 — A4, margins top
 *  37 mm, bottom 35 mm, left 28 mm, right 26 mm, 22 lines of 28 characters
 *  (fixed 28.95 pt lines), the title in 2号 方正小标宋简体 centred, the text in
 *  3号 仿宋_GB2312, headings "一、" in 黑体 and "（一）" in 楷体_GB2312, page
 *  numbers "— 1 —" in 4号 宋体 (odd pages right, even pages left), the
 *  sign-off right-aligned, the indicator table as a Word table on a page of
 *  its own (附件) and the charts as native Word charts (their figures cached
 *  in the chart and in an embedded workbook, so they can be edited).
 *
 *  options_json as fz_report's, and "issuer" (one line, at most 60
 *  characters; default the unit's name) and "date" ("YYYY-MM-DD"; default
 *  none: no date line), the sign-off closing the text in every format. The
 *  same records and options give the same bytes: the package's timestamps
 *  are fixed (zip entries 1980-01-01 00:00; the document's dates the
 *  sign-off's date, else the last day of the year).
 *
 *  The file is written as fz_export_file writes: never over the open
 *  database or its -wal, -shm or -journal file nor over anything but a
 *  regular file (FZ_E_ARGUMENT naming "path"), through a temporary file
 *  renamed over the target at the end; FZ_E_IO when it cannot be written,
 *  the target then as it was. Errors of fz_report otherwise. */
FZ_API fz_status fz_report_file(fz_db *db, const char *unit, int32_t year, const char *format,
                                const char *options_json, const char *path);

#ifdef __cplusplus
}
#endif

#endif /* FAZHI_H */
