"""export-bundle: a case's record as a signed zip; the export itself goes on the record."""

import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.utils import translation

from dueprocess.lib.canonical import dumps
from dueprocess.records import signing
from dueprocess.records.actions import export_bundle
from dueprocess.records.bundle.verify_bundle import verify
from dueprocess.records.events import organisation_chain
from dueprocess.records.models import Event, ReadLog
from dueprocess.records.tests.conftest import build_case, flip, stored_text, write_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(actor):
    return build_case(12, actor=actor, every_document=5)


def run(*args):
    out = io.StringIO()
    try:
        with translation.override("en"):
            call_command("export_bundle", *args, stdout=out)
    except CommandError as error:
        return error.returncode, str(error)
    return 0, out.getvalue()


def test_the_command_writes_a_bundle_that_verifies(case, tmp_path):
    chain, events = case
    target = tmp_path / "case.zip"
    status, output = run(chain.subject_key.removeprefix("case:"), str(target))
    assert status == 0 and f"12 events and 3 documents, ending at hash {events[-1].hash}" in output
    manifest = verify(str(target))
    assert manifest["chain"]["head_hash"] == events[-1].hash and manifest["language"] == "zh-hans"
    assert manifest["public_key"]["ed25519"] == signing.public_key_bytes().hex()


def test_events_jsonl_holds_every_event_as_stored(case, tmp_path):
    chain, events = case
    export_bundle(chain, tmp_path / "case.zip", actor=None, lang="en")
    lines = zipfile.ZipFile(tmp_path / "case.zip").read("events.jsonl").decode().splitlines()
    assert [line.split('"hash":"')[1][:64] for line in lines] == [event.hash for event in events]


def test_the_export_is_recorded_in_the_organisations_chain_with_what_it_covered(case, tmp_path, actor):
    chain, events = case
    manifest = export_bundle(chain, tmp_path / "case.zip", actor=actor, lang="en")
    recorded = Event.objects.get(chain=organisation_chain(), type="records.bundle_exported")
    manifest_bytes = zipfile.ZipFile(tmp_path / "case.zip").read("manifest.json")
    assert manifest_bytes == (dumps(manifest) + "\n").encode()
    assert recorded.data["head_hash"] == events[-1].hash and recorded.data["head_sequence"] == 12
    assert recorded.data["manifest_sha256"] == hashlib.sha256(manifest_bytes).hexdigest()
    assert recorded.actor == actor and recorded.subject == f"records.chain:{chain.public_id}"
    assert ReadLog.objects.get().what == "evidence_bundle"


def test_a_chain_that_does_not_verify_is_not_exported(case, tmp_path, tamper):
    chain, events = case
    original = stored_text(events[3].pk, "data")
    write_text(tamper, events[3].pk, "data", flip(original, original.index("meeting")))
    status, message = run(str(chain.public_id), str(tmp_path / "case.zip"))
    assert status == 1 and "Event 4" in message
    assert [path.name for path in tmp_path.iterdir() if "zip" in path.name] == []


@pytest.mark.parametrize("ident", ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "organisation"])
def test_arguments_that_name_nothing_exit_two(db, tmp_path, ident):
    assert run(ident, str(tmp_path / "x.zip"))[0] == 2


def test_a_missing_folder_exits_two(case, tmp_path):
    chain, _events = case
    assert run(str(chain.public_id), str(tmp_path / "no" / "x.zip"))[0] == 2


def test_only_those_allowed_may_export(case, tmp_path, django_user_model):
    chain, _events = case
    manager = django_user_model.objects.create_user("a.manager", role="manager")
    with pytest.raises(PermissionDenied):
        export_bundle(chain, tmp_path / "case.zip", actor=manager)
    assert not (tmp_path / "case.zip").exists()


def test_the_organisation_chain_can_be_exported_too(case, tmp_path):
    organisation_chain()
    export_bundle(case[0], tmp_path / "case.zip", actor=None)  # puts an event on the organisation's chain
    assert run("organisation", str(tmp_path / "org.zip"), "--lang", "en")[0] == 0
    assert verify(str(tmp_path / "org.zip"))["chain"]["subject"] == "organisation"
