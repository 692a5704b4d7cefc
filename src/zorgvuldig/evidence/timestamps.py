"""Trusted timestamps (issue 12, step 3): RFC 3161 tokens over an item's manifest.

Public surface: :func:`timestamp_item`, :func:`check_token`, :func:`authorities`,
:class:`TimestampError`.

Each authority in ``ZORGVULDIG_TIMESTAMP_AUTHORITIES`` (``[{"url": …, "chain": PEM file}]``,
docs/configuration.md) is asked for a token over the SHA-256 of the manifest
(:mod:`zorgvuldig.evidence.manifest`). The whole time-stamp response (DER) is stored with
the authority's certificate chain (PEM), so that anyone can check it later with
``openssl ts -verify -data manifest.json -in token.tsr -CAfile chain.pem``. Requests go
through httpx with a timeout (``ZORGVULDIG_TIMESTAMP_TIMEOUT``, seconds); a failing
authority is reported and the others are still asked. Sources: RFC 3161 §2.4 (request and
response), rfc3161-client's ``VerifierBuilder``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings

import httpx
import rfc3161_client
from cryptography import x509

from .custody import append_custody
from .manifest import manifest_of
from .models import CustodyAction, EvidenceItem, TimestampToken


class TimestampError(Exception):
    """An authority did not give a valid token; the message says which and why."""


@dataclass(frozen=True)
class Authority:
    url: str
    chain_pem: str


def authorities() -> list[Authority]:
    """The configured timestamp authorities (empty: timestamps are off)."""
    return [
        Authority(url=entry["url"], chain_pem=Path(entry["chain"]).read_text())
        for entry in settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES
    ]


def _certificates(chain_pem: str) -> list[x509.Certificate]:
    return x509.load_pem_x509_certificates(chain_pem.encode())


def check_token(response_der: bytes, chain_pem: str, message: bytes) -> Any:
    """Verify one stored time-stamp response over ``message`` against ``chain_pem``.

    Returns:
        The token's ``tst_info`` (``gen_time``, ``serial_number``, ``message_imprint``).

    Raises:
        TimestampError: not decodable, not granted, not signed by a certificate chaining
            to the chain's self-signed root, or over another message.
    """
    try:
        response = rfc3161_client.decode_timestamp_response(response_der)
        builder = rfc3161_client.VerifierBuilder()
        for cert in _certificates(chain_pem):
            if cert.issuer == cert.subject:
                builder = builder.add_root_certificate(cert)
            else:
                builder = builder.add_intermediate_certificate(cert)
        builder.build().verify_message(response, message)
    except (ValueError, rfc3161_client.VerificationError) as exc:
        raise TimestampError(str(exc) or type(exc).__name__) from None
    return response.tst_info


def request_token(
    authority: Authority,
    message: bytes,
    *,
    transport: httpx.BaseTransport | None = None,
) -> bytes:
    """Ask ``authority`` for a token over ``message``; return the verified response (DER).

    Raises:
        TimestampError: the authority could not be reached, refused, or answered with a
            token that does not verify.
    """
    request = (
        rfc3161_client.TimestampRequestBuilder()
        .data(message)
        .nonce(nonce=True)
        .cert_request(cert_request=True)
        .build()
    )
    try:
        with httpx.Client(
            timeout=settings.ZORGVULDIG_TIMESTAMP_TIMEOUT,
            follow_redirects=False,
            transport=transport,
        ) as client:
            reply = client.post(
                authority.url,
                content=request.as_bytes(),
                headers={"Content-Type": "application/timestamp-query"},
            )
    except httpx.HTTPError as exc:
        raise TimestampError(f"{authority.url}: {exc}") from None
    if reply.status_code != 200:
        raise TimestampError(f"{authority.url}: HTTP {reply.status_code}")
    try:
        info = check_token(reply.content, authority.chain_pem, message)
    except TimestampError as exc:
        raise TimestampError(f"{authority.url}: {exc}") from None
    if request.nonce is not None and info.nonce != request.nonce:
        raise TimestampError(f"{authority.url}: nonce mismatch")
    return reply.content


def timestamp_item(
    item: EvidenceItem,
    *,
    transport: httpx.BaseTransport | None = None,
    skip: frozenset[str] = frozenset(),
) -> tuple[list[TimestampToken], list[str]]:
    """Take a token over ``item``'s manifest from every configured authority whose URL is
    not in ``skip`` (those that already gave one).

    Returns:
        ``(tokens stored, problems)``: one problem line per authority that failed (an
        authority whose chain file cannot be read counts as failed). A custody entry
        ``timestamped`` names the authorities that answered.
    """
    message = manifest_of(item)
    tokens, problems = [], []
    for entry in settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES:
        if entry["url"] in skip:
            continue
        try:
            authority = Authority(
                url=entry["url"], chain_pem=Path(entry["chain"]).read_text()
            )
            der = request_token(authority, message, transport=transport)
        except OSError as exc:
            problems.append(f"{entry['url']}: chain {entry['chain']}: {exc.strerror}")
            continue
        except TimestampError as exc:
            problems.append(str(exc))
            continue
        info = rfc3161_client.decode_timestamp_response(der).tst_info
        tokens.append(
            TimestampToken.objects.create(
                item=item,
                authority=authority.url,
                response=der,
                chain_pem=authority.chain_pem,
                message_sha256=item.manifest_sha256,
                gen_time=_aware(info.gen_time),
            )
        )
    if tokens:
        append_custody(
            inquiry=item.inquiry,
            action=CustodyAction.TIMESTAMPED,
            actor=None,
            item=item,
            details={"authorities": [t.authority for t in tokens]},
        )
    return tokens, problems


def _aware(moment: datetime) -> datetime:
    """A token's time in UTC (RFC 3161 GeneralizedTime is UTC; the parser may drop it)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
