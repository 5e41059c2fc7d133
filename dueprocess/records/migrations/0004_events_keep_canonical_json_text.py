"""Event data is kept as its canonical text (see CanonicalJSONField): on PostgreSQL the columns
become ``json``, which stores text verbatim; on SQLite they already hold text, so only Django's view
of the field changes. Done as raw SQL on purpose: Django would alter the SQLite table by rebuilding
it, which drops the append-only triggers."""

from django.db import migrations

import dueprocess.records.models

TO_JSON = (
    "ALTER TABLE records_event ALTER COLUMN data TYPE json USING data::json, "
    "ALTER COLUMN documents TYPE json USING documents::json"
)
TO_JSONB = (
    "ALTER TABLE records_event ALTER COLUMN data TYPE jsonb USING data::jsonb, "
    "ALTER COLUMN documents TYPE jsonb USING documents::jsonb"
)


def _postgresql_only(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("records", "0003_verification_names_the_event")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="event",
                    name="data",
                    field=dueprocess.records.models.CanonicalJSONField(default=dict, verbose_name="data"),
                ),
                migrations.AlterField(
                    model_name="event",
                    name="documents",
                    field=dueprocess.records.models.CanonicalJSONField(default=list, verbose_name="documents"),
                ),
            ],
            database_operations=[migrations.RunPython(_postgresql_only(TO_JSON), _postgresql_only(TO_JSONB))],
        )
    ]
