"""The separation cases panel on an employee's profile: the cases the viewer may see, and the way to
open one for those who may."""

from django import template

from dueprocess.accounts import policy
from dueprocess.cases.models import SeparationCase

register = template.Library()


@register.inclusion_tag("cases/_profile_panel.html", takes_context=True)
def cases_panel(context, employee):
    user = context["request"].user
    cases = SeparationCase.objects.visible_to(user).filter(employee=employee).order_by("-opened_at")
    return {
        "employee": employee,
        "cases": list(cases),
        "can_open": policy.can_open_case(user, employee) and not any(c.is_open for c in cases),
    }
