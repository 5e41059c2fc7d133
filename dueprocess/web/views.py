from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from dueprocess.accounts import policy
from dueprocess.web.dashboard import open_work


@login_required
def home(request: HttpRequest) -> HttpResponse:
    if policy.portal_is_home(request.user):
        return redirect("portal:home")
    employees = policy.employees_visible_to(request.user)
    context = {
        "visible_employees": employees.count(),
        "own_record": request.user.employee,
        "can_manage_people": policy.can_manage_people_data(request.user),
        "work": open_work(request.user),
    }
    return render(request, "web/home.html", context)


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
