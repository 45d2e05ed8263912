"""Fixed labels print in the document's languages: the setting and the school-year names too."""

import pytest

from kit.content.vocab import SETTINGS
from kit.pdf import RenderOptions, lesson_plan, render
from kit.pdf.labels import LABELS, year_name
from kit.pdf.story import Context
from tests.pdf.conftest import pdf_text, story_text

ENGLISH_YEAR_WORDS = ("Years", "Year", "or college")


def test_every_setting_has_welsh_words():
    missing = [s for s in SETTINGS if LABELS.get(f"setting-{s}", {}).get("cy") in (None, "")]
    assert not missing, f"settings with no Welsh label: {missing}"


@pytest.mark.parametrize("name, welsh", [("Years 7–9", "Blynyddoedd 7–9"),
                                         ("Years 12–13 or college", "Blynyddoedd 12–13 neu goleg"),
                                         ("Year 6", "Blwyddyn 6"), ("S6 or college", "S6 neu goleg"),
                                         ("P6–P7", "P6–P7")])
def test_year_names_in_welsh(name, welsh):
    assert year_name(name, "cy") == welsh
    assert year_name(name, "en") == name


@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize("lang", ["cy", "bilingual"])
def test_lesson_plan_facts_print_setting_and_years_in_welsh(library, make_teaching_session, lang, setting):
    for plan_id in library.plans:
        session = make_teaching_session(plan_id, "wales", lang, setting=setting)
        text = story_text([lesson_plan.facts(Context.of(session, RenderOptions()))])
        welsh_setting = LABELS[f"setting-{setting}"]["cy"]
        assert welsh_setting in text, f"{plan_id}: the setting is not in Welsh: {text!r}"
        years = session.audience.year_names.get("wales")
        if years:
            assert year_name(years, "cy") in text, f"{plan_id}: the years are not in Welsh: {text!r}"
        if lang == "cy":
            assert LABELS[f"setting-{setting}"]["en"] not in text.replace(welsh_setting, "")
            assert not [w for w in ENGLISH_YEAR_WORDS if years and w in years and w in text], text
        else:  # bilingual: the English follows the Welsh
            assert LABELS[f"setting-{setting}"]["en"] in text


@pytest.mark.parametrize("kind", ["handout", "parent-letter", "cards"])
def test_welsh_for_adults_keeps_the_formal_register(make_teaching_session, kind):
    # A parent is addressed as "chi": the informal imperatives a pupil reads (Ffonia, Tecstia) must not
    # reach a parents' document through the fixed words around the library's text.
    session = make_teaching_session("parents-carers-core", "wales", "cy")
    printed = pdf_text(render(kind, session))
    assert "Tecst 85258" in printed or "85258" not in printed
    assert not {"Ffonia", "Tecstia"} & set(printed.split())
