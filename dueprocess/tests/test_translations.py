"""Every user-facing string exists in zh-Hans: the catalogue covers the whole source, and the
compiled catalogue is what Django serves."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import translation

PACKAGE = Path(__file__).resolve().parents[1]
CATALOGUE = Path("locale/zh_Hans/LC_MESSAGES/django.po")


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file: msgid, msgid_plural, msgstr forms and flags (obsolete ones skipped)."""
    entries, entry, key = [], None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#~"):
            continue
        if not line.strip():
            if entry is not None and "msgid" in entry:
                entries.append(entry)
            entry, key = None, None
            continue
        entry = entry if entry is not None else {"flags": set(), "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            _append(entry, key, ast.literal_eval(line))
        else:
            key, _, value = line.partition(" ")
            _append(entry, key, ast.literal_eval(value), start=True)
    return [e for e in entries if e["msgid"]]  # the header has an empty msgid


def _append(entry: dict, key: str | None, text: str, start: bool = False) -> None:
    if key and key.startswith("msgstr"):
        index = key[7:-1] if key.endswith("]") else "0"
        entry["msgstr"][index] = ("" if start else entry["msgstr"].get(index, "")) + text
    elif key:
        entry[key] = ("" if start else entry.get(key, "")) + text


def untranslated(entries: list[dict]) -> list[str]:
    return [e["msgid"] for e in entries if "fuzzy" in e["flags"] or not all(e["msgstr"].values())]


def test_every_entry_of_the_catalogue_is_translated():
    entries = read_po(PACKAGE / CATALOGUE)
    assert entries, "the zh-Hans catalogue is empty"
    assert untranslated(entries) == []


@pytest.mark.skipif(not shutil.which("xgettext"), reason="gettext is installed by `make setup`")
def test_the_catalogue_holds_every_translatable_string_of_the_source(tmp_path):
    copy = tmp_path / "dueprocess"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "tests"))
    (tmp_path / "catalogue_settings.py").write_text("USE_I18N = True\nLOCALE_PATHS = []\n")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "catalogue_settings", "PYTHONPATH": str(tmp_path)}
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "zh_Hans", "--no-location", "--no-obsolete"],
        cwd=copy, env=env, check=True, capture_output=True,
    )  # fmt: skip
    assert untranslated(read_po(copy / CATALOGUE)) == []


def test_the_compiled_catalogue_is_served():
    with translation.override("zh-hans"):
        assert translation.gettext("Dashboard") == "工作台"
    with translation.override("en"):
        assert translation.gettext("Dashboard") == "Dashboard"
