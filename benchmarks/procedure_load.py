"""Dashboard and case page latency with 100,000 cases in PostgreSQL, 20 concurrent users.

Usage (needs PostgreSQL, Debian's ``wrk`` and ``pip install gunicorn``)::

    DATABASE_URL=postgres://zorgvuldig:zorgvuldig@127.0.0.1:5432/zv_bench \\
        .venv/bin/python benchmarks/procedure_load.py [--cases 100000] [--seconds 15] \\
            [--port 8765]

Seeds the cases once (bulk inserts; re-runs reuse them), serves the product with gunicorn on
loopback, logs in as a case handler assigned to every case, and drives three pages with wrk
(20 connections): a trivial view (``/healthz``), the dashboard and one case page. Prints p50
and p95 latency, requests per second, and each page's p50 as a ratio to the trivial view.
No test asserts a wall time; this prints figures for people.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

PORT = 8765
LUA = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT p50=%.2f p95=%.2f rps=%.1f errors=%d\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
"""


def seed(n: int) -> tuple[str, int]:
    """Create the benchmark organisation, user and ``n`` cases if absent; return the user
    name and the id of one case to open."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgvuldig.conf.dev")
    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from zorgvuldig.core.models import Organisation, User
    from zorgvuldig.inquiries.models import Inquiry, Question

    call_command("migrate", verbosity=0, interactive=False)
    org, _ = Organisation.objects.get_or_create(name="Benchmark Ministerie")
    user, created = User.objects.get_or_create(
        username="bench", defaults={"role": "case_handler", "organisation": org}
    )
    if created:
        user.set_password("bench-password")
        user.save()
    have = Inquiry.objects.filter(organisation=org).count()
    start = time.perf_counter()
    through = Inquiry.assignees.through
    batch = 5000
    for offset in range(have, n, batch):
        with transaction.atomic():
            rows = Inquiry.objects.bulk_create(
                Inquiry(
                    organisation=org,
                    subject=f"Vragen over een uiting {i}",
                    submitted=dt.date(2026, 1, 1) + dt.timedelta(days=i % 330),
                    deadline=dt.date(2026, 1, 22) + dt.timedelta(days=i % 330),
                    askers=[{"name": f"Lid {i % 150}", "party": "PVV"}],
                )
                for i in range(offset, min(offset + batch, n))
            )
            through.objects.bulk_create(
                through(inquiry_id=r.pk, user_id=user.pk) for r in rows
            )
            Question.objects.bulk_create(
                Question(inquiry=r, number=k, text=f"Vraag {k}?")
                for r in rows
                for k in (1, 2)
            )
    if have < n:
        print(f"seeded {n - have} cases in {time.perf_counter() - start:.0f} s")
    case = (
        Inquiry.objects.filter(organisation=org)
        .order_by("pk")
        .values_list("pk", flat=True)[n // 2]
    )
    return user.username, case


def port_in_use(port: int) -> bool:
    """Whether something already listens on ``port`` (another server would be measured)."""
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def serve() -> subprocess.Popen:
    gunicorn = shutil.which("gunicorn") or str(Path(sys.executable).parent / "gunicorn")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "zorgvuldig.conf.dev"}
    proc = subprocess.Popen(
        [
            gunicorn,
            "zorgvuldig.wsgi:application",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            "4",
            "--log-level",
            "warning",
        ],
        env=env,
    )
    for _ in range(100):
        try:
            httpx.get(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("gunicorn did not start")


def login(username: str) -> str:
    with httpx.Client(base_url=f"http://127.0.0.1:{PORT}") as client:
        page = client.get("/login/")
        token = re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text
        ).group(1)
        client.post(
            "/login/",
            data={
                "username": username,
                "password": "bench-password",
                "csrfmiddlewaretoken": token,
            },
            headers={"Referer": f"http://127.0.0.1:{PORT}/login/"},
        )
        return client.cookies["sessionid"]


def wrk(path: str, session: str, seconds: int, script: str) -> dict[str, float]:
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            "-c20",
            f"-d{seconds}s",
            "-s",
            script,
            "-H",
            f"Cookie: sessionid={session}",
            f"http://127.0.0.1:{PORT}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    m = re.search(r"RESULT p50=([\d.]+) p95=([\d.]+) rps=([\d.]+) errors=(\d+)", out)
    return {
        "p50": float(m[1]),
        "p95": float(m[2]),
        "rps": float(m[3]),
        "errors": int(m[4]),
    }


def main() -> None:
    global PORT  # one setting for the helpers of this script
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument(
        "--port", type=int, default=PORT, help="loopback port to serve on"
    )
    args = parser.parse_args()
    PORT = args.port
    if port_in_use(PORT):
        raise SystemExit(f"port {PORT} is in use; choose another with --port")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit(
            "set DATABASE_URL to a PostgreSQL database (this benchmark is for PostgreSQL)"
        )
    if not shutil.which("wrk"):
        raise SystemExit("needs wrk: apt-get install wrk")
    username, case = seed(args.cases)
    proc = serve()
    try:
        session = login(username)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
            f.write(LUA)
        results = {
            "trivial (/healthz)": wrk("/healthz", session, args.seconds, f.name),
            "dashboard (/inquiries/)": wrk(
                "/inquiries/", session, args.seconds, f.name
            ),
            f"case page (/inquiries/{case}/)": wrk(
                f"/inquiries/{case}/", session, args.seconds, f.name
            ),
        }
    finally:
        proc.terminate()
        proc.wait()
    base = results["trivial (/healthz)"]["p50"]
    print(
        f"{args.cases} cases, 20 concurrent connections, {args.seconds} s per page, "
        "4 gunicorn workers"
    )
    print(
        f"{'page':40} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'p50/trivial':>12} errors"
    )
    for name, r in results.items():
        print(
            f"{name:40} {r['p50']:8.1f} {r['p95']:8.1f} {r['rps']:8.1f} "
            f"{r['p50'] / base:12.1f} {r['errors']}"
        )


if __name__ == "__main__":
    main()
