"""Only plain document markup leaves a rendered template: paragraphs, headings, lists, tables,
emphasis, and images embedded as data. Scripts, styles, forms, frames, links, event handlers and
any address outside the document are dropped, so that an edited template can neither run code in
the preview page nor make the PDF renderer fetch anything."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

ALLOWED_TAGS = {
    "p", "br", "div", "span", "section", "header", "footer", "strong", "em", "b", "i", "u", "small",
    "sup", "sub", "h1", "h2", "h3", "h4", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody",
    "tfoot", "tr", "th", "td", "caption", "hr", "blockquote", "img",
}  # fmt: skip
VOID_TAGS = {"br", "hr", "img"}
ALLOWED_ATTRIBUTES = {"class", "lang", "colspan", "rowspan", "alt", "src", "width", "height"}
# Everything inside these is dropped with them, not only the tags.
DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "template",
    "iframe",
    "object",
    "embed",
    "noscript",
    "title",
    "head",
}
DATA_IMAGE = ("data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;")


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED_WITH_CONTENT:
            self.skipping += 1
            return
        if self.skipping or tag not in ALLOWED_TAGS:
            return
        kept = "".join(
            f' {name}="{escape(value or "", quote=True)}"' for name, value in self._attrs(tag, attrs)
        )
        self.out.append(f"<{tag}{kept}>")
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ALLOWED_TAGS and tag not in VOID_TAGS and not self.skipping:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_WITH_CONTENT:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping or tag not in self.open:
            return
        while self.open:  # close whatever was left open inside it
            closing = self.open.pop()
            self.out.append(f"</{closing}>")
            if closing == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(escape(data, quote=False))

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        kept = []
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES:
                continue
            if name == "src" and (tag != "img" or not (value or "").lower().startswith(DATA_IMAGE)):
                continue
            kept.append((name, value))
        return kept

    def result(self) -> str:
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def clean_html(html: str) -> str:
    cleaner = _Cleaner()
    cleaner.feed(html)
    cleaner.close()
    return cleaner.result()
