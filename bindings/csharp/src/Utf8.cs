// Utf8.cs — UTF-8 marshalling by hand, both ways.
using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Fazhi
{
    internal static class Utf8
    {
        // Strict: an unpaired surrogate is an error, not a silent U+FFFD.
        private static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);
        private static readonly UTF8Encoding Lenient = new UTF8Encoding(false, false);

        /// <summary>
        /// s as NUL-terminated UTF-8, or null for a null string (passed to C as NULL).
        /// A string containing U+0000 or an unpaired surrogate cannot be passed
        /// faithfully and is refused with FazhiArgumentException naming the parameter.
        /// </summary>
        internal static byte[] Encode(string s, string name)
        {
            if (s == null) return null;
            int n;
            byte[] bytes;
            try
            {
                n = Strict.GetByteCount(s);
                bytes = new byte[n + 1];
                Strict.GetBytes(s, 0, s.Length, bytes, 0);
            }
            catch (EncoderFallbackException)
            {
                throw new FazhiArgumentException(name + ": is not valid Unicode (unpaired surrogate)");
            }
            if (Array.IndexOf(bytes, (byte)0, 0, n) >= 0)
                throw new FazhiArgumentException(name + ": contains a NUL character");
            return bytes;
        }

        /// <summary>Like Encode, but a null string is refused (the parameter is required).</summary>
        internal static byte[] Required(string s, string name)
        {
            if (s == null) throw new ArgumentNullException(name);
            return Encode(s, name);
        }

        /// <summary>Length of the UTF-8 data of a buffer made by Encode, without the NUL.</summary>
        internal static UIntPtr Length(byte[] encoded)
        {
            return new UIntPtr((uint)(encoded.Length - 1));
        }

        /// <summary>Copies the NUL-terminated UTF-8 string at p (owned by the library) into a string.</summary>
        internal static string PeekString(IntPtr p)
        {
            if (p == IntPtr.Zero) return null;
            int n = 0;
            while (Marshal.ReadByte(p, n) != 0) ++n;
            if (n == 0) return string.Empty;
            byte[] bytes = new byte[n];
            Marshal.Copy(p, bytes, 0, n);
            return Lenient.GetString(bytes);
        }

        /// <summary>Copies a string fazhi returned through an out-parameter, then releases it with fz_free.</summary>
        internal static string TakeString(IntPtr p)
        {
            if (p == IntPtr.Zero) return null;
            try
            {
                return PeekString(p);
            }
            finally
            {
                NativeMethods.fz_free(p);
            }
        }

        /// <summary>A fixed buffer holding a NUL-terminated UTF-8 string.</summary>
        internal static string FromBuffer(byte[] buffer)
        {
            int n = Array.IndexOf(buffer, (byte)0);
            if (n < 0) n = buffer.Length;
            return Lenient.GetString(buffer, 0, n);
        }
    }
}
