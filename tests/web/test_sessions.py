"""The session pages: new session, builder actions, conflicts, copy and delete."""

import pytest
from sqlalchemy import select

from kit.db import SessionRecord
from kit.store import sessions as store

NEW = {"audience": "lower-secondary", "nation": "wales", "lang": "bilingual",
       "setting": "classroom", "lesson_minutes": "60", "use_plan": "y"}


def _stored(db, record_id):
    db.expire_all()
    record = db.scalar(select(SessionRecord).where(SessionRecord.id == record_id))
    return record, (store.spec_of(record) if record else None)


def test_new_session_starts_from_the_plan(client, officer, db, library):
    response = client.post("/sessions/new", data={**NEW, "title": "Year 8 at Ysgol"})
    assert response.status_code == 302
    record_id = int(response.location.rsplit("/", 1)[1])
    record, spec = _stored(db, record_id)
    assert spec.title == "Year 8 at Ysgol" and spec.lang == "bilingual" and spec.nation == "wales"
    assert spec.modules == tuple(library.plans_for("lower-secondary")[0].modules)
    page = client.get(response.location).get_data(as_text=True)
    assert "Year 8 at Ysgol" in page and "of 60 minutes" in page


@pytest.mark.parametrize("change, message", [
    ({"audience": ""}, "Choose who the session is for"),
    ({"nation": "england"}, "Welsh and bilingual handouts are for sessions in Wales"),
    ({"lesson_minutes": "0"}, "Enter 5 to 600 minutes"),
    ({"group_size": "lots"}, "group size"),
    ({"setting": "assembly"}, "Tick the box to confirm an assembly"),
    ({"title": "x" * 121}, "cannot be longer than 120 characters"),
])
def test_new_session_errors_are_summarised_and_linked(client, officer, db, change, message):
    response = client.post("/sessions/new", data={**NEW, **change})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "There is a problem" in page and page.count('href="#') >= 2
    assert message.lower() in page.lower()
    assert "<title>Error:" in page
    assert db.scalar(select(SessionRecord)) is None


def test_assembly_for_pupils_shows_ceop_advice_and_can_be_confirmed(client, officer):
    page = client.post("/sessions/new", data={**NEW, "setting": "assembly"}).get_data(as_text=True)
    assert "CEOP Education advises" in page
    response = client.post("/sessions/new", data={**NEW, "setting": "assembly", "confirm_assembly": "y"})
    assert response.status_code == 302
    assert "CEOP Education advises" in client.get(response.location).get_data(as_text=True)


@pytest.mark.parametrize("nation", ["england", "wales", "scotland", "northern-ireland"])
def test_the_notes_hint_names_the_nations_safeguarding_lead(client, officer, make_session, library, nation):
    page = client.get(f"/sessions/{make_session(officer, nation=nation).id}").get_data(as_text=True)
    hint = page[page.index('id="school_notes-hint"'):]
    hint = hint[:hint.index("</p>")]
    others = {n.safeguarding_lead.en for n in library.nations.values()} - {library.nations[nation].safeguarding_lead.en}
    assert library.nations[nation].safeguarding_lead.en in hint.replace("&#39;", "'")
    assert not any(other in hint for other in others)


def test_move_remove_and_add(client, officer, make_session, db):
    record = make_session(officer)
    _, spec = _stored(db, record.id)
    first, second = spec.modules[:2]
    url = f"/sessions/{record.id}"
    assert client.post(f"{url}/modules/change", data={"version": 1, "up": second}).status_code == 302
    _, spec = _stored(db, record.id)
    assert spec.modules[:2] == (second, first)
    assert client.post(f"{url}/modules/change", data={"version": 2, "remove": first}).status_code == 302
    _, spec = _stored(db, record.id)
    assert first not in spec.modules
    assert client.post(f"{url}/modules/add", data={"version": 3, "item": first}).status_code == 302
    record, spec = _stored(db, record.id)
    assert spec.modules[-1] == first and record.version == 4


