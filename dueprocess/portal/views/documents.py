"""My documents: the evidence I handed in and the letters delivered to me. A file is handed out only
here, after asking the policy, and each download is written to the read log."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from dueprocess.accounts import policy
from dueprocess.portal import letters
from dueprocess.portal.views._common import portal_view
from dueprocess.records import log_read, open_document


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
    document = (
        policy.documents_shared_with(request.user)
        .filter(sha256=sha256)
        .select_related("statement__case")
        .first()
    )
    if document is None:
        raise Http404
    log_read(request.user, document.statement.case, "document", request=request)
    response = FileResponse(
        open_document(document.sha256),
        as_attachment=True,
        filename=document.name,
        content_type=document.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
