"""Working-day calendar helpers."""

from __future__ import annotations

import datetime
import unittest

import fazhi
from fztest import FazhiTestCase, raises

D = datetime.date


class CalendarTest(FazhiTestCase):
    def test_is_working_day_follows_the_holiday_schedule(self) -> None:
        assert self.db.is_working_day("2022-10-03") is False   # 国庆节
        assert self.db.is_working_day(D(2022, 10, 8)) is True   # Saturday 调休上班
        assert self.db.is_working_day(D(2022, 10, 9)) is True   # Sunday 调休上班
        assert self.db.is_working_day("2022-10-15") is False   # ordinary Saturday
        assert self.db.is_working_day(datetime.datetime(2022, 10, 10, 9, 30)) is True

    def test_add_working_days_returns_a_date(self) -> None:
        assert self.db.add_working_days("2022-09-30", 1) == D(2022, 10, 8)
        assert self.db.add_working_days(D(2022, 10, 8), -1) == D(2022, 9, 30)
        assert self.db.add_working_days("2022-03-01", 0) == D(2022, 3, 1)

    def test_working_days_between_counts_the_half_open_interval(self) -> None:
        assert self.db.working_days_between("2022-09-30", "2022-10-10") == 3
        assert self.db.working_days_between(D(2022, 10, 10), D(2022, 9, 30)) == -3

    def test_a_year_without_schedule_raises_argument_error_naming_it(self) -> None:
        with raises(fazhi.ArgumentError) as r:
            self.db.is_working_day("2032-01-05")
        assert "2032" in r.value.message

    def test_a_malformed_date_raises_argument_error(self) -> None:
        with raises(fazhi.ArgumentError):
            self.db.is_working_day("2022-13-01")
        with raises(TypeError):
            self.db.is_working_day(20221001)  # type: ignore[arg-type]

    def test_a_count_outside_int32_is_refused_before_the_call(self) -> None:
        with raises(fazhi.ArgumentError) as r:
            self.db.add_working_days("2022-03-01", 2**31)
        assert r.value.message.startswith("n: ")

    def test_load_calendar_from_text_adds_a_year(self) -> None:
        csv = ("date,kind,holiday,schedule_year\n"
               "2032-01-01,off,元旦,2032\n"
               "2032-01-02,off,元旦,2032\n"
               "2032-01-03,off,元旦,2032\n")
        self.db.load_calendar(csv)
        assert self.db.is_working_day("2032-01-01") is False  # a Thursday, holiday
        assert self.db.is_working_day("2032-01-05") is True   # a Monday
        assert self.db.add_working_days("2031-12-31", 1) == D(2032, 1, 5)

    def test_load_calendar_from_bytes_and_from_a_path(self) -> None:
        self.db.load_calendar("2033-01-03,off,元旦,2033\n".encode("utf-8"))
        assert self.db.is_working_day("2033-01-03") is False
        path = self.tmp / "2034.csv"
        path.write_text("2034-01-02,off,元旦,2034\n", encoding="utf-8")
        self.db.load_calendar(path)
        assert self.db.is_working_day("2034-01-02") is False
        self.db.load_calendar(path=str(path))
        assert self.db.is_working_day("2034-01-03") is True

    def test_load_calendar_from_a_path_returns_the_summary(self) -> None:
        path = self.tmp / "2034.csv"
        path.write_text("2034-01-02,off,元旦,2034\n", encoding="utf-8")
        assert self.db.load_calendar(path) == {"years": [2034], "days": 1, "recomputed": 0}

    def test_load_calendar_file_names_the_bad_line(self) -> None:
        path = self.tmp / "bad.csv"
        path.write_text("date,kind,holiday,schedule_year\n2034-01-02,off,元旦,2034\n"
                        "2034-02-30,off,春节,2034\n", encoding="utf-8")
        with raises(fazhi.ArgumentError) as r:
            self.db.load_calendar(path=path)
        assert "line 3" in r.value.message
        assert self.db.calendar_years()["official"][-1]["year"] == 2026

    def test_calendar_years_tells_official_from_provisional(self) -> None:
        years = self.db.calendar_years()
        assert [y["year"] for y in years["official"]] == list(range(2004, 2027))
        assert {y["source"] for y in years["official"]} == {"builtin"}
        assert (years["provisional"]["first"], years["provisional"]["last"]) == (2004, 2099)
        assert years["pending"] == []
        self.db.load_calendar("2027-01-01,off,元旦,2027\n")
        assert self.db.calendar_years()["official"][-1] == {"year": 2027, "source": "loaded"}

    def test_calendar_query_answers_a_year_without_a_schedule_and_says_so(self) -> None:
        # 春节 2027: 除夕 5 February to 初三 8 February, and two make-up days.
        assert self.db.calendar_query("add_working_days", date=D(2027, 2, 4), days=1) == {
            "date": "2027-02-11", "provisional_years": [2027]}
        assert self.db.calendar_query("working_days_between", from_="2026-12-24",
                                      to="2026-12-17") == {"days": -5, "provisional_years": []}
        assert self.db.calendar_query("days_deadline", date="2026-12-20", days=15) == {
            "date": "2027-01-04", "provisional_years": [2027]}
        with raises(fazhi.ArgumentError) as r:
            self.db.calendar_query("is_working_day", date="2027-01-04", provisional=False)
        assert "fazhi calendar load" in r.value.message
        with raises(fazhi.ArgumentError) as r:
            self.db.calendar_query("is_working_day", day="2027-01-04")
        assert r.value.message.startswith("day: ")

    def test_load_calendar_refuses_malformed_csv(self) -> None:
        with raises(fazhi.ArgumentError):
            self.db.load_calendar("2032-01-01,maybe,元旦,2032\n")


if __name__ == "__main__":
    unittest.main()
