"""A synthetic organisation for benchmarks and demos: the same one for the same seed.

    seed_organisation(100_000, seed=1)   # ~1.2 million wage rows, in one transaction

Each concern draws from its own ``random.Random`` (seeded from the seed and the concern's name), so
the organisation does not shift when one concern changes how much randomness it uses. Public ids
are drawn too, so even they are the same for the same seed. Rows are written in big batches and
built as they are written; no row is looked up one by one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import uuid
from collections.abc import Iterator

from django.db import connection, transaction
from django.utils.translation import gettext as _

from dueprocess.people.bulk import Money, insert_rows
from dueprocess.people.importing.wages import PARTS
from dueprocess.people.models import Contract, Department, Employee, Location, ProtectedPeriod, WageRecord
from dueprocess.people.seeding import people as gen
from dueprocess.people.seeding.organisation import (
    JURISDICTION,
    LOCATIONS,
    Person,
    department_tree,
    staff,
    units,
)

# Wages and protected periods are for the twelve months before this day unless told otherwise; a
# fixed default keeps a seed's organisation the same whatever day it is made.
DEFAULT_AS_OF = dt.date(2026, 11, 1)
BATCH = 5000
PEOPLE_MODELS = (WageRecord, ProtectedPeriod, Contract, Employee, Department, Location)


class SeedRefused(Exception):
    pass


def seed_organisation(
    employees: int, *, seed: int = 0, as_of: dt.date = DEFAULT_AS_OF, replace: bool = False
) -> dict[str, int]:
    """Create the organisation; return the rows created per model."""
    with _fast_sqlite(), transaction.atomic():
        _make_room(replace)
        return _Seeder(seed, as_of).run(employees)


def _make_room(replace: bool) -> None:
    counts = {
        model._meta.verbose_name_plural: model.objects.count() for model in (Employee, Department, Location)
    }
    if not any(counts.values()):
        return
    if not replace:
        raise SeedRefused(
            _(
                "The database already holds people data (%(counts)s). Seeding creates a whole organisation "
                "and will not mix it into existing data. Run with --replace to delete every employee, "
                "contract, wage record, protected period, department and work location first."
            )
            % {"counts": ", ".join(f"{n} {name}" for name, n in counts.items())}
        )
    delete_people_data()


def delete_people_data() -> None:
    from dueprocess.accounts.models import User

    # Links into the people data are cut first; the rows then go with one DELETE per table.
    User.objects.filter(employee__isnull=False).update(employee=None)
    User.departments.through.objects.all().delete()
    Contract.objects.filter(renews__isnull=False).update(renews=None)
    Employee.objects.filter(manager__isnull=False).update(manager=None)
    Department.objects.filter(parent__isnull=False).update(parent=None)
    with connection.cursor() as cursor:
        for model in PEOPLE_MODELS:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608


@contextlib.contextmanager
def _fast_sqlite() -> Iterator[None]:
    """On SQLite, skip the disk syncs while the seed runs: it is one transaction, and a crash halfway
    leaves nothing to keep. A bigger page cache keeps the indexes of the wage table in memory.
    Inside a caller's transaction (a test) SQLite may not change these, and need not."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA cache_size=-131072")  # 128 MiB
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA cache_size=-2000")


