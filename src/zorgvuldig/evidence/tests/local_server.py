"""A local HTTP server for capture tests (never the network): fixed routes on 127.0.0.1.

Routes: ``/post`` (an HTML article), ``/redirect?to=URL`` (302), ``/loop/N`` (redirects to
N+1 for ever), ``/slow`` (headers, then nothing for 5 s), ``/huge`` (endless body),
``/plain`` (text/plain). Every request's ``Host`` header is kept in ``server.hosts``.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

ARTICLE = (
    b"<!doctype html><html lang='nl'><head><title>Campagne</title></head><body>"
    b"<nav>Home | Over ons</nav><article><h1>Geen regering met steun van partij X</h1>"
    b"<p>Geplaatst op 12 maart 2012. Wij voeren campagne tegen discriminatie en vragen "
    b"iedereen om deze oproep te delen met vrienden en familie.</p>"
    b"<p>Het initiatief bestaat sinds 2010 en heeft duizenden volgers.</p></article>"
    b"<footer>Cookies</footer></body></html>"
)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.hosts.append(self.headers.get("Host", ""))
        parts = urlsplit(self.path)
        if parts.path == "/post":
            self._send(200, ARTICLE, "text/html; charset=utf-8")
        elif parts.path == "/plain":
            self._send(200, b"just text", "text/plain; charset=utf-8")
        elif parts.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", parse_qs(parts.query)["to"][0])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif parts.path.startswith("/loop/"):
            n = int(parts.path.rsplit("/", 1)[1])
            self.send_response(301)
            self.send_header("Location", f"/loop/{n + 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif parts.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.flush()
            time.sleep(5)
        elif parts.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(10_000):
                    self.wfile.write(b"x" * 65536)
            except OSError:
                pass
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    hosts: list[str]


@contextmanager
def local_server() -> Iterator[_Server]:
    """Serve on 127.0.0.1 on a free port for the duration of the block."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.hosts = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def base_url(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_port}"
