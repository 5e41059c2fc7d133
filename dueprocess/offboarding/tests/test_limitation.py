"""Limitation periods as data with their source: one year for PRC labour arbitration (LDAL 27); three
months less one day for a UK unfair-dismissal claim, extended by ACAS early conciliation (ERA s.111,
s.207B, worked as in Luton BC v Haque); three years for a complaint to California's Civil Rights
Department; a California court claim is not modelled."""

from __future__ import annotations

import datetime as dt

import pytest

from dueprocess.offboarding.limitation import Forum, add_months, limitation_for, months_less_one_day

D = dt.date


def test_prc_arbitration_one_year_from_the_day_the_party_knew():
    limit = limitation_for(Forum.CN_ARBITRATION, D(2026, 11, 24))
    assert limit.ends_on == D(2027, 11, 24) and limit.article == "LDAL 27"
    assert "劳动争议调解仲裁法" in limit.source and limit.missed_by(D(2027, 11, 25))
    assert not limit.missed_by(D(2027, 11, 24))


def test_a_year_from_29_february_ends_on_the_last_day_of_february():
    assert limitation_for(Forum.CN_ARBITRATION, D(2028, 2, 29)).ends_on == D(2029, 2, 28)


@pytest.mark.parametrize(
    ("edt", "limit"),
    [
        (D(2016, 6, 20), D(2016, 9, 19)),  # Luton BC v Haque: the primary limit
        (D(2014, 1, 16), D(2014, 4, 15)),
        (D(2026, 8, 31), D(2026, 11, 30)),
        (D(2026, 11, 30), D(2027, 2, 28)),  # no 30 February: the month's last day
        (D(2027, 11, 30), D(2028, 2, 29)),
        (D(2026, 3, 1), D(2026, 5, 31)),
    ],
)
def test_uk_tribunal_three_months_less_one_day(edt, limit):
    assert limitation_for(Forum.UK_TRIBUNAL, edt).ends_on == limit


def test_early_conciliation_stops_the_clock_as_in_haque():
    limit = limitation_for(
        Forum.UK_TRIBUNAL, D(2016, 6, 20), acas_day_a=D(2016, 7, 22), acas_day_b=D(2016, 8, 22)
    )
    assert limit.ends_on == D(2016, 10, 20) and limit.extended_by_conciliation


def test_early_conciliation_leaves_at_least_a_month_after_the_certificate():
    limit = limitation_for(
        Forum.UK_TRIBUNAL, D(2014, 1, 16), acas_day_a=D(2014, 4, 11), acas_day_b=D(2014, 5, 11)
    )
    assert limit.ends_on == D(2014, 6, 11)


def test_conciliation_begun_out_of_time_does_not_revive_the_claim():
    limit = limitation_for(
        Forum.UK_TRIBUNAL, D(2016, 6, 20), acas_day_a=D(2016, 10, 1), acas_day_b=D(2016, 10, 5)
    )
    assert limit.ends_on == D(2016, 9, 19) and not limit.extended_by_conciliation


def test_california_crd_three_years_and_a_court_claim_not_modelled():
    assert limitation_for(Forum.CA_CRD, D(2026, 11, 24)).ends_on == D(2029, 11, 24)
    court = limitation_for(Forum.CA_COURT, D(2026, 11, 24))
    assert court.ends_on is None and not court.modelled and "Not modelled" in court.note
    assert "CCP 335.1" in court.article and not court.missed_by(D(2040, 1, 1))


def test_month_arithmetic_across_the_year():
    assert add_months(D(2026, 12, 31), 2) == D(2027, 2, 28)
    assert months_less_one_day(D(2026, 12, 15), 3) == D(2027, 3, 14)
