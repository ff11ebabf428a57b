"""Value types returned by the binding."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

try:  # Python >= 3.8
    from typing import TypedDict
except ImportError:  # pragma: no cover
    TypedDict = dict  # type: ignore

__all__ = ["IndicatorValue", "ImportSummary", "ImportError_", "JSONObject"]

#: A JSON object as the binding passes it in and returns it.
JSONObject = Dict[str, Any]


@dataclass(frozen=True)
class IndicatorValue:
    """One indicator value (``struct fz_value``).

    ``value`` is ``None`` when ``status`` is ``"no_data"`` (nothing to count:
    e.g. a success rate with no concluded case). The binding chose ``None``
    rather than the C ABI's NaN because it is what the JSON form of the same
    value (``indicators()``) carries, it compares equal to itself, and it
    cannot slip unnoticed into arithmetic. ``numerator`` and ``denominator``
    are always numbers (``denominator`` is 0 for non-ratio measures).
    """

    value: Optional[float]
    numerator: float
    denominator: float
    status: str  # "ok" | "no_data"
    code: str = ""
    unit: str = ""
    period: str = ""

    @property
    def ok(self) -> bool:
        """True when the indicator has a value."""
        return self.status == "ok"

    @classmethod
    def _from_native(
        cls, raw: Any, code: str, unit: str, period: str
    ) -> "IndicatorValue":
        status_code = int(raw.status)
        status = {0: "ok", 1: "no_data"}.get(status_code, "status_%d" % status_code)
        value: Optional[float] = float(raw.value)
        if status != "ok" or (value is not None and math.isnan(value)):
            value = None
        return cls(
            value=value,
            numerator=float(raw.numerator),
            denominator=float(raw.denominator),
            status=status,
            code=code,
            unit=unit,
            period=period,
        )


class ImportError_(TypedDict, total=False):
    """One rejected line of an import (line numbers count from 1 over the whole
    input, blank lines included, as a text editor numbers them)."""

    line: int
    field: str
    message: str
    status: str


class ImportSummary(TypedDict, total=False):
    """What ``Database.import_records`` returns: the library's summary, the
    batches added together."""

    read: int
    inserted: int
    updated: int
    unchanged: int
    actions: int
    rejected: int
    errors: List[ImportError_]
