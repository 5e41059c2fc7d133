"""``{% load records %}{% verification_state chain %}``: a chain's integrity, for any page that
shows a case (the case page embeds it)."""

from __future__ import annotations

from django import template

from dueprocess.records.state import chain_state

register = template.Library()


@register.inclusion_tag("records/_verification.html")
def verification_state(chain):
    return {"state": chain_state(chain)}
