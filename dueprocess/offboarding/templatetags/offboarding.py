"""Offboarding on the case page: ``{% offboarding_panel case %}`` shows the checklist with its due
dates, the settlement (to those who may see wages), support, whether the exit interview was held
(never its answers outside HR) and disputes, with the way to the offboarding page."""

from __future__ import annotations

from typing import Any

from django import template
from django.apps import apps
from django.urls import reverse
from django.utils.html import format_html

from dueprocess.accounts import policy

register = template.Library()


@register.simple_tag
def letter_link(public_id, reference: str) -> str:
    """A link to the letter that did a task, when the letters app is here to show it."""
    if not apps.is_installed("dueprocess.letters"):
        return reference
    return format_html(
        '<a href="{}">{}</a>', reverse("letters:letter_detail", args=[public_id]), reference or "→"
    )


@register.inclusion_tag("offboarding/_panel.html", takes_context=True)
def offboarding_panel(context, case) -> dict[str, Any]:
    from dueprocess.offboarding.models import Checklist, Dispute, ExitInterview, Settlement, SupportOffer
    from dueprocess.offboarding.queries import record_chain

    request = context.get("request")
    user = getattr(request, "user", None)
    checklist = Checklist.objects.filter(case=case).first()
    tasks = list(checklist.tasks.select_related("owner")) if checklist else []
    settlement = (
        Settlement.objects.filter(case=case).first() if policy.can_view_settlement(user, case) else None
    )
    return {
        "request": request,
        "case": case,
        "checklist": checklist,
        "tasks": tasks,
        "open_required": [t for t in tasks if t.is_open and t.legally_required],
        "done": sum(1 for t in tasks if not t.is_open),
        "settlement": settlement,
        "settlement_total": settlement.total() if settlement else None,
        "settlement_paid": settlement.is_paid() if settlement else False,
        "offers": list(SupportOffer.objects.filter(case=case)),
        "interview": ExitInterview.objects.filter(case=case).first(),
        "disputes": list(Dispute.objects.filter(case=case)),
        "can_manage": policy.can_manage_offboarding(user, case),
        "chain": record_chain(user, case),
    }
