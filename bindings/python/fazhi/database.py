"""The ``Database`` handle and ``fazhi.open``."""

from __future__ import annotations

import builtins
import contextlib
import ctypes
import datetime
import decimal
import json
import os
import threading
import weakref
from typing import (
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from . import _native
from .errors import ArgumentError, Error, InternalError, Status, error_for_status
from .types import ImportSummary, IndicatorValue, JSONObject

__all__ = ["Database", "open", "DEFAULT_BATCH"]

#: Records per transaction of an import unless ``batch=`` says otherwise.
DEFAULT_BATCH = 1000

PathLike = Union[str, "os.PathLike[str]"]
DateLike = Union[str, datetime.date]
NDJSONSource = Union[str, bytes, bytearray, memoryview, "os.PathLike[str]",
                     Mapping[str, Any], Iterable[Mapping[str, Any]]]

#: Dicts given to ``import_records`` cross the C ABI in calls of whole
#: batches, at least two and about this many bytes of NDJSON each: the FFI
#: cost is paid per call, so a call carries more than one transaction's worth,
#: while a generator of millions of records is still never held in memory.
CALL_BYTES = 4 << 20


# --------------------------------------------------------------------------
# Conversions between Python values and the C ABI's UTF-8 strings.


def _utf8(value: str) -> bytes:
    # "surrogatepass": a str with a lone surrogate is not valid Unicode; it is
    # handed to the library as the (invalid) UTF-8 it would be, and the library
    # refuses it with FZ_E_ARGUMENT naming the argument, as it does for C callers.
    return value.encode("utf-8", "surrogatepass")


def _text(value: str, name: str) -> bytes:
    if not isinstance(value, str):
        raise TypeError("%s: expected str, got %s" % (name, type(value).__name__))
    return _utf8(value)


def _key(value: str, name: str = "key") -> bytes:
    """A record key. A key is only ever a key: "1" is the record whose key is
    "1", never the record whose id is 1, so an int is refused rather than
    written out as a key that might name another record. Find a record by
    its id with ``list(kind, id=n)``."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise TypeError("%s: expected the record's key (a str), got the int %d; a key is never "
                        "an id (find a record by id with list(kind, id=%d))" % (name, value, value))
    return _text(value, name)


def _period(value: Union[str, int]) -> bytes:
    """A period: "2022", "2022H1", "2022Q3", "2022-07", ... or a year as int."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value).encode("ascii")
    return _text(value, "period")  # type: ignore[arg-type]


def _date(value: DateLike, name: str) -> bytes:
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat().encode("ascii")
    if isinstance(value, str):
        return _utf8(value)
    raise TypeError("%s: expected a date or a 'YYYY-MM-DD' str, got %s"
                    % (name, type(value).__name__))


def _int32(value: int, name: str) -> ctypes.c_int32:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s: expected int, got %s" % (name, type(value).__name__))
    if not -2**31 <= value < 2**31:
        raise ArgumentError("%s: %d is outside the 32-bit range" % (name, value),
                            Status.ARGUMENT)
    return ctypes.c_int32(value)


def _path(value: PathLike) -> bytes:
    return os.fsencode(os.fspath(value))


def _json_default(o: Any) -> Any:
    if isinstance(o, (datetime.date, datetime.time)):  # datetime is a date
        return o.isoformat()
    if isinstance(o, decimal.Decimal):
        # Money fields (*_yuan) take a string with at most two decimals.
        return format(o, "f")
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    if isinstance(o, Mapping):
        return dict(o)
    if isinstance(o, os.PathLike):
        return os.fspath(o)
    raise TypeError("%s is not JSON serializable" % type(o).__name__)


def _dumps(obj: Any) -> bytes:
    return _utf8(json.dumps(obj, ensure_ascii=False, allow_nan=False,
                            separators=(",", ":"), default=_json_default))


def _object(obj: Optional[Mapping[str, Any]], fields: Mapping[str, Any],
            name: str) -> Optional[bytes]:
    """A JSON object from a mapping and/or keyword fields; None when both are
    empty (the library reads NULL as "no options")."""
    if obj is not None and not isinstance(obj, Mapping):
        raise TypeError("%s: expected a dict, got %s" % (name, type(obj).__name__))
    merged: Dict[str, Any] = dict(obj) if obj is not None else {}
    merged.update(fields)
    return _dumps(merged) if (merged or obj is not None) else None


def _required_object(obj: Optional[Mapping[str, Any]], fields: Mapping[str, Any],
                     name: str) -> bytes:
    data = _object(obj, fields, name)
    return data if data is not None else b"{}"


def _looks_like_ndjson(text: str) -> bool:
    """How ``import_records`` tells NDJSON from a file name in a str."""
    if "\n" in text:
        return True
    stripped = text.lstrip(" \t\r\ufeff")
    return stripped == "" or stripped.startswith("{")


def _merge_summary(total: Dict[str, Any], part: Mapping[str, Any], line_offset: int) -> None:
    for k, v in part.items():
        if k in ("errors", "warnings", "changes"):
            # Lists of lines: numbered over the whole input.
            for item in v:
                item = dict(item)
                if isinstance(item.get("line"), int):
                    item["line"] += line_offset
                total.setdefault(k, []).append(item)
        elif isinstance(v, int) and not isinstance(v, bool):
            total[k] = total.get(k, 0) + v
        else:
            total.setdefault(k, v)


def _empty_summary() -> Dict[str, Any]:
    return {"read": 0, "inserted": 0, "updated": 0, "unchanged": 0,
            "actions": 0, "rejected": 0, "errors": []}


def _check(lib: _native.NativeLibrary, status: int) -> None:
    """Raises the fazhi.Error subclass for a non-OK status, with fz_last_error.

    Called straight after the failing call, on the same thread: the message is
    thread-local in the library."""
    if status == Status.OK:
        return
    raw = lib.fz_last_error()
    message = raw.decode("utf-8", "replace") if raw else ""
    raise error_for_status(status, message or "fazhi call failed with status %d" % status)


def _take_string(lib: _native.NativeLibrary, out: ctypes.c_void_p, what: str) -> str:
    """Reads a string the library returned through an out-parameter and frees
    it with fz_free."""
    address = out.value
    if not address:
        raise InternalError("%s returned FZ_OK without a result" % what, Status.INTERNAL)
    try:
        data = ctypes.string_at(address)
    finally:
        lib.fz_free(address)
    return data.decode("utf-8")


def _take_json(lib: _native.NativeLibrary, out: ctypes.c_void_p, what: str) -> Any:
    return json.loads(_take_string(lib, out, what))


def _close_handle(lib: _native.NativeLibrary, handle: int) -> None:
    # weakref.finalize callback for a Database that was never closed.
    lib.fz_close(handle)


class Database:
    """An open fazhi database (one ``fz_db`` handle). Create it with
    :func:`fazhi.open`; close it with :meth:`close` or a ``with`` block.

    A handle may be shared by threads: the library serialises calls on it.
    Closing a handle with a transaction open rolls the transaction back.
    """

    def __init__(self, lib: _native.NativeLibrary, handle: int, path: str) -> None:
        self._lib = lib
        self._handle: Optional[int] = handle
        self._lock = threading.RLock()
        self.path: str = path
        self._finalizer = weakref.finalize(self, _close_handle, lib, handle)

    # ----------------------------------------------------------------- life

    @property
    def closed(self) -> bool:
        return self._handle is None

    def close(self) -> None:
        """Closes the handle (an open transaction is rolled back). Idempotent."""
        with self._lock:
            handle = self._handle
            if handle is None:
                return
            self._handle = None
            self._finalizer.detach()
            _check(self._lib, self._lib.fz_close(handle))

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return "<fazhi.Database %r %s>" % (self.path, state)

    def _h(self) -> int:
        handle = self._handle
        if handle is None:
            raise ArgumentError("db: the database is closed", Status.ARGUMENT)
        return handle

    def _call(self, name: str, *args: Any) -> None:
        """Calls the C function `name`(db, *args) under the handle's lock and raises on failure."""
        with self._lock:
            fn = getattr(self._lib, name)
            _check(self._lib, fn(self._h(), *args))

    def _call_string(self, name: str, *args: Any) -> str:
        out = ctypes.c_void_p()
        with self._lock:
            fn = getattr(self._lib, name)
            _check(self._lib, fn(self._h(), *args, ctypes.byref(out)))
            return _take_string(self._lib, out, name)

    def _call_json(self, name: str, *args: Any) -> Any:
        return json.loads(self._call_string(name, *args))

    # -------------------------------------------------------------- records

    def put(self, kind: str, record: Optional[Mapping[str, Any]] = None, /,
            **fields: Any) -> int:
        """Inserts a record, or updates the record of that kind with the same
        key (or, given ``id=n``, the existing record with that id, whose key
        must agree); returns its id. Fields come from ``record`` and/or
        keywords."""
        out = ctypes.c_int64()
        self._call("fz_put", _text(kind, "kind"),
                   _required_object(record, fields, "record"), ctypes.byref(out))
        return int(out.value)

    def get(self, kind: str, key: str) -> JSONObject:
        """The record whose key is ``key`` (with "id", "key" and every field)."""
        return self._call_json("fz_get", _text(kind, "kind"), _key(key))

    def patch(self, kind: str, key: str,
              changes: Optional[Mapping[str, Any]] = None, /, **fields: Any) -> None:
        """Changes the named fields; a ``None`` value clears an optional field."""
        self._call("fz_patch", _text(kind, "kind"), _key(key),
                   _required_object(changes, fields, "changes"))

    def list(self, kind: str, query: Optional[Mapping[str, Any]] = None, /,
             **fields: Any) -> JSONObject:
        """Lists records: ``{"items": [...], "total": n}``. Query fields: unit,
        subtree, period, where, id (the record with that id), limit, offset."""
        return self._call_json("fz_list", _text(kind, "kind"),
                               _object(query, fields, "query"))

    def act(self, kind: str, key: str, action: str,
            args: Optional[Mapping[str, Any]] = None, /, **fields: Any) -> JSONObject:
        """Applies a domain action, e.g. ``act("mediation_case", key, "close",
        date="2022-03-01", outcome="succeeded", agreement="written")``; returns
        the record after the action with any findings it raised."""
        return self._call_json("fz_act", _text(kind, "kind"), _key(key),
                               _text(action, "action"), _object(args, fields, "args"))

    # ---------------------------------------------------------------- bulk

    def import_records(
        self,
        source: Optional[NDJSONSource] = None,
        /,
        *,
        path: Optional[PathLike] = None,
        batch: int = DEFAULT_BATCH,
        mode: Optional[str] = None,
        actor: Optional[str] = None,
        dry_run: bool = False,
        insert_only: bool = False,
    ) -> ImportSummary:
        """Imports NDJSON records and actions; returns the summary.

        ``source`` may be:

        * ``bytes`` (or bytearray/memoryview): NDJSON;
        * a ``str``: NDJSON when it contains a newline or (after blanks) starts
          with ``{`` — or is empty —, otherwise the name of a file. Pass
          ``path=`` or a :class:`pathlib.Path` to say "file" unambiguously;
        * an ``os.PathLike``: a file (read by the library, ``fz_import_file``);
        * an iterable of dicts (or one dict): each dict is one line, e.g.
          ``{"record": "org_unit", "code": ..., ...}``.

        The library commits every ``batch`` records as one transaction. Text
        and bytes are handed over in one ``fz_import`` call; dicts are
        serialised and sent as whole batches, several per call (at least two,
        about :data:`CALL_BYTES` each), so 100 000 records in batches of 1000
        cost at most 50 ``fz_import`` calls and as many ``fz_free``. Error
        line numbers count over the whole input (for an iterable: the 1-based
        position of the dict). A batch that fails as a whole (e.g.
        :class:`BusyError`) raises; batches before it stay imported (use
        :meth:`transaction` for all or nothing) and the raised error's
        ``summary`` attribute tells what the earlier calls did. ``mode`` and
        ``actor`` default to the handle's.

        ``dry_run=True`` writes nothing: the input goes to the library in one
        call that is rolled back at its end (so dicts are sent together), and
        the summary's ``"changes"`` lists what each line would do
        (``{"line", "kind", "key", "change"}``, change one of inserted,
        updated, unchanged, action, rejected). ``insert_only=True`` rejects a
        line whose record exists (ConflictError in its ``errors`` entry)
        instead of replacing the record. Either way the summary's
        ``"warnings"`` lists updates that move a record to another unit or
        clear fields of a record already acted on (a closed case).
        """
        if isinstance(batch, bool) or not isinstance(batch, int) or batch < 1:
            raise ArgumentError("batch: expected a positive integer", Status.ARGUMENT)
        options: Dict[str, Any] = {"batch": batch}
        if mode is not None:
            options["mode"] = mode
        if actor is not None:
            options["actor"] = actor
        if dry_run:
            options["dry_run"] = True
        if insert_only:
            options["insert_only"] = True
        opts = _dumps(options)

        if path is not None:
            if source is not None:
                raise TypeError("import_records: give either source or path=, not both")
            return self._import_file(path, opts)
        if source is None:
            raise TypeError("import_records: nothing to import (give source or path=)")
        if isinstance(source, os.PathLike):
            return self._import_file(source, opts)
        if isinstance(source, str):
            if _looks_like_ndjson(source):
                return self._import_chunks(iter([(_utf8(source), 0)]), opts)
            return self._import_file(source, opts)
        if isinstance(source, (bytes, bytearray, memoryview)):
            return self._import_chunks(iter([(bytes(source), 0)]), opts)
        if isinstance(source, Mapping):
            source = [source]
        try:
            records = iter(source)  # type: ignore[arg-type]
        except TypeError:
            raise TypeError("import_records: expected NDJSON (str/bytes), a path or an "
                            "iterable of dicts, got %s" % type(source).__name__) from None
        chunks = self._dict_chunks(records, batch)
        if dry_run:
            # One call, so that later lines see what earlier ones would do.
            chunks = iter([(b"".join(c for c, _ in chunks), 0)])
        return self._import_chunks(chunks, opts)

    @staticmethod
    def _dict_chunks(records: Iterator[Any], batch: int) -> Iterator[Tuple[bytes, int]]:
        """NDJSON pieces of whole batches, at least two batches and about
        CALL_BYTES each; yields (piece, number of records before it)."""
        lines: List[bytes] = []
        size = 0
        offset = 0
        for record in records:
            if not isinstance(record, Mapping):
                raise TypeError("import_records: record %d is a %s, not a dict"
                                % (offset + len(lines) + 1, type(record).__name__))
            line = _dumps(record)
            lines.append(line)
            size += len(line) + 1
            if len(lines) % batch == 0 and len(lines) >= 2 * batch and size >= CALL_BYTES:
                yield b"\n".join(lines), offset
                offset += len(lines)
                lines = []
                size = 0
        if lines:
            yield b"\n".join(lines), offset

    def _import_chunks(self, chunks: Iterator[Tuple[bytes, int]], opts: bytes) -> ImportSummary:
        total = _empty_summary()
        for chunk, offset in chunks:
            out = ctypes.c_void_p()
            try:
                with self._lock:
                    _check(self._lib, self._lib.fz_import(
                        self._h(), chunk, len(chunk), opts, ctypes.byref(out)))
                    part = _take_json(self._lib, out, "fz_import")
            except Error as e:
                err = type(e)("%s (the failed call began at line %d of the input)"
                              % (e.message, offset + 1), e.status)
                err.summary = total  # type: ignore[attr-defined]
                raise err from e
            _merge_summary(total, part, offset)
        return total  # type: ignore[return-value]

    def _import_file(self, path: PathLike, opts: bytes) -> ImportSummary:
        return self._call_json("fz_import_file", _path(path), opts)  # type: ignore[no-any-return]

    def export(self, path: PathLike, *, kinds: Optional[Sequence[str]] = None,
               unit: Optional[str] = None, subtree: Optional[bool] = None) -> None:
        """Writes records as NDJSON that :meth:`import_records` reads back
        (every record, or those of ``kinds`` / ``unit`` [and its subtree])."""
        query: Dict[str, Any] = {}
        if kinds is not None:
            if isinstance(kinds, str):
                kinds = [kinds]
            query["kinds"] = list(kinds)
        if unit is not None:
            query["unit"] = unit
        if subtree is not None:
            query["subtree"] = subtree
        self._call("fz_export_file", _path(path), _dumps(query) if query else None)

    # --------------------------------------------------------- transactions

    def bulk_begin(self) -> None:
        """Opens a bulk load (``fz_bulk_begin``): until bulk_end(), writes leave
        the reporting indexes of the tables they write to be built once at the
        end. ConflictError when one is open already."""
        self._call("fz_bulk_begin")

    def bulk_end(self) -> int:
        """Ends the bulk load (or finishes an interrupted one): builds the
        deferred indexes again; returns how many."""
        built = ctypes.c_int64(0)
        self._call("fz_bulk_end", ctypes.byref(built))
        return built.value

    @contextlib.contextmanager
    def bulk(self) -> Iterator["Database"]:
        """``with db.bulk():`` — a bulk load around the block; the indexes are
        built again when it ends, also when it raises."""
        self.bulk_begin()
        try:
            yield self
        finally:
            self.bulk_end()

    def begin(self) -> None:
        """Opens a host transaction: the calls until commit() are one unit."""
        self._call("fz_begin")

    def commit(self) -> None:
        self._call("fz_commit")

    def rollback(self) -> None:
        self._call("fz_rollback")

    @contextlib.contextmanager
    def transaction(self) -> Iterator["Database"]:
        """``with db.transaction():`` — commits when the block succeeds, rolls
        back (and re-raises) when it raises. Not nestable (ConflictError)."""
        self.begin()
        try:
            yield self
        except BaseException:
            with contextlib.suppress(Error):
                self.rollback()
            raise
        try:
            self.commit()
        except BaseException:
            with contextlib.suppress(Error):
                self.rollback()
            raise

    # ------------------------------------------------------------ indicators

    def indicator(self, code: str, unit: str, period: Union[str, int],
                  **params: Any) -> IndicatorValue:
        """One indicator for a unit (and its subtree) and a period ("2022",
        "2022H1", "2022Q3", "2022-07", "2022W05", "2022-01-01/2022-06-30").
        Keyword arguments are the indicator's parameters (e.g. min_yuan=100000).
        ``value`` is None when ``status`` is "no_data"."""
        raw = _native.FZ_VALUE()
        period_b = _period(period)
        self._call("fz_indicator", _text(code, "code"), _text(unit, "unit"), period_b,
                   _dumps(params) if params else None, ctypes.byref(raw))
        return IndicatorValue._from_native(raw, code, unit, period_b.decode("utf-8", "replace"))

    def indicators(self, unit: str, period: Union[str, int],
                   codes: Optional[Sequence[str]] = None, **params: Any) -> JSONObject:
        """Many indicators as the library's JSON: {"unit", "period", "first",
        "last", "indicators": [{"code", "label", "measure", "value", "numerator",
        "denominator", "status", ...}]}; codes default to the whole catalogue."""
        query: Dict[str, Any] = {"unit": unit,
                                 "period": _period(period).decode("utf-8", "surrogatepass")}
        if codes is not None:
            query["codes"] = [codes] if isinstance(codes, str) else list(codes)
        if params:
            query["params"] = params
        return self._call_json("fz_indicators", _dumps(query))  # type: ignore[no-any-return]

    def explain(self, code: str, unit: str, period: Union[str, int],
                **params: Any) -> JSONObject:
        """The keys of the records counted in the indicator's numerator and
        denominator (each part with its ``kind`` and ``kind_label``); for a
        ratio, ``missing`` lists the denominator's keys the numerator lacks
        (the failed, late or missing records) and ``missing_records`` the same
        as ``{"key", "summary"}``, the summary saying in Chinese what each
        record is: its dates and its codes by their labels
        (``"…；调解结果：调解不成"``)."""
        return self._call_json("fz_explain", _text(code, "code"), _text(unit, "unit"),
                               _period(period), _dumps(params) if params else None)

    def define_indicator(self, definition: Optional[Mapping[str, Any]] = None, /,
                         **fields: Any) -> None:
        """Stores a custom indicator: code (``custom.name``), label,
        expression and optionally measure (value, count, ratio, hours, yuan,
        days); defining a code again replaces it.

        The expression language, all of it:

        * numbers: decimal digits with at most one point (``12``, ``0.5``,
          ``.5``, ``5.``), no sign of their own, no exponent, no ``%``;
        * operands: a catalogue code, indicator or measure
          (``mediation.received``); a breakdown member ``code[member]``
          (``"enforcement.actions[penalty]"``); ``prev(operand)``. A ratio
          enters as its percentage (98.5, not 0.985), money in yuan. A custom
          indicator is no operand;
        * ``prev(operand)``, the only function: the operand over the period of
          the same length just before (2021 for 2022, ``2022Q2`` for
          ``2022Q3``, ``2022-06`` for ``2022-07``, ``2022W04`` for
          ``2022W05``; for a range, as many days ending the day before it):
          ``"petition.received / prev(petition.received) - 1"``. Its argument
          is one code or member: ``prev(a + b)``, ``prev(prev(a))`` and
          ``prev(3)`` are refused;
        * operators: ``*`` and ``/`` bind tighter than ``+`` and ``-``, one
          level applies left to right (``10 - 4 - 3`` is 3, ``12 / 3 * 2`` is
          8), parentheses group, a unary minus negates and may repeat; no
          unary plus. Whitespace may stand between tokens.

        An operand without data, a divisor that is 0 or a result beyond a
        float's range makes the value no data (``IndicatorValue.status``
        ``"no_data"``, ``value`` None). Keyword parameters of :meth:`indicator` reach the
        measures named. ArgumentError on the field ``expression``
        ("position N: ...", bytes from 1; nothing stored): a syntax error, an
        unknown code or member, a division by a literal zero (``/ 0``), text
        over 64 KiB (``FZ_MAX_EXPRESSION_BYTES``) or nesting deeper than 64
        parentheses and unary minus signs (``FZ_MAX_EXPRESSION_DEPTH``)."""
        self._call("fz_define_indicator", _required_object(definition, fields, "definition"))

    # ---------------------------------------------------------------- forms

    def define_form(self, definition: Optional[Mapping[str, Any]] = None, /,
                    **fields: Any) -> None:
        """Stores a statistics form (统计表) of the host's own: ``code``
        (``custom.name``), ``title``, ``parts`` (each with ``rows``:
        ``{"units": "children"}``, ``{"units": "level", "depth": n,
        "kinds": [...]}`` or ``{"breakdown": indicator}``, and ``columns``:
        ``{"code", "label"}`` or ``{"group", "columns": [...]}``) and
        ``notes``; the same code again replaces it. ArgumentError naming the
        field (``parts[0].columns[2].code``), nothing stored, for a fault;
        see fz_define_form for every rule."""
        self._call("fz_define_form", _required_object(definition, fields, "definition"))

    def forms(self) -> List[JSONObject]:
        """Every form: ``[{"code", "title", "builtin", "definition"}]``, the
        built-in ones (mediation, enforcement, adviser) first."""
        return self._call_json("fz_forms")  # type: ignore[no-any-return]

    def form(self, form: str, unit: str, period: str, format: str = "json") -> Any:
        """The form filled for ``unit`` (with everything below it) and
        ``period``: ``format`` "json" returns the parsed document (parts,
        columns, rows, totals, notes), "csv" the CSV text (with its
        byte-order mark). Totals sum counts and money and recompute rates
        from the summed counts (fz_form)."""
        text = self._call_string("fz_form", _text(form, "form"),
                                 _dumps({"unit": unit, "period": period}), _text(format, "format"))
        return json.loads(text) if format == "json" else text

    def form_file(self, form: str, unit: str, period: str, path: PathLike,
                  format: str = "xlsx") -> None:
        """Writes the filled form to ``path`` as "xlsx" (Excel: merged
        headers, number formats, a totals row; the same records give the
        same bytes) or "csv", never over the open database (fz_form_file)."""
        self._call("fz_form_file", _text(form, "form"), _dumps({"unit": unit, "period": period}),
                   _text(format, "format"), _path(path))

    def findings(self, **query: Any) -> JSONObject:
        """Stored findings; filter by unit, period, kind, rule, severity."""
        return self._call_json(  # type: ignore[no-any-return]
            "fz_findings", _dumps(query) if query else None)

    def alerts(self, unit: str, as_of: str, **query: Any) -> JSONObject:
        """The open statutory deadlines of ``unit`` and everything below it
        that are overdue (超期), due on ``as_of`` or within a horizon of
        working days (临期), ordered by due date, then key:
        ``{"total", "counts", "items": [{"kind", "key", "rule", "due",
        "status", "working_days", "source", "message", ...}]}``. ``horizon=``
        (working days, every rule), ``horizons={rule: n}``, ``limit=``,
        ``offset=`` as fz_alerts takes them."""
        return self._call_json(  # type: ignore[no-any-return]
            "fz_alerts", _dumps({"unit": unit, "as_of": as_of, **query}))

    def report(self, unit: str, year: int, format: str = "markdown", **options: Any) -> str:
        """Drafts the annual report (法治政府建设年度报告) of a unit and its
        subtree for a year: ``format`` "markdown", "html" (self-contained,
        with SVG charts) or "json" (returned as text too). ``params={...}``
        reaches the indicators, e.g. ``params={"min_yuan": 100000}``;
        ``journal_head=True`` prints the journal's head as 全过程记录校验码;
        ``mask_names=[...]`` masks those names too (names held anywhere in
        the database always are); ``issuer="..."`` and ``date="YYYY-MM-DD"``
        (or a date) sign it off (default: the unit's name, no date line); a
        year after the current one (Beijing time) needs ``future_year=True``,
        else ArgumentError naming ``year``. The "json" model lists likely
        personal names that are not masked as "review_warnings" (see
        ``report_review``). "docx" is binary: write it with report_file()."""
        return self._call_string("fz_report", _text(unit, "unit"), _int32(year, "year"),
                                 _text(format, "format"), _dumps(options) if options else None)

    def report_review(self, unit: str, year: int, *,
                      mask_names: Optional[List[str]] = None) -> JSONObject:
        """The review of that report's text for personal names that would
        go out unmasked, without drafting it: {"warnings": [{"name",
        "context", "kind", "key", "field", "message"}]}. Lists what looks
        like a person's name (after 信访人, 当事人, 帮助…; before 同志,
        信访, 一案…) in the narratives and leadership activities that no
        record holds and ``mask_names`` does not name. A reviewer's aid: it
        never masks, and it can miss a name."""
        options = {"mask_names": mask_names} if mask_names is not None else None
        return self._call_json("fz_report_review", _text(unit, "unit"), _int32(year, "year"),
                               _dumps(options) if options else None)

    def report_file(self, path: PathLike, unit: str, year: int, format: str = "docx",
                    **options: Any) -> None:
        """Writes the annual report to ``path`` (``fz_report_file``): "docx",
        a Word document in the 公文 layout of GB/T 9704-2012 with native
        charts, or any format of report(); the same options. The file is
        replaced only once written in full; ArgumentError naming ``path`` for
        the open database or anything but a regular file, IOError when it
        cannot be written."""
        self._call("fz_report_file", _text(unit, "unit"), _int32(year, "year"),
                   _text(format, "format"), _dumps(options) if options else None, _path(path))

    # --------------------------------------------------------------- journal

    def verify_journal(self, *, kind: Optional[str] = None, unit: Optional[str] = None,
                       head: Optional[Dict[str, Any]] = None,
                       records: Optional[bool] = None,
                       threads: Optional[int] = None) -> JSONObject:
        """Recomputes the hash chain and proves the records by it:
        {"ok", "entries", "first_bad", "message", "readers", "head",
        "records", "checkpoints"} (and "anchor" with ``head``). ``kind`` /
        ``unit`` prove one kind's records or one unit's subtree; ``head`` is
        a head recorded earlier (``journal_head()``), proven still on the
        chain; ``records=False`` checks the chain alone; ``threads`` (1-16)
        sets how many readers work side by side (default: one per core, up
        to 4, for a journal of 20 000 entries or more). With the database
        opened with ``journal_key=...``, the keyed checkpoints are checked
        too."""
        given = {"kind": kind, "unit": unit, "head": head, "records": records,
                 "threads": threads}
        opts = {k: v for k, v in given.items() if v is not None}
        if not opts:
            return self._call_json("fz_journal_verify")  # type: ignore[no-any-return]
        return self._call_json("fz_journal_verify_with", _dumps(opts))  # type: ignore[no-any-return]

    def journal_head(self) -> JSONObject:
        """The journal's head {"seq", "hash"}, to record outside the file and
        give back to ``verify_journal(head=...)`` later."""
        return self._call_json("fz_journal_head")  # type: ignore[no-any-return]

    def history(self, kind: str, key: str) -> JSONObject:
        """A record's journal entries with the chain's verification."""
        return self._call_json("fz_history", _text(kind, "kind"), _key(key))

    def history_text(self, kind: str, key: str, format: str = "markdown") -> str:
        """The full-process record (全过程记录) as a document: "markdown" or
        "json" (returned as text)."""
        return self._call_string("fz_history_text", _text(kind, "kind"), _key(key),
                                 _text(format, "format"))

    # -------------------------------------------------------------- calendar

    def load_calendar(self, csv: Union[str, bytes, "os.PathLike[str]", None] = None, /, *,
                      path: Optional[PathLike] = None) -> Optional[Dict[str, Any]]:
        """Adds holiday schedules: CSV text ``date,kind,holiday,schedule_year``
        (str or bytes), or a file (an ``os.PathLike`` or ``path=``). All or
        nothing: a bad line raises ArgumentError naming its line and column.
        Records whose deadlines were computed with the provisional rule for a
        loaded year are computed again. For a file, returns ``{"years": [...],
        "days": n, "recomputed": n}``; for text, None."""
        if path is not None:
            if csv is not None:
                raise TypeError("load_calendar: give either csv or path=, not both")
            return self._call_json("fz_calendar_load_file", _path(path))  # type: ignore[no-any-return]
        if isinstance(csv, os.PathLike):
            return self._call_json("fz_calendar_load_file", _path(csv))  # type: ignore[no-any-return]
        if isinstance(csv, str):
            data = _utf8(csv)
        elif isinstance(csv, (bytes, bytearray, memoryview)):
            data = bytes(csv)
        else:
            raise TypeError("load_calendar: expected CSV text, bytes or a path, got %s"
                            % type(csv).__name__)
        self._call("fz_calendar_load", data, len(data))
        return None

    def calendar_years(self) -> Dict[str, Any]:
        """Which years have a State Council schedule and which follow the
        provisional rule: ``{"official": [{"year", "source"}], "provisional":
        {"first", "last", "rule"}, "pending": [{"year", "records"}]}``."""
        return self._call_json("fz_calendar_years")  # type: ignore[no-any-return]

    def calendar_query(self, op: str, **args: Any) -> Dict[str, Any]:
        """Calendar arithmetic that follows the provisional rule for a year
        without a schedule and says so: ``calendar_query("add_working_days",
        date="2027-01-04", days=3)`` -> ``{"date": "2027-01-07",
        "provisional_years": [2027]}``. Operations: is_working_day(date),
        add_working_days(date, days), working_days_between(from_, to),
        days_deadline(date, days); ``provisional=False`` refuses such years."""
        request = {"op": op, **{name.rstrip("_"): value for name, value in args.items()}}
        return self._call_json("fz_calendar_query", _dumps(request))  # type: ignore[no-any-return]

    def is_working_day(self, date: DateLike) -> bool:
        out = ctypes.c_int32()
        self._call("fz_calendar_is_working_day", _date(date, "date"), ctypes.byref(out))
        return bool(out.value)

    def add_working_days(self, date: DateLike, n: int) -> datetime.date:
        """The date ``n`` working days after ``date`` (before it when n < 0)."""
        count = _int32(n, "n")
        buf = ctypes.create_string_buffer(11)
        self._call("fz_calendar_add_working_days", _date(date, "date"), count, buf)
        return datetime.date.fromisoformat(buf.value.decode("ascii"))

    def working_days_between(self, from_date: DateLike, to_date: DateLike) -> int:
        """Working days in (from_date, to_date]; negative when to_date is earlier."""
        out = ctypes.c_int32()
        self._call("fz_calendar_working_days_between", _date(from_date, "from"),
                   _date(to_date, "to"), ctypes.byref(out))
        return int(out.value)

    # ---------------------------------------------------------------- labels

    def labels(self, set: str) -> Dict[str, Any]:
        """Chinese labels: "kinds", "codes", "indicators", a kind's fields
        ("mediation_case") or a field's closed set such as "org_unit.kind";
        code -> label. "types" gives each kind's input fields with their JSON
        type instead ({"mediation_case": {"received": "date", ...}})."""
        return self._call_json("fz_labels", _text(set, "set"))  # type: ignore[no-any-return]


def open(  # noqa: A001 - fazhi.open is the documented entry point
    path: PathLike,
    *,
    create: Optional[bool] = None,
    read_only: Optional[bool] = None,
    busy_timeout_ms: Optional[int] = None,
    actor: Optional[str] = None,
    mode: Optional[str] = None,
    uri: Optional[bool] = None,
    journal_key: Optional[str] = None,
    **options: Any,
) -> Database:
    """Opens (and by default creates) a fazhi database; ``":memory:"`` for a
    private in-memory one. ``path`` is a file name, even when it starts with
    "file:", unless ``uri=True`` makes it an SQLite URI. ``journal_key`` (at
    least 16 bytes, kept in memory only) makes every commit authenticate the
    journal's head and verification check it. The keywords are
    fz_open's options (None: the library's default); further keywords are
    passed through as they are, so options of a newer library can be used.
    Use the result in a ``with`` block to close it on exit."""
    given: Dict[str, Any] = {
        "create": create,
        "read_only": read_only,
        "busy_timeout_ms": busy_timeout_ms,
        "actor": actor,
        "mode": mode,
        "uri": uri,
        "journal_key": journal_key,
    }
    opts = {k: v for k, v in given.items() if v is not None}
    opts.update(options)
    lib = _native.load()
    name = os.fspath(path)
    out = ctypes.c_void_p()
    _check(lib, lib.fz_open(_path(name), _dumps(opts) if opts else None, ctypes.byref(out)))
    if not out.value:
        raise InternalError("fz_open returned FZ_OK without a handle", Status.INTERNAL)
    return Database(lib, out.value, name if isinstance(name, str) else os.fsdecode(name))
