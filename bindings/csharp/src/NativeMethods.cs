// NativeMethods.cs — P/Invoke declarations for every function of fazhi.h.
//
// Strings never use the runtime's string marshalling (Mono's default is not
// UTF-8): inputs are NUL-terminated UTF-8 byte[] made by Utf8.Encode, outputs
// are IntPtr copied by Utf8.TakeString / Utf8.PeekString. Every function uses
// the C calling convention.
using System;
using System.Runtime.InteropServices;

namespace Fazhi
{
    /// <summary>The <c>fz_value</c> struct of fazhi.h: {double, double, double, int32, int32}.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeValue
    {
        public double Value;
        public double Numerator;
        public double Denominator;
        public int Status;
        public int Reserved;
    }

    /// <summary><c>fz_log_fn</c>: (int32 level, const char *message, void *user).</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    internal delegate void NativeLogCallback(int level, IntPtr message, IntPtr user);

    internal static class NativeMethods
    {
        /// <summary>Resolved as libfazhi.so / libfazhi.dylib / fazhi.dll by the runtime.</summary>
        internal const string Library = "fazhi";

        // Version and memory -------------------------------------------------

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr fz_version();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_version_number();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr fz_last_error();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void fz_free(IntPtr p);

        // Opening and closing ------------------------------------------------

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_open(byte[] path, byte[] options_json, out DatabaseHandle out_db);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_close(IntPtr db);

        // Records ------------------------------------------------------------

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_put(DatabaseHandle db, byte[] kind, byte[] record_json, out long out_id);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_get(DatabaseHandle db, byte[] kind, byte[] key, out IntPtr out_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_patch(DatabaseHandle db, byte[] kind, byte[] key, byte[] patch_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_list(DatabaseHandle db, byte[] kind, byte[] query_json, out IntPtr out_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_act(DatabaseHandle db, byte[] kind, byte[] key, byte[] action,
                                          byte[] args_json, out IntPtr out_json);

        // Bulk NDJSON --------------------------------------------------------

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_import(DatabaseHandle db, byte[] ndjson, UIntPtr len, byte[] options_json,
                                             out IntPtr out_summary_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_import_file(DatabaseHandle db, byte[] path, byte[] options_json,
                                                  out IntPtr out_summary_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_export_file(DatabaseHandle db, byte[] path, byte[] query_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_bulk_begin(DatabaseHandle db);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_bulk_end(DatabaseHandle db, out long out_built);

        // Host transactions --------------------------------------------------

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_begin(DatabaseHandle db);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_commit(DatabaseHandle db);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_rollback(DatabaseHandle db);

        // Indicators ---------------------------------------------------------

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_indicator(DatabaseHandle db, byte[] code, byte[] unit, byte[] period,
                                                byte[] params_json, out NativeValue out_value);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_indicators(DatabaseHandle db, byte[] query_json, out IntPtr out_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_explain(DatabaseHandle db, byte[] code, byte[] unit, byte[] period,
                                              byte[] params_json, out IntPtr out_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_define_indicator(DatabaseHandle db, byte[] definition_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_define_form(DatabaseHandle db, byte[] definition_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_forms(DatabaseHandle db, out IntPtr out_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_form(DatabaseHandle db, byte[] form, byte[] query_json, byte[] format,
                                           out IntPtr out_text);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_form_file(DatabaseHandle db, byte[] form, byte[] query_json, byte[] format,
                                                byte[] path);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_findings(DatabaseHandle db, byte[] query_json, out IntPtr out_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_alerts(DatabaseHandle db, byte[] query_json, out IntPtr out_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_report(DatabaseHandle db, byte[] unit, int year, byte[] format,
                                             byte[] options_json, out IntPtr out_text);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_report_review(DatabaseHandle db, byte[] unit, int year,
                                                    byte[] options_json, out IntPtr out_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_report_file(DatabaseHandle db, byte[] unit, int year, byte[] format,
                                                  byte[] options_json, byte[] path);

        // Journal ------------------------------------------------------------

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_journal_verify(DatabaseHandle db, out IntPtr out_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_journal_verify_with(DatabaseHandle db, byte[] options_json, out IntPtr out_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_journal_head(DatabaseHandle db, out IntPtr out_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_history(DatabaseHandle db, byte[] kind, byte[] key, out IntPtr out_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_history_text(DatabaseHandle db, byte[] kind, byte[] key, byte[] format,
                                                   out IntPtr out_text);

        // Working-day calendar -----------------------------------------------

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_calendar_load(DatabaseHandle db, byte[] csv, UIntPtr len);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_calendar_load_file(DatabaseHandle db, byte[] path, out IntPtr out_summary_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_calendar_years(DatabaseHandle db, out IntPtr out_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_calendar_query(DatabaseHandle db, byte[] request_json, out IntPtr out_json);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_calendar_is_working_day(DatabaseHandle db, byte[] date, out int out_bool);

        /// <summary>out_date must be a byte[11]; fazhi writes "YYYY-MM-DD\0" into it.</summary>
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_calendar_add_working_days(DatabaseHandle db, byte[] date, int n,
                                                                [In, Out] byte[] out_date);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_calendar_working_days_between(DatabaseHandle db, byte[] from, byte[] to,
                                                                    out int out_n);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int fz_labels(DatabaseHandle db, byte[] set, out IntPtr out_json);

        // Logging ------------------------------------------------------------

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void fz_set_log(NativeLogCallback fn, IntPtr user, int min_level);
    }
}
