"""verify-bundle: a bundle round-trips, and a change to any byte of any file in it fails, naming
the file. The checker needs no database, and runs with a plain Python."""

import copy
import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st

from dueprocess.lib import canonical as lib_canonical
from dueprocess.records.bundle import verify_bundle
from dueprocess.records.bundle.verify_bundle import BundleError, canonical, ed25519_verify, verify
from dueprocess.records.tests.bundles import flipped, make_bundle, rewritten

# The tests need no database, but the bundle is made from one: the marker has pytest-django set it up.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def bundle(django_db_setup, django_db_blocker, tmp_path_factory):
    return make_bundle(tmp_path_factory.mktemp("bundle"), django_db_blocker)


def failure(path, key=None) -> BundleError:
    with pytest.raises(BundleError) as raised:
        verify(str(path), key)
    return raised.value


def test_a_fresh_bundle_verifies(bundle):
    path, manifest = bundle
    assert verify(str(path)) == manifest
    names = zipfile.ZipFile(path).namelist()
    assert names[:6] == [
        "README.txt",
        "manifest.json",
        "SHA256SUMS",
        "events.jsonl",
        "timeline.pdf",
        "verify_bundle.py",
    ]
    assert len([name for name in names if name.startswith("documents/")]) == len(manifest["exhibits"]) == 3