def test_the_module_list_buttons_name_their_action(client, officer, make_session, db):
    record = make_session(officer)
    _, spec = _stored(db, record.id)
    first, second, third = spec.modules[:3]
    url = f"/sessions/{record.id}/modules/change"
    page = client.get(f"/sessions/{record.id}").get_data(as_text=True)
    assert f'name="up" value="{second}"' in page and f'name="down" value="{first}"' in page
    assert f'name="up" value="{first}"' not in page  # the first module cannot move up
    assert client.post(url, data={"version": 1, "down": first}).status_code == 302
    assert _stored(db, record.id)[1].modules[:3] == (second, first, third)
    assert client.post(url, data={"version": 2, "up": third}).status_code == 302
    assert _stored(db, record.id)[1].modules[:3] == (second, third, first)
    assert client.post(url, data={"version": 3, "remove": second}).status_code == 302
    assert second not in _stored(db, record.id)[1].modules
    for data in ({"version": 4}, {"version": 4, "up": first, "remove": first}, {"version": 4, "up": "no-such"}):
        assert client.post(url, data=data).status_code == 400
    assert _stored(db, record.id)[0].version == 4


def test_out_of_band_module_needs_a_reason_which_is_shown(client, officer, make_session, db, library):
    record = make_session(officer)
    other = next(m for m in library.modules.values() if "lower-secondary" not in m.audiences)
    url = f"/sessions/{record.id}"
    page = client.get(url).get_data(as_text=True)
    assert other.title.en not in page
    assert other.title.en in client.get(f"{url}?all=modules").get_data(as_text=True)
    refused = client.post(f"{url}/modules/add", data={"version": 1, "item": other.id, "reason": ""})
    assert refused.status_code == 302  # back to the builder's own address, at that module's reason box
    assert refused.location.endswith(f"/sessions/{record.id}?all=modules#reason-module-{other.id}")
    assert _stored(db, record.id)[0].version == 1
    shown = client.get(refused.location.split("#")[0]).get_data(as_text=True)
    assert shown.count("suits your group: it is written for other ages") == 2  # in the summary, at the box
    assert f'href="#reason-module-{other.id}"' in shown and 'aria-invalid="true"' in shown
    assert shown.count(" open>") == 1  # only that module is opened
    assert "There is a problem" not in client.get(url).get_data(as_text=True)  # shown once, then gone
    client.post(f"{url}/modules/add", data={"version": 1, "item": other.id, "reason": "Mature group"})
    _, spec = _stored(db, record.id)
    assert spec.reasons[other.id] == "Mature group"
    assert "Mature group" in client.get(url).get_data(as_text=True)
    assert "Mature group" in client.get(f"{url}/preview").get_data(as_text=True)


def test_questions_and_notes_are_saved(client, officer, make_session, db):
    record = make_session(officer)
    _, spec = _stored(db, record.id)
    keep = list(spec.questions[:1])
    url = f"/sessions/{record.id}"
    client.post(f"{url}/questions", data={"version": 1, "question": keep})
    client.post(f"{url}/notes", data={"version": 2, "school_notes": "DSL: Ms Jones, ext 204"})
    _, spec = _stored(db, record.id)
    assert list(spec.questions) == keep and spec.school_notes == "DSL: Ms Jones, ext 204"


def test_reorder_by_drag_posts_the_whole_order(client, officer, make_session, db):
    record = make_session(officer)
    _, spec = _stored(db, record.id)
    order = list(reversed(spec.modules))
    client.post(f"/sessions/{record.id}/modules/order", data={"version": 1, "order": order})
    assert list(_stored(db, record.id)[1].modules) == order


def test_details_can_change_but_not_the_audience(client, officer, make_session, db):
    record = make_session(officer)
    url = f"/sessions/{record.id}/details"
    assert "Save details" in client.get(url).get_data(as_text=True)
    data = {**NEW, "audience": "adults", "nation": "scotland", "lang": "en", "school": "Hillhead",
            "lesson_minutes": "50", "version": "1"}
    assert client.post(url, data=data).status_code == 302
    _, spec = _stored(db, record.id)
    assert (spec.audience, spec.nation, spec.school, spec.lesson_minutes) == (
        "lower-secondary", "scotland", "Hillhead", 50)


