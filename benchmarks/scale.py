"""Results pages, index report, publication and PDF at the scale of a city: ``--units N`` wards.

Builds its own data on a scratch database (a temporary SQLite file unless DATABASE_URL is set): N wards
on ``hoangmai-phuong-2024``, spread over ``--organisers K`` districts of one city (each district running
its own periods), every leaf self-scored and appraised, survey points, a published previous year. Times
each page or command several times (median) and prints one JSON object on its last line: units,
organisers, bare_ms, floor_ms, dashboard_ms, dashboard_queries, ranking_ms, ranking_queries, entry_ms,
entry_queries, index_json_ms, unit_report_ms, what_if_ms, what_if_queries, annual_docx_ms, publish_ms, publish_queries, period_pdf_ms, weasyprint_ms.
The dashboard, the publication and the pages of one unit are the first district's; the ranking is the
city leadership's across every district.
"""
import argparse
import hashlib
import io
import json
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='parindex-scale-')}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.db import connections  # noqa: E402

# As in production (config.settings.base): connections kept between requests. The test settings close
# them after each request, which makes every page pay a new PostgreSQL backend's cold caches.
connections["default"].settings_dict["CONN_MAX_AGE"] = 60

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402

FRAMEWORK = "hoangmai-phuong-2024"
SHARES = [Decimal(1), Decimal(1), Decimal("0.75"), Decimal("0.5"), Decimal(0)]


def median_ms(action, rounds: int) -> float:
    action()  # warm-up: template, tree and font caches
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return round(statistics.median(timings) * 1000, 1)


