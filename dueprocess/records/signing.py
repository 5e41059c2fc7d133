"""The organisation's Ed25519 key, which signs the manifests of evidence bundles.

The private key is generated on first use and kept, mode 0600, at DUEPROCESS_SIGNING_KEY_FILE or
DATA_DIR/keys/organisation_ed25519.pem (PKCS #8 PEM, unencrypted: the server must sign without a
person typing a passphrase, so the file's permissions and the host's security are its protection).
When several app servers run, mount the same key file on each. The public key and its fingerprint
are shown on the Record page so the organisation can publish them ahead of any dispute.
"""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings

from dueprocess.records.bundle.verify_bundle import fingerprint as _fingerprint

KEY_FILE_VARIABLE = "DUEPROCESS_SIGNING_KEY_FILE"


def key_path() -> Path:
    configured = os.environ.get(KEY_FILE_VARIABLE)
    return Path(configured) if configured else Path(settings.DATA_DIR) / "keys" / "organisation_ed25519.pem"


def private_key() -> Ed25519PrivateKey:
    return _load_or_create(key_path())


@lru_cache(maxsize=4)
def _load_or_create(path: Path) -> Ed25519PrivateKey:
    if not path.exists():
        _create(path)
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} holds a {type(key).__name__}, not an Ed25519 private key.")
    return key


def _create(path: Path) -> None:
    """Write a new key so that it appears whole or not at all, and never replaces another: two
    processes starting at once both end up with the one that was linked into place first."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass
    finally:
        temporary.unlink()


def public_key_bytes() -> bytes:
    return private_key().public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_pem() -> str:
    return (
        private_key()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )


def fingerprint() -> str:
    """SHA-256 of the raw public key, in groups of four hex digits."""
    return _fingerprint(public_key_bytes())


def sign(message: bytes) -> bytes:
    return private_key().sign(message)
