"""Story-level checks: which flowables and words each document is made of, before any PDF."""

from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4, A5
from reportlab.platypus import PageBreak, Paragraph, Table

from kit.pdf import RenderOptions, handout, handout_a5, lesson_plan, letter, poster, quiz, signposts
from kit.pdf.flowables import QRCode
from kit.pdf.measure import frame_size, story_height
from kit.pdf.story import OWN_PLACE, Context, key_messages
from tests.pdf.conftest import plan_ids, story_text, walk


def context(make_teaching_session, plan_id=None, nation="england", lang="en", **options):
    """Return the Context for a plan's session."""
    return Context.of(make_teaching_session(plan_id, nation, lang), RenderOptions(**options))


def codes(story) -> list[str]:
    """Return the URLs of the QR codes in STORY."""
    return [f.url for f in walk(story) if isinstance(f, QRCode)]


@pytest.mark.parametrize("size, margin", [(A4, handout.A4_MARGIN), (A5, handout_a5.A5_MARGIN)])
@pytest.mark.parametrize("plan_id", plan_ids())
def test_handout_story_shape(make_teaching_session, plan_id, size, margin):
    ctx = context(make_teaching_session, plan_id)
    story = handout.story(ctx, size, margin)
    text = story_text(story)
    assert text.index("What to do if it's happening now") < text.index("Who can help")
    assert text.rstrip().endswith(ctx.voice("last")[-1])
    with_url = [k for k in ctx.session.links if k.url]
    assert sorted(codes(story)) == sorted(k.url for k in with_url)
    for link in ctx.session.links:
        assert link.label.en in text
    if any(k.status == "verify" for k in with_url):
        assert any(k.status == "ok" for k in with_url), "a verify link must never stand alone"
    for message in key_messages(ctx):
        assert message.text.en in text


@pytest.mark.parametrize("nation", ["england", "wales", "scotland", "northern-ireland"])
@pytest.mark.parametrize("plan_id", plan_ids())
def test_the_a5_handout_is_a_short_form_on_one_sheet(make_teaching_session, plan_id, nation):
    """In English, a front and a back that each fit an A5 side: every step, a code on the front,
    the crisis route and the last words on the back; only the session's own links."""
    ctx = context(make_teaching_session, plan_id, nation)
    story = handout_a5.story(ctx)
    width, height = frame_size(A5, handout_a5.A5_MARGIN)
    assert [isinstance(f, PageBreak) for f in story].count(True) == 1
    cut = next(n for n, f in enumerate(story) if isinstance(f, PageBreak))
    front, rear = story[:cut], story[cut + 1:]
    assert story_height(front, width) <= height
    assert codes(front), "no code on the front"
    dropped = tuple(c for heading, covers in handout.topics(ctx) if heading != "crisis" for c in covers)
    for message in key_messages(ctx, exclude=OWN_PLACE + dropped):
        assert message.text.en in story_text(front if message.covers != "crisis" else rear)
    assert story_text(rear).rstrip().endswith(ctx.voice("last")[-1])
    assert set(codes(story)) <= {k.url for k in ctx.session.links}
    assert len(codes(story)) == len(set(codes(story)))
    assert handout.pages(rear, A5, handout_a5.A5_MARGIN) == 1  # last: a trial layout uses REAR up


@pytest.mark.parametrize("plan_id, on_the_back", [("parents-carers-core", True), ("professionals-core", False)])
def test_what_to_do_if_told_is_on_a_parents_back_and_among_staff_steps(make_teaching_session, plan_id, on_the_back):
    """A parent reads what to do if their child tells them on the back; staff act on it at once."""
    ctx = context(make_teaching_session, plan_id)
    told = key_messages(ctx, covers=("respond-to-disclosure",))
    width = frame_size(A4, handout.A4_MARGIN)[0]
    steps, rear = story_text([handout.steps_box(ctx, width)]), story_text(handout.back(ctx, width))
    assert told
    for message in told:
        assert (message.text.en in rear, message.text.en in steps) == (on_the_back, not on_the_back)
    assert ("If your child tells you" in rear) == on_the_back


