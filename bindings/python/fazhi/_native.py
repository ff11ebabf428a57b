"""Finding and loading libfazhi, and the ctypes declarations of its C ABI.

Every function of ``fazhi.h`` is declared here once, in :data:`PROTOTYPES`, and
exposed as an attribute of one :class:`NativeLibrary` object (the "function
table"). The rest of the binding calls the library only through that table,
looking the function up at call time, so a test can replace an entry — e.g.
``monkeypatch.setattr(fazhi.native(), "fz_import", counting_wrapper)`` — and
observe every call that crosses the FFI boundary.

Where the library is looked for, in order:

1. the ``FAZHI_LIBRARY`` environment variable (a path to the shared library;
   when it is set and cannot be loaded, that is an error — no fallback);
2. a ``libfazhi.so*`` (``libfazhi*.dylib``, ``fazhi.dll``) placed inside the
   package directory, next to this file;
3. the system loader: ``ctypes.util.find_library("fazhi")``, then
   ``libfazhi.so.0``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import sys
import threading
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from .errors import LibraryError

__all__ = [
    "FZ_VALUE",
    "LOG_FN",
    "NativeLibrary",
    "PROTOTYPES",
    "WRITTEN_FOR_MAJOR",
    "WRITTEN_FOR_NUMBER",
    "load",
]

#: The fazhi.h this binding was written for: 0.1.0 (FZ_VERSION_NUMBER 1000).
#: The binding refuses a library of another major version, and a 0.x library
#: older than 0.1 (functions would be missing).
WRITTEN_FOR_MAJOR = 0
WRITTEN_FOR_NUMBER = 1000


class FZ_VALUE(ctypes.Structure):
    """``struct fz_value`` of fazhi.h."""

    _fields_ = [
        ("value", ctypes.c_double),
        ("numerator", ctypes.c_double),
        ("denominator", ctypes.c_double),
        ("status", ctypes.c_int32),
        ("reserved", ctypes.c_int32),
    ]


#: ``typedef void (*fz_log_fn)(int32_t level, const char *message, void *user)``
LOG_FN = ctypes.CFUNCTYPE(None, ctypes.c_int32, ctypes.c_char_p, ctypes.c_void_p)

_db = ctypes.c_void_p  # fz_db*
_str = ctypes.c_char_p  # const char* in (UTF-8 bytes)
_out_str = ctypes.POINTER(ctypes.c_void_p)  # char** out: read with string_at, then fz_free
_status = ctypes.c_int32
_i32 = ctypes.c_int32

#: name -> (restype, argtypes), in the order of fazhi.h. Strings the library
#: returns through an out-parameter are declared ``void*`` so that ctypes
#: does not copy-and-forget them: the binding reads them with
#: ``ctypes.string_at`` and releases them with ``fz_free``. The two strings the
#: library owns (``fz_version``, ``fz_last_error``) are plain ``char*``.
PROTOTYPES: Dict[str, Tuple[Any, Sequence[Any]]] = {
    "fz_version": (ctypes.c_char_p, ()),
    "fz_version_number": (_i32, ()),
    "fz_last_error": (ctypes.c_char_p, ()),
    "fz_free": (None, (ctypes.c_void_p,)),
    "fz_open": (_status, (_str, _str, ctypes.POINTER(ctypes.c_void_p))),
    "fz_close": (_status, (_db,)),
    "fz_put": (_status, (_db, _str, _str, ctypes.POINTER(ctypes.c_int64))),
    "fz_get": (_status, (_db, _str, _str, _out_str)),
    "fz_patch": (_status, (_db, _str, _str, _str)),
    "fz_list": (_status, (_db, _str, _str, _out_str)),
    "fz_act": (_status, (_db, _str, _str, _str, _str, _out_str)),
    "fz_import": (_status, (_db, _str, ctypes.c_size_t, _str, _out_str)),
    "fz_import_file": (_status, (_db, _str, _str, _out_str)),
    "fz_export_file": (_status, (_db, _str, _str)),
    "fz_bulk_begin": (_status, (_db,)),
    "fz_bulk_end": (_status, (_db, ctypes.POINTER(ctypes.c_int64))),
    "fz_begin": (_status, (_db,)),
    "fz_commit": (_status, (_db,)),
    "fz_rollback": (_status, (_db,)),
    "fz_indicator": (_status, (_db, _str, _str, _str, _str, ctypes.POINTER(FZ_VALUE))),
    "fz_indicators": (_status, (_db, _str, _out_str)),
    "fz_explain": (_status, (_db, _str, _str, _str, _str, _out_str)),
    "fz_define_indicator": (_status, (_db, _str)),
    "fz_define_form": (_status, (_db, _str)),
    "fz_forms": (_status, (_db, _out_str)),
    "fz_form": (_status, (_db, _str, _str, _str, _out_str)),
    "fz_form_file": (_status, (_db, _str, _str, _str, _str)),
    "fz_findings": (_status, (_db, _str, _out_str)),
    "fz_alerts": (_status, (_db, _str, _out_str)),
    "fz_report": (_status, (_db, _str, _i32, _str, _str, _out_str)),
    "fz_report_review": (_status, (_db, _str, _i32, _str, _out_str)),
    "fz_report_file": (_status, (_db, _str, _i32, _str, _str, _str)),
    "fz_journal_verify": (_status, (_db, _out_str)),
    "fz_journal_verify_with": (_status, (_db, _str, _out_str)),
    "fz_journal_head": (_status, (_db, _out_str)),
    "fz_history": (_status, (_db, _str, _str, _out_str)),
    "fz_history_text": (_status, (_db, _str, _str, _str, _out_str)),
    "fz_calendar_load": (_status, (_db, _str, ctypes.c_size_t)),
    "fz_calendar_load_file": (_status, (_db, _str, _out_str)),
    "fz_calendar_years": (_status, (_db, _out_str)),
    "fz_calendar_query": (_status, (_db, _str, _out_str)),
    "fz_calendar_is_working_day": (_status, (_db, _str, ctypes.POINTER(_i32))),
    # char out_date[11]: a ctypes.create_string_buffer(11) is passed.
    "fz_calendar_add_working_days": (_status, (_db, _str, _i32, ctypes.c_char_p)),
    "fz_calendar_working_days_between": (_status, (_db, _str, _str, ctypes.POINTER(_i32))),
    "fz_labels": (_status, (_db, _str, _out_str)),
    "fz_set_log": (None, (LOG_FN, ctypes.c_void_p, _i32)),
}


class NativeLibrary:
    """The loaded libfazhi: one attribute per C function (ctypes function
    objects with ``restype``/``argtypes`` set), plus ``path`` and ``cdll``.

    The binding looks functions up on this object at every call, so replacing
    an attribute (in a test) intercepts every call of that function.
    """

    #: Names of every C function, in the order of fazhi.h.
    FUNCTIONS: Tuple[str, ...] = tuple(PROTOTYPES)

    # Declared for type checkers; set in __init__.
    fz_version: Callable[[], bytes]
    fz_version_number: Callable[[], int]
    fz_last_error: Callable[[], Optional[bytes]]
    fz_free: Callable[[Any], None]
    fz_open: Callable[..., int]
    fz_close: Callable[..., int]
    fz_put: Callable[..., int]
    fz_get: Callable[..., int]
    fz_patch: Callable[..., int]
    fz_list: Callable[..., int]
    fz_act: Callable[..., int]
    fz_import: Callable[..., int]
    fz_import_file: Callable[..., int]
    fz_export_file: Callable[..., int]
    fz_bulk_begin: Callable[..., int]
    fz_bulk_end: Callable[..., int]
    fz_begin: Callable[..., int]
    fz_commit: Callable[..., int]
    fz_rollback: Callable[..., int]
    fz_indicator: Callable[..., int]
    fz_indicators: Callable[..., int]
    fz_explain: Callable[..., int]
    fz_define_indicator: Callable[..., int]
    fz_define_form: Callable[..., int]
    fz_forms: Callable[..., int]
    fz_form: Callable[..., int]
    fz_form_file: Callable[..., int]
    fz_findings: Callable[..., int]
    fz_alerts: Callable[..., int]
    fz_report: Callable[..., int]
    fz_report_review: Callable[..., int]
    fz_report_file: Callable[..., int]
    fz_journal_verify: Callable[..., int]
    fz_journal_verify_with: Callable[..., int]
    fz_journal_head: Callable[..., int]
    fz_history: Callable[..., int]
    fz_history_text: Callable[..., int]
    fz_calendar_load: Callable[..., int]
    fz_calendar_load_file: Callable[..., int]
    fz_calendar_years: Callable[..., int]
    fz_calendar_query: Callable[..., int]
    fz_calendar_is_working_day: Callable[..., int]
    fz_calendar_add_working_days: Callable[..., int]
    fz_calendar_working_days_between: Callable[..., int]
    fz_labels: Callable[..., int]
    fz_set_log: Callable[..., None]

    def __init__(self, cdll: ctypes.CDLL, path: str) -> None:
        self.cdll = cdll
        self.path = path
        missing: List[str] = []
        for name, (restype, argtypes) in PROTOTYPES.items():
            try:
                # cdll[name] makes a fresh function object (getattr would share
                # a cached one with any other user of the same CDLL).
                fn = cdll[name]
            except AttributeError:
                missing.append(name)
                continue
            fn.restype = restype
            fn.argtypes = list(argtypes)
            setattr(self, name, fn)
        if missing:
            raise LibraryError(
                "%s is not a usable fazhi library: missing %s" % (path, ", ".join(missing))
            )

    def __repr__(self) -> str:
        return "<fazhi.NativeLibrary %s>" % self.path


def _package_dir() -> str:
    return os.path.dirname(os.path.abspath(__file__))


def _bundled_candidates() -> List[str]:
    here = _package_dir()
    found: List[str] = []
    for pattern in ("libfazhi.so", "libfazhi.so.*", "libfazhi*.dylib", "fazhi.dll"):
        found.extend(sorted(glob.glob(os.path.join(here, pattern))))
    return found


def _system_candidates() -> List[str]:
    names: List[str] = []
    found = ctypes.util.find_library("fazhi")
    if found:
        names.append(found)
    if sys.platform == "darwin":
        names.append("libfazhi.0.dylib")
    elif sys.platform == "win32":
        names.append("fazhi.dll")
    else:
        names.append("libfazhi.so.0")
    return names


def _open_cdll(path: str) -> ctypes.CDLL:
    return ctypes.CDLL(path)


def _check_version(lib: NativeLibrary) -> None:
    number = int(lib.fz_version_number())
    text = (lib.fz_version() or b"?").decode("utf-8", "replace")
    major = number // 1000000
    if major != WRITTEN_FOR_MAJOR:
        raise LibraryError(
            "%s is fazhi %s (major version %d), but this Python binding was written for "
            "major version %d; install the matching fazhi package or point FAZHI_LIBRARY "
            "at a fazhi %d.x library" % (lib.path, text, major, WRITTEN_FOR_MAJOR,
                                          WRITTEN_FOR_MAJOR)
        )
    if number < WRITTEN_FOR_NUMBER:
        raise LibraryError(
            "%s is fazhi %s, older than the 0.1.0 this Python binding needs"
            % (lib.path, text)
        )


def _load_from(path: str) -> NativeLibrary:
    lib = NativeLibrary(_open_cdll(path), path)
    _check_version(lib)
    return lib


def locate_and_load() -> NativeLibrary:
    """Loads the library from the first place that has it (see the module
    docstring). Raises :class:`fazhi.LibraryError` with what was tried."""
    env = os.environ.get("FAZHI_LIBRARY")
    if env:
        try:
            return _load_from(env)
        except OSError as e:
            raise LibraryError(
                "FAZHI_LIBRARY=%s cannot be loaded: %s" % (env, e)
            ) from e
    tried: List[str] = []
    for path in _bundled_candidates():
        try:
            return _load_from(path)
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
    for name in _system_candidates():
        try:
            return _load_from(name)
        except OSError as e:
            tried.append("%s (%s)" % (name, e))
    raise LibraryError(
        "cannot find libfazhi: set FAZHI_LIBRARY to the library's path, place "
        "libfazhi.so inside %s, or install it where the system loader finds it. "
        "Tried: %s" % (_package_dir(), "; ".join(tried) or "nothing")
    )


_lock = threading.Lock()
_loaded: Optional[NativeLibrary] = None


def load() -> NativeLibrary:
    """The process-wide function table, loaded on first use."""
    global _loaded
    lib = _loaded
    if lib is not None:
        return lib
    with _lock:
        if _loaded is None:
            _loaded = locate_and_load()
        return _loaded
