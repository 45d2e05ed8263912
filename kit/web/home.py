"""The front page and the health check."""

from flask import Blueprint, current_app, jsonify, render_template

bp = Blueprint("home", __name__)


@bp.get("/")
def index():
    """Show the front page."""
    library = current_app.extensions["kit.library"]
    return render_template("home/index.html", counts=library.counts())


@bp.get("/healthz")
def health():
    """Say the app is up (used by load balancers and the benchmark's trivial route)."""
    return jsonify(status="ok")
