"""``dueprocess assess FACTS.json [--json] [--lang en|zh-Hans]`` (shared/law/README.md).

Reads one set of facts (a file, or ``-`` for stdin) and prints the assessment: a readable breakdown
by default, the contract's JSON with ``--json``. Bad input is one line on stderr naming the field,
and exit status 2 — never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from typing import Any, TextIO

from dueprocess.law.base import LANGS, Assessment, FactsError, Line, Text
from dueprocess.law.figures import FigureDataError
from dueprocess.law.registry import assess, jurisdiction_for

USAGE_ERROR = 2

HEADINGS = {
    "title": Text("Assessment", "评估结果"),
    "ground": Text("Ground", "解除理由"),
    "lawful": Text("Lawful", "是否合法"),
    "yes": Text("yes", "是"),
    "no": Text("NO", "否"),
    "service": Text("Service", "工作年限"),
    "service_value": Text("{years} years {months} months", "{years} 年 {months} 个月"),
    "blockers": Text("Blockers", "不得解除的情形"),
    "missing": Text("Missing steps", "尚需完成的步骤"),
    "working": Text("Working", "计算明细"),
    "total": Text("Total owed on the lawful path", "合法解除时应付合计"),
    "deadlines": Text("Deadlines", "期限"),
    "warnings": Text("Warnings", "提示"),
    "none": Text("none", "无"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dueprocess assess", description="Assess a termination.")
    parser.add_argument("facts", help="facts JSON file, or - for standard input")
    parser.add_argument("--json", action="store_true", help="print the assessment as JSON")
    parser.add_argument("--lang", choices=LANGS, default="en", help="language of messages (en, zh-Hans)")
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exit_:  # argparse has already printed the usage error
        return int(exit_.code or 0)
    try:
        assessment = assess(read_facts(args.facts))
    except FactsError as error:
        return _fail(error.text(args.lang))
    except FigureDataError as error:
        return _fail(f"figure data: {error}")
    if args.json:
        print(json.dumps(assessment.to_dict(args.lang), ensure_ascii=False, indent=2))
    else:
        print(render(assessment, args.lang))
    return 0


def _fail(message: str) -> int:
    print(f"dueprocess assess: {message}", file=sys.stderr)
    return USAGE_ERROR


def read_facts(path: str, stdin: TextIO | None = None) -> Any:
    """The facts JSON from a file or ``-``; unreadable or invalid input is a FactsError."""
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            text = (stdin or sys.stdin).read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise FactsError(name, f"cannot read the file: {reason}", f"无法读取文件：{reason}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise FactsError(
            name, f"is not valid JSON ({error.msg} at {where})", f"不是有效的 JSON（{where}：{error.msg}）"
        ) from None


# --- the readable breakdown ------------------------------------------------------------------


def render(assessment: Assessment, lang: str = "en") -> str:
    def h(key: str) -> str:
        return HEADINGS[key](lang)

    jurisdiction = jurisdiction_for(assessment.jurisdiction)
    name, article = jurisdiction.grounds[assessment.ground]
    out = [
        f"{h('title')}: {assessment.jurisdiction} {jurisdiction.name(lang)}",
        f"{h('ground')}: {name(lang)} ({article})",
        f"{h('lawful')}: {h('yes') if assessment.lawful else h('no')}",
    ]
    if assessment.service is not None:
        service = h("service_value").format(years=assessment.service.years, months=assessment.service.months)
        out.append(f"{h('service')}: {service}")
    for key, findings in (("blockers", assessment.blockers), ("missing", assessment.missing_steps)):
        out += ["", h(key)]
        out += [f"  {f.article}: {f.message(lang)}" for f in findings] if findings else [f"  {h('none')}"]
    out += ["", h("working"), *_table(_lines(assessment, lang), lang)]
    if assessment.deadlines:
        out += ["", h("deadlines")]
        out += [f"  {d.due_on.isoformat()}  {d.what(lang)} ({d.article})" for d in assessment.deadlines]
    if assessment.warnings:
        out += ["", h("warnings")] + [f"  ! {w.message(lang)} [{w.code}]" for w in assessment.warnings]
    return "\n".join(out)


def _lines(assessment: Assessment, lang: str) -> list[Line]:
    """The whole working; a jurisdiction that lists no lines gets its sections' lines and total."""
    if assessment.lines:
        return list(assessment.lines)
    found: list[Line] = []
    for section in (assessment.notice, assessment.severance, assessment.redundancy_pay, assessment.final_pay):
        found += section.lines if section is not None else ()
    total = assessment.to_dict(lang)["total"]
    return [*found, Line(HEADINGS["total"], total, "")]


def _width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(lines: list[Line], lang: str) -> list[str]:
    rows = [(line.what(lang), line.amount, line.article) for line in lines]
    what_width = max((_width(r[0]) for r in rows), default=0)
    amount_width = max((len(r[1]) for r in rows), default=0)
    return [
        f"  {what}{' ' * (what_width - _width(what))}  {amount:>{amount_width}}  {article}".rstrip()
        for what, amount, article in rows
    ]
