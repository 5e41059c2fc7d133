"""``dueprocess create_api_token USERNAME --name NAME [--days N]``: make a token and print it, once."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from dueprocess.accounts.models import User
from dueprocess.api.actions import create_api_token


class Command(BaseCommand):
    help = "Make an API token that acts as USERNAME and print it (it is shown only this once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="What the token is for.")
        parser.add_argument(
            "--days", type=int, default=None, help="Expire after this many days (default: never)."
        )

    def handle(self, *args, username: str, name: str, days: int | None, **options) -> None:  # type: ignore[override]
        owner = User.objects.filter(username=username).first()
        if owner is None:
            raise CommandError(_("No account has the username %(username)s.") % {"username": username})
        if days is not None and days < 1:
            raise CommandError(_("--days must be at least 1."))
        expires_at = timezone.now() + dt.timedelta(days=days) if days else None
        try:
            _token, plain = create_api_token(actor=None, owner=owner, name=name, expires_at=expires_at)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(plain)