def test_steps_follow_the_message_order(make_teaching_session):
    ctx = context(make_teaching_session, "lower-secondary-core")
    covers = [m.covers for m in key_messages(ctx, exclude=OWN_PLACE)]
    assert covers[:3] == ["dont-pay", "stop-and-block", "keep-evidence"]


def test_body_sizes_follow_the_audience_and_large_print(make_teaching_session, library):
    for plan in library.plans.values():
        ctx = context(make_teaching_session, plan.id)
        assert ctx.st.body.fontSize == max(library.audiences[plan.audience].body_pt, 12)
        assert ctx.st.body.leading >= 1.3 * ctx.st.body.fontSize
    large = context(make_teaching_session, large_print=True)
    paragraphs = [f for f in walk(handout.story(large, A4, handout.A4_MARGIN))
                  if isinstance(f, Paragraph)]
    assert min(p.style.fontSize for p in paragraphs) >= 16  # URLs 16 pt, body 18 pt


def test_lesson_plan_story_holds_every_section(make_teaching_session):
    ctx = context(make_teaching_session, "lower-secondary-core", "scotland")
    text = story_text(lesson_plan.story(ctx))
    for heading in ("Timings", "Learning outcomes", "Ground rules", "Activities",
                    "Facilitator notes", "Keywords", "Misconceptions", "Safeguarding",
                    "Curriculum links", "Signposting"):
        assert heading in text
    for module in ctx.session.modules:
        for ref in module.curriculum.get("scotland", []):
            assert ref in text
    assert ctx.session.audience.year_names["scotland"] in text
    assert codes(lesson_plan.story(ctx)) == []


def test_lesson_plan_prints_reasons_and_school_notes(make_teaching_session):
    session = make_teaching_session("lower-secondary-core", reasons={"ls-how-it-starts": "Asked by the DSL"},
                           school_notes="DSL: Ms Jones, room 4")
    text = story_text(lesson_plan.story(Context.of(session, RenderOptions())))
    title = next(m.title.en for m in session.modules if m.id == "ls-how-it-starts")
    assert f"{title}: Asked by the DSL" in text and "DSL: Ms Jones, room 4" in text
    assert "ls-how-it-starts:" not in text  # the officer reads titles, never ids


def test_quiz_story_uses_the_type_instruction(make_teaching_session):
    ctx = context(make_teaching_session, "lower-secondary-core")
    text = story_text(quiz.quiz_story(ctx))
    for question in ctx.session.questions:
        assert quiz.instruction(ctx, question) in text


def test_letter_and_poster_carry_codes_and_the_last_words(make_teaching_session):
    ctx = context(make_teaching_session, "lower-secondary-core")
    story = letter.flowables(ctx, "en")
    assert 1 <= len(codes(story)) <= 2 and "Talking about it without blame" in story_text(story)
    big = poster.story(ctx)
    assert len(codes(big)) == 1 and story_text(big).rstrip().endswith("Tell someone.")


@pytest.mark.parametrize("document", ["lesson-plan", "letter"])
def test_bullets_hang_so_wrapped_lines_start_under_the_text(make_teaching_session, document):
    ctx = context(make_teaching_session, "parents-carers-core", large_print=True)
    story = lesson_plan.story(ctx) if document == "lesson-plan" else letter.flowables(ctx, "en")
    paragraphs = [f for f in walk(story) if isinstance(f, Paragraph)]
    bullets = [p for p in paragraphs if p.text.startswith("•")]
    assert bullets
    for paragraph in bullets:
        style = paragraph.style
        assert style.leftIndent > 0 and style.firstLineIndent == -style.leftIndent, paragraph.text
    assert all(p.style.firstLineIndent >= 0 for p in paragraphs if not p.text.startswith("•"))


