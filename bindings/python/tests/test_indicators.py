"""indicator / indicators / explain / define_indicator / findings / report."""

from __future__ import annotations

import dataclasses
import json
import math
import re
import unittest

import fazhi
from fztest import SAMPLE, FazhiTestCase, raises


class SampleTestCase(FazhiTestCase):
    def setUp(self) -> None:
        super().setUp()
        for name in ("org_units.ndjson", "mediation.ndjson"):
            assert self.db.import_records(SAMPLE / name)["rejected"] == 0


class IndicatorTest(SampleTestCase):
    def test_ok_value_is_a_frozen_dataclass_with_numerator_and_denominator(self) -> None:
        v = self.db.indicator("mediation.success_rate", "yx-kfq", "2022")
        assert isinstance(v, fazhi.IndicatorValue)
        assert v.status == "ok" and v.ok
        assert v.numerator == 132.0
        assert v.denominator == 134.0
        assert math.isclose(v.value, 13200 / 134)
        assert "%.1f" % v.value == "98.5"
        assert (v.code, v.unit, v.period) == ("mediation.success_rate", "yx-kfq", "2022")
        with raises(dataclasses.FrozenInstanceError):
            v.value = 0.0  # type: ignore[misc]

    def test_no_data_value_is_none(self) -> None:
        v = self.db.indicator("mediation.success_rate", "yx-kfq", "2021")
        assert v.status == "no_data" and not v.ok
        assert v.value is None
        assert v.numerator == 0.0 and v.denominator == 0.0

    def test_period_may_be_an_int_year(self) -> None:
        assert self.db.indicator("mediation.received", "yx-kfq", 2022).value == 136.0

    def test_keyword_parameters_reach_the_indicator(self) -> None:
        assert self.db.indicator("mediation.large_amount", "yx-kfq", "2022").value == 3.0
        lowered = self.db.indicator("mediation.large_amount", "yx-kfq", "2022", min_yuan=1000)
        assert lowered.value > 3.0

    def test_unknown_code_raises_argument_error(self) -> None:
        with raises(fazhi.ArgumentError) as r:
            self.db.indicator("mediation.nothing", "yx-kfq", "2022")
        assert "mediation.nothing" in r.value.message

    def test_indicators_returns_the_selected_codes_as_json(self) -> None:
        result = self.db.indicators("yx-kfq", "2022",
                                    codes=["mediation.success_rate", "mediation.received"])
        assert result["unit"] == "yx-kfq" and result["period"] == "2022"
        by_code = {i["code"]: i for i in result["indicators"]}
        assert set(by_code) == {"mediation.success_rate", "mediation.received"}
        assert by_code["mediation.success_rate"]["label"] == "调解成功率"
        assert by_code["mediation.received"]["value"] == 136.0

    def test_indicators_default_to_the_whole_catalogue(self) -> None:
        everything = self.db.indicators("yx-kfq", "2022")
        codes = [i["code"] for i in everything["indicators"]]
        assert "mediation.success_rate" in codes
        assert len(codes) == len(set(codes)) > 10

    def test_indicators_pass_keyword_parameters(self) -> None:
        one = self.db.indicators("yx-kfq", "2022", codes=["mediation.large_amount"],
                                 min_yuan=1000)["indicators"][0]
        assert one["params"] == {"min_yuan": 1000.0}
        assert one["value"] > 3.0

    def test_explain_lists_the_keys_counted(self) -> None:
        e = self.db.explain("mediation.success_rate", "yx-kfq", "2022")
        assert len(e["numerator"]["keys"]) == 132
        assert len(e["denominator"]["keys"]) == 134
        assert "yx-mc-2022-001" in e["numerator"]["keys"]

    def test_defined_indicator_is_evaluated_and_labelled(self) -> None:
        self.db.define_indicator(code="custom.received_success", label="受理案件成功率",
                                 expression="mediation.succeeded / mediation.received * 100")
        v = self.db.indicator("custom.received_success", "yx-kfq", "2022")
        assert math.isclose(v.value, 132 / 136 * 100)
        assert self.db.labels("indicators")["custom.received_success"] == "受理案件成功率"

    def test_define_indicator_docstring_states_what_the_parser_does(self) -> None:
        doc = fazhi.Database.define_indicator.__doc__ or ""
        # Each "``EXPR`` is N" of the docstring, evaluated by the library.
        claims = re.findall(r"``([^`]+)`` is\s+(\d+)", doc)
        assert len(claims) >= 2, doc
        for n, (expression, value) in enumerate(claims):
            code = "custom.doc_%d" % n
            self.db.define_indicator(code=code, label="例", expression=expression)
            assert self.db.indicator(code, "yx-kfq", "2022").value == float(value), expression
        # Each "``EXPR``" it says is refused, refused by the library.
        refused = re.search(r"``(prev\(a \+ b\))``,\s+``(prev\(prev\(a\)\))``\s+and\s+``(prev\(3\))``"
                            r"\s+are\s+refused", doc)
        assert refused, doc
        for expression in refused.groups():
            real = expression.replace("a", "mediation.received")
            with raises(fazhi.ArgumentError):
                self.db.define_indicator(code="custom.refused", label="例", expression=real)
        # prev() over the year before, the limits, no data.
        self.db.define_indicator(code="custom.growth", label="增长",
                                 expression="mediation.received - prev(mediation.received)")
        assert self.db.indicator("custom.growth", "yx-kfq", "2022").value == 136.0
        for said in ("prev(operand)", "``FZ_MAX_EXPRESSION_BYTES``", "``FZ_MAX_EXPRESSION_DEPTH``",
                     "64 KiB", "bind tighter", "unary minus", "no data", "a divisor that is 0"):
            assert said in doc, said

    def test_bad_definition_raises_argument_error(self) -> None:
        with raises(fazhi.ArgumentError):
            self.db.define_indicator({"code": "custom.bad", "label": "坏", "expression": "1 +"})


