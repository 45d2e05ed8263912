"""The A5 handout: a short form on one sheet, front and back.

The front holds the title, what to do now and the start of who can help; the back, the rest of
who can help, the crisis route and the last words, then as many of the back's other topics as the
side holds. The long lists belong to the A4 handout, which prints them all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from kit.content.models import Link
from kit.pdf import handout
from kit.pdf.measure import frame_size, heights, story_height
from kit.pdf.story import Context, key_messages, with_url
from kit.pdf.templates import Output

A5_MARGIN = 12 * mm
TRIAL_SLACK = 20 * mm  # a side measuring up to this much over its page is laid out on trial
SHORT = handout.TIGHTER[-1]  # codes at the usual size, helplines two abreast, gaps closed, small steps


@dataclass(frozen=True)
class Sheet:
    """What an A5 sheet carries: links with a code, helplines, the back's topics, the talk space."""

    coded: tuple[Link, ...]
    phones: tuple[Link, ...]
    topics: tuple
    talk: bool = True

    def without(self, topic: str) -> Sheet:
        """Return this sheet without the back's TOPIC."""
        return replace(self, topics=tuple(t for t in self.topics if t[0] != topic))


def numbered(link: Link) -> bool:
    """Return whether LINK has a number to call or text."""
    return bool(link.phone or link.text_number)


def cuts(ctx: Context) -> Iterator[Sheet]:
    """Yield what an A5 sheet could carry, fullest first, each time leaving out what its reader
    misses least: the space to write names, how it starts, starting the conversation, advice
    pages to read later, helplines the crisis route already names, helping a friend, if your child
    tells you, a code for a service with a number (it prints with the helplines), what happens
    after reporting, and then the last codes (the crisis route and the last words always stay;
    the A4 handout carries all).

    Codes for routes to report, remove or talk come first (services the steps send the reader to).
    """
    links = ctx.session.links
    coded = with_url(links)
    routes = tuple(k for k in coded if k.covers)
    crisis = " ".join(t for m in key_messages(ctx, covers=("crisis",)) for t in ctx.versions(m.text))
    sheet = Sheet(routes + tuple(k for k in coded if not k.covers), tuple(k for k in links if not k.url),
                  handout.topics(ctx))
    yield sheet
    yield (sheet := replace(sheet, talk=False))
    yield (sheet := sheet.without("starts"))
    yield (sheet := sheet.without("conversation"))
    yield (sheet := replace(sheet, coded=routes, phones=tuple(k for k in sheet.phones if k.covers)))
    named = [k for k in links if crisis and numbered(k) and (k.phone or k.text_number) in crisis]
    yield (sheet := replace(sheet, phones=tuple(k for k in sheet.phones if k not in named)))
    yield (sheet := sheet.without("friend"))
    yield (sheet := sheet.without("child-tells"))
    to_call = tuple(k for k in sheet.coded if numbered(k) and k not in named)
    yield (sheet := replace(sheet, coded=tuple(k for k in sheet.coded if not numbered(k)),
                            phones=sheet.phones + to_call))
    yield (sheet := sheet.without("after-report"))
    while len(sheet.coded) > 1:
        yield (sheet := replace(sheet, coded=sheet.coded[:-1]))


def top(ctx: Context, width: float) -> list:
    """Return the front above who can help: title and the steps at body size."""
    return [handout.banner(ctx, width, True), Spacer(1, 4),
            handout.steps_box(ctx, width, True, handout.small_step(ctx)), Spacer(1, 2)]


def fits(side: list, size: tuple[float, float], margin: float) -> bool:
    """Return whether SIDE fits one page: measured, or laid out on trial when it measures a little
    over (a measure counts the space above a page's first line and inside kept-together rows).
    A trial uses up the flowables it lays out: lay out a fresh SIDE after it."""
    tall, room = story_height(side, frame_size(size, margin)[0]), frame_size(size, margin)[1]
    return tall <= room or (tall <= room + TRIAL_SLACK and handout.pages(side, size, margin) == 1)


def sides(ctx: Context, sheet: Sheet, width: float, height: float, flowing: bool = False) -> tuple[list, list]:
    """Return SHEET's front (title and steps, then who can help as far as it fits) and back (the
    rest; laid out to flow on over pages when FLOWING)."""
    above = top(ctx, width)
    head, *rows = handout.help_section(ctx, width, SHORT, list(sheet.coded), list(sheet.phones))
    room = height - story_height([*above, head], width)
    front = fitting(rows, width, room)
    if not front and sheet.phones:  # no code fits below the steps: helplines may (long Welsh steps)
        head, *calls = handout.help_section(ctx, width, SHORT, [], list(sheet.phones))
        front = fitting(calls, width, room)
        codes = handout.help_section(ctx, width, SHORT, list(sheet.coded), [])[1:]
        rows = [*calls[:front], *codes, *calls[front:]]
    rear = [*rows[front:], *handout.back(ctx, width, sheet.talk, height if flowing else 0, sheet.topics)]
    return ([*above, head, *rows[:front]] if front else above), (rear if front else [head, *rear])


def fitting(rows: list, width: float, room: float) -> int:
    """Return how many of ROWS, from the first, fit ROOM."""
    count = 0
    for tall in heights(rows, width):
        if tall > room:
            break
        room, count = room - tall, count + 1
    return count


def story(ctx: Context, size: tuple[float, float] = A5, margin: float = A5_MARGIN) -> list:
    """Return the A5 story: the title and every step on the front, in one box, and who can help
    from as far down the front as it fits; the fullest back that fits a side, else every topic
    flowing on over as many sides as it takes (a long Welsh edition may need them). The back's last
    two rows are one item, so it never opens or ends with a lone helpline. There is no large-print
    A5 (the registry says so): large print comes on A4.
    """
    width, height = frame_size(size, margin)
    for sheet in cuts(ctx):
        if fits(sides(ctx, sheet, width, height)[1], size, margin):
            front, rear = sides(ctx, sheet, width, height)
            return [*front, PageBreak(), *rear]
    front, rear = sides(ctx, next(cuts(ctx)), width, height, flowing=True)
    return [*front, PageBreak(), *rear]


def compose(out: Output, ctx: Context) -> None:
    """Print the A5 handout two to an A4 sheet: bilingual, the Welsh page left of the English one."""
    first, *second = handout.editions(out, ctx, A5, A5_MARGIN, story)
    out.print_two_up(first, ctx.options.copies, second[0] if second else None)
