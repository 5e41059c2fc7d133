"""One spreadsheet cell → one Python value, or a sentence saying what is wrong with it.

Cells arrive as text (CSV) or as whatever openpyxl read (text, numbers, datetimes). Every parser
takes a non-empty cell and returns the value or raises ``Problem``; empty cells never reach them.
Money is kept as whole cents (``int``): a 1.2-million-row wage file would not fit in memory as
``Decimal`` objects, and cents compare exactly.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
import zoneinfo
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

# Excel runs a cell that starts with one of these as a formula; the CSV export puts an apostrophe in
# front (OWASP "CSV injection") and the importer takes it off again, so values round-trip.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_CENTS = 10**14  # DecimalField(max_digits=14, decimal_places=2)

_DATE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]0?0:00(?::00(?:\.0+)?)?)?"
)
_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月|[-/.]0?1)?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_CURRENCY = str.maketrans("", "", "¥￥$£€元 ")
_CENT = Decimal("0.01")

Parser = Callable[[Any], Any]


class Problem(ValueError):
    """What is wrong with one cell, as a sentence for the person who filled it in."""


def shown(value: Any) -> str:
    """A value as a message quotes it: short enough to read on one line."""
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def clean(value: Any) -> Any:
    """Strip text, treat blank as empty (None), and undo the export's formula guard."""
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        if len(value) > 1 and value[0] == "'" and value[1] in "=+-@":
            return value[1:]
    return value


def as_text(value: Any) -> str:
    # Excel stores an employee number or a phone number typed as digits as a float: 10023.0.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    return str(value)


def text(max_length: int) -> Parser:
    def parse(value: Any) -> str:
        result = as_text(value)
        if len(result) > max_length:
            raise Problem(_("the text is longer than %(max)s characters") % {"max": max_length})
        if "\x00" in result:  # PostgreSQL cannot store it: refused here, by cell, not by the database
            raise Problem(_("the text contains a NUL character, which cannot be stored"))
        return result

    return parse


def code(value: Any) -> str:
    result = text(40)(value)
    if not _SLUG.fullmatch(result):
        raise Problem(
            _('"%(value)s" is not a valid code: use only letters, digits, hyphens and underscores')
            % {"value": shown(result)}
        )
    return result


def email(value: Any) -> str:
    result = text(254)(value)
    try:
        validate_email(result)
    except ValidationError:
        raise Problem(_('"%(value)s" is not an email address') % {"value": shown(result)}) from None
    return result


def date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise Problem(
            _("%(value)s is a number, not a date: format the cell as a date or write YYYY-MM-DD")
            % {"value": shown(as_text(value))}
        )
    match = _DATE.fullmatch(str(value))
    if not match:
        raise Problem(_('"%(value)s" is not a date: write YYYY-MM-DD') % {"value": shown(value)})
    return _real_date(value, *map(int, match.groups()))


def _real_date(value: Any, year: int, month: int, day: int) -> dt.date:
    try:
        result = dt.date(year, month, day)
    except ValueError:
        raise Problem(_('"%(value)s" is not a date that exists') % {"value": shown(value)}) from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Problem(
            _('"%(value)s" is outside the years %(min)s to %(max)s')
            % {"value": shown(value), "min": MIN_YEAR, "max": MAX_YEAR}
        )
    return result


def month(value: Any) -> dt.date:
    """A wage month, stored as its first day. Excel turns a typed "2024-03" into 1 March 2024."""
    if isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        if day.day != 1:
            raise Problem(
                _("%(value)s is a day, not a month: write the month as YYYY-MM") % {"value": day.isoformat()}
            )
        return _real_date(value, day.year, day.month, 1)
    match = _MONTH.fullmatch(as_text(value))
    if not match:
        raise Problem(_('"%(value)s" is not a month: write YYYY-MM') % {"value": shown(value)})
    return _real_date(value, int(match[1]), int(match[2]), 1)


def money(value: Any) -> int:
    """An amount of money in whole cents; never negative."""
    amount = _decimal(value)
    rounded = amount.quantize(_CENT)
    # A value Excel computed (a formula's cached result) may carry binary noise: 1234.5600000001.
    if abs(amount - rounded) > Decimal("0.000001"):
        raise Problem(_("%(value)s has more than two decimal places") % {"value": shown(value)})
    cents = int(rounded * 100)
    if cents < 0:
        raise Problem(
            _("%(value)s is negative: an amount of pay cannot be negative") % {"value": shown(value)}
        )
    if cents >= MAX_CENTS:
        raise Problem(_("%(value)s is too large") % {"value": shown(value)})
    return cents


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise Problem(_('"%(value)s" is not an amount of money') % {"value": shown(value)})
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise Problem(_('"%(value)s" is not an amount of money') % {"value": shown(value)})
        return Decimal(repr(value))
    raw = str(value).translate(_CURRENCY)
    if _GROUPED.fullmatch(raw):
        raw = raw.replace(",", "")
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        raise Problem(_('"%(value)s" is not an amount of money') % {"value": shown(value)}) from None
    if not amount.is_finite():
        raise Problem(_('"%(value)s" is not an amount of money') % {"value": shown(value)})
    return amount


def fold(value: Any) -> str:
    """The form two spellings are compared in: full-width folded (NFKC), lower case, and spaces,
    hyphens and underscores all alike."""
    folded = unicodedata.normalize("NFKC", as_text(value)).strip().lower()
    return re.sub(r"[\s_\-]+", "_", folded).strip("_")


def choice(options: dict[str, str], listed: str) -> Parser:
    """A value from a fixed list; ``options`` maps every accepted spelling (in ``fold`` form) to the
    stored value, ``listed`` is what the message offers."""

    def parse(value: Any) -> str:
        try:
            return options[fold(value)]
        except KeyError:
            raise Problem(
                _('"%(value)s" is not one of: %(options)s') % {"value": shown(value), "options": listed}
            ) from None

    return parse


@functools.cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def time_zone(value: Any) -> str:
    result = as_text(value)
    if result not in _time_zones():
        raise Problem(
            _('"%(value)s" is not a time zone name such as Asia/Shanghai') % {"value": shown(result)}
        )
    return result
