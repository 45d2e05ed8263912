"""Suppression: no figure under 5 can be read off a page, directly or by subtraction from the total."""

import itertools
import random

import pytest

from kit.outcomes.suppress import HIDDEN, LESS_THAN, protect

BIG = 60


def _possible(printed: list[str], total: int | None) -> list[tuple[int, ...]]:
    """Every set of true values consistent with what is printed (and the total, when it is printed)."""
    ranges = []
    for cell in printed:
        if cell == LESS_THAN:
            ranges.append(range(1, 5))
        elif cell == HIDDEN:
            ranges.append(range(5, BIG))
        else:
            ranges.append([int(cell.replace(",", ""))])
    return [combo for combo in itertools.product(*ranges)
            if (sum(combo) == total if total is not None else sum(combo) < 5)]


@pytest.mark.parametrize("seed", range(300))
def test_no_small_figure_can_be_worked_out(seed):
    rng = random.Random(seed)
    values = [rng.choice([1, 2, 3, 4, 5, 6, 7, 9, 12, 20]) for _ in range(rng.randint(1, 5))]
    printed = protect(values)
    if printed is None:
        return  # the whole breakdown is withheld: nothing to work out
    total = sum(values) if sum(values) >= 5 else None  # a total under 5 prints as "<5"
    worlds = _possible(printed, total)
    assert tuple(values) in worlds
    for i, value in enumerate(values):
        if value < 5:
            assert printed[i] == LESS_THAN
            assert len({world[i] for world in worlds}) > 1, (values, printed)
        elif printed[i] != HIDDEN:
            assert printed[i] == f"{value:,}"


@pytest.mark.parametrize(("values", "printed"), [
    ([20, 30], ["20", "30"]),
    ([10, 3], [HIDDEN, LESS_THAN]),
    ([3, 10, 40], [LESS_THAN, HIDDEN, "40"]),
    ([4, 4], None),  # 8 in total, both under 5: each must be 4, so neither can be shown
    ([1, 5], None),
])
def test_known_breakdowns(values, printed):
    assert protect(values) == printed
