"""The spellings a cell may use: what HR sheets from Chinese and English Excel actually contain."""

from __future__ import annotations

import datetime as dt

import pytest

from dueprocess.people.importing import cells
from dueprocess.people.importing.columns import CONTRACT_TYPES, detect, normalise

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(
    "value",
    [
        "2024-03-01",
        "2024/3/1",
        "2024.03.01",
        "2024年3月1日",
        "2024-03-01 00:00:00",
        dt.datetime(2024, 3, 1),
        dt.date(2024, 3, 1),
    ],
)
def test_a_date_may_be_written_the_ways_excel_users_write_it(value):
    assert cells.date(value) == dt.date(2024, 3, 1)


@pytest.mark.parametrize("value", ["2024-03", "2024/3", "2024年3月", "2024-03-01", dt.datetime(2024, 3, 1)])
def test_a_month_may_be_written_as_a_month_or_as_its_first_day(value):
    assert cells.month(value) == dt.date(2024, 3, 1)


@pytest.mark.parametrize(
    ("value", "cents"),
    [
        ("8500", 850000),
        ("8,500.50", 850050),
        ("¥8500.5", 850050),
        (8500, 850000),
        (8500.55, 850055),
        (1234.5600000001, 123456),
    ],
)
def test_money_is_read_to_the_cent(value, cents):
    assert cells.money(value) == cents


def test_a_number_excel_stored_as_a_float_reads_back_as_the_digits_typed():
    assert cells.text(32)(10023.0) == "10023"


def test_a_nul_character_in_a_text_cell_is_a_problem_of_that_cell():
    with pytest.raises(cells.Problem, match="NUL character"):
        cells.text(32)("before\x00after")


def test_an_excel_serial_number_is_not_taken_for_a_date():
    with pytest.raises(cells.Problem, match="45292 is a number, not a date"):
        cells.date(45292)


def test_the_apostrophe_that_guards_a_formula_is_taken_off():
    assert cells.clean("'=SUM(A1)") == "=SUM(A1)"
    assert cells.clean("O'Brien") == "O'Brien"


@pytest.mark.parametrize(
    "spelling", ["fixed_term", "Fixed-term", "FIXED TERM", "固定期限", "固定期限劳动合同"]
)
def test_a_choice_accepts_its_value_its_english_label_and_its_chinese_name(spelling):
    assert cells.choice(CONTRACT_TYPES, "")(spelling) == "fixed_term"


@pytest.mark.parametrize(
    "header", ["hire_date", "Hire Date", "HIRE-DATE", "入职日期", "入职日期*", "入职日期（yyyy-mm-dd）"]
)
def test_headers_are_compared_without_case_spacing_marks_or_units(header):
    assert detect(["工号", header]).by_header[normalise(header)] == "hire_date"


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (["工号", "月份", "基本工资"], "wages"),
        (["number", "legal_name"], "employees"),
        (["部门编码", "部门名称", "上级部门编码"], "departments"),
        (["code", "name", "jurisdiction"], "locations"),
    ],
)
def test_the_kind_of_file_is_told_by_its_header(header, kind):
    assert detect(header).name == kind
