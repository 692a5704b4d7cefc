"""Where the case page spends its time: wall time, SQL queries and a profile of one case.

Usage::

    ZORGVULDIG_VAR_DIR=/tmp/zv-profile .venv/bin/python benchmarks/case_page_profile.py
    DATABASE_URL=postgres://zorgvuldig:zorgvuldig@127.0.0.1:5432/zv_bench_profile \\
        .venv/bin/python benchmarks/case_page_profile.py --user bench --case 50001

Without ``--case`` it migrates the database, loads the demo (``zorgvuldig demo``) and brings
the demo case (the 2012 ambassador questions) to "answer drafted" through the services, with
two evidence files, so every section of the page has content. It then renders the page
through Django's test client: a few warm-up requests, ``--requests`` timed ones (median and
90th percentile), the queries of one request (count, time, the slowest and the repeated
ones) and a cProfile of the timed requests (``--top`` functions by own and by cumulative
time). The figures are for people; no test asserts a wall time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def demo_case() -> tuple[str, int]:
    """The demo case brought to "answer drafted" (once); returns (username, case id)."""
    import datetime as dt

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command

    from zorgvuldig.core.models import User
    from zorgvuldig.demo import load_demo
    from zorgvuldig.evidence import services as evidence
    from zorgvuldig.inquiries import services
    from zorgvuldig.inquiries.choices import AdviceKind, MeasureCategory, State
    from zorgvuldig.inquiries.models import Inquiry

    call_command("migrate", verbosity=0, interactive=False)
    load_demo()
    users = {u.role: u for u in User.objects.filter(username__in=_DEMO_USERS)}
    handler, hr, legal = (
        users["case_handler"],
        users["hr_advisor"],
        users["legal_advisor"],
    )
    inquiry = Inquiry.objects.filter(organisation=handler.organisation).first()
    if not inquiry.assignees.filter(pk=handler.pk).exists():
        inquiry.assignees.add(handler)  # the demo leaves assigning to the handler
    if inquiry.state == State.REGISTERED:
        services.record_facts(
            actor=handler,
            inquiry=inquiry,
            facts="De ambassadeur vond in maart 2010 een Facebookpagina leuk. " * 8,
        )
        inquiry = services.establish_facts(actor=handler, inquiry=inquiry)
        services.record_hearing(
            actor=hr,
            inquiry=inquiry,
            held_on=dt.date(2012, 2, 6),
            present="ambassadeur, HR-adviseur",
            account="Ik vond de pagina in 2010 leuk; ik heb de like ingetrokken. " * 5,
        )
        services.record_advice(
            actor=hr, inquiry=inquiry, kind=AdviceKind.HR, text="Een gesprek volstaat."
        )
        services.record_advice(
            actor=legal,
            inquiry=inquiry,
            kind=AdviceKind.LEGAL,
            text="Art. 125a Ambtenarenwet: terughoudendheid in uitingen.",
        )
        inquiry = services.complete_advice(actor=handler, inquiry=inquiry)
        services.record_measure(
            actor=hr,
            inquiry=inquiry,
            category=MeasureCategory.INFORMAL,
            term="aangesproken",
            decided_on=dt.date(2012, 2, 9),
        )
        inquiry = services.decide_measure(actor=hr, inquiry=inquiry)
        answers = {
            q.number: f"Ja. Het antwoord op vraag {q.number} luidt als volgt. " * 3
            for q in inquiry.questions.all()
        }
        services.save_answers(actor=handler, inquiry=inquiry, answers=answers)
        for n in (1, 2):
            evidence.add_evidence(
                actor=handler,
                inquiry=inquiry,
                upload=SimpleUploadedFile(f"bewijs-{n}.txt", b"schermafdruk " * 200),
                description=f"Schermafdruk {n}",
            )
        services.submit_draft_answer(actor=handler, inquiry=inquiry)
    return handler.username, inquiry.pk


_DEMO_USERS = ("behandelaar", "hr", "jurist")


def measure(username: str, case: int, requests: int, top: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from zorgvuldig.core.models import User

    client = Client(headers={"accept-language": "nl"})
    client.force_login(User.objects.get(username=username))
    url = reverse("inquiries:detail", args=[case])

    def get() -> int:
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        return len(response.content)

    for _ in range(3):
        size = get()
    times, cpu = [], []
    for _ in range(requests):
        start, start_cpu = time.perf_counter(), time.process_time()
        get()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    timed: list[tuple[float, str]] = []

    def timer(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timed.append(((time.perf_counter() - start) * 1000, sql))

    with CaptureQueriesContext(connection) as ctx, connection.execute_wrapper(timer):
        start = time.perf_counter()
        get()
        traced = (time.perf_counter() - start) * 1000
    sql_ms = sum(t for t, _ in timed)
    print(f"case page {url} for {username}: {size} bytes, {connection.vendor}")
    print(
        f"wall time over {requests} requests: median {statistics.median(times):.1f} ms, "
        f"p90 {times[int(len(times) * 0.9) - 1]:.1f} ms; CPU of this process (the "
        f"database server's excluded) median {statistics.median(cpu):.1f} ms"
    )
    print(
        f"one request with queries traced: {traced:.1f} ms, "
        f"{len(ctx.captured_queries)} queries, {sql_ms:.1f} ms in SQL"
    )
    for ms, sql in sorted(timed, key=lambda t: -t[0])[:6]:
        print(f"  {ms:6.2f} ms  {sql[:150]}")
    shapes = Counter(re.sub(r"\b\d+\b", "N", q["sql"]) for q in ctx.captured_queries)
    for sql, n in shapes.most_common():
        if n > 1:
            print(f"  repeated {n}x: {sql[:150]}")

    profile = cProfile.Profile()
    profile.enable()
    for _ in range(requests):
        get()
    profile.disable()
    for order, only in (("tottime", ""), ("cumulative", "src/zorgvuldig")):
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out).sort_stats(order)
        stats.print_stats(*([only] if only else []), top)
        print(f"\n--- profile of {requests} requests by {order} {only} ---")
        print(out.getvalue().split("\n", 6)[-1].rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--user", help="user name (with --case); default: the demo")
    parser.add_argument("--case", type=int, help="case id (with --user)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgvuldig.conf.dev")
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    if args.case:
        username, case = args.user, args.case
    else:
        username, case = demo_case()
    measure(username, case, args.requests, args.top)


if __name__ == "__main__":
    main()
