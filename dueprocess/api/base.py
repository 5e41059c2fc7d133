"""What every app's ``api.py`` shares: error shapes, the documented responses, pagination, the
404-for-anything-out-of-scope lookup, and the input types that keep the database's limits."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, ClassVar

from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import AfterValidator, StringConstraints, model_serializer
from pydantic.json_schema import SkipJsonSchema

MAX_LIMIT = 100
# Far beyond any real table, and well inside every database's 64-bit OFFSET.
MAX_OFFSET = 1_000_000_000


def _no_nul(value: str) -> str:
    # PostgreSQL text cannot hold a NUL character: refuse it at the door, by field, as a 422.
    if "\x00" in value:
        raise ValueError("A NUL character cannot be stored.")
    return value


def text(max_length: int = 20_000) -> Any:
    """A string input no longer than its column (a longer one would be a database error, not a 422)."""
    return Annotated[str, StringConstraints(max_length=max_length), AfterValidator(_no_nul)]


SearchText = text(100)
Line = text(200)
Prose = text()


class Error(Schema):
    detail: str


class FieldError(Schema):
    loc: list[str | int] = Field(description="Where the problem is, e.g. ['body', 'payload', 'summary'].")
    msg: str
    type: str


class ValidationErrors(Schema):
    detail: list[FieldError]


class EmployeeRef(Schema):
    public_id: uuid.UUID
    number: str
    name: str = Field(description="The legal name, with the name in the other script when there is one.")

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.display_name


class Redactable(Schema):
    """Some fields are not for every reader. The view marks the object (``obj.api_reveal = True``) when
    the caller may see them; otherwise they are left out of the answer altogether: absent, not null,
    so that a client cannot mistake "not shown to you" for "empty"."""

    redacted: ClassVar[tuple[str, ...]] = ()
    reveal: SkipJsonSchema[bool] = Field(False, exclude=True)

    @staticmethod
    def resolve_reveal(obj) -> bool:
        return getattr(obj, "api_reveal", False) is True

    @model_serializer(mode="wrap")
    def _redact(self, handler):
        data = handler(self)
        if not self.reveal:
            for name in self.redacted:
                data.pop(name, None)
        return data


def reads(schema: Any, *more: int) -> dict[int, Any]:
    """The responses of a read: the data, or 401 (no valid token), 404 (missing or out of scope),
    422 (bad parameters); ``more`` adds e.g. 403 where a role may be refused outright."""
    codes = {200: schema, 401: Error, 404: Error, 422: ValidationErrors}
    codes.update({code: Error for code in more})
    return codes


def writes(schema: Any, status: int = 200) -> dict[int, Any]:
    """The responses of an action: its result, or 400 (a body that is not JSON), 401, 403 (refused by
    policy), 404, 422 (the input, or the action's own rules, by field; nothing is written)."""
    return {status: schema, 400: Error, 401: Error, 403: Error, 404: Error, 422: ValidationErrors}


class LimitOffset(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(50, ge=1, le=MAX_LIMIT, description="How many items to return.")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many items to skip.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)


# Every list: `?limit=&offset=`, answered as {"items": [...], "count": N}, in a stable order.
paginated = paginate(LimitOffset)


def one(queryset: QuerySet, public_id: uuid.UUID) -> Any:
    """The object if the caller may see it. "Not yours" and "not there" are the same answer, so an
    identifier reveals nothing."""
    found: Model | None = queryset.filter(public_id=public_id).first()
    if found is None:
        raise Http404
    return found


def _in_the_organisations_time(value: dt.datetime) -> dt.datetime:
    """A time without an offset is read in the organisation's time zone, as the pages read it."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    try:
        return timezone.localtime(value)
    except (OverflowError, ValueError):
        raise ValueError(_("This date and time is too far in the past or the future.")) from None


When = Annotated[
    dt.datetime,
    AfterValidator(_in_the_organisations_time),
    Field(description="ISO 8601; without an offset, in the organisation's time zone."),
]
