"""Fixtures for the PDF tests: sessions from the real library, rendered pages, story walking."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

import pypdfium2 as pdfium
import pytest
from reportlab.platypus import KeepInFrame, KeepTogether, Paragraph, Table

from kit.content.loader import load
from kit.pdf import RenderOptions, render_document
from kit.sessions.model import assemble, from_plan
from tests.conftest import LESSONS

# Print languages worth testing per nation: bilingual only where it is printed (Wales).
LANGS = {"england": ("en", "cy"), "scotland": ("en", "cy"), "wales": ("en", "cy", "bilingual"),
         "northern-ireland": ("en", "cy")}


@cache
def plan_ids() -> tuple[str, ...]:
    """Return the ids of every plan in the shipped library, read at collection time."""
    library, _ = load(LESSONS)
    return tuple(library.plans)


@pytest.fixture(scope="session")
def make_teaching_session(library):
    """Return a factory: make_teaching_session(plan_id, nation, lang, **spec_fields) -> Session."""
    def make(plan_id: str | None = None, nation: str = "england", lang: str = "en", **extra):
        plan_id = plan_id or next(iter(library.plans))
        return assemble(library, replace(from_plan(library, plan_id, nation, lang), **extra))
    return make


@pytest.fixture(scope="session")
def rendered(make_teaching_session):
    """Return a factory: rendered(kind, plan_id, nation, lang, large) -> Rendered, each built once a
    test run (rendering every plan x nation x language x large print is most of the PDF tests' time;
    a document is a pure function of these, so every check reads the same build)."""
    built = {}

    def get(kind: str, plan_id: str, nation: str = "england", lang: str = "en", large: bool = False):
        key = (kind, plan_id, nation, lang, large)
        if key not in built:
            session = make_teaching_session(plan_id, nation, lang)
            built[key] = render_document(kind, session, RenderOptions(large_print=large))
        return built[key]
    return get


def pdf_pages(data: bytes):
    """Yield each page of the PDF DATA (pypdfium2 pages)."""
    document = pdfium.PdfDocument(data)
    try:
        for index in range(len(document)):
            yield document[index]
    finally:
        document.close()


FOOTER = re.compile(r"\S*Advice checked on .*?Page \d+ of \d+\s*$", re.DOTALL)


def pdf_text(data: bytes, footers: bool = True) -> str:
    """Return the text of every page of DATA, pages joined by newlines (footers optional)."""
    pages = [page.get_textpage().get_text_range() for page in pdf_pages(data)]
    return "\n".join(pages if footers else (FOOTER.sub("", text) for text in pages))


def annotations(data: bytes) -> int:
    """Return how many annotations (links, scripts) the PDF DATA carries."""
    return sum(pdfium.raw.FPDFPage_GetAnnotCount(page) for page in pdf_pages(data))


def link_targets(data: bytes) -> set[str]:
    """Return the addresses the PDF DATA's link annotations open (annotations are never compressed)."""
    return {m.decode("latin-1") for m in re.findall(rb"/URI \((.*?)\)", data)}


def squash(text: str) -> str:
    """Return TEXT without white space, so wrapped lines compare equal to the input."""
    return "".join(text.split())


def walk(flowables):
    """Yield every flowable inside FLOWABLES, descending into tables and keep-togethers."""
    for item in flowables:
        if isinstance(item, (list, tuple)):
            yield from walk(item)
            continue
        yield item
        if isinstance(item, Table):
            yield from walk([cell for row in item._cellvalues for cell in row])
        elif isinstance(item, (KeepTogether, KeepInFrame)):
            yield from walk(item._content)


def story_text(flowables) -> str:
    """Return the plain text of every paragraph in FLOWABLES (non-breaking spaces as spaces)."""
    text = "\n".join(f.getPlainText() for f in walk(flowables) if isinstance(f, Paragraph))
    return text.replace("\u00a0", " ")
