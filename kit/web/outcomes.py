"""Record a delivery of a session, and see what it showed: learning gain per question."""

from __future__ import annotations

import datetime as dt
import io

from flask import Blueprint, abort, current_app, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from kit.outcomes import charts, countsfile, csvfiles, gain
from kit.outcomes.delivery import Problem, RawDelivery, check, count_field
from kit.outcomes.figures import NO_PUPIL_DATA, SUPPRESSION_NOTE, Figures, build, labeller
from kit.outcomes.keys import PHASES, option_keys
from kit.outcomes.period import read_filters
from kit.store import deliveries, outcome_figures
from kit.web.auth import signed_in_only
from kit.web.database import db_session
from kit.web.editing import library, load_own
from kit.web.forms import ConfirmForm

bp = Blueprint("outcomes", __name__)
signed_in_only(bp)


def _questions(spec) -> dict:
    """Return the session's questions still in the library, in session order."""
    lib = library()
    return {qid: lib.questions[qid] for qid in spec.questions if qid in lib.questions}


def _typed_counts(form, questions) -> dict:
    """Return the counts typed into FORM as phase -> question -> option -> text."""
    return {phase: {qid: {key: form.get(count_field(phase, qid, key), "")
                          for key in option_keys(question)}
                    for qid, question in questions.items()}
            for phase in PHASES}


def _form_page(record, spec, values: dict, problems=(), notice: str | None = None, status: int = 200):
    """Render the record-delivery form with VALUES and any PROBLEMS beside their fields."""
    errors = {}
    for problem in problems:
        errors.setdefault(problem.field, problem.message)
    body = render_template(
        "outcomes/record.html", record=record, spec=spec, questions=_questions(spec), values=values,
        problems=list(problems), errors=errors, notice=notice, form=ConfirmForm(), phases=PHASES,
        option_keys=option_keys, count_field=count_field, today_uk=f"{dt.date.today():%d/%m/%Y}",
        earlier=deliveries.for_session(db_session(), current_user.user, record.id))
    return body, status


@bp.route("/sessions/<int:session_id>/deliveries/new", methods=["GET", "POST"])
def record(session_id: int):
    """Ask for the date, the people present, the counts and a reflection; store them when all is right."""
    record, spec = load_own(session_id)  # only its officer records deliveries
    if request.method == "GET":
        return _form_page(record, spec, {"present": spec.group_size or "", "delivered_on": ""})
    if not ConfirmForm().validate_on_submit():
        abort(400)
    questions = _questions(spec)
    raw = RawDelivery(request.form.get("delivered_on", ""), request.form.get("present", ""),
                      _typed_counts(request.form, questions), request.form.get("reflection", ""))
    delivery, problems = check(raw, questions, dt.date.today())
    if problems:
        return _form_page(record, spec, request.form.to_dict(), problems, status=422)
    facts = deliveries.SessionFacts(record.id, record.title, spec.audience, spec.nation, spec.school,
                                    tuple(spec.modules))
    delivery_id = deliveries.save(db_session(), current_user.user, facts, delivery, questions)
    return redirect(url_for("outcomes.delivery", delivery_id=delivery_id, saved=1))


