from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from dueprocess.accounts import policy


@login_required
def home(request: HttpRequest) -> HttpResponse:
    employees = policy.employees_visible_to(request.user)
    context = {
        "visible_employees": employees.count(),
        "own_record": request.user.employee,
        "can_manage_people": policy.can_manage_people_data(request.user),
    }
    return render(request, "web/home.html", context)


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
