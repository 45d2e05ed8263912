"""Force-wide load as officers feel it: gunicorn (4 sync workers) on PostgreSQL, loopback only.

Each simulated officer signs in, opens the dashboard, starts a session (the builder opens), then
until the time is up changes it with realistic pauses: notes saved, a module moved, the preview
opened, the handout downloaded (the first download of each new version renders the PDF). Officers
arrive spread over the first third of each level's time. Prints
the p95 of every step at each number of officers (target: pages < 100 ms, a first handout
download < 300 ms) and the errors (target: none).

    python benchmarks/load_bench.py [--officers 10,50,100] [--seconds 60] [--pause 2-5]
                                    [--database-url postgresql+psycopg://...]

Without --database-url it starts a throwaway PostgreSQL cluster of its own (PostgreSQL 15's
binaries, as .ci/test does) and stops it by PID at the end. Every loop is bounded in time.
"""

from __future__ import annotations

import argparse
import glob
import http.client
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
import web_bench  # noqa: E402 - the one gunicorn starter the benchmarks share

HOST = "127.0.0.1"  # loopback only: this script never talks to another machine
PASSWORD = "benchmark violet kettle"  # noqa: S105 - throwaway accounts on a throwaway database
PAGE_STEPS = ("sign-in page", "sign in", "dashboard", "new session", "builder", "save notes", "move module", "preview")
NEW = {"audience": "lower-secondary", "nation": "england", "lang": "en", "setting": "classroom",
       "lesson_minutes": "60", "use_plan": "y", "title": "Load test"}
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
DOWN = re.compile(r'name="down" value="([^"]+)"')


def free_port() -> int:
    """Return a free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Cluster:
    """A throwaway PostgreSQL cluster (run as `postgres` when we are root), stopped by PID."""

    def __init__(self):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        if not bins:
            raise SystemExit("PostgreSQL is not installed; pass --database-url")
        self.bin, self.dir, self.port = Path(bins[-1]), Path(tempfile.mkdtemp(prefix="kit-load-pg.")), free_port()
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres")
        self._run("initdb", "-D", str(self.dir / "data"), "-U", "kit", "--auth=trust", "-E", "UTF8")
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-l", str(self.dir / "log"), "-w", "-o",
                  f"-h {HOST} -p {self.port} -k {self.dir} -c fsync=off -c max_connections=200", "start")
        self._run("createdb", "-h", HOST, "-p", str(self.port), "-U", "kit", "kit")
        self.url = f"postgresql+psycopg://kit@{HOST}:{self.port}/kit"

    def _run(self, tool: str, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        subprocess.run([*prefix, str(self.bin / tool), *args], check=True, capture_output=True, timeout=120)

    def stop(self) -> None:
        """Stop the server by its PID and delete its files."""
        pid_file = self.dir / "data" / "postmaster.pid"
        if pid_file.exists():
            os.kill(int(pid_file.read_text().split()[0]), signal.SIGINT)
            deadline = time.monotonic() + 30
            while pid_file.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
        shutil.rmtree(self.dir, ignore_errors=True)


def prepare(env: dict, officers: int) -> list[str]:
    """Migrate the database and create OFFICERS accounts; return their emails."""
    script = ("import sys; from kit import create_app; from kit.accounts import users; app = create_app(); "
              "db = app.extensions['kit.db'].session; n = int(sys.argv[1]); "
              "[users.create_user(db, f'officer{i}@load.police.uk', sys.argv[2]) for i in range(n)]")
    subprocess.run([sys.executable, "-c", script, str(officers), PASSWORD], env=env, check=True, timeout=600)
    return [f"officer{i}@load.police.uk" for i in range(officers)]


def start_server(port: int, env: dict) -> subprocess.Popen:
    """Start gunicorn with 4 sync workers on PORT; return it once /healthz answers."""
    # Each worker loads the library: slow on a busy machine, so wait up to 240 s.
    return web_bench.start_server(port, workers=4, env=env, wait=240)


class Officer:
    """One simulated officer: a cookie jar of one cookie, and a record of each step's latency."""

    def __init__(self, port: int, email: str, results: dict, errors: list, lock: threading.Lock):
        self.port, self.email, self.cookie = port, email, ""
        self.results, self.errors, self.lock = results, errors, lock

    def request(self, step: str, method: str, path: str, form: dict | None = None, expect=(200,)) -> str:
        """Send one request, time it under STEP, and return the body ('' when it failed)."""
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = urlencode(form, doseq=True) if form is not None else None
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
        start = time.perf_counter()
        try:
            conn.request(method, path, body, headers)
            response = conn.getresponse()
            data = response.read()
        except OSError as exc:
            with self.lock:
                self.errors.append(f"{step}: {exc}")
            return ""
        finally:
            conn.close()
        elapsed = time.perf_counter() - start
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";")[0]
        with self.lock:
            if response.status in expect:
                self.results[step].append(elapsed)
            else:
                self.errors.append(f"{step}: HTTP {response.status} on {method} {path}")
        return data.decode("utf-8", "replace") if response.status in expect else ""

    def run(self, stop: float, pause: tuple[float, float]) -> None:
        """Sign in, start a session, then change and download it with pauses until STOP."""
        page = self.request("sign-in page", "GET", "/login")
        token = TOKEN.search(page)
        if not token:
            return
        form = {"email": self.email, "password": PASSWORD, "csrf_token": token.group(1)}
        self.request("sign in", "POST", "/login", form, expect=(302,))
        page = self.request("dashboard", "GET", "/sessions/")
        token = TOKEN.search(page)
        if not token:
            return
        self.request("new session", "POST", "/sessions/new", {**NEW, "csrf_token": token.group(1)}, expect=(302,))
        session_id = self._newest_session()
        if session_id is None:
            return
        actions = (self._notes, self._move, self._preview, self._download)
        n = 0
        while time.monotonic() + pause[1] < stop:
            time.sleep(random.uniform(*pause))
            actions[n % len(actions)](session_id)
            n += 1

    def _newest_session(self) -> int | None:
        page = self.request("dashboard", "GET", "/sessions/")
        found = re.search(r'href="/sessions/(\d+)"', page)
        return int(found.group(1)) if found else None

    def _builder(self, session_id: int) -> tuple[str, str, str]:
        page = self.request("builder", "GET", f"/sessions/{session_id}")
        token, version = TOKEN.search(page), VERSION.search(page)
        return page, token.group(1) if token else "", version.group(1) if version else ""

    def _notes(self, session_id: int) -> None:
        _, token, version = self._builder(session_id)
        notes = f"DSL: Ms Example, ext {random.randint(100, 999)}"
        self.request("save notes", "POST", f"/sessions/{session_id}/notes",
                     {"csrf_token": token, "version": version, "school_notes": notes}, expect=(302,))

    def _move(self, session_id: int) -> None:
        page, token, version = self._builder(session_id)
        down = DOWN.search(page)
        if down:
            self.request("move module", "POST", f"/sessions/{session_id}/modules/change",
                         {"csrf_token": token, "version": version, "down": down.group(1)}, expect=(302,))

    def _preview(self, session_id: int) -> None:
        self.request("preview", "GET", f"/sessions/{session_id}/preview")

    def _download(self, session_id: int) -> None:
        self.request("first handout download", "GET", f"/sessions/{session_id}/download/handout.pdf")
        self.request("repeat handout download", "GET", f"/sessions/{session_id}/download/handout.pdf")


