"""`kit backup OUT` and `kit restore FILE`: the whole database to a file and back."""

from __future__ import annotations

from pathlib import Path

import click

from kit import backup as copies
from kit.cli.group import cli
from kit.cli.users import app_database


def _head() -> str | None:
    """Return the newest schema revision this kit knows."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415 - only restore needs it

    from kit.db.migrate import alembic_config  # noqa: PLC0415

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@cli.command("backup")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
def backup_command(out: Path) -> None:
    """Write a consistent copy of the database to OUT while the app runs (never overwrites)."""
    with app_database() as database:
        kind = "SQLite" if database.engine.dialect.name == "sqlite" else "PostgreSQL"
        contents = copies.backup(database, out)
    click.echo(f"backed up {contents.summary()} from {kind} to {out}")
    if kind == "PostgreSQL":
        click.echo(copies.BACKUP_ADVICE)


@cli.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Replace everything in the database with the backup.")
def restore_command(file: Path, replace: bool) -> None:
    """Check the backup FILE and show what it holds; with --replace, restore it over the database."""
    contents = copies.inspect(file)
    click.echo(f"{file} holds {contents.summary()} (schema {contents.schema})")
    if not replace:
        click.echo("nothing was changed; add --replace to restore it over the current database")
        return
    with app_database(migrate=True) as database:
        copies.restore(database, file, _head())
    click.echo(f"restored {contents.summary()}; everyone signs in again with the passwords of the backup")
