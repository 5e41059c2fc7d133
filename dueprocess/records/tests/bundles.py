"""Helpers for the bundle tests: make a bundle once per module, and damage copies of it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings

from dueprocess.records.actions import export_bundle
from dueprocess.records.tests.conftest import build_case


def make_bundle(folder: Path, django_db_blocker, *, size: int = 60, lang: str = "en") -> tuple[Path, dict]:
    """Build a case and export it, then roll the database back: the zip is all the tests need."""
    storages = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder)},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    path = folder / "case.zip"
    with (
        pytest.MonkeyPatch.context() as patch,
        override_settings(STORAGES=storages),
        django_db_blocker.unblock(),
    ):
        patch.setenv("DUEPROCESS_SIGNING_KEY_FILE", str(folder / "key.pem"))
        with transaction.atomic():
            chain, _events = build_case(size)
            manifest = export_bundle(chain, path, actor=None, lang=lang)
            transaction.set_rollback(True)
    return path, manifest


def rewritten(
    source: Path, target: Path, change: dict[str, bytes | None], add: dict[str, bytes] | None = None
) -> Path:
    """A copy of the zip with some entries' bytes replaced (None drops the entry) or added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = change.get(info.filename, old.read(info.filename))
            if data is not None:
                new.writestr(info, data)
        for name, data in (add or {}).items():
            new.writestr(name, data)
    return target


def flipped(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]
