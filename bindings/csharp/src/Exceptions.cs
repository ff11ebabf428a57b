// Exceptions.cs — one exception type per fz_status, carrying fz_last_error().
using System;

namespace Fazhi
{
    /// <summary>The <c>fz_status</c> codes of fazhi.h. Values are stable and never renumbered.</summary>
    public enum FazhiStatus
    {
        /// <summary>FZ_OK: success.</summary>
        Ok = 0,
        /// <summary>FZ_E_ARGUMENT: malformed call or record (bad JSON, unknown field, wrong type, unknown kind or code).</summary>
        Argument = 1,
        /// <summary>FZ_E_NOT_FOUND: no record with that key.</summary>
        NotFound = 2,
        /// <summary>FZ_E_RULE: a statutory or domain rule forbids it; the message cites the rule.</summary>
        Rule = 3,
        /// <summary>FZ_E_CONFLICT: duplicate key, reference still in use, or a closed record.</summary>
        Conflict = 4,
        /// <summary>FZ_E_BUSY: the database stayed locked longer than the busy timeout.</summary>
        Busy = 5,
        /// <summary>FZ_E_IO: a file cannot be opened, read or written.</summary>
        IO = 6,
        /// <summary>FZ_E_CORRUPT: not a fazhi database, or damaged.</summary>
        Corrupt = 7,
        /// <summary>FZ_E_VERSION: made by a newer fazhi.</summary>
        Version = 8,
        /// <summary>FZ_E_NOMEM: out of memory.</summary>
        OutOfMemory = 9,
        /// <summary>FZ_E_INTERNAL: a bug in fazhi.</summary>
        Internal = 10,
    }

    /// <summary>
    /// A fazhi call failed. <see cref="Exception.Message"/> is the library's UTF-8
    /// message (<c>fz_last_error</c>), which names the field or cites the rule.
    /// Catch a subclass to handle one status.
    /// </summary>
    public class FazhiException : Exception
    {
        /// <summary>The status the library returned.</summary>
        public FazhiStatus Status { get; private set; }

        /// <summary>Creates an exception for <paramref name="status"/> with <paramref name="message"/>.</summary>
        public FazhiException(FazhiStatus status, string message)
            : base(string.IsNullOrEmpty(message) ? DefaultMessage(status) : message)
        {
            Status = status;
        }

        /// <summary>
        /// The exception of the type that matches <paramref name="status"/>
        /// (a plain FazhiException for a code this binding does not know yet).
        /// </summary>
        public static FazhiException Create(FazhiStatus status, string message)
        {
            switch (status)
            {
                case FazhiStatus.Argument: return new FazhiArgumentException(message);
                case FazhiStatus.NotFound: return new FazhiNotFoundException(message);
                case FazhiStatus.Rule: return new FazhiRuleException(message);
                case FazhiStatus.Conflict: return new FazhiConflictException(message);
                case FazhiStatus.Busy: return new FazhiBusyException(message);
                case FazhiStatus.IO: return new FazhiIOException(message);
                case FazhiStatus.Corrupt: return new FazhiCorruptException(message);
                case FazhiStatus.Version: return new FazhiVersionException(message);
                case FazhiStatus.OutOfMemory: return new FazhiOutOfMemoryException(message);
                case FazhiStatus.Internal: return new FazhiInternalException(message);
                default: return new FazhiException(status, message);
            }
        }

        private static string DefaultMessage(FazhiStatus status)
        {
            return "fazhi call failed with status " + status + " (" + (int)status + ")";
        }
    }

    /// <summary>FZ_E_ARGUMENT: malformed call or record — bad JSON, unknown field, wrong type, invalid UTF-8, unknown kind or code.</summary>
    public class FazhiArgumentException : FazhiException
    {
        /// <summary>Creates the exception with the library's message.</summary>
        public FazhiArgumentException(string message) : base(FazhiStatus.Argument, message) { }
    }

    /// <summary>FZ_E_NOT_FOUND: no record with that key.</summary>
    public class FazhiNotFoundException : FazhiException
    {
        /// <summary>Creates the exception with the library's message.</summary>
        public FazhiNotFoundException(string message) : base(FazhiStatus.NotFound, message) { }
    }

    /// <summary>FZ_E_RULE: a statutory or domain rule forbids the change; the message cites its source.</summary>
    public class FazhiRuleException : FazhiException
    {
        /// <summary>Creates the exception with the library's message.</summary>
        public FazhiRuleException(string message) : base(FazhiStatus.Rule, message) { }
    }

    /// <summary>FZ_E_CONFLICT: duplicate key, reference still in use, or acting on a closed record.</summary>
    public class FazhiConflictException : FazhiException
    {
        /// <summary>Creates the exception with the library's message.</summary>
        public FazhiConflictException(string message) : base(FazhiStatus.Conflict, message) { }
    }

    /// <summary>FZ_E_BUSY: the database stayed locked longer than the busy timeout.</summary>
    public class FazhiBusyException : FazhiException
    {
        /// <summary>Creates the exception with the library's message.</summary>
        public FazhiBusyException(string message) : base(FazhiStatus.Busy, message) { }
    }

    /// <summary>FZ_E_IO: a file cannot be opened, read or written.</summary>
    public class FazhiIOException : FazhiException
    {
        /// <summary>Creates the exception with the library's message.</summary>
        public FazhiIOException(string message) : base(FazhiStatus.IO, message) { }
    }

    /// <summary>FZ_E_CORRUPT: not a fazhi database, or damaged.</summary>
    public class FazhiCorruptException : FazhiException
    {
        /// <summary>Creates the exception with the library's message.</summary>
        public FazhiCorruptException(string message) : base(FazhiStatus.Corrupt, message) { }
    }

    /// <summary>FZ_E_VERSION: the database was made by a newer fazhi (or the library is too old for this binding).</summary>
    public class FazhiVersionException : FazhiException
    {
        /// <summary>Creates the exception with the library's message.</summary>
        public FazhiVersionException(string message) : base(FazhiStatus.Version, message) { }
    }

    /// <summary>FZ_E_NOMEM: the library ran out of memory.</summary>
    public class FazhiOutOfMemoryException : FazhiException
    {
        /// <summary>Creates the exception with the library's message.</summary>
        public FazhiOutOfMemoryException(string message) : base(FazhiStatus.OutOfMemory, message) { }
    }

    /// <summary>FZ_E_INTERNAL: an unexpected failure inside fazhi (a bug worth reporting).</summary>
    public class FazhiInternalException : FazhiException
    {
        /// <summary>Creates the exception with the library's message.</summary>
        public FazhiInternalException(string message) : base(FazhiStatus.Internal, message) { }
    }
}
