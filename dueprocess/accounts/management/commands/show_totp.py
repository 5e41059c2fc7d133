"""``dueprocess show_totp USERNAME``: the current two-factor code of a demo account.

Only for accounts the demo enrolled with its published secrets: a real person's secret lives in
their phone, and this command will not read it.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from dueprocess.accounts import two_factor
from dueprocess.accounts.models import TwoFactorDevice


class Command(BaseCommand):
    help = "Print the current two-factor code of a demo account (only accounts the demo enrolled)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args, username: str, **options) -> None:  # type: ignore[override]
        device = TwoFactorDevice.objects.filter(user__username=username, confirmed_at__isnull=False).first()
        if device is None or not device.enrolled_by_demo:
            raise CommandError(
                _(
                    "%(username)s has no authenticator enrolled by the demo; "
                    "only demo accounts have codes to show."
                )
                % {"username": username}
            )
        seconds_left = two_factor.STEP - int(time.time()) % two_factor.STEP
        self.stdout.write(two_factor.current_code(device.secret))
        self.stderr.write(_("(valid for %(seconds)d more seconds)") % {"seconds": seconds_left})
