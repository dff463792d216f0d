"""PostgreSQL's vectors are now made from the text with its accents folded (`cafe` finds "Café",
as on SQLite): remake the vectors of the rows already indexed. Nothing to do on SQLite."""

from django.db import migrations


def revectorize(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from guildhall.search.backends import PostgresBackend

    PostgresBackend().vectorize(apps.get_model("search", "SearchEntry").objects.all())


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_index")]

    operations = [migrations.RunPython(revectorize, migrations.RunPython.noop)]
