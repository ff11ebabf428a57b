#!/usr/bin/env python3
"""Generates the sample data of the Yangxin 2022 example (all but the units).

Run from the repository root:

    python3 examples/yangxin-2022/generate.py

It writes, next to this script,

* mediation.ndjson -- the people's mediation committees (人民调解委员会) of the zone
  and of its 12 villages and communities, and the disputes (矛盾纠纷) they mediated;
* petitions.ndjson -- the petitions (信访事项) received and handled by the zone and
  its villages and communities;
* services.ndjson -- the legal advisers (法律顾问), their engagements and services,
  the campaigns of learning the law and legal education (学法用法与普法), the
  法律明白人 trained, and the leaders' rule-of-law activities (第一责任人履职);
* narratives.ndjson -- the report's text that no record gives (preamble, measures,
  shortcomings, leadership, the eight plans for 2023), written afresh.

SAMPLE DATA, NOT AN OFFICIAL RECORD. The figures reproduce the ones quoted in
the zone's 2022 rule-of-law report (阳新经济开发区管委会法制建设年度报告, published
2023-03-06): section 一、1(2) for the advisers, 一、2 "依法化解矛盾纠纷，积极优化
营商环境" for mediation and petitions, 一、3 for training, 三 for the leaders.
Every case, petition, service and name in them is invented. Persons are written
"surname + 某 + 甲/乙/丙…" and organisations "某 + trade", so no line can be read
as a real person's or company's record. The two persons the report names are
never used; leaders are given by title only.

The output is deterministic: Python standard library only, random generators
with fixed seeds (services.ndjson has a generator of its own, so that changing
it never changes mediation.ndjson or petitions.ndjson), and no use of the
clock. Running the script twice gives the same files byte for byte.
org_units.ndjson (written separately) is read for the unit codes and names and
is not changed.

The generator checks the statutory deadlines and rules the library enforces (see
src/domain/mediation.cpp, petition.cpp, adviser.cpp and training.cpp) so that
importing the files in strict mode raises no finding and rejects no line.
"""

import csv
import datetime as dt
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = random.Random(20221016)  # fixed seed: opening day of the 20th Party Congress
D = dt.date.fromisoformat
YEAR_END = D("2022-12-30")  # last working day of 2022 (12-31 is the 元旦 holiday)


# ---------------------------------------------------------------------------
# Working-day calendar: the official schedule the library itself is built
# with (src/calendar/cn_public_holidays.csv, from the State Council's holiday
# notices). Used to put dates on working days and to compute deadlines exactly
# as the library does: "N日" = the day after the event + N - 1 calendar days,
# a last day on a rest day moving to the next working day.
# ---------------------------------------------------------------------------
def read_schedule():
    """(off days, make-up working days) of the bundled schedule, as ISO dates."""
    path = os.path.join(HERE, "..", "..", "src", "calendar", "cn_public_holidays.csv")
    off, work = set(), set()
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            (off if row["kind"] == "off" else work).add(row["date"])
    return off, work


HOLIDAYS, MAKEUP_WORKDAYS = read_schedule()  # off days; weekends that are working days (调休上班)


def is_working(d):
    s = d.isoformat()
    if s in MAKEUP_WORKDAYS:
        return True
    return d.weekday() < 5 and s not in HOLIDAYS


def deadline(start, days):
    """The library's calendar_days_deadline: start + days, moved past rest days."""
    d = start + dt.timedelta(days=days)
    while not is_working(d):
        d += dt.timedelta(days=1)
    return d


def working_days(lo, hi):
    out, d = [], lo
    while d <= hi:
        if is_working(d):
            out.append(d)
        d += dt.timedelta(days=1)
    return out


def check_working(d, what):
    assert is_working(d), "%s %s is a rest day" % (what, d)
    return d


def pick_day(lo, hi, weekday=None):
    """A random working day in [lo, hi] (that weekday, 0 = Monday, when there is one)."""
    days = working_days(lo, hi)
    assert days, "no working day between %s and %s" % (lo, hi)
    if weekday is not None and any(d.weekday() == weekday for d in days):
        days = [d for d in days if d.weekday() == weekday]
    return RNG.choice(days)


def pick_after(start, max_days, bias_short=True, cap=YEAR_END):
    """A working day between start and start + max_days (not after cap),
    usually soon after start: most disputes are settled within days."""
    days = working_days(start, min(start + dt.timedelta(days=max_days), cap))
    assert days, "no working day after %s" % start
    if not bias_short:
        return RNG.choice(days)
    # Triangular weights: the earliest days are the likeliest.
    weights = [len(days) - i for i in range(len(days))]
    return RNG.choices(days, weights=weights)[0]


def yuan(amount):
    return "%d.00" % amount if isinstance(amount, int) else amount


