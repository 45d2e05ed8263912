"""`kit serve` refuses a body over the app's limit before reading it (not 900 MB later)."""

import os
import socket
import subprocess
import sys
import time


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _connect(port: int) -> socket.socket:
    deadline = time.monotonic() + 60
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_a_huge_declared_body_is_refused_before_it_is_sent(tmp_path):
    port = _free_port()
    env = {**os.environ, "KIT_INSTANCE_PATH": str(tmp_path / "inst")}
    proc = subprocess.Popen([sys.executable, "-m", "kit", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with _connect(port) as conn:
            conn.sendall(b"POST /login HTTP/1.1\r\nHost: localhost\r\n"
                         b"Content-Type: application/x-www-form-urlencoded\r\n"
                         b"Content-Length: 900000000\r\n\r\nemail=a")
            conn.settimeout(10)  # without the limit, waitress waits here for the other 900 MB
            answer = conn.recv(4096)
        assert answer.startswith(b"HTTP/1.1 413")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