def test_changing_any_byte_of_any_file_fails_and_names_the_file(bundle, tmp_path):
    path, _manifest = bundle
    with zipfile.ZipFile(path) as archive:
        contents = {name: archive.read(name) for name in archive.namelist()}
    for name, data in contents.items():
        for index in sorted({0, len(data) // 2, len(data) - 1}):
            damaged = rewritten(path, tmp_path / "damaged.zip", {name: flipped(data, index)})
            assert failure(damaged).file == name, (name, index)


def test_a_flipped_byte_in_the_compressed_archive_is_caught_whenever_it_changes_a_file(bundle, tmp_path):
    # Some bits of a deflate stream change nothing that is read back (the "last block" flag, say):
    # such a flip alters no evidence, so it must pass with the file intact; any other must fail.
    path, _manifest = bundle
    raw = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            original = archive.read(info)
            start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
            for offset in range(0, info.compress_size, max(1, info.compress_size // 7)):
                damaged = tmp_path / "raw.zip"
                damaged.write_bytes(flipped(raw, start + offset))
                try:
                    verify(str(damaged))
                except BundleError as error:
                    assert error.file == info.filename, (info.filename, offset)
                else:
                    assert zipfile.ZipFile(damaged).read(info.filename) == original, (info.filename, offset)


def test_an_unlisted_file_fails(bundle, tmp_path):
    path, _manifest = bundle
    damaged = rewritten(path, tmp_path / "extra.zip", {}, add={"documents/extra.txt": b"slipped in"})
    assert failure(damaged).file == "documents/extra.txt"


@pytest.mark.parametrize("name", ["events.jsonl", "timeline.pdf", "SHA256SUMS"])
def test_a_missing_file_fails_and_is_named(bundle, tmp_path, name):
    path, _manifest = bundle
    assert failure(rewritten(path, tmp_path / "missing.zip", {name: None})).file == name


def test_a_missing_document_is_named(bundle, tmp_path):
    path, manifest = bundle
    name = f"documents/{manifest['exhibits'][1]['sha256']}"
    assert failure(rewritten(path, tmp_path / "missing.zip", {name: None})).file == name


def test_a_manifest_rewritten_to_match_a_changed_file_fails_its_signature(bundle, tmp_path):
    path, manifest = bundle[0], copy.deepcopy(bundle[1])
    with zipfile.ZipFile(path) as archive:
        events = archive.read("events.jsonl").replace(b'meeting note 7"', b'meeting note 8"')
    for entry in manifest["files"]:
        if entry["path"] == "events.jsonl":
            entry["sha256"], entry["size"] = verify_bundle.sha256_hex(events), len(events)
    forged = {"events.jsonl": events, "manifest.json": json.dumps(manifest).encode()}
    error = failure(rewritten(path, tmp_path / "forged.zip", forged))
    assert error.file == "manifest.json" and "signature" in str(error)


def test_a_bundle_re_signed_with_another_key_fails_when_the_published_key_is_given(bundle, tmp_path):
    path, manifest = bundle
    other = Ed25519PrivateKey.generate()
    forged = {name: value for name, value in manifest.items() if name != "signature"}
    forged["public_key"] = {"ed25519": other.public_key().public_bytes_raw().hex(), "fingerprint": "?"}
    signature = other.sign(canonical(forged).encode())
    forged["signature"] = {"ed25519": signature.hex()}
    damaged = rewritten(path, tmp_path / "resigned.zip", {"manifest.json": json.dumps(forged).encode()})
    assert verify(str(damaged))  # a consistent forgery: only the key's fingerprint can tell
    error = failure(damaged, key=manifest["public_key"]["fingerprint"])
    assert error.file == "manifest.json" and "not by" in str(error)


def test_a_recomputed_chain_must_end_at_the_signed_head(bundle, tmp_path):
    path, manifest = bundle
    with zipfile.ZipFile(path) as archive:
        lines = archive.read("events.jsonl").decode().splitlines()
    shortened = ("\n".join(lines[:-1]) + "\n").encode()
    # Consistent hashes everywhere but the signature would not hold, so check the chain directly.
    with pytest.raises(BundleError, match="not at the manifest's head"):
        verify_bundle._check_chain(shortened, manifest)


def test_the_command_checks_a_bundle_without_a_database(bundle, tmp_path):
    path, _manifest = bundle
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        "DUEPROCESS_DATA_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "dueprocess.cli", "verify-bundle", str(path)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "OK " in done.stdout and "signed by Ed25519 key" in done.stdout


def test_the_command_fails_with_status_one_naming_the_file(bundle, tmp_path):
    path, _manifest = bundle
    damaged = rewritten(path, tmp_path / "damaged.zip", {"timeline.pdf": b"%PDF-1.7 not the timeline"})
    with pytest.raises(CommandError, match=r"timeline\.pdf") as raised:
        call_command("verify_bundle", str(damaged))
    assert raised.value.returncode == 1


def test_the_checker_inside_the_bundle_runs_with_a_plain_python(bundle, tmp_path):
    path, _manifest = bundle
    with zipfile.ZipFile(path) as archive:
        archive.extract("verify_bundle.py", tmp_path)
    python = shutil.which("python3") or sys.executable
    done = subprocess.run(
        [python, "-I", str(tmp_path / "verify_bundle.py"), str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.startswith("OK "), done.stdout + done.stderr
    damaged = rewritten(path, tmp_path / "damaged.zip", {"README.txt": b"nothing to see"})
    done = subprocess.run(
        [python, "-I", str(tmp_path / "verify_bundle.py"), str(damaged)], capture_output=True, text=True
    )
    assert done.returncode == 1 and done.stdout.startswith("FAILED  README.txt")


def test_the_sha256sums_file_checks_with_the_standard_tool(bundle, tmp_path):
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum is not installed")
    path, _manifest = bundle
    zipfile.ZipFile(path).extractall(tmp_path / "out")
    done = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path / "out", capture_output=True, text=True
    )
    assert done.returncode == 0 and "FAILED" not in done.stdout


# The rfc8032 test 1 key pair and signature of the empty message.
RFC8032_PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
RFC8032_SIGNATURE = bytes.fromhex(
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
)


def test_the_plain_python_signature_check_follows_rfc_8032():
    assert ed25519_verify(RFC8032_PUBLIC, b"", RFC8032_SIGNATURE)
    assert not ed25519_verify(RFC8032_PUBLIC, b"x", RFC8032_SIGNATURE)
    assert not ed25519_verify(RFC8032_PUBLIC, b"", flipped(RFC8032_SIGNATURE, 63))


@given(st.binary(max_size=200), st.integers(0, 63))
def test_the_plain_python_signature_check_agrees_with_the_cryptography_package(message, index):
    key = Ed25519PrivateKey.generate()
    public, signature = key.public_key().public_bytes_raw(), key.sign(message)
    assert ed25519_verify(public, message, signature)
    assert not ed25519_verify(public, message, flipped(signature, index))
    assert not ed25519_verify(public, message + b"!", signature)


text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"))
values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=4),
    max_leaves=20,
)


@given(values)
def test_the_checkers_canonical_json_is_the_records_own(value):
    assert canonical(value) == lib_canonical.dumps(value)
