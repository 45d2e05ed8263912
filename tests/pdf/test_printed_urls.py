"""A printed web address is never cut inside a name: it breaks, if at all, after a slash or before a dot."""

import re

import pytest

from kit.pdf.flowables import short_url
from tests.pdf.conftest import pdf_text, plan_ids

# Large print is where addresses outgrow their lines; these kinds print addresses in running text.
KINDS = ("lesson-plan", "parent-letter", "cards", "poster", "handout")
EDITIONS = (("england", "en"), ("scotland", "en"), ("wales", "bilingual"), ("northern-ireland", "en"))


def broken_badly(url: str, text: str) -> bool:
    """Say whether URL is printed in TEXT only with a line break inside a name."""
    if url in text:
        return False
    pattern = "".join(re.escape(c) + r"(\n?)" for c in url[:-1]) + re.escape(url[-1])
    match = re.search(pattern, text)
    assert match, f"{url} is not printed at all"
    return any(gap and not (url[i] == "/" or url[i + 1] == ".") for i, gap in enumerate(match.groups()))


def test_the_check_finds_a_cut_inside_a_name():
    assert broken_badly("a.uk/advice", "a.uk/adv\nice")
    assert not broken_badly("a.uk/advice", "a.uk/\nadvice") and not broken_badly("ab.uk", "ab\n.uk")


@pytest.mark.parametrize("plan_id", plan_ids())
@pytest.mark.parametrize("nation, lang", EDITIONS)
def test_addresses_break_only_between_names(make_teaching_session, rendered, plan_id, nation, lang):
    session = make_teaching_session(plan_id, nation, lang)
    urls = {short_url(link.url) for link in session.links if link.url}
    for kind in KINDS:
        text = pdf_text(rendered(kind, plan_id, nation, lang, True).pdf).replace("\r", "")
        cut = [u for u in urls if u in text.replace("\n", "") and broken_badly(u, text)]
        assert not cut, f"{kind}: {cut}"
