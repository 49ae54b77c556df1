"""Dashboard vs a bare template page, and the period PDF vs WeasyPrint alone, as ratios.

Runs on its own scratch database (a temporary SQLite file unless DATABASE_URL is set), loads the
demo data (14 wards, two periods) and times each request or render several times, keeping the median.
"""
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='parindex-bench-')}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

ROUNDS = 15


def median_seconds(action, rounds=ROUNDS) -> float:
    action()  # warm-up: template and font caches
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main():
    from accounts.models import User
    from assessments.models import Period

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    period = Period.objects.get(framework__key="hoangmai-phuong-2024", year=2024)
    client = Client()
    client.force_login(User.objects.get(username="lanhdao"))
    print(f"database: {connection.vendor}; units in period: {period.assessments.count()}; rounds: {ROUNDS}")

    with override_settings(ROOT_URLCONF="benchmarks.bare_urls", DEBUG=False):
        dashboard_url = f"/ket-qua/{period.pk}/"
        assert client.get(dashboard_url).status_code == 200
        executed = []
        # Counted at the cursor: the test settings close the connection after each request.
        with connection.execute_wrapper(lambda execute, sql, params, many, context: executed.append(sql) or execute(sql, params, many, context)):
            client.get(dashboard_url)
        bare = median_seconds(lambda: client.get("/bench/bare/"))
        dashboard = median_seconds(lambda: client.get(dashboard_url))
    print(f"bare template page: {bare * 1000:.1f} ms")
    print(f"dashboard:          {dashboard * 1000:.1f} ms ({len(executed)} SQL queries)")
    print(f"ratio dashboard / bare page: {dashboard / bare:.1f}x")

    from reports import documents
    from reports.pdf import html_to_pdf, render_document_html
    from reports.selectors import period_results

    def period_pdf():
        return documents.period_results_pdf(period=period, results=period_results(period=period))

    html_string = render_document_html(
        template_name=documents.PERIOD_RESULTS_TEMPLATE,
        context=documents.period_results_context(period=period, results=period_results(period=period)),
    )
    # The same HTML string and the same shipped fonts: the difference is ParIndex's own work.
    weasy_only = median_seconds(lambda: html_to_pdf(html_string), rounds=5)
    ours = median_seconds(period_pdf, rounds=5)
    print(f"WeasyPrint on the same HTML: {weasy_only * 1000:.0f} ms")
    print(f"period PDF (ParIndex):       {ours * 1000:.0f} ms")
    print(f"ratio period PDF / WeasyPrint alone: {ours / weasy_only:.2f}x")


if __name__ == "__main__":
    main()
