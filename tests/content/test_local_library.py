"""A force's own folder (KIT_LOCAL_LESSONS) beside the national library: added, checked, printed."""

import datetime as dt

from click.testing import CliRunner

from kit.cli.group import cli
from kit.content.loader import LibraryError, load_checked
from kit.content.review import mark_checked
from kit.paths import data_dir
from kit.sessions.model import assemble, from_plan
from tests.local.links import LINK as LOCAL_LINK

LESSONS = data_dir("lessons")


def local_folder(tmp_path, text=LOCAL_LINK, **fields):
    """Write a local folder holding one links.yaml and return its path."""
    folder = tmp_path / "force"
    folder.mkdir(exist_ok=True)
    values = {"id": "force-schools-officer", "url": "https://www.example.police.uk/schools"} | fields
    (folder / "links.yaml").write_text(text.format(**values), encoding="utf-8")
    return folder


def problems_of(root, local):
    try:
        load_checked(root, local=local)
    except LibraryError as exc:
        return [str(p) for p in exc.errors]
    return []


def test_a_local_link_is_added_and_printed_for_its_audience_and_nation(tmp_path):
    library = load_checked(LESSONS, local=local_folder(tmp_path))
    assert ("links", "force-schools-officer") in library.local
    assert library.local_counts() == {"links": 1}
    england = assemble(library, from_plan(library, "lower-secondary-core", "england", "en"))
    assert "force-schools-officer" in [k.id for k in england.links]
    wales = assemble(library, from_plan(library, "lower-secondary-core", "wales", "en"))
    assert "force-schools-officer" not in [k.id for k in wales.links]


def test_a_local_link_is_checked_like_the_national_ones(tmp_path):
    local = local_folder(tmp_path, url="http://www.example.police.uk/schools")
    [problem] = problems_of(LESSONS, local)
    assert problem.startswith("force/links.yaml:7: links[0].url: ")
    assert "https://" in problem


def test_a_local_id_that_clashes_names_both_places(tmp_path):
    [problem] = problems_of(LESSONS, local_folder(tmp_path, id="childline"))
    assert problem.startswith("force/links.yaml:2: id: duplicate link id 'childline' (first at lessons/links.yaml:")


def test_a_local_folder_cannot_change_the_vocabularies(tmp_path):
    local = local_folder(tmp_path)
    (local / "audiences.yaml").write_text("audiences: []\n", encoding="utf-8")
    [problem] = problems_of(LESSONS, local)
    assert problem.startswith("force/audiences.yaml: ")
    assert "cannot change audiences.yaml" in problem


def test_a_missing_local_folder_is_named(tmp_path):
    [problem] = problems_of(LESSONS, tmp_path / "nowhere")
    assert "no such local library folder" in problem


def test_kit_check_counts_both(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_LOCAL_LESSONS", str(local_folder(tmp_path)))
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0, result.output
    assert "(of which 1 links from " in result.output
    broken = local_folder(tmp_path, id="childline")
    result = CliRunner().invoke(cli, ["check", "--local", str(broken)])
    assert result.exit_code == 1
    assert "force/links.yaml:2: id: duplicate link id 'childline'" in result.output


def test_marking_a_local_link_checked_writes_the_local_file_only(tmp_path):
    import shutil

    root = tmp_path / "lessons"
    shutil.copytree(LESSONS, root)
    local = local_folder(tmp_path)
    national = (root / "links.yaml").read_bytes()
    library = load_checked(root, local=local)
    [written] = mark_checked(library, ["force-schools-officer"], dt.date(2031, 5, 6))
    assert written == local / "links.yaml"
    assert (root / "links.yaml").read_bytes() == national
    assert load_checked(root, local=local).links["force-schools-officer"].checked == dt.date(2031, 5, 6)


def test_the_app_reads_the_local_folder(tmp_path):
    from kit import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}",
                      "SECRET_KEY": "x" * 40, "LOCAL_LESSONS": str(local_folder(tmp_path))})
    assert "force-schools-officer" in app.extensions["kit.library"].links
