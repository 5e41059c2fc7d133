"""Making, revoking and checking API tokens (DESIGN §3: atomic, asks the policy, on the record)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.api.models import ApiToken
from dueprocess.records import record_event
from dueprocess.reviews.actions._common import Errors, require

TOKEN_PREFIX = "dp_"  # noqa: S105 - marks our tokens (and lets secret scanners spot them), not a secret
PREFIX_LENGTH = len(TOKEN_PREFIX) + 8
# Writing "last used" on every request would turn each read into a write; a minute is close enough.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def hash_token(plain: str) -> str:
    return hashlib.sha256(plain.encode()).hexdigest()


@transaction.atomic
def create_api_token(
    *, actor: User | None, owner: User, name: str, expires_at: dt.datetime | None = None
) -> tuple[ApiToken, str]:
    """Make a token that acts as ``owner`` and return it with its plain text, which is never kept.
    ``actor`` None is the operator at the command line, who holds the database already."""
    if actor is not None:
        require(policy.can_manage_api_tokens(actor, owner), _("make API tokens for this account"))
    errors = Errors()
    errors.blank("name", name, _("Give the token a name that says what it is for."))
    if len(name.strip()) > ApiToken._meta.get_field("name").max_length:
        errors.add("name", _("Keep the name under 100 characters."))
    if expires_at is not None and expires_at <= timezone.now():
        errors.add("expires_at", _("The expiry must be in the future."))
    if not owner.is_active:
        errors.add("owner", _("This account is inactive; a token for it would never work."))
    errors.raise_any()
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        owner=owner,
        name=name.strip(),
        token_hash=hash_token(plain),
        prefix=plain[:PREFIX_LENGTH],
        expires_at=expires_at,
    )
    record_event(token, "api.token_created", actor=actor, data={
        "token": str(token.public_id), "owner": owner.get_username(), "name": token.name,
        "prefix": token.prefix, "expires_at": expires_at,
    })  # fmt: skip
    return token, plain


@transaction.atomic
def revoke_api_token(token: ApiToken, *, actor: User | None) -> ApiToken:
    if actor is not None:
        require(policy.can_manage_api_tokens(actor, token.owner), _("revoke this API token"))
    token = ApiToken.objects.select_for_update().select_related("owner").get(pk=token.pk)
    errors = Errors()
    if token.is_revoked:
        errors.add("token", _("This token has already been revoked."))
    errors.raise_any()
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record_event(token, "api.token_revoked", actor=actor, data={
        "token": str(token.public_id), "owner": token.owner.get_username(), "prefix": token.prefix,
    })  # fmt: skip
    return token


def user_for_token(plain: str) -> User | None:
    """The active user a usable token acts as; None for anything else (unknown, revoked, expired)."""
    if not plain.startswith(TOKEN_PREFIX):
        return None
    now = timezone.now()
    token = (
        ApiToken.objects.usable(now)
        .select_related("owner")
        .filter(token_hash=hash_token(plain), owner__is_active=True)
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.owner
