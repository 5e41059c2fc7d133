"""``dueprocess assess``: the readable breakdown, --json, --lang, stdin, and clean errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dueprocess.law import cli
from dueprocess.law.base import Assessment, Line, NoticeResult, Text

FACTS = {
    "jurisdiction": "CN",
    "locality": "shanghai",
    "ground": "incompetence",
    "employee": {"hire_date": "2019-04-01"},
    "last_day": "2025-06-30",
    "notice": {"given_on": "2025-05-31", "pay_in_lieu": False},
    "pay": {"average_monthly": "20000.00"},
    "procedure": {"union_notified_on": "2025-05-20", "training_or_job_adjustment": False},
}


def write(tmp_path: Path, content: str | bytes) -> str:
    path = tmp_path / "facts.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_json_output_is_the_assessment_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run([write(tmp_path, json.dumps(FACTS)), "--json"], capsys)
    result = json.loads(out)
    assert status == 0
    assert result["severance"]["amount"] == "130000.00" and result["unlawful_damages"] == "260000.00"
    assert [f["article"] for f in result["missing_steps"]] == ["LCL 40(2)"]
    assert out.startswith("{\n  ")  # indented by 2


def test_json_in_chinese_keeps_the_characters_readable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run([write(tmp_path, json.dumps(FACTS)), "--json", "--lang", "zh-Hans"], capsys)
    assert "经济补偿" in out and "\\u" not in out


def test_the_readable_breakdown_lists_every_line_with_its_article_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run([write(tmp_path, json.dumps(FACTS))], capsys)
    assert status == 0
    for text in (
        "Lawful: NO",
        "Missing steps",
        "LCL 40(2)",
        "LCL 47",
        "IR 27",
        "LCL 87",
        "130000.00",
        "LCL 50",
    ):
        assert text in out
    assert "Service: 6 years 3 months" in out


def test_the_readable_breakdown_speaks_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run([write(tmp_path, json.dumps(FACTS)), "--lang", "zh-Hans"], capsys)
    assert status == 0
    for text in ("是否合法: 否", "尚需完成的步骤", "计算明细", "期限", "LCL 40(2)", "LCL 47", "上海"):
        assert text in out


def test_it_reads_facts_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(FACTS)))
    status, out, _ = run(["-", "--json"], capsys)
    assert status == 0 and json.loads(out)["ground"] == "incompetence"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "{not json",
            "is not valid JSON (Expecting property name enclosed in double quotes at line 1 column 2)",
        ),
        (b"\xff\xfe", "cannot read the file"),
        (json.dumps({**FACTS, "salary": "1"}), "salary: unknown key"),
        (
            json.dumps({**FACTS, "pay": {"average_monthly": "-5"}}),
            "pay.average_monthly: must not be negative",
        ),
        (json.dumps({**FACTS, "ground": "layoff"}), "ground: 'layoff' is not a ground in CN"),
        (
            json.dumps({**FACTS, "locality": "lhasa"}),
            "locality: no cn_average_monthly_wage figures for 'lhasa'",
        ),
        (
            json.dumps({**FACTS, "last_day": "2020-01-31", "notice": None}),
            "last_day: no average_monthly_wage",
        ),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes, expected: str
) -> None:
    status, out, err = run([write(tmp_path, content)], capsys)
    assert status == 2 and out == ""
    assert expected in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_missing_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "nope.json")
    status, _, err = run([missing], capsys)
    assert status == 2
    assert err.startswith(f"dueprocess assess: {missing}: cannot read the file: No such file")


def test_errors_speak_chinese_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, json.dumps({**FACTS, "pay": {"average_monthly": "-5"}}))
    _, _, err = run([path, "--lang", "zh-Hans"], capsys)
    assert "pay.average_monthly: 不得为负数" in err


def test_broken_figure_data_is_a_clean_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dueprocess.law import figures

    admin = tmp_path / "admin"
    admin.mkdir()
    (admin / "cn_minimum_wage.csv").write_text("place\nshanghai\n")
    monkeypatch.setenv(figures.ENV_DIR, str(admin))
    figures.clear_cache()
    try:
        status, _, err = run([write(tmp_path, json.dumps(FACTS))], capsys)
    finally:
        monkeypatch.delenv(figures.ENV_DIR)
        figures.clear_cache()
    assert status == 2 and "figure data:" in err and "missing column" in err


@pytest.mark.parametrize("argv", [[], ["a.json", "--lang", "fr"], ["a.json", "--colour"]])
def test_a_usage_error_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(argv, capsys)
    assert status == 2 and "usage: dueprocess assess" in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--help"], capsys)
    assert status == 0 and "--lang" in out


def test_it_reads_its_arguments_from_the_command_line_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.argv", ["dueprocess assess", write(tmp_path, json.dumps(FACTS)), "--json"])
    assert cli.main() == 0
    assert json.loads(capsys.readouterr().out)["lawful"] is False


def test_a_jurisdiction_without_a_full_working_shows_its_sections_and_total() -> None:
    line = Line(Text("Written notice", "书面通知"), "30", "LCL 40")
    assessment = Assessment(
        jurisdiction="CN", ground="resignation", notice=NoticeResult(30, None, None, (line,))
    )
    out = cli.render(assessment, "en")
    assert "Written notice" in out and "Total owed on the lawful path" in out and "0.00" in out
    assert "Blockers\n  none" in out


def test_the_table_lines_up_chinese_characters_as_double_width() -> None:
    assert cli._width("上海 A") == 6


def test_the_readable_breakdown_ends_with_the_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = {**FACTS, "ground": "mutual_agreement_employer_proposed", "employee": {"hire_date": "2004-12-01"}}
    _, out, _ = run([write(tmp_path, json.dumps(facts)), "--lang", "zh-Hans"], capsys)
    assert "\n提示\n  ! 2008 年前后分段计算" in out and "[CN.LCL.97.SEGMENTED]" in out
