"""``dueprocess verify``: every chain and document, a line each, and an exit status to act on."""

import io
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from dueprocess.cli import main
from dueprocess.records.documents import store_document
from dueprocess.records.events import record_event
from dueprocess.records.models import VerificationRun
from dueprocess.records.tests.conftest import build_case, document_file, flip, stored_text, write_text

pytestmark = pytest.mark.django_db


def verify(*args):
    out = io.StringIO()
    try:
        with translation.override("en"):
            call_command("verify_records", *args, stdout=out, stderr=out)
    except CommandError as error:
        return error.returncode, out.getvalue() + str(error)
    return 0, out.getvalue()


@pytest.fixture
def cases(actor):
    record_event(None, "people.imported", actor=None, data={"rows": 3})
    return build_case(30, actor=actor), build_case(30, actor=actor)


def test_an_intact_record_verifies_and_exits_zero(cases):
    status, output = verify()
    assert status == 0
    assert output.count("OK ") == 3 and "Chains verified: 3. Problems found: 0." in output


def test_a_broken_event_is_named_and_exits_one(cases, tamper):
    (chain, events), _other = cases
    original = stored_text(events[11].pk, "data")
    write_text(tamper, events[11].pk, "data", flip(original, original.index("meeting")))
    status, output = verify()
    assert status == 1
    assert (
        f"BROKEN  {chain.subject_key}" in output
        and f"Event 12 (id {events[11].pk}) has been altered" in output
    )
    assert output.count("OK ") == 2


def test_one_case_can_be_verified_on_its_own(cases):
    (chain, _events), _other = cases
    status, output = verify("--case", chain.subject_key.removeprefix("case:"))
    assert status == 0 and output.count("OK ") == 1 and chain.subject_key in output
    status, output = verify("--chain", str(chain.public_id))
    assert status == 0 and output.count("OK ") == 1


@pytest.mark.parametrize(
    "args", [["--case", "not-a-uuid"], ["--case", str(uuid.uuid4())], ["--chain", str(uuid.uuid4())]]
)
def test_arguments_that_name_nothing_exit_two(db, args):
    assert verify(*args)[0] == 2


def test_an_altered_document_no_event_holds_is_reported_too(db):
    document = store_document(b"an orphan", name="orphan.txt", content_type="text/plain")
    document_file(document.sha256).write_bytes(b"an orphaN")
    status, output = verify()
    assert status == 1 and f"document {document.sha256} (orphan.txt) has been altered" in output


def test_each_verification_is_kept(cases):
    verify()
    assert VerificationRun.objects.count() == 3 and all(run.ok for run in VerificationRun.objects.all())
    assert VerificationRun.objects.first().by_label == "command line"


def test_the_public_name_is_dueprocess_verify(cases, capsys):
    (chain, _events), _other = cases
    assert main(["dueprocess", "verify"]) == 0
    assert f"{chain.subject_key} (chain {chain.public_id})" in capsys.readouterr().out


def test_a_database_without_its_guard_is_reported(cases):
    from dueprocess.records import guard

    with guard.lifted():
        status, output = verify()
    assert status == 1 and "triggers are missing" in output
