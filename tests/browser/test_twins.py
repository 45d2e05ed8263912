"""The accessible HTML twins of the handout, poster and letter pass axe-core in Chromium."""

from __future__ import annotations

import pytest

from kit.pdf import TWINS, twin_html
from kit.sessions.model import assemble, from_plan


@pytest.mark.parametrize("kind", TWINS)
@pytest.mark.parametrize("plan_id, nation, lang", [("upper-primary-core", "england", "en"),
                                                   ("parents-carers-core", "wales", "bilingual")])
def test_twin_passes_axe(browser, axe, library, kind, plan_id, nation, lang):
    page = browser.new_page()
    try:
        page.set_content(twin_html(kind, assemble(library, from_plan(library, plan_id, nation, lang))))
        axe(page, f"{kind} twin ({plan_id}, {nation}, {lang})")
    finally:
        page.close()
