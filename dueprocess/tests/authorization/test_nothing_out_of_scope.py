"""Out of scope means not there at all: not on a page, in a list, a search, a count's label or an API
answer. The manager of another team never reads Zhang Wei's name; the HR partner for product and sales
and Zhang Wei's manager never read Wu Jing's (nor her teammate's, whose case is in the story)."""

from __future__ import annotations

import re

import pytest

from dueprocess.tests.authorization.test_sensitive_fields import _everything_open_to, text

pytestmark = pytest.mark.django_db

ZHANG = re.compile(r"Zhang Wei|张伟|XQ0007")
WU = re.compile(r"Wu Jing|吴静|XQ0010|XQ0020")
# Lists and searches with the filters that show the most (searched for part of a name or number only:
# a search box shows what was typed in it).
SEARCHES = [
    "/cases/?stage=all",
    "/people/?q={q}",
    "/reviews/people/options/?name=q&q={q}",
    "/api/v1/employees?q={q}&limit=100",
    "/api/v1/cases?limit=100",
    "/api/v1/reviews?limit=100&include_superseded=true",
    "/api/v1/plans?limit=100",
    "/api/v1/incidents?limit=100",
    "/api/v1/warnings?limit=100",
]


def _searched(visitor, names: list[str]) -> dict[str, str]:
    answers = {}
    for address in SEARCHES:
        for name in names:
            url = address.format(q=name)
            response = visitor.api_get(url) if url.startswith("/api/") else visitor.get(url)
            answers[url] = text(response)
    return answers


def _named(answers: dict[str, str], pattern: re.Pattern) -> dict[str, list[str]]:
    return {address: pattern.findall(body) for address, body in answers.items() if pattern.search(body)}


def test_the_other_teams_manager_reads_nothing_of_zhang_wei(demo, visitors):
    boss = visitors["other.manager"]
    answers = _everything_open_to(demo, visitors, "other.manager", "own")
    answers |= _everything_open_to(demo, visitors, "other.manager", "other")
    answers |= _searched(boss, ["Zhang", "0007"])
    assert not _named(answers, ZHANG)


@pytest.mark.parametrize("role", ["hrbp", "manager", "employee"])
def test_those_outside_the_platform_team_read_nothing_of_wu_jing(demo, visitors, role):
    answers = _everything_open_to(demo, visitors, role, "own") | _everything_open_to(
        demo, visitors, role, "other"
    )
    answers |= _searched(visitors[role], ["Wu", "0010"])
    assert not _named(answers, WU)


def test_the_same_searches_find_both_for_the_hr_administrator(demo, visitors):
    """So that the tests above could fail: the searches do find the people for those who may see them."""
    admin = visitors["hr.admin"]
    assert {"/people/?q=0007", "/api/v1/employees?q=0007&limit=100"} <= set(
        _named(_searched(admin, ["0007"]), ZHANG)
    )
    assert {"/people/?q=0010", "/api/v1/employees?q=0010&limit=100"} <= set(
        _named(_searched(admin, ["0010"]), WU)
    )
