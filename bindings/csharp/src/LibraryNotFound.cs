// LibraryNotFound.cs — what the binding says when the runtime cannot load
// the native library: the file it needs, where it looked, and what to set.
//
// The runtime's own DllNotFoundException says only "fazhi", which leaves a
// host developer guessing. The binding catches it at its first native call
// and throws FazhiLibraryNotFoundException instead: still a
// DllNotFoundException (code that catches that keeps working), with a message
// that names the file (libfazhi.so, libfazhi.dylib or fazhi.dll), the
// directories the loader searched (the application's directory, the loader
// path variable and the system directories) with what was found in each, and
// the variable to set.
using System;
using System.Collections.Generic;
using System.IO;

namespace Fazhi
{
    /// <summary>
    /// The native library could not be loaded. The message names the file,
    /// the directories searched and the environment variable to set; the
    /// runtime's own exception is the inner exception.
    /// </summary>
    public sealed class FazhiLibraryNotFoundException : DllNotFoundException
    {
        internal FazhiLibraryNotFoundException(string message, Exception inner) : base(message, inner)
        {
        }
    }

    internal static class LibraryNotFound
    {
        private static bool IsWindows
        {
            get { return Path.DirectorySeparatorChar == '\\'; }
        }

        private static bool IsMac
        {
            get { return !IsWindows && Directory.Exists("/System/Library/Frameworks"); }
        }

        /// <summary>libfazhi.so, libfazhi.dylib or fazhi.dll.</summary>
        internal static string FileName
        {
            get { return IsWindows ? "fazhi.dll" : IsMac ? "libfazhi.dylib" : "libfazhi.so"; }
        }

        /// <summary>The variable that adds a directory to the loader's search.</summary>
        internal static string PathVariable
        {
            get { return IsWindows ? "PATH" : IsMac ? "DYLD_LIBRARY_PATH" : "LD_LIBRARY_PATH"; }
        }

        /// <summary>The exception to throw in place of <paramref name="inner"/>.</summary>
        internal static FazhiLibraryNotFoundException Create(Exception inner)
        {
            string file = FileName, variable = PathVariable;
            var searched = new List<string>();
            string appDir = AppDomain.CurrentDomain.BaseDirectory;
            if (!string.IsNullOrEmpty(appDir)) searched.Add(Describe(appDir, file) + " (the application's directory)");
            string value = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(value))
            {
                searched.Add(variable + " (not set)");
            }
            else
            {
                foreach (string dir in value.Split(Path.PathSeparator))
                    if (dir.Length > 0) searched.Add(Describe(dir, file) + " (from " + variable + ")");
            }
            if (!IsWindows)
                foreach (string dir in new[] { "/usr/local/lib", "/usr/lib/x86_64-linux-gnu", "/usr/lib" })
                    searched.Add(Describe(dir, file) + " (a system directory)");
            string message =
                "the fazhi native library " + file + " could not be loaded. Searched: " +
                string.Join("; ", searched.ToArray()) + ". Set " + variable +
                " to the directory that holds " + file + " (in a build tree: the capi directory, e.g. " +
                variable + "=build/capi), or install fazhi (cmake --install build" +
                (IsWindows ? "" : ", then ldconfig") + "). The runtime said: " + inner.Message;
            return new FazhiLibraryNotFoundException(message, inner);
        }

        // "DIR: not there", or "DIR: has FILE, which could not be loaded (another
        // architecture, or a library it needs is missing)".
        private static string Describe(string dir, string file)
        {
            bool there;
            try
            {
                there = File.Exists(Path.Combine(dir, file)) ||
                        (!IsWindows && Directory.Exists(dir) && Directory.GetFiles(dir, file + ".*").Length > 0);
            }
            catch (Exception)
            {
                there = false;
            }
            return dir + ": " + (there ? "has " + file + ", which could not be loaded (another architecture, " +
                                             "or a library it needs is missing)"
                                       : "not there");
        }
    }
}
