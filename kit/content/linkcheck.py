"""Visit each advice URL in the registry and say whether it still answers as recorded.

Plain HTTP(S) with the standard library: HEAD first, GET where HEAD is refused or a page title is
needed, redirects followed by hand so loops and insecure hops are named, and every read bounded
in bytes and time, so a slow or huge page can never hang or flood the check.
"""

from __future__ import annotations

import http.client
import re
import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import unescape
from urllib.parse import urljoin, urlsplit

MAX_REDIRECTS = 10
TITLE_BYTES = 256 * 1024  # the <title> is near the top; never read a page past this
HEAD_REFUSED = {400, 403, 404, 405, 406, 429, 500, 501, 503}  # some servers answer HEAD wrongly
USER_AGENT = "SaferSessionsKit-linkcheck/1 (+advice registry check)"
BROKEN = ("gone", "failing")
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class LinkResult:
    """What one URL answered: ok, moved, gone, failing or changed, and why."""

    id: str
    url: str
    status: str
    detail: str
    code: int | None = None
    final_url: str | None = None
    title: str | None = None

    @property
    def broken(self) -> bool:
        """Return True when pupils scanning this code would reach no advice."""
        return self.status in BROKEN


@dataclass(frozen=True)
class _Answer:
    code: int
    location: str | None
    body: bytes


class _Deadline:
    """One link's whole time budget, shared by every hop and read."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no answer within {self.seconds:g} s")
        return remaining


def check_link(link_id: str, url: str, *, timeout: float = 10.0, expected_title: str | None = None,
               context: ssl.SSLContext | None = None) -> LinkResult:
    """Visit URL (following redirects) and classify what it answers."""
    deadline = _Deadline(timeout)
    try:
        code, final, body = _follow(url, deadline, context, want_body=expected_title is not None)
    except _Problem as exc:
        return LinkResult(link_id, url, "failing", str(exc))
    except TimeoutError:
        return LinkResult(link_id, url, "failing", f"timed out: no answer within {timeout:g} s")
    except ssl.SSLError as exc:
        return LinkResult(link_id, url, "failing", f"secure connection failed: {_ssl_reason(exc)}")
    except OSError as exc:
        return LinkResult(link_id, url, "failing", f"could not connect: {exc.strerror or exc}")
    except http.client.HTTPException as exc:
        return LinkResult(link_id, url, "failing", f"the server's answer could not be read ({type(exc).__name__})")
    return _classify(link_id, url, code, final, body, expected_title)


def _classify(link_id, url, code, final, body, expected_title) -> LinkResult:
    if 400 <= code < 500:
        return LinkResult(link_id, url, "gone", f"HTTP {code}", code, final)
    if code >= 500 or code < 200 or code >= 300:
        return LinkResult(link_id, url, "failing", f"HTTP {code}", code, final)
    title = page_title(body) if expected_title is not None else None
    if final != url:
        return LinkResult(link_id, url, "moved", f"now answers at {final}", code, final, title)
    if expected_title is not None and _norm(title or "") != _norm(expected_title):
        seen = f"'{title}'" if title else "no title"
        return LinkResult(link_id, url, "changed", f"page title is {seen}, recorded '{expected_title}'",
                          code, final, title)
    return LinkResult(link_id, url, "ok", f"HTTP {code}", code, final, title)


class _Problem(Exception):
    """A reason the URL cannot be reached, already in plain words."""


def _follow(url, deadline, context, want_body):
    seen = [url]
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        answer = _visit(current, deadline, context, want_body)
        if answer.code not in (301, 302, 303, 307, 308) or not answer.location:
            return answer.code, current, answer.body
        target = urljoin(current, answer.location.strip())
        if urlsplit(target).scheme not in ("http", "https"):
            raise _Problem(f"redirects to an address that is not a web page: {target[:200]}")
        if urlsplit(url).scheme == "https" and urlsplit(target).scheme != "https":
            raise _Problem(f"redirects to an insecure (http) address: {target[:200]}")
        if target in seen:
            raise _Problem(f"redirect loop: {' -> '.join(seen + [target])}"[:400])
        seen.append(target)
        current = target
    raise _Problem(f"more than {MAX_REDIRECTS} redirects")


def _visit(url, deadline, context, want_body) -> _Answer:
    if not want_body:
        answer = _request("HEAD", url, deadline, context)
        if answer.code not in HEAD_REFUSED:
            return answer
    return _request("GET", url, deadline, context)


def _request(method, url, deadline, context) -> _Answer:
    parts = urlsplit(url)
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=deadline.left(),
                                                 context=context or ssl.create_default_context())
    elif parts.scheme == "http":
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=deadline.left())
    else:
        raise _Problem(f"cannot visit a '{parts.scheme}' address")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request(method, path, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})
        response = connection.getresponse()
        body = _read_bounded(response, deadline) if method == "GET" else b""
        return _Answer(response.status, response.getheader("Location"), body)
    finally:
        connection.close()


def _read_bounded(response, deadline) -> bytes:
    # read1 returns what has arrived, so a page that drips a byte a second still meets the deadline.
    chunks, size = [], 0
    while size < TITLE_BYTES and deadline.left():
        chunk = response.read1(min(16384, TITLE_BYTES - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if _TITLE.search(b"".join(chunks)):
            break
    return b"".join(chunks)


def page_title(body: bytes) -> str | None:
    """Return the text of the page's <title>, or None."""
    match = _TITLE.search(body or b"")
    if not match:
        return None
    return " ".join(unescape(match.group(1).decode("utf-8", "replace")).split()) or None


def _norm(title: str) -> str:
    return " ".join(title.casefold().split())


def _ssl_reason(exc: ssl.SSLError) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"the certificate is not valid ({exc.verify_message})"
    return exc.reason or str(exc)


def check_links(targets, *, timeout: float = 10.0, workers: int = 8,
                context: ssl.SSLContext | None = None) -> list[LinkResult]:
    """Check (id, url, expected_title) TARGETS in parallel; results keep the targets' order."""
    def one(target):
        link_id, url, title = target
        return check_link(link_id, url, timeout=timeout, expected_title=title, context=context)

    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(targets) or 1))) as pool:
        return list(pool.map(one, targets))
