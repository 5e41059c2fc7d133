from django.urls import reverse

from dueprocess.accounts.demo import DEMO_PASSWORD


def test_every_demo_user_can_log_in_and_reach_the_dashboard(demo_org, client):
    from dueprocess.accounts.demo import DEMO_TOTP_SECRETS, DEMO_USERS
    from dueprocess.accounts.two_factor import current_code

    for username, *_ in DEMO_USERS:
        response = client.post(reverse("accounts:login"), {"username": username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, username
        if username in DEMO_TOTP_SECRETS:
            code = current_code(DEMO_TOTP_SECRETS[username])
            assert client.post(reverse("accounts:two_factor"), {"code": code}).status_code == 302
        response = client.get(reverse("web:home"), follow=True)
        assert response.status_code == 200 and "two-factor" not in response.request["PATH_INFO"], username
        client.logout()


def test_a_wrong_password_is_refused(demo_org, client):
    response = client.post(reverse("accounts:login"), {"username": "hr.admin", "password": "nope"})
    assert response.status_code == 200
    assert client.get(reverse("web:home")).status_code == 302


def test_logging_in_switches_to_the_users_own_language(demo_org, client, persona):
    user = persona("manager")
    user.language = "en"
    user.save()
    client.post(reverse("accounts:login"), {"username": "manager", "password": DEMO_PASSWORD})
    assert "Dashboard" in client.get(reverse("web:home")).content.decode()
