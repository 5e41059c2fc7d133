"""The Record pages: chains and their integrity, the public key, a chain's events, the read log."""

import zipfile

import pytest
from django.urls import reverse

from dueprocess.records import signing
from dueprocess.records.bundle.verify_bundle import verify
from dueprocess.records.models import ReadLog, VerificationRun
from dueprocess.records.tests.conftest import build_case, flip, stored_text, write_text


@pytest.fixture
def case(demo_org):
    return build_case(8, every_document=4)


def chain_url(chain, name="records:chain_detail"):
    return reverse(name, args=[chain.public_id])


@pytest.mark.parametrize("username", ["manager", "hrbp", "employee", "other.manager"])
def test_the_record_is_not_there_for_those_who_may_not_read_it(case, client_as, username):
    chain, _events = case
    client = client_as(username)
    assert client.get(reverse("records:home")).status_code == 404
    assert client.get(chain_url(chain)).status_code == 404
    assert client.post(chain_url(chain, "records:chain_verify")).status_code == 404
    assert client.post(chain_url(chain, "records:chain_bundle")).status_code == 404


def test_the_record_page_lists_chains_and_shows_the_public_key(case, client_as):
    chain, _events = case
    page = client_as("legal").get(reverse("records:home")).content.decode()
    assert chain.subject_key in page and signing.fingerprint() in page
    assert "BEGIN PUBLIC KEY" in page and reverse("records:read_log") not in page


def test_the_public_key_can_be_downloaded_by_anyone(db, client):
    response = client.get(reverse("records:public_key"))
    assert response.status_code == 200 and response.content.decode() == signing.public_key_pem()


def test_a_chain_page_shows_that_the_chain_is_intact(case, client_as):
    chain, events = case
    with_english(client := client_as("auditor"))
    page = client.get(chain_url(chain)).content.decode()
    assert "Intact" in page and "All 8 events recompute" in page and events[-1].hash in page


def test_a_chain_page_names_the_broken_link(case, client_as, tamper):
    chain, events = case
    original = stored_text(events[4].pk, "data")
    write_text(tamper, events[4].pk, "data", flip(original, original.index("meeting")))
    with_english(client := client_as("auditor"))
    page = client.get(chain_url(chain)).content.decode()
    assert "Broken" in page and f"Event 5 (id {events[4].pk}) has been altered" in page


def test_viewing_a_chains_events_is_logged(case, client_as):
    chain, _events = case
    client_as("auditor").get(chain_url(chain))
    entry = ReadLog.objects.get()
    assert (entry.what, entry.object_ref) == ("event_data", f"records.chain:{chain.public_id}")


def test_verify_now_keeps_the_verification_and_says_how_it_went(case, client_as):
    chain, _events = case
    with_english(client := client_as("hr.admin"))
    response = client.post(chain_url(chain, "records:chain_verify"), follow=True)
    assert "The chain is intact" in response.content.decode()
    run = VerificationRun.objects.get()
    assert run.ok and run.events_checked == 8 and run.by_label.endswith("(hr.admin)")
    assert "intact" in client.get(reverse("records:home")).content.decode()


def test_a_bundle_is_downloaded_and_verifies(case, client_as, tmp_path):
    chain, _events = case
    response = client_as("legal").post(chain_url(chain, "records:chain_bundle"), {"lang": "en"})
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    path = tmp_path / "bundle.zip"
    path.write_bytes(b"".join(response.streaming_content))
    assert verify(str(path))["language"] == "en"
    assert "timeline.pdf" in zipfile.ZipFile(path).namelist()
    assert ReadLog.objects.filter(what="evidence_bundle").count() == 1


def test_only_auditors_read_the_read_log_and_their_reading_is_logged(case, client_as, demo_org):
    client_as("hrbp").get(reverse("people:employee_detail", args=[demo_org["XQ0007"].public_id]))
    assert client_as("hr.admin").get(reverse("records:read_log")).status_code == 404
    page = client_as("auditor").get(reverse("records:read_log"), {"who": "hrbp"}).content.decode()
    assert "people.employee:" in page and "(hrbp)" in page
    assert ReadLog.objects.filter(what="read_log", user__username="auditor").count() == 1


def test_the_embeddable_verification_state_renders_for_any_chain(case):
    from django.template import Context, Template

    chain, _events = case
    html = Template("{% load records %}{% verification_state chain %}").render(Context({"chain": chain}))
    assert 'class="verification ok"' in html


def with_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
