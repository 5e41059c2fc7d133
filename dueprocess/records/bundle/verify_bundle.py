#!/usr/bin/env python3
"""Check a dueprocess evidence bundle, offline, with nothing but Python 3.9 or later.

    python3 verify_bundle.py bundle.zip [--key FINGERPRINT]

It checks that every file in the bundle is listed in manifest.json with its SHA-256 and size and
that nothing else is there; that the manifest's Ed25519 signature holds; and that the chain of
events in events.jsonl recomputes, event by event, to the head the manifest names. It prints the
signing key's fingerprint: compare it with the one the organisation published, or pass it as --key.
On failure it names the file (and the event) and exits with status 1.

This file is self-contained on purpose (an arbitrator can read all of it): no third-party packages,
no database. If the ``cryptography`` package is installed it checks the signature with it too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import zipfile
import zlib

FORMAT = "dueprocess evidence bundle 1"
GENESIS_HASH = "0" * 64
ROW_KEYS = ["actor", "actor_id", "at", "chain", "corrects", "data", "documents", "seq", "subject", "type"]
SHA256 = re.compile(r"[0-9a-f]{64}")
ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class BundleError(Exception):
    """What is wrong, and in which file."""

    def __init__(self, file: str, problem: str) -> None:
        super().__init__(f"{file}: {problem}")
        self.file = file


# --- Canonical JSON (RFC 8785 for strings, integers, booleans, null, arrays and objects) -----------
def canonical(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False)
    if ASTRAL.search(text) is None:
        return text
    return _utf16_ordered(value)  # keys beyond U+FFFF: RFC 8785 orders keys by UTF-16 code units


def _utf16_ordered(value: object) -> str:
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda item: item[0].encode("utf-16-be"))
        return "{" + ",".join(f"{_utf16_ordered(k)}:{_utf16_ordered(v)}" for k, v in items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_utf16_ordered(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- Ed25519 signature check (RFC 8032, section 6), in plain integers -------------------------------
P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _recover_x(y: int, sign: int) -> int | None:
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P:
        return None
    return P - x if (x & 1) != sign else x


_GY = 4 * pow(5, P - 2, P) % P
_GX = _recover_x(_GY, 0) or 0
BASE = (_GX, _GY, 1, _GX * _GY % P)


def _add(a: tuple, b: tuple) -> tuple:
    p1 = (a[1] - a[0]) * (b[1] - b[0]) % P
    p2 = (a[1] + a[0]) * (b[1] + b[0]) % P
    p3 = 2 * a[3] * b[3] * D % P
    p4 = 2 * a[2] * b[2] % P
    e, f, g, h = p2 - p1, p4 - p3, p4 + p3, p2 + p1
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def _multiply(scalar: int, point: tuple) -> tuple:
    result = (0, 1, 1, 0)
    while scalar:
        if scalar & 1:
            result = _add(result, point)
        point, scalar = _add(point, point), scalar >> 1
    return result


def _decompress(data: bytes) -> tuple | None:
    y = int.from_bytes(data, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


def ed25519_verify(public_key: bytes, message: bytes, signature: bytes) -> bool:
    if len(public_key) != 32 or len(signature) != 64:
        return False
    a, r = _decompress(public_key), _decompress(signature[:32])
    s = int.from_bytes(signature[32:], "little")
    if a is None or r is None or s >= L:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public_key + message).digest(), "little") % L
    left, right = _multiply(s, BASE), _add(r, _multiply(h, a))
    return (left[0] * right[2] - right[0] * left[2]) % P == 0 and (
        left[1] * right[2] - right[1] * left[2]
    ) % P == 0


def signature_holds(public_key: bytes, message: bytes, signature: bytes) -> bool:
    verdict = ed25519_verify(public_key, message, signature)
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    except ImportError:
        return verdict
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return verdict


def fingerprint(public_key: bytes) -> str:
    digest = sha256_hex(public_key)
    return ":".join(digest[i : i + 4] for i in range(0, 64, 4))


# --- The bundle ----------------------------------------------------------------------------------
def verify(path: str, key: str | None = None) -> dict:
    """Check the bundle at ``path``; return its manifest, or raise BundleError naming what failed."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise BundleError(path, f"not a readable zip archive ({error})") from None
    with archive:
        manifest = _manifest(archive)
        _check_signature(manifest, key)
        files = _check_files(archive, manifest)
        _check_sums(files["SHA256SUMS"], manifest)
        _check_chain(files["events.jsonl"], manifest)
    return manifest


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except KeyError:
        raise BundleError(name, "missing from the bundle") from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as error:  # CRC or deflate damage
        raise BundleError(name, f"damaged in the archive ({error})") from None


