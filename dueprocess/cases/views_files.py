"""The files handed in with the employee's statements, handed back to those who may read them
(policy.can_read_case_evidence): from the case page, and through the API by the same lookup."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest

from dueprocess.accounts import policy
from dueprocess.cases.models import SeparationCase, StatementEvidence
from dueprocess.records.downloads import hand_out, is_sha256


def statement_file(user, public_id, statement_id, sha256: str) -> StatementEvidence | None:
    """The file stored under ``sha256`` among those of the case's statement, if the user may read the
    case's evidence; None otherwise, whether the case, the statement or the file is missing or not
    the user's to read (one answer, so that existence is not leaked). Only the case in the address is
    searched: a file of another case is not found here, even where the user may read that one too."""
    case = SeparationCase.objects.select_related("employee").filter(public_id=public_id).first()
    if case is None or not is_sha256(sha256) or not policy.can_read_case_evidence(user, case):
        return None
    files = StatementEvidence.objects.select_related("statement").filter(
        statement__case=case, statement__public_id=statement_id, sha256=sha256
    )
    stored = files.first()
    if stored is not None:
        stored.statement.case = case  # the read is logged against it: no second query for it
    return stored


@login_required
def statement_evidence(request: HttpRequest, public_id, statement_id, sha256: str) -> FileResponse:
    stored = statement_file(request.user, public_id, statement_id, sha256)
    if stored is None:
        raise Http404
    return hand_out(request, stored, about=stored.statement.case)
