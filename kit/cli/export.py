"""`kit export`: write a plan's print-ready PDFs to a folder, no database needed."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import click

from kit.cli.group import cli
from kit.cli.options import lessons_dir, lessons_option, local_dir, open_library, saved_content
from kit.content.vocab import NATIONS, PRINT_LANGS
from kit.files import write_atomically


def _presenter(session) -> tuple[str, bytes]:
    """Return the offline presenter's file name and its one self-contained HTML file."""
    from kit.present.page import offline_filename, offline_html  # noqa: PLC0415

    return offline_filename(session), offline_html(session)


# Outputs that are not print documents, written only when asked for by name (--kind presenter).
OTHER_KINDS = {"presenter": _presenter}


def chosen_kinds(kinds: tuple[str, ...], large_print: bool = False) -> list[str]:
    """Return the kinds asked for (every PDF when none), or raise a usage error naming the known ones
    or a kind with no LARGE_PRINT edition."""
    from kit.pdf import KINDS  # noqa: PLC0415 - load ReportLab only for this command

    known = [*KINDS, *OTHER_KINDS]
    unknown = [k for k in kinds if k not in known]
    if unknown:
        raise click.UsageError(f"unknown kind '{unknown[0]}'; known kinds: {', '.join(known)}")
    small = [k for k in kinds if large_print and k in KINDS and not KINDS[k].large_print]
    if small:
        raise click.UsageError(f"--kind {small[0]} has no large-print edition (at 18 pt an A5 side holds about "
                               "three steps); large print comes on A4: --kind handout")
    return list(dict.fromkeys(kinds)) or list(KINDS)


def teaching_session(library, plan_id: str, nation: str, lang: str, minutes: int | None = None):
    """Return the teaching session of PLAN_ID (fitted to MINUTES), or raise a usage error saying why not."""
    from kit.sessions.builder import detail_problems  # noqa: PLC0415
    from kit.sessions.model import assemble, from_plan  # noqa: PLC0415

    if plan_id not in library.plans:
        known = ", ".join(library.plans) or "none"
        raise click.UsageError(f"unknown plan '{plan_id}'; known plans: {known}")
    offered = library.plans[plan_id].nations
    if nation not in offered:
        raise click.UsageError(f"plan '{plan_id}' is not offered in {nation}; it is offered in: "
                               f"{', '.join(offered)}")
    problem = detail_problems(library, library.plans[plan_id].audience, nation, lang).get("lang")
    if problem:  # the web form's own rule, so the two never disagree
        raise click.UsageError(f"--lang {lang}: {problem}; use it with --nation wales")
    spec = from_plan(library, plan_id, nation, lang)
    if minutes:
        spec = replace(spec, lesson_minutes=minutes)
    return assemble(library, spec)


def prepare(out: Path) -> None:
    """Create the folder OUT, or exit 1 saying why it cannot be written to."""
    if out.exists() and not out.is_dir():
        raise click.ClickException(f"--out {out} is a file, not a folder: name a folder to write the PDFs into")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.ClickException(f"cannot create {out}: {exc.strerror or exc}") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise click.ClickException(f"cannot write to {out}: permission denied")


def written_kinds(kinds: tuple[str, ...], form: str) -> list[str]:
    """Return the kinds asked for that have a FORM version (all of them when none was asked for)."""
    from kit.pdf import TWINS  # noqa: PLC0415

    offered = list(TWINS) if form == "html" else ["parent-letter"]
    unknown = [k for k in kinds if k not in offered]
    if unknown:
        raise click.UsageError(f"no {form} version of '{unknown[0]}'; kinds with one: {', '.join(offered)}")
    return list(dict.fromkeys(kinds)) or offered


