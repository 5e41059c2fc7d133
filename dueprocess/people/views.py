from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from dueprocess.accounts import policy
from dueprocess.people.models import Employee
from dueprocess.records.readlog import log_read

PAGE_SIZE = 50


@login_required
def employee_list(request: HttpRequest) -> HttpResponse:
    employees = policy.employees_visible_to(request.user).select_related("department", "location", "manager")
    query = request.GET.get("q", "").strip()[:100]
    if query:
        employees = employees.filter(
            Q(number__icontains=query) | Q(legal_name__icontains=query) | Q(other_name__icontains=query)
        )
    department = request.GET.get("department", "").strip()[:40]
    if department:
        employees = employees.filter(department__code=department)
    page = Paginator(employees.order_by("number"), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "query": query,
        "department": department,
    }
    if request.headers.get("HX-Request"):  # htmx asks for the rows alone
        return render(request, "people/_employee_rows.html", context)
    context["department_options"] = _department_options(request.user, department)
    return render(request, "people/employee_list.html", context)


def _department_options(user, selected: str) -> str:
    """The department filter's options, built here rather than by a template loop: 100,000 people
    sit in some 1,700 departments and groups, and looping over them in the template cost more than
    the rest of the page (bench/bench_pages.py)."""
    rows = policy.departments_in_scope(user).order_by("code").values_list("code", "name", "name_en")
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (code, mark_safe(" selected") if code == selected else "", f"{name} / {en}" if en else name)
            for code, name, en in rows
        ),
    )


@login_required
def employee_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    try:
        employee = (
            policy.employees_visible_to(request.user)
            .select_related("department", "location", "manager")
            .get(public_id=public_id)
        )
    except Employee.DoesNotExist:
        # The same answer for "does not exist" and "not yours": existence is not leaked.
        raise Http404 from None
    sensitive = policy.can_view_sensitive(request.user, employee)
    if sensitive:
        # Showing wages and protected periods is itself recorded (PIPL art. 28): who, what, when.
        log_read(request.user, employee, "wage_history", request=request)
        log_read(request.user, employee, "protected_periods", request=request)
    context = {
        "employee": employee,
        "contracts": employee.contracts.order_by("-starts_on"),
        "reports": policy.employees_visible_to(request.user).filter(manager=employee).order_by("number"),
        "sensitive": sensitive,
        "wages": employee.wages.order_by("-month")[:24] if sensitive else None,
        "protected_periods": employee.protected_periods.order_by("-starts_on") if sensitive else None,
    }
    return render(request, "people/employee_detail.html", context)
