"""The employee's dashboard is the portal; everyone with a record of their own finds it in the menu."""

from django.urls import reverse
from django.utils import translation


def test_the_employee_is_sent_from_the_dashboard_to_the_portal(demo_org, client_as):
    response = client_as("employee").get(reverse("web:home"))
    assert response.status_code == 302 and response.url == reverse("portal:home")


def test_staff_keep_their_dashboard_and_find_their_own_portal_in_the_menu(demo_org, client_as):
    response = client_as("hrbp").get(reverse("web:home"))
    assert response.status_code == 200 and reverse("portal:home") in response.content.decode()


def test_nothing_to_do_is_said_plainly(demo_org, client_as):
    html = client_as("employee").get(reverse("portal:home")).content.decode()
    assert "Nothing needs your attention at the moment." in html


def test_the_portal_answers_in_chinese(told, client_as, settings):
    settings.LANGUAGE_CODE = "zh-hans"
    client = client_as("employee")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    with translation.override("zh-hans"):
        for name in ("home", "plans", "reviews", "conduct", "cases", "documents"):
            response = client.get(reverse(f"portal:{name}"))
            assert response.status_code == 200 and 'lang="zh-hans"' in response.content.decode()
