"""The link checker against a local server on loopback that serves every case: never the internet."""

from __future__ import annotations

import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import trustme

from kit.content.linkcheck import MAX_REDIRECTS, check_link, check_links, page_title

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


def _serve(context: ssl.SSLContext | None = None):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="module")
def base():
    """Return the base URL of a plain HTTP server on loopback."""
    server = _serve()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def ca():
    """Return a throwaway certificate authority."""
    return trustme.CA()


@pytest.fixture(scope="module")
def tls_base(ca):
    """Return the base URL of an HTTPS server whose certificate the CA signed for 127.0.0.1."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    server = _serve(context)
    yield f"https://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def trusting(ca):
    """Return a client context that trusts the throwaway CA."""
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


@pytest.mark.parametrize(
    ("path", "status", "detail"),
    [
        ("/ok", "ok", "HTTP 200"),
        ("/gone", "gone", "HTTP 404"),
        ("/broken", "failing", "HTTP 500"),
        ("/no-head", "ok", "HTTP 200"),
        (f"/chain/{MAX_REDIRECTS + 2}", "failing", f"more than {MAX_REDIRECTS} redirects"),
        ("/loop/a", "failing", "redirect loop"),
    ],
)
def test_each_answer_is_named(base, path, status, detail):
    result = check_link("x", base + path, timeout=5)
    assert (result.status, result.broken) == (status, status in ("gone", "failing"))
    assert detail in result.detail


def test_a_redirect_chain_reports_where_it_ends(base):
    result = check_link("x", base + "/chain/3", timeout=5)
    assert result.status == "moved"
    assert result.final_url == base + "/ok"
    assert not result.broken


def test_a_changed_title_is_reported_and_a_matching_one_passes(base):
    assert check_link("x", base + "/ok", expected_title=TITLE.upper(), timeout=5).status == "ok"
    changed = check_link("x", base + "/retitled", expected_title=TITLE, timeout=5)
    assert changed.status == "changed"
    assert "Page moved to our new site" in changed.detail


@pytest.mark.parametrize("path", ["/slow", "/drip"])
def test_a_slow_page_fails_within_its_time(base, path):
    started = time.monotonic()
    result = check_link("x", base + path, expected_title=TITLE, timeout=1)
    assert result.status == "failing"
    assert "timed out" in result.detail
    assert time.monotonic() - started < 2.5


def test_a_huge_page_is_read_only_as_far_as_its_title(base):
    started = time.monotonic()
    result = check_link("x", base + "/huge", expected_title=TITLE, timeout=5)
    assert result.status == "changed"
    assert "no title" in result.detail
    assert time.monotonic() - started < 2


def test_https_with_a_trusted_certificate_passes(tls_base, trusting):
    assert check_link("x", tls_base + "/ok", context=trusting, timeout=5).status == "ok"


def test_https_with_an_untrusted_certificate_fails(tls_base):
    result = check_link("x", tls_base + "/ok", timeout=5)
    assert result.status == "failing"
    assert "certificate" in result.detail


def test_https_never_follows_a_redirect_to_http(tls_base, trusting):
    result = check_link("x", tls_base + "/to-http", context=trusting, timeout=5)
    assert result.status == "failing"
    assert "insecure" in result.detail


def test_nothing_listening_fails_with_a_reason():
    result = check_link("x", "http://127.0.0.1:9/", timeout=2)
    assert result.status == "failing"
    assert "could not connect" in result.detail


def test_many_links_keep_their_order(base):
    targets = [(f"id-{i}", base + path, None) for i, path in enumerate(["/ok", "/gone", "/ok", "/broken"])]
    results = check_links(targets, timeout=5)
    assert [r.id for r in results] == [t[0] for t in targets]
    assert [r.status for r in results] == ["ok", "gone", "ok", "failing"]


@pytest.mark.parametrize(
    ("body", "title"),
    [
        (b"<html><head><title>  A &amp; B\n page </title>", "A & B page"),
        (b"<TITLE lang=en>Caps</TITLE>", "Caps"),
        (b"<p>no title</p>", None),
        (b"<title></title>", None),
    ],
)
def test_page_title(body, title):
    assert page_title(body) == title
