"""Suppression: no figure under 5 can be read off a page, directly or by subtraction from the total."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.outcomes.suppress import HIDDEN, LESS_THAN, protect

SMALL_RANGE = range(1, 5)


def values_it_could_be(printed: list[str], total: int | None, index: int) -> set[int]:
    """Return the values under 5 a reader could give hidden part INDEX, knowing every printed part and the total.

    TOTAL is None when the total itself prints as "<5" (the reader knows only that it is 1-4). A "<5" part
    is 1-4 and a "c" part is 5 or more (no upper bound): the reader tries each value 1-4 for the part and
    keeps it when the other parts can still make up the total.
    """
    low = high = 0
    for i, cell in enumerate(printed):
        if i == index:
            continue
        if cell == LESS_THAN:
            low, high = low + 1, high + 4
        elif cell == HIDDEN:
            low, high = low + 5, float("inf")
        else:
            value = int(cell.replace(",", ""))
            low, high = low + value, high + value
    totals = [total] if total is not None else SMALL_RANGE
    return {v for v in SMALL_RANGE if any(low <= t - v <= high for t in totals)}


def can_be_worked_out(printed: list[str], total: int | None) -> list[int]:
    """Return the indexes of "<5" parts that have one possible value (or none: the page contradicts itself)."""
    return [i for i, cell in enumerate(printed) if cell == LESS_THAN
            and len(values_it_could_be(printed, total, i)) < 2]


# Breakdowns as the dashboard meets them: a few groups, many of them small.
breakdowns = st.lists(st.one_of(st.integers(1, 4), st.integers(5, 12), st.integers(13, 400)), min_size=1,
                      max_size=12)


@settings(max_examples=200, deadline=1000, database=None)
@given(breakdowns)
def test_no_small_figure_can_be_worked_out(values):
    printed = protect(values)
    total = sum(values) if sum(values) >= 5 else None  # a total under 5 prints as "<5"
    if printed is None:
        # Withheld only when even hiding every part would still give a small one away.
        everything_hidden = [LESS_THAN if v < 5 else HIDDEN for v in values]
        assert can_be_worked_out(everything_hidden, total), values
        return
    assert can_be_worked_out(printed, total) == [], (values, printed)
    for value, cell in zip(values, printed, strict=True):
        if value < 5:
            assert cell == LESS_THAN
        elif all(v >= 5 for v in values):
            assert cell == f"{value:,}"  # nothing small: nothing hidden
        else:
            assert cell in (f"{value:,}", HIDDEN)


@pytest.mark.parametrize(("printed", "total", "found"), [
    ([LESS_THAN, "40"], 43, [0]),            # 43 - 40: the small part is 3
    ([LESS_THAN, HIDDEN, "40"], 53, []),     # 13 between a 1-4 and a 5 or more: 1+12, 2+11, 3+10, 4+9
    ([LESS_THAN, HIDDEN, "40"], 46, [0]),    # 6 between a 1-4 and a 5 or more: 1+5 only
    ([LESS_THAN, LESS_THAN], 8, [0, 1]),     # 8 from two parts of at most 4: both are 4
    ([LESS_THAN, LESS_THAN], None, []),      # a total of 2-4 from two parts: each could be 1, 2 or 3
])
def test_the_reader_in_these_tests_finds_what_subtraction_reveals(printed, total, found):
    assert can_be_worked_out(printed, total) == found


@pytest.mark.parametrize(("values", "printed"), [
    ([20, 30], ["20", "30"]),
    ([10, 3], [HIDDEN, LESS_THAN]),
    ([3, 10, 40], [LESS_THAN, HIDDEN, "40"]),
    ([4, 4], None),  # 8 in total, both under 5: each must be 4, so neither can be shown
    ([1, 5], None),
])
def test_known_breakdowns(values, printed):
    assert protect(values) == printed
