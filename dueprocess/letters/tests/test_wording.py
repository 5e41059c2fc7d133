"""Citations, dates and money as a letter writes them in each language."""

import datetime as dt

import pytest

from dueprocess.letters.wording import cite, long_date, money, word, zh_number


@pytest.mark.parametrize(
    ("n", "chinese"),
    [(2, "二"), (10, "十"), (12, "十二"), (20, "二十"), (24, "二十四"), (40, "四十"), (99, "九十九")],
)
def test_article_numbers_are_written_as_chinese_numerals(n, chinese):
    assert zh_number(n) == chinese


@pytest.mark.parametrize(
    ("article", "language", "cited"),
    [
        ("LCL 40(2)", "zh-hans", "《中华人民共和国劳动合同法》第四十条第二项"),
        ("LCL 40(2)", "en", "Article 40(2) of the Labour Contract Law of the PRC"),
        ("LCL 43", "zh-hans", "《中华人民共和国劳动合同法》第四十三条"),
        ("IR 24", "zh-hans", "《中华人民共和国劳动合同法实施条例》第二十四条"),
        ("IR 20", "en", "Article 20 of the Implementing Regulations of the Labour Contract Law of the PRC"),
        ("ERA s.86", "zh-hans", "ERA s.86"),
        ("LC 201", "en", "LC 201"),
    ],
)
def test_articles_are_cited_as_each_language_writes_them(article, language, cited):
    assert cite(article, language) == cited


def test_dates_and_money_are_written_in_full():
    assert long_date("2026-11-25", "zh-hans") == "2026年11月25日"
    assert long_date(dt.date(2026, 11, 5), "en") == "5 November 2026"
    assert long_date("", "en") == ""
    assert money("234133.33") == "234,133.33"
    assert money("28800") == "28,800.00"
    assert money("") == ""


def test_the_letters_own_vocabulary_does_not_depend_on_the_interface_catalogue():
    assert word("warning_level", "written", "zh-hans") == "书面警告"
    assert word("contract_type", "open_ended", "en") == "open-ended"