class _Seeder:
    def __init__(self, seed: int, as_of: dt.date) -> None:
        self.as_of = as_of
        # Not for secrets: a reproducible stream is the point.
        concerns = ("shape", "people", "ids", "pay", "law")
        self.rng = {name: random.Random(f"{seed}:{name}") for name in concerns}  # noqa: S311
        self.counts: dict[str, int] = {}

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng["ids"].getrandbits(128), version=4)

    def run(self, employees: int) -> dict[str, int]:
        root = department_tree(self.rng["shape"])
        people: list[Person] = []
        staff(self.rng["shape"], root, employees, None, people)
        locations = self._locations()
        departments = self._departments(units(root))
        emails: set[str] = set()
        details = [gen.details(self.rng["people"], p, self.as_of, emails) for p in people]
        self._employees(people, details, departments, locations)
        # From here on, people in id order: the wage table's indexes then grow at their end.
        order = sorted(range(len(people)), key=lambda i: people[i].pk or 0)
        self._contracts(people, details, order)
        self._wages(people, details, order)
        self._protected_periods(people, details, order)
        return self.counts

    def _created(self, model: type, count: int) -> None:
        key = model._meta.model_name
        self.counts[key] = self.counts.get(key, 0) + count

    def _locations(self) -> dict[str, int]:
        rows = [
            Location(code=c, name=n, name_en=e, jurisdiction=j, locality=loc, time_zone=tz)
            for c, n, e, j, loc, tz in LOCATIONS
        ]
        Location.objects.bulk_create(rows)
        self._created(Location, len(rows))
        return {row.code: row.pk for row in rows}

    def _departments(self, all_units: list) -> dict[str, int]:
        ids: dict[str, int] = {}
        for depth in sorted({unit.depth for unit in all_units}):
            rows = [
                Department(
                    public_id=self.uuid(),
                    code=unit.code,
                    name=unit.name,
                    name_en=unit.name_en,
                    parent_id=ids[unit.parent.code] if unit.parent else None,
                )
                for unit in all_units
                if unit.depth == depth
            ]
            Department.objects.bulk_create(rows, batch_size=BATCH)
            ids.update((row.code, row.pk) for row in rows)
            self._created(Department, len(rows))
        return ids

    def _employees(self, people: list[Person], details: list, departments: dict, locations: dict) -> None:
        # Employee numbers follow the order people joined, as in a real HR system.
        by_hire = sorted(range(len(people)), key=lambda i: (details[i].hire_date, i))
        numbers = {i: f"E{rank:06d}" for rank, i in enumerate(by_hire, start=1)}
        for level in sorted({p.level for p in people}):  # managers before their reports
            indices = [i for i, p in enumerate(people) if p.level == level]
            rows = [
                self._employee(people[i], details[i], numbers[i], departments, locations) for i in indices
            ]
            Employee.objects.bulk_create(rows, batch_size=BATCH)
            for i, row in zip(indices, rows, strict=True):
                people[i].pk = row.pk
            self._created(Employee, len(rows))

    def _employee(
        self, person: Person, d: gen.Details, number: str, departments: dict, locations: dict
    ) -> Employee:
        return Employee(
            public_id=self.uuid(),
            number=number,
            legal_name=d.legal_name,
            other_name=d.other_name,
            email=d.email,
            phone=d.phone,
            birth_date=d.birth_date,
            sex=d.sex,
            department_id=departments[person.unit.code],
            position=d.position,
            manager_id=person.manager.pk if person.manager else None,
            location_id=locations[d.location],
            hire_date=d.hire_date,
        )

    def _contracts(self, people: list[Person], details: list, order: list[int]) -> None:
        histories = {
            i: gen.contracts(
                self.rng["law"], details[i].hire_date, JURISDICTION[details[i].location], self.as_of
            )
            for i in order
        }
        previous: dict[int, int] = {}
        wave = 0
        while True:  # the k-th contract of everyone at once, so that it can point at the (k-1)-th
            indices = [i for i in order if len(histories[i]) > wave]
            if not indices:
                break
            rows = [
                Contract(
                    public_id=self.uuid(),
                    employee_id=people[i].pk,
                    renews_id=previous.get(i),
                    **histories[i][wave],
                )
                for i in indices
            ]
            Contract.objects.bulk_create(rows, batch_size=BATCH)
            previous.update((i, row.pk) for i, row in zip(indices, rows, strict=True))
            self._created(Contract, len(rows))
            wave += 1

    def _wages(self, people: list[Person], details: list, order: list[int]) -> None:
        window = gen.months(self.as_of)
        rng = self.rng["pay"]
        money = Money()
        rows = (
            (people[i].pk, month, money[base], money[bonus], money[allowances], money[other])
            for i in order
            for month, base, bonus, allowances, other in gen.wages(
                rng, details[i], JURISDICTION[details[i].location], window
            )
        )
        self._created(WageRecord, insert_rows(WageRecord, ("employee", "month", *PARTS), rows))

    def _protected_periods(self, people: list[Person], details: list, order: list[int]) -> None:
        rows = []
        for i in order:
            period = gen.protected_period(self.rng["law"], details[i], self.as_of)
            if period is not None:
                rows.append(ProtectedPeriod(public_id=self.uuid(), employee_id=people[i].pk, **period))
        ProtectedPeriod.objects.bulk_create(rows, batch_size=BATCH)
        self._created(ProtectedPeriod, len(rows))
