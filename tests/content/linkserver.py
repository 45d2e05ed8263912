"""A local web server on loopback that answers every case the link checker must name."""

from __future__ import annotations

import contextlib
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TITLE = "Sextortion: advice for young people"
PAGE = f"<!doctype html><html><head><title>{TITLE}</title></head><body>advice</body></html>".encode()


class Handler(BaseHTTPRequestHandler):
    """One route per case the checker must name."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep the test output clean
        pass

    def do_HEAD(self):
        self._route(head=True)

    def do_GET(self):
        self._route(head=False)

    def _send(self, code, body=b"", headers=(), head=False):
        self.send_response(code)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _route(self, head):
        path = self.path
        if path == "/ok":
            return self._send(200, PAGE, head=head)
        if path.startswith("/chain/"):
            n = int(path.rsplit("/", 1)[1])
            target = "/ok" if n == 0 else f"/chain/{n - 1}"
            return self._send(301, headers=[("Location", target)], head=head)
        if path == "/loop/a":
            return self._send(302, headers=[("Location", "/loop/b")], head=head)
        if path == "/loop/b":
            return self._send(302, headers=[("Location", "/loop/a")], head=head)
        if path == "/to-http":
            return self._send(301, headers=[("Location", "http://127.0.0.1:9/ok")], head=head)
        if path == "/gone":
            return self._send(404, b"not here", head=head)
        if path == "/broken":
            return self._send(500, b"oops", head=head)
        if path == "/no-head":
            return self._send(405, head=True) if head else self._send(200, PAGE)
        if path == "/retitled":
            return self._send(200, b"<title>Page moved to our new site</title>", head=head)
        if path == "/slow":
            time.sleep(3)
            return self._send(200, PAGE, head=head)
        if path == "/drip":
            return self._drip(head)
        if path == "/huge":
            return self._huge(head)
        return self._send(404, head=head)

    def _drip(self, head):
        self.send_response(200)
        self.send_header("Content-Length", "100000")
        self.end_headers()
        if head:
            return
        try:
            for _ in range(100):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass

    def _huge(self, head):
        size = 50 * 1024 * 1024
        self.send_response(200)
        self.send_header("Content-Length", str(size))
        self.end_headers()
        if head:
            return
        try:
            block = b"<p>" + b"y" * 65533
            for _ in range(size // len(block)):
                self.wfile.write(block)
        except OSError:
            pass


class QuietServer(ThreadingHTTPServer):
    """A server that does not print a traceback when the checker hangs up early, as it should."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


def serve(context: ssl.SSLContext | None = None):
    """Start a server on a free loopback port (TLS when CONTEXT is given) and return it."""
    server = QuietServer(("127.0.0.1", 0), Handler)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    # shutdown() waits for the loop's next poll: the default half second cost every test that much.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return server


@contextlib.contextmanager
def running(context: ssl.SSLContext | None = None):
    """Serve on a free loopback port for the duration of the block; yield the base URL."""
    server = serve(context)
    scheme = "https" if context else "http"
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
