"""Indexes for searching a very common word at scale.

- `search_entry_newest` (date DESC, id DESC) replaces the index on `date`: the newest items
  to rank are found by walking it (`date IS NOT NULL`, which on PostgreSQL skips the ~10,000
  undated people and communities the old walk read first), stopping after RANK_CANDIDATES
  matches, in the order wanted (no sort of ties on id). It serves the from/to filters too.
- PostgreSQL: a partial GIN index on the vectors of people and communities alone (a twentieth
  of the rows), so their counts and candidates read a small index instead of visiting every
  person. On SQLite the FTS5 table serves every type; nothing to do.
"""

from django.db import migrations, models

POSTGRES_UP = (
    "CREATE INDEX IF NOT EXISTS search_entry_vector_undated ON search_searchentry "
    "USING gin (search_vector) WHERE type <> 'item'"
)
POSTGRES_DOWN = "DROP INDEX IF EXISTS search_entry_vector_undated"


def _postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_fold_accents_on_postgresql")]

    operations = [
        migrations.RemoveIndex(model_name="searchentry", name="search_sear_date_58da88_idx"),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(fields=["-date", "-id"], name="search_entry_newest"),
        ),
        migrations.RunPython(_postgres(POSTGRES_UP), _postgres(POSTGRES_DOWN)),
    ]
