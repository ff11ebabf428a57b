"""Exceptions raised by the fazhi binding.

Every non-OK ``fz_status`` becomes a subclass of :class:`Error` named after the
status. The exception carries the library's message (``fz_last_error``, decoded
from UTF-8, so Chinese rule citations arrive intact) and the numeric status.

The classes deliberately do not derive from Python's built-in exceptions of
similar meaning (``ValueError``, ``OSError``, ...) and do not reuse their names:
``except fazhi.Error`` catches everything the library reports, and nothing else.
"""

from __future__ import annotations

import enum
from typing import Any, Dict, Optional, Type

__all__ = [
    "Status",
    "Error",
    "ArgumentError",
    "NotFoundError",
    "RuleError",
    "ConflictError",
    "BusyError",
    "IOFailure",
    "CorruptError",
    "VersionError",
    "NoMemoryError",
    "InternalError",
    "LibraryError",
    "error_for_status",
]


class Status(enum.IntEnum):
    """The ``fz_status`` codes of fazhi.h (stable, never renumbered)."""

    OK = 0
    ARGUMENT = 1
    NOT_FOUND = 2
    RULE = 3
    CONFLICT = 4
    BUSY = 5
    IO = 6
    CORRUPT = 7
    VERSION = 8
    NOMEM = 9
    INTERNAL = 10


class Error(Exception):
    """A failed fazhi call.

    Attributes:
        message: the library's message (UTF-8 decoded), naming the field or the
            rule; rule messages cite their statutory source.
        status:  the numeric ``fz_status`` code (an ``int``; a :class:`Status`
            member for the codes this binding knows).
    """

    status_code: int = -1  # overridden by each subclass

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        super().__init__(message)
        self.message: str = message
        code = self.status_code if status is None else int(status)
        try:
            self.status: int = Status(code)
        except ValueError:
            self.status = code

    @property
    def status_name(self) -> str:
        """Lower-case name of the status ("argument", "not_found", ...)."""
        if isinstance(self.status, Status):
            return self.status.name.lower()
        return "status_%d" % self.status

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return "%s(%r, status=%d)" % (type(self).__name__, self.message, int(self.status))

    def __reduce__(self) -> Any:  # keep pickling (e.g. multiprocessing) working
        return (type(self), (self.message, int(self.status)))


class ArgumentError(Error):
    """FZ_E_ARGUMENT: malformed call or record (bad JSON, unknown field, wrong type,
    invalid UTF-8, unknown kind or code)."""

    status_code = Status.ARGUMENT


class NotFoundError(Error):
    """FZ_E_NOT_FOUND: no record with that key."""

    status_code = Status.NOT_FOUND


class RuleError(Error):
    """FZ_E_RULE: a statutory or domain rule forbids it; the message cites it."""

    status_code = Status.RULE


class ConflictError(Error):
    """FZ_E_CONFLICT: duplicate key, reference still in use, closed record,
    or a transaction already open / not open."""

    status_code = Status.CONFLICT


class BusyError(Error):
    """FZ_E_BUSY: the database stayed locked longer than the busy timeout."""

    status_code = Status.BUSY


class IOFailure(Error):
    """FZ_E_IO: a file cannot be opened, read or written.

    Named ``IOFailure`` so that it does not shadow the built-in ``IOError``
    (an alias of ``OSError``)."""

    status_code = Status.IO


class CorruptError(Error):
    """FZ_E_CORRUPT: not a fazhi database, or a damaged one."""

    status_code = Status.CORRUPT


class VersionError(Error):
    """FZ_E_VERSION: the database was written by a newer fazhi."""

    status_code = Status.VERSION


class NoMemoryError(Error):
    """FZ_E_NOMEM: the library ran out of memory (not Python's ``MemoryError``)."""

    status_code = Status.NOMEM


class InternalError(Error):
    """FZ_E_INTERNAL: a bug in fazhi; the message says what failed."""

    status_code = Status.INTERNAL


class LibraryError(ImportError):
    """The native library cannot be found or loaded, or is a version this
    binding was not written for. Not a subclass of :class:`Error`: no call
    into the library was made."""


_BY_STATUS: Dict[int, Type[Error]] = {
    cls.status_code: cls
    for cls in (
        ArgumentError,
        NotFoundError,
        RuleError,
        ConflictError,
        BusyError,
        IOFailure,
        CorruptError,
        VersionError,
        NoMemoryError,
        InternalError,
    )
}


def error_for_status(status: int, message: str) -> Error:
    """The exception for a non-OK status; an unknown (newer) code gives a plain
    :class:`Error` carrying that code."""
    cls = _BY_STATUS.get(int(status), Error)
    return cls(message, int(status))
