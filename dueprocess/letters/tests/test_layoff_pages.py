"""The layoff's letters page starts the background work, and its progress fragment asks htmx to fetch
it again every second until the batch has finished."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from dueprocess.cases import actions as cases
from dueprocess.letters import actions
from dueprocess.letters.models import LetterBatch
from dueprocess.letters.tests.conftest import DEMO_TODAY


def make_layoff(demo_org, persona):
    return cases.create_layoff(
        actor=persona("hr.admin"),
        name="Beijing platform team",
        reason="The platform product is discontinued.",
        employees=[demo_org["XQ0009"]],
        headcount=25,
        last_day=DEMO_TODAY + dt.timedelta(days=45),
    )


def test_starting_the_letters_hands_them_to_the_worker(
    demo_org, persona, client_as, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    layoff = make_layoff(demo_org, persona)
    url = reverse("letters:layoff_letters", args=[layoff.public_id])
    client = client_as("hr.admin")
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url, {"kind": "reference_letter", "language": "en"})
    assert response.status_code == 302 and len(callbacks) == 1
    batch = LetterBatch.objects.get()
    assert (batch.status, batch.total) == ("queued", 1)
    assert client_as("hrbp").get(url).status_code == 404


def test_the_progress_fragment_polls_until_the_batch_has_finished(demo_org, persona, client_as):
    layoff = make_layoff(demo_org, persona)
    batch = actions.create_batch(layoff, actor=persona("hr.admin"), kind="reference_letter", language="en")
    client = client_as("hr.admin")
    url = reverse("letters:batch_progress", args=[batch.public_id])
    running = client.get(url).content.decode()
    assert 'hx-trigger="every 1s"' in running and f'hx-get="{url}"' in running and "<progress" in running
    actions.run_batch(batch)
    finished = client.get(url).content.decode()
    assert "hx-get" not in finished and 'value="1"' in finished
    assert client_as("other.manager").get(url).status_code == 404
