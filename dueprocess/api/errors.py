"""How the API answers when an action says no: installed once, on the one NinjaAPI.

- out of scope or missing: 404, the same answer, so that an identifier reveals nothing;
- refused by accounts.policy (PermissionDenied): 403;
- refused by an action's rules (ValidationError): 422, one entry per field, in the shape pydantic's
  own input errors take, so a client reads both the same way. Nothing was written: actions are atomic.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI


def field_errors(error: ValidationError) -> list[dict]:
    if not hasattr(error, "error_dict"):
        return [{"loc": ["body"], "msg": message, "type": "action_refused"} for message in error.messages]
    return [
        {
            "loc": ["body"] if field == NON_FIELD_ERRORS else ["body", field],
            "msg": message,
            "type": "action_refused",
        }
        for field, messages in error.message_dict.items()
        for message in messages
    ]


def install(api: NinjaAPI) -> None:
    @api.exception_handler(PermissionDenied)
    def refused(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
        return api.create_response(
            request, {"detail": str(error) or _("You are not allowed to do this.")}, status=403
        )

    @api.exception_handler(ObjectDoesNotExist)
    def missing(request: HttpRequest, error: ObjectDoesNotExist) -> HttpResponse:
        return api.create_response(request, {"detail": _("Not found.")}, status=404)

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
        return api.create_response(request, {"detail": field_errors(error)}, status=422)
