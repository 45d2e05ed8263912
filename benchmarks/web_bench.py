"""Web figures under gunicorn (2 workers, SQLite on a temporary instance), loopback only.

Prints: requests per second of the builder page and of /healthz on the same server (and their
ratio; target >= 0.5), and the p95 latency of a handout download at 8 concurrent connections
(target < 300 ms). Every measurement is bounded in time and in request count. The default worker
is gunicorn's own default, sync, which the README deploys behind a proxy; `--worker-class gthread`
measures threads with keep-alive, where the fixed cost per request is lower and the ratio with it.

    python benchmarks/web_bench.py [--seconds 5] [--clients 8] [--rounds 3]

The two throughput figures are measured in alternation, ROUNDS times, and the medians are printed,
so a change in the machine's load during the run shifts both rather than only one.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

HOST = "127.0.0.1"  # loopback only: this script never talks to another machine
EMAIL = "bench@example.police.uk"
PASSWORD = "benchmark password 1"  # noqa: S105 - a throwaway account on a temporary instance
MAX_REQUESTS = 20_000  # per measurement, whatever the time limit


def free_port() -> int:
    """Return a free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def prepare(instance: Path) -> int:
    """Create the schema, a user and a session in INSTANCE; return the session id."""
    os.environ["KIT_INSTANCE_PATH"] = str(instance)
    from kit import create_app
    from kit.accounts import users
    from kit.sessions import builder
    from kit.store import sessions as store

    app = create_app()
    database = app.extensions["kit.db"]
    user = users.create_user(database.session, EMAIL, PASSWORD, "officer")
    spec = builder.start(app.extensions["kit.library"], "lower-secondary", True, nation="wales",
                         lang="bilingual")
    record = store.create(database.session, user, spec)
    database.dispose()
    return record.id


def start_server(port: int, instance: Path | None = None, worker_class: str = "sync", *, workers: int = 2,
                 env: dict | None = None, wait: float = 30) -> subprocess.Popen:
    """Start gunicorn with WORKERS workers on PORT; return the process once /healthz answers within WAIT s."""
    env = env if env is not None else {**os.environ, "KIT_INSTANCE_PATH": str(instance)}
    threads = ["--threads", "4"] if worker_class == "gthread" else []
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--worker-class", worker_class, *threads,
         "--bind", f"{HOST}:{port}", "--log-level", "warning", "kit:create_app()"],
        env=env,
    )
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn did not start within {wait:g} s")


def sign_in(port: int) -> str:
    """Sign in through the real form; return the session cookie."""
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    conn.request("GET", "/login")
    response = conn.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    body = urlencode({"csrf_token": token, "email": EMAIL, "password": PASSWORD})
    conn.request("POST", "/login", body, {"Cookie": cookie,
                                          "Content-Type": "application/x-www-form-urlencoded"})
    response = conn.getresponse()
    response.read()
    if response.status != 302:
        raise SystemExit(f"sign-in failed: HTTP {response.status}")
    return response.getheader("Set-Cookie").split(";")[0]


def hammer(port: int, path: str, cookie: str, clients: int, seconds: float) -> list[float]:
    """Send GET PATH from CLIENTS keep-alive connections for SECONDS; return each latency."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        mine = []
        while time.monotonic() < stop and len(latencies) + len(mine) < MAX_REQUESTS:
            start = time.perf_counter()
            conn.request("GET", path, headers={"Cookie": cookie})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{path}: HTTP {response.status}")
            mine.append(time.perf_counter() - start)
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def hammer_once(port: int, path: str, cookie: str) -> float:
    """Return the latency of one GET PATH (the first handout download renders the PDF)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    start = time.perf_counter()
    conn.request("GET", path, headers={"Cookie": cookie})
    conn.getresponse().read()
    conn.close()
    return time.perf_counter() - start


def p95(values: list[float]) -> float:
    """Return the 95th percentile of VALUES."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def main() -> None:
    """Run the three measurements and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each measurement")
    parser.add_argument("--clients", type=int, default=8, help="concurrent connections")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of the throughput figures")
    parser.add_argument("--worker-class", choices=("sync", "gthread"), default="sync",
                        help="gunicorn worker: sync (the README's deployment; a connection per request) or "
                             "gthread (4 threads, keep-alive)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kit-bench-") as tmp:
        instance = Path(tmp) / "instance"
        session_id = prepare(instance)
        port = free_port()
        server = start_server(port, instance, args.worker_class)
        try:
            cookie = sign_in(port)
            hammer(port, f"/sessions/{session_id}", cookie, 2, 1.0)  # warm both workers
            trivial_rates, page_rates = [], []
            for _ in range(args.rounds):
                trivial_rates.append(len(hammer(port, "/healthz", "", args.clients, args.seconds)) / args.seconds)
                page_rates.append(len(hammer(port, f"/sessions/{session_id}", cookie, args.clients, args.seconds))
                                  / args.seconds)
            handout = f"/sessions/{session_id}/download/handout.pdf"
            cold = hammer_once(port, handout, cookie)
            hammer(port, handout, cookie, 2, 1.0)
            downloads = hammer(port, handout, cookie, 8, args.seconds)
        finally:
            server.terminate()
            server.wait(10)
    trivial_rps, page_rps = statistics.median(trivial_rates), statistics.median(page_rates)
    ratios = sorted(p / t for p, t in zip(page_rates, trivial_rates, strict=True))
    print(f"gunicorn, 2 {args.worker_class} workers, {args.clients} concurrent clients, {args.rounds} rounds "
          f"of {args.seconds:g} s")
    print(f"/healthz:            {trivial_rps:8.1f} requests/s ({args.clients} connections, median of {args.rounds})")
    print(f"builder page:        {page_rps:8.1f} requests/s ({args.clients} connections, median of {args.rounds})")
    print(f"builder / healthz:   {page_rps / trivial_rps:8.2f}   (target >= 0.5; per round "
          f"{', '.join(f'{r:.2f}' for r in ratios)})")
    print(f"handout download:    p95 {p95(downloads) * 1000:6.0f} ms, median "
          f"{sorted(downloads)[len(downloads) // 2] * 1000:.0f} ms over {len(downloads)} downloads "
          f"(8 connections; target p95 < 300 ms)")
    print(f"first handout render: {cold * 1000:.0f} ms (later downloads of the same version are cached)")


if __name__ == "__main__":
    main()
