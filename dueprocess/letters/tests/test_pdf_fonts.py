"""A Chinese letter prints every character: the PDF embeds only Noto CJK (nothing fell back to a font
without Chinese), the font has a glyph for every character the letter holds, and the text reads back
exactly. docs/letters/termination_notice.zh-hans.png is the same letter looked at as an image."""

from __future__ import annotations

import io
import subprocess

import pytest
from fontTools.ttLib import TTCollection
from pypdf import PdfReader

from dueprocess.letters import actions
from dueprocess.letters.tests.conftest import pdf_text, squeezed
from dueprocess.records import open_document

NOTO = ("Noto-Sans-CJK-SC", "Noto-Serif-CJK-SC", "NotoSansCJK", "NotoSerifCJK")


def embedded_fonts(letter) -> set[str]:
    with open_document(letter.sha256) as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def noto_characters() -> set[int]:
    """Every character the installed Noto Sans CJK SC has a glyph for."""
    path = subprocess.run(
        ["fc-match", "-f", "%{file}", "Noto Sans CJK SC"], capture_output=True, text=True, check=True
    ).stdout
    collection = TTCollection(path)
    for font in collection.fonts:
        if font["name"].getDebugName(1) == "Noto Sans CJK SC":
            return set(font.getBestCmap())
    raise AssertionError(f"{path} holds no Noto Sans CJK SC")


@pytest.fixture
def notice(zhang_case, persona):
    return actions.issue_letter("termination_notice", zhang_case, "zh-hans", actor=persona("hrbp"))


def test_a_chinese_letter_embeds_noto_cjk_with_a_glyph_for_every_character(notice):
    fonts = embedded_fonts(notice)
    assert fonts and all(name.startswith(NOTO) for name in fonts), fonts
    text = pdf_text(notice)
    covered = noto_characters()
    missing = {char for char in text if not char.isspace() and ord(char) not in covered}
    assert missing == set()
    assert "解除劳动合同通知书" in text and "张伟" in text


def test_the_text_reads_back_exactly_as_rendered(notice):
    """Each paragraph of the rendered body comes back from the PDF character for character."""
    import re
    from html import unescape

    paragraphs = [
        unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", notice.body_html, re.S)
    ]
    text = squeezed(pdf_text(notice))
    assert paragraphs and [p for p in paragraphs if squeezed(p) not in text] == []
