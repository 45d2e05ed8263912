"""Builder operations and the spec codec, without Flask or a database."""

import datetime as dt
import json

import pytest

from kit.sessions import builder, codec
from kit.sessions.model import SessionSpec, needs_assembly_warning


@pytest.fixture
def spec(library):
    return builder.start(library, "lower-secondary", True, nation="wales")


def _outside(library, audience="lower-secondary"):
    return next(m.id for m in library.modules.values() if audience not in m.audiences)


def test_start_uses_the_ready_made_plan(library, spec):
    plan = library.plans_for("lower-secondary")[0]
    assert spec.modules == tuple(plan.modules) and spec.plan_id == plan.id
    assert builder.start(library, "lower-secondary", False).modules == ()


def test_start_keeps_my_title_and_length(library):
    spec = builder.start(library, "lower-secondary", True, title="Year 8", lesson_minutes=50)
    assert spec.title == "Year 8" and spec.lesson_minutes == 50


def test_moving_stays_inside_the_list(spec):
    first, second = spec.modules[:2]
    moved = builder.move(spec, second, -1)
    assert moved.modules[:2] == (second, first)
    assert builder.move(moved, second, -1).modules == moved.modules
    last = spec.modules[-1]
    assert builder.move(spec, last, 1).modules == spec.modules


def test_remove_then_add_back(library, spec):
    first = spec.modules[0]
    removed = builder.remove(spec, "modules", first)
    assert first not in removed.modules
    assert builder.add(removed, library, "modules", first).modules[-1] == first


@pytest.mark.parametrize("reason", ["", "   "])
def test_out_of_band_needs_a_reason(library, spec, reason):
    with pytest.raises(builder.BuilderError, match="why"):
        builder.add(spec, library, "modules", _outside(library), reason)


def test_out_of_band_reason_is_stored_and_forgotten_on_remove(library, spec):
    item = _outside(library)
    added = builder.add(spec, library, "modules", item, "  Mixed   group  ")
    assert added.reasons[item] == "Mixed group"
    assert item not in builder.remove(added, "modules", item).reasons


@pytest.mark.parametrize("kind, item, message", [
    ("modules", "no-such-module", "not in the library"),
    ("widgets", "x", "unknown kind"),
])
def test_add_refuses_unknown_things(library, spec, kind, item, message):
    with pytest.raises(builder.BuilderError, match=message):
        builder.add(spec, library, kind, item)


def test_adding_twice_is_refused(library, spec):
    with pytest.raises(builder.BuilderError, match="already"):
        builder.add(spec, library, "modules", spec.modules[0])


def test_reorder_must_name_the_same_modules(spec):
    assert builder.reorder(spec, list(reversed(spec.modules))).modules == spec.modules[::-1]
    with pytest.raises(builder.BuilderError):
        builder.reorder(spec, [spec.modules[0]])


def test_questions_keep_order_and_refuse_unreasoned_out_of_band(library, spec):
    kept = builder.set_questions(spec, library, list(spec.questions[:2]))
    assert kept.questions == spec.questions[:2]
    other = next(q.id for q in library.questions.values() if "lower-secondary" not in q.audiences)
    with pytest.raises(builder.BuilderError, match="reason"):
        builder.set_questions(spec, library, [other])


def test_minutes_add_up(library, spec):
    assert builder.minutes(spec, library) == sum(library.modules[m].minutes for m in spec.modules)


@pytest.mark.parametrize("audience, setting, warn", [
    ("lower-secondary", "assembly", True), ("upper-primary", "assembly", True),
    ("lower-secondary", "classroom", False), ("parents-carers", "assembly", False),
])
def test_assembly_warning_is_for_pupils(audience, setting, warn):
    assert needs_assembly_warning(audience, setting) is warn


@pytest.mark.parametrize("nation, lang, field", [
    ("england", "bilingual", "lang"), ("scotland", "cy", "lang"), ("wales", "bilingual", None),
    ("wales", "cy", None), ("atlantis", "en", "nation"),
])
def test_welsh_only_for_wales(library, nation, lang, field):
    problems = builder.detail_problems(library, "lower-secondary", nation, lang)
    assert (field in problems) if field else not problems


def test_codec_round_trips(library):
    spec = SessionSpec(audience="adults", nation="wales", lang="bilingual", title="<b>Hi</b>",
                       date=dt.date(2027, 3, 27), group_size=30, modules=("a", "b"),
                       reasons={"a": "why"}, school_notes="DSL: Ms Jones")
    assert codec.from_json(codec.to_json(spec)) == spec


@pytest.mark.parametrize("change", [
    {"audience": "aliens"}, {"lang": "fr"}, {"modules": "ground-rules"}, {"modules": [1]},
    {"title": "x" * 500}, {"group_size": -1}, {"group_size": True}, {"date": "tomorrow"},
    {"reasons": ["x"]}, {"lesson_minutes": 10_000}, {"plan_id": 7},
])
def test_codec_refuses_malformed_specs(change):
    data = json.loads(codec.to_json(SessionSpec(audience="adults")))
    data.update(change)
    with pytest.raises(codec.SpecError):
        codec.from_json(json.dumps(data))


@pytest.mark.parametrize("raw", ["", "[]", "null", "{", "\x00"])
def test_codec_refuses_non_objects(raw):
    with pytest.raises(codec.SpecError):
        codec.from_json(raw)


def test_unexplained_names_unknown_and_unreasoned_items(library, spec):
    assert builder.unexplained(spec, library) == []
    other = _outside(library)
    from dataclasses import replace

    assert builder.unexplained(replace(spec, modules=(*spec.modules, other)), library) == [other]
    assert builder.unexplained(replace(spec, modules=("ghost",)), library) == ["ghost"]
    explained = builder.add(spec, library, "modules", other, "why")
    assert builder.unexplained(explained, library) == []


@pytest.mark.parametrize("audience", ["upper-primary", "lower-secondary", "adults", "professionals"])
@pytest.mark.parametrize("kind", ["modules", "questions"])
def test_other_ages_are_grouped_by_band_nearest_first(library, audience, kind):
    order = list(library.audiences)
    spec = builder.start(library, audience, True)
    groups = builder.other_ages(library, kind, spec)
    distances = [abs(order.index(band.id) - order.index(audience)) for band, _ in groups]
    assert distances == sorted(distances) and 0 not in distances
    listed = [item.id for _, items in groups for item in items]
    expected = [i.id for i in getattr(library, kind).values()
                if audience not in i.audiences and i.id not in getattr(spec, kind)]
    assert sorted(listed) == sorted(expected) and len(listed) == len(set(listed))
    for band, items in groups:
        for item in items:  # each item sits under the nearest of its own bands
            nearest = min(abs(order.index(a) - order.index(audience)) for a in item.audiences)
            assert band.id in item.audiences and abs(order.index(band.id) - order.index(audience)) == nearest
