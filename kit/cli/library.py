"""`kit check`, `kit plans` and `kit schema`: commands for content leads."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kit.cli.group import Refusal, cli
from kit.cli.options import lessons_dir, lessons_option, local_dir, open_library, saved_content
from kit.content.check import check
from kit.content.loader import load
from kit.content.problems import in_order
from kit.content.schema import write_schemas


@cli.command("check")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--local", "local", metavar="DIR", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The force's own folder checked with it (default: KIT_LOCAL_LESSONS).")
def check_command(directory: Path | None, local: Path | None) -> None:
    """Validate the content library in DIRECTORY (default: the shipped library) with the force's own folder."""
    root = lessons_dir(str(directory) if directory else None)
    if root.is_dir() and not any(root.glob("*.yaml")) and not any(root.glob("*/*.yaml")):
        raise Refusal(f"{root}: no content library here (expected audiences.yaml, links.yaml, modules/…)")
    from kit.local.holder import Current  # noqa: PLC0415
    from kit.local.stored import add_saved  # noqa: PLC0415

    library, problems = load(root, local or local_dir())
    from_folder = library.local_counts()  # before the browser's links, which count on their own
    try:
        current, unread = saved_content(), ""
    except Refusal as exc:  # an app database older than the code: the files are still checked
        current, unread = Current(), f"the links saved in the browser were not checked: {exc.message}"
    before = len(library.links)
    problems += add_saved(library, current)  # the links leads saved in the browser, checked with the rest
    problems = in_order(problems + check(library))
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        click.echo(str(problem), err=bool(errors))
    if errors:
        raise Refusal(f"{len(errors)} error(s) in {root}" + (f"; {unread}" if unread else ""))
    counts = ", ".join(f"{n} {kind}" for kind, n in library.counts().items())
    if library.local_root is not None:
        added = ", ".join(f"{n} {kind}" for kind, n in from_folder.items()) or "nothing"
        counts += f" (of which {added} from {library.local_root})"
    if current.version_id is not None:
        counts += f"; {len(library.links) - before} links saved in the browser ({current.edition()})"
    warnings = len(problems)
    click.echo(f"ok: {counts}" + (f"; {warnings} warning(s)" if warnings else ""))
    if unread:
        raise Refusal(unread)


@cli.command("plans")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@lessons_option
def plans_command(as_json: bool, lessons: str | None) -> None:
    """List the ready-made plans: id, audience, title and minutes."""
    library = open_library(lessons)
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


@cli.command("schema")
@click.option("--out", "out", metavar="DIR", default="schema", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder to write the schemas to.")
def schema_command(out: Path) -> None:
    """Write the JSON Schema of each library file kind, for editors to autocomplete."""
    try:
        written = write_schemas(out)
    except OSError as exc:
        raise Refusal(f"{out}: cannot write the schemas: {exc.strerror}") from None
    for path in written:
        click.echo(str(path))
    click.echo(f"wrote {len(written)} JSON Schemas to {out.resolve()}")

