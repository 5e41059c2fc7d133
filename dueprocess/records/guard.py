"""The database's half of append-only: finding the triggers, and lifting them for a moment.

The triggers (migration 0002) refuse UPDATE, DELETE and TRUNCATE on the events and read-log tables
unconditionally: no session flag or magic row turns them off, because anything the application
could set, a bug or an intruder using its connection could set too. What the table's owner can do
is what they could always do — drop or disable a trigger — and ``lifted()`` does exactly that
inside one transaction, so no other connection ever sees the table unguarded and a failure puts
the triggers back by rolling back. Two callers need it: ``flush`` (which Django's
TransactionTestCase and pytest-django's ``transactional_db`` run after every test, and which
empties every table on purpose), and tests that tamper with stored rows to prove that ``verify``
catches them. Lifting the guard leaves no mark in the database; the chain's hashes are what make
any change made meanwhile evident.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connections, transaction

GUARDED_TABLES = ("records_event", "records_readlog")


def _table_list() -> str:
    return ", ".join(f"'{table}'" for table in GUARDED_TABLES)


def installed(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether every guarded table has its triggers (a table rebuilt by a migration may not)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"SELECT tbl_name, count(*) FROM sqlite_master WHERE type = 'trigger' "  # noqa: S608
                f"AND tbl_name IN ({_table_list()}) GROUP BY tbl_name"
            )
            expected = 2
        elif connection.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname, count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "  # noqa: S608
                f"WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relname IN ({_table_list()}) "
                "GROUP BY c.relname"
            )
            expected = 2
        else:
            return False
        counts = dict(cursor.fetchall())
    return all(counts.get(table, 0) >= expected for table in GUARDED_TABLES)


@contextmanager
def lifted(using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """Run the body with the guard lifted, all in one transaction (see the module's docstring)."""
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "  # noqa: S608
                f"AND tbl_name IN ({_table_list()}) ORDER BY name"
            )
            triggers = cursor.fetchall()
            for name, _sql in triggers:
                cursor.execute(f'DROP TRIGGER "{name}"')
            yield
            for _name, sql in triggers:
                cursor.execute(sql)
        elif connection.vendor == "postgresql":
            # ALTER TABLE waits for no one's deferred foreign-key checks: run ours now, and defer
            # again afterwards (Django declares its foreign keys DEFERRABLE INITIALLY DEFERRED).
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for table in GUARDED_TABLES:
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
            yield
            for table in GUARDED_TABLES:
                cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            yield
