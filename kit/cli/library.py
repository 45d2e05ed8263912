"""`kit check`, `kit plans` and `kit schema`: commands for content leads."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kit.cli.options import lessons_dir, lessons_option, load_or_exit
from kit.content.check import check as cross_check
from kit.content.loader import load
from kit.content.schema import write_schemas


@click.command("check")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
def check_command(directory: Path | None) -> None:
    """Validate the content library in DIRECTORY (default: the shipped library)."""
    root = lessons_dir(str(directory) if directory else None)
    if root.is_dir() and not any(root.glob("*.yaml")) and not any(root.glob("*/*.yaml")):
        click.echo(f"{root}: no content library here (expected audiences.yaml, links.yaml, modules/…)", err=True)
        raise SystemExit(1)
    library, problems = load(root)
    problems = sorted(problems + cross_check(library), key=lambda p: (p.file, p.line or 0, p.field))
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        click.echo(str(problem), err=bool(errors))
    if errors:
        click.echo(f"{len(errors)} error(s) in {root}", err=True)
        raise SystemExit(1)
    counts = ", ".join(f"{n} {kind}" for kind, n in library.counts().items())
    warnings = len(problems)
    click.echo(f"ok: {counts}" + (f"; {warnings} warning(s)" if warnings else ""))


@click.command("plans")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@lessons_option
def plans_command(as_json: bool, lessons: str | None) -> None:
    """List the ready-made plans: id, audience, title and minutes."""
    library = load_or_exit(lessons_dir(lessons))
    rows = [
        {"id": p.id, "audience": p.audience, "title": p.title.en,
         "minutes": sum(library.modules[m].minutes for m in p.modules)}
        for p in library.plans.values()
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max((len(r["id"]) for r in rows), default=2)
    for r in rows:
        click.echo(f"{r['id']:<{width}}  {r['audience']:<16} {r['minutes']:>3} min  {r['title']}")


@click.command("schema")
@click.option("--out", "out", metavar="DIR", default="schema", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder to write the schemas to.")
def schema_command(out: Path) -> None:
    """Write the JSON Schema of each library file kind, for editors to autocomplete."""
    try:
        for path in write_schemas(out):
            click.echo(str(path))
    except OSError as exc:
        click.echo(f"{out}: cannot write the schemas: {exc.strerror}", err=True)
        raise SystemExit(1) from None


commands = [check_command, plans_command, schema_command]
