// DatabaseHandle.cs — the fz_db* of an open database as a SafeHandle.
using System;
using System.Runtime.InteropServices;

namespace Fazhi
{
    /// <summary>
    /// Owns one <c>fz_db*</c>. Releasing it calls <c>fz_close</c> exactly once, from
    /// Dispose or, if the owner forgot, from the finalizer. While a P/Invoke call is
    /// using the handle the runtime keeps it alive, so a concurrent Dispose cannot
    /// close the database under a running call.
    /// </summary>
    internal sealed class DatabaseHandle : SafeHandle
    {
        /// <summary>Used by the P/Invoke marshaller for fz_open's out parameter.</summary>
        public DatabaseHandle() : base(IntPtr.Zero, true) { }

        /// <summary>NULL is not a database.</summary>
        public override bool IsInvalid
        {
            get { return handle == IntPtr.Zero; }
        }

        /// <summary>Closes the database; an open host transaction is rolled back.</summary>
        protected override bool ReleaseHandle()
        {
            return NativeMethods.fz_close(handle) == 0;
        }
    }
}
