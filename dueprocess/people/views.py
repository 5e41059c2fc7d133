from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

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
        "departments": policy.departments_in_scope(request.user).order_by("code"),
    }
    template = (
        "people/_employee_rows.html" if request.headers.get("HX-Request") else "people/employee_list.html"
    )
    return render(request, template, context)


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