MARKUP = ('<script>alert(1)</script><font color="[[[getattr(pow, Word(\'__globals__\'))]]]">x</font>'
          '<img src="/etc/passwd"/>')


def test_markup_is_stored_as_typed_and_escaped(client, officer, make_session, db):
    record = make_session(officer)
    url = f"/sessions/{record.id}"
    client.post(f"{url}/notes", data={"version": 1, "school_notes": MARKUP})
    data = {**NEW, "title": "<b>Bold</b> & <i>x</i>", "school": "<script>s()</script>", "version": "2"}
    client.post(f"{url}/details", data=data)
    _, spec = _stored(db, record.id)
    assert spec.school_notes == MARKUP and spec.title == "<b>Bold</b> & <i>x</i>"
    for page_url in (url, f"{url}/preview", "/sessions/"):
        page = client.get(page_url).get_data(as_text=True)
        assert "<script>alert" not in page and "<script>s()" not in page and "<b>Bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(f"{url}/preview").get_data(as_text=True)


def test_two_tabs_the_later_save_gets_the_conflict_page(client, officer, make_session, db):
    record = make_session(officer)
    url = f"/sessions/{record.id}"
    client.post(f"{url}/notes", data={"version": 1, "school_notes": "From tab one"})
    response = client.post(f"{url}/notes", data={"version": 1, "school_notes": "From tab two"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "From tab one" in page and "From tab two" in page and "Keep your version" in page
    record_now, spec = _stored(db, record.id)
    assert spec.school_notes == "From tab one" and record_now.version == 2
    mine = page.split('name="spec" value="')[1].split('"')[0]
    import html

    kept = client.post(f"{url}/keep-mine", data={"version": 2, "spec": html.unescape(mine)})
    assert kept.status_code == 302
    assert _stored(db, record.id)[1].school_notes == "From tab two"


def test_keep_mine_after_another_save_conflicts_again(client, officer, make_session, db):
    record = make_session(officer)
    url = f"/sessions/{record.id}"
    spec_json = _stored(db, record.id)[0].spec
    client.post(f"{url}/notes", data={"version": 1, "school_notes": "newer"})
    assert client.post(f"{url}/keep-mine", data={"version": 1, "spec": spec_json}).status_code == 409


@pytest.mark.parametrize("spec", [
    "not json", '{"audience": "adults"}', '{"audience": "lower-secondary", "lang": "xx"}',
    '{"audience": "lower-secondary", "modules": ["no-such-module"]}',
    '{"audience": "lower-secondary", "modules": ["OUT_OF_BAND"]}'])
def test_keep_mine_refuses_bad_specs(client, officer, make_session, db, library, spec):
    other = next(m.id for m in library.modules.values() if "lower-secondary" not in m.audiences)
    spec = spec.replace("OUT_OF_BAND", other)
    record = make_session(officer)
    response = client.post(f"/sessions/{record.id}/keep-mine", data={"version": 1, "spec": spec})
    assert response.status_code == 400
    assert _stored(db, record.id)[0].version == 1
    if "modules" in spec:  # a readable spec naming the items at fault (by title, if known) gets a specific message
        page = response.get_data(as_text=True)
        item = spec.split('"modules": ["')[1].split('"')[0]
        name = library.modules[item].title.en if item in library.modules else item
        assert "Your version could not be kept" in page and name in page.replace("&#39;", "'")


def test_a_missing_version_is_a_conflict_not_an_overwrite(client, officer, make_session, db):
    record = make_session(officer)
    response = client.post(f"/sessions/{record.id}/details", data={**NEW, "school": "X"})
    assert response.status_code == 409
    assert _stored(db, record.id)[1].school == ""


@pytest.mark.parametrize("url, data", [
    ("modules/change", {"version": 1, "up": "no-such"}),
    ("modules/change", {"version": 1, "sideways": "ground-rules"}),
    ("modules/change", {"version": 1, "remove": "no-such"}),
    ("widgets/add", {"version": 1, "item": "x"}),
    ("modules/add", {"version": "x", "item": "ground-rules"}),
    ("questions", {"version": 1, "question": ["no-such"]}),
    ("notes", {"version": 1, "school_notes": "x" * 2001}),
])
def test_bad_builder_posts_change_nothing(client, officer, make_session, db, url, data):
    record = make_session(officer)
    response = client.post(f"/sessions/{record.id}/{url}", data=data)
    assert response.status_code == 400
    assert _stored(db, record.id)[0].version == 1


def test_duplicate_and_delete_with_confirmation(client, officer, make_session, db):
    record = make_session(officer, title="Original")
    response = client.post(f"/sessions/{record.id}/duplicate")
    copy_id = int(response.location.rsplit("/", 1)[1])
    assert _stored(db, copy_id)[1].title == "Copy of Original"
    confirm = client.get(f"/sessions/{record.id}/delete").get_data(as_text=True)
    assert "Yes, delete this session" in confirm
    assert _stored(db, record.id)[0] is not None
    assert client.post(f"/sessions/{record.id}/delete").status_code == 302
    assert _stored(db, record.id)[0] is None
    assert client.get(f"/sessions/{record.id}").status_code == 404


def test_a_lead_can_duplicate_anyones_session_into_their_own(client, make_user, make_session, auth, db):
    record = make_session(make_user(), title="Theirs")
    lead = make_user("lead")
    auth.login(lead.email)
    copy_id = int(client.post(f"/sessions/{record.id}/duplicate").location.rsplit("/", 1)[1])
    assert _stored(db, copy_id)[0].owner_id == lead.id


def test_welsh_drafts_are_flagged(client, officer, make_session, library):
    record = make_session(officer, nation="wales", lang="bilingual")
    page = client.get(f"/sessions/{record.id}").get_data(as_text=True)
    from kit.sessions.model import assemble

    session = assemble(library, store.spec_of(record))
    assert ("waits for a Welsh speaker" in page) == session.uses_welsh_drafts()


def test_an_out_of_band_question_is_added_with_a_reason(client, officer, make_session, db, library):
    record = make_session(officer)
    other = next(q for q in library.questions.values() if "lower-secondary" not in q.audiences)
    url = f"/sessions/{record.id}"
    page = client.get(f"{url}?all=questions").get_data(as_text=True)
    assert f'id="reason-question-{other.id}"' in page
    client.post(f"{url}/questions/add", data={"version": 1, "item": other.id, "reason": "Revision"})
    _, spec = _stored(db, record.id)
    assert spec.questions[-1] == other.id and spec.reasons[other.id] == "Revision"
    kept = [q for q in spec.questions if q != other.id]
    client.post(f"{url}/questions", data={"version": 2, "question": kept})
    _, spec = _stored(db, record.id)
    assert other.id not in spec.questions and other.id not in spec.reasons


def _checked(page: str) -> set[str]:
    return {part.split('"')[0] for part in page.split('name="question" value="')[1:]
            if part.split(">")[0].endswith(" checked")}


def _offered(page: str) -> set[str]:
    form = page.split('/modules/add">')[1].split("</form>")[0]
    return {part.split('"')[0] for part in form.split('name="item" value="')[1:]}


def test_each_builder_page_shows_its_own_choices(client, officer, make_session, db, library):
    """The module and question lists are shared between sessions with the same choices: never mixed up."""
    one, two = make_session(officer), make_session(officer)
    _, spec = _stored(db, one.id)
    first_page = client.get(f"/sessions/{one.id}").get_data(as_text=True)
    assert _checked(first_page) == set(spec.questions)
    assert client.get(f"/sessions/{two.id}").get_data(as_text=True).count('name="question"') == \
        first_page.count('name="question"')
    client.post(f"/sessions/{one.id}/questions", data={"version": 1, "question": list(spec.questions[:1])})
    client.post(f"/sessions/{one.id}/modules/change", data={"version": 2, "remove": spec.modules[0]})
    changed = client.get(f"/sessions/{one.id}").get_data(as_text=True)
    untouched = client.get(f"/sessions/{two.id}").get_data(as_text=True)
    assert _checked(changed) == set(spec.questions[:1])
    assert _checked(untouched) == set(spec.questions)
    assert spec.modules[0] in _offered(changed) and spec.modules[0] not in _offered(untouched)
    assert 'csrf_token" value="' in changed and 'name="version" value="3"' in changed


def test_saving_a_session_deleted_meanwhile_is_a_404_not_an_error(client, officer, make_session, db, monkeypatch):
    record = make_session(officer)
    stale = store.get(db, officer, record.id)
    store.remove(db, stale)
    with pytest.raises(store.Conflict) as gone:
        store.save(db, stale, store.spec_of(stale), 1)
    assert gone.value.current is None
    other = make_session(officer)

    def deleted_meanwhile(*_args):
        raise store.Conflict(None)

    monkeypatch.setattr(store, "save", deleted_meanwhile)
    response = client.post(f"/sessions/{other.id}/notes", data={"version": 1, "school_notes": "x"})
    assert response.status_code == 404


def test_the_other_ages_list_escapes_library_text(app, library):
    from types import SimpleNamespace

    from flask import render_template

    hostile = SimpleNamespace(id="m1", title=SimpleNamespace(en='<img src=x onerror="alert(1)">'), minutes=5,
                              audiences=("adults",))
    with app.test_request_context("/"):
        html = render_template("sessions/_other_ages.html", kind="modules", lib=library, base="/s/1", hidden="",
                               problem=None, groups=[(library.audiences["adults"], [hostile])])
    assert "<img" not in html and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html


def test_the_dashboard_lists_searches_filters_and_sorts(client, officer, make_session):
    import datetime as dt

    make_session(officer, title="Year 6 safety", school="St Mary's", date=dt.date(2026, 12, 8), nation="wales")
    make_session(officer, title="Year 9 talk", school="Hillside", date=dt.date(2026, 10, 1), nation="scotland")
    make_session(officer, title="Parents evening", school="Hillside", audience="parents-carers")
    page = client.get("/sessions/").get_data(as_text=True)
    assert "St Mary&#39;s" in page and "8 December 2026" in page and "Wales" in page and "Scotland" in page

    def titles(query):
        html = client.get(f"/sessions/?{query}").get_data(as_text=True)
        return [t for t in ("Year 6 safety", "Year 9 talk", "Parents evening") if t in html]

    assert titles("q=hillside") == ["Year 9 talk", "Parents evening"]
    assert titles("q=mary") == ["Year 6 safety"]
    assert titles("nation=scotland") == ["Year 9 talk"]
    assert titles("audience=parents-carers") == ["Parents evening"]
    html = client.get("/sessions/?sort=date").get_data(as_text=True)
    assert html.index("Year 9 talk") < html.index("Year 6 safety") < html.index("Parents evening")
    html = client.get("/sessions/?sort=date-desc").get_data(as_text=True)
    assert html.index("Year 6 safety") < html.index("Year 9 talk") < html.index("Parents evening")
    assert client.get("/sessions/?sort=nonsense&nation=mars&q=%25").status_code == 200


@pytest.mark.parametrize("minutes", ["20", "40", "60"])
def test_the_running_total_is_the_fitted_lesson(client, officer, db, library, minutes):
    from kit.sessions.model import assemble

    response = client.post("/sessions/new", data={**NEW, "lesson_minutes": minutes})
    _record, spec = _stored(db, int(response.location.rsplit("/", 1)[1]))
    fit = assemble(library, spec).fit
    page = client.get(response.location).get_data(as_text=True)
    assert f"Total: <strong>{fit.total} of {minutes} minutes</strong>" in page
    assert fit.total <= int(minutes)
