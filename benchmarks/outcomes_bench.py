"""Outcome figures at force scale: the dashboard and the outcome return under gunicorn, loopback only.

PostgreSQL (a throwaway cluster on 127.0.0.1, stopped at the end): 100,000 deliveries with
2,000,000 counts. SQLite: 10,000 deliveries. For each it prints the p50 and p95 latency of the
dashboard for a year with every filter off and with each filter on (target p95 < 300 ms), the time
of the outcome return PDF (target < 2 s), and the query plans (EXPLAIN) of the dashboard's queries.

    python benchmarks/outcomes_bench.py [--database postgres|sqlite|both] [--requests 40]

Every measurement is bounded in request count; gunicorn runs 2 sync workers, as the README deploys.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import outcomes_data  # noqa: E402 - beside this script
from web_bench import HOST, free_port, p95, sign_in, start_server  # noqa: E402

YEAR = {"from": "2025-12-01", "to": "2026-11-30"}
VIEWS = {
    "a year, filters off": YEAR,
    "a year, audience": {**YEAR, "audience": "lower-secondary"},
    "a year, nation": {**YEAR, "nation": "wales"},
    "one month": {"from": "2026-10-01", "to": "2026-10-31"},
    "a year, part-months": {"from": "2025-11-15", "to": "2026-11-14"},  # edges read per-delivery rows
}
SIZES = {"postgres": 100_000, "sqlite": 10_000}
SECRET = "benchmark-secret-key-0123456789abcdef-outcomes"  # noqa: S105 - a throwaway instance


def start_postgres(folder: Path) -> tuple[str, callable]:
    """Start a throwaway PostgreSQL cluster in FOLDER on 127.0.0.1; return its URL and a stop function."""
    pgbin = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = free_port()
    data = folder / "data"
    subprocess.run([*as_pg, pgbin / "initdb", "-D", data, "-U", "kit", "--auth=trust", "-E", "UTF8"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*as_pg, pgbin / "pg_ctl", "-D", data, "-l", folder / "log", "-w", "-o",
                    f"-h {HOST} -p {port} -k {folder} -c fsync=off -c shared_buffers=256MB", "start"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*as_pg, pgbin / "createdb", "-h", HOST, "-p", str(port), "-U", "kit", "kit"], check=True)

    def stop() -> None:
        pid = (data / "postmaster.pid").read_text().split()[0]
        subprocess.run(["kill", "-INT", pid], check=False)
        for _ in range(100):
            if not (data / "postmaster.pid").exists():
                break
            time.sleep(0.1)

    return f"postgresql+psycopg://kit@{HOST}:{port}/kit", stop


def timed_get(port: int, path: str, cookie: str) -> float:
    """Return the seconds one GET PATH takes; fail on anything but 200."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    start = time.perf_counter()
    conn.request("GET", path, headers={"Cookie": cookie})
    response = conn.getresponse()
    response.read()
    took = time.perf_counter() - start
    conn.close()
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status}")
    return took


def load_average() -> str:
    """Return the machine's 1, 5 and 15 minute load averages, as printed beside every timing."""
    return "load average " + " ".join(f"{n:.2f}" for n in os.getloadavg())


def measure(port: int, cookie: str, requests: int) -> None:
    """Print the dashboard's latency for each view and the outcome return's build time."""
    print(f"  {load_average()} ({os.cpu_count()} CPUs) before the timings")
    for name, args in VIEWS.items():
        path = "/outcomes/?" + urlencode(args)
        timed_get(port, path, cookie)  # warm each worker's connection pool
        times = [timed_get(port, path, cookie) for _ in range(requests)]
        print(f"  dashboard, {name:22} p50 {statistics.median(times) * 1000:6.0f} ms   "
              f"p95 {p95(times) * 1000:6.0f} ms   ({requests} requests)")
    times = [timed_get(port, "/outcomes/return.pdf?" + urlencode(YEAR), cookie) for _ in range(5)]
    print(f"  outcome return PDF, a year        median {statistics.median(times):5.2f} s   "
          f"slowest {max(times):5.2f} s   (5 requests)")
    print(f"  {load_average()} after the timings")


