"""`kit serve`: run the app with waitress, a production WSGI server that also runs on Windows."""

from __future__ import annotations

import click

from kit.config import ConfigError
from kit.content.loader import LibraryError


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64), help="Worker threads.")
def serve_command(host: str, port: int, threads: int) -> None:
    """Run the web app (reads the same KIT_* variables as the app)."""
    from waitress import serve  # noqa: PLC0415 - only this command needs the server

    from kit import create_app  # noqa: PLC0415

    try:
        app = create_app()
    except ConfigError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(2) from None
    except LibraryError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        click.echo("the content library has errors; fix them (kit check) and start again", err=True)
        raise SystemExit(1) from None
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    click.echo(f"Safer Sessions Kit is running: open http://{shown}:{port}/ (Ctrl+C to stop)")
    click.echo(f"instance folder: {app.instance_path}")
    if not _has_accounts(app):
        click.echo("No accounts yet: create the first with `kit users add you@force.police.uk --role lead`")
    serve(app, host=host, port=port, threads=threads, ident="kit")


def _has_accounts(app) -> bool:
    """Say whether anyone can sign in yet (a fresh laptop install has nobody)."""
    from kit.accounts.users import list_users  # noqa: PLC0415

    database = app.extensions["kit.db"]
    try:
        return bool(list_users(database.session))
    finally:
        database.remove()


commands = [serve_command]
