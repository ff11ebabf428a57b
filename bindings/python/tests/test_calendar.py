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

    def test_load_calendar_refuses_malformed_csv(self) -> None:
        with raises(fazhi.ArgumentError):
            self.db.load_calendar("2032-01-01,maybe,元旦,2032\n")


if __name__ == "__main__":
    unittest.main()
