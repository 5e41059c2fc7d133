"""The directory and the profile: what each role is shown, and what it is not."""

import pytest
from django.urls import reverse

PROTAGONIST = "XQ0007"


def detail_url(employee):
    return reverse("people:employee_detail", args=[employee.public_id])


def test_the_directory_lists_only_people_in_the_users_scope(demo_org, client_as):
    page = client_as("manager").get(reverse("people:employee_list")).content.decode()
    assert "张伟" in page and "孙晓梅" in page
    assert "吴静" not in page  # another team's engineer


def test_the_directory_search_matches_names_in_either_script(demo_org, client_as):
    client = client_as("hr.admin")
    assert "张伟" in client.get(reverse("people:employee_list"), {"q": "Zhang Wei"}).content.decode()
    assert "Zhang Wei" in client.get(reverse("people:employee_list"), {"q": "张伟"}).content.decode()


def test_an_htmx_request_gets_only_the_rows(demo_org, client_as):
    response = client_as("hr.admin").get(reverse("people:employee_list"), HTTP_HX_REQUEST="true")
    assert b"<html" not in response.content and b"<table" in response.content


def test_a_profile_outside_the_users_scope_is_not_found(demo_org, client_as):
    response = client_as("other.manager").get(detail_url(demo_org[PROTAGONIST]))
    assert response.status_code == 404


def test_a_line_manager_sees_the_profile_but_not_wages_or_protected_periods(demo_org, client_as):
    page = client_as("manager").get(detail_url(demo_org[PROTAGONIST])).content.decode()
    assert "张伟" in page
    assert "28000" not in page and "sensitive" not in page


def test_hr_sees_wages_and_protected_periods(demo_org, client_as):
    page = client_as("hrbp").get(detail_url(demo_org[PROTAGONIST])).content.decode()
    assert "28000" in page


def test_the_employee_sees_their_own_record_and_nobody_elses(demo_org, client_as):
    client = client_as("employee")
    assert client.get(detail_url(demo_org[PROTAGONIST])).status_code == 200
    assert client.get(detail_url(demo_org["XQ0008"])).status_code == 404


@pytest.mark.parametrize("url_name", ["people:employee_list", "web:home"])
def test_anonymous_visitors_are_sent_to_log_in(demo_org, client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_pages_speak_the_language_the_user_chose(demo_org, client_as):
    client = client_as("hr.admin")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Department" in client.get(reverse("people:employee_list")).content.decode()
    client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
    assert "部门" in client.get(reverse("people:employee_list")).content.decode()


def test_the_directory_needs_the_same_number_of_queries_for_10_or_50_rows(
    demo_org, client_as, django_assert_max_num_queries
):
    client = client_as("hr.admin")
    with django_assert_max_num_queries(8):
        client.get(reverse("people:employee_list"))
