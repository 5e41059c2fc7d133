"""My documents: the evidence I handed in and the letters delivered to me. A file is handed out only
through a view that asks the policy (here; a plan outcome's documents from the plan's page), and
each download is written to the read log."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from dueprocess.accounts import policy
from dueprocess.portal import letters
from dueprocess.portal.views._common import portal_view
from dueprocess.records.downloads import hand_out, is_sha256


@portal_view
def document_list(request: HttpRequest) -> HttpResponse:
    evidence = (
        policy.documents_shared_with(request.user)
        .select_related("statement")
        .order_by("-statement__submitted_at", "name")
    )
    context = {"evidence": evidence, "letters": letters.for_employee(request.user)}
    return render(request, "portal/documents.html", context)


@portal_view
def document_download(request: HttpRequest, sha256: str) -> FileResponse:
    if not is_sha256(sha256):
        raise Http404
    document = (
        policy.documents_shared_with(request.user)
        .filter(sha256=sha256)
        .select_related("statement__case")
        .first()
    )
    if document is None:
        raise Http404
    return hand_out(request, document, about=document.statement.case)
