"""The render cache: bounded, and told to forget a session on save and delete, everything on reload."""

from kit.web.render_cache import RenderCache, reload_library


def test_the_render_cache_stays_within_its_limit():
    cache = RenderCache(10)
    cache.put((1, "a"), b"12345")
    cache.put((2, "b"), b"12345")
    cache.get((1, "a"))
    cache.put((3, "c"), b"123")
    assert cache.get((2, "b")) is None and cache.get((1, "a")) == b"12345" and cache.get((3, "c")) == b"123"
    cache.put((4, "huge"), b"x" * 11)
    assert cache.get((4, "huge")) is None


def test_forget_drops_one_session_and_frees_its_bytes():
    cache = RenderCache(12)
    cache.put((1, "handout"), b"1234")
    cache.put((1, "poster"), b"1234")
    cache.put((2, "handout"), b"1234")
    assert cache.forget(1) == 2
    assert cache.get((1, "handout")) is None and cache.get((2, "handout")) == b"1234"
    cache.put((3, "a"), b"12345678")  # fits only because session 1's 8 bytes were given back
    assert cache.get((2, "handout")) == b"1234" and len(cache) == 2


def test_clear_drops_everything():
    cache = RenderCache(100)
    cache.put((1, "a"), b"x")
    cache.put((2, "a"), b"y")
    cache.clear()
    assert len(cache) == 0 and cache.get((1, "a")) is None


def _cached_sessions(app) -> set[int]:
    return {key[0] for key in app.extensions["kit.render_cache"]._items}


def test_saving_a_session_forgets_its_pdfs_and_keeps_the_others(app, client, officer, make_session):
    mine, other = make_session(officer), make_session(officer)
    for record in (mine, other):
        assert client.get(f"/sessions/{record.id}/download/handout.pdf").status_code == 200
    assert _cached_sessions(app) == {mine.id, other.id}
    client.post(f"/sessions/{mine.id}/notes", data={"version": 1, "school_notes": "New notes"})
    assert _cached_sessions(app) == {other.id}


def test_deleting_a_session_forgets_its_pdfs(app, client, officer, make_session):
    record = make_session(officer)
    client.get(f"/sessions/{record.id}/download/poster.pdf")
    assert _cached_sessions(app) == {record.id}
    assert client.post(f"/sessions/{record.id}/delete").status_code == 302
    assert _cached_sessions(app) == set()


def test_reloading_the_library_clears_the_cache(app, client, officer, make_session):
    record = make_session(officer)
    client.get(f"/sessions/{record.id}/download/poster.pdf")
    library = app.extensions["kit.library"]
    reload_library(app, library)
    assert _cached_sessions(app) == set() and app.extensions["kit.library"] is library
