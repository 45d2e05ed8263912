"""A lead's edit is checked like the YAML library, with the same messages; the YAML folder comes first."""

import pytest

from kit.content.loader import LibraryError, load_checked
from kit.local.overlay import BROWSER_FILE, check_edit, library_with
from kit.local.versions import Content
from kit.paths import data_dir
from tests.local.links import link_yaml

LESSONS = data_dir("lessons")


def yaml_folder(tmp_path, text):
    folder = tmp_path / "force"
    folder.mkdir(exist_ok=True)
    (folder / "links.yaml").write_text(text, encoding="utf-8")
    return folder


def folder_messages(tmp_path, text) -> list[str]:
    """Return what `kit check` says about TEXT in a KIT_LOCAL_LESSONS folder: 'field: message' per problem."""
    with pytest.raises(LibraryError) as failed:
        load_checked(LESSONS, local=yaml_folder(tmp_path, text))
    return [(p.line or 0, (p.field + ": " if p.field else "") + p.message) for p in failed.value.errors]


@pytest.mark.parametrize("text", [
    link_yaml(url="http://www.example.police.uk/schools"),  # not https
    link_yaml(url="https://www.example.police.uk/schools?utm_source=x"),  # tracking
    link_yaml(id="Force Officer"),  # not an id
    link_yaml().replace("    status: ok\n", ""),  # a field missing
    link_yaml().replace("checked: 2026-11-20", "checked: yesterday"),
    link_yaml().replace("nations: [england]", "nations: [englnd]"),
    "links:\n  - id: [unclosed\n",  # not YAML
], ids=["http", "tracking", "id", "missing", "date", "nation", "yaml"])
def test_a_bad_browser_link_gets_the_messages_a_yaml_file_gets(tmp_path, text):
    errors = check_edit(LESSONS, None, Content(links_yaml=text))
    expected = folder_messages(tmp_path, text)
    assert errors and {e.field for e in errors} == {"links"}
    assert [e.message for e in errors] == [f"Line {line}: {msg}" if line else f"The links: {msg}"
                                           for line, msg in sorted(expected)]


def test_a_good_edit_has_no_errors():
    content = Content("Example Constabulary", "HQ, 1 High Street, Exampleton EX1 1AA", link_yaml())
    assert check_edit(LESSONS, None, content) == []


@pytest.mark.parametrize("content, field", [
    (Content(organisation="x" * 81), "organisation"),
    (Content(organisation="Police\x07"), "organisation"),
    (Content(address="a" * 71), "address"),
    (Content(address="line one\nline two"), "address"),
])
def test_name_and_address_are_one_short_line(content, field):
    assert [e.field for e in check_edit(LESSONS, None, content)] == [field]


def test_a_browser_link_after_the_yaml_folder_and_a_clash_names_both_places(tmp_path):
    folder = yaml_folder(tmp_path, link_yaml())
    content = Content(links_yaml=link_yaml(id="force-helpline", url="https://www.example.police.uk/help"))
    library, problems = library_with(LESSONS, folder, content)
    assert problems == []
    ids = list(library.links)
    assert ids[-2:] == ["force-schools-officer", "force-helpline"]  # national, then YAML folder, then browser
    assert {("links", "force-schools-officer"), ("links", "force-helpline")} <= library.local

    clash = check_edit(LESSONS, folder, Content(links_yaml=link_yaml()))
    assert [e.message for e in clash] == [
        "Line 2: id: duplicate link id 'force-schools-officer' (first at force/links.yaml:2)"]
    national = check_edit(LESSONS, None, Content(links_yaml=link_yaml(id="childline")))
    assert "duplicate link id 'childline' (first at lessons/links.yaml:" in national[0].message


def test_the_browser_links_are_named_as_their_own_place():
    _, problems = library_with(LESSONS, None, Content(links_yaml="links: 3\n"))
    assert problems and {p.file for p in problems} == {BROWSER_FILE}
