"""`kit report`: the same figures as the dashboard, written as a PDF and CSV files; plain refusals."""

import csv
import datetime as dt
import io

import pypdfium2
import pytest
from click.testing import CliRunner

from kit.cli import cli

COUNTS = {"baseline": {"q-fault": {"false": 10}}, "endpoint": {"q-fault": {"false": 19}}}


@pytest.fixture
def kit(app, monkeypatch, database_url, tmp_path):
    """Return run(*args): the kit command on the test app's database."""
    monkeypatch.setenv("KIT_DATABASE_URL", database_url)
    monkeypatch.setenv("KIT_INSTANCE_PATH", str(tmp_path / "instance"))

    def run(*args):
        return CliRunner().invoke(cli, list(args))

    return run


def test_report_writes_the_pdf_and_csv_files(kit, make_user, make_session, record_delivery, tmp_path):
    for _ in range(2):
        owner = make_user()
        session = make_session(owner, school="Hillside Academy")
        record_delivery(owner, session, dt.date(2027, 3, 1), present=20, counts=COUNTS)
        record_delivery(owner, session, dt.date(2028, 3, 1), present=3)  # outside the period
    out = tmp_path / "return"
    result = kit("report", "--from", "2027-01-01", "--to", "2027-12-31", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "2 sessions delivered, 40 people reached" in result.output
    rows = list(csv.reader(io.StringIO((out / "reach-by-school.csv").read_text())))
    assert rows == [["school", "sessions_delivered", "people_reached"], ["Hillside Academy", "2", "40"]]
    assert "No pupil data is held" in (out / "about.txt").read_text()
    pdf = pypdfium2.PdfDocument((out / "outcome-return.pdf").read_bytes())
    text = " ".join(pdf[0].get_textpage().get_text_range().split())
    pdf.close()
    assert "Sessions delivered: 2. People reached: 40." in text and "No pupil data is held" in text


@pytest.mark.parametrize(("args", "words"), [
    (["--from", "2027-13-01", "--to", "2027-12-31"], "--from '2027-13-01' is not a date"),
    (["--from", "2027-02-01", "--to", "2027-01-01"], "after the 'to' date"),
    (["--from", "2027-01-01", "--to", "2027-12-31", "--audience", "toddlers"], "no audience 'toddlers'"),
    (["--to", "2027-12-31"], "Missing option '--from'"),
])
def test_report_refuses_bad_arguments_in_plain_words(kit, tmp_path, args, words):
    out = tmp_path / "return"
    result = kit("report", *args, "--out", str(out))
    assert result.exit_code == 2 and words in result.output
    assert "showing" not in result.output  # the dashboard shows a default instead; the command shows nothing
    assert "Traceback" not in result.output and not out.exists()