def test_helplines_side_by_side_have_a_rule_between_them_only():
    rows = signposts.grid(["a", "b", "c", "d"], 300, 3, ruled=True)
    rules = [[c for c in table._linecmds if c[0] == "LINEAFTER"] for table in rows]
    assert [[(c[1], c[2]) for c in r] for r in rules] == [[((0, 0), (1, 0))], []]
    plain = signposts.grid(["a", "b"], 300, 2)
    assert not [c for t in plain for c in t._linecmds if c[0] == "LINEAFTER"]


def test_a_box_split_over_two_pages_is_closed_at_the_break():
    from kit.pdf.flowables import boxed
    from kit.pdf.styles import styles

    box = boxed([[Paragraph(f"Step {i}. " * 8, styles(18).body)] for i in range(12)], [200])
    _, height = box.wrap(200, 10_000)
    first, second = box.split(200, height / 2)
    for part in (first, second):
        part.wrap(200, 10_000)
    last_row = len(first._cellvalues) - 1
    assert any(c[0] == "LINEBELOW" and c[1][1] == last_row for c in first._linecmds)
    assert any(c[0] == "LINEABOVE" and c[1][1] == 0 for c in second._linecmds)


def first(cell):
    """Return a table cell's one flowable (a table keeps a flowable cell as a one-item tuple)."""
    return cell[0] if isinstance(cell, (list, tuple)) and len(cell) == 1 else cell


def a4_story(ctx: Context) -> list:
    """Return the A4 handout's story of CTX."""
    return handout.story(ctx, A4, handout.A4_MARGIN)


def code_columns(story) -> dict[int, list[tuple[float, float]]]:
    """Return, per grid column of STORY's codes, each code's size and where its words start."""
    found: dict[int, list[tuple[float, float]]] = {}
    for table in (f for f in walk(story) if isinstance(f, Table)):
        for column, cell in enumerate(table._cellvalues[0]):
            cell = first(cell)
            if isinstance(cell, Table) and isinstance(first(cell._cellvalues[0][0]), QRCode):
                found.setdefault(column, []).append((first(cell._cellvalues[0][0]).size, cell._colWidths[0]))
    return found


@pytest.mark.parametrize("tell, lang, large", [
    (a4_story, "en", False), (a4_story, "cy", False), (a4_story, "en", True),
    (handout_a5.story, "en", False), (handout_a5.story, "cy", False)],  # large print is on A4 only
    ids=["handout-en", "handout-cy", "handout-large", "handout-a5-en", "handout-a5-cy"])
@pytest.mark.parametrize("plan_id", plan_ids())
def test_words_beside_codes_start_at_one_place_in_each_column(make_teaching_session, plan_id, lang, large, tell):
    """Codes differ in size with their URLs (CEOP's 26 mm, Report Remove's 31.5 mm): the words of
    every code in a column start past the column's widest code, not each past its own."""
    ctx = context(make_teaching_session, plan_id, "wales", lang, large_print=large)
    columns = code_columns(tell(ctx))
    assert columns, "no codes"
    for rows in columns.values():
        assert len({start for _, start in rows}) == 1, f"words start at {sorted({s for _, s in rows})}"
        assert rows[0][1] >= max(size for size, _ in rows)


def test_codes_in_one_list_differ_in_size(make_teaching_session):
    """What the alignment test guards against exists: the parents' codes are not all one size."""
    ctx = context(make_teaching_session, "parents-carers-core")
    sizes = {size for rows in code_columns(handout.story(ctx, A4, handout.A4_MARGIN)).values() for size, _ in rows}
    assert len(sizes) > 1


@pytest.mark.parametrize("plan_id", plan_ids())
def test_parents_read_how_to_start_the_conversation_on_the_back(make_teaching_session, plan_id):
    """Parents' handouts open the conversation on the back (CEOP's openers), no one else's does."""
    ctx = context(make_teaching_session, plan_id)
    openers = key_messages(ctx, covers=("start-conversation",))
    rear = story_text(handout.back(ctx, frame_size(A4, handout.A4_MARGIN)[0]))
    assert bool(openers) == (ctx.session.audience.id == "parents-carers")
    assert ("Starting the conversation" in rear) == bool(openers)
    assert all(m.text.en in rear for m in openers)
