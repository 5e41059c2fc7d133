"""The sandbox: a template reads only its data, a failure names the part and the line, and nothing
that leaves it can run in a page or make the PDF renderer fetch anything."""

from __future__ import annotations

import pytest

from dueprocess.letters.pdf import _fetcher
from dueprocess.letters.sandbox import LetterTemplateError, Sources, render, render_part
from dueprocess.letters.sanitize import clean_html

CONTEXT = {"employee": {"legal_name": "张伟"}, "case": {"last_day": "2026-11-25", "total": "262933.33"}}


def test_filters_write_dates_and_money_in_the_letters_language():
    body = "<p>{{ case.last_day|date }} {{ case.total|money }} {{ 'LCL 43'|cite }}</p>"
    assert (
        render_part("zh-hans", "body", body, CONTEXT)
        == "<p>2026年11月25日 262,933.33 《中华人民共和国劳动合同法》第四十三条</p>"
    )


def test_values_are_escaped():
    assert render_part("en", "body", "{{ x }}", {"x": "<script>"}) == "&lt;script&gt;"


def test_a_misspelt_name_is_an_error_with_its_line():
    with pytest.raises(LetterTemplateError) as failed:
        render_part("en", "body", "<p>Dear</p>\n<p>{{ employee.legal_nmae }}</p>", CONTEXT)
    assert (failed.value.part, failed.value.line) == ("body", 2)
    assert "legal_nmae" in failed.value.text and "line 2" in failed.value.text


def test_a_broken_tag_is_an_error_with_its_line():
    with pytest.raises(LetterTemplateError) as failed:
        render_part("en", "subject", "a\nb\n{% if %}", CONTEXT)
    assert (failed.value.part, failed.value.line) == ("subject", 3)


@pytest.mark.parametrize(
    "source",
    [
        "{{ employee.__class__ }}",
        "{{ employee.__class__.__mro__[1].__subclasses__() }}",
        "{{ employee.clear() }}",
        "{{ employee.update({'legal_name': 'x'}) }}",
        "{% include 'web/base.html' %}",
        "{% import 'x' as x %}",
        "{{ lipsum() }}",
    ],
)
def test_a_template_reaches_nothing_beyond_its_data(source):
    with pytest.raises(LetterTemplateError):
        render_part("en", "body", source, CONTEXT)


def test_rendered_html_keeps_document_markup_only():
    dirty = (
        '<p class="x" onclick="steal()" style="color:red">Hi <a href="https://x.example">link</a></p>'
        "<script>alert(1)</script><style>p{}</style><iframe src='x'></iframe>"
        '<img src="https://x.example/t.png"><img src="file:///etc/passwd">'
        '<img src="data:image/png;base64,AA==">'
        "<form><input name='n'></form><table><tr><td colspan='2'>1</td></tr></table>"
    )
    assert clean_html(dirty) == (
        '<p class="x">Hi link</p><img><img><img src="data:image/png;base64,AA==">'
        '<table><tr><td colspan="2">1</td></tr></table>'
    )


def test_the_subject_is_plain_text():
    rendered = render(Sources(subject="A & B\n{{ x }}", letterhead="", body=""), {"x": "<b>"}, "en")
    assert rendered.subject == "A & B <b>"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://127.0.0.1/", "https://example.com/x.css"])
def test_the_pdf_renderer_fetches_no_address(url):
    with pytest.raises(ValueError, match="disallowed protocol"):
        _fetcher().fetch(url)
