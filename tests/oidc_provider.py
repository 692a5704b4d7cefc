"""A real OpenID Connect provider on loopback for the single sign-on tests: npm's
``oidc-provider`` (panva, MIT) run with node by ``tests/oidc/provider.mjs``.

Install it once with ``cd tests/oidc && npm ci`` (``.ci/run`` does). Tests that need it
carry :data:`provider_needed`, which skips them with the reason when node or the package is
missing.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.test import override_settings

import pytest

OIDC_DIR = Path(__file__).resolve().parent / "oidc"
NODE = shutil.which("node")
CLIENT_ID = "zorgvuldig"
CLIENT_SECRET = "test-only-client-secret-of-sufficient-length"

provider_needed = [
    pytest.mark.skipif(
        NODE is None, reason="single sign-on tests need node (apt-get install nodejs)"
    ),
    pytest.mark.skipif(
        not (OIDC_DIR / "node_modules" / "oidc-provider").is_dir(),
        reason="single sign-on tests need the npm package oidc-provider: "
        "cd tests/oidc && npm ci",
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_provider(
    redirect_uris: list[str], accounts: dict[str, dict[str, Any]]
) -> Iterator[str]:
    """Run the provider for a client ``CLIENT_ID`` with ``redirect_uris`` and the given
    accounts (``{account id: claims}``); yields its issuer URL."""
    env = {
        **os.environ,
        "OIDC_PORT": str(_free_port()),
        "OIDC_CLIENT_ID": CLIENT_ID,
        "OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_REDIRECT_URIS": ",".join(redirect_uris),
        "OIDC_ACCOUNTS": json.dumps(accounts),
    }
    process = subprocess.Popen(
        [str(NODE), "provider.mjs"],
        cwd=OIDC_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:  # development-key warnings come first
            if line.startswith("ready "):
                break
        else:
            pytest.fail(f"the OIDC provider did not start (exit {process.wait()})")
        yield line.split()[1]
    finally:
        process.terminate()
        process.wait(timeout=10)


def sso_settings(issuer: str, **more: Any) -> override_settings:
    """The product's settings for single sign-on through the provider at ``issuer``."""
    return override_settings(
        ZORGVULDIG_OIDC_ISSUER=issuer,
        OIDC_RP_CLIENT_ID=CLIENT_ID,
        OIDC_RP_CLIENT_SECRET=CLIENT_SECRET,
        OIDC_OP_AUTHORIZATION_ENDPOINT=f"{issuer}/auth",
        OIDC_OP_TOKEN_ENDPOINT=f"{issuer}/token",
        OIDC_OP_USER_ENDPOINT=f"{issuer}/me",
        OIDC_OP_JWKS_ENDPOINT=f"{issuer}/jwks",
        **more,
    )
