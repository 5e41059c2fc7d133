"""Figure tables: the row in force on a day, its warnings, and an administrator's newer rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from dueprocess.law import FactsError
from dueprocess.law.figures import DATA_DIR, ENV_DIR, FigureDataError, clear_cache, figure_on, load_table

HEADER = "place,figure,amount,currency,applies_from,known_until,data_year,status,source,note\n"
AVERAGE = ("cn_average_monthly_wage", "average_monthly_wage")


@pytest.fixture(autouse=True)
def fresh_tables(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(ENV_DIR, raising=False)
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def admin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENV_DIR, str(tmp_path))
    return tmp_path


def test_it_picks_the_row_in_force_on_the_day() -> None:
    table, figure = AVERAGE
    assert figure_on(table, "shanghai", dt.date(2024, 6, 30), figure).row.amount == Decimal("12183")
    assert figure_on(table, "shanghai", dt.date(2024, 7, 1), figure).row.amount == Decimal("12307")
    assert figure_on(table, "Shanghai ", dt.date(2025, 10, 31), figure).row.data_year == 2024


def test_a_row_within_its_known_period_carries_no_warning() -> None:
    assert figure_on(*AVERAGE[:1], "shanghai", dt.date(2026, 6, 30), AVERAGE[1]).warnings == ()


def test_a_day_past_known_until_uses_the_newest_row_and_warns_naming_the_figure() -> None:
    found = figure_on("cn_average_monthly_wage", "beijing", dt.date(2025, 10, 31), "average_monthly_wage")
    assert found.row.amount == Decimal("15701")
    (warning,) = found.warnings
    assert warning.code == "FIGURE.STALE.cn_average_monthly_wage.beijing.average_monthly_wage"
    assert "2025-09-24" in warning.message.en and "average_monthly_wage" in warning.message.en
    assert "2025-09-24" in warning.message.zh


def test_an_unconfirmed_row_warns_that_it_needs_review() -> None:
    (warning,) = figure_on("cn_minimum_wage", "guangzhou", dt.date(2025, 6, 1)).warnings
    assert warning.code.startswith("FIGURE.UNCONFIRMED.")
    assert "single low-authority source" in warning.message.en


def test_a_day_before_the_first_row_is_an_error_naming_place_figure_and_day() -> None:
    with pytest.raises(FactsError) as error:
        figure_on("cn_minimum_wage", "shenzhen", dt.date(2025, 2, 28))
    assert error.value.field == "last_day"
    for part in ("shenzhen", "minimum_monthly_wage", "2025-02-28"):
        assert part in str(error.value)


def test_an_unknown_place_is_an_error_on_the_locality() -> None:
    with pytest.raises(FactsError) as error:
        figure_on("cn_minimum_wage", "atlantis", dt.date(2025, 6, 1))
    assert error.value.field == "locality"
    assert "shanghai" in error.value.message


def test_the_fields_named_in_errors_can_be_chosen_by_the_caller() -> None:
    with pytest.raises(FactsError) as error:
        figure_on("cn_minimum_wage", "atlantis", dt.date(2025, 6, 1), place_field="jurisdiction")
    assert error.value.field == "jurisdiction"


def test_a_place_with_several_series_needs_the_figure_named() -> None:
    with pytest.raises(ValueError, match="several figures"):
        figure_on("cn_average_monthly_wage", "beijing", dt.date(2025, 6, 1))
    social = figure_on(
        "cn_average_monthly_wage", "beijing", dt.date(2025, 6, 1), "average_monthly_wage_social_insurance"
    )
    assert social.row.amount == Decimal("11761")


def test_an_unknown_figure_for_a_known_place_is_an_error() -> None:
    with pytest.raises(FactsError, match="no_such_figure"):
        figure_on("cn_minimum_wage", "shanghai", dt.date(2025, 6, 1), "no_such_figure")


def test_a_missing_table_is_a_data_error() -> None:
    with pytest.raises(FigureDataError, match="no_such_table"):
        figure_on("no_such_table", "shanghai", dt.date(2025, 6, 1))


def test_every_packaged_table_reads_and_every_row_has_a_source() -> None:
    for path in DATA_DIR.glob("*.csv"):
        if path.stem == "cn_retirement_age":
            continue  # a rule table, not a place figure
        for row in load_table(path.stem):
            assert row.source and row.currency and row.amount >= 0, (path.name, row)


def test_an_administrator_adds_a_newer_row_without_a_code_change(admin_dir: Path) -> None:
    (admin_dir / "cn_average_monthly_wage.csv").write_text(
        HEADER + "beijing,average_monthly_wage,16000,CNY,2025-10-01,2026-09-30,2024,confirmed,HRSSB notice,\n"
    )
    found = figure_on("cn_average_monthly_wage", "beijing", dt.date(2025, 10, 31), "average_monthly_wage")
    assert found.row.amount == Decimal("16000") and found.warnings == ()
    older = figure_on("cn_average_monthly_wage", "beijing", dt.date(2025, 9, 1), "average_monthly_wage")
    assert older.row.amount == Decimal("15701")


def test_an_administrator_row_with_the_same_start_corrects_the_packaged_row(admin_dir: Path) -> None:
    (admin_dir / "cn_minimum_wage.csv").write_text(
        HEADER + "Shenzhen,minimum_monthly_wage,2520,CNY,2025-03-01,2027-02-28,,confirmed,Shenzhen HRSSB,\n"
    )
    assert figure_on("cn_minimum_wage", "shenzhen", dt.date(2025, 6, 1)).warnings == ()


def test_an_administrator_directory_without_the_file_changes_nothing(admin_dir: Path) -> None:
    assert figure_on("cn_minimum_wage", "shanghai", dt.date(2025, 7, 1)).row.amount == Decimal("2740")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("place,figure,amount\nshanghai,x,1\n", "missing column"),
        (HEADER + "shanghai,x,abc,CNY,2025-01-01,,,confirmed,src,\n", "line 2"),
        (HEADER + "shanghai,x,1,CNY,2025-13-01,,,confirmed,src,\n", "line 2"),
        (HEADER + "shanghai,x,1,CNY,2025-01-01,2024-01-01,,confirmed,src,\n", "known_until is before"),
        (HEADER + "shanghai,x,1,CNY,2025-01-01,,,confirmed,,\n", "source are required"),
        (HEADER + "shanghai,x,NaN,CNY,2025-01-01,,,confirmed,src,\n", "source are required"),
    ],
)
def test_a_broken_table_is_a_data_error_naming_the_file_and_line(
    admin_dir: Path, content: str, message: str
) -> None:
    (admin_dir / "cn_minimum_wage.csv").write_text(content)
    with pytest.raises(FigureDataError, match=message):
        figure_on("cn_minimum_wage", "shanghai", dt.date(2025, 7, 1))
