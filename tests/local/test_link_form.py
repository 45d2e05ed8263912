"""Leads edit their links field by field: the same YAML, the same loader, its messages beside the fields."""

import re
from html import unescape

import pytest
from sqlalchemy import func, select

from kit.content.loader import read_data
from kit.db import LocalVersion
from kit.local import versions
from kit.local.linkrows import Row, rows_of, yaml_of
from kit.local.overlay import library_with
from kit.paths import data_dir
from tests.local.links import link_yaml

FIELDS = {"id": "force-schools-officer", "organisation": "Example Constabulary", "title": "Example Constabulary",
          "label": "Ask our schools officer", "description": "Our schools officers can help you stay safe online.",
          "url": "https://www.example.police.uk/schools", "checked": "2026-11-20",
          "source": "https://www.example.police.uk/schools (seen 20 November 2026)", "status": "ok"}


def posted(n: int = 0, audiences=("lower-secondary",), nations=("england",), **changes) -> dict:
    """Return the form fields of link N as a lead fills them in."""
    data = {f"link-{n}-{k}": v for k, v in (FIELDS | changes).items()}
    return data | {f"link-{n}-audiences": list(audiences), f"link-{n}-nations": list(nations)}


def base(**extra) -> dict:
    return {"organisation": "Example Constabulary", "address": "", "link_count": "1"} | extra


def saved_rows(db) -> int:
    db.expire_all()
    return db.scalar(select(func.count()).select_from(LocalVersion))


def test_the_national_links_go_through_the_form_unchanged():
    text = (data_dir("lessons") / "links.yaml").read_text()
    rows = rows_of(text)
    assert len(rows) > 10
    assert read_data("links", yaml_of(rows).encode(), "form")[0] == read_data("links", text.encode(), "file")[0]


@pytest.mark.parametrize("value", ["no", "yes", "1.10", "12:30", "0800 1111", "~", "@home", "#1", "- x", "a: b"])
def test_text_that_yaml_would_misread_stays_text(value):
    row = Row({**FIELDS, "hours": value, "title": value}, ["lower-secondary"], ["england"])
    model, _, problems = read_data("links", yaml_of([row]).encode(), "form")
    assert problems == [] and model.links[0].hours == value and model.links[0].title.en == value


def test_what_the_form_does_not_show_rides_along():
    text = link_yaml().replace("    status: ok\n", "    status: ok\n    covers: [report]\n    page_title: Schools\n")
    welsh = "{en: Example Constabulary, cy: Heddlu Enghraifft, cy_review: approved}"
    text = text.replace("    title: Example Constabulary\n",
                        f"    title: {welsh}\n    cy_reviewed: {{by: Welsh team, date: 2026-11-01}}\n")
    rows = rows_of(text)
    assert rows[0].values["title_cy"] == "Heddlu Enghraifft"
    again = read_data("links", yaml_of(rows).encode(), "form")[0].links[0]
    assert again == read_data("links", text.encode(), "file")[0].links[0]
    rows[0].values["title_cy"] = "Heddlu Newydd"  # changed Welsh is a draft again
    assert read_data("links", yaml_of(rows).encode(), "form")[0].links[0].title.cy_review == "draft"


def test_a_lead_adds_a_link_field_by_field(client, db, lead):
    page = client.post("/local/", data=base(link_count="0", add_link="1")).get_data(as_text=True)
    assert 'id="link-0-url"' in page and saved_rows(db) == 0  # shown, not saved
    response = client.post("/local/", data=base() | posted())
    assert response.status_code == 302, response.get_data(as_text=True)
    row = versions.current(db)
    _, problems = library_with(data_dir("lessons"), None, versions.content_of(row), lint=True)
    assert problems == []
    link = read_data("links", row.links_yaml.encode(), "saved")[0].links[0]
    assert (link.id, link.url, link.audiences, str(link.checked)) == (
        "force-schools-officer", FIELDS["url"], ["lower-secondary"], "2026-11-20")
    page = client.get("/local/").get_data(as_text=True)
    assert 'value="https://www.example.police.uk/schools"' in page and "Link 1: Example Constabulary" in page


@pytest.mark.parametrize("change, field", [
    ({"url": "http://www.example.police.uk/schools"}, "url"),
    ({"id": "childline"}, "id"),
    ({"checked": "30/11/2026"}, "checked"),
    ({"audiences": ()}, "audiences"),
    ({"url": "", "phone": ""}, None),  # no way to reach it: the loader names the link, not a field
])
def test_a_broken_field_gets_the_loaders_message_beside_it_and_nothing_is_saved(client, db, lead, change, field):
    change = dict(change)  # the table is shared by the SQLite and PostgreSQL runs
    audiences = change.pop("audiences", ("lower-secondary",))
    data = base() | posted(audiences=audiences, **change)
    page = unescape(client.post("/local/", data=data).get_data(as_text=True))
    assert "There is a problem" in page and saved_rows(db) == 0
    # The same words the loader gives when the same link is typed as YAML.
    yaml_page = unescape(client.post("/local/", data={**base(), "mode": "yaml", "links": yaml_of(rows_of_form(data))})
                         .get_data(as_text=True))
    said = re.findall(r'id="links-error"><span class="visually-hidden">Error:</span> '
                      r"Line \d+: (?:links\[0\](?:\.\S+)?: |id: )?([^<]+)", yaml_page)
    assert said, yaml_page
    if field:
        assert re.search(rf'id="link-0-{field}-error"><span class="visually-hidden">Error:</span> {re.escape(said[0])}',
                         page)
    else:
        assert f"Link 1: {said[0]}" in page
    # What the lead typed is still there.
    assert 'value="Ask our schools officer"' in page


def rows_of_form(data: dict) -> list[Row]:
    from kit.local.linkrows import rows_from

    return rows_from({k: v if isinstance(v, list) else [v] for k, v in data.items()}, 1)


def test_removing_a_link_and_saving_leaves_the_other(client, db, lead):
    two = base(link_count="2") | posted(0) | posted(1, id="force-helpline", title="Helpline")
    page = client.post("/local/", data=two | {"remove_link": "0"}).get_data(as_text=True)
    assert 'name="link_count" value="1"' in page and 'value="force-helpline"' in page and saved_rows(db) == 0
    assert client.post("/local/", data=base() | posted(0, id="force-helpline", title="Helpline")).status_code == 302
    assert [r.values["id"] for r in rows_of(versions.current(db).links_yaml)] == ["force-helpline"]


def test_saving_the_form_untouched_keeps_the_yaml_as_typed(client, db, lead):
    client.post("/local/", data={**base(), "mode": "yaml", "links": link_yaml()})
    page = client.get("/local/").get_data(as_text=True)
    count = int(re.search(r'name="link_count" value="(\d+)"', page).group(1))
    fields = dict(re.findall(r'name="(link-0-[a-z_]+)" (?:type="\w+" )?value="([^"]*)"', page))
    data = base(link_count=str(count)) | {k: unescape(v) for k, v in fields.items()} | {
        "link-0-audiences": ["lower-secondary"], "link-0-nations": ["england"], "link-0-status": "ok"}
    response = client.post("/local/", data=data, follow_redirects=True)
    assert "Nothing changed" in response.get_data(as_text=True) and saved_rows(db) == 1
