"""The full-text index beside `search_searchentry`, in the database's own engine.

SQLite: an FTS5 table reading its text from search_searchentry (external content), kept equal
to it by triggers. PostgreSQL: a GIN index on search_vector. Altering search_searchentry on
SQLite remakes the table and drops the triggers: a later migration must create them again.
"""

from django.db import migrations

SQLITE_UP = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body, comments, content='search_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title, body, comments)
        VALUES (new.id, new.title, new.body, new.comments); END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body, comments)
        VALUES ('delete', old.id, old.title, old.body, old.comments); END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE OF title, body, comments
        ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body, comments)
        VALUES ('delete', old.id, old.title, old.body, old.comments);
        INSERT INTO search_fts(rowid, title, body, comments)
        VALUES (new.id, new.title, new.body, new.comments); END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_UP = [
    "CREATE INDEX search_entry_vector ON search_searchentry USING gin (search_vector)",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS search_entry_vector"]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
