"""Fixtures for the format tests: no network, and a small web server on 127.0.0.1."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator

import pytest
from engines import Location, Locations
from helpers import SEED, cli_ok

from app.services import fetch
from formats.documents import news_page

# The fetch timeout in these tests: far longer than any page here takes on a loaded machine, so
# that only the page that never answers ever runs into it...
FETCH_TIMEOUT = 60.0
# ...and for the test of that page (`short_fetch_timeout`), which then always times out: /slow
# answers only when the test has ended, however late the client gives up.
SHORT_FETCH_TIMEOUT = 0.5
SLOW_SECONDS = 600.0  # a bound on a thread that `release` normally ends at the test's end


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Any attempt to open a connection fails the test (and is recorded)."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"a connection was attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


@pytest.fixture
def seeded_project(locations: Locations, capsys: pytest.CaptureFixture[str]) -> Location:
    """A project holding the seed article, so that 'unchanged' means something."""
    path = locations.new()
    cli_ok(capsys, "import", path, SEED, "--outlet", "AFP")
    return path


class _Handler(http.server.BaseHTTPRequestHandler):
    release: threading.Event

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass  # keep the test output clean

    def _send(self, status: int, body: bytes, content_type: str, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/article":
            self._send(200, news_page().encode("utf-8"), "text/html; charset=utf-8")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/slow":
            self.release.wait(SLOW_SECONDS)  # set when the test ends: the thread never lingers
            self._send(200, b"<html><body><p>Trop tard.</p></body></html>", "text/html")
        elif self.path == "/huge":
            # No Content-Length: the size is only known by reading, so reading must stop.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 16_000 + b"</p>\n"
            try:
                for _ in range(64):  # 1 MB at most, then the server stops by itself
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client hung up once it had read enough: what we test for
        elif self.path == "/announced-huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
        elif self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/picture":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        else:
            self._send(404, b"not here", "text/plain")


@pytest.fixture
def short_fetch_timeout(monkeypatch: pytest.MonkeyPatch) -> float:
    """A fetch timeout short enough to wait for in a test, for the page that never answers."""
    monkeypatch.setattr(fetch, "TIMEOUT_SECONDS", SHORT_FETCH_TIMEOUT)
    return SHORT_FETCH_TIMEOUT


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A web server on 127.0.0.1 for one test; yields its base URL, then shuts down."""
    for name in ("no_proxy", "NO_PROXY"):  # a proxy set for this machine must not be asked
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(fetch, "TIMEOUT_SECONDS", FETCH_TIMEOUT)
    monkeypatch.setattr(fetch, "MAX_BYTES", 256 * 1024)
    release = threading.Event()
    handler = type("Handler", (_Handler,), {"release": release})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
