"""What the page shell needs to know about the user: which sections to offer in the navigation."""

from django.http import HttpRequest

from dueprocess.accounts import policy


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_record": policy.can_view_record(user),
        "nav_read_log": policy.can_view_read_log(user),
        "nav_portal": policy.can_use_portal(user),
        "nav_risk": policy.can_view_risk_list(user),
        "nav_analytics": policy.can_view_analytics(user),
    }
