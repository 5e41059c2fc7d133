"""The Record pages: the chains and their integrity, the organisation's public key, each chain's
events, and (for auditors) the read log. Thin: the work is in actions, verification and policy."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.accounts import policy
from dueprocess.records import signing
from dueprocess.records.actions import export_bundle, verify_and_keep
from dueprocess.records.bundle.export import BundleRefused
from dueprocess.records.bundle.timeline import summary
from dueprocess.records.labels import event_label
from dueprocess.records.models import Chain, ReadLog, VerificationRun
from dueprocess.records.readlog import kind_label, log_read
from dueprocess.records.state import chain_state
from dueprocess.records.verification import describe

CHAINS_PER_PAGE = 50
EVENTS_PER_PAGE = 100
READS_PER_PAGE = 100


def _require(allowed: bool) -> None:
    if not allowed:
        raise Http404  # as elsewhere: a page one may not see is a page that is not there


@login_required
def record_home(request: HttpRequest) -> HttpResponse:
    _require(policy.can_view_record(request.user))
    latest = VerificationRun.objects.filter(chain=OuterRef("pk")).order_by("-at", "-id")
    chains = Chain.objects.annotate(
        verified_ok=Subquery(latest.values("ok")[:1]), verified_at=Subquery(latest.values("at")[:1])
    ).order_by("kind", "-created_at")
    context = {
        "page": Paginator(chains, CHAINS_PER_PAGE).get_page(request.GET.get("page")),
        "fingerprint": signing.fingerprint(),
        "public_key_pem": signing.public_key_pem(),
        "can_view_read_log": policy.can_view_read_log(request.user),
    }
    return render(request, "records/record_home.html", context)


@login_required
def chain_detail(request: HttpRequest, public_id) -> HttpResponse:
    _require(policy.can_view_record(request.user))
    chain = get_object_or_404(Chain, public_id=public_id)
    events = chain.events.select_related("corrects").order_by("-sequence")
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    log_read(request.user, chain, "event_data", request=request)
    context = {
        "chain": chain,
        "state": chain_state(chain),
        "page": page,
        "rows": [(event, event_label(event.type), summary(event.data, {})) for event in page],
        "can_verify": policy.can_verify_record(request.user),
        "can_export": policy.can_export_bundle(request.user, chain),
    }
    return render(request, "records/chain_detail.html", context)


@login_required
@require_POST
def chain_verify(request: HttpRequest, public_id) -> HttpResponse:
    _require(policy.can_verify_record(request.user))
    chain = get_object_or_404(Chain, public_id=public_id)
    result = verify_and_keep(chain, actor=request.user)
    if result.ok:
        messages.success(request, _("The chain is intact: every event and document checks out."))
    else:
        messages.error(request, describe(result.broken))
    return redirect("records:chain_detail", public_id=chain.public_id)


@login_required
@require_POST
def chain_bundle(request: HttpRequest, public_id) -> HttpResponse:
    chain = get_object_or_404(Chain, public_id=public_id)
    _require(policy.can_export_bundle(request.user, chain))
    lang = "en" if request.POST.get("lang") == "en" else "zh-hans"
    name = f"evidence-{chain.public_id}.zip"
    folder = Path(tempfile.mkdtemp(prefix="dueprocess-bundle-"))
    try:
        export_bundle(chain, folder / name, actor=request.user, lang=lang, request=request)
    except BundleRefused as refusal:
        messages.error(request, _("No bundle was made: %(problem)s") % {"problem": refusal})
        return redirect("records:chain_detail", public_id=chain.public_id)
    # The open file keeps the bytes readable after the name is gone; nothing is left on disk.
    handle = (folder / name).open("rb")
    (folder / name).unlink()
    folder.rmdir()
    return FileResponse(handle, as_attachment=True, filename=name, content_type="application/zip")


def public_key(request: HttpRequest) -> HttpResponse:
    """The public key in PEM, for anyone who is sent a bundle: it is public by design."""
    response = HttpResponse(signing.public_key_pem(), content_type="application/x-pem-file")
    response["Content-Disposition"] = 'attachment; filename="organisation_ed25519.pub.pem"'
    return response


@login_required
def read_log(request: HttpRequest) -> HttpResponse:
    _require(policy.can_view_read_log(request.user))
    entries = ReadLog.objects.select_related("user").order_by("-at", "-id")
    who = request.GET.get("who", "").strip()[:100]
    record = request.GET.get("record", "").strip()[:200]
    if who:
        entries = entries.filter(user_label__icontains=who)
    if record:
        entries = entries.filter(object_ref__icontains=record) | entries.filter(
            object_label__icontains=record
        )
    page = Paginator(entries, READS_PER_PAGE).get_page(request.GET.get("page"))
    log_read(request.user, "records.readlog", "read_log", request=request)
    rows = [(entry, kind_label(entry.what)) for entry in page]
    return render(
        request, "records/read_log.html", {"page": page, "rows": rows, "who": who, "record": record}
    )
