"""The migrations build exactly the tables the code declares."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kit.db import Base


def test_migrations_match_the_models(app):
    engine = app.extensions["kit.db"].engine
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []


def test_no_table_holds_pupil_details(app):
    columns = {f"{t.name}.{c.name}" for t in Base.metadata.tables.values() for c in t.columns}
    for word in ("pupil", "child", "student", "name", "dob", "birth"):
        assert not any(word in c for c in columns), columns
