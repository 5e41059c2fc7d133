"""The words a letter is written in, fixed here rather than in the translation catalogue: a letter is
a legal document, so its vocabulary is exact in both languages whatever the interface's catalogue
holds. Citations, dates and money are formatted the way each language writes them in a letter."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

# value -> (English, Chinese)
VOCABULARY: dict[str, dict[str, tuple[str, str]]] = {
    "warning_level": {
        "verbal": ("verbal warning", "口头警告"),
        "written": ("written warning", "书面警告"),
        "final": ("final written warning", "最后书面警告"),
    },
    "progress": {
        "on_track": ("on track", "按计划进行"),
        "behind": ("behind", "落后"),
        "met": ("met", "已达成"),
        "not_met": ("not met", "未达成"),
    },
    "support_kind": {
        "training": ("training", "培训"),
        "coaching": ("coaching", "辅导"),
        "mentoring": ("mentoring", "导师指导"),
        "job_adjustment": ("job adjustment", "调整工作岗位"),
    },
    "support_status": {
        "planned": ("planned", "已计划"),
        "offered": ("offered, awaiting the employee", "已提供，待员工答复"),
        "happened": ("happened", "已完成"),
        "did_not_happen": ("did not happen", "未进行"),
    },
    "contract_type": {
        "open_ended": ("open-ended", "无固定期限"),
        "fixed_term": ("fixed-term", "固定期限"),
        "project_based": ("for the completion of a task", "以完成一定工作任务为期限"),
        "part_time": ("part-time", "非全日制"),
    },
    "hearing_kind": {"hearing": ("hearing", "听证会"), "appeal": ("appeal hearing", "申诉听证会")},
}

ZH_DIGITS = "零一二三四五六七八九"
# Statutes as the engine abbreviates them: (English title, Chinese title).
STATUTES = {
    "LCL": ("the Labour Contract Law of the PRC", "《中华人民共和国劳动合同法》"),
    "IR": (
        "the Implementing Regulations of the Labour Contract Law of the PRC",
        "《中华人民共和国劳动合同法实施条例》",
    ),
}
ARTICLE = re.compile(r"^(LCL|IR) (\d+)(?:\((\d+)\))?$")
MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


def is_zh(language: str) -> bool:
    return language.lower().startswith("zh")


def word(group: str, value: str, language: str) -> str:
    english, chinese = VOCABULARY[group].get(value, (value, value))
    return chinese if is_zh(language) else english


def zh_number(n: int) -> str:
    """1-99 as a Chinese numeral, as articles are numbered: 40 -> 四十, 12 -> 十二, 24 -> 二十四."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    text = ("" if tens == 1 else ZH_DIGITS[tens]) + "十" if tens else ""
    return text + (ZH_DIGITS[ones] if ones else "")


def cite(article: str, language: str) -> str:
    """The engine's article code as a letter writes it: "LCL 40(2)" is "Article 40(2) of the Labour
    Contract Law of the PRC" or "《中华人民共和国劳动合同法》第四十条第二项". Codes of other statutes
    (ERA s.86, LC 201) are already written as their own letters cite them."""
    match = ARTICLE.match(article.strip())
    if not match:
        return article
    statute, number, item = match.group(1), int(match.group(2)), match.group(3)
    english, chinese = STATUTES[statute]
    if is_zh(language):
        return f"{chinese}第{zh_number(number)}条" + (f"第{zh_number(int(item))}项" if item else "")
    return f"Article {number}{f'({item})' if item else ''} of {english}"


def long_date(value: str | dt.date | None, language: str) -> str:
    """2026-11-25 as "2026年11月25日" or "25 November 2026"; empty for no date."""
    if not value:
        return ""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    if is_zh(language):
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def money(value: str | Decimal | None) -> str:
    """An amount with thousands separators and two decimals: "234133.33" is "234,133.33"."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return f"{amount:,.2f}"
