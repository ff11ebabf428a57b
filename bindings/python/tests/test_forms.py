"""define_form / forms / form / form_file: statistics forms from Python."""

from __future__ import annotations

import unittest

import fazhi
from fztest import SAMPLE, FazhiTestCase, raises


class FormTest(FazhiTestCase):
    def setUp(self) -> None:
        super().setUp()
        for name in ("org_units.ndjson", "mediation.ndjson"):
            assert self.db.import_records(SAMPLE / name)["rejected"] == 0

    def test_the_mediation_form_totals_are_the_zones_indicators(self) -> None:
        form = self.db.form("mediation", "yx-kfq", "2022")
        part = form["parts"][0]
        totals = [c["value"] for c in part["totals"]["cells"]]
        assert totals[:3] == [136, 134, 132]
        rate = part["totals"]["cells"][3]
        assert (rate["numerator"], rate["denominator"], rate["text"]) == (132, 134, "98.5%")
        assert rate["value"] == self.db.indicator("mediation.success_rate", "yx-kfq", "2022").value
        assert part["totals"]["cells"][4]["fen"] == 838700000
        assert part["rows"][-1]["label"] == "阳新经济开发区管委会本级"

    def test_csv_and_xlsx(self) -> None:
        csv = self.db.form("mediation", "yx-kfq", "2022", "csv")
        assert csv.startswith("\ufeff矛盾纠纷排查化解情况统计表\r\n")
        path = self.tmp / "m.xlsx"
        self.db.form_file("mediation", "yx-kfq", "2022", path)
        assert path.read_bytes()[:2] == b"PK"
        with raises(fazhi.ArgumentError) as r:
            self.db.form_file("mediation", "yx-kfq", "2022", self.tmp / "m.pdf", "pdf")
        assert "format" in str(r.value)

    def test_a_host_form_is_stored_and_a_bad_one_refused_by_field(self) -> None:
        self.db.define_form(code="custom.t", title="测试表",
                            parts=[{"rows": {"units": "children"},
                                    "columns": [{"code": "mediation.received"}]}])
        assert [f["code"] for f in self.db.forms()] == ["mediation", "enforcement", "adviser", "custom.t"]
        assert self.db.form("custom.t", "yx-kfq", "2022")["parts"][0]["totals"]["cells"][0]["value"] == 136
        with raises(fazhi.ArgumentError) as r:
            self.db.define_form(code="custom.t", title="测试表",
                                parts=[{"rows": {"units": "children"},
                                        "columns": [{"code": "mediation.recieved"}]}])
        assert str(r.value).startswith("parts[0].columns[0].code: unknown indicator code")
        with raises(fazhi.NotFoundError):
            self.db.form("custom.none", "yx-kfq", "2022")


if __name__ == "__main__":
    unittest.main()
