"""Helpers for tests that run `kit serve` in a child process on a loopback port."""

import socket
import time


def free_port() -> int:
    """Return a loopback port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def connect(port: int, seconds: float = 60) -> socket.socket:
    """Return a connection to the server on PORT, retrying while it starts (for up to SECONDS)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
