"""`kit serve` refuses a body over the app's limit before reading it (not 900 MB later)."""

import os
import subprocess
import sys

from tests.serving import connect, free_port


def test_a_huge_declared_body_is_refused_before_it_is_sent(tmp_path):
    port = free_port()
    env = {**os.environ, "KIT_INSTANCE_PATH": str(tmp_path / "inst")}
    proc = subprocess.Popen([sys.executable, "-m", "kit", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with connect(port) as conn:
            conn.sendall(b"POST /login HTTP/1.1\r\nHost: localhost\r\n"
                         b"Content-Type: application/x-www-form-urlencoded\r\n"
                         b"Content-Length: 900000000\r\n\r\nemail=a")
            conn.settimeout(10)  # without the limit, waitress waits here for the other 900 MB
            answer = conn.recv(4096)
        assert answer.startswith(b"HTTP/1.1 413")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
