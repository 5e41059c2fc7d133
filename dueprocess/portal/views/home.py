"""The portal's home: what needs the employee's attention, each with its date and a link."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dueprocess.portal.attention import attention
from dueprocess.portal.views._common import portal_view
from dueprocess.reviews.actions._common import today


@portal_view
def home(request: HttpRequest) -> HttpResponse:
    items = attention(request.user, today())
    return render(request, "portal/home.html", {"items": items, "employee": request.user.employee})
