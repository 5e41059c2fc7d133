"""The printed letter: the rendered parts in the project's own page (letterhead, reference and date,
subject, body), typeset by WeasyPrint in Noto CJK. The renderer may load nothing from outside the
document: only images embedded as data URIs (sanitize.py keeps nothing else)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from dueprocess.letters.sandbox import Rendered
from dueprocess.letters.wording import is_zh, long_date

STYLESHEET = Path(__file__).with_name("letter.css")
ALLOWED_PROTOCOLS = {"data"}


def document_html(rendered: Rendered, context: dict[str, Any], language: str) -> str:
    letter = context["letter"]
    return render_to_string(
        "letters/pdf/document.html",
        {
            "html_lang": "zh-Hans" if is_zh(language) else "en",
            "subject": rendered.subject,
            "letterhead": rendered.letterhead,
            "body": rendered.body,
            "reference": letter["reference"],
            "date": long_date(letter["date"], language),
        },
    )


@functools.cache
def _stylesheet():
    from weasyprint import CSS

    return CSS(filename=str(STYLESHEET))


def _fetcher():
    """A fetcher that opens data: URIs and refuses every other address (file, http, ftp...)."""
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:  # WeasyPrint before 66 takes a function
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args: Any, **kwargs: Any) -> Any:
            if not url.lower().startswith("data:"):
                raise ValueError(f"Letters load nothing from outside the document: {url[:80]}")
            return default_url_fetcher(url, *args, **kwargs)

        return fetch
    return URLFetcher(allowed_protocols=ALLOWED_PROTOCOLS, allow_redirects=False, fail_on_errors=False)


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported here: loading Pango is slow and most requests never need it

    document = HTML(string=html, base_url=None, url_fetcher=_fetcher())
    return document.write_pdf(stylesheets=[_stylesheet()])  # type: ignore[no-any-return]
