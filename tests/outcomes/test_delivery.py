"""Checking a delivery: good input becomes clean values; every bad input gets a plain message."""

import datetime as dt
import json

import pytest

from kit.outcomes import countsfile, gain
from kit.outcomes.delivery import RawDelivery, check
from kit.outcomes.reflection import reflection_problem

TODAY = dt.date(2027, 3, 27)


@pytest.fixture
def questions(library):
    """The lower-secondary plan's questions: q-dont-pay (single, B right), q-fault (true-false: false),
    q-evidence (multiple: A and B right, C wrong)."""
    return {qid: library.questions[qid] for qid in ("q-dont-pay", "q-fault", "q-evidence")}


def _raw(**changes):
    values = dict(delivered_on="2027-03-20", present="20", counts={
        "baseline": {"q-dont-pay": {"A": "8", "B": "10", "C": "2"}, "q-fault": {"true": 9, "false": 11}},
        "endpoint": {"q-dont-pay": {"A": "1", "B": "19", "C": "0"}, "q-fault": {"true": 1, "false": 19}},
    }, reflection="Good discussion of the scenario; give more time to reporting next time.")
    values.update(changes)
    return RawDelivery(**values)


@pytest.mark.parametrize("typed", ["2027-03-20", "20/03/2027", "20.3.2027", dt.date(2027, 3, 20)])
def test_a_date_is_read_as_people_write_it(questions, typed):
    delivery, problems = check(_raw(delivered_on=typed), questions, TODAY)
    assert problems == [] and delivery.delivered_on == dt.date(2027, 3, 20)


def test_a_good_delivery_is_checked_into_whole_numbers(questions):
    delivery, problems = check(_raw(), questions, TODAY)
    assert problems == []
    assert delivery.delivered_on == dt.date(2027, 3, 20)
    assert delivery.present == 20
    assert delivery.counts["baseline"]["q-dont-pay"] == {"A": 8, "B": 10, "C": 2}


def _counts(phase_counts):
    other = {"q-dont-pay": {"B": 5}}
    return {"baseline": phase_counts, "endpoint": other} if phase_counts else {}


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"delivered_on": ""}, "delivered_on", "Enter the date"),
    ({"delivered_on": "31/02/2027"}, "delivered_on", "Enter the date"),
    ({"delivered_on": "March the 3rd"}, "delivered_on", "Enter the date"),
    ({"delivered_on": "2027-04-01"}, "delivered_on", "in the future"),
    ({"present": ""}, "present", "how many people were present"),
    ({"present": "0"}, "present", "from 1 to"),
    ({"present": "twenty"}, "present", "whole number"),
    ({"present": "2.5"}, "present", "whole number"),
    ({"counts": _counts({"q-dont-pay": {"B": "-3"}})}, "count-baseline-q-dont-pay-B", "cannot be negative"),
    ({"counts": _counts({"q-dont-pay": {"B": "ten"}})}, "count-baseline-q-dont-pay-B", "'ten' is not a whole number"),
    ({"counts": _counts({"q-dont-pay": {"B": 2.5}})}, "count-baseline-q-dont-pay-B", "not a whole number"),
    ({"counts": _counts({"q-dont-pay": {"B": True}})}, "count-baseline-q-dont-pay-B", "not a whole number"),
    ({"counts": _counts({"q-dont-pay": {"B": "21"}})}, "count-baseline-q-dont-pay-B", "more than the 20 people"),
    ({"counts": _counts({"q-dont-pay": {"A": "12", "B": "12"}})}, "count-baseline-q-dont-pay-A", "add up to 24"),
    ({"counts": _counts({"q-dont-pay": {"E": "1"}})}, "count-baseline-q-dont-pay-E", "no option 'E'"),
    ({"counts": _counts({"q-dont-pay": {"B": 3, "correct": 3}})}, "count-baseline-q-dont-pay-correct", "not both"),
    ({"counts": _counts({"s-law": {"A": "1"}})}, "counts", "'s-law' is not in this session"),
    ({"counts": {"during": {"q-dont-pay": {"A": 1}}}}, "counts", "not a phase"),
    ({"counts": {"baseline": {"q-fault": {"true": 3}}}}, "count-endpoint-q-fault-true", "give the after counts"),
    ({"reflection": "Tom, Amy and Jo Smith were great"}, "reflection", "list of names"),
    ({"reflection": "call me on 07700 900123"}, "reflection", "phone number"),
    ({"reflection": "email head@school.sch.uk"}, "reflection", "email address"),
    ({"reflection": "x" * 1001}, "reflection", "1000 characters"),
])
def test_bad_input_is_refused_with_a_plain_message(questions, changes, field, words):
    delivery, problems = check(_raw(**changes), questions, TODAY)
    assert delivery is None
    assert any(p.field == field and words in p.message for p in problems), problems


def test_a_refused_count_is_not_also_reported_as_missing(questions):
    counts = {"baseline": {"q-fault": {"true": 3, "false": 17}}, "endpoint": {"q-fault": {"true": "x"}}}
    _, problems = check(_raw(counts=counts), questions, TODAY)
    assert [p.message for p in problems] == ["After, question 2, option true: 'x' is not a whole number"]


