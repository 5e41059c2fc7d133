"""``flush`` that can empty the record's tables too.

Django's flush empties every table; Django's TransactionTestCase (pytest-django's
``transactional_db``, ``live_server``) runs it after each test. The append-only triggers refuse
that, so this command runs Django's own flush SQL with the guard lifted inside the same transaction
(records/guard.py explains why the guard has no switch). Flushing is an open, total erasure —
confirmed at the prompt, and an empty record is evident — not a silent edit of the history.
"""

from __future__ import annotations

from django.core.management.commands import flush
from django.db import connections

from dueprocess.records import guard


class Command(flush.Command):
    def handle(self, **options):
        alias = options["database"]
        operations = connections[alias].ops
        original = operations.execute_sql_flush

        def execute_sql_flush(sql_list):
            with guard.lifted(alias):
                original(sql_list)

        # Only the statement that empties the tables runs unguarded; the prompt and the
        # post-migrate signal stay outside the transaction.
        operations.execute_sql_flush = execute_sql_flush
        try:
            return super().handle(**options)
        finally:
            del operations.execute_sql_flush
