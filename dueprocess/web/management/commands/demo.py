"""`dueprocess demo [--no-serve]`: migrate, load the demo organisation, print the logins, serve."""

from __future__ import annotations

import importlib

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

# Each app that tells part of the demo's story adds its loader here, in the order of the story.
DEMO_STEPS = [
    "dueprocess.people.demo:load",
    "dueprocess.accounts.demo:load",
    "dueprocess.reviews.demo:load",
    "dueprocess.plans.demo:load",
    "dueprocess.cases.demo:load",
    "dueprocess.letters.demo:load",
    "dueprocess.offboarding.demo:load",
    "dueprocess.learning.demo:load",
]


class Command(BaseCommand):
    help = "Migrate, load the demo organisation, print each demo user's login, then serve."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="load the demo and stop")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, no_serve: bool, host: str, port: int, **options) -> None:  # type: ignore[override]
        call_command("migrate", interactive=False, verbosity=0)
        logins = []
        for step in DEMO_STEPS:
            module, function = step.split(":")
            result = getattr(importlib.import_module(module), function)()
            if module.endswith("accounts.demo"):
                logins = result
        from dueprocess.accounts.demo import DEMO_PASSWORD

        self.stdout.write(_("Demo organisation loaded. Log in with any of these (password: %(password)s):")
                          % {"password": DEMO_PASSWORD})  # fmt: skip
        for username, role, description in logins:
            self.stdout.write(f"  {username:<14} {role:<22} {description}")
        self.stdout.write(_("HR and legal logins then ask for a two-factor code: "
                            "`dueprocess show_totp USERNAME` prints the current one."))  # fmt: skip
        if not no_serve:
            call_command("serve", host=host, port=port)