class FindingsAndReportTest(FazhiTestCase):
    def test_findings_filters_by_rule(self) -> None:
        self.put_tree()
        self.db.put("petition", key="p1", unit="yx-kfq", received="2022-03-01",
                    channel="letter", petitioners=["李某丙"], subject="噪声")
        self.db.act("petition", "p1", "accept", date="2022-04-01")  # after 15 days: warning
        found = self.db.findings(rule="petition.acceptance_15_days")
        assert found["total"] == 1
        item = found["items"][0]
        assert item["severity"] == "warning" and item["key"] == "p1"
        assert "十五日" in item["message"]
        assert self.db.findings(severity="error")["total"] == 0

    def test_alerts_list_an_open_deadline_until_its_action_is_recorded(self) -> None:
        self.put_tree()
        # Received 2023-09-14: day 15 is 09-29, in the National Day holiday,
        # so the last day is the make-up working Saturday 10-07.
        self.db.put("petition", key="p1", unit="yx-kfq", received="2023-09-14",
                    petitioners=["李某丙"])
        a = self.db.alerts("yx-kfq", "2023-09-27")
        assert a["total"] == 1
        item = a["items"][0]
        assert (item["due"], item["status"], item["working_days"]) == ("2023-10-07", "upcoming", 2)
        assert item["message"] == "信访事项p1应于2023年10月7日前告知是否受理，剩余2个工作日"
        assert self.db.alerts("yx-kfq", "2023-10-08")["items"][0]["status"] == "overdue"
        self.db.act("petition", "p1", "accept", date="2023-10-07")
        assert self.db.alerts("yx-kfq", "2023-10-08")["total"] == 0
        with raises(fazhi.ArgumentError):
            self.db.alerts("yx-kfq", "2023-10-08", horizon=-1)

    def test_report_with_an_unknown_format_raises_argument_error(self) -> None:
        self.put_tree()
        with raises(fazhi.ArgumentError) as r:
            self.db.report("yx-kfq", 2022, format="pdf")
        assert r.value.message == "format: 'pdf' is not markdown, html or json"

    def test_report_of_an_unknown_unit_raises_not_found(self) -> None:
        with raises(fazhi.NotFoundError) as r:
            self.db.report("nowhere", 2022)
        assert "nowhere" in r.value.message


class ReportTest(SampleTestCase):
    def test_markdown_report_states_the_seed_figures_in_chinese(self) -> None:
        text = self.db.report("yx-kfq", 2022)
        assert text.startswith("# 阳新经济开发区管委会2022年法治政府建设年度报告\n")
        assert ("全年受理矛盾纠纷136起，调结134起，其中调解成功132起，调解成功率98.5%"
                in text)

    def test_json_report_parses_and_params_reach_the_indicators(self) -> None:
        def large_amount(report: str) -> float:
            model = json.loads(report)
            return next(i["value"] for i in model["indicators"]
                        if i["code"] == "mediation.large_amount")

        assert large_amount(self.db.report("yx-kfq", 2022, format="json")) == 3
        lower = self.db.indicator("mediation.large_amount", "yx-kfq", 2022, min_yuan=100000)
        assert lower.value > 3  # the sample has cases between 100000 and 500000 yuan
        assert large_amount(self.db.report("yx-kfq", 2022, format="json",
                                           params={"min_yuan": 100000})) == lower.value

    def test_report_review_lists_a_pasted_name_that_mask_names_then_masks(self) -> None:
        self.db.put("narrative", key="n-review", unit="yx-kfq", year=2022, section="other",
                    body="协助信访人邢宏权办理司法救助。")
        review = self.db.report_review("yx-kfq", 2022)
        assert [(w["name"], w["key"], w["field"]) for w in review["warnings"]] == [
            ("邢宏权", "n-review", "body")]
        model = json.loads(self.db.report("yx-kfq", 2022, format="json"))
        assert model["review_warnings"] == review["warnings"]
        masked = self.db.report("yx-kfq", 2022, mask_names=["邢宏权"])
        assert "邢宏权" not in masked and "协助信访人邢某某办理司法救助。" in masked
        assert self.db.report_review("yx-kfq", 2022, mask_names=["邢宏权"]) == {"warnings": []}
        with raises(fazhi.ArgumentError) as r:
            self.db.report_review("yx-kfq", 2022, mask_names=["邢"])
        assert "mask_names[0]" in r.value.message

    def test_html_report_is_one_page(self) -> None:
        html = self.db.report("yx-kfq", 2022, format="html")
        assert html.startswith("<!DOCTYPE html>")
        assert html.count("<svg") == 3


if __name__ == "__main__":
    unittest.main()