@bp.post("/sessions/<int:session_id>/deliveries/upload")
def upload(session_id: int):
    """Read a counts file into the form for the officer to check; nothing is saved yet."""
    record, spec = load_own(session_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    upload = request.files.get("counts_file")
    values = request.form.to_dict()
    try:
        counts = countsfile.read(upload.read(countsfile.MAX_BYTES + 1) if upload else b"")
    except countsfile.CountsFileError as exc:
        return _form_page(record, spec, values, [Problem("counts_file", str(exc))], status=422)
    if counts.audience and counts.audience != spec.audience:
        message = f"This counts file is for the {counts.audience} audience; this session is for {spec.audience}"
        return _form_page(record, spec, values, [Problem("counts_file", message)], status=422)
    values["present"] = counts.present
    for phase, by_question in counts.counts.items():
        for qid, by_key in by_question.items():
            values.update({count_field(phase, qid, key): n for key, n in by_key.items()})
    _, problems = check(counts.raw(values.get("delivered_on") or dt.date.today()), _questions(spec), dt.date.today())
    notice = "The counts were read from the file. Check them, add the date, then save the delivery."
    return _form_page(record, spec, values, [p for p in problems if p.field != "delivered_on"], notice)


@bp.get("/deliveries/<int:delivery_id>")
def delivery(delivery_id: int):
    """Show one delivery: percent correct before and after, the change, and the misconceptions that fell."""
    db = db_session()
    stored = deliveries.get(db, current_user.user, delivery_id)
    if stored is None:
        abort(404)
    counts = deliveries.counts(db, delivery_id)
    lib = library()
    asked = dict.fromkeys([*counts["baseline"], *counts["endpoint"]])
    questions = {qid: lib.questions[qid] for qid in asked if qid in lib.questions}
    gains = gain.question_gains(questions, counts, stored.present)
    falls = gain.misconception_falls(questions, counts, stored.present)
    return render_template("outcomes/delivery.html", delivery=stored, gains=gains, questions=questions,
                           falls=falls, mean=gain.mean_gain(gains), lib=lib,
                           no_tag=gain.NO_MISCONCEPTION, misconception_text=_misconception_texts(lib))


@bp.route("/deliveries/<int:delivery_id>/delete", methods=["GET", "POST"])
def delete(delivery_id: int):
    """Ask to confirm, then delete a delivery recorded by mistake (only the officer who recorded it)."""
    db = db_session()
    stored = deliveries.get(db, current_user.user, delivery_id)
    if stored is None or stored.owner_id != current_user.user.id:
        abort(404)
    if request.method == "GET":
        return render_template("outcomes/delete.html", delivery=stored, form=ConfirmForm())
    if not ConfirmForm().validate_on_submit():
        abort(400)
    deliveries.remove(db, stored)
    if stored.session_id is None:
        return redirect(url_for("outcomes.dashboard"))
    return redirect(url_for("outcomes.record", session_id=stored.session_id, deleted=1))


def _misconception_texts(lib) -> dict[str, str]:
    """Return misconception id -> its words, where the library gives misconceptions an id."""
    return {item.id: item.misconception.en for module in lib.modules.values() for item in module.misconceptions
            if item.id}


def current_figures() -> tuple[Figures, list[str]]:
    """Return the figures the signed-in user may see for the filters in the query string."""
    lib = library()
    filters, problems = read_filters(request.args, dt.date.today(), lib.audiences, lib.nations,
                                     deliveries.owner_scope(current_user.user))
    raw = outcome_figures.collect(db_session(), filters)
    return build(raw, labeller(lib, raw.officers)), problems


def _charts(figures: Figures) -> dict[str, str]:
    """Return an SVG chart for each table of FIGURES."""
    drawn = {b.id: charts.bar_chart(f"People reached, {b.title.lower()}", [(r.label, r.bar, r.people) for r in b.rows])
             for b in figures.breakdowns if not b.withheld and len(b.rows) <= charts.ROWS_MAX}
    for name, rows in (("questions", figures.questions), ("modules", figures.modules)):
        if len(rows) > charts.ROWS_MAX:
            continue
        drawn[name] = charts.bar_chart(f"Mean learning gain by {name[:-1]}",
                                       [(r.label, r.value, r.change) for r in rows])
    return drawn


@bp.get("/outcomes/")
def dashboard():
    """Show deliveries, reach and learning gain for a period: the user's own, or everyone's for a lead."""
    figures, problems = current_figures()
    return render_template("outcomes/dashboard.html", figures=figures, problems=problems, lib=library(),
                           charts=_charts(figures), query=request.query_string.decode("ascii", "replace"),
                           no_pupil_data=NO_PUPIL_DATA, suppression_note=SUPPRESSION_NOTE)


def _return_name(figures: Figures, extension: str) -> str:
    f = figures.filters
    return f"outcome-return-{f.start.isoformat()}-to-{f.end.isoformat()}.{extension}"


@bp.get("/outcomes/return.pdf")
def return_pdf():
    """Send the outcome return for the dashboard's filters as a PDF."""
    from kit.pdf import outcome_return  # noqa: PLC0415 - ReportLab loads only when a PDF is asked for

    figures, _ = current_figures()
    data = outcome_return.render(figures, current_app.config["ORGANISATION"], dt.date.today())
    return send_file(io.BytesIO(data), mimetype="application/pdf", as_attachment=True,
                     download_name=_return_name(figures, "pdf"), max_age=0)


@bp.get("/outcomes/return-csv.zip")
def return_csv():
    """Send the dashboard's tables as CSV files in one zip."""
    figures, _ = current_figures()
    data = csvfiles.zipped(figures, dt.date.today())
    return send_file(io.BytesIO(data), mimetype="application/zip", as_attachment=True,
                     download_name=_return_name(figures, "zip"), max_age=0)