class QueryCounter:
    """Counts SQL statements at the cursor (the test settings close the connection after each request)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def counted(action) -> int:
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        action()
    return counter.count


def share(*parts) -> Decimal:
    return SHARES[hashlib.sha256("/".join(parts).encode()).digest()[0] % len(SHARES)]


def build(units: int, organisers: int = 1):
    """N wards over K districts (ward n in district n mod K), two years scored and appraised in each
    district's own periods; the earlier years are left for ``publish`` to publish. Returns the first
    district's office and its two periods."""
    from accounts.models import Role, User
    from appraisal.models import AppraisedScore
    from assessments.models import Assessment, SelfScore
    from assessments.results import results_refresh
    from assessments.services import period_open
    from assessments.workflow import Status
    from frameworks.models import Framework
    from frameworks.points import quantize_points
    from frameworks.selectors import tree_for
    from organizations.models import Unit, UnitKind
    from surveys.models import SurveyPart, SurveyResult

    call_command("migrate", verbosity=0)
    call_command("load_frameworks", stdout=io.StringIO(), stderr=io.StringIO())
    city = Unit.objects.create(code="BENCH-CITY", name="Thành phố Thử", kind=UnitKind.CITY)
    districts = Unit.objects.bulk_create(
        Unit(code="BENCH" if organisers == 1 else f"BENCH-D{d:02d}", name=f"Quận Thử {d + 1}",
             kind=UnitKind.DISTRICT, parent=city, order=d)
        for d in range(organisers)
    )
    Unit.objects.bulk_create(
        Unit(code=f"BENCH-W-{n:04d}", name=f"Phường Thử {n}", kind=UnitKind.WARD, parent=districts[n % organisers],
             framework_family="hoangmai-phuong", order=n)
        for n in range(units)
    )
    offices = [User.objects.create(username=f"bench-office-{d}", role=Role.SECRETARIAT, unit=district)
               for d, district in enumerate(districts)]
    framework = Framework.objects.get(key=FRAMEWORK)
    tree = tree_for(framework)
    first_periods = []
    for office, year in ((office, year) for office in offices for year in (2023, 2024)):
        period = period_open(framework=framework, year=year, by=office)
        assessments = list(period.assessments.select_related("unit", "period__framework"))
        # Benchmark data only: bulk rows and statuses, around the services (as the demo does).
        for model, salt in ((SelfScore, "self"), (AppraisedScore, "appraised")):
            model.objects.bulk_create(
                (model(assessment=a, node_id=leaf.pk,
                       value=quantize_points(leaf.max_points * share(str(year), salt, a.unit.code, leaf.code)))
                 for a in assessments for leaf in tree.leaves),
                batch_size=5000,
            )
        part = SurveyPart.objects.create(period=period, method="dtxhh", max_points=framework.survey_max_points)
        SurveyResult.objects.bulk_create(
            SurveyResult(assessment=a, part=part,
                         points=quantize_points(20 + 10 * share(str(year), "survey", a.unit.code)))
            for a in assessments
        )
        Assessment.objects.filter(period=period).update(status=Status.APPRAISED)
        results_refresh(assessments)
        if office == offices[0]:
            first_periods.append(period)
    return offices[0], first_periods


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=14)
    parser.add_argument("--organisers", type=int, default=1, help="districts the wards are spread over")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    from accounts.models import Role, User
    from appraisal.services import period_publish
    from reports import documents
    from reports.dashboard import dashboard_data
    from reports.pdf import html_to_pdf, render_document_html
    from reports.selectors import period_results

    from benchmarks import bare_urls

    office, (before, period) = build(args.units, args.organisers)
    publish_counter = QueryCounter()
    start = time.perf_counter()
    with connection.execute_wrapper(publish_counter):
        period_publish(period=before, by=office)
    publish_ms = round((time.perf_counter() - start) * 1000, 1)

    leader = User.objects.create(username="bench-leader", role=Role.LEADERSHIP, unit=office.unit)
    city_leader = User.objects.create(username="bench-city-leader", role=Role.LEADERSHIP, unit=office.unit.parent)
    first = period.assessments.select_related("unit").order_by("unit__order").first()
    staff = User.objects.create(username="bench-staff", role=Role.UNIT_STAFF, unit=first.unit)
    reader, writer, city_reader = Client(), Client(), Client()
    reader.force_login(leader)
    writer.force_login(staff)
    city_reader.force_login(city_leader)
    data = dashboard_data(period=period)
    bare_urls.FLOOR_CONTEXT.update({key: data[key] for key in ("period", "ranking", "heatmap", "areas", "distribution")})

    figures = {"units": args.units, "organisers": args.organisers}
    with override_settings(ROOT_URLCONF="benchmarks.bare_urls", DEBUG=False):
        pages = {
            "dashboard": (reader, reverse("dashboard:period", args=[period.pk])),
            "entry": (writer, reverse("assessments:entry", args=[first.pk])),
            "unit_report": (reader, reverse("reports:unit_report", args=[first.pk])),
            "ranking": (city_reader, reverse("dashboard:ranking_across")),
            # Three hypothetical scores and the cheapest path to the first rank, in one request.
            "what_if": (writer, reverse("reports:what_if", args=[first.pk]) + "?d-1.1.1=max&d-3.2.1=0&d-7.8.1=max&hang=1"),
        }
        for name, (client, url) in pages.items():
            assert client.get(url).status_code == 200, url
        figures["bare_ms"] = median_ms(lambda: reader.get("/bench/bare/"), args.rounds)
        figures["floor_ms"] = median_ms(lambda: reader.get("/bench/floor/"), args.rounds)
        figures["dashboard_ms"] = median_ms(lambda: reader.get(pages["dashboard"][1]), args.rounds)
        figures["dashboard_queries"] = counted(lambda: reader.get(pages["dashboard"][1]))
        figures["ranking_ms"] = median_ms(lambda: city_reader.get(pages["ranking"][1]), args.rounds)
        figures["ranking_queries"] = counted(lambda: city_reader.get(pages["ranking"][1]))
        figures["entry_ms"] = median_ms(lambda: writer.get(pages["entry"][1]), args.rounds)
        figures["entry_queries"] = counted(lambda: writer.get(pages["entry"][1]))
    figures["index_json_ms"] = median_ms(
        lambda: call_command("index_report", period.full_identifier, format="json", stdout=io.StringIO()), args.rounds)
    with override_settings(ROOT_URLCONF="benchmarks.bare_urls", DEBUG=False):
        figures["unit_report_ms"] = median_ms(lambda: reader.get(pages["unit_report"][1]), args.rounds)
        figures["what_if_ms"] = median_ms(lambda: writer.get(pages["what_if"][1]), args.rounds)
        figures["what_if_queries"] = counted(lambda: writer.get(pages["what_if"][1]))
    from reports.paper import document_docx
    from reports.upward import annual_report_document

    figures["annual_docx_ms"] = median_ms(lambda: document_docx(annual_report_document(period=period)),
                                          max(1, min(args.rounds, 3)))
    figures["publish_ms"] = publish_ms
    figures["publish_queries"] = publish_counter.count

    html = render_document_html(
        template_name=documents.PERIOD_RESULTS_TEMPLATE,
        context=documents.period_results_context(period=period, results=period_results(period=period)),
    )
    pdf_rounds = max(1, min(args.rounds, 3))
    figures["period_pdf_ms"] = median_ms(
        lambda: documents.period_results_pdf(period=period, results=period_results(period=period)), pdf_rounds)
    # The same HTML string and the same shipped fonts: the difference is ParIndex's own work.
    figures["weasyprint_ms"] = median_ms(lambda: html_to_pdf(html), pdf_rounds)
    print(f"database: {connection.vendor}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
