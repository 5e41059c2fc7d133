"""Every worked case in shared/law/vectors.json, run through the same code path as the CLI.

The file is read as it is. If it is missing the tests fail rather than skip: CI always checks
out ``shared/`` beside the repository (or sets DUEPROCESS_LAW_VECTORS).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from dueprocess.law import cli

VECTORS = Path(
    os.environ.get("DUEPROCESS_LAW_VECTORS")
    or Path(__file__).resolve().parents[3].parent / "shared" / "law" / "vectors.json"
)
LISTS = ("blockers", "missing_steps")


def _load() -> list[dict[str, Any]]:
    try:
        return json.loads(VECTORS.read_text(encoding="utf-8"))
    except OSError:
        return []


CASES = _load()


def test_the_shared_vectors_file_is_there_and_holds_cases() -> None:
    assert VECTORS.is_file(), f"{VECTORS} is missing: check out shared/ beside the repository"
    assert CASES, f"{VECTORS} holds no vectors"


def _at(data: Any, path: str) -> Any:
    for part in path.split("."):
        assert isinstance(data, dict) and part in data, f"the assessment has no {path!r}"
        data = data[part]
    return data


def assess_like_the_cli(facts: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    status = cli.main([str(path), "--json"])
    out, err = capsys.readouterr()
    assert status == 0, err
    return json.loads(out)


@pytest.mark.parametrize("vector", CASES, ids=[case["id"] for case in CASES])
def test_the_engine_reproduces_the_vector(
    vector: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assessment = assess_like_the_cli(vector["facts"], tmp_path, capsys)
    for path, expected in vector["expect"].items():
        got = _at(assessment, path)
        if path in LISTS:
            assert {f["article"] for f in got} == set(expected), f"{vector['id']} {path}"
        else:
            assert got == expected, f"{vector['id']} {path}: expected {expected!r}, got {got!r}"
