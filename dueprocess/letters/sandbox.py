"""Rendering the organisation's templates in a sandbox.

Templates are Jinja2 run by an ImmutableSandboxedEnvironment: no attribute that starts with an
underscore, no method that changes anything, no loader (so no include or import), autoescaping on,
and an undefined name is an error rather than an empty string. The context is plain data built from
the case, so a template can reach nothing beyond it. Whatever HTML comes out is cleaned to plain
document markup (sanitize.py). A template that fails says which part and line, before anything is
stored or sent.
"""

from __future__ import annotations

import functools
import html
import traceback
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from dueprocess.letters.sanitize import clean_html
from dueprocess.letters.wording import cite, long_date, money

PARTS = ("subject", "letterhead", "body")
TEMPLATE_FILE = "<template>"  # the file name Jinja gives a template compiled from a string
RENDER_ERRORS = (TemplateError, TypeError, ValueError, ArithmeticError, LookupError, AttributeError)


class LetterTemplateError(ValueError):
    """A template that does not render: the part (subject, letterhead, body), the line, the reason."""

    def __init__(self, part: str, line: int | None, message: str) -> None:
        self.part, self.line, self.message = part, line, message
        super().__init__(self.text)

    @property
    def text(self) -> str:
        names = {"subject": _("subject"), "letterhead": _("letterhead"), "body": _("body")}
        where = names.get(self.part, self.part)
        if self.line:
            where = _("%(part)s, line %(line)s") % {"part": where, "line": self.line}
        return _("The template does not render (%(where)s): %(message)s") % {
            "where": where,
            "message": self.message,
        }


@dataclass(frozen=True)
class Sources:
    subject: str
    letterhead: str
    body: str


@dataclass(frozen=True)
class Rendered:
    subject: str
    letterhead: str
    body: str


@functools.cache
def environment(language: str) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, loader=None
    )
    env.globals.pop("lipsum", None)
    env.filters.update(
        date=lambda value: long_date(value, language),
        money=money,
        cite=lambda article: cite(article, language),
    )
    return env


@functools.lru_cache(maxsize=256)
def _compiled(language: str, part: str, source: str) -> Template:
    try:
        return environment(language).from_string(source)
    except TemplateSyntaxError as error:
        raise LetterTemplateError(part, error.lineno, error.message or str(error)) from None


def render_part(language: str, part: str, source: str, context: dict[str, Any]) -> str:
    template = _compiled(language, part, source)
    try:
        return template.render(context)
    except RENDER_ERRORS as error:
        raise LetterTemplateError(part, _line_of(error), _message(error)) from None


def render(sources: Sources, context: dict[str, Any], language: str) -> Rendered:
    subject = html.unescape(render_part(language, "subject", sources.subject, context))
    return Rendered(
        subject=" ".join(subject.split()),
        letterhead=clean_html(render_part(language, "letterhead", sources.letterhead, context)),
        body=clean_html(render_part(language, "body", sources.body, context)),
    )


def _line_of(error: BaseException) -> int | None:
    """Jinja rewrites the traceback so that the template's own frames carry its line numbers."""
    line = None
    for frame, lineno in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename == TEMPLATE_FILE:
            line = lineno
    return line


def _message(error: BaseException) -> str:
    text = getattr(error, "message", None) or str(error)
    return text.replace("jinja2.exceptions.", "")
