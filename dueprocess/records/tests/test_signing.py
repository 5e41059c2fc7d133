"""The organisation's signing key: made once, kept private, the same for every caller."""

import os
import stat
from concurrent.futures import ThreadPoolExecutor

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from dueprocess.records import signing


def test_the_key_is_generated_on_first_use_with_owner_only_permissions(tmp_path, monkeypatch):
    path = tmp_path / "keys" / "organisation_ed25519.pem"
    monkeypatch.setenv("DUEPROCESS_SIGNING_KEY_FILE", str(path))
    assert not path.exists()
    signature = signing.sign(b"manifest")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    Ed25519PublicKey.from_public_bytes(signing.public_key_bytes()).verify(signature, b"manifest")


def test_the_same_key_is_used_from_then_on(tmp_path, monkeypatch):
    monkeypatch.setenv("DUEPROCESS_SIGNING_KEY_FILE", str(tmp_path / "key.pem"))
    first = signing.public_key_bytes()
    signing._load_or_create.cache_clear()
    assert signing.public_key_bytes() == first


def test_callers_starting_at_once_agree_on_one_key(tmp_path):
    path = tmp_path / "race.pem"
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(signing._create, [path] * 8))
    assert path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert [name for name in os.listdir(tmp_path)] == ["race.pem"]


def test_the_public_key_is_shown_as_pem_and_fingerprint(tmp_path, monkeypatch):
    monkeypatch.setenv("DUEPROCESS_SIGNING_KEY_FILE", str(tmp_path / "key.pem"))
    assert signing.public_key_pem().startswith("-----BEGIN PUBLIC KEY-----")
    fingerprint = signing.fingerprint()
    assert len(fingerprint) == 79 and fingerprint.count(":") == 15


def test_the_default_place_is_the_data_folder(settings, monkeypatch):
    monkeypatch.delenv("DUEPROCESS_SIGNING_KEY_FILE", raising=False)
    assert signing.key_path() == settings.DATA_DIR / "keys" / "organisation_ed25519.pem"
