"""``dueprocess export_openapi [--check]``: write the API's OpenAPI schema to docs/api/openapi.json,
or (``--check``) fail if the committed file differs from what the code generates."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dueprocess.api.openapi import REGENERATE, SNAPSHOT, schema_text


class Command(BaseCommand):
    help = "Write the OpenAPI schema to docs/api/openapi.json, or check that the committed one is current."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="Compare only; exit 1 on a difference.")

    def handle(self, *args, check: bool, **options) -> None:  # type: ignore[override]
        text = schema_text()
        if check:
            if not SNAPSHOT.exists() or SNAPSHOT.read_text(encoding="utf-8") != text:
                raise CommandError(
                    f"{SNAPSHOT} is out of date with the API; run `{REGENERATE}` and commit it."
                )
            self.stdout.write(f"{SNAPSHOT} is current.")
            return
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {SNAPSHOT}.")