def p95(values: list[float]) -> float:
    """Return the 95th percentile of VALUES."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def run_level(port: int, emails: list[str], seconds: float, pause: tuple[float, float]) -> tuple[dict, list]:
    """Run len(EMAILS) officers at once for SECONDS; return (latencies by step, errors)."""
    results, errors, lock = defaultdict(list), [], threading.Lock()
    stop = time.monotonic() + seconds
    officers = [Officer(port, email, results, errors, lock) for email in emails]
    threads = [threading.Thread(target=o.run, args=(stop, pause), daemon=True) for o in officers]
    # Officers arrive spread over the first third of the window, as a shift starts, not in one burst
    # (every sign-in costs a deliberately slow password hash).
    for thread in threads:
        thread.start()
        time.sleep(seconds / 3 / len(threads))
    for thread in threads:
        thread.join(seconds + 120)
    return results, errors


def report(level: int, results: dict, errors: list, seconds: float) -> None:
    """Print one line per step: count, median and p95 against its target."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{level} officers, {seconds:g} s, gunicorn 4 sync workers, PostgreSQL "
          f"({os.cpu_count()} CPUs, load average {load})")
    for step in (*PAGE_STEPS, "first handout download", "repeat handout download"):
        values = results.get(step, [])
        if not values:
            continue
        target = 300 if step == "first handout download" else 100
        flag = "ok" if p95(values) * 1000 < target else "OVER"
        print(f"  {step:<24} n={len(values):5d}  median {sorted(values)[len(values) // 2] * 1000:6.0f} ms  "
              f"p95 {p95(values) * 1000:6.0f} ms  (target < {target} ms: {flag})")
    print(f"  errors: {len(errors)}" + "".join(f"\n    {e}" for e in errors[:10]))


def main() -> None:
    """Prepare the database and server, run each number of officers, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", default="10,50,100", help="comma-separated numbers of officers")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each level")
    parser.add_argument("--pause", default="2-5", help="seconds an officer pauses between actions (low-high)")
    parser.add_argument("--database-url", help="an empty PostgreSQL database (default: a throwaway cluster)")
    args = parser.parse_args()
    levels = [int(n) for n in args.officers.split(",")]
    low, high = (float(x) for x in args.pause.split("-"))
    cluster = None if args.database_url else Cluster()
    tmp = tempfile.mkdtemp(prefix="kit-load-")
    env = {**os.environ, "KIT_INSTANCE_PATH": tmp, "KIT_DATABASE_URL": args.database_url or cluster.url,
           "KIT_SECRET_KEY": "load-bench-" + "k" * 40}
    server = None
    try:
        emails = prepare(env, max(levels))
        port = free_port()
        server = start_server(port, env)
        # Warm every worker first (templates compiled, PDF code imported), as a running server is.
        run_level(port, emails[:8], 12.0, (0.05, 0.2))
        for level in levels:
            results, errors = run_level(port, emails[:level], args.seconds, (low, high))
            report(level, results, errors, args.seconds)
    finally:
        try:
            if server is not None:
                server.terminate()
                try:
                    server.wait(120)
                except subprocess.TimeoutExpired:  # workers stuck on a busy machine: end them
                    server.kill()
                    server.wait(30)
        finally:
            if cluster is not None:
                cluster.stop()
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
