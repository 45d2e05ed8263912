"""`kit export` and `kit check` read the force's content saved in the browser, as the web app prints it."""

from pathlib import Path

from click.testing import CliRunner

from kit.cli import cli
from kit.local import versions
from kit.local.logo import safe_logo
from tests.local.links import link_yaml
from tests.local.test_logo import INKSCAPE
from tests.pdf.conftest import pdf_text


def run(database_url: str, *args: str):
    """Run `kit ARGS` on the app's database at DATABASE_URL and return the result."""
    return CliRunner().invoke(cli, list(args), env={"KIT_DATABASE_URL": database_url, "KIT_ORGANISATION": "Server"})


def test_export_prints_the_saved_name_address_logo_and_links(app, db, make_user, database_url, tmp_path):
    made = safe_logo(INKSCAPE)
    saved = versions.save(db, make_user("lead"), versions.Content("Example Constabulary", "HQ, 1 High Street",
                                                                  link_yaml(), made.png, made.svg))
    result = run(database_url, "export", "--plan", "lower-secondary-core", "--out", str(tmp_path / "out"),
                 "--kind", "handout", "--kind", "parent-letter")
    assert result.exit_code == 0, result.output
    assert f"(Local content version {saved.id}, saved " in result.stderr
    handout, letter = (Path(line) for line in result.stdout.splitlines())
    text = pdf_text(handout.read_bytes())
    assert "Example Constabulary" in text and "Ask our schools officer" in text and "Server" not in text
    assert handout.read_bytes().count(b"/Subtype /Image") == 1
    assert "HQ, 1 High Street" in pdf_text(letter.read_bytes())
    twin = run(database_url, "export", "--plan", "lower-secondary-core", "--out", str(tmp_path / "html"),
               "--format", "html", "--kind", "handout")
    assert "data:image/svg+xml;base64," in Path(twin.stdout.strip()).read_text()


def test_export_without_a_saved_version_prints_the_servers_name(app, database_url, tmp_path):
    result = run(database_url, "export", "--plan", "lower-secondary-core", "--out", str(tmp_path), "--kind", "handout")
    assert result.exit_code == 0 and result.stderr == ""
    assert "Server" in pdf_text(Path(result.stdout.strip()).read_bytes())


def test_no_database_yet_means_nothing_saved_and_none_is_created(tmp_path):
    url = f"sqlite:///{tmp_path / 'never.sqlite'}"
    result = run(url, "export", "--plan", "lower-secondary-core", "--out", str(tmp_path / "out"), "--kind", "handout")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "never.sqlite").exists()


def test_check_validates_and_counts_the_saved_links(app, db, make_user, database_url):
    lead = make_user("lead")
    saved = versions.save(db, lead, versions.Content("", "", link_yaml()))
    result = run(database_url, "check")
    assert result.exit_code == 0, result.output
    assert f"; 1 links saved in the browser (Local content version {saved.id}, saved " in result.stdout
    versions.save(db, lead, versions.Content("", "", link_yaml(id="childline")))  # an id the national library has
    result = run(database_url, "check")
    assert result.exit_code == 1
    assert "links (saved in the browser)" in result.stderr and "childline" in result.stderr


def test_an_unreadable_database_is_a_plain_refusal(tmp_path):
    (tmp_path / "kit.sqlite").write_bytes(b"this is not a database" * 100)
    result = run(f"sqlite:///{tmp_path / 'kit.sqlite'}", "check")
    assert result.exit_code == 1 and "cannot read the force's saved content from the database" in result.stderr
    assert "Traceback" not in result.output


def test_check_still_checks_the_files_when_the_apps_database_is_older_than_the_code(app, db, make_user,
                                                                                     database_url):
    from sqlalchemy import text  # noqa: PLC0415

    versions.save(db, make_user("lead"), versions.Content("", "", link_yaml()))
    with app.extensions["kit.db"].engine.begin() as conn:  # as before migration 0011 added the SVG logo
        conn.execute(text("ALTER TABLE local_versions DROP COLUMN logo_svg"))
    result = run(database_url, "check")
    assert result.exit_code == 1
    assert result.stdout.startswith("ok: 7 audiences, 4 nations, ")  # the library's own files were checked
    assert "the links saved in the browser were not checked: " in result.stderr
    assert "`kit db upgrade` brings it up to date" in result.stderr and "Traceback" not in result.output
