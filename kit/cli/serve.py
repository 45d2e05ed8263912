"""`kit serve`: run the app with waitress, a production WSGI server that also runs on Windows."""

from __future__ import annotations

import errno
import os
import shlex
import sys
import time
from pathlib import Path

import click

from kit.cli.group import Refusal, cli


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64), help="Worker threads.")
def serve_command(host: str, port: int, threads: int) -> None:
    """Run the web app (reads the same KIT_* variables as the app)."""
    from waitress.server import create_server  # noqa: PLC0415 - only this command needs the server

    from kit import create_app  # noqa: PLC0415 - keeps Flask out of the other commands' start-up
    from kit.web.typed import server_body_limit  # noqa: PLC0415

    app = create_app()
    try:
        # waitress would otherwise spool up to 1 GB of a request body to disk before the app could
        # refuse it. It refuses anything past a bounded margin over the app's own limit before
        # reading it; within the margin the app answers 413 itself, giving back what was typed.
        server = create_server(AccessLog(app), host=host, port=port, threads=threads, ident="kit",
                               max_request_body_size=server_body_limit(app.config))
    except OSError as exc:
        raise Refusal(_listen_problem(exc, host, port), 2) from None
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    click.echo(f"Safer Sessions Kit is running: open http://{shown}:{port}/ (Ctrl+C to stop)")
    click.echo(f"instance folder: {app.instance_path}")
    if not _has_accounts(app):
        from kit.web.setup import enable  # noqa: PLC0415 - the browser's first-run page (kit/web/setup.py)

        code = enable(app)
        click.echo(f"No accounts yet. On this computer, open http://localhost:{port}/setup and enter the code "
                   f"{code} to make the first lead (once only); or run this in another terminal (same KIT_* settings):")
        click.echo(f"    {first_account_command()}")
    server.run()


def _listen_problem(exc: OSError, host: str, port: int) -> str:
    """Say in plain words why the server cannot listen on HOST:PORT, and what to do."""
    if exc.errno == errno.EADDRINUSE:
        return (f"port {port} on {host} is already in use (is the kit already running?); "
                f"choose another with --port, e.g. {this_kit()} serve --port {port + 1 if port < 65535 else 5000}")
    if exc.errno == errno.EACCES:
        return f"not allowed to listen on port {port}; choose one above 1023 with --port"
    return f"cannot listen on {host}:{port}: {exc.strerror or exc}; check --host and --port"


def this_kit() -> str:
    """Return the command that runs this very kit (its script, or its interpreter with -m kit)."""
    script = Path(sys.argv[0])
    if script.name == "kit" and script.exists():
        return shlex.quote(str(script.resolve()))
    return f"{shlex.quote(sys.executable)} -m kit"


def first_account_command() -> str:
    """Return the command that adds the first lead to this app's database (same kit, same instance)."""
    instance = os.environ.get("KIT_INSTANCE_PATH")
    prefix = f"KIT_INSTANCE_PATH={shlex.quote(str(Path(instance).expanduser().resolve()))} " if instance else ""
    return f"{prefix}{this_kit()} users add you@force.police.uk --role lead"


def _has_accounts(app) -> bool:
    """Say whether anyone can sign in yet (a fresh laptop install has nobody)."""
    from kit.accounts.users import has_accounts  # noqa: PLC0415

    database = app.extensions["kit.db"]
    try:
        return has_accounts(database.session)
    finally:
        database.remove()


class AccessLog:
    """WSGI middleware printing one line per request, as web servers do: who, what, status, size, time."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        started = time.perf_counter()

        def logged_start_response(status, headers, exc_info=None):
            size = next((v for k, v in headers if k.lower() == "content-length"), "-")
            request = f"{environ['REQUEST_METHOD']} {environ.get('PATH_INFO', '')} {environ.get('SERVER_PROTOCOL', '')}"
            stamp = time.strftime("%d/%b/%Y:%H:%M:%S %z")
            click.echo(f'{environ.get("REMOTE_ADDR", "-")} - [{stamp}] "{request}" {status.split()[0]} {size} '
                       f"{(time.perf_counter() - started) * 1000:.0f}ms", err=True)
            return start_response(status, headers, exc_info)

        return self.app(environ, logged_start_response)