def written(kind, session, options, form: str) -> tuple[str, bytes]:
    """Return the file name and bytes of KIND's accessible HTML page or plain-text letter."""
    from kit.pdf import letter_text, twin_html  # noqa: PLC0415

    text = twin_html(kind.id, session, options) if form == "html" else letter_text(session, options)
    return kind.filename(session, options, "html" if form == "html" else "txt"), text.encode("utf-8")


def with_saved_content(library, lessons: str | None):
    """Return the library with the force's content saved in the browser (as the web app prints it), and
    that content; say on stderr which version it is and which of its links cannot print."""
    from kit.local.overlay import library_with  # noqa: PLC0415

    current = saved_content()
    if current.version_id is None:
        return library, current
    library, problems = library_with(lessons_dir(lessons), local_dir(), current.content)
    click.echo(f"with the force's content saved in the browser ({current.edition()})", err=True)
    for problem in (p for p in problems if p.severity == "error"):
        click.echo(f"warning: not printed: {problem}", err=True)
    return library, current


@cli.command("export")
@click.option("--plan", "plan_id", required=True, metavar="PLAN_ID", help="A ready-made plan (see `kit plans`).")
@click.option("--out", "out", required=True, metavar="DIR", type=click.Path(path_type=Path),
              help="Folder to write the PDFs to (created if missing).")
@click.option("--nation", type=click.Choice(NATIONS), default="england", show_default=True)
@click.option("--lang", type=click.Choice(PRINT_LANGS), default="en", show_default=True,
              help="en, cy, or bilingual (Welsh first; Wales only).")
@click.option("--kind", "kinds", multiple=True, metavar="KIND",
              help="A document to write; repeat for more (default: every PDF). "
                   "'presenter' writes the offline presenter: one HTML file.")
@click.option("--large-print", is_flag=True, help="Body text at 18 pt or more.")
@click.option("--format", "form", type=click.Choice(["pdf", "html", "text"]), default="pdf", show_default=True,
              help="html: the accessible web page of each handout, poster and letter; text: the letter only.")
@click.option("--signed", default="", metavar="NAME_AND_ROLE",
              help="Who signs the letter, e.g. \"PC Sam Jones, Schools Officer\".")
@click.option("--minutes", type=click.IntRange(5, 600), default=None, metavar="N",
              help="Fit the lesson to N minutes: optional activities are left out (default: the plan's length).")
@lessons_option
def export_command(plan_id: str, out: Path, nation: str, lang: str, kinds: tuple[str, ...],
                   large_print: bool, form: str, signed: str, minutes: int | None, lessons: str | None) -> None:
    """Write print-ready A4 PDFs of a plan to DIR and print the path of each file written."""
    from kit.pdf import KINDS, RenderOptions  # noqa: PLC0415

    wanted = chosen_kinds(kinds, large_print and form == "pdf")
    library, current = with_saved_content(open_library(lessons, lint=True), lessons)
    session = teaching_session(library, plan_id, nation, lang, minutes)
    for warning in session.warnings:
        click.echo(f"warning: {warning}", err=True)
    server = os.environ.get("KIT_ORGANISATION", "").strip() or RenderOptions.organisation
    options = RenderOptions(**current.printed(server), large_print=large_print, signed=signed)
    if not kinds:  # every document its audience uses (no class teacher's sheet for a parents' evening)
        wanted = [k for k in wanted if k not in KINDS or KINDS[k].serves(session, options)]  # in this print
    prepare(out)
    if form != "pdf":
        wanted = written_kinds(kinds, form)
    for kind_id in wanted:
        if form != "pdf":
            name, data = written(KINDS[kind_id], session, options, form)
        elif kind_id in OTHER_KINDS:
            name, data = OTHER_KINDS[kind_id](session)
        else:
            name, data = KINDS[kind_id].filename(session, options), KINDS[kind_id].render(session, options).pdf
        path = out / name
        try:
            write_atomically(path, data)
        except OSError as exc:
            raise click.ClickException(f"cannot write {path}: {exc.strerror or exc}") from None
        click.echo(str(path))

