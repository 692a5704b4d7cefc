"""A local RFC 3161 timestamp authority for tests: Debian's ``openssl ts -reply`` behind a
small HTTP server on 127.0.0.1, with a throw-away CA made for the test. Never the network.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TS_CONFIG = """
[ tsa ]
default_tsa = tsa_config1
[ tsa_config1 ]
dir = {dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.crt
signer_key = $dir/tsa.key
# No "certs =": openssl then lists the certificates in a SET order that is not DER
# order, which rfc3161-client refuses (InvalidSetOrdering); the CA is in the chain file.
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""
EXTENSIONS = (
    "basicConstraints=critical,CA:FALSE\n"
    "keyUsage=critical,digitalSignature\n"
    "extendedKeyUsage=critical,timeStamping\n"
)


def _run(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_authority(folder: Path, name: str = "Test") -> Path:
    """Make a CA and a TSA certificate in ``folder``; return the chain file (the CA)."""
    folder.mkdir(parents=True, exist_ok=True)
    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes")
    _run("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
         "-subj", f"/CN={name} CA",
         "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=folder)  # fmt: skip
    _run("req", *ec, "-keyout", "tsa.key", "-out", "tsa.csr",
         "-subj", f"/CN={name} TSA", cwd=folder)  # fmt: skip
    (folder / "ext.cnf").write_text(EXTENSIONS)
    _run("x509", "-req", "-in", "tsa.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
         "-CAcreateserial", "-out", "tsa.crt", "-days", "2",
         "-extfile", "ext.cnf", cwd=folder)  # fmt: skip
    (folder / "serial").write_text("01\n")
    (folder / "ts.cnf").write_text(TS_CONFIG.format(dir=folder))
    return folder / "ca.crt"


@dataclass
class LocalAuthority:
    url: str
    chain: Path
    folder: Path


@contextmanager
def local_authority(folder: Path, name: str = "Test") -> Iterator[LocalAuthority]:
    """Run a timestamp authority on 127.0.0.1 for the duration of the block."""
    chain = make_authority(folder, name)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            query = self.rfile.read(int(self.headers["Content-Length"]))
            reply = subprocess.run(
                ["openssl", "ts", "-reply", "-config", "ts.cnf",
                 "-queryfile", "/dev/stdin", "-out", "/dev/stdout"],
                input=query, cwd=folder, capture_output=True, check=True,
            ).stdout  # fmt: skip
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalAuthority(f"http://127.0.0.1:{server.server_port}/", chain, folder)
    finally:
        server.shutdown()
        server.server_close()
