"""The quiz sheet (before and after the lesson) and its answer key with explanations."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from kit.content.models import Question
from kit.content.questiontypes import TYPES
from kit.pdf.flowables import TickBox, safe
from kit.pdf.story import Context
from kit.pdf.templates import Output


def instruction(ctx: Context, question: Question) -> str:
    """Return how to answer QUESTION in each print language, from the question-type registry."""
    words = TYPES[question.type].instruction
    return " / ".join(dict.fromkeys(words[lang] for lang in ctx.langs))


def header(ctx: Context, key: str) -> list:
    """Return the sheet's heading: what it is, then the session title."""
    return [Paragraph(safe(ctx.words(key)), ctx.st.label),
            Paragraph(safe(ctx.title()), ctx.st.title)]


def options(ctx: Context, question: Question) -> list:
    """Return the answer options beside tick boxes, or True / False to circle."""
    # The registry lets only true-or-false types carry `answer`: the question's shape decides, not its name.
    if question.answer is not None or not question.options:
        cells = [[Paragraph(safe(ctx.words(key)), ctx.st.step) for key in ("true", "false")]]
        table = Table(cells, colWidths=[ctx.st.pt * 8] * 2, hAlign="LEFT")
        table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return [table]
    box = ctx.st.pt * 1.1
    rows = [[TickBox(box), ctx.paras(option.text)] for option in question.options]
    table = Table(rows, colWidths=[box * 2, None], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
    return [table]


def question_block(ctx: Context, n: int, question: Question) -> KeepTogether:
    """Return question N: its stem, how to answer, and its options, kept on one page."""
    out = ctx.paras(question.stem, ctx.st.step, prefix=f"{n}. ")
    out.append(Paragraph(safe(instruction(ctx, question)), ctx.st.second))
    return KeepTogether([*out, *options(ctx, question), Spacer(1, ctx.st.pt * 0.5)])


def quiz_story(ctx: Context) -> list:
    """Return the quiz sheet's story: no names, before or after, then the questions."""
    out = header(ctx, "quiz")
    when = f"{ctx.words('before-after')}   ☐ {ctx.words('before')}      ☐ {ctx.words('after')}"
    out += [Paragraph(safe(when), ctx.st.label), *ctx.say("no-names")]
    out.append(Spacer(1, ctx.st.pt))
    return out + [question_block(ctx, n, q) for n, q in enumerate(ctx.session.questions, 1)]


def right_answers(ctx: Context, question: Question) -> list[str]:
    """Return the correct answers in the print languages (the registry's English as the base)."""
    if ctx.langs == ("en",):
        return TYPES[question.type].answers(question)
    if question.answer is not None:
        return [ctx.words("true" if question.answer else "false")]
    return [" / ".join(ctx.versions(o.text)) for o in question.options if o.correct]


def answer_block(ctx: Context, n: int, question: Question) -> KeepTogether:
    """Return question N with its answers and the explanation to read out."""
    out = ctx.paras(question.stem, ctx.st.step, prefix=f"{n}. ")
    for answer in right_answers(ctx, question):
        out.append(Paragraph(f"<b>{safe(ctx.words('answer'))}:</b> {safe(answer)}", ctx.st.body))
    out += ctx.paras(question.explanation, prefix=f"<b>{safe(ctx.words('why'))}:</b> ")
    return KeepTogether([*out, Spacer(1, ctx.st.pt * 0.6)])


def compose_quiz(out: Output, ctx: Context) -> None:
    """Print the quiz sheet, COPIES times (a class set)."""
    out.print_pages(out.layout(quiz_story(ctx)), ctx.options.copies)


def compose_answers(out: Output, ctx: Context) -> None:
    """Print the answer key."""
    story = header(ctx, "answer-key")
    story += [answer_block(ctx, n, q) for n, q in enumerate(ctx.session.questions, 1)]
    out.print_pages(out.layout(story), ctx.options.copies)
