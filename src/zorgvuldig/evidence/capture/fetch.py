"""Fetch one URL as evidence: every hop through the address guard, recorded as WARC.

Shapes: :func:`capture_url` takes a URL, :class:`Limits` and the allowed hosts and returns a
:class:`Captured` (the gzipped WARC as bytes, the main text, the hops); on failure it raises
:class:`CaptureError` with a :class:`Failure` code. No Django.

How the connection is pinned: each hop is checked by :func:`.guard.check_url`, which resolves
the host once; the request then goes to that IP address (``Host`` header and TLS SNI carry the
name, so certificates are still checked against it), never to a second DNS answer. Redirects
are followed by hand, each ``Location`` going through the guard again. The request goes
straight to an httpx transport, without a client: no proxy from the environment (it would
connect elsewhere) and no client-side redirect parsing (httpx refuses ``Location: http://0177.
0.0.1/`` with an error of its own, where the guard should say why).

The WARC (ISO 28500, WARC/1.1 via warcio) holds a ``warcinfo`` record, then per hop a
``request`` record (method, path, headers as sent) and a ``response`` record (status line,
headers, body as received, ``WARC-IP-Address`` the checked address). httpx hands over bodies
de-chunked, so a ``Transfer-Encoding`` header is kept as ``X-Archive-Orig-Transfer-Encoding``
(pywb's convention) to keep the record readable.
"""

from __future__ import annotations

import enum
import io
import time
import zlib
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import httpx

from .guard import AddressRefusedError, Refusal, Resolver, Target, system_resolver

TOOL = "zorgvuldig-capture/1 (httpx {httpx}, warcio {warcio})"


class Failure(enum.StrEnum):
    """Why a capture failed; guard refusals keep the guard's codes."""

    SCHEME = Refusal.SCHEME.value
    MALFORMED = Refusal.MALFORMED.value
    CREDENTIALS = Refusal.CREDENTIALS.value
    UNRESOLVED = Refusal.UNRESOLVED.value
    NOT_PUBLIC = Refusal.NOT_PUBLIC.value
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    CONNECTION = "connection"


class CaptureError(Exception):
    """A capture that did not complete; ``failure`` says why, ``detail`` adds the URL or
    address concerned (no stack trace reaches the user)."""

    def __init__(self, failure: Failure, detail: str = "") -> None:
        super().__init__(f"{failure.value}: {detail}")
        self.failure = failure
        self.detail = detail


@dataclass(frozen=True)
class Limits:
    """``timeout``: seconds to connect and between bytes read; ``deadline``: seconds for the
    whole capture; ``max_bytes``: per response body; ``max_redirects``: hops after the
    first."""

    timeout: float = 10.0
    deadline: float = 60.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5


@dataclass(frozen=True)
class Hop:
    url: str
    address: str
    status: int


@dataclass
class Captured:
    """A finished capture: ``warc`` (gzipped WARC bytes), ``text`` (main text, may be
    empty), ``final_url``, ``status`` and ``content_type`` of the last response, ``hops``
    in order, ``started`` (UTC) and ``tool`` (name and versions)."""

    warc: bytes
    text: str
    final_url: str
    status: int
    content_type: str
    started: datetime
    tool: str
    hops: list[Hop] = field(default_factory=list)


#: ``progress(step, detail)``; steps: "connecting", "redirected", "extracting".
Progress = Callable[[str, str], None]


def tool_name() -> str:
    """The tool and library versions written into the WARC and the evidence record."""
    from importlib.metadata import version

    return TOOL.format(httpx=version("httpx"), warcio=version("warcio"))


def capture_url(
    url: str,
    *,
    limits: Limits = Limits(),
    allowed_hosts: Collection[str] = (),
    resolve: Resolver = system_resolver,
    progress: Progress | None = None,
) -> Captured:
    """Fetch ``url`` (GET), following redirects through the guard, into a WARC.

    Raises:
        CaptureError: refused by the guard (at the first hop or any redirect), timed out,
            too large, too many redirects or no connection.
    """
    from warcio.warcwriter import WARCWriter

    report = progress or (lambda step, detail: None)
    started = datetime.now(UTC)
    clock_end = time.monotonic() + limits.deadline
    tool = tool_name()
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True, warc_version="WARC/1.1")
    writer.write_record(
        writer.create_warcinfo_record(
            "capture.warc.gz",
            {"software": tool, "format": "WARC File Format 1.1", "isPartOf": url},
        )
    )
    hops: list[Hop] = []
    current = url
    with httpx.HTTPTransport() as transport:
        while True:
            try:
                target = _check(current, allowed_hosts, resolve)
            except AddressRefusedError as exc:
                raise CaptureError(
                    Failure(exc.reason.value), exc.address or exc.url
                ) from None
            report("connecting", f"{target.host} ({target.address})")
            status, headers, body = _get(transport, target, tool, limits, clock_end)
            _write_hop(writer, target, tool, status, headers, body)
            hops.append(Hop(current, str(target.address), status))
            location = _header(headers, "location")
            if 300 <= status < 400 and location:
                if len(hops) > limits.max_redirects:
                    raise CaptureError(Failure.TOO_MANY_REDIRECTS, current)
                current = urljoin(current, location)
                report("redirected", current)
                continue
            break
    report("extracting", current)
    content_type = _header(headers, "content-type")
    text = _main_text(_decoded(body, headers, limits.max_bytes), content_type, current)
    return Captured(
        warc=buffer.getvalue(),
        text=text,
        final_url=current,
        status=status,
        content_type=content_type,
        started=started,
        tool=tool,
        hops=hops,
    )


