"""The link checker against a local server on loopback that serves every case: never the internet."""

from __future__ import annotations

import ssl
import time

import pytest
import trustme

from kit.content.linkcheck import MAX_REDIRECTS, check_link, check_links, page_title
from tests.content.linkserver import TITLE, running


@pytest.fixture(scope="module")
def base():
    """Return the base URL of a plain HTTP server on loopback."""
    with running() as url:
        yield url


@pytest.fixture(scope="module")
def ca():
    """Return a throwaway certificate authority."""
    return trustme.CA()


@pytest.fixture(scope="module")
def tls_base(ca):
    """Return the base URL of an HTTPS server whose certificate the CA signed for 127.0.0.1."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    with running(context) as url:
        yield url


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
