// Harness.cs — a tiny test runner and assertions (no NUnit here), plus a
// minimal JSON reader so that tests look at values, not at substrings.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Fazhi.Tests
{
    internal sealed class AssertionFailed : Exception
    {
        public AssertionFailed(string message) : base(message) { }
    }

    internal static class Assert
    {
        public static void True(bool condition, string what)
        {
            if (!condition) throw new AssertionFailed(what);
        }

        public static void Equal<T>(T expected, T actual, string what)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
                throw new AssertionFailed(what + ": expected <" + expected + ">, got <" + actual + ">");
        }

        public static void Near(double expected, double actual, double tolerance, string what)
        {
            if (double.IsNaN(actual) || Math.Abs(expected - actual) > tolerance)
                throw new AssertionFailed(what + ": expected " + expected.ToString(CultureInfo.InvariantCulture) +
                                          ", got " + actual.ToString(CultureInfo.InvariantCulture));
        }

        public static void Contains(string needle, string haystack, string what)
        {
            if (haystack == null || haystack.IndexOf(needle, StringComparison.Ordinal) < 0)
                throw new AssertionFailed(what + ": <" + needle + "> not in <" + haystack + ">");
        }

        /// <summary>Runs body, which must throw exactly TException; returns it.</summary>
        public static TException Throws<TException>(Action body, string what) where TException : Exception
        {
            try
            {
                body();
            }
            catch (TException e)
            {
                if (e.GetType() != typeof(TException))
                    throw new AssertionFailed(what + ": expected " + typeof(TException).Name + ", got " +
                                              e.GetType().Name + ": " + e.Message);
                return e;
            }
            catch (Exception e)
            {
                throw new AssertionFailed(what + ": expected " + typeof(TException).Name + ", got " +
                                          e.GetType().Name + ": " + e.Message);
            }
            throw new AssertionFailed(what + ": expected " + typeof(TException).Name + ", nothing thrown");
        }
    }

    internal sealed class Runner
    {
        private readonly List<KeyValuePair<string, Action>> _tests = new List<KeyValuePair<string, Action>>();

        public void Add(string name, Action body)
        {
            _tests.Add(new KeyValuePair<string, Action>(name, body));
        }

        /// <summary>Runs every test (or those whose name contains filter); returns the number failed.</summary>
        public int Run(string filter)
        {
            int passed = 0, failed = 0;
            foreach (KeyValuePair<string, Action> t in _tests)
            {
                if (filter != null && t.Key.IndexOf(filter, StringComparison.Ordinal) < 0) continue;
                try
                {
                    t.Value();
                    Console.WriteLine("PASS " + t.Key);
                    ++passed;
                }
                catch (Exception e)
                {
                    Console.WriteLine("FAIL " + t.Key + ": " +
                                      (e is AssertionFailed ? e.Message : e.ToString()));
                    ++failed;
                }
            }
            Console.WriteLine(passed + " passed, " + failed + " failed");
            return failed;
        }
    }

    /// <summary>Just enough JSON: objects become Dictionary, arrays List, numbers long or double.</summary>
    internal static class Json
    {
        public static object Parse(string text)
        {
            int i = 0;
            object v = Value(text, ref i);
            Space(text, ref i);
            if (i != text.Length) throw new FormatException("trailing text at " + i);
            return v;
        }

        public static Dictionary<string, object> Object(string text)
        {
            return (Dictionary<string, object>)Parse(text);
        }

        /// <summary>Follows a path of object keys and array indices: At(doc, "errors", 0, "line").</summary>
        public static object At(object doc, params object[] path)
        {
            object cur = doc;
            foreach (object step in path)
            {
                if (step is string)
                {
                    Dictionary<string, object> o = cur as Dictionary<string, object>;
                    object next;
                    if (o == null || !o.TryGetValue((string)step, out next))
                        throw new AssertionFailed("JSON has no member '" + step + "'");
                    cur = next;
                }
                else
                {
                    List<object> a = cur as List<object>;
                    int index = (int)step;
                    if (a == null || index >= a.Count) throw new AssertionFailed("JSON has no element " + index);
                    cur = a[index];
                }
            }
            return cur;
        }

        public static long Long(object doc, params object[] path)
        {
            return Convert.ToInt64(At(doc, path), CultureInfo.InvariantCulture);
        }

        public static string Str(object doc, params object[] path)
        {
            return (string)At(doc, path);
        }

        private static void Space(string s, ref int i)
        {
            while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
        }

        private static object Value(string s, ref int i)
        {
            Space(s, ref i);
            if (i >= s.Length) throw new FormatException("unexpected end");
            char c = s[i];
            if (c == '{')
            {
                var o = new Dictionary<string, object>();
                ++i;
                Space(s, ref i);
                if (s[i] == '}') { ++i; return o; }
                while (true)
                {
                    Space(s, ref i);
                    string k = String(s, ref i);
                    Space(s, ref i);
                    if (s[i++] != ':') throw new FormatException("':' expected at " + (i - 1));
                    o[k] = Value(s, ref i);
                    Space(s, ref i);
                    char d = s[i++];
                    if (d == '}') return o;
                    if (d != ',') throw new FormatException("',' expected at " + (i - 1));
                }
            }
            if (c == '[')
            {
                var a = new List<object>();
                ++i;
                Space(s, ref i);
                if (s[i] == ']') { ++i; return a; }
                while (true)
                {
                    a.Add(Value(s, ref i));
                    Space(s, ref i);
                    char d = s[i++];
                    if (d == ']') return a;
                    if (d != ',') throw new FormatException("',' expected at " + (i - 1));
                }
            }
            if (c == '"') return String(s, ref i);
            if (Word(s, ref i, "true")) return true;
            if (Word(s, ref i, "false")) return false;
            if (Word(s, ref i, "null")) return null;
            int start = i;
            while (i < s.Length && "+-0123456789.eE".IndexOf(s[i]) >= 0) ++i;
            string num = s.Substring(start, i - start);
            if (num.Length == 0) throw new FormatException("unexpected '" + c + "' at " + start);
            long l;
            if (long.TryParse(num, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out l)) return l;
            return double.Parse(num, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        private static bool Word(string s, ref int i, string w)
        {
            if (string.CompareOrdinal(s, i, w, 0, w.Length) != 0) return false;
            i += w.Length;
            return true;
        }

        private static string String(string s, ref int i)
        {
            if (s[i] != '"') throw new FormatException("string expected at " + i);
            ++i;
            var b = new StringBuilder();
            while (true)
            {
                char c = s[i++];
                if (c == '"') return b.ToString();
                if (c != '\\') { b.Append(c); continue; }
                char e = s[i++];
                switch (e)
                {
                    case 'n': b.Append('\n'); break;
                    case 't': b.Append('\t'); break;
                    case 'r': b.Append('\r'); break;
                    case 'b': b.Append('\b'); break;
                    case 'f': b.Append('\f'); break;
                    case 'u':
                        b.Append((char)int.Parse(s.Substring(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    default: b.Append(e); break;
                }
            }
        }
    }
}
