"""Capturing a URL to WARC against a local server the test starts (never the network)."""

from __future__ import annotations

import io

import pytest
from warcio.archiveiterator import ArchiveIterator

from zorgvuldig.evidence.capture.fetch import (
    CaptureError,
    Failure,
    Limits,
    capture_url,
)

from .local_server import base_url, local_server

LOCAL = ["127.0.0.1"]


@pytest.fixture
def server():
    with local_server() as s:
        yield s


def records(warc: bytes):
    out = []
    for record in ArchiveIterator(io.BytesIO(warc)):
        body = record.content_stream().read()
        out.append((record, body))
    return out


def test_capture_holds_request_and_response_with_headers_and_main_text(server):
    url = f"{base_url(server)}/post"
    captured = capture_url(url, allowed_hosts=LOCAL)
    assert captured.status == 200
    assert "Geen regering met steun van partij X" in captured.text
    assert "Cookies" not in captured.text  # main text only
    kinds = [
        (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"))
        for r, _ in records(captured.warc)
    ]
    assert kinds == [("warcinfo", None), ("request", url), ("response", url)]
    (_, _), (request, _), (response, body) = records(captured.warc)
    assert request.http_headers.get_header("Host") == f"127.0.0.1:{server.server_port}"
    assert response.http_headers.get_statuscode() == "200"
    assert response.http_headers.get_header("Content-Type").startswith("text/html")
    assert response.rec_headers.get_header("WARC-IP-Address") == "127.0.0.1"
    assert request.rec_headers.get_header(
        "WARC-Concurrent-To"
    ) == response.rec_headers.get_header("WARC-Record-ID")
    assert b"partij X" in body
    assert "warcio" in captured.tool and "httpx" in captured.tool


def test_local_server_is_refused_unless_allowed(server):
    with pytest.raises(CaptureError) as info:
        capture_url(f"{base_url(server)}/post")
    assert info.value.failure is Failure.NOT_PUBLIC
    assert server.hosts == []  # refused before any connection


@pytest.mark.parametrize(
    "target",
    [
        "http://localhost:{port}/post",
        "http://[::1]:{port}/post",
        "http://2130706434:{port}/post",  # 127.0.0.2: 127.0.0.1 is allowed here
        "http://0177.0.0.2:{port}/post",
        "http://0.0.0.0:{port}/post",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:127.0.0.2]:{port}/post",
    ],
)
def test_redirect_to_a_non_public_address_is_refused(server, target):
    to = target.format(port=server.server_port)
    with pytest.raises(CaptureError) as info:
        capture_url(
            f"{base_url(server)}/redirect?to={to}",
            allowed_hosts=LOCAL,
            resolve=lambda host, port: ["127.0.0.1"],
        )
    assert info.value.failure is Failure.NOT_PUBLIC
    assert len(server.hosts) == 1  # only the first hop reached a server


def test_redirects_are_followed_and_recorded_hop_by_hop(server):
    url = f"{base_url(server)}/redirect?to=/post"
    captured = capture_url(url, allowed_hosts=LOCAL)
    assert [h.status for h in captured.hops] == [302, 200]
    assert captured.final_url == f"{base_url(server)}/post"
    responses = [r for r, _ in records(captured.warc) if r.rec_type == "response"]
    assert [r.http_headers.get_statuscode() for r in responses] == ["302", "200"]


def test_too_many_redirects(server):
    with pytest.raises(CaptureError) as info:
        capture_url(
            f"{base_url(server)}/loop/0",
            allowed_hosts=LOCAL,
            limits=Limits(max_redirects=3),
        )
    assert info.value.failure is Failure.TOO_MANY_REDIRECTS
    assert len(server.hosts) == 4


def test_timeout(server):
    with pytest.raises(CaptureError) as info:
        capture_url(
            f"{base_url(server)}/slow", allowed_hosts=LOCAL, limits=Limits(timeout=0.3)
        )
    assert info.value.failure is Failure.TIMEOUT


def test_body_larger_than_the_limit_is_refused_while_streaming(server):
    with pytest.raises(CaptureError) as info:
        capture_url(
            f"{base_url(server)}/huge",
            allowed_hosts=LOCAL,
            limits=Limits(max_bytes=256 * 1024),
        )
    assert info.value.failure is Failure.TOO_LARGE


def test_connection_refused_is_reported():
    with local_server() as s:
        port = s.server_port
    with pytest.raises(CaptureError) as info:
        capture_url(f"http://127.0.0.1:{port}/post", allowed_hosts=LOCAL)
    assert info.value.failure is Failure.CONNECTION


def test_connection_goes_to_the_checked_address_not_a_second_dns_answer(server):
    """DNS rebinding: the name resolves once per hop, and the request goes to that address
    (the system resolver does not know ``capture.test``; only the checked address works),
    with the name in the Host header."""
    answers = iter([["127.0.0.1"], ["10.9.9.9"]])
    calls = []

    def rebinding(host, port):
        calls.append(host)
        return next(answers)

    captured = capture_url(
        f"http://capture.test:{server.server_port}/post",
        allowed_hosts=["capture.test"],
        resolve=rebinding,
    )
    assert captured.status == 200
    assert calls == ["capture.test"]
    assert server.hosts == [f"capture.test:{server.server_port}"]


def test_plain_text_is_kept_as_text(server):
    captured = capture_url(f"{base_url(server)}/plain", allowed_hosts=LOCAL)
    assert captured.text == "just text"


def test_not_found_is_still_a_capture(server):
    captured = capture_url(f"{base_url(server)}/gone", allowed_hosts=LOCAL)
    assert captured.status == 404
