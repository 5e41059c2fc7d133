"""Canonical JSON: one value, one byte sequence, so that a hash can be recomputed anywhere.

The form is that of RFC 8785 (the JSON Canonicalization Scheme) for the values we allow:
- object keys sorted by their UTF-16 code units, no insignificant whitespace, UTF-8 output;
- strings escaped as ECMAScript's JSON.stringify escapes them: only '"', '\\' and the control
  characters (as \\b \\t \\n \\f \\r or \\u00xx), everything else written as itself;
- integers in plain decimal notation, and only those an IEEE double holds exactly (|n| < 2**53), so
  that any JSON reader, JavaScript's included, reads back the same number.

Floats are refused rather than written in RFC 8785's float form: a binary float is rarely what a
record of money, dates or counts means, and PostgreSQL's jsonb would give 1e300 back as an integer,
changing the bytes under the hash. Decimals, dates and timestamps become strings in one exact form
(see ``format_decimal`` and ``format_datetime``), so the hashed bytes never depend on a locale, a
time zone or a database's number type.

``normalise`` turns Python values into plain JSON values (or says exactly where and why it cannot);
``dumps`` writes a plain JSON value canonically. The bundle's stdlib-only verifier repeats ``dumps``
in a dozen lines; a test holds the two to the same output.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TypeAlias

JsonValue: TypeAlias = bool | int | str | list["JsonValue"] | dict[str, "JsonValue"] | None
# Turns an object the module does not know (a model, say) into one it does; returns it unchanged if not.
Default: TypeAlias = Callable[[object], object] | None

MAX_SAFE_INTEGER = 2**53 - 1
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class CanonicalError(ValueError):
    """A value that has no canonical JSON form; ``path`` says where it sits (``$.items[2].amount``)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


# One encoder, built once: json.dumps with options builds a new one per call, which at a million
# events is a noticeable share of verification time.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False)


def dumps(value: JsonValue) -> str:
    """The canonical text of a plain JSON value (one that ``normalise`` returned, or ``json.loads``)."""
    text = _ENCODER.encode(value)
    # Python sorts keys by code point, RFC 8785 by UTF-16 code unit; the two orders differ only when
    # a key holds a character beyond U+FFFF, so the fast path is exact whenever the text has none.
    if text.isascii() or _ASTRAL.search(text) is None:
        return text
    return _dumps_utf16_order(value)


def dumps_bytes(value: JsonValue) -> bytes:
    return dumps(value).encode("utf-8")


def canonical_bytes(value: object, *, default: Default = None) -> bytes:
    """Normalise, then write canonically: the bytes to hash or sign."""
    return dumps_bytes(normalise(value, default=default))


def _dumps_utf16_order(value: JsonValue) -> str:
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda item: item[0].encode("utf-16-be"))
        return "{" + ",".join(f"{_dumps_utf16_order(k)}:{_dumps_utf16_order(v)}" for k, v in items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_dumps_utf16_order(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def normalise(value: object, *, default: Default = None) -> JsonValue:
    """Plain JSON values for ``value``: Decimal, date, aware datetime and UUID become strings, tuples
    become lists. ``default`` may turn other objects into something normalisable (a model into its
    reference, say); anything left is refused with a ``CanonicalError`` naming its path."""
    return _normalise(value, default, "$")


def _normalise(value: object, default: Default, path: str) -> JsonValue:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return _string(value, path)
    if isinstance(value, int):
        return _integer(value, path)
    if isinstance(value, Mapping):
        return _object(value, default, path)
    if isinstance(value, list | tuple):
        return [_normalise(item, default, f"{path}[{index}]") for index, item in enumerate(value)]
    scalar = _scalar(value, path)
    if scalar is not None:
        return scalar
    if default is not None:
        replacement = default(value)
        if replacement is not value:
            return _normalise(replacement, default, path)
    raise CanonicalError(path, f"a {type(value).__name__} has no canonical JSON form")


def _scalar(value: object, path: str) -> str | None:
    if isinstance(value, float):
        raise CanonicalError(path, "floats are not allowed; use a Decimal, an integer or a string")
    if isinstance(value, Decimal):
        return format_decimal(value, path)
    if isinstance(value, dt.datetime):
        return format_datetime(value, path)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return None


def _string(value: str, path: str) -> str:
    if "\x00" in value:
        # Valid JSON, but PostgreSQL's jsonb cannot keep it, so a record would differ by database.
        raise CanonicalError(path, "NUL characters are not allowed in strings")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise CanonicalError(path, "the string holds a lone surrogate, which UTF-8 cannot encode") from None
    return str.__str__(value)  # a plain str, even for str-based enums


def _integer(value: int, path: str) -> int:
    if not -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
        raise CanonicalError(path, "integers beyond ±(2**53 - 1) are not allowed; use a string or a Decimal")
    return int(value)


def _object(value: Mapping[object, object], default: Default, path: str) -> JsonValue:
    result: dict[str, JsonValue] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise CanonicalError(path, f"object keys must be strings, not {type(key).__name__} ({key!r})")
        name = _string(key, f"{path}.{key}")
        result[name] = _normalise(item, default, f"{path}.{name}")
    return result


def format_decimal(value: Decimal, path: str = "$") -> str:
    """The exact decimal notation, scale kept: Decimal("1.50") is "1.50", Decimal("1E+3") is "1000"."""
    if not value.is_finite():
        raise CanonicalError(path, f"the Decimal {value} is not a finite number")
    return format(value, "f")


def format_datetime(value: dt.datetime, path: str = "$") -> str:
    """UTC with six fractional digits and a Z: "2026-11-24T01:02:03.000000Z" — one form per instant."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise CanonicalError(path, "timestamps must be time-zone aware")
    utc = value.astimezone(dt.UTC).replace(tzinfo=None)
    return utc.isoformat(timespec="microseconds") + "Z"
