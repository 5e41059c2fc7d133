"""Letters on the pages of what they are about: ``{% letters_panel plan %}`` lists the letters the
user may read about a case, plan or warning and, for those who may write them, links to write more.
A page whose view already has the letters includes ``letters/_letters_panel.html`` with ``letters``
and ``target``."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from dueprocess.accounts import policy

register = template.Library()


def _slug(target) -> str | None:
    from dueprocess.cases.models import SeparationCase
    from dueprocess.plans.models import CheckIn, ImprovementPlan
    from dueprocess.reviews.models import Warning

    slugs = {SeparationCase: "case", ImprovementPlan: "plan", CheckIn: "check-in", Warning: "warning"}
    return slugs.get(type(target))


def _link(slug: str, target, label: str) -> dict[str, str]:
    return {"url": reverse("letters:letter_new", args=[slug, target.public_id]), "label": label}


@register.simple_tag(takes_context=True)
def letter_links(context, target) -> list[dict[str, str]]:
    request = context.get("request")
    slug = _slug(target)
    if request is None or slug is None or not policy.can_issue_letter(request.user, target):
        return []
    links = [_link(slug, target, _("Write a letter"))]
    if slug == "plan":
        for check_in in target.check_ins.order_by("held_on", "pk"):
            label = _("Summary of the check-in of %(day)s") % {"day": f"{check_in.held_on:%Y-%m-%d}"}
            links.append(_link("check-in", check_in, label))
    return links


@register.inclusion_tag("letters/_letters_panel.html", takes_context=True)
def letters_panel(context, target) -> dict[str, Any]:
    from dueprocess.letters.models import Letter

    request = context.get("request")
    field = {"case": "case", "plan": "plan", "warning": "warning"}.get(_slug(target) or "")
    letters = Letter.objects.none()
    if request is not None and field is not None:
        letters = Letter.objects.visible_to(request.user).filter(**{field: target}).select_related("employee")
    return {"request": request, "letters": letters, "target": target}
