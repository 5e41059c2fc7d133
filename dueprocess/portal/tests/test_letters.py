"""Letters delivered to the employee are listed in their portal (the letters app owns the letter
page, its PDF and the acknowledgement); a letter to the union, or to someone else, never is."""

import pytest
from django.apps import apps
from django.urls import reverse

pytestmark = pytest.mark.skipif(
    not apps.is_installed("dueprocess.letters"), reason="the letters app is not installed"
)


@pytest.fixture
def lettered(told):
    from dueprocess.letters import demo as letters_demo
    from dueprocess.reviews.tests.conftest import DEMO_TODAY

    letters_demo.load(today=DEMO_TODAY)
    return told


def documents(client) -> str:
    return client.get(reverse("portal:documents")).content.decode()


def test_the_letters_delivered_to_the_employee_are_among_their_documents(lettered, client_as):
    from dueprocess.letters.models import Letter

    html = documents(client_as("employee"))
    to_him = Letter.objects.filter(employee__number="XQ0007", delivered_at__isnull=False)
    assert to_him.count() == 4
    for letter in to_him:
        assert reverse("letters:letter_download", args=[letter.public_id]) in html
    union = Letter.objects.get(kind="union_notice")
    assert union.subject not in html and str(union.public_id) not in html


def test_nobody_else_sees_them(lettered, wu, client, persona):
    from dueprocess.letters.models import Letter

    for account in (wu, persona("other.manager"), persona("hrbp")):
        client.force_login(account)
        html = documents(client)
        assert not any(str(letter.public_id) in html for letter in Letter.objects.all())


def test_a_letter_not_yet_acknowledged_is_on_the_home_page(told, persona, client_as):
    from dueprocess.cases.models import SeparationCase
    from dueprocess.letters import actions

    case = SeparationCase.objects.get(employee__number="XQ0007")
    letter = actions.issue_letter("termination_notice", case, "en", actor=persona("hrbp"))
    actions.deliver_letter(letter, actor=persona("hrbp"), email=False)
    html = client_as("employee").get(reverse("portal:home")).content.decode()
    assert "A letter awaits your acknowledgement" in html
    assert reverse("letters:letter_detail", args=[letter.public_id]) in html
