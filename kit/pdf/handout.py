"""The audience handout: what to do now, who can help (QR codes and numbers), how it starts."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from kit.content.models import KeyMessage, Link
from kit.content.vocab import MESSAGES
from kit.pdf.flowables import QRCode, boxed, safe, short_url
from kit.pdf.story import Context, numbers, with_url
from kit.pdf.styles import NAVY, WHITE
from kit.pdf.templates import Output, frame_size, story_height

QR_SIZE = 22 * mm
ROOMY_QR = 27 * mm  # when the handout takes both sides, the front has room for bigger codes
A4_MARGIN = 13 * mm  # a handout is read, not filed: use the page
A5_MARGIN = 12 * mm
CELL_MIN = 85 * mm  # narrowest column that holds a QR code and its words side by side
NO_PAD = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
          ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
# Messages that have their own place on the handout, not in the numbered steps.
OWN_PLACE = ("not-your-fault", "spot-the-signs", "support-a-friend")


def key_messages(ctx: Context, covers: tuple[str, ...] = (), exclude: tuple[str, ...] = ()):
    """Return the session's key messages in module order, once each, filtered by what they cover."""
    found: dict[str, KeyMessage] = {}
    for module in ctx.session.modules:
        for message in module.key_messages:
            if covers and message.covers not in covers or message.covers in exclude:
                continue
            found.setdefault(message.id, message)
    # Steps follow the vocabulary's order (don't pay, block, evidence, report, …), then the rest.
    rank = {m: i for i, m in enumerate(MESSAGES)}
    return sorted(found.values(), key=lambda m: rank.get(m.covers, len(rank)))


def banner(ctx: Context, width: float) -> Table:
    """Return the navy title band: organisation above the session title."""
    org = Paragraph(safe(ctx.organisation), ctx.st.label.clone("org", textColor=WHITE))
    title = Paragraph(safe(ctx.title()), ctx.st.banner)
    table = Table([[org], [title]], colWidths=[width])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), NAVY),
        ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, 0), 8), ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
    ]))
    return table


def steps_box(ctx: Context, width: float) -> Table:
    """Return the numbered 'what to do now' steps in a box nobody can miss."""
    rows = [[Paragraph(safe(ctx.words("now")), ctx.st.h2.clone("boxhead", spaceBefore=0)), ""]]
    messages = key_messages(ctx, exclude=OWN_PLACE)
    for n, message in enumerate(messages, 1):
        rows.append([Paragraph(f"{n}.", ctx.st.step), ctx.paras(message.text, ctx.st.step)])
    number_w = ctx.st.pt * 1.5 + 16
    table = boxed(rows, [number_w, width - number_w])
    table.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0))]))
    return table


def qr_cell(ctx: Context, link: Link, size: float = 22 * mm) -> list:
    """Return a QR code with its label, short URL and any numbers, for one grid cell."""
    cell = [QRCode(link.url, size), Spacer(1, 3)]
    return cell + qr_words(ctx, link)


def qr_words(ctx: Context, link: Link) -> list:
    """Return the label, short URL and numbers printed beside a QR code."""
    words = ctx.paras(link.label, ctx.st.label)
    words.append(Paragraph(safe(short_url(link.url)), ctx.st.url))
    return words + [Paragraph(safe(line), ctx.st.url) for line in numbers(link, ctx.langs[0])]


def qr_row(ctx: Context, link: Link, width: float, size: float = QR_SIZE) -> Table:
    """Return a QR code with its words to the right, WIDTH wide."""
    code = QRCode(link.url, size)
    table = Table([[code, qr_words(ctx, link)]], colWidths=[code.size + 3 * mm, None])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *NO_PAD]))
    return table


def grid(cells: list, width: float, columns: int) -> list[Table]:
    """Return CELLS in rows of COLUMNS, each column an equal share of WIDTH.

    One table per row, so a page can end between rows: a heading kept with the whole grid
    would otherwise leave half a page empty whenever the grid does not fit below it.
    """
    rows = [cells[i:i + columns] for i in range(0, len(cells), columns)]
    rows[-1] += [""] * (columns - len(rows[-1]))
    tables = []
    for row in rows:
        table = Table([row], colWidths=[width / columns] * columns, hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *NO_PAD,
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        tables.append(table)
    return tables


def columns(width: float) -> int:
    """Return how many QR columns fit WIDTH."""
    return max(1, int(width // CELL_MIN))


def phone_cell(ctx: Context, link: Link) -> list:
    """Return a helpline's label and its numbers and hours."""
    lines = numbers(link, ctx.langs[0]) + ([link.hours] if link.hours else [])
    return [*ctx.paras(link.label, ctx.st.label), Paragraph(safe(" · ".join(lines)), ctx.st.url)]


def phone_list(ctx: Context, links: list[Link], width: float) -> list:
    """Return the helplines with no URL, in a grid like the QR codes."""
    if not links:
        return []
    return grid([phone_cell(ctx, link) for link in links], width, columns(width))


def help_section(ctx: Context, width: float, size: float = QR_SIZE) -> list:
    """Return 'who can help': QR codes for links with a URL, then numbers for the rest."""
    links = ctx.session.links
    coded = with_url(links)
    out = [ctx.heading("help")]
    n = columns(width)
    if coded:
        out += grid([qr_row(ctx, k, width / n, size) for k in coded], width, n)
    out += phone_list(ctx, [k for k in links if not k.url], width)
    return out


def closing(ctx: Context) -> list:
    """Return helping a friend, the not-your-fault messages, then the last words."""
    out = []
    for message in key_messages(ctx, covers=("support-a-friend", "not-your-fault")):
        out += ctx.paras(message.text)
    last = Paragraph(safe(ctx.words("not-fault")), ctx.st.closing)
    return out[:-1] + [KeepTogether([*out[-1:], last])]


def front(ctx: Context, width: float, size: float = QR_SIZE) -> list:
    """Return the front: title, what to do now, who can help."""
    out = [banner(ctx, width), Spacer(1, 10), steps_box(ctx, width), Spacer(1, 4)]
    return out + help_section(ctx, width, size)


def back(ctx: Context) -> list:
    """Return how it usually starts, then the closing words."""
    out = []
    starts = key_messages(ctx, covers=("spot-the-signs",))
    if starts:
        out.append(ctx.heading("starts"))
        for message in starts:
            out += ctx.paras(message.text, prefix="• ")
    return out + closing(ctx)


def story(ctx: Context, size: tuple[float, float], margin: float) -> list:
    """Return the handout's story; when it needs two sides, 'how it starts' opens the back."""
    width, height = frame_size(size, margin)
    first, rest = front(ctx, width), back(ctx)
    front_h = story_height(first, width)
    if front_h + story_height(rest, width) <= height or front_h > height:
        return first + rest  # one side, or long either way: let it flow
    # Both sides then end on the same words, so either side alone says it.
    last = [Spacer(1, ctx.st.pt), Paragraph(safe(ctx.words("not-fault")), ctx.st.closing)]
    roomy = front(ctx, width, ROOMY_QR) + last
    return [*(roomy if story_height(roomy, width) <= height else first), PageBreak(), *rest]


def compose(out: Output, ctx: Context) -> None:
    """Print the A4 handout, COPIES times."""
    pages = out.layout(story(ctx, A4, A4_MARGIN), A4, A4_MARGIN)
    out.print_pages(pages, ctx.options.copies)


def compose_a5(out: Output, ctx: Context) -> None:
    """Print the A5 handout two to an A4 sheet."""
    pages = out.layout(story(ctx, A5, A5_MARGIN), A5, A5_MARGIN)
    out.print_two_up(pages, ctx.options.copies)
