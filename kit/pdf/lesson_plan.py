"""The lesson plan for the officer and teacher: timings, outcomes, activities, safeguarding."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from kit.pdf.flowables import boxed, clip, safe, short_url, url_lines
from kit.pdf.labels import GROUND_RULES, long_date, numbers, safeguarding_notes, year_name
from kit.pdf.story import BULLET, Context
from kit.pdf.styles import NAVY, RULE, TINT
from kit.pdf.templates import Output
from kit.sessions.model import NOTE_MAX, REASON_MAX, SCHOOL_MAX

CELL_MAX = 200  # characters of a title in a table cell, so no row outgrows a page
WIDTH = 178 * mm


def grid(rows: list[list], widths: list[float], header: bool = False) -> Table:
    """Return ROWS as a ruled table; the first row is a header when HEADER."""
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1 if header else 0)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), TINT), ("LINEBELOW", (0, 0), (-1, 0), 1, NAVY)]
    table.setStyle(TableStyle(style))
    return table


def facts(ctx: Context) -> Table:
    """Return who, where, when and how long, as a two-column table."""
    s, spec = ctx.session, ctx.session.spec
    first = ctx.langs[0]
    years = s.audience.year_names.get(s.nation.id, s.audience.ages)
    rows = [
        ("audience", s.audience.name.get(first)),
        ("years", " / ".join(dict.fromkeys(year_name(years, lang) for lang in ctx.langs))),
        ("nation", s.nation.name.get(first)),
        ("length", ctx.words("minutes", n=spec.lesson_minutes or s.minutes)),
        ("date", long_date(spec.date, first) if spec.date else ""),
        ("school", clip(spec.school, SCHOOL_MAX)),
        ("group", str(spec.group_size or "")),
        ("setting", ctx.words(f"setting-{spec.setting}")),
    ]
    cells = [[Paragraph(safe(ctx.words(key)), ctx.st.label), ctx.plain(value)]
             for key, value in rows if value]
    return grid(cells, [45 * mm, WIDTH - 45 * mm])


def notices(ctx: Context) -> list:
    """Return what the officer must know first: warnings, Welsh drafts, links to check."""
    rows = [[ctx.plain(w)] for w in ctx.session.warnings]
    if ctx.session.uses_welsh_drafts():
        rows.append([ctx.say("drafts", ctx.st.label)])
    if ctx.session.lacks_welsh():
        rows.append([ctx.say("english-only", ctx.st.label)])
    out = [Spacer(1, 6), boxed([[ctx.heading("notice", ctx.st.h3)], *rows])] if rows else []
    verify = [k for k in ctx.session.links if k.status == "verify"]
    if verify:
        out.append(ctx.heading("check"))
        out += ctx.say("check-link")
        for link in verify:
            where = url_lines(short_url(link.url), ctx.st.label, WIDTH) if link.url else \
                safe(" / ".join(numbers(link, "en")))
            out.append(Paragraph(f"{safe(f'☐ {link.organisation}:')} {where}", ctx.st.label))
    return out


def _span(start: int, minutes: int) -> str:
    end = start + minutes
    return f"{start // 60}:{start % 60:02d}–{end // 60}:{end % 60:02d}"


def timings(ctx: Context) -> list:
    """Return the timings table: the quiz, each kept activity, the quiz again, with clock times."""
    rows = [[Paragraph(safe(ctx.words(key)), ctx.st.label) for key in ("activity", "min", "clock")]]
    quiz = ctx.session.fit.quiz_phase if ctx.session.fit else 0
    entries = [(ctx.words("baseline-quiz"), quiz)] if quiz else []
    entries += [(f"{ctx.session.text(module.title)}: {ctx.session.text(activity.title)}", activity.minutes)
                for module in ctx.session.modules for activity in module.activities]
    entries += [(ctx.words("endpoint-quiz"), quiz)] if quiz else []
    clock = 0
    for name, minutes in entries:
        rows.append([ctx.plain(name, limit=CELL_MAX), ctx.plain(str(minutes)), ctx.plain(_span(clock, minutes))])
        clock += minutes
    return [ctx.heading("timings"), grid(rows, [WIDTH - 60 * mm, 25 * mm, 35 * mm], header=True)]


def outcomes(ctx: Context) -> list:
    """Return the 'I can…' outcomes and the ground rules."""
    out = [ctx.heading("outcomes")]
    for module in ctx.session.modules:
        for outcome in module.outcomes:
            out += ctx.paras(outcome, prefix=BULLET)
    out.append(ctx.heading("ground-rules"))
    for rule in GROUND_RULES:
        out += ctx.fixed(rule, prefix=BULLET)
    return out


def activities(ctx: Context) -> list:
    """Return each module's activities: steps, then the facilitator's notes in a box."""
    out = [ctx.heading("activities")]
    for module in ctx.session.modules:
        out += ctx.paras(module.title, ctx.st.h3, suffix=f" ({module.minutes} min)")
        out += ctx.paras(module.summary)
        for activity in module.activities:
            out += ctx.paras(activity.title, ctx.st.label, prefix=f"{activity.minutes} min · ")
            for n, step in enumerate(activity.steps, 1):
                out += ctx.paras(step, prefix=f"{n}. ")
            out += told_story(ctx, activity.story)
            if activity.notes:
                head = Paragraph(safe(ctx.words("notes")), ctx.st.label)
                out += [boxed([[head], [ctx.paras(activity.notes)]]), Spacer(1, 6)]
        if module.content_guidance:
            out += ctx.paras(module.content_guidance, prefix=f"<b>{ctx.words('guidance')}:</b> ")
    return out


def told_story(ctx: Context, story_id: str | None) -> list:
    """Return the story an activity tells, written in full, in a box (none when it tells none)."""
    found = next((s for m in ctx.session.modules for s in m.stories if s.id == story_id), None)
    if found is None:
        return []
    rows = [[ctx.paras(found.title, ctx.st.label)]] + [[ctx.paras(part)] for part in found.parts]
    return [boxed(rows), Spacer(1, 6)]


def language(ctx: Context) -> list:
    """Return the keywords and the misconceptions with their responses."""
    out = []
    words = list({k.term.en.casefold(): k for m in ctx.session.modules for k in m.keywords}.values())
    if words:
        out.append(ctx.heading("keywords"))
        for word in words:
            term = safe(ctx.session.text(word.term))
            out += ctx.paras(word.definition, prefix=f"<b>{term}</b>: ")
    wrong = [m for module in ctx.session.modules for m in module.misconceptions]
    if wrong:
        out.append(ctx.heading("misconceptions"))
        for item in wrong:
            out += ctx.paras(item.misconception, ctx.st.label, prefix="“", suffix="”")
            out += ctx.paras(item.response, prefix="→ ")
    return out


def safeguarding(ctx: Context) -> list:
    """Return the safeguarding notes: the fixed three, then the library's."""
    out = [ctx.heading("safeguarding")]
    for note in safeguarding_notes(ctx.session.nation):
        out += ctx.fixed(note, ctx.st.label, prefix=BULLET)
    notes = {n.en: n for module in ctx.session.modules for n in module.safeguarding}
    for note in notes.values():
        out += ctx.paras(note, prefix=BULLET)
    return out


