"""The database refuses to change the record: triggers that reject UPDATE and DELETE (and, on
PostgreSQL, TRUNCATE) on the events and read-log tables, whoever sends the SQL.

The SQL is written out here rather than imported, so that this migration never changes once applied.
"""

from django.db import migrations

TABLES = ("records_event", "records_readlog")


def _sqlite(table):
    return [
        f"""CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} is append-only: rows are never updated'); END""",
        f"""CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} is append-only: rows are never deleted'); END""",
    ]


POSTGRESQL_FUNCTION = """
CREATE FUNCTION records_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % refused: the table is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END
$$
"""


def _postgresql(table):
    return [
        f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION records_refuse_change()""",
        f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION records_refuse_change()""",
    ]


def _statements(vendor):
    if vendor == "sqlite":
        return [sql for table in TABLES for sql in _sqlite(table)]
    if vendor == "postgresql":
        return [POSTGRESQL_FUNCTION] + [sql for table in TABLES for sql in _postgresql(table)]
    raise NotImplementedError(f"The record's append-only guard supports SQLite and PostgreSQL, not {vendor}.")


def _reverse_statements(vendor):
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {t}_{s}" for t in TABLES for s in ("no_update", "no_delete")]
    if vendor == "postgresql":
        triggers = [f"DROP TRIGGER IF EXISTS {t}_{s} ON {t}" for t in TABLES for s in ("append_only", "no_truncate")]
        return [*triggers, "DROP FUNCTION IF EXISTS records_refuse_change()"]
    return []


def _run(statements):
    def run(apps, schema_editor):
        # A plain cursor, no parameters: the PL/pgSQL body's '%' must reach the server untouched.
        with schema_editor.connection.cursor() as cursor:
            for sql in statements(schema_editor.connection.vendor):
                cursor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("records", "0001_record")]

    operations = [migrations.RunPython(_run(_statements), _run(_reverse_statements), elidable=False)]
