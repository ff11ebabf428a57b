// Database.cs — Fazhi.Database, the C# face of fz_db.
using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Fazhi
{
    /// <summary>
    /// One open fazhi database (法治政府建设 records, statutory rules, indicators).
    /// </summary>
    /// <remarks>
    /// Records cross the boundary as JSON strings in fazhi's interchange format and
    /// are addressed by kind and key. Every failing call throws a subclass of
    /// <see cref="FazhiException"/> whose message is the library's (Chinese for rule
    /// messages, citing the statute), and a failed call changes nothing.
    /// A Database may be shared by several threads: the library serialises calls
    /// on one handle. Dispose closes it (and rolls back an open transaction);
    /// disposing twice is harmless.
    /// </remarks>
    public sealed class Database : IDisposable
    {
        /// <summary>The path that opens a private in-memory database.</summary>
        public const string InMemory = ":memory:";

        /// <summary>
        /// FZ_VERSION_NUMBER of the fazhi.h this binding was written for
        /// (MAJOR*1000000 + MINOR*1000 + PATCH). The loaded library must have the
        /// same major version and be at least this version.
        /// </summary>
        public const int BindingVersionNumber = 1000;

        private const string DateFormat = "yyyy-MM-dd";

        private static readonly object VersionLock = new object();
        private static bool s_versionChecked;

        private readonly DatabaseHandle _handle;

        /// <summary>
        /// Opens (and by default creates) the database at <paramref name="path"/>;
        /// <see cref="InMemory"/> opens a private in-memory database.
        /// </summary>
        /// <param name="path">A file name (even one starting with "file:"), or ":memory:".</param>
        /// <param name="optionsJson">
        /// Null or a JSON object: <c>{"create": true, "read_only": false,
        /// "busy_timeout_ms": 5000, "actor": "who acts", "mode": "strict"|"historical",
        /// "uri": false}</c>; <c>"uri": true</c> makes the path an SQLite URI.
        /// </param>
        /// <exception cref="FazhiIOException">Missing or unwritable directory, unreadable file.</exception>
        /// <exception cref="FazhiCorruptException">Not a fazhi database, or not SQLite at all.</exception>
        /// <exception cref="FazhiVersionException">Made by a newer fazhi, or the library is too old for this binding.</exception>
        public Database(string path, string optionsJson = null)
        {
            CheckLibraryVersion();
            byte[] p = Utf8.Required(path, "path");
            byte[] o = Utf8.Encode(optionsJson, "optionsJson");
            DatabaseHandle h;
            int status = NativeMethods.fz_open(p, o, out h);
            if (status != 0)
            {
                if (h != null) h.Dispose();
                throw Error(status);
            }
            _handle = h;
        }

        /// <summary>Same as <c>new Database(path, optionsJson)</c>.</summary>
        public static Database Open(string path, string optionsJson = null)
        {
            return new Database(path, optionsJson);
        }

        /// <summary>"MAJOR.MINOR.PATCH" of the loaded native library.</summary>
        public static string Version
        {
            get { return Loaded(() => Utf8.PeekString(NativeMethods.fz_version())); }
        }

        /// <summary>FZ_VERSION_NUMBER of the loaded native library (MAJOR*1000000 + MINOR*1000 + PATCH).</summary>
        public static int VersionNumber
        {
            get { return Loaded(() => NativeMethods.fz_version_number()); }
        }

        /// <summary>True once the database is closed.</summary>
        public bool IsClosed
        {
            get { return _handle.IsClosed; }
        }

        /// <summary>Closes the database; an open host transaction is rolled back. Safe to call twice.</summary>
        public void Dispose()
        {
            _handle.Dispose();
        }

        /// <summary>Same as <see cref="Dispose"/>.</summary>
        public void Close()
        {
            Dispose();
        }

        // ------------------------------------------------------------------
        // Records

        /// <summary>
        /// Inserts a record, or updates the record of that kind with the same key
        /// (or, with <c>"id": n</c>, the existing record with that id, whose key must
        /// agree). A key is only ever a key: "1" never reaches the record with id 1.
        /// </summary>
        /// <param name="kind">Record kind, e.g. "org_unit", "mediation_case".</param>
        /// <param name="recordJson">One JSON object of the kind's fields.</param>
        /// <returns>The record's id.</returns>
        /// <exception cref="FazhiArgumentException">Unknown field, wrong type, code outside the closed set, missing reference.</exception>
        /// <exception cref="FazhiRuleException">A statutory or domain rule forbids it.</exception>
        public long Put(string kind, string recordJson)
        {
            byte[] k = Utf8.Required(kind, "kind");
            byte[] r = Utf8.Required(recordJson, "recordJson");
            long id;
            Check(NativeMethods.fz_put(Handle, k, r, out id));
            return id;
        }

        /// <summary>The record as a JSON object (with "id", "key" and every field).</summary>
        /// <param name="kind">Record kind.</param>
        /// <param name="key">The record's key; never read as an id ("1" is the key "1").
        /// Find a record by its id with <c>List(kind, "{\"id\": n}")</c>.</param>
        /// <exception cref="FazhiNotFoundException">No record with that key.</exception>
        public string Get(string kind, string key)
        {
            byte[] k = Utf8.Required(kind, "kind");
            byte[] y = Utf8.Required(key, "key");
            IntPtr json;
            Check(NativeMethods.fz_get(Handle, k, y, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>Changes the fields named in <paramref name="patchJson"/> of the record whose key is
        /// <paramref name="key"/>; a null value clears an optional field.</summary>
        public void Patch(string kind, string key, string patchJson)
        {
            byte[] k = Utf8.Required(kind, "kind");
            byte[] y = Utf8.Required(key, "key");
            byte[] p = Utf8.Required(patchJson, "patchJson");
            Check(NativeMethods.fz_patch(Handle, k, y, p));
        }

        /// <summary>
        /// Lists records: <c>{"items": [...], "total": n}</c>.
        /// </summary>
        /// <param name="kind">Record kind.</param>
        /// <param name="queryJson">Null or <c>{"unit": key, "subtree": true, "period": "2022",
        /// "where": {field: value}, "id": n, "limit": n, "offset": n}</c>; "id" keeps the record
        /// with that id.</param>
        public string List(string kind, string queryJson = null)
        {
            byte[] k = Utf8.Required(kind, "kind");
            byte[] q = Utf8.Encode(queryJson, "queryJson");
            IntPtr json;
            Check(NativeMethods.fz_list(Handle, k, q, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>
        /// Applies a domain action to the record whose key is <paramref name="key"/>, e.g. <c>Act("mediation_case", key, "close",
        /// "{\"date\": \"2022-03-01\", \"outcome\": \"succeeded\", \"agreement\": \"written\"}")</c>.
        /// </summary>
        /// <returns>The record after the action, with any findings it raised.</returns>
        /// <exception cref="FazhiConflictException">The record's state does not allow the action (closed, concluded...).</exception>
        /// <exception cref="FazhiRuleException">A statutory rule forbids it.</exception>
        public string Act(string kind, string key, string action, string argsJson = null)
        {
            byte[] k = Utf8.Required(kind, "kind");
            byte[] y = Utf8.Required(key, "key");
            byte[] a = Utf8.Required(action, "action");
            byte[] g = Utf8.Encode(argsJson, "argsJson");
            IntPtr json;
            Check(NativeMethods.fz_act(Handle, k, y, a, g, out json));
            return Utf8.TakeString(json);
        }

        // ------------------------------------------------------------------
        // Bulk NDJSON

        /// <summary>
        /// Imports NDJSON (one <c>{"record": kind, ...}</c> object per line, applied in order).
        /// A rejected line changes nothing and is listed in the summary; the rest is applied.
        /// </summary>
        /// <param name="ndjson">The lines.</param>
        /// <param name="optionsJson">Null or <c>{"mode": "strict"|"historical", "batch": n, "actor": ...}</c>.</param>
        /// <returns>The summary: <c>{"read", "inserted", "updated", "unchanged", "actions",
        /// "rejected", "errors": [{"line", "field", "message"}]}</c>.</returns>
        public string Import(string ndjson, string optionsJson = null)
        {
            byte[] d = Utf8.Required(ndjson, "ndjson");
            byte[] o = Utf8.Encode(optionsJson, "optionsJson");
            IntPtr summary;
            Check(NativeMethods.fz_import(Handle, d, Utf8.Length(d), o, out summary));
            return Utf8.TakeString(summary);
        }

        /// <summary>Imports an NDJSON file, read as it goes; see <see cref="Import"/>.</summary>
        /// <exception cref="FazhiIOException">The file cannot be read.</exception>
        /// <exception cref="FazhiArgumentException">A line is longer than 16 MiB (it is named).</exception>
        public string ImportFile(string path, string optionsJson = null)
        {
            byte[] p = Utf8.Required(path, "path");
            byte[] o = Utf8.Encode(optionsJson, "optionsJson");
            IntPtr summary;
            Check(NativeMethods.fz_import_file(Handle, p, o, out summary));
            return Utf8.TakeString(summary);
        }

        /// <summary>
        /// Writes every record (queryJson null) or those selected by
        /// <c>{"kinds": [...], "unit": key, "subtree": bool}</c> as NDJSON that Import reads back.
        /// Never over the open database, its -wal, -shm or -journal file, or anything but a
        /// regular file (links are followed); through a temporary file beside the target.
        /// </summary>
        /// <exception cref="FazhiArgumentException">The target is refused (the message says why).</exception>
        /// <exception cref="FazhiConflictException">A record of the unit refers to one outside it.</exception>
        /// <exception cref="FazhiIOException">The file cannot be written.</exception>
        public void ExportFile(string path, string queryJson = null)
        {
            byte[] p = Utf8.Required(path, "path");
            byte[] q = Utf8.Encode(queryJson, "queryJson");
            Check(NativeMethods.fz_export_file(Handle, p, q));
        }

        // ------------------------------------------------------------------
        // Bulk load

        /// <summary>
        /// Opens a bulk load (fz_bulk_begin): until <see cref="BulkEnd"/>, writes leave the
        /// reporting indexes of the tables they write to be built once at the end.
        /// </summary>
        public void BulkBegin()
        {
            Check(NativeMethods.fz_bulk_begin(Handle));
        }

        /// <summary>Ends the bulk load (or finishes an interrupted one); returns how many indexes it built.</summary>
        public long BulkEnd()
        {
            long built;
            Check(NativeMethods.fz_bulk_end(Handle, out built));
            return built;
        }

        // ------------------------------------------------------------------
        // Host transactions

        /// <summary>Starts a host transaction: calls up to Commit or Rollback are one unit.</summary>
        public void Begin()
        {
            Check(NativeMethods.fz_begin(Handle));
        }

        /// <summary>Commits the host transaction.</summary>
        public void Commit()
        {
            Check(NativeMethods.fz_commit(Handle));
        }

        /// <summary>Rolls back the host transaction.</summary>
        public void Rollback()
        {
            Check(NativeMethods.fz_rollback(Handle));
        }

        /// <summary>
        /// Begins a host transaction scoped by <c>using</c>: call
        /// <see cref="Transaction.Commit"/> to keep the changes; disposing without
        /// committing rolls them back.
        /// </summary>
        public Transaction BeginTransaction()
        {
            Begin();
            return new Transaction(this);
        }

        // ------------------------------------------------------------------
        // Indicators

        /// <summary>
        /// One indicator for a unit (and its subtree) and a period.
        /// </summary>
        /// <param name="code">Indicator code, e.g. "mediation.success_rate".</param>
        /// <param name="unit">Unit key, e.g. "yx-kfq".</param>
        /// <param name="period">"2022", "2022H1", "2022Q3", "2022-07", "2022W05" or "2022-01-01/2022-06-30".</param>
        /// <param name="paramsJson">Null or the indicator's parameters, e.g. <c>{"min_yuan": 100000}</c>.</param>
        /// <exception cref="FazhiArgumentException">Unknown code, unit or malformed period.</exception>
        public IndicatorValue Indicator(string code, string unit, string period, string paramsJson = null)
        {
            byte[] c = Utf8.Required(code, "code");
            byte[] u = Utf8.Required(unit, "unit");
            byte[] p = Utf8.Required(period, "period");
            byte[] a = Utf8.Encode(paramsJson, "paramsJson");
            NativeValue v;
            Check(NativeMethods.fz_indicator(Handle, c, u, p, a, out v));
            return new IndicatorValue(v);
        }

        /// <summary>Many indicators as JSON: query <c>{"unit": key, "period": "2022", "codes": [...]}</c>
        /// (codes default to the whole catalogue).</summary>
        public string Indicators(string queryJson)
        {
            byte[] q = Utf8.Required(queryJson, "queryJson");
            IntPtr json;
            Check(NativeMethods.fz_indicators(Handle, q, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>The keys of the records counted in an indicator's numerator and denominator, as JSON.</summary>
        public string Explain(string code, string unit, string period, string paramsJson = null)
        {
            byte[] c = Utf8.Required(code, "code");
            byte[] u = Utf8.Required(unit, "unit");
            byte[] p = Utf8.Required(period, "period");
            byte[] a = Utf8.Encode(paramsJson, "paramsJson");
            IntPtr json;
            Check(NativeMethods.fz_explain(Handle, c, u, p, a, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>Stores a custom indicator: <c>{"code": "custom.x", "label": "...",
        /// "expression": "mediation.succeeded / mediation.received * 100"}</c>.</summary>
        public void DefineIndicator(string definitionJson)
        {
            byte[] d = Utf8.Required(definitionJson, "definitionJson");
            Check(NativeMethods.fz_define_indicator(Handle, d));
        }

        /// <summary>Stores a statistics form (统计表) of the host's own (fz_define_form):
        /// <c>{"code": "custom.x", "title": "...", "parts": [{"rows": {"units": "children"},
        /// "columns": [{"code": "mediation.received"}]}], "notes": [...]}</c>; the same code
        /// again replaces it.</summary>
        public void DefineForm(string definitionJson)
        {
            byte[] d = Utf8.Required(definitionJson, "definitionJson");
            Check(NativeMethods.fz_define_form(Handle, d));
        }

        /// <summary>Every form as JSON: <c>[{"code", "title", "builtin", "definition"}]</c>,
        /// the built-in ones (mediation, enforcement, adviser) first.</summary>
        public string Forms()
        {
            IntPtr json;
            Check(NativeMethods.fz_forms(Handle, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>A form filled for <c>{"unit": key, "period": "2022"}</c> as "json" or "csv"
        /// (fz_form).</summary>
        public string Form(string form, string queryJson, string format = "json")
        {
            byte[] f = Utf8.Required(form, "form");
            byte[] q = Utf8.Required(queryJson, "queryJson");
            byte[] t = Utf8.Required(format, "format");
            IntPtr text;
            Check(NativeMethods.fz_form(Handle, f, q, t, out text));
            return Utf8.TakeString(text);
        }

        /// <summary>Writes a filled form to a file as "xlsx" or "csv" (fz_form_file), never
        /// over the open database.</summary>
        public void FormFile(string form, string queryJson, string format, string path)
        {
            byte[] f = Utf8.Required(form, "form");
            byte[] q = Utf8.Required(queryJson, "queryJson");
            byte[] t = Utf8.Required(format, "format");
            byte[] p = Utf8.Required(path, "path");
            Check(NativeMethods.fz_form_file(Handle, f, q, t, p));
        }

        /// <summary>Stored findings (recorded nonconformities) as JSON; the query may filter by
        /// "unit", "period", "kind", "rule", "severity".</summary>
        public string Findings(string queryJson = null)
        {
            byte[] q = Utf8.Encode(queryJson, "queryJson");
            IntPtr json;
            Check(NativeMethods.fz_findings(Handle, q, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>Alerts as JSON: the open statutory deadlines of a unit and everything below it
        /// that are overdue (超期), due on "as_of" or within a horizon of working days (临期),
        /// ordered by due date, then key. The query needs "unit" and "as_of"; "horizon",
        /// "horizons", "limit" and "offset" are optional (fazhi.h, fz_alerts).</summary>
        public string Alerts(string queryJson)
        {
            byte[] q = Utf8.Required(queryJson, "queryJson");
            IntPtr json;
            Check(NativeMethods.fz_alerts(Handle, q, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>Drafts the annual report (法治政府建设年度报告) of a unit for a year.</summary>
        /// <param name="unit">Unit key.</param>
        /// <param name="year">Report year.</param>
        /// <param name="format">"markdown", "html" or "json" ("docx": <see cref="ReportFile"/>).</param>
        /// <param name="optionsJson">Null or report options.</param>
        public string Report(string unit, int year, string format = "markdown", string optionsJson = null)
        {
            byte[] u = Utf8.Required(unit, "unit");
            byte[] f = Utf8.Required(format, "format");
            byte[] o = Utf8.Encode(optionsJson, "optionsJson");
            IntPtr text;
            Check(NativeMethods.fz_report(Handle, u, year, f, o, out text));
            return Utf8.TakeString(text);
        }

        /// <summary>The review of that report's text for personal names that would go out unmasked, without
        /// drafting it: <c>{"warnings": [{"name", "context", "kind", "key", "field", "message"}]}</c>
        /// (fazhi.h, fz_report_review).</summary>
        /// <param name="unit">Unit key.</param>
        /// <param name="year">Report year.</param>
        /// <param name="optionsJson">Null or <c>{"mask_names": [...]}</c>.</param>
        public string ReportReview(string unit, int year, string optionsJson = null)
        {
            byte[] u = Utf8.Required(unit, "unit");
            byte[] o = Utf8.Encode(optionsJson, "optionsJson");
            IntPtr json;
            Check(NativeMethods.fz_report_review(Handle, u, year, o, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>
        /// Writes the annual report to a file (fz_report_file): "docx", a Word document in the
        /// 公文 layout of GB/T 9704-2012 with native charts, or a format of <see cref="Report"/>.
        /// The file is replaced only once written in full.
        /// </summary>
        /// <param name="path">The file to write.</param>
        /// <param name="unit">Unit key.</param>
        /// <param name="year">Report year.</param>
        /// <param name="format">"docx", "markdown", "html" or "json".</param>
        /// <param name="optionsJson">Null or report options, e.g. {"issuer": "...", "date": "2023-01-15"}.</param>
        public void ReportFile(string path, string unit, int year, string format = "docx", string optionsJson = null)
        {
            byte[] u = Utf8.Required(unit, "unit");
            byte[] f = Utf8.Required(format, "format");
            byte[] o = Utf8.Encode(optionsJson, "optionsJson");
            byte[] p = Utf8.Required(path, "path");
            Check(NativeMethods.fz_report_file(Handle, u, year, f, o, p));
        }

        // ------------------------------------------------------------------
        // Journal

        /// <summary>Recomputes the journal's hash chain and proves every record by it: <c>{"ok": bool,
        /// "entries": n, "first_bad": seq|null, "message": "...", "head", "records", "checkpoints"}</c>. A broken
        /// chain or a record that differs from its journal is reported, not thrown.</summary>
        public string VerifyJournal()
        {
            IntPtr json;
            Check(NativeMethods.fz_journal_verify(Handle, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>The same with options (fz_journal_verify_with): <c>{"kind": ..., "unit": ...,
        /// "head": {"seq": n, "hash": "..."}, "records": bool}</c>; null for none.</summary>
        public string VerifyJournal(string optionsJson)
        {
            byte[] o = Utf8.Encode(optionsJson, "optionsJson");
            IntPtr json;
            Check(NativeMethods.fz_journal_verify_with(Handle, o, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>The journal's head <c>{"seq": n, "hash": "64 hex digits"}</c>, to record outside the
        /// file and give back to <see cref="VerifyJournal(string)"/> as "head" later.</summary>
        public string JournalHead()
        {
            IntPtr json;
            Check(NativeMethods.fz_journal_head(Handle, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>The journal entries of the record whose key is <paramref name="key"/>, in order,
        /// with the chain's verification, as JSON.</summary>
        public string History(string kind, string key)
        {
            byte[] k = Utf8.Required(kind, "kind");
            byte[] y = Utf8.Required(key, "key");
            IntPtr json;
            Check(NativeMethods.fz_history(Handle, k, y, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>The full-process record (全过程记录) of a record as a document:
        /// format "markdown" (an archive document) or "json" (as <see cref="History"/>).</summary>
        public string HistoryText(string kind, string key, string format = "markdown")
        {
            byte[] k = Utf8.Required(kind, "kind");
            byte[] y = Utf8.Required(key, "key");
            byte[] f = Utf8.Required(format, "format");
            IntPtr text;
            Check(NativeMethods.fz_history_text(Handle, k, y, f, out text));
            return Utf8.TakeString(text);
        }

        // ------------------------------------------------------------------
        // Working-day calendar

        /// <summary>
        /// Adds holiday schedules: CSV <c>date,kind,holiday,schedule_year</c> with kind off|work,
        /// header optional. Replaces the listed years.
        /// </summary>
        public void LoadCalendar(string csv)
        {
            byte[] c = Utf8.Required(csv, "csv");
            Check(NativeMethods.fz_calendar_load(Handle, c, Utf8.Length(c)));
        }

        /// <summary>
        /// Loads a holiday schedule file (at most 1 MiB) and returns the summary as JSON:
        /// <c>{"years": [...], "days": n, "recomputed": n}</c>, where recomputed counts the records whose
        /// provisional deadlines were computed again with the real schedule.
        /// </summary>
        /// <exception cref="FazhiArgumentException">A bad line (the message names its line and column).</exception>
        public string LoadCalendarFile(string path)
        {
            byte[] p = Utf8.Required(path, "path");
            IntPtr json;
            Check(NativeMethods.fz_calendar_load_file(Handle, p, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>
        /// Which years have a State Council schedule and which follow the provisional rule, as JSON:
        /// <c>{"official": [{"year", "source"}], "provisional": {"first", "last", "rule"},
        /// "pending": [{"year", "records"}]}</c>.
        /// </summary>
        public string CalendarYears()
        {
            IntPtr json;
            Check(NativeMethods.fz_calendar_years(Handle, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>
        /// Calendar arithmetic that follows the provisional rule for a year without a schedule and says
        /// so (see fz_calendar_query): e.g. <c>{"op": "add_working_days", "date": "2027-01-04", "days": 3}</c>
        /// gives <c>{"date": "2027-01-07", "provisional_years": [2027]}</c>.
        /// </summary>
        public string CalendarQuery(string requestJson)
        {
            byte[] r = Utf8.Required(requestJson, "requestJson");
            IntPtr json;
            Check(NativeMethods.fz_calendar_query(Handle, r, out json));
            return Utf8.TakeString(json);
        }

        /// <summary>True for a working day, false for a rest day or holiday (only the date part is used).</summary>
        /// <exception cref="FazhiArgumentException">A year without a schedule.</exception>
        public bool IsWorkingDay(DateTime date)
        {
            int working;
            Check(NativeMethods.fz_calendar_is_working_day(Handle, DateArg(date), out working));
            return working != 0;
        }

        /// <summary>The date <paramref name="n"/> working days after <paramref name="date"/> (n &lt; 0: before).</summary>
        public DateTime AddWorkingDays(DateTime date, int n)
        {
            byte[] result = new byte[11];
            Check(NativeMethods.fz_calendar_add_working_days(Handle, DateArg(date), n, result));
            return DateTime.ParseExact(Utf8.FromBuffer(result), DateFormat, CultureInfo.InvariantCulture,
                                       DateTimeStyles.None);
        }

        /// <summary>Number of working days in (from, to]; negative when to is before from.</summary>
        public int WorkingDaysBetween(DateTime from, DateTime to)
        {
            int n;
            Check(NativeMethods.fz_calendar_working_days_between(Handle, DateArg(from), DateArg(to), out n));
            return n;
        }

        /// <summary>Chinese labels as a JSON object code -> label: set "kinds", "codes", or a
        /// field's closed set such as "org_unit.kind". Set "types" gives each kind's input
        /// fields with their JSON type instead (fz_labels).</summary>
        public string Labels(string set)
        {
            byte[] s = Utf8.Required(set, "set");
            IntPtr json;
            Check(NativeMethods.fz_labels(Handle, s, out json));
            return Utf8.TakeString(json);
        }

        // ------------------------------------------------------------------
        // Logging

        private static readonly object LogLock = new object();
        private static volatile Action<int, string> s_logHandler;
        // One delegate for the whole process, never collected: the library may
        // hold its function pointer at any time.
        private static readonly NativeLogCallback s_logTrampoline = LogTrampoline;

        /// <summary>
        /// Routes the library's log to <paramref name="handler"/>(level, message) for
        /// messages at <paramref name="minLevel"/> and above (0 trace, 1 debug, 2 info,
        /// 3 warn, 4 error, 5 critical). Null silences it (the default). The handler
        /// may be called from any thread; an exception it throws is swallowed, since
        /// it cannot cross the native library.
        /// </summary>
        public static void SetLog(Action<int, string> handler, int minLevel = 2)
        {
            CheckLibraryVersion();
            lock (LogLock)
            {
                s_logHandler = handler;
                if (handler == null)
                    NativeMethods.fz_set_log(null, IntPtr.Zero, minLevel);
                else
                    NativeMethods.fz_set_log(s_logTrampoline, IntPtr.Zero, minLevel);
            }
        }

        private static void LogTrampoline(int level, IntPtr message, IntPtr user)
        {
            Action<int, string> h = s_logHandler;
            if (h == null) return;
            try
            {
                h(level, Utf8.PeekString(message));
            }
            catch (Exception)
            {
                // Never let a managed exception unwind through native frames.
            }
        }

        // ------------------------------------------------------------------
        // Helpers

        private DatabaseHandle Handle
        {
            get
            {
                if (_handle.IsClosed) throw new ObjectDisposedException("Fazhi.Database", "the database is closed");
                return _handle;
            }
        }

        private static byte[] DateArg(DateTime date)
        {
            return Encoding.ASCII.GetBytes(date.ToString(DateFormat, CultureInfo.InvariantCulture) + "\0");
        }

        private static void Check(int status)
        {
            if (status != 0) throw Error(status);
        }

        // Reads fz_last_error on the calling thread, right after the failed call.
        private static FazhiException Error(int status)
        {
            string message = Utf8.PeekString(NativeMethods.fz_last_error());
            return FazhiException.Create((FazhiStatus)status, message);
        }

        // The result of a first native call; the runtime's DllNotFoundException
        // becomes one that says where the library was looked for.
        private static T Loaded<T>(Func<T> call)
        {
            try
            {
                return call();
            }
            catch (DllNotFoundException e)
            {
                if (e is FazhiLibraryNotFoundException) throw;
                throw LibraryNotFound.Create(e);
            }
        }

        private static void CheckLibraryVersion()
        {
            lock (VersionLock)
            {
                if (s_versionChecked) return;
                int lib = Loaded(() => NativeMethods.fz_version_number());
                if (lib / 1000000 != BindingVersionNumber / 1000000 || lib < BindingVersionNumber)
                    throw new FazhiVersionException(
                        "libfazhi " + Utf8.PeekString(NativeMethods.fz_version()) +
                        " does not match this binding, written for fazhi " + (BindingVersionNumber / 1000000) +
                        "." + (BindingVersionNumber / 1000 % 1000) + "." + (BindingVersionNumber % 1000) +
                        " (same major version, at least that minor version needed)");
                s_versionChecked = true;
            }
        }
    }

    /// <summary>
    /// A host transaction opened by <see cref="Database.BeginTransaction"/>.
    /// Disposing it without <see cref="Commit"/> rolls it back.
    /// </summary>
    public sealed class Transaction : IDisposable
    {
        private Database _db;

        internal Transaction(Database db)
        {
            _db = db;
        }

        /// <summary>Commits the transaction.</summary>
        /// <exception cref="InvalidOperationException">Already committed or rolled back.</exception>
        public void Commit()
        {
            if (_db == null) throw new InvalidOperationException("the transaction is already finished");
            Database db = _db;
            db.Commit();
            _db = null;
        }

        /// <summary>Rolls the transaction back.</summary>
        public void Rollback()
        {
            if (_db == null) throw new InvalidOperationException("the transaction is already finished");
            Database db = _db;
            _db = null;
            db.Rollback();
        }

        /// <summary>
        /// Rolls back unless committed (closing the database rolls back too). Never
        /// throws: a transaction already ended through Database.Commit or Rollback is
        /// left alone.
        /// </summary>
        public void Dispose()
        {
            Database db = _db;
            _db = null;
            if (db == null || db.IsClosed) return;
            try
            {
                db.Rollback();
            }
            catch (FazhiException)
            {
                // No transaction open any more: nothing to undo.
            }
        }
    }
}
