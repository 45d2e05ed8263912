"""A throwaway PostgreSQL cluster of a test's own, started and stopped (by PID) like .ci/test does."""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed (.ci/test installs it)")
    return found[-1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """initdb, start, stop by the postmaster's PID, start again; run as `postgres` when we are root."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="kit-pg-test."))
        self.port = _free_port()
        self.url = f"postgresql+psycopg://kit@127.0.0.1:{self.port}/kit"
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres")
        self._run(_bin("initdb"), "-D", str(self.dir / "data"), "-U", "kit", "--auth=trust", "-E", "UTF8")
        self.start()
        self._run(_bin("createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "kit", "kit")

    def _run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        options = f"-h 127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off"
        self._run(_bin("pg_ctl"), "-D", str(self.dir / "data"), "-l", str(self.dir / "log"), "-w",
                  "-o", options, "start")

    def stop(self) -> None:
        """Stop the server by its PID (fast shutdown) and wait until it has gone."""
        pid_file = self.dir / "data" / "postmaster.pid"
        if not pid_file.exists():
            return
        os.kill(int(pid_file.read_text().split()[0]), signal.SIGINT)
        deadline = time.monotonic() + 30
        while pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)

    def remove(self) -> None:
        """Stop the server and delete its files."""
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
