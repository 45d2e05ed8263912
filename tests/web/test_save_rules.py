"""Every way a session is saved passes the same rules: keeping my version after a conflict
cannot save Welsh for England, nor an assembly for pupils without the acknowledgement."""

import json

from sqlalchemy import select

from kit.db import SessionRecord
from kit.sessions import codec
from kit.store import sessions as store

DETAILS = {"nation": "england", "lang": "en", "setting": "classroom", "lesson_minutes": "60"}


def _stored(db, record_id):
    db.expire_all()
    record = db.scalar(select(SessionRecord).where(SessionRecord.id == record_id))
    return record.version, store.spec_of(record)


def _mine(record, **changes) -> str:
    data = json.loads(codec.to_json(store.spec_of(record)))
    return json.dumps({**data, **changes})


def test_keep_mine_cannot_save_welsh_for_england(client, officer, make_session, db):
    record = make_session(officer)
    response = client.post(f"/sessions/{record.id}/keep-mine",
                           data={"version": 1, "spec": _mine(record, lang="cy", nation="england")})
    assert response.status_code == 400
    assert "Welsh and bilingual handouts are for sessions in Wales" in response.get_data(as_text=True)
    assert _stored(db, record.id) == (1, store.spec_of(record))


def test_keep_mine_asks_to_confirm_an_assembly_then_saves_it(client, officer, make_session, db):
    record = make_session(officer)
    mine = _mine(record, setting="assembly")
    refused = client.post(f"/sessions/{record.id}/keep-mine", data={"version": 1, "spec": mine})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "Tick the box to confirm an assembly" in page and 'name="confirm_assembly"' in page
    assert "CEOP Education advises" in page
    assert _stored(db, record.id)[0] == 1
    kept = client.post(f"/sessions/{record.id}/keep-mine",
                       data={"version": 1, "spec": mine, "confirm_assembly": "y"})
    assert kept.status_code == 302
    assert _stored(db, record.id)[1].setting == "assembly"


def test_a_details_conflict_over_an_assembly_offers_the_confirmation(client, officer, make_session, db):
    record = make_session(officer)
    url = f"/sessions/{record.id}"
    assert client.post(f"{url}/notes", data={"version": 1, "school_notes": "other tab"}).status_code == 302
    conflict = client.post(f"{url}/details", data={**DETAILS, "setting": "assembly", "confirm_assembly": "y",
                                                   "version": 1})
    assert conflict.status_code == 409
    assert 'name="confirm_assembly"' in conflict.get_data(as_text=True)


def test_an_assembly_stored_before_needs_no_new_confirmation(client, officer, make_session, db):
    record = make_session(officer, setting="assembly")
    response = client.post(f"/sessions/{record.id}/keep-mine",
                           data={"version": 1, "spec": _mine(record, school_notes="DSL: Ms Price")})
    assert response.status_code == 302
    assert _stored(db, record.id)[1].school_notes == "DSL: Ms Price"


def test_a_module_gone_from_the_library_does_not_block_other_changes(client, officer, make_session, db):
    record = make_session(officer)
    spec = store.spec_of(record)
    stale = store.save(db, record, codec.from_json(_mine(record, modules=[*spec.modules, "retired-module"])), 1)
    response = client.post(f"/sessions/{record.id}/notes", data={"version": 2, "school_notes": "DSL"})
    assert response.status_code == 302
    assert _stored(db, stale.id)[1].school_notes == "DSL"
