"""Small-number suppression, as official statistics do: fewer than 5 people is shown as "<5".

A breakdown (people by month, by school…) sits on the same page as its total, so a hidden figure
could be worked out by subtraction. After the small figures are hidden ("<5"), the next smallest
are hidden too ("c", complementary) until no hidden small figure has only one possible value,
given the total and every figure still shown. If even hiding every figure cannot protect one,
the whole breakdown is withheld.
"""

from __future__ import annotations

SMALL = 5
LESS_THAN = f"<{SMALL}"
HIDDEN = "c"  # hidden so that a small figure beside it cannot be worked out


def shown(value: int) -> str:
    """Return VALUE as printed on its own: "<5" for 1-4, else the number."""
    return LESS_THAN if 0 < value < SMALL else f"{value:,}"


def _projection(values: list[int], hidden: list[int], index: int, total_range: tuple[int, int]) -> tuple[float, float]:
    """Return the least and most a reader could deduce for hidden part INDEX (values 1-4 or >= 5)."""
    lows = {i: (1 if values[i] < SMALL else SMALL) for i in hidden}
    highs = {i: (SMALL - 1 if values[i] < SMALL else float("inf")) for i in hidden}
    known = sum(v for i, v in enumerate(values) if i not in hidden)
    rest_low = sum(lows[i] for i in hidden if i != index)
    rest_high = sum(highs[i] for i in hidden if i != index)
    low = max(lows[index], total_range[0] - known - rest_high)
    high = min(highs[index], total_range[1] - known - rest_low)
    return low, high


def _revealed(values: list[int], hidden: list[int], total_range: tuple[int, int]) -> bool:
    """Say whether any hidden small figure has exactly one possible value."""
    for i in hidden:
        if values[i] < SMALL:
            low, high = _projection(values, hidden, i, total_range)
            if low >= high:
                return True
    return False


def protect(values: list[int]) -> list[str] | None:
    """Return how to print each part of a breakdown whose total is on the page, or None to withhold it."""
    total = sum(values)
    # A total under 5 is itself printed "<5": readers know only that it is 1-4.
    total_range = (total, total) if total >= SMALL else (len(values), SMALL - 1)
    hidden = [i for i, v in enumerate(values) if 0 < v < SMALL]
    order = sorted((i for i in range(len(values)) if i not in hidden), key=lambda i: (values[i], i))
    while hidden and _revealed(values, hidden, total_range):
        if not order:
            return None
        hidden.append(order.pop(0))
    return [(LESS_THAN if v < SMALL else HIDDEN) if i in hidden else f"{v:,}" for i, v in enumerate(values)]