def officer_text(ctx: Context) -> list:
    """Return the officer's own words: reasons for out-of-band content, and school notes."""
    spec, out = ctx.session.spec, []
    if spec.reasons:
        out.append(ctx.heading("reasons"))
        names = {m.id: m.title for m in ctx.session.modules} | {q.id: q.stem for q in ctx.session.questions}
        for item_id, reason in spec.reasons.items():
            name = ctx.session.text(names[item_id]) if item_id in names else str(item_id)  # titles, not ids
            out.append(ctx.plain(f"{clip(name, 160)}: {clip(str(reason), REASON_MAX)}"))
    if spec.school_notes.strip():
        out += [ctx.heading("school-notes"), ctx.plain(spec.school_notes, limit=NOTE_MAX)]
    return out


def curriculum(ctx: Context) -> list:
    """Return the nation's curriculum and each module's references in it."""
    nation = ctx.session.nation
    refs = dict.fromkeys(r for m in ctx.session.modules for r in m.curriculum.get(nation.id, []))
    out = [ctx.heading("curriculum"), ctx.plain(nation.curriculum, ctx.st.label)]
    return out + [ctx.plain(BULLET + ref) for ref in refs]


def signposting(ctx: Context) -> list:
    """Return every advice link and helpline the session's handouts print."""
    out = [ctx.heading("signposting")]
    for link in ctx.session.links:
        where = [url_lines(short_url(link.url), ctx.st.body, WIDTH)] if link.url else []
        where += [safe(x) for x in numbers(link, ctx.langs[0]) + ([link.hours] if link.hours else [])]
        # One link's name and address stay on one page.
        out.append(KeepTogether([*ctx.paras(link.title, ctx.st.label), Paragraph(" · ".join(where), ctx.st.body)]))
    return out


def story(ctx: Context) -> list:
    """Return the lesson plan's story."""
    out = [Paragraph(safe(ctx.words("for-staff")), ctx.st.label),
           Paragraph(safe(ctx.title()), ctx.st.title), facts(ctx)]
    out += notices(ctx) + timings(ctx) + outcomes(ctx) + activities(ctx) + language(ctx)
    return out + safeguarding(ctx) + officer_text(ctx) + curriculum(ctx) + signposting(ctx)


def compose(out: Output, ctx: Context) -> None:
    """Print the lesson plan, COPIES times."""
    out.print_pages(out.layout(story(ctx)), ctx.options.copies)
