from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from dueprocess.people.seeding import DEFAULT_AS_OF, SeedRefused, seed_organisation


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]  # translated when asked, in the active language
        return _(
            "Create a synthetic organisation for benchmarks and demos: work locations in Shanghai, "
            "Beijing, Shenzhen, London and San Francisco, a department tree, a reporting tree, "
            "contracts with renewals, twelve months of wages each and a few protected periods. The "
            "same --seed always gives the same organisation. Refuses a database that already holds "
            "people data unless --replace is given."
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--employees", type=int, required=True, metavar="N", help=_("How many employees.")
        )
        parser.add_argument(
            "--seed", type=int, default=0, metavar="S", help=_("The random seed (default 0).")
        )
        parser.add_argument(
            "--as-of",
            type=_day,
            default=DEFAULT_AS_OF,
            metavar="YYYY-MM-DD",
            help=_(
                "The day the organisation is seen from; wages cover the twelve months before it "
                "(default %(day)s)."
            )
            % {"day": DEFAULT_AS_OF.isoformat()},
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help=_(
                "Delete all people data (employees, contracts, wages, protected periods, departments, "
                "locations) first."
            ),
        )

    def handle(
        self, *args: Any, employees: int, seed: int, as_of: dt.date, replace: bool, **options: Any
    ) -> None:
        if employees < 1:
            raise CommandError(_("--employees must be at least 1."), returncode=2)
        started = time.perf_counter()
        try:
            counts = seed_organisation(employees, seed=seed, as_of=as_of, replace=replace)
        except SeedRefused as refused:
            raise CommandError(str(refused), returncode=2) from None
        for model, count in counts.items():
            self.stdout.write(f"{model}: {count}")
        self.stdout.write(_("Seeded in %(seconds).1f s.") % {"seconds": time.perf_counter() - started})
