"""`kit serve` and big bodies: past a bounded margin it refuses before reading (not 900 MB later);
within the margin the app answers 413 itself, with its own page, headers and what was typed."""

import os
import subprocess
import sys
from urllib.parse import urlencode

import pytest

from kit.config import settings
from kit.web.typed import server_body_limit
from tests.serving import connect, free_port

APP_LIMIT = settings("/tmp", None)["MAX_CONTENT_LENGTH"]


@pytest.fixture(scope="module")
def port(tmp_path_factory):
    """Run `kit serve` on a free loopback port for this module's tests."""
    port = free_port()
    env = {**os.environ, "KIT_INSTANCE_PATH": str(tmp_path_factory.mktemp("inst"))}
    proc = subprocess.Popen([sys.executable, "-m", "kit", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        connect(port).close()
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _answer(conn) -> bytes:
    """Read the whole answer (the server closes after an error)."""
    conn.settimeout(20)
    chunks = []
    while chunk := conn.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_a_huge_declared_body_is_refused_before_it_is_sent(port):
    with connect(port) as conn:
        conn.sendall(b"POST /login HTTP/1.1\r\nHost: localhost\r\n"
                     b"Content-Type: application/x-www-form-urlencoded\r\n"
                     b"Content-Length: 900000000\r\n\r\nemail=a")
        conn.settimeout(10)  # without the limit, waitress waits here for the other 900 MB
        answer = conn.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413")


def test_a_body_just_over_the_apps_limit_gets_the_apps_page_with_what_was_typed(port):
    email = "pc.jones@example.org"
    body = urlencode({"email": email, "password": "p" * (APP_LIMIT + 100)}).encode()
    assert APP_LIMIT < len(body) <= server_body_limit({"MAX_CONTENT_LENGTH": APP_LIMIT})
    with connect(port) as conn:
        conn.sendall(b"POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                     b"Content-Type: application/x-www-form-urlencoded\r\n"
                     + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        answer = _answer(conn)
    head, _, page = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    assert b"Content-Security-Policy:" in head and b"X-Content-Type-Options: nosniff" in head
    assert b"That was too much to send" in page and email.encode() in page
    assert b"ppppp" not in page  # a password is never shown again
