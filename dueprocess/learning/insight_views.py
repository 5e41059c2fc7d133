"""The risk list and the analytics pages: who may see them is the policy's answer, what they count is
the user's scope (a manager's line, an HR partner's departments, the whole organisation)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext

from dueprocess.accounts import policy
from dueprocess.learning import analytics, consistency, early_warning
from dueprocess.learning.caching import kept
from dueprocess.learning.conf import setting
from dueprocess.learning.forms import RiskFilterForm
from dueprocess.reviews.actions._common import today

PEOPLE_PER_PAGE = 50


@login_required
def risk_list(request: HttpRequest) -> HttpResponse:
    if not policy.can_view_risk_list(request.user):
        raise Http404
    form = RiskFilterForm(request.GET or None)
    codes = [form.cleaned_data["signal"]] if form.is_valid() and form.cleaned_data["signal"] else None
    # Who is flagged and how often (kept until anything is recorded); the reasons for one page only.
    tally = early_warning.tally(policy.risk_scope(request.user), today(), codes)
    page = Paginator(tally.people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "people": early_warning.people_at_risk([pk for pk, _count in page.object_list], today(), codes),
        "signals": [(item, tally.counts.get(code, 0)) for code, item in early_warning.SIGNALS.items()],
        "flagged": len(tally.people),
        "query": f"signal={codes[0]}&" if codes else "",
    }
    return render(request, "learning/risk_list.html", context)


def _analytics_nav(current: str) -> list[tuple[str, str, bool]]:
    pages = [(slug, str(title)) for slug, (title, _page) in analytics.PAGES.items()]
    pages.append(("consistency", gettext("Consistency")))
    return [(slug, title, slug == current) for slug, title in pages]


@login_required
def analytics_page(request: HttpRequest, page: str = "cases") -> HttpResponse:
    if not policy.can_view_analytics(request.user) or page not in analytics.PAGES:
        raise Http404
    title, build = analytics.PAGES[page]
    # Kept per reader (scope), page and language until the record moves.
    charts = kept(
        "analytics",
        (page, request.user.pk, get_language()),
        lambda: build(policy.analytics_scope(request.user)),
    )
    context = {"title": title, "charts": charts, "nav": _analytics_nav(page)}
    return render(request, "learning/analytics.html", context)


@login_required
def consistency_page(request: HttpRequest) -> HttpResponse:
    if not policy.can_view_analytics(request.user):
        raise Http404
    report = kept(
        "consistency",
        (request.user.pk, get_language()),
        lambda: consistency.consistency_report(policy.analytics_scope(request.user)),
    )
    context = {
        "report": report,
        "charts": report.charts(),
        "nav": _analytics_nav("consistency"),
        "min_cases": int(setting("CONSISTENCY_MIN_CASES")),
        "gap": round(100 * float(setting("CONSISTENCY_GAP"))),
    }
    return render(request, "learning/consistency.html", context)