def month_range(month, last_day=None):
    first = dt.date(2022, month, 1)
    nxt = dt.date(2022 + month // 12, month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    if last_day:
        last = dt.date(2022, month, last_day)
    return first, last


# ---------------------------------------------------------------------------
# Units: read from org_units.ndjson (the zone committee is the root; 7 villages
# and 5 communities hang below it -- "开发区和管辖的12个村(社区)").
# ---------------------------------------------------------------------------
UNITS = []
with open(os.path.join(HERE, "org_units.ndjson"), encoding="utf-8") as f:
    for line in f:
        if line.strip():
            UNITS.append(json.loads(line))
ROOT = next(u for u in UNITS if "parent" not in u)
VILLAGES = [u for u in UNITS if u["kind"] == "village"]
COMMUNITIES = [u for u in UNITS if u["kind"] == "community"]
assert ROOT["kind"] == "zone_committee"
assert len(VILLAGES) + len(COMMUNITIES) == 12, "the seed report counts 12 villages/communities"
UNIT_BY_CODE = {u["code"]: u for u in UNITS}


def suffix(code):
    return code.rsplit("-", 1)[1]  # yx-kfq-v01 -> v01, yx-kfq -> kfq


# ---------------------------------------------------------------------------
# Invented names. Persons: surname + 某 + a heavenly stem, distinct within one
# record. Organisations: 某 + trade. The surnames of the two persons the report
# names are left out altogether.
# ---------------------------------------------------------------------------
SURNAMES = ("张王李刘陈杨黄赵吴周徐孙马朱郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            "蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方邹熊秦柯龚")
STEMS = "甲乙丙丁戊己庚辛壬癸"
assert "胡" not in SURNAMES and "邢" not in SURNAMES


def persons(n):
    out = []
    while len(out) < n:
        name = RNG.choice(SURNAMES) + "某" + RNG.choice(STEMS)
        if name not in out:
            out.append(name)
    return out


TRADES = {
    "employer": ["建筑劳务有限公司", "电子科技有限公司", "纺织服装有限公司", "机械制造有限公司",
                 "新材料有限公司", "物流有限公司", "食品有限公司", "装饰工程有限公司"],
    "property": ["物业服务有限公司", "物业管理有限公司"],
    "business": ["建设工程有限公司", "建材贸易有限公司", "机械租赁有限公司", "包装材料有限公司",
                 "电子科技有限公司", "混凝土有限公司"],
    "shop": ["汽车维修店", "家电销售店", "餐饮店", "装修工作室", "手机专卖店"],
    "polluter": ["化工有限公司", "新型建材有限公司"],
}


def org(kind, avoid=()):
    while True:
        name = "某" + RNG.choice(TRADES[kind])
        if name not in avoid:
            return name


def party(name, role, typ="person"):
    return {"name": name, "role": role, "type": typ}


def parties_for(category):
    """Typical parties of a dispute of that category."""
    if category == "labour":
        workers = persons(RNG.choice([1, 1, 1, 2, 3]))
        return [party(w, "applicant") for w in workers] + [
            party(org("employer"), "respondent", "organisation")]
    if category == "property_management":
        owners = persons(RNG.choice([1, 1, 2]))
        return [party(o, "applicant") for o in owners] + [
            party(org("property"), "respondent", "organisation")]
    if category == "consumer":
        return [party(persons(1)[0], "applicant"), party(org("shop"), "respondent", "organisation")]
    if category == "environment":
        people = persons(3)
        return [party(p, "applicant") for p in people] + [
            party(org("polluter"), "respondent", "organisation")]
    if category in ("contract", "production_business") and RNG.random() < 0.5:
        a = org("business")
        return [party(a, "applicant", "organisation"),
                party(org("business", avoid=[a]), "respondent", "organisation")]
    if category == "contract":
        return [party(persons(1)[0], "applicant"), party(org("business"), "respondent", "organisation")]
    n = 3 if category == "neighbourhood" and RNG.random() < 0.2 else 2
    names = persons(n)
    return [party(names[0], "applicant"), party(names[1], "respondent")] + [
        party(x, "other") for x in names[2:]]


# ---------------------------------------------------------------------------
# Mediation committees -- "成立'人民调解委员会'，12个村、社区自发成立治调委员会":
# one committee for each village and community, plus the zone's own committee
# (the 矛盾纠纷调解中心 of 综治中心), all established years before 2022.
# ---------------------------------------------------------------------------
def committee_key(unit_code):
    return "yx-mcom-" + suffix(unit_code)


COMMITTEES = []
COMMITTEES.append({"record": "mediation_committee", "key": committee_key(ROOT["code"]),
                   "unit": ROOT["code"], "name": "阳新经济开发区人民调解委员会",
                   "established": "2015-06-18", "members": 9})
for i, u in enumerate(VILLAGES + COMMUNITIES):
    established = dt.date(2015 + i % 4, 3 + (i * 5) % 9, 6 + (i * 7) % 20)
    while established.weekday() >= 5:  # on a weekday
        established += dt.timedelta(days=1)
    COMMITTEES.append({"record": "mediation_committee", "key": committee_key(u["code"]),
                       "unit": u["code"], "name": u["name"] + "人民调解委员会",
                       "established": established.isoformat(),
                       "members": 3 + (i * 3) % 5})
for c in COMMITTEES:
    assert c["established"] < "2022-01-01"

# Short names for case numbers: 阳开人调〔2022〕12号, 青石村调〔2022〕3号.
CASE_PREFIX = {ROOT["code"]: "阳开人调"}
for u in VILLAGES + COMMUNITIES:
    CASE_PREFIX[u["code"]] = u["name"] + "调"


# ---------------------------------------------------------------------------
# Mediation cases. Target for the root unit and period 2022 -- "2022年，共调解
# 矛盾纠纷100余起，调解成功率均达98.5%。其中调处非正常死亡纠纷5起，涉案金额50万元
# 以上纠纷3起，防止群体性事件2起":
#   134 cases received and closed in 2022: 132 succeeded + 2 failed
#   (132 / 134 = 98.507% -> 98.5%); exactly 5 unnatural deaths; exactly 3 cases
#   of 500 000 yuan or more; exactly 2 closed with prevented_mass_incident.
#   Plus 2 cases received in late December and closed in January 2023: received
#   in 2022 (mediation.received = 136) but concluded in 2023.
# Categories: "涵盖婚姻家庭、劳动争议、道路交通事故等各方面" plus what a development
# zone with villages being built over sees (征地拆迁, 宅基地, 物业).
# ---------------------------------------------------------------------------
CASES = []  # dicts: fields of the record + "_close", "_confirm", "_follow" for actions
COURT = "阳新县人民法院"


def add_case(unit, received, source, category, parties, amount=None, close=None, outcome="succeeded",
             agreement="written", agreement_amount=None, unnatural_death=False, mass_risk=False,
             prevented_mass=False, confirm=None, follow=None, special=None):
    c = {"unit": unit, "received": check_working(received, "received"), "source": source,
         "category": category, "parties": parties, "amount": amount,
         "unnatural_death": unnatural_death, "mass_risk": mass_risk,
         "close": check_working(close, "closed"), "outcome": outcome,
         "agreement": agreement if outcome == "succeeded" else None,
         "agreement_amount": agreement_amount if outcome == "succeeded" else None,
         "prevented_mass": prevented_mass, "confirm": confirm, "follow": follow,
         "special": special}
    CASES.append(c)
    return c


Z = ROOT["code"]
V = {suffix(u["code"]): u["code"] for u in VILLAGES}
C = {suffix(u["code"]): u["code"] for u in COMMUNITIES}

# -- "防止群体性事件2起" (1 of 2): wage arrears of 23 workers of a labour
#    subcontractor before the Spring Festival, referred by the labour inspectors;
#    settled in 8 days and paid before the holiday (labour: within 15 days).
add_case(Z, D("2022-01-10"), "referral_other", "labour",
         [party(n, "applicant") for n in persons(3)]
         + [party("某建筑劳务有限公司", "respondent", "organisation"),
            party("某置业有限公司", "other", "organisation")],
         amount=386000, close=D("2022-01-18"), agreement_amount=386000,
         mass_risk=True, prevented_mass=True,
         follow=(D("2022-01-28"), True), special="mass incident 1: wage arrears of 23 workers")

# -- "防止群体性事件2起" (2 of 2) and "涉案金额50万元以上纠纷3起" (1 of 3): a village
#    group's dispute over the distribution of land acquisition compensation for a
#    new industrial park road, 620 000 yuan, referred by the petition office.
add_case(V["v03"], D("2022-06-13"), "referral_petition", "land_acquisition_demolition",
         [party(n, "applicant") for n in persons(4)] + [party(persons(1)[0], "respondent")],
         amount=620000, close=D("2022-07-08"), agreement_amount=600000,
         mass_risk=True, prevented_mass=True, confirm=D("2022-07-20"),
         follow=(D("2022-08-15"), True), special="mass incident 2, large amount 1: land compensation")

# -- "涉案金额50万元以上纠纷3起" (2 of 3): unpaid construction price between a
#    contractor and a subcontractor on a factory building, 1 350 000 yuan.
add_case(Z, D("2022-08-08"), "application", "contract",
         [party("某建设工程有限公司", "applicant", "organisation"),
          party("某机械制造有限公司", "respondent", "organisation")],
         amount=1350000, close=D("2022-09-07"), agreement_amount=1180000,
         confirm=D("2022-09-21"), follow=(D("2022-10-20"), True),
         special="large amount 2: construction price")

# -- "调处非正常死亡纠纷5起" (1 and 2 of 5): two fatal road accidents referred by
#    the traffic police; compensation beyond insurance below 500 000 yuan.
add_case(Z, D("2022-03-14"), "referral_police", "traffic",
         [party(n, "applicant") for n in persons(2)] + [party(persons(1)[0], "respondent")],
         amount=480000, close=D("2022-03-29"), agreement_amount=455000, unnatural_death=True,
         confirm=D("2022-04-12"), special="unnatural death 1: road accident")
add_case(Z, D("2022-09-19"), "referral_police", "traffic",
         [party(n, "applicant") for n in persons(2)] + [party(persons(1)[0], "respondent")],
         amount=450000, close=D("2022-10-12"), agreement_amount=420000, unnatural_death=True,
         follow=(D("2022-11-10"), True), special="unnatural death 2: road accident")

# -- "调处非正常死亡纠纷5起" (3 of 5) and "涉案金额50万元以上纠纷3起" (3 of 3): a hired
#    worker's fatal fall on a building site, 860 000 yuan, taken up ex officio.
add_case(Z, D("2022-05-16"), "ex_officio", "damages",
         [party(n, "applicant") for n in persons(3)]
         + [party("某装饰工程有限公司", "respondent", "organisation")],
         amount=860000, close=D("2022-05-27"), agreement_amount=780000, unnatural_death=True,
         confirm=D("2022-06-08"), follow=(D("2022-07-05"), True),
         special="unnatural death 3, large amount 3: fall on a building site")

# -- "调处非正常死亡纠纷5起" (4 of 5): a child drowned in a contracted fish pond.
add_case(V["v05"], D("2022-07-11"), "application", "damages",
         [party(n, "applicant") for n in persons(2)] + [party(persons(1)[0], "respondent")],
         amount=320000, close=D("2022-07-22"), agreement_amount=260000, unnatural_death=True,
         special="unnatural death 4: drowning in a fish pond")

# -- "调处非正常死亡纠纷5起" (5 of 5): an employee's sudden death at work
#    (视同工伤); a labour case, so closed well within 15 days.
add_case(Z, D("2022-11-07"), "application", "labour",
         [party(n, "applicant") for n in persons(2)]
         + [party("某纺织服装有限公司", "respondent", "organisation")],
         amount=420000, close=D("2022-11-14"), agreement_amount=400000, unnatural_death=True,
         follow=(D("2022-12-12"), True), special="unnatural death 5: sudden death at work")

# -- "调解成功率均达98.5%": the only two failures (132 / 134). Both parties were
#    told how to sue; no agreement.
add_case(V["v02"], D("2022-04-11"), "application", "housing_homestead", parties_for("housing_homestead"),
         close=D("2022-04-22"), outcome="failed", special="failure 1: homestead boundary")
add_case(C["c02"], D("2022-10-17"), "referral_court", "contract", parties_for("contract"),
         amount=86000, close=D("2022-10-28"), outcome="failed", special="failure 2: contract")

# -- Received in late December 2022, closed in January 2023: counted in 2022's
#    mediation.received, not in 2022's concluded / succeeded / success rate.
add_case(C["c04"], D("2022-12-26"), "application", "labour", parties_for("labour"),
         amount=18600, close=D("2023-01-04"), agreement_amount=18600, special="year-end 1")
add_case(V["v01"], D("2022-12-28"), "application", "neighbourhood", parties_for("neighbourhood"),
         close=D("2023-01-06"), agreement="oral", special="year-end 2")

# -- The other 124 cases of 2022, all succeeded: categories, committees and
#    months below; parties, amounts, dates and sources drawn from the generator.
FILLER_CATEGORIES = {
    "marriage_family": 22, "neighbourhood": 24, "labour": 16, "traffic": 12, "damages": 10,
    "contract": 8, "housing_homestead": 9, "land_acquisition_demolition": 7,
    "property_management": 8, "land_forest": 4, "production_business": 2, "consumer": 1,
    "environment": 1,
}
# Cases received per month (December: 1st to 9th only, so that every case
# received in 2022 -- except the two above -- is closed in 2022).
FILLER_MONTHS = [13, 8, 11, 9, 10, 11, 10, 10, 10, 9, 12, 11]
assert sum(FILLER_CATEGORIES.values()) == sum(FILLER_MONTHS) == 124

VC = list(V.values()) + list(C.values())
COMMITTEE_CHOICE = {  # (units, weights): where such disputes are mediated
    "marriage_family": (VC, None),
    "neighbourhood": (VC, None),
    "labour": ([Z] + list(C.values()), [6] + [2] * len(C)),
    "traffic": ([Z] + VC, [12] + [1] * len(VC)),
    "damages": ([Z] + VC, [4] + [1] * len(VC)),
    "contract": ([Z] + list(C.values()), [3] + [1] * len(C)),
    "housing_homestead": (list(V.values()), None),
    "land_acquisition_demolition": ([Z] + list(V.values()), [3] + [1] * len(V)),
    "property_management": (list(C.values()), None),
    "land_forest": (list(V.values()), None),
    "production_business": ([Z] + list(C.values()), [2] + [1] * len(C)),
    "consumer": (list(C.values()), None),
    "environment": ([Z], None),
}
SOURCE_CHOICE = {  # (sources, weights) per category
    "traffic": (["referral_police", "application"], [7, 3]),
    "neighbourhood": (["application", "ex_officio", "referral_police"], [5, 3, 2]),
    "marriage_family": (["application", "ex_officio", "referral_court"], [7, 2, 1]),
    "labour": (["application", "referral_other", "referral_petition"], [7, 2, 1]),
    "contract": (["application", "referral_court"], [6, 4]),
    "damages": (["application", "referral_police", "ex_officio"], [5, 3, 2]),
    "housing_homestead": (["application", "ex_officio", "referral_petition"], [5, 3, 2]),
    "land_forest": (["application", "ex_officio"], [6, 4]),
    "land_acquisition_demolition": (["application", "ex_officio", "referral_petition"], [4, 3, 3]),
    "property_management": (["application", "ex_officio", "referral_petition"], [6, 2, 2]),
}
AMOUNTS = {  # (probability of an amount in dispute, low, high) in yuan, all < 500 000
    "marriage_family": (0.4, 5000, 150000), "neighbourhood": (0.3, 500, 8000),
    "labour": (1.0, 3000, 60000), "traffic": (1.0, 8000, 120000),
    "damages": (0.9, 2000, 80000), "contract": (1.0, 10000, 300000),
    "housing_homestead": (0.3, 5000, 50000), "land_acquisition_demolition": (1.0, 20000, 260000),
    "property_management": (1.0, 1200, 18000), "land_forest": (0.5, 3000, 20000),
    "production_business": (1.0, 20000, 150000), "consumer": (1.0, 800, 6000),
    "environment": (1.0, 15000, 15000),
}

filler_cats = [c for c, n in FILLER_CATEGORIES.items() for _ in range(n)]
RNG.shuffle(filler_cats)
pos = 0
for month, n in enumerate(FILLER_MONTHS, start=1):
    lo, hi = month_range(month, 9 if month == 12 else None)
    for _ in range(n):
        cat = filler_cats[pos]
        pos += 1
        units, weights = COMMITTEE_CHOICE[cat]
        unit = RNG.choices(units, weights=weights)[0]
        srcs, sw = SOURCE_CHOICE.get(cat, (["application"], None))
        source = RNG.choices(srcs, weights=sw)[0]
        received = pick_day(lo, hi)
        p, a_lo, a_hi = AMOUNTS[cat]
        amount = None
        if RNG.random() < p:
            step = 100 if a_hi <= 20000 else 1000
            amount = RNG.randrange(a_lo, a_hi + 1, step) if a_lo < a_hi else a_lo
        # Labour disputes: closed within 10 days (the statutory limit is 15).
        close = pick_after(received, 10 if cat == "labour" else 25)
        if amount is None and cat in ("marriage_family", "neighbourhood") and RNG.random() < 0.5:
            agreement = "oral"  # 口头协议 for small matters settled on the spot
        else:
            agreement = "written"
        agreement_amount = None
        if amount is not None:
            agreement_amount = max(100, int(amount * RNG.uniform(0.55, 1.0)) // 100 * 100)
        add_case(unit, received, source, cat, parties_for(cat), amount=amount, close=close,
                 agreement=agreement, agreement_amount=agreement_amount)

# A few judicial confirmations (人民调解法 第三十三条: within 30 days; here within
# 20) and return visits on written agreements with money.
fillers = [c for c in CASES if c["special"] is None]
with_money = [c for c in fillers if c["agreement"] == "written" and (c["agreement_amount"] or 0) >= 20000
              and c["close"] <= D("2022-11-30")]
for c in RNG.sample(with_money, 3):
    c["confirm"] = pick_after(c["close"] + dt.timedelta(days=3), 17, bias_short=False)
for c in RNG.sample([c for c in fillers if c["agreement"] == "written" and c["close"] <= D("2022-11-30")], 18):
    c["follow"] = (pick_after(c["close"] + dt.timedelta(days=7), 38, bias_short=False),
                   RNG.random() < 0.9)

# Keys and case numbers in order of receipt.
CASES.sort(key=lambda c: c["received"])  # stable: ties keep their order of creation
per_committee = {}
for i, c in enumerate(CASES, start=1):
    c["key"] = "yx-mc-2022-%03d" % i
    per_committee[c["unit"]] = per_committee.get(c["unit"], 0) + 1
    c["case_number"] = "%s〔2022〕%d号" % (CASE_PREFIX[c["unit"]], per_committee[c["unit"]])

# -- Checks: the seed's figures, and every rule of mediation.cpp kept silent.
in_2022 = [c for c in CASES if c["close"] <= YEAR_END]
assert len(CASES) == 136 and len(in_2022) == 134
assert sum(c["outcome"] == "succeeded" for c in in_2022) == 132
assert round(132 / 134 * 100, 1) == 98.5
assert sum(c["unnatural_death"] for c in CASES) == 5
assert sum((c["amount"] or 0) >= 500000 for c in CASES) == 3
assert sum(c["prevented_mass"] for c in in_2022) == 2
for c in CASES:
    assert c["received"] <= c["close"]
    assert c["received"].year == 2022
    if c["category"] == "labour":
        assert (c["close"] - c["received"]).days <= 10
        assert c["close"] <= deadline(c["received"], 15)
    if c["confirm"]:
        assert c["close"] <= c["confirm"] <= deadline(c["close"], 30)
    if c["follow"]:
        assert c["follow"][0] >= c["close"]


def case_lines(c):
    rec = {"record": "mediation_case", "key": c["key"], "committee": committee_key(c["unit"]),
           "case_number": c["case_number"], "received": c["received"].isoformat(),
           "source": c["source"], "category": c["category"], "parties": c["parties"]}
    if c["amount"] is not None:
        rec["amount_yuan"] = yuan(c["amount"])
    if c["unnatural_death"]:
        rec["unnatural_death"] = True
    if c["mass_risk"]:
        rec["mass_incident_risk"] = True
    yield rec
    close = {"record": "mediation_case", "key": c["key"], "action": "close",
             "date": c["close"].isoformat(), "outcome": c["outcome"]}
    if c["agreement"]:
        close["agreement"] = c["agreement"]
    if c["agreement_amount"] is not None:
        close["agreement_amount_yuan"] = yuan(c["agreement_amount"])
    if c["prevented_mass"]:
        close["prevented_mass_incident"] = True
    yield close
    if c["confirm"]:
        yield {"record": "mediation_case", "key": c["key"], "action": "judicial_confirmation",
               "date": c["confirm"].isoformat(), "court": COURT}
    if c["follow"]:
        yield {"record": "mediation_case", "key": c["key"], "action": "follow_up",
               "date": c["follow"][0].isoformat(), "performed": c["follow"][1]}


# ---------------------------------------------------------------------------
# Petitions -- "持续性开展党政领导干部接访和下访工作制度…解决问题100余件，建立了
# 引导信访当事人进入诉讼机制…在党的二十大胜利召开期间，成功化解了…信访积案，…
# 帮其解决落实司法救助资金和追回执行款共100万元":
#   112 petitions received in 2022, each accepted within 7 days (limit 15);
#   108 concluded in 2022 as resolved / explained / guided_to_litigation
#   (petition.resolved = 108), 8 of them guided to litigation; 4 received in
#   December still open at the year's end and concluded in 2023;
#   24 received at leaders' reception days (接访) or leaders' visits (下访);
#   1 backlog petition resolved during the Congress (2022-10-16..22);
#   1 petition with 1 000 000 yuan secured -- the only funds_secured of the year.
# Every conclusion within 56 days of acceptance (limit 60).
# ---------------------------------------------------------------------------
PETITIONS = []


def add_petition(unit, received, channel, petitioners, subject, accepted, concluded, result,
                 backlog=False, funds=None, ext=None):
    p = {"unit": unit, "received": check_working(received, "received"), "channel": channel,
         "petitioners": petitioners, "subject": subject, "backlog": backlog,
         "accepted": check_working(accepted, "accepted"),
         "concluded": check_working(concluded, "concluded"), "result": result,
         "funds": funds, "ext": ext}
    PETITIONS.append(p)
    return p


# -- "成功化解了…信访积案" during the 20th Party Congress: a land acquisition and
#    resettlement backlog case petitioned since 2020; re-filed in September 2022
#    under leader responsibility (领导包案, a leader's visit), accepted again and
#    resolved on 2022-10-18, inside the Congress week. The earlier filing is kept
#    in ext for the host; the library only sees the 2022 filing.
add_petition(Z, D("2022-09-13"), "leader_visit", persons(1),
             "征地拆迁安置补偿遗留问题，要求落实还建安置房（信访积案）",
             accepted=D("2022-09-15"), concluded=D("2022-10-18"), result="resolved", backlog=True,
             ext={"first_received": "2020-06-15", "handling": "领导包案"})

# -- "帮其解决落实司法救助资金和追回执行款共100万元": a 涉法涉诉 petition at a
#    leaders' reception day, concluded 56 days after acceptance with 1 000 000
#    yuan secured (judicial aid plus enforcement money recovered).
#    (No `extend` action anywhere: re-importing an extend line after the
#    conclusion is refused as a conflict, and the files must re-import cleanly.)
add_petition(Z, D("2022-05-11"), "leader_reception", persons(1),
             "涉法涉诉：人身损害赔偿判决长期未执行到位，请求协调执行并申请司法救助",
             accepted=D("2022-05-13"), concluded=D("2022-07-08"), result="resolved",
             funds=1000000)

# -- Four petitions received in December, open at the year's end, concluded in
#    January / February 2023 (after the Spring Festival).
add_petition(C["c01"], D("2022-12-14"), "visit", persons(2), "还建小区不动产权证迟迟未办理",
             accepted=D("2022-12-16"), concluded=D("2023-01-31"), result="resolved")
add_petition(Z, D("2022-12-19"), "online", persons(1), "园区企业夜间生产噪音扰民",
             accepted=D("2022-12-21"), concluded=D("2023-01-18"), result="resolved")
add_petition(V["v06"], D("2022-12-21"), "leader_reception", persons(1), "村组集体经济收益分配不公",
             accepted=D("2022-12-23"), concluded=D("2023-02-10"), result="explained")
add_petition(C["c03"], D("2022-12-22"), "phone", persons(1), "小区供水管网老化频繁停水",
             accepted=D("2022-12-26"), concluded=D("2023-01-13"), result="resolved")

# -- The other 106 petitions, all concluded in 2022.
SUBJECTS = {  # what a development zone's villages, communities and offices hear
    "zone": ["园区企业拖欠农民工工资", "征地补偿款发放进度", "还建安置房分配与交付",
             "企业生产粉尘、噪音扰民", "园区道路施工影响出行", "失地农民养老保险办理",
             "园区排水不畅致农田受淹", "企业招工承诺未兑现", "园区企业货车占道停放",
             "厂房建设占用村组道路"],
    "village": ["宅基地使用权确认", "土地承包经营权调整", "征地青苗补偿标准", "农田灌溉水渠损毁",
                "村组道路硬化", "低保、特困供养申请", "山林权属与界址", "农村饮水安全",
                "村务公开与财务公开", "集体土地租金分配"],
    "community": ["小区物业服务质量", "还建小区不动产权证办理", "小区停车位与车库分配",
                  "电梯维修与维修资金使用", "餐饮油烟扰民", "小区违章搭建", "居民医保、养老保险缴费",
                  "小区路灯与安防设施", "垃圾清运不及时"],
    # 导入诉讼: matters the courts decide, where the petitioner is guided to sue.
    "litigation": ["民间借贷纠纷要求协调还款", "房屋买卖合同纠纷", "工伤赔偿争议", "劳动报酬争议",
                   "承包合同纠纷", "人身损害赔偿争议"],
}
MONTHS = [9, 6, 10, 10, 10, 10, 10, 10, 9, 10, 8, 4]  # December: 1st to 5th only
# With the 2 + 4 above: 14 at leaders' reception days, 10 on leaders' visits (24).
CHANNELS = ["leader_reception"] * 12 + ["leader_visit"] * 9 + ["visit"] * 34 + ["phone"] * 21 + \
    ["letter"] * 8 + ["online"] * 22
RESULTS = ["resolved"] * 68 + ["explained"] * 30 + ["guided_to_litigation"] * 8
assert sum(MONTHS) == len(CHANNELS) == len(RESULTS) == 106
RNG.shuffle(CHANNELS)
RNG.shuffle(RESULTS)

i = 0
for month, n in enumerate(MONTHS, start=1):
    lo, hi = month_range(month, 5 if month == 12 else None)
    for _ in range(n):
        channel, result = CHANNELS[i], RESULTS[i]
        i += 1
        r = RNG.random()
        kind = "zone" if r < 0.4 else "village" if r < 0.75 else "community"
        unit = Z if kind == "zone" else RNG.choice(list(V.values()) if kind == "village"
                                                   else list(C.values()))
        if channel in ("leader_reception", "leader_visit"):
            unit = Z if RNG.random() < 0.6 else unit  # leaders sit at the zone or go down
        subject = RNG.choice(SUBJECTS["litigation" if result == "guided_to_litigation" else kind])
        collective = result != "guided_to_litigation" and RNG.random() < 0.15  # 联名信访
        names = persons(RNG.randint(2, 5) if collective else 1)
        if channel == "leader_reception":  # 领导接访日: Wednesdays
            received = pick_day(lo, hi, weekday=2)
        else:
            received = pick_day(lo, hi)
        accepted = pick_after(received, 7)
        concluded = pick_after(accepted + dt.timedelta(days=5), 50, bias_short=False)
        add_petition(unit, received, channel, names, subject, accepted, concluded, result)

PETITIONS.sort(key=lambda p: p["received"])
for i, p in enumerate(PETITIONS, start=1):
    p["key"] = "yx-pt-2022-%03d" % i

# -- Checks: the seed's figures, and every rule of petition.cpp kept silent.
concluded_2022 = [p for p in PETITIONS if p["concluded"] <= YEAR_END]
assert len(PETITIONS) == 112 and all(p["received"].year == 2022 for p in PETITIONS)
assert len(concluded_2022) == 108
assert all(p["result"] in ("resolved", "explained", "guided_to_litigation") for p in concluded_2022)
assert sum(p["result"] == "guided_to_litigation" for p in concluded_2022) == 8
assert sum(p["channel"] in ("leader_reception", "leader_visit") for p in PETITIONS) == 24
assert sum(p["backlog"] for p in PETITIONS) == 1
assert sum(p["funds"] or 0 for p in concluded_2022) == 1000000
for p in PETITIONS:
    assert p["received"] <= p["accepted"] <= deadline(p["received"], 15)
    assert p["accepted"] <= p["concluded"] <= deadline(p["accepted"], 60)
    if p["backlog"]:
        assert D("2022-10-16") <= p["concluded"] <= D("2022-10-22")
    for name in p["petitioners"]:
        assert "胡" not in name and "邢" not in name


def petition_lines(p):
    rec = {"record": "petition", "key": p["key"], "unit": p["unit"],
           "received": p["received"].isoformat(), "channel": p["channel"],
           "petitioners": p["petitioners"], "subject": p["subject"]}
    if p["backlog"]:
        rec["backlog"] = True
    if p["ext"]:
        rec["ext"] = p["ext"]
    yield rec
    yield {"record": "petition", "key": p["key"], "action": "accept", "date": p["accepted"].isoformat()}
    concl = {"record": "petition", "key": p["key"], "action": "conclude",
             "date": p["concluded"].isoformat(), "result": p["result"]}
    if p["funds"]:
        concl["funds_secured_yuan"] = yuan(p["funds"])
    yield concl


# ===========================================================================
# Services, training and leadership (services.ndjson) and the report's text
# (narratives.ndjson). A second random generator with its own fixed seed is
# used from here on, so that the two files above stay byte-identical whatever
# is added below.
# ===========================================================================
SRNG = random.Random(20221204)  # fixed seed: 国家宪法日 2022


def s_working_day(lo, hi):
    """A random working day in [lo, hi], drawn from SRNG."""
    days = working_days(lo, hi)
    assert days, "no working day between %s and %s" % (lo, hi)
    return SRNG.choice(days)


def s_person(taken):
    """An invented person's name (surname + 某 + stem), distinct from `taken`."""
    while True:
        name = SRNG.choice(SURNAMES) + "某" + SRNG.choice(STEMS)
        if name not in taken:
            taken.add(name)
            return name


def hours_value(halves):
    """Half-hours -> the JSON number written: 4 or 4.5."""
    return halves // 2 if halves % 2 == 0 else halves / 2


VC_CODES = [u["code"] for u in VILLAGES + COMMUNITIES]
UNIT_NAME = {u["code"]: u["name"] for u in UNITS}
REQUIRES_ADVISER = [u["code"] for u in UNITS
                    if u.get("requires_adviser",
                             u["kind"] in ("government", "zone_committee", "township", "street",
                                           "village", "community"))]
# The zone and its 12 villages and communities; the 党政办 (a department) and
# the 城管执法大队 do not need an adviser of their own.
assert sorted(REQUIRES_ADVISER) == sorted([Z] + VC_CODES)

# ---------------------------------------------------------------------------
# Legal advisers -- "开发区和管辖的12个村(社区)分别都聘请了法律顾问，实现法律顾问
# 全覆盖": four practising lawyers of three invented law firms, and a public
# lawyer (公职律师) of the county justice bureau serving the zone committee.
# Names follow the persons' convention above (surname + 某 + stem); licence
# numbers are left out, since an invented one could be somebody's real number.
# ---------------------------------------------------------------------------
ADVISERS = [
    {"record": "adviser", "key": "yx-adv-01", "name": "程某甲", "firm": "湖北某甲律师事务所",
     "type": "lawyer"},
    {"record": "adviser", "key": "yx-adv-02", "name": "柯某乙", "firm": "湖北某甲律师事务所",
     "type": "lawyer"},
    {"record": "adviser", "key": "yx-adv-03", "name": "石某丙", "firm": "湖北某乙律师事务所",
     "type": "lawyer"},
    {"record": "adviser", "key": "yx-adv-04", "name": "汪某丁", "firm": "黄石某丙律师事务所",
     "type": "lawyer"},
    {"record": "adviser", "key": "yx-adv-05", "name": "方某戊", "firm": "阳新县司法局",
     "type": "public_lawyer"},
]
for a in ADVISERS:
    assert "胡" not in a["name"] and "邢" not in a["name"]

# Engagements (聘任): three-year terms with a fee for the whole term. The
# zone's lawyer was first engaged in 2018 (that term ended in June 2021 and is
# not counted in 2022); the public lawyer's assignment has no end date.
ENGAGEMENTS = []


def engage(key, adviser, unit, start, end, fee):
    e = {"record": "adviser_engagement", "key": key, "adviser": adviser, "unit": unit,
         "start": start}
    if end:
        e["end"] = end
    if fee is not None:
        e["fee_yuan"] = yuan(fee)
    ENGAGEMENTS.append(e)
    return e


engage("yx-ae-kfq-2018", "yx-adv-01", Z, "2018-07-01", "2021-06-30", 90000)
engage("yx-ae-kfq-2021", "yx-adv-01", Z, "2021-07-01", "2024-06-30", 90000)
engage("yx-ae-kfq-gzls", "yx-adv-05", Z, "2020-03-01", None, None)  # 公职律师: no fee
VILLAGE_ADVISER = {  # unit suffix -> (adviser, start, end)
    "v01": ("yx-adv-02", "2021-07-01", "2024-06-30"),
    "v02": ("yx-adv-02", "2021-07-01", "2024-06-30"),
    "v03": ("yx-adv-02", "2021-07-01", "2024-06-30"),
    "v04": ("yx-adv-02", "2021-07-01", "2024-06-30"),
    "v05": ("yx-adv-03", "2022-01-01", "2024-12-31"),
    "v06": ("yx-adv-03", "2022-01-01", "2024-12-31"),
    "v07": ("yx-adv-03", "2022-01-01", "2024-12-31"),
    "c01": ("yx-adv-01", "2021-07-01", "2024-06-30"),
    "c02": ("yx-adv-01", "2021-07-01", "2024-06-30"),
    "c03": ("yx-adv-04", "2021-01-01", "2023-12-31"),
    "c04": ("yx-adv-04", "2021-01-01", "2023-12-31"),
    "c05": ("yx-adv-04", "2021-01-01", "2023-12-31"),
}
ENGAGEMENT_OF = {Z: "yx-ae-kfq-2021"}  # the unit's engagement used for services
for sfx, (adv, start, end) in VILLAGE_ADVISER.items():
    unit = V.get(sfx) or C[sfx]
    ENGAGEMENT_OF[unit] = engage("yx-ae-%s-%s" % (sfx, start[:4]), adv, unit, start, end,
                                 12000)["key"]
ENGAGEMENT_BY_KEY = {e["key"]: e for e in ENGAGEMENTS}
PUBLIC_LAWYER = "yx-ae-kfq-gzls"

# Every unit that needs an adviser is covered for the whole of 2022.
for unit in REQUIRES_ADVISER:
    assert any(e["unit"] == unit and e["start"] <= "2022-01-01" and e.get("end", "9999") >= "2022-12-31"
               for e in ENGAGEMENTS), unit

# ---------------------------------------------------------------------------
# Adviser services in 2022 -- "法律顾问进社区、进机关服务时间累积超过800小时，
# 开展法律咨询、讲座等活动共30多场次。法律顾问多次参与涉法涉诉案件咨询、涉法
# 解答以及风险评估活动":
#   826.5 hours in all; 24 consultations + 10 lectures = 34 events;
#   坐班 (on_duty) most of the hours: a full day a month at the zone committee,
#   half a day a month in each village and community (none in February, the
#   Spring Festival month); document, contract and decision reviews; litigation
#   consultations, petition and mediation support tied to the year's cases in
#   mediation.ndjson and petitions.ndjson; risk assessments.
# Hours are kept in half-hours; every service is on a working day of 2022,
# inside its engagement.
# ---------------------------------------------------------------------------
TARGET_HALVES = 1653  # 826.5 hours
SERVICES = []


def serve(unit, day, kind, halves, topic, participants=None, on_site=True, engagement=None):
    d = check_working(D(day) if isinstance(day, str) else day, "service")
    SERVICES.append({"engagement": engagement or ENGAGEMENT_OF[unit], "unit": unit, "date": d,
                     "kind": kind, "halves": halves, "participants": participants,
                     "on_site": on_site, "topic": topic})


# -- 坐班: the zone committee, one full day a month (进机关).
for month in range(1, 13):
    lo, hi = month_range(month)
    serve(Z, s_working_day(lo, hi), "on_duty", 16, "管委会机关坐班：接待企业和群众法律咨询",
          participants=SRNG.randint(4, 12))
# -- 坐班: each village and community, half a day a month except February (进社区).
for unit in VC_CODES:
    place = "村" if UNIT_BY_CODE[unit]["kind"] == "village" else "社区"
    for month in [1] + list(range(3, 13)):
        lo, hi = month_range(month, 23 if month == 12 else None)
        serve(unit, s_working_day(lo, hi), "on_duty", SRNG.choice([6, 7, 8, 8, 9]),
              "%s坐班：接待群众法律咨询" % place, participants=SRNG.randint(2, 9))

# -- 法律咨询 (24): special sessions at the zone's enterprises and in the villages
#    and communities.
CONSULTATION_TOPICS = {
    "zone": ["园区企业用工合规法律咨询", "园区企业合同管理法律咨询", "企业安全生产责任法律咨询",
             "企业知识产权保护法律咨询", "企业劳动用工风险防范咨询", "企业债权清收法律咨询"],
    "village": ["征地补偿安置政策法律咨询", "宅基地与土地承包经营权法律咨询", "婚姻家庭与继承法律咨询",
                "农村民间借贷风险法律咨询", "外出务工欠薪维权法律咨询", "赡养与抚养纠纷法律咨询"],
    "community": ["物业服务合同纠纷法律咨询", "还建房产权办理法律咨询", "婚姻家庭与继承法律咨询",
                  "消费维权法律咨询", "劳动合同与工资支付法律咨询", "防范养老诈骗法律咨询"],
}
consult_units = [Z] * 6 + VC_CODES + SRNG.sample(VC_CODES, 6)
consult_months = [m for m in range(1, 13) for _ in range(2)]  # two a month
SRNG.shuffle(consult_months)
for unit, month in zip(consult_units, consult_months):
    lo, hi = month_range(month, 23 if month == 12 else None)
    kind = "zone" if unit == Z else UNIT_BY_CODE[unit]["kind"]
    serve(unit, s_working_day(lo, hi), "consultation", SRNG.choice([3, 4, 4, 5, 6]),
          SRNG.choice(CONSULTATION_TOPICS[kind]), participants=SRNG.randint(6, 30))

# -- 法治讲座 (10).
LECTURES = [
    (C["c01"], "2022-03-15", 4, "“3·15”消费者权益保护法律知识讲座", 60),
    (Z, "2022-04-15", 4, "4·15全民国家安全教育日：国家安全法专题讲座", 80),
    (C["c02"], "2022-05-19", 4, "民法典婚姻家庭编专题讲座", 70),
    (V["v05"], "2022-06-09", 3, "防范电信网络诈骗和非法集资法律讲座", 55),
    (Z, "2022-07-14", 5, "行政处罚法专题讲座（机关干部和执法队员）", 45),
    (V["v02"], "2022-08-11", 4, "土地管理法与农村宅基地政策讲座", 50),
    (Z, "2022-09-15", 4, "劳动合同法专题讲座（园区企业人事负责人）", 65),
    (C["c04"], "2022-10-20", 4, "物业管理法律法规与业主权利讲座", 60),
    (V["v07"], "2022-11-17", 3, "民法典继承编与赡养义务讲座", 45),
    (C["c05"], "2022-12-02", 4, "宪法宣传周：宪法知识讲座", 80),
]
for unit, day, halves, topic, n in LECTURES:
    serve(unit, day, "lecture", halves, topic, participants=n)

# -- 文件审查: the zone's documents by the public lawyer; 村规民约 by the village
#    and community advisers.
for day, topic in [("2022-02-22", "管委会规范性文件合法性审查：企业入园管理办法"),
                   ("2022-04-20", "管委会文件合法性审查：园区环境卫生管理规定"),
                   ("2022-06-15", "管委会文件合法性审查：还建安置小区管理办法"),
                   ("2022-09-06", "管委会文件合法性审查：涉企检查事项清单"),
                   ("2022-11-29", "管委会文件合法性审查：2023年度重点工作方案")]:
    serve(Z, day, "document_review", SRNG.choice([4, 5, 6]), topic, on_site=False,
          engagement=PUBLIC_LAWYER)
for sfx in ("v01", "v04", "v07", "c03", "c05"):
    unit = V.get(sfx) or C[sfx]
    serve(unit, s_working_day(D("2022-03-01"), D("2022-05-31")), "document_review",
          SRNG.choice([4, 5]), "村规民约（居民公约）修订合法性审查", on_site=False)
# -- 决策审查: the public lawyer's legality opinions on two draft decisions.
serve(Z, "2022-03-24", "decision_review", 8, "重大行政决策草案合法性审查：园区企业扶持奖励办法",
      on_site=False, engagement=PUBLIC_LAWYER)
serve(Z, "2022-08-30", "decision_review", 8, "重大行政决策草案合法性审查：还建安置小区物业服务收费标准",
      on_site=False, engagement=PUBLIC_LAWYER)
# -- 合同审查: the zone's contracts, and the villages' collective contracts.
ZONE_CONTRACTS = ["招商引资项目投资协议", "标准化厂房租赁合同", "园区道路工程施工合同",
                  "征地补偿安置协议文本", "还建安置小区物业服务合同", "政府采购服务合同",
                  "园区绿化养护服务合同", "企业入园协议补充条款", "园区污水管网工程施工合同"]
for i, topic in enumerate(ZONE_CONTRACTS):
    lo, hi = month_range(1 + i * 11 // len(ZONE_CONTRACTS) + (1 if i % 2 else 0))
    serve(Z, s_working_day(lo, hi), "contract_review", SRNG.choice([4, 5, 6]), "合同审查：" + topic,
          on_site=False)
for sfx, topic in [("v01", "村集体土地租赁合同"), ("v03", "村集体资产发包合同"), ("v04", "村级道路硬化工程施工合同"),
                   ("v06", "村集体鱼塘承包合同"), ("c02", "社区办公用房租赁合同")]:
    unit = V.get(sfx) or C[sfx]
    serve(unit, s_working_day(D("2022-02-07"), D("2022-11-30")), "contract_review",
          SRNG.choice([3, 4]), "合同审查：" + topic, on_site=False)
# -- 涉法涉诉案件咨询 (litigation).
serve(Z, "2022-04-13", "litigation", 8, "涉诉案件咨询：园区企业买卖合同纠纷诉讼风险分析与应诉指导")
serve(Z, "2022-07-19", "litigation", 7, "涉诉案件咨询：征地补偿协议履行争议诉讼风险研判")
serve(C["c02"], "2022-09-07", "litigation", 6, "涉诉案件咨询：还建房买卖合同纠纷导入诉讼指导")
serve(Z, "2022-11-23", "litigation", 6, "涉诉案件咨询：劳动争议仲裁和诉讼程序指导（园区企业）")
# -- 涉法解答 in petitions (petition_support), with the petitions of petitions.ndjson.
serve(Z, "2022-05-18", "petition_support", 6, "领导接访日陪同接访：涉法涉诉执行和司法救助信访事项法律解答")
serve(Z, "2022-06-22", "petition_support", 6, "出具法律意见：协调申请司法救助和追回执行款")
serve(V["v05"], "2022-03-16", "petition_support", 4, "接访日法律解答：土地承包经营权调整信访事项")
serve(Z, "2022-09-21", "petition_support", 8, "参与征地拆迁安置信访积案研判（领导包案）")
serve(Z, "2022-10-17", "petition_support", 8, "参与信访积案化解会商并出具法律意见")
serve(V["v06"], "2022-12-21", "petition_support", 4, "领导接访日法律解答：村组集体经济收益分配")
# -- 参与调解, with the year's notable disputes of mediation.ndjson.
serve(Z, "2022-01-13", "mediation_support", 6, "参与农民工工资纠纷联合调解（防止群体性事件）")
serve(Z, "2022-03-22", "mediation_support", 6, "参与道路交通事故致人死亡赔偿纠纷调解")
serve(Z, "2022-05-24", "mediation_support", 8, "参与建筑工地高处坠落死亡赔偿纠纷调解")
serve(V["v03"], "2022-06-28", "mediation_support", 9, "参与征地补偿款分配纠纷调解")
serve(Z, "2022-08-24", "mediation_support", 7, "参与厂房建设工程款纠纷调解")
serve(Z, "2022-11-10", "mediation_support", 6, "参与职工工作中突发疾病死亡赔偿纠纷调解")
# -- 风险评估.
serve(Z, "2022-03-09", "risk_assessment", 12, "园区道路建设项目征地拆迁社会稳定风险评估")
serve(V["v03"], "2022-06-08", "risk_assessment", 8, "村集体土地租赁项目法律风险评估")
serve(Z, "2022-08-17", "risk_assessment", 12, "还建安置小区建设项目社会稳定风险评估")
serve(Z, "2022-11-16", "risk_assessment", 10, "招商引资项目投资协议法律风险评估")

# Bring the total to exactly 826.5 hours: half-hour steps on the village and
# community 坐班 sessions, kept between 3 and 5 hours.
duty = [s for s in SERVICES if s["kind"] == "on_duty" and s["unit"] != Z]
diff = TARGET_HALVES - sum(s["halves"] for s in SERVICES)
while diff:
    step = 1 if diff > 0 else -1
    s = SRNG.choice(duty)
    if 6 <= s["halves"] + step <= 10:
        s["halves"] += step
        diff -= step

SERVICES.sort(key=lambda s: (s["date"], s["unit"], s["kind"]))
for i, s in enumerate(SERVICES, start=1):
    s["key"] = "yx-as-2022-%03d" % i

# -- Checks: the seed's figures, and the rules of adviser.cpp.
assert sum(s["halves"] for s in SERVICES) == TARGET_HALVES  # 826.5 hours (> 800)
assert sum(s["kind"] in ("consultation", "lecture") for s in SERVICES) == 34  # "30多场次"
for s in SERVICES:
    e = ENGAGEMENT_BY_KEY[s["engagement"]]
    assert e["unit"] == s["unit"]
    assert e["start"] <= s["date"].isoformat() <= e.get("end", "9999-12-31")
    assert s["date"].year == 2022 and 0 < s["halves"] <= 48


def service_line(s):
    rec = {"record": "adviser_service", "key": s["key"], "engagement": s["engagement"],
           "date": s["date"].isoformat(), "kind": s["kind"], "hours": hours_value(s["halves"])}
    if s["participants"] is not None:
        rec["participants"] = s["participants"]
    rec["on_site"] = s["on_site"]
    rec["topic"] = s["topic"]
    return rec


# ---------------------------------------------------------------------------
# Learning the law and legal education (学法用法与普法) -- section 一、3 of the
# report: the 法宣在线 online learning and the province-wide paperless exam
# ("参学率、参考率、优秀率达到三个100%") for the zone's 68 state functionaries;
# the 党工委理论学习中心组's sessions on 宪法、选举法、网络安全法、民法典、行政处罚法;
# 宪法宣传周, 12·4 and 4·15; 民法典专题学习; 法治文化进校园 and the youth week;
# 《宪法》《民法典》读本 for community residents; the 二十大 宣讲团; the
# training of 法律明白人; and a few activities of the villages and communities
# (市民学校, 家长学校, 集中学法).
# ---------------------------------------------------------------------------
OFFICIALS = 68
CENTRE_GROUP = 11  # members of the 党工委理论学习中心组
LAW = {
    "宪法": "中华人民共和国宪法",
    "选举法": "中华人民共和国全国人民代表大会和地方各级人民代表大会选举法",
    "网络安全法": "中华人民共和国网络安全法",
    "民法典": "中华人民共和国民法典",
    "行政处罚法": "中华人民共和国行政处罚法",
    "国家安全法": "中华人民共和国国家安全法",
    "反电信网络诈骗法": "中华人民共和国反电信网络诈骗法",
    "未成年人保护法": "中华人民共和国未成年人保护法",
    "预防未成年人犯罪法": "中华人民共和国预防未成年人犯罪法",
    "土地管理法": "中华人民共和国土地管理法",
}

# 法律明白人: a batch for the seven villages in June and one for the five
# communities in November, three or four in each; most of the June batch
# certified (认定) by the year's end, the November batch not yet.
LITERATES = []
literate_names = set()
for unit, day in [(u, "2022-06-16") for u in V.values()] + [(u, "2022-11-17") for u in C.values()]:
    for j in range(SRNG.choice([3, 4, 4])):
        LITERATES.append({"record": "legal_literate", "key": "yx-ll-%s-%02d" % (suffix(unit), j + 1),
                          "unit": unit, "name": s_person(literate_names), "trained": day,
                          "certified": day < "2022-07-01" and SRNG.random() < 0.8})
for name in literate_names:
    assert "胡" not in name and "邢" not in name
BATCH = {day: sum(lt["trained"] == day for lt in LITERATES) for day in ("2022-06-16", "2022-11-17")}
for unit in VC_CODES:
    assert sum(lt["unit"] == unit for lt in LITERATES) >= 3  # default min_per_village

CAMPAIGNS = []


def campaign(unit, title, kind, start, end=None, theme=None, laws=(), audience=None, **figures):
    rec = {"record": "training_campaign", "unit": unit, "title": title, "kind": kind}
    if theme:
        rec["theme"] = theme
    if laws:
        rec["laws"] = [LAW[x] for x in laws]
    if audience:
        rec["audience"] = audience
    rec["start"] = start
    rec["end"] = end or start  # a one-day activity ends the day it starts
    for f in ("expected", "attended", "exam_taken", "exam_passed", "exam_excellent",
              "materials_distributed"):
        if f in figures:
            rec[f] = figures.pop(f)
    assert not figures, figures
    CAMPAIGNS.append(rec)


campaign(Z, "2022年度“法宣在线”无纸化学法", "online_learning", "2022-01-04", "2022-12-30",
         theme="无纸化学法用法", audience="officials", expected=OFFICIALS, attended=OFFICIALS)
campaign(Z, "党工委理论学习中心组学法：宪法和选举法", "study_session", "2022-02-24",
         theme="中心组学法", laws=("宪法", "选举法"), audience="officials",
         expected=CENTRE_GROUP, attended=CENTRE_GROUP)
campaign(V["v07"], "竹园湾村党员群众集中学法", "lecture", "2022-03-10", theme="村组集中学法",
         laws=("民法典", "土地管理法"), audience="public", attended=46)
campaign(Z, "党工委理论学习中心组学法：网络安全法", "study_session", "2022-04-07",
         theme="中心组学法", laws=("网络安全法",), audience="officials",
         expected=CENTRE_GROUP, attended=CENTRE_GROUP - 1)
campaign(Z, "4·15全民国家安全教育日主题宣传", "theme_event", "2022-04-15",
         theme="4·15全民国家安全教育日", laws=("国家安全法",), audience="public",
         attended=620, materials_distributed=900)
campaign(Z, "民法典专题学习", "study_session", "2022-05-12", "2022-05-31", theme="民法典",
         laws=("民法典",), audience="officials", expected=OFFICIALS, attended=OFFICIALS - 3)
campaign(Z, "民法典宣传月进社区", "theme_event", "2022-05-16", "2022-05-31", theme="民法典宣传月",
         laws=("民法典",), audience="public", attended=980)
campaign(Z, "向社区群众发放《民法典》读本", "materials_distribution", "2022-05-16", "2022-05-31",
         theme="民法典", laws=("民法典",), audience="public", materials_distributed=2000)
campaign(Z, "青少年法制教育宣传周", "school_program", "2022-06-06", "2022-06-10",
         theme="青少年法制教育宣传周", laws=("未成年人保护法", "预防未成年人犯罪法"),
         audience="students", attended=1350)
campaign(Z, "法律明白人培训（村）", "legal_literate_training", "2022-06-16", theme="法律明白人培养",
         laws=("宪法", "民法典", "土地管理法"), audience="legal_literates",
         expected=BATCH["2022-06-16"], attended=BATCH["2022-06-16"])
campaign(Z, "党工委理论学习中心组学法：行政处罚法", "study_session", "2022-07-07",
         theme="中心组学法", laws=("行政处罚法",), audience="officials",
         expected=CENTRE_GROUP, attended=CENTRE_GROUP)
campaign(C["c01"], "新港社区市民学校法治课堂", "lecture", "2022-08-18", theme="市民学校",
         laws=("民法典",), audience="public", attended=58)
campaign(Z, "法治文化进校园", "school_program", "2022-09-13", "2022-09-30", theme="法治文化进校园",
         laws=("宪法", "未成年人保护法"), audience="students", attended=900)
campaign(C["c03"], "白沙社区家长学校道德讲堂和“微党课”", "other", "2022-09-22", theme="家长学校",
         laws=("未成年人保护法",), audience="public", attended=64)
campaign(Z, "2022年度全省国家工作人员无纸化学法用法考试", "exam", "2022-10-24", "2022-11-30",
         theme="无纸化学法用法", audience="officials", expected=OFFICIALS, exam_taken=OFFICIALS,
         exam_passed=OFFICIALS, exam_excellent=OFFICIALS)
campaign(Z, "党的二十大精神宣讲团巡回宣讲", "lecture", "2022-11-02", "2022-12-16",
         theme="学习宣传贯彻党的二十大精神", audience="public", attended=1860)
campaign(Z, "法律明白人培训（社区）", "legal_literate_training", "2022-11-17", theme="法律明白人培养",
         laws=("宪法", "民法典", "反电信网络诈骗法"), audience="legal_literates",
         expected=BATCH["2022-11-17"], attended=BATCH["2022-11-17"])
campaign(Z, "宪法宣传周", "theme_event", "2022-12-01", "2022-12-07", theme="宪法宣传周",
         laws=("宪法",), audience="public", attended=1400)
campaign(Z, "向社区群众发放《宪法》读本", "materials_distribution", "2022-12-01", "2022-12-07",
         theme="宪法宣传周", laws=("宪法",), audience="public", materials_distributed=1600)
campaign(Z, "12·4国家宪法日集中宣传", "theme_event", "2022-12-04", theme="12·4国家宪法日",
         laws=("宪法",), audience="public", attended=520, materials_distributed=800)
campaign(Z, "党工委理论学习中心组学法：民法典", "study_session", "2022-12-08",
         theme="中心组学法", laws=("民法典",), audience="officials",
         expected=CENTRE_GROUP, attended=CENTRE_GROUP)
CAMPAIGNS.sort(key=lambda c: c["start"])  # stable
for i, c in enumerate(CAMPAIGNS, start=1):
    CAMPAIGNS[i - 1] = {"record": c.pop("record"), "key": "yx-tc-2022-%02d" % i, **c}

# -- Checks: "参学率、参考率、优秀率达到三个100%", and the rules of training.cpp.
for c in CAMPAIGNS:
    assert c["start"] <= c["end"] and c["start"][:4] == "2022"
    assert c.get("attended", 0) <= c.get("expected", 1 << 30)
    assert c.get("exam_taken", 0) <= c.get("expected", 1 << 30)
    assert c.get("exam_excellent", 0) <= c.get("exam_passed", 0) <= c.get("exam_taken", 0)
online = [c for c in CAMPAIGNS if c["kind"] == "online_learning" and c["audience"] == "officials"]
exams = [c for c in CAMPAIGNS if c["kind"] == "exam" and c["audience"] == "officials"]
assert sum(c["attended"] for c in online) == sum(c["expected"] for c in online)
assert sum(c["exam_taken"] for c in exams) == sum(c["expected"] for c in exams)
assert sum(c["exam_excellent"] for c in exams) == sum(c["exam_taken"] for c in exams)

# ---------------------------------------------------------------------------
# The first responsible persons (第一责任人) -- section 三: the 法治开发区建设领导
# 小组 meetings, reports heard, the Party secretary's law and Party lectures,
# the leadership's collective study and the 习近平法治思想 lecture, matters
# supervised in person. Leaders are given by title, never by name.
# ---------------------------------------------------------------------------
SECRETARY, DIRECTOR = "党工委书记", "管委会主任"
LEADERSHIP = [
    ("2022-01-12", "inspection", SECRETARY, "督办春节前园区农民工工资清欠和欠薪纠纷化解"),
    ("2022-02-16", "leading_group_meeting", SECRETARY,
     "法治开发区建设领导小组会议：部署2022年法治建设工作要点"),
    ("2022-03-17", "study_session", SECRETARY, "领导班子集体学法：中华人民共和国行政处罚法"),
    ("2022-04-14", "report_heard", SECRETARY, "党工委会议听取一季度法治建设工作汇报"),
    ("2022-05-26", "lecture_by_leader", SECRETARY, "为机关干部上法治课：民法典与基层治理"),
    ("2022-06-23", "study_session", DIRECTOR, "领导班子集体学法：习近平法治思想专题讲座"),
    ("2022-06-30", "lecture_by_leader", SECRETARY, "“七一”专题党课：坚持依法治区，建设法治开发区"),
    ("2022-07-13", "report_heard", DIRECTOR, "主任办公会听取上半年法治政府建设工作汇报"),
    ("2022-07-21", "leading_group_meeting", SECRETARY,
     "法治开发区建设领导小组会议：部署行政执法“一体四化”先行区创建"),
    ("2022-08-18", "inspection", SECRETARY, "督办行政执法“一体四化”先行区创建专班工作"),
    ("2022-09-20", "inspection", SECRETARY, "督办征地拆迁安置信访积案化解（领导包案）"),
    ("2022-10-13", "report_heard", SECRETARY, "党工委会议听取三季度法治建设和矛盾纠纷化解工作汇报"),
    ("2022-11-03", "study_session", SECRETARY, "领导班子集体学习党的二十大报告关于全面依法治国的论述"),
    ("2022-11-24", "lecture_by_leader", SECRETARY, "宣讲党的二十大精神：坚持全面依法治国"),
    ("2022-12-15", "inspection", DIRECTOR, "督办法治建设工作要点落实情况年终考核"),
    ("2022-12-22", "report_heard", SECRETARY, "党工委会议听取全年法治建设工作汇报"),
    ("2022-12-28", "leading_group_meeting", SECRETARY,
     "法治开发区建设领导小组会议：总结2022年工作，研究2023年工作安排"),
]
ACTIVITIES = []
for i, (day, kind, leader, topic) in enumerate(LEADERSHIP, start=1):
    check_working(D(day), "leadership activity")
    ACTIVITIES.append({"record": "leadership_activity", "key": "yx-la-2022-%02d" % i, "unit": Z,
                       "date": day, "kind": kind, "leader": leader, "topic": topic})
assert [a["date"] for a in ACTIVITIES] == sorted(a["date"] for a in ACTIVITIES)


def services_lines():
    yield from ADVISERS
    yield from ENGAGEMENTS
    for s in SERVICES:
        yield service_line(s)
    yield from CAMPAIGNS
    yield from LITERATES
    yield from ACTIVITIES


# ---------------------------------------------------------------------------
# The report's text (narratives.ndjson): what the records cannot give -- the
# preamble, measures without records of their own, the four shortcomings, the
# leadership paragraphs and the eight plans for 2023. Written afresh in the
# style of such reports; the substance follows the zone's report, the wording
# does not copy it.
# ---------------------------------------------------------------------------
NARRATIVES = {
    "preamble": [
        (None,
         "2022年，在县委、县政府的坚强领导和县委政法委的指导支持下，开发区党工委、管委会认真贯彻"
         "中央和省、市、县关于法治建设的决策部署，把抓好干部学法用法作为突破口，把建成法治开发区"
         "作为奋斗目标，切实担负起党政领导推进法治建设的责任，统筹抓好科学民主依法决策、依法治理"
         "园区、严格规范执法和全民普法等重点工作，开发区各项工作运行在法治轨道上的基础更加牢固。"
         "现将本年度法治政府建设情况报告如下。"),
    ],
    "measures": [
        ("创建行政执法“一体四化”先行区",
         "对照行政执法“一体四化”先行区的创建要求，开发区抽调骨干组建工作专班，研究出台创建实施方案，"
         "逐项明确任务清单、责任主体和完成时限。创建工作与行政执法公示、执法全过程记录、重大执法决定"
         "法制审核“三项制度”的落实同步推进、一并督导，以创建带动规范、以规范提升质效，执法工作的"
         "规范化水平明显提高。"),
        ("深化“放管服”改革，创新监管方式",
         "持续推进简政放权、放管结合、优化服务改革，对涉及企业的收费、检查、摊派以及评比达标表彰事项"
         "进行全面清理，没有依据的一律取消，切实为企业减负。监管重心向事中事后转移，推动监管数据统一"
         "口径、规范采集，依托“互联网+监管”方式开展日常监管，做到监管过程留痕、有据可查。"),
        ("制定“八五”普法规划，拓展基层普法阵地",
         "立足开发区实际编制“八五”普法规划，明确五年普法的重点对象、重点内容和分年度任务。支持各村"
         "（社区）开办市民学校，推动辖区中小学依托家长学校开设道德讲堂和“微党课”，村组、社区定期组织"
         "党员群众集中学习法律知识和法治建设政策，普法阵地不断向基层延伸。"),
        ("学用结合，推动法律知识转化为工作能力",
         "坚持学以致用，把学法成果运用到行政决策、行政管理和行政监督的具体工作中。研究重大事项、签订"
         "重要合同、处理群众诉求时，主动对照法律规定、听取法律顾问意见，推动机关各项工作依法规范运行。"),
    ],
    "shortcomings": [
        ("人员和经费保障有待加强",
         "受经济下行压力加大、财政收支平衡趋紧的影响，基层法治工作专业力量配备不足，法治建设经费投入"
         "有限，部分工作主要依靠兼职人员推动。这一问题需要在今后工作中通过统筹整合现有资源逐步解决。"),
        ("学法与用法结合不够紧密",
         "部分党员干部学法停留在浏览过、知道了的层面，钻研不深、思考不透，存在按需取舍、只学与本职直接"
         "相关法律的实用主义倾向；把法治要求融入基层具体工作的意识和本领仍有差距。"),
        ("司法服务的质量和能力有待提升",
         "化解矛盾纠纷的渠道还不够顺畅，在依法保障各类企业平等享受政策、平等获取要素资源、公平参与市场"
         "竞争方面用力还不够。究其原因，一是部分群众法治意识不强，对司法工作仍有误解；二是可以提供的"
         "司法服务手段不多、方式单一。"),
        ("普法的形式和效果有待改进",
         "普法宣传仍以发放资料、悬挂横幅、举办讲座等传统方式为主，难以适应群众多层次、多样化的学法需求。"
         "少数群众法治观念淡薄，不配合执法、不通过法律途径表达诉求的情况仍时有发生，普法工作的针对性"
         "和实效性需进一步增强。"),
    ],
    "leadership": [
        ("健全组织保障",
         "开发区成立了由党工委书记任组长、政法委员具体牵头、其他班子成员共同参与的法治开发区建设领导"
         "小组，推动党政主要负责人切实扛起推进法治建设第一责任人的职责。各村（居）和各单位相应成立法治"
         "政府建设工作领导小组，把法治建设摆在全局工作的突出位置统筹谋划、协同推进，通过定期听取汇报、"
         "专题研究部署，层层压实责任、明确分工，确保各项目标任务按质按量完成。"),
        ("带头学法用法",
         "党工委书记坚持带头学法、模范守法、依法办事，不定期为党员干部讲授法治课和党课。依托党工委理论"
         "学习中心组，系统学习习近平法治思想和中央全面依法治国委员会历次会议精神；组织领导班子集体学法，"
         "举办习近平法治思想专题讲座，班子成员增强“四个意识”、坚定“四个自信”、做到“两个维护”的"
         "自觉性进一步提高，运用法治思维和法治方式推动工作的能力明显增强。"),
        ("压实责任落实",
         "党工委书记把法治开发区建设作为分内之责，重要工作亲自安排、重大问题亲自过问、关键环节亲自督办，"
         "将法治建设与经济发展、项目建设、社会治理等工作一同部署、一同调度。结合区情制定年度法治建设"
         "工作要点，由区综治中心牵头，会同安全办、党政办开展督导检查，并将工作要点的落实情况纳入村"
         "（社区）和部门绩效考核，以考核促进落实、保障成效。"),
    ],
    "plans": [
        ("加强组织领导，形成工作合力",
         "开发区党工委、管委会把法治政府建设纳入全区重点工作统一部署，坚持主要领导总负责、分管领导分块"
         "抓、职能部门具体办、领导小组统筹协调的工作机制，充实法治开发区建设工作领导小组力量，健全配套"
         "制度。对法治开发区建设考核中发现的问题，明确由分管领导负责整改，逐项制定整改目标和措施，推动"
         "形成统一部署、齐抓共管、各负其责的工作格局。"),
        ("创新宣传方式，深化法治教育",
         "用好村（社区）广播、微信公众号、短视频、微博等平台，宣传阐释习近平法治思想，开展公益性社会主义"
         "法治文化传播，努力实现基层法治宣传全覆盖、多媒体联动。加强与县书画、作家、摄影等协会的合作，"
         "征集以法治为主题的书画、漫画、摄影和文学作品，到村、社区巡回展出。组织群众旁听庭审、参加以案"
         "释法活动，让审判、执法、调解和法律服务的过程成为面向群众的普法过程。"),
        ("扩大公众参与，健全依法决策机制",
         "进一步完善基层重大决策法律审查机制，严格落实公众参与、专家论证、听证、风险评估、合法性审查和"
         "集体讨论决定等程序，提高决策的科学化、民主化水平。深化“一村（社区）一法律顾问”建设，发挥法律"
         "顾问在村（社区）依法决策中的把关作用。"),
        ("推进政务公开，规范文件管理",
         "严格规范性文件合法性审核，凡未经法定程序和法制审核的一律不得发布施行；加强备案管理，严格按程序"
         "公布，强化备案后的审查监督。扩大基层政务公开的范围和内容，准确、及时、全面公开开发区和村组、"
         "社区的重要信息，完善信息公开平台的配套建设。"),
        ("严明执法纪律，加强法治队伍建设",
         "面向全区机关干部、社区工作人员和驻村工作队，经常性、分类别开展法律法规和业务知识培训，着力建设"
         "“法律明白人”队伍。加强公正执法、纪律作风和职业道德教育，提升队伍的业务能力、依法行政能力和"
         "执法水平，适应依法行政的新要求。"),
        ("强化监督问责，落实行政执法责任制",
         "完善开发区和村（社区）领导班子绩效考核办法，健全对下级行政机关的监督制度，加强日常监督检查，"
         "发现问题及时交由分管领导督促整改。综合运用各类监督方式，畅通群众投诉举报渠道，加大对重点领域、"
         "重点行业和重点工作的监督力度，依法查处违法行使职权和不作为、乱作为行为，提升基层依法行政效能。"),
        ("做实人民调解，维护社会稳定",
         "建强用好开发区综治中心和矛盾纠纷调解中心，发挥人民调解化解矛盾的“第一道防线”作用，规范村级"
         "调解委员会建设，充实调解员队伍，加强调解员业务培训，提升调解工作专业化水平，努力做到小矛盾"
         "就地化解、一般纠纷不出村（社区）、矛盾不上交。"),
        ("深化“放管服”改革，持续优化营商环境",
         "牢固树立服务群众、服务企业的理念，把简政放权、放管结合和转变职能的成效体现在优化服务上，不断"
         "提高企业和群众对管委会工作的满意度。加强政务服务平台建设，重点解决企业和群众办事难、办证难"
         "问题，公开办事流程和标准，杜绝推诿扯皮、流程不清等现象。"),
    ],
}
assert len(NARRATIVES["shortcomings"]) == 4 and len(NARRATIVES["leadership"]) == 3
assert len(NARRATIVES["plans"]) == 8  # the report lists eight plans for 2023


def narratives_lines():
    for section in ("preamble", "measures", "shortcomings", "leadership", "plans"):
        for order, (heading, body) in enumerate(NARRATIVES[section], start=1):
            assert "胡" not in body and "邢" not in body
            rec = {"record": "narrative", "key": "yx-nar-2022-%s-%02d" % (section, order), "unit": Z,
                   "year": 2022, "section": section}
            if heading:
                rec["heading"] = heading
            rec["body"] = body
            rec["order"] = order
            yield rec


# ---------------------------------------------------------------------------
# Output: committees first, then each case followed by its actions; each
# petition followed by its actions. UTF-8, Chinese unescaped, "\n" line ends.
# ---------------------------------------------------------------------------
def write(name, lines):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for obj in lines:
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return path


def mediation_lines():
    yield from COMMITTEES
    for c in CASES:
        yield from case_lines(c)


def petitions_lines():
    for p in PETITIONS:
        yield from petition_lines(p)


if __name__ == "__main__":
    write("mediation.ndjson", mediation_lines())
    write("petitions.ndjson", petitions_lines())
    print("mediation.ndjson: %d committees, %d cases" % (len(COMMITTEES), len(CASES)))
    print("petitions.ndjson: %d petitions" % len(PETITIONS))
    write("services.ndjson", services_lines())
    write("narratives.ndjson", narratives_lines())
    print("services.ndjson: %d advisers, %d engagements, %d services (%s hours), %d campaigns, "
          "%d legal literates, %d leadership activities"
          % (len(ADVISERS), len(ENGAGEMENTS), len(SERVICES), hours_value(TARGET_HALVES),
             len(CAMPAIGNS), len(LITERATES), len(ACTIVITIES)))
    print("narratives.ndjson: %d narratives" % sum(len(v) for v in NARRATIVES.values()))
