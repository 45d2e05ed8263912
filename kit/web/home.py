"""The front page and the health check."""

from flask import Blueprint, current_app, jsonify, redirect, render_template, url_for
from flask_login import current_user

bp = Blueprint("home", __name__)


@bp.get("/")
def index():
    """Send officers to their sessions; show everyone else what the kit is."""
    if current_user.is_authenticated:
        return redirect(url_for("sessions.dashboard"))
    library = current_app.extensions["kit.library"]
    return render_template("home/index.html", counts=library.counts())


@bp.get("/healthz")
def health():
    """Say whether the app and its database are up (load balancers, the benchmark)."""
    if not current_app.extensions["kit.db"].ping():
        return jsonify(status="database unavailable"), 503
    return jsonify(status="ok")