def _check(url: str, allowed_hosts: Collection[str], resolve: Resolver) -> Target:
    from .guard import check_url

    return check_url(url, allowed_hosts=allowed_hosts, resolve=resolve)


def _request_headers(target: Target, tool: str) -> list[tuple[str, str]]:
    return [
        ("Host", target.host_header),
        ("User-Agent", tool),
        ("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
        ("Accept-Encoding", "identity"),
        ("Connection", "close"),
    ]


def _get(
    transport: httpx.HTTPTransport,
    target: Target,
    tool: str,
    limits: Limits,
    clock_end: float,
) -> tuple[int, list[tuple[str, str]], bytes]:
    """One GET to the checked address; ``(status, headers, body)``."""
    host = f"[{target.address}]" if target.address.version == 6 else str(target.address)
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    request = httpx.Request(
        "GET",
        f"{target.scheme}://{host}:{target.port}{target.path}",
        headers=_request_headers(target, tool),
        extensions={**extensions, "timeout": httpx.Timeout(limits.timeout).as_dict()},
    )
    try:
        response = transport.handle_request(request)
        try:
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_raw():
                size += len(chunk)
                if size > limits.max_bytes:
                    raise CaptureError(Failure.TOO_LARGE, target.url)
                if time.monotonic() > clock_end:
                    raise CaptureError(Failure.TIMEOUT, target.url)
                chunks.append(chunk)
        finally:
            response.close()
    except httpx.TimeoutException:
        raise CaptureError(Failure.TIMEOUT, target.url) from None
    except httpx.HTTPError:
        raise CaptureError(Failure.CONNECTION, target.url) from None
    headers = [
        (k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw
    ]
    return response.status_code, headers, b"".join(chunks)


def _write_hop(
    writer: Any,
    target: Target,
    tool: str,
    status: int,
    headers: list[tuple[str, str]],
    body: bytes,
) -> None:
    from http import HTTPStatus

    from warcio.statusandheaders import StatusAndHeaders

    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = ""
    recorded = [
        ("X-Archive-Orig-Transfer-Encoding", v)
        if k.lower() == "transfer-encoding"
        else (k, v)
        for k, v in headers
    ]
    ip = {"WARC-IP-Address": str(target.address)}
    response = writer.create_warc_record(
        target.url,
        "response",
        payload=io.BytesIO(body),
        http_headers=StatusAndHeaders(
            f"{status} {phrase}".strip(), recorded, protocol="HTTP/1.1"
        ),
        warc_headers_dict=ip,
    )
    request = writer.create_warc_record(
        target.url,
        "request",
        payload=io.BytesIO(b""),
        http_headers=StatusAndHeaders(
            f"GET {target.path} HTTP/1.1",
            _request_headers(target, tool),
            is_http_request=True,
        ),
        warc_headers_dict={
            **ip,
            "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
        },
    )
    writer.write_record(request)
    writer.write_record(response)


def _header(headers: list[tuple[str, str]], name: str) -> str:
    for key, value in headers:
        if key.lower() == name:
            return value
    return ""


def _decoded(body: bytes, headers: list[tuple[str, str]], max_bytes: int) -> bytes:
    """The body without a gzip/deflate content coding, at most ``max_bytes``; the WARC keeps
    the body as received."""
    coding = _header(headers, "content-encoding").lower()
    if coding not in {"gzip", "deflate", "x-gzip"}:
        return body
    try:
        return zlib.decompressobj(47).decompress(body, max_bytes)
    except zlib.error:
        return b""


def _main_text(body: bytes, content_type: str, url: str) -> str:
    """The page's main text by trafilatura (HTML), or the body itself (plain text)."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == "text/plain":
        return body.decode("utf-8", errors="replace")
    if kind not in {"text/html", "application/xhtml+xml", ""} or not body:
        return ""
    import trafilatura

    return trafilatura.extract(body, url=url, include_comments=False) or ""
