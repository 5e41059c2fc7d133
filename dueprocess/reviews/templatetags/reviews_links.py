"""The reviews-and-conduct panel on an employee's profile: what the user may see of that person's
reviews, incidents and warnings, and the actions the policy lets them start from there."""

from __future__ import annotations

from django import template

from dueprocess.accounts import policy
from dueprocess.reviews.models import Incident, Review, Warning

register = template.Library()
SHOWN = 10


@register.inclusion_tag("reviews/_employee_panel.html", takes_context=True)
def reviews_panel(context, employee) -> dict:
    user = context["request"].user
    reviews = Review.objects.visible_to(user).current().filter(employee=employee)
    return {
        "employee": employee,
        "reviews": reviews.select_related("cycle", "rating").order_by("-cycle__period_starts_on")[:SHOWN],
        "incidents": Incident.objects.visible_to(user).filter(employee=employee)[:SHOWN],
        "warnings": Warning.objects.visible_to(user).filter(employee=employee)[:SHOWN],
        "can_review": policy.can_start_reviews(user) and policy.can_manage_reviews(user, employee),
        "can_report": policy.can_report_incident(user, employee),
        "can_warn": policy.can_handle_conduct(user, employee),
    }
