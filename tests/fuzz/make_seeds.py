#!/usr/bin/env python3
"""make_seeds.py — writes the seed corpora of the fuzz harnesses,
tests/fuzz/corpus/<harness>/, from the project's own data: the Yangxin sample
(examples/yangxin-2022), the built-in holiday schedules (src/calendar) and the
expressions and periods the documentation uses. Run from anywhere; it
replaces the corpus directories. Seeds are small on purpose: libFuzzer limits
the inputs it makes to about the size of the largest seed."""

import pathlib
import shutil

here = pathlib.Path(__file__).resolve().parent
top = here.parent.parent
sample = top / "examples" / "yangxin-2022"
corpus = here / "corpus"


def lines(name):
    return (sample / name).read_text(encoding="utf-8").splitlines()


def write(harness, seeds):
    d = corpus / harness
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    for i, seed in enumerate(seeds):
        data = seed if isinstance(seed, bytes) else seed.encode("utf-8")
        (d / f"seed-{i:02d}").write_bytes(data)


sample_files = ["org_units.ndjson", "lawful_administration.ndjson", "mediation.ndjson",
                "petitions.ndjson", "services.ndjson", "narratives.ndjson"]

# fz_put: the first two records of every kind (no action lines).
put, seen = [], {}
for name in sample_files:
    for line in lines(name):
        if '"action"' in line:
            continue
        kind = line.split('"record": "', 1)[1].split('"', 1)[0]
        if seen.get(kind, 0) < 2:
            seen[kind] = seen.get(kind, 0) + 1
            put.append(line)
write("put", put)

# fz_import: runs of six lines from the start, the middle and the end of each
# file (records and the actions on them), one with a byte-order mark, one
# with CRLF line ends.
ndjson = []
for name in sample_files:
    all_lines = lines(name)
    for start in (0, len(all_lines) // 2, max(0, len(all_lines) - 6)):
        ndjson.append("\n".join(all_lines[start:start + 6]) + "\n")
ndjson.append("\ufeff" + ndjson[0])
ndjson.append(ndjson[4].replace("\n", "\r\n"))
write("ndjson_import", ndjson)

# The report: new records (keys renamed so that they are inserted) of
# mediation, petitions and services with persons among them, and actions on
# them; narratives.
report = []
for name in ("mediation.ndjson", "petitions.ndjson", "services.ndjson", "narratives.ndjson",
             "lawful_administration.ndjson"):
    all_lines = lines(name)
    for start in (0, len(all_lines) // 3, 2 * len(all_lines) // 3):
        chunk = "\n".join(all_lines[start:start + 5]).replace('"key": "yx-', '"key": "fz-')
        report.append(chunk + "\n")
write("report", report)

# Periods: every form of the documentation and their edges.
write("period", ["2022", "2022H1", "2022H2", "2022Q3", "2022-07", "2022W05", "2020W53",
                 "2022-01-01/2022-06-30", "1900", "9999-12-31/9999-12-31", "2024-02-29/2024-03-01"])

# Expressions: the documentation's, and each family of the catalogue.
write("expression", [
    "mediation.succeeded / mediation.received * 100",
    "petition.received / prev(petition.received) - 1",
    "(mediation.received / prev(mediation.received) - 1) * 100",
    "100 - mediation.success_rate",
    "adviser.service_hours / adviser.service_events",
    "-(decision.adopted + normative.published) * 2.5",
    "enforcement.actions - prev(enforcement.actions)",
    "training.public_reach / (training.campaigns + 1)",
    "petition.funds_secured_yuan / 10000 + mediation.amount_yuan",
    "litigation.cases + litigation.reconsiderations",
    "leadership.activities * 1",
    "0.5",
    "99999999999999999999 * 99999999999999999999 * mediation.received",
])

# Holiday schedules: one year of the built-in file (with its header), a
# year whose New Year break starts in the December before, one with a
# byte-order mark and CRLF line ends, one without the header.
csv = (top / "src" / "calendar" / "cn_public_holidays.csv").read_text(encoding="utf-8").splitlines()
header, rows = csv[0], csv[1:]


def year(y):
    return [r for r in rows if r.rsplit(",", 1)[1] == str(y)]


write("calendar_csv", [
    "\n".join([header] + year(2024)) + "\n",
    "\n".join([header] + year(2019)) + "\n",
    "\ufeff" + "\r\n".join([header] + year(2021)) + "\r\n",
    "\n".join(year(2026)) + "\n",
])