def test_a_multiple_answer_question_may_count_more_ticks_than_people(questions):
    from types import SimpleNamespace as Ns

    ticks = Ns(id="q-ticks", type="multiple", answer=None, options=[
        Ns(text=Ns(en="Screenshot the chat"), correct=True), Ns(text=Ns(en="Screenshot the profile"), correct=True),
        Ns(text=Ns(en="Delete everything"), correct=False)])
    counts = {"baseline": {"q-ticks": {"A": 15, "B": 12, "C": 9}},
              "endpoint": {"q-ticks": {"A": 19, "B": 18, "C": 1}}}
    delivery, problems = check(_raw(counts=counts), {"q-ticks": ticks}, TODAY)
    assert problems == []
    # A and B right: ticked share; C wrong: unticked share. Before (15 + 12 + 11) / 60.
    result = gain.question_gains({"q-ticks": ticks}, delivery.counts, delivery.present)
    assert result[0].baseline_pct == pytest.approx(100 * 38 / 60)
    assert result[0].endpoint_pct == pytest.approx(100 * 56 / 60)


@pytest.mark.parametrize("text", [
    "Went well: the scenario. Change: shorter starter.",
    "Ring 101 or 999; Childline 0800 1111 was on the board.",
    "Year 8, Maths room, Tuesday",
])
def test_an_ordinary_reflection_is_accepted(text):
    assert reflection_problem(text) is None


def test_gain_per_question_and_the_misconceptions_that_fell(questions):
    delivery, _ = check(_raw(), questions, TODAY)
    gains = gain.question_gains(questions, delivery.counts, 20)
    assert [(g.question_id, g.baseline_pct, g.endpoint_pct) for g in gains] == [
        ("q-dont-pay", 50.0, 95.0), ("q-fault", 55.0, 95.0)]
    assert gain.mean_gain(gains) == pytest.approx(42.5)
    falls = gain.misconception_falls(questions, delivery.counts, 20)
    tags = {f.misconception: f for f in falls}
    # Options without a misconception tag are pooled, never dropped: A (8 -> 1), C (2 -> 0), true (9 -> 1).
    untagged = [f for f in falls if f.misconception == gain.NO_MISCONCEPTION]
    assert sum(f.before_pct for f in untagged) + sum(f.before_pct for t, f in tags.items()
                                                     if t != gain.NO_MISCONCEPTION) == pytest.approx(95.0)


def _file(**changes):
    document = {"format": "safer-sessions-kit/counts", "version": 1, "session_title": "Year 8", "plan": None,
                "audience": "lower-secondary", "present": 20,
                "baseline": {"q-dont-pay": {"A": 8, "B": 10, "C": 2}},
                "endpoint": {"q-dont-pay": {"A": 1, "B": 19, "C": 0}}}
    document.update(changes)
    return json.dumps(document).encode()


def test_a_counts_file_is_read_and_checked_like_typed_counts(questions):
    counts = countsfile.read(_file())
    delivery, problems = check(counts.raw("2027-03-20"), questions, TODAY)
    assert problems == []
    assert delivery.counts["endpoint"]["q-dont-pay"]["B"] == 19


@pytest.mark.parametrize(("data", "words"), [
    (b"", "empty"),
    (b"\xff\xfe\x00", "not UTF-8"),
    (b"%PDF-1.7 ...", "not valid JSON"),
    (b"[1, 2]", "format"),
    (_file(format="something-else"), "format"),
    (_file(version=2), "version 2"),
    (_file(baseline=[1, 2]), "\"baseline\" must map"),
    (b" " * (64 * 1024 + 1), "under 64 KB"),
])
def test_a_file_that_is_not_a_counts_file_is_refused(data, words):
    with pytest.raises(countsfile.CountsFileError, match=words):
        countsfile.read(data)


def test_a_counts_file_whose_counts_do_not_add_up_is_refused(questions):
    counts = countsfile.read(_file(present=5))
    delivery, problems = check(counts.raw("2027-03-20"), questions, TODAY)
    assert delivery is None and any("more than the 5 people" in p.message for p in problems)


def test_tagged_wrong_options_name_the_misconception_that_fell():
    from types import SimpleNamespace as Ns

    def option(text, correct=False, misconception=None):
        return Ns(text=Ns(en=text), correct=correct, misconception=misconception)

    question = Ns(id="q", type="single", answer=None, options=[
        option("Pay them", misconception="paying-ends-it"), option("Tell someone", correct=True),
        option("Send another photo")])
    counts = {"baseline": {"q": {"A": 12, "B": 6, "C": 2}}, "endpoint": {"q": {"A": 1, "B": 19, "C": 0}}}
    falls = gain.misconception_falls({"q": question}, counts, 20)
    assert [(f.misconception, f.before_pct, f.after_pct) for f in falls] == [
        ("paying-ends-it", 60.0, 5.0), (gain.NO_MISCONCEPTION, 10.0, 0.0)]
