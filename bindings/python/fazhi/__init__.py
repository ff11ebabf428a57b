"""fazhi (法治) — Python binding of the fazhi C library.

Records of rule-of-law government construction, the statutory procedure rules
on them, and the indicators annual reports quote. Standard library only: the
binding calls ``libfazhi`` through :mod:`ctypes`.

    import fazhi

    with fazhi.open("county.db", actor="司法所") as db:
        db.import_records(pathlib.Path("org_units.ndjson"))
        rate = db.indicator("mediation.success_rate", "yx-kfq", "2022")
        print(rate.value, rate.numerator, rate.denominator)

The library is found through ``FAZHI_LIBRARY``, then a ``libfazhi.so*`` inside
this package, then the system loader (see :mod:`fazhi._native`).
"""

from __future__ import annotations

from . import _native
from ._log import LOG_LEVELS, set_log
from .database import DEFAULT_BATCH, Database, open
from .errors import (
    ArgumentError,
    BusyError,
    ConflictError,
    CorruptError,
    Error,
    InternalError,
    IOFailure,
    LibraryError,
    NoMemoryError,
    NotFoundError,
    RuleError,
    Status,
    VersionError,
)
from .types import ImportSummary, IndicatorValue

__version__ = "0.1.0"

__all__ = [
    "ArgumentError",
    "BusyError",
    "ConflictError",
    "CorruptError",
    "DEFAULT_BATCH",
    "Database",
    "Error",
    "IOFailure",
    "ImportSummary",
    "IndicatorValue",
    "InternalError",
    "LOG_LEVELS",
    "LibraryError",
    "NoMemoryError",
    "NotFoundError",
    "RuleError",
    "Status",
    "VersionError",
    "__version__",
    "native",
    "set_log",
    "version",
    "version_number",
]


def native() -> _native.NativeLibrary:
    """The loaded library's function table: one attribute per C function of
    fazhi.h (``fz_open``, ``fz_import``, ...). Every call the binding makes goes
    through it, looked up at call time, so a test may substitute an entry to
    observe or count FFI calls."""
    return _native.load()


def version() -> str:
    """The loaded library's version, "MAJOR.MINOR.PATCH" (``fz_version``)."""
    return native().fz_version().decode("ascii")


def version_number() -> int:
    """FZ_VERSION_NUMBER of the loaded library (MAJOR*1000000 + MINOR*1000 + PATCH)."""
    return int(native().fz_version_number())
