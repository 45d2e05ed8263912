"""Alembic environment: uses the connection the app hands over, else the app's database URL."""

from alembic import context

from kit.db import Base

target_metadata = Base.metadata


def _url() -> str:
    """Return the database URL the app would use (KIT_DATABASE_URL or the instance SQLite)."""
    from kit.config import defaults, instance_path_from_env  # noqa: PLC0415
    from kit.db import database_url_from_env  # noqa: PLC0415

    import os  # noqa: PLC0415

    instance = instance_path_from_env() or os.path.abspath("instance")
    return database_url_from_env(defaults(instance)["DATABASE_URL"])


def run() -> None:
    """Run the migrations on the given connection, or on a new one."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    from kit.db import make_engine  # noqa: PLC0415

    engine = make_engine(_url())
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run()