def _filters(args: dict):
    from kit.outcomes.raw import Filters

    return Filters(dt.date.fromisoformat(args["from"]), dt.date.fromisoformat(args["to"]),
                   args.get("audience"), args.get("nation"))


def explain(url: str) -> None:
    """Print, for each view, how each of the dashboard's queries reads its table (index or not), its time
    measured inside the database, and the buffers it touched."""
    from sqlalchemy import event

    from kit.db.engine import Database
    from kit.store import outcome_figures

    database = Database(url)
    prefix = "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " if url.startswith("postgresql") else "EXPLAIN QUERY PLAN "
    for name, args in {**VIEWS, "one officer, a year": {**YEAR, "owner": True}}.items():
        seen: list[tuple[str, object]] = []

        def keep(conn, cursor, statement, params, context, many, seen=seen):
            seen.append((statement, params))

        filters = _filters(args)
        if args.get("owner"):
            from dataclasses import replace

            filters = replace(filters, owner_id=1 + outcomes_data.OFFICERS // 2)
        event.listen(database.engine, "before_cursor_execute", keep)
        outcome_figures.collect(database.session, filters)
        event.remove(database.engine, "before_cursor_execute", keep)
        database.session.remove()
        print(f"  {name}:")
        with database.engine.connect() as conn:
            for statement, params in seen:
                if "FROM users" in statement or not statement.lstrip().upper().startswith("SELECT"):
                    continue
                plan = [" ".join(str(c) for c in row) for row in conn.exec_driver_sql(prefix + statement, params)]
                table = " ".join(statement.split()).split(" FROM ", 1)[1].split()[0]
                reads = [line.strip() for line in plan if any(w in line for w in ("Scan", "SCAN", "SEARCH"))]
                took = [line.strip() for line in plan if "Execution Time" in line]
                buffers = next((line.strip() for line in plan if "Buffers:" in line), "")
                print(f"    {table:19} {' | '.join(r.split('(actual')[0].strip() for r in reads)}"
                      f"{'   ' + took[0] if took else ''}{'   ' + buffers if buffers else ''}")
    database.dispose()


def vacuum_analyze(url: str) -> None:
    """Update PostgreSQL's statistics and visibility map, as autovacuum would after a bulk load."""
    from sqlalchemy import create_engine

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()


def run(kind: str, requests: int, folder: Path) -> None:
    """Generate the data for KIND, serve it with gunicorn, and print every figure."""
    stop = None
    if kind == "postgres":
        url, stop = start_postgres(folder)
    else:
        url = f"sqlite:///{folder / 'kit.sqlite'}"
    server = None
    try:
        start = time.perf_counter()
        counts = outcomes_data.generate(url, SIZES[kind])
        if kind == "postgres":
            vacuum_analyze(url)
        took = time.perf_counter() - start
        print(f"{kind}: {SIZES[kind]:,} deliveries, {counts:,} counts, generated in {took:.0f} s")
        os.environ.update(KIT_DATABASE_URL=url, KIT_SECRET_KEY=SECRET)
        port = free_port()
        server = start_server(port, folder / "instance")
        measure(port, sign_in(port), requests)
        print("  query plans (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on SQLite):")
        explain(url)
    finally:
        try:
            if server is not None:
                server.terminate()
                try:
                    server.wait(30)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait(10)
        finally:
            if stop is not None:
                stop()  # the cluster stops even when gunicorn would not


def main() -> None:
    """Run the benchmarks the command line asks for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["postgres", "sqlite", "both"], default="both")
    parser.add_argument("--requests", type=int, default=40, help="dashboard requests per view (bounded)")
    args = parser.parse_args()
    for kind in (["postgres", "sqlite"] if args.database == "both" else [args.database]):
        with tempfile.TemporaryDirectory(prefix=f"kit-outcomes-{kind}-") as folder:
            os.chmod(folder, 0o755)  # noqa: S103 - PostgreSQL's own user must reach its cluster
            run(kind, min(args.requests, 500), Path(folder))


if __name__ == "__main__":
    main()
