"""Canonical JSON: the one form of a value that every hash in the record is taken over."""

import datetime as dt
import json
import uuid
from decimal import Decimal
from enum import StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dueprocess.lib.canonical import (
    MAX_SAFE_INTEGER,
    CanonicalError,
    canonical_bytes,
    dumps,
    format_datetime,
    format_decimal,
    normalise,
)

# Strings without NUL or lone surrogates: the ones normalise accepts.
text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"))
safe_ints = st.integers(-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER)
json_values = st.recursive(
    st.none() | st.booleans() | safe_ints | text,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(text, children, max_size=5),
    max_leaves=30,
)


def utf16_sorted(value):
    """An independent, slow reading of RFC 8785 §3.2.3: keys ordered by UTF-16 code units."""
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: [unit for unit in k.encode("utf-16-be")])
        return (
            "{"
            + ",".join(json.dumps(k, ensure_ascii=False) + ":" + utf16_sorted(value[k]) for k in keys)
            + "}"
        )
    if isinstance(value, list):
        return "[" + ",".join(utf16_sorted(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


@given(json_values)
def test_the_canonical_text_reads_back_as_the_same_value(value):
    assert json.loads(dumps(value)) == value


@given(json_values)
def test_writing_what_was_read_gives_the_same_bytes(value):
    assert dumps(json.loads(dumps(value))) == dumps(value)


@given(json_values)
def test_keys_are_ordered_by_utf16_code_units_as_rfc_8785_asks(value):
    assert dumps(value) == utf16_sorted(value)


@given(json_values)
def test_normalising_a_plain_value_changes_nothing(value):
    assert normalise(value) == value


def test_keys_beyond_the_basic_plane_sort_before_private_use_characters():
    # U+1F600 is D83D DE00 in UTF-16, which sorts before U+E000; by code point it would sort after.
    assert dumps({"\ue000": 1, "\U0001f600": 2}) == '{"😀":2,"\ue000":1}'


def test_there_is_no_insignificant_whitespace_and_text_stays_utf8():
    assert dumps({"b": [1, 2], "a": {"名字": "张伟"}}) == '{"a":{"名字":"张伟"},"b":[1,2]}'
    assert canonical_bytes({"名": "伟"}) == '{"名":"伟"}'.encode()


def test_strings_are_escaped_as_json_stringify_escapes_them():
    assert dumps('"\\\b\f\n\r\t\x01\x1f\x7f\u2028') == '"\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\x7f\u2028"'


def test_decimals_keep_their_exact_digits_and_scale():
    assert normalise({"a": Decimal("1.50"), "b": Decimal("1E+3"), "c": Decimal("-0.001")}) == {
        "a": "1.50",
        "b": "1000",
        "c": "-0.001",
    }
    assert format_decimal(Decimal("123456789012345678901234567890.12")) == "123456789012345678901234567890.12"


def test_dates_and_timestamps_have_one_form_each():
    shanghai = dt.timezone(dt.timedelta(hours=8))
    assert normalise(dt.date(2026, 3, 1)) == "2026-03-01"
    assert format_datetime(dt.datetime(2026, 3, 1, 8, 0, tzinfo=shanghai)) == "2026-03-01T00:00:00.000000Z"
    assert (
        format_datetime(dt.datetime(2026, 3, 1, 0, 0, 0, 5, tzinfo=dt.UTC)) == "2026-03-01T00:00:00.000005Z"
    )


def test_uuids_tuples_and_string_enums_become_plain_json():
    class Colour(StrEnum):
        RED = "red"

    ident = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert normalise({"id": ident, "pair": (1, Colour.RED)}) == {"id": str(ident), "pair": [1, "red"]}
    assert type(normalise(Colour.RED)) is str


def test_a_default_may_turn_unknown_objects_into_known_ones():
    class Thing:
        pass

    assert normalise({"x": Thing()}, default=lambda v: "thing" if isinstance(v, Thing) else v) == {
        "x": "thing"
    }


@pytest.mark.parametrize(
    "value, path, reason",
    [
        ({"a": [1, 0.5]}, "$.a[1]", "floats are not allowed"),
        ({"a": Decimal("NaN")}, "$.a", "not a finite number"),
        ({"a": dt.datetime(2026, 1, 1)}, "$.a", "time-zone aware"),
        ({"a": 2**53}, "$.a", "beyond"),
        ({"a": "x\x00y"}, "$.a", "NUL"),
        ({"a": "\ud800"}, "$.a", "lone surrogate"),
        ({1: "a"}, "$", "keys must be strings"),
        ({"a": {1, 2}}, "$.a", "a set has no canonical JSON form"),
    ],
)
def test_values_without_a_canonical_form_are_refused_with_their_path(value, path, reason):
    with pytest.raises(CanonicalError, match=reason) as raised:
        normalise(value)
    assert raised.value.path == path


def test_the_largest_safe_integers_are_accepted():
    assert dumps(normalise([MAX_SAFE_INTEGER, -MAX_SAFE_INTEGER])) == "[9007199254740991,-9007199254740991]"
