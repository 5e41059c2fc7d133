"""The template editor: the HR administrator sees every kind in both languages, saves a new version
or is told which line fails, and reads every earlier version."""

from __future__ import annotations

from django.urls import reverse

from dueprocess.letters import library
from dueprocess.letters.models import LetterTemplate


def test_only_the_hr_administrator_reaches_the_editor(demo_org, client_as):
    url = reverse("letters:template_list")
    assert client_as("hr.admin").get(url).status_code == 200
    for username in ("hrbp", "legal", "manager", "employee"):
        assert client_as(username).get(url).status_code == 404


def test_saving_a_template_adds_a_version_and_shows_it(demo_org, client_as):
    client = client_as("hr.admin")
    url = reverse("letters:template_edit", args=["reference_letter", "en"])
    page = client.get(url).content.decode()
    assert "employment.position" in page, "the data a template can read is listed"
    defaults = library.default_sources("reference_letter", "en")
    form = {
        "subject": defaults.subject,
        "letterhead": defaults.letterhead,
        "body": "<p>{{ employee.legal_name }}</p>",
    }
    assert client.post(url, form).status_code == 302
    assert list(LetterTemplate.objects.values_list("version", "active")) == [(2, True), (1, False)]
    version = client.get(reverse("letters:template_version", args=["reference_letter", "en", 1]))
    assert version.status_code == 200 and "worked for us" in version.content.decode()


def test_a_template_that_fails_is_shown_with_its_line(demo_org, client_as):
    url = reverse("letters:template_edit", args=["reference_letter", "zh-hans"])
    form = {"subject": "工作证明", "letterhead": "", "body": "<p>x</p>\n<p>{{ employee.wage }}</p>"}
    page = client_as("hr.admin").post(url, form)
    assert page.status_code == 200 and "line 2" in page.content.decode()
    assert not LetterTemplate.objects.exists()


def test_an_unknown_kind_is_not_found(demo_org, client_as):
    assert client_as("hr.admin").get("/letters/templates/nothing/en/").status_code == 404


def test_the_letterhead_page_puts_one_letterhead_on_every_letter(demo_org, client_as):
    client = client_as("hr.admin")
    url = reverse("letters:letterhead_edit", args=["en"])
    assert "organisation.name" in client.get(url).content.decode()
    response = client.post(
        url, {"letterhead": "<div>{{ organisation.name }} · 1 Bund Road</div>", "note": ""}
    )
    assert response.status_code == 302
    assert (
        LetterTemplate.objects.filter(language="en", active=True, letterhead__contains="Bund Road").count()
        == 12
    )
    assert client_as("hrbp").get(url).status_code == 404
