"""Routing the library's log to a Python callable (``fz_set_log``)."""

from __future__ import annotations

import threading
from typing import Callable, Dict, Optional, Union

from . import _native

__all__ = ["LOG_LEVELS", "set_log"]

#: The library's log levels.
LOG_LEVELS: Dict[str, int] = {
    "trace": 0,
    "debug": 1,
    "info": 2,
    "warn": 3,
    "warning": 3,
    "error": 4,
    "critical": 5,
}

LogCallback = Callable[[int, str], None]

_lock = threading.Lock()
# The CFUNCTYPE object the library currently holds. It must stay alive as long
# as the library may call it, or the process crashes: ctypes frees the C
# trampoline with the Python object.
_current: Optional[object] = None


def set_log(callback: Optional[LogCallback], level: Union[int, str] = 2) -> None:
    """Routes the library's log messages at ``level`` and above to
    ``callback(level: int, message: str)``; ``None`` silences the log (the
    default: fazhi never writes to stdout/stderr).

    Levels: 0 trace, 1 debug, 2 info, 3 warn, 4 error, 5 critical (or their
    names). The callback runs on the thread that made the call which logged,
    while the library holds that handle's lock: it must not call fazhi on the
    same handle. An exception it raises is reported by ctypes (as an
    "exception ignored" message) and otherwise ignored.

    For the :mod:`logging` module, e.g.::

        log = logging.getLogger("fazhi")
        fazhi.set_log(lambda lvl, msg: log.log(10 * max(lvl, 1), msg), "debug")
    """
    if isinstance(level, str):
        try:
            level = LOG_LEVELS[level.lower()]
        except KeyError:
            raise ValueError("unknown log level %r (one of %s)"
                             % (level, ", ".join(LOG_LEVELS))) from None
    if isinstance(level, bool) or not isinstance(level, int):
        raise TypeError("level: expected int or a level name")
    global _current
    lib = _native.load()
    with _lock:
        if callback is None:
            fn = _native.LOG_FN()  # a NULL function pointer
        else:
            if not callable(callback):
                raise TypeError("callback: expected a callable or None")
            user_callback = callback

            def trampoline(lvl: int, message: Optional[bytes], _user: Optional[int]) -> None:
                user_callback(int(lvl), (message or b"").decode("utf-8", "replace"))

            fn = _native.LOG_FN(trampoline)
        lib.fz_set_log(fn, None, int(level))
        # The library swaps its callback under the same mutex its sink holds while
        # calling it, so once fz_set_log has returned the previous trampoline is
        # no longer running or reachable, and its reference may be dropped.
        _current = fn if callback is not None else None
