"""CSV files open safely in a spreadsheet: typed text never runs as a formula; numbers stay numbers."""

import pytest

from kit.outcomes.csvfiles import _cell


@pytest.mark.parametrize(("value", "written"), [
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("-cmd", "'-cmd"),
    ("+12.5", "+12.5"),
    ("-3.0", "-3.0"),
    ("Hillside Academy", "Hillside Academy"),
    (12, 12),
])
def test_cells(value, written):
    assert _cell(value) == written
