"""RFC 3161 tokens over each manifest's hash, from a local authority run with openssl."""

from __future__ import annotations

import subprocess

import pytest

from zorgvuldig.evidence import services, timestamps
from zorgvuldig.evidence.manifest import manifest_of
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry

from .tsa import local_authority

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_authorities(tmp_path, settings):
    with (
        local_authority(tmp_path / "a", "Alpha") as a,
        local_authority(tmp_path / "b", "Beta") as b,
    ):
        settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES = [
            {"url": a.url, "chain": str(a.chain)},
            {"url": b.url, "chain": str(b.chain)},
        ]
        yield a, b


def test_each_authority_gives_a_token_over_the_manifest(two_authorities, tmp_path):
    team = Team()
    inquiry = build_inquiry(team)
    item = services.add_note(actor=team.handler, inquiry=inquiry, text="A like, 2010")
    tokens, problems = timestamps.timestamp_item(item)
    assert problems == []
    assert len(tokens) == 2
    manifest = manifest_of(item)
    for token in tokens:
        info = timestamps.check_token(bytes(token.response), token.chain_pem, manifest)
        assert info.gen_time is not None
        # A third party repeats it with openssl alone.
        (tmp_path / "m.json").write_bytes(manifest)
        (tmp_path / "t.tsr").write_bytes(bytes(token.response))
        (tmp_path / "c.pem").write_text(token.chain_pem)
        out = subprocess.run(
            ["openssl", "ts", "-verify", "-data", "m.json", "-in", "t.tsr",
             "-CAfile", "c.pem"],
            cwd=tmp_path, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert out.returncode == 0, out.stderr
        assert "Verification: OK" in out.stdout


def test_a_token_over_another_manifest_fails(two_authorities):
    team = Team()
    inquiry = build_inquiry(team)
    item = services.add_note(actor=team.handler, inquiry=inquiry, text="A like, 2010")
    (token, _other), _ = timestamps.timestamp_item(item)
    with pytest.raises(timestamps.TimestampError):
        timestamps.check_token(bytes(token.response), token.chain_pem, b"other")


def test_an_unreachable_authority_is_reported_and_the_others_asked(
    two_authorities, settings
):
    a, _b = two_authorities
    settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES = [
        {"url": "http://127.0.0.1:9/", "chain": str(a.chain)},
        *settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES,
    ]
    team = Team()
    item = services.add_note(
        actor=team.handler, inquiry=build_inquiry(team), text="seen"
    )
    tokens, problems = timestamps.timestamp_item(item)
    assert len(tokens) == 2
    assert len(problems) == 1
    assert "127.0.0.1:9" in problems[0]
