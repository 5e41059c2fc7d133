"""``dueprocess seed --employees N [--seed S]``: a synthetic organisation, the same for the same seed."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from dueprocess.people import exporting
from dueprocess.people.models import (
    Contract,
    ContractType,
    Department,
    Employee,
    Location,
    ProtectedPeriod,
    WageRecord,
)
from dueprocess.people.seeding import DEFAULT_AS_OF, seed_organisation
from dueprocess.people.tests.factories import EmployeeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def picture() -> dict[str, list]:
    """The organisation as its export shows it, with the public ids: no database ids."""
    kinds = {kind: list(exporting.rows(kind)) for kind in ("locations", "departments", "employees", "wages")}
    kinds["ids"] = sorted(str(i) for i in Employee.objects.values_list("public_id", flat=True))
    return kinds


def test_the_same_seed_gives_the_same_organisation(db):
    seed_organisation(300, seed=5)
    first = picture()
    seed_organisation(300, seed=5, replace=True)
    assert picture() == first
    seed_organisation(300, seed=6, replace=True)
    assert picture()["employees"] != first["employees"]


def test_the_organisation_has_every_location_a_department_tree_and_one_chief(db):
    seed_organisation(2000, seed=1)
    assert set(Location.objects.values_list("code", flat=True)) == {
        "shanghai",
        "beijing",
        "shenzhen",
        "london",
        "san-francisco",
    }
    assert Employee.objects.count() == 2000
    assert list(Employee.objects.filter(manager=None).values_list("position", flat=True)) == ["首席执行官"]
    assert Department.objects.filter(parent=None).count() == 1
    deepest = max(len(e.reporting_chain()) for e in Employee.objects.filter(reports=None)[:200])
    assert 3 <= deepest <= 5


def test_people_in_china_have_chinese_names_with_pinyin_and_others_english_names(db):
    seed_organisation(500, seed=1)
    chinese = Employee.objects.filter(location__jurisdiction="CN").first()
    assert not chinese.legal_name.isascii() and chinese.other_name.isascii()
    english = Employee.objects.exclude(location__jurisdiction="CN").first()
    assert english.legal_name.isascii() and english.other_name == ""


def test_everyone_hired_a_year_ago_has_twelve_months_of_wages(db):
    seed_organisation(500, seed=2)
    year_ago = DEFAULT_AS_OF.replace(year=DEFAULT_AS_OF.year - 1)
    months = (
        Employee.objects.filter(hire_date__lt=year_ago).annotate(n=Count("wages")).values_list("n", flat=True)
    )
    assert set(months) == {12}
    assert WageRecord.objects.filter(month__gte=DEFAULT_AS_OF.replace(day=1)).count() == 0


def test_chinese_fixed_term_contracts_renew_and_the_third_is_open_ended(db):
    seed_organisation(1000, seed=3)
    third = Contract.objects.filter(renews__renews__isnull=False).select_related("renews__renews")
    assert third.exists()
    for contract in third[:50]:
        assert contract.type == ContractType.OPEN_ENDED
        assert contract.renews.type == contract.renews.renews.type == ContractType.FIXED_TERM
        assert contract.starts_on == contract.renews.ends_on + dt.timedelta(days=1)


def test_a_few_people_are_in_protected_periods(db):
    seed_organisation(3000, seed=4)
    assert 10 <= ProtectedPeriod.objects.count() <= 150


def test_it_refuses_a_database_that_already_holds_employees_unless_told_to_replace(db, unchanged):
    EmployeeFactory()
    with unchanged(), pytest.raises(CommandError) as error:
        call_command("seed_organisation", "--employees", "10", stdout=StringIO())
    assert error.value.returncode == 2
    assert "Run with --replace" in str(error.value)
    out = StringIO()
    call_command("seed_organisation", "--employees", "10", "--replace", stdout=out)
    assert Employee.objects.count() == 10
    assert "employee: 10" in out.getvalue()


def test_a_tiny_organisation_is_still_a_tree(db):
    seed_organisation(2, seed=0)
    chief = Employee.objects.get(manager=None)
    assert Employee.objects.get(manager=chief).reporting_chain() == [chief]
