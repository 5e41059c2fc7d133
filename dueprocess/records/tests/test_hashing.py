"""The row text that is hashed is the canonical JSON of the row, however it is assembled."""

import json

from hypothesis import given
from hypothesis import strategies as st

from dueprocess.lib.canonical import MAX_SAFE_INTEGER, dumps
from dueprocess.records.hashing import ROW_KEYS, row_object, row_text

text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=30)
plain = st.recursive(
    st.none() | st.booleans() | st.integers(-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER) | text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=4),
    max_leaves=20,
)
rows = st.fixed_dictionaries(
    {
        "chain": st.uuids().map(str),
        "seq": st.integers(1, MAX_SAFE_INTEGER),
        "at": text,
        "actor_id": st.none() | st.integers(1, 2**31),
        "actor": text,
        "subject": text,
        "type": text,
        "corrects": st.none() | st.integers(1, 2**31),
        "data": st.dictionaries(text, plain, max_size=5),
        "documents": st.lists(st.text("0123456789abcdef", min_size=64, max_size=64), max_size=3),
    }
)


@given(rows)
def test_the_direct_row_text_is_the_canonical_json_of_the_row_object(row):
    direct = row_text(**{**row, "data": dumps(row["data"]), "documents": dumps(row["documents"])})
    assert direct == dumps(row_object(**row))
    assert tuple(json.loads(direct)) == ROW_KEYS
