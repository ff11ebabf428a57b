#!/usr/bin/env python3
"""Imports the Yangxin 2022 sample data and prints the zone's mediation
success rate, e.g. "调解成功率 98.5% (132/134)".

Usage: print_success_rate.py [SAMPLE_DIR] [--database PATH]

SAMPLE_DIR defaults to ../yangxin-2022 beside this script. The files named in
its import_order.txt are imported in that order; names that do not exist (yet)
are skipped. The database is a private in-memory one unless --database names a
file (which is then created or updated: re-importing changes nothing).

The fazhi package is imported from the environment; in a source checkout
without it installed, the binding in bindings/python is used. The library is
found through FAZHI_LIBRARY (see bindings/python/README.md).
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from typing import List, Optional

HERE = pathlib.Path(__file__).resolve().parent

try:
    import fazhi
except ImportError:  # a source checkout: use the binding next door
    sys.path.insert(0, str(HERE.parent.parent / "bindings" / "python"))
    import fazhi

UNIT = "yx-kfq"
PERIOD = "2022"
CODE = "mediation.success_rate"


def import_sample(db: fazhi.Database, sample_dir: pathlib.Path) -> None:
    order = (sample_dir / "import_order.txt").read_text(encoding="utf-8")
    for name in order.splitlines():
        name = name.strip()
        if not name or name.startswith("#"):
            continue
        path = sample_dir / name
        if not path.is_file():
            continue  # listed for a later step of the sample, not written yet
        summary = db.import_records(path)
        if summary["rejected"]:
            for err in summary["errors"]:
                print("%s:%d: %s: %s" % (name, err["line"], err.get("field", ""),
                                        err["message"]), file=sys.stderr)
            raise SystemExit("%s: %d line(s) rejected" % (name, summary["rejected"]))


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample_dir", nargs="?", type=pathlib.Path,
                        default=HERE.parent / "yangxin-2022")
    parser.add_argument("--database", default=":memory:",
                        help='database file (default ":memory:")')
    args = parser.parse_args(argv)

    try:
        with fazhi.open(args.database) as db:
            import_sample(db, args.sample_dir)
            rate = db.indicator(CODE, UNIT, PERIOD)
            label = db.labels("indicators").get(CODE, CODE)
    except fazhi.Error as e:
        print("print_success_rate: %s error: %s" % (e.status_name, e), file=sys.stderr)
        return 1

    if rate.value is None:  # no concluded case in the period: no rate
        print("%s 无数据 (0/0)" % label)
    else:
        print("%s %.1f%% (%.0f/%.0f)" % (label, rate.value, rate.numerator, rate.denominator))
    return 0


if __name__ == "__main__":
    sys.exit(main())