def _manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(_read(archive, "manifest.json").decode("utf-8"))
    except (UnicodeError, ValueError) as error:
        raise BundleError("manifest.json", f"not valid JSON ({error})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError("manifest.json", f"not a manifest of the format {FORMAT!r}")
    try:
        files_ok = all(isinstance(e["path"], str) and SHA256.fullmatch(e["sha256"]) and e["size"] >= 0
                       for e in manifest["files"])  # fmt: skip
        chain_ok = all(isinstance(manifest["chain"][k], str) for k in ("id", "head_hash"))
        chain_ok = chain_ok and isinstance(manifest["chain"]["head_sequence"], int)
    except (KeyError, TypeError):
        files_ok = chain_ok = False
    if not (files_ok and chain_ok):
        raise BundleError("manifest.json", "its list of files or its chain is malformed")
    return manifest


def _check_signature(manifest: dict, key: str | None) -> None:
    try:
        public_key = bytes.fromhex(manifest["public_key"]["ed25519"])
        signature = bytes.fromhex(manifest["signature"]["ed25519"])
        signed = canonical({name: value for name, value in manifest.items() if name != "signature"})
    except (KeyError, TypeError, ValueError) as error:
        raise BundleError("manifest.json", f"no readable key or signature ({error})") from None
    if not signature_holds(public_key, signed.encode("utf-8"), signature):
        raise BundleError("manifest.json", "the Ed25519 signature does not match the manifest")
    if key is not None and fingerprint(public_key).replace(":", "") != key.replace(":", "").lower():
        raise BundleError("manifest.json", f"signed by key {fingerprint(public_key)}, not by {key}")


def _check_files(archive: zipfile.ZipFile, manifest: dict) -> dict[str, bytes]:
    listed = {entry["path"]: entry for entry in manifest.get("files", [])}
    names = archive.namelist()
    for name in names:
        if names.count(name) > 1:
            raise BundleError(name, "appears more than once in the archive")
        if name != "manifest.json" and name not in listed:
            raise BundleError(name, "is not listed in manifest.json")
    contents = {}
    for name, entry in sorted(listed.items()):
        data = _read(archive, name)
        found = sha256_hex(data)
        if found != entry["sha256"] or len(data) != entry["size"]:
            raise BundleError(
                name, f"SHA-256 is {found} ({len(data)} bytes); the manifest says {entry['sha256']}"
            )
        if name.startswith("documents/") and name.removeprefix("documents/") != found:
            raise BundleError(name, "the document's name is not the SHA-256 of its bytes")
        if name in ("SHA256SUMS", "events.jsonl"):
            contents[name] = data
    for required in ("SHA256SUMS", "events.jsonl"):
        if required not in contents:
            raise BundleError(required, "missing from the bundle")
    return contents


def _check_sums(sums: bytes, manifest: dict) -> None:
    expected = {e["path"]: e["sha256"] for e in manifest["files"] if e["path"] != "SHA256SUMS"}
    found = {}
    for line in sums.decode("utf-8").splitlines():
        digest, _sep, name = line.partition("  ")
        found[name] = digest
    if found != expected:
        raise BundleError("SHA256SUMS", "does not list the same files and hashes as manifest.json")


def _check_chain(events: bytes, manifest: dict) -> None:
    chain, prev, sequence = manifest["chain"], GENESIS_HASH, 0
    documents = {
        e["path"].removeprefix("documents/") for e in manifest["files"] if e["path"].startswith("documents/")
    }
    for number, line in enumerate(events.decode("utf-8").splitlines(), start=1):
        place = f"line {number}"
        try:
            event = json.loads(line)
        except ValueError:
            raise BundleError("events.jsonl", f"{place} is not JSON") from None
        if canonical(event) != line:
            raise BundleError("events.jsonl", f"{place} is not written in canonical JSON")
        try:
            sequence, prev = _check_event(event, place, chain["id"], sequence, prev, documents)
        except (TypeError, AttributeError, KeyError) as error:
            raise BundleError("events.jsonl", f"{place} is malformed ({error!r})") from None
    if (sequence, prev) != (chain["head_sequence"], chain["head_hash"]):
        raise BundleError("events.jsonl", f"ends at event {sequence} ({prev}), not at the manifest's head")


def _check_event(event: dict, place: str, chain_id: str, sequence: int, prev: str, documents: set) -> tuple:
    if sorted(event) != sorted([*ROW_KEYS, "hash", "prev_hash"]):
        raise BundleError("events.jsonl", f"{place} does not have the fields of an event")
    seq = event["seq"]
    place = f"{place} (event {seq})"
    if seq != sequence + 1 or event["chain"] != chain_id:
        raise BundleError("events.jsonl", f"{place} follows event {sequence} of chain {chain_id}: a gap")
    if event["prev_hash"] != prev:
        raise BundleError(
            "events.jsonl", f"{place} names {event['prev_hash']} as previous hash; it is {prev}"
        )
    row = {name: event[name] for name in ROW_KEYS}
    found = sha256_hex((prev + canonical(row)).encode("utf-8"))
    if found != event["hash"]:
        raise BundleError("events.jsonl", f"{place} hashes to {found}, but says {event['hash']}")
    missing = [sha for sha in event["documents"] if sha not in documents]
    if missing:
        raise BundleError(f"documents/{missing[0]}", f"held by {place} but missing from the bundle")
    return seq, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check a dueprocess evidence bundle offline.")
    parser.add_argument("bundle", help="the bundle's .zip file")
    parser.add_argument("--key", help="the signing key's fingerprint the organisation published")
    options = parser.parse_args(argv)
    try:
        manifest = verify(options.bundle, options.key)
    except BundleError as error:
        print(f"FAILED  {error}")
        return 1
    chain = manifest["chain"]
    print(f"OK  {len(manifest['files'])} files, {chain['head_sequence']} events, head {chain['head_hash']}")
    print(f"    signed by Ed25519 key {fingerprint(bytes.fromhex(manifest['public_key']['ed25519']))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
