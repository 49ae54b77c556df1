"""Importing a survey's responses at the scale of a city: ``--rows 50000`` respondents over ``--units`` wards.

Builds its own data on a scratch database (a temporary SQLite file unless DATABASE_URL is set): the wards
on ``hoangmai-phuong-2024``, issue 13's design (2 criteria, 4 groups, 8 questions), then a CSV and an XLSX
of N rows with deterministic answers. Times ``survey_responses_import`` on each (the whole service: read,
check, bulk insert, aggregate, store every unit's result) and measures the Python heap's peak during the
import (tracemalloc) and the process's peak resident memory. Prints one JSON object on its last line:
rows, units, csv_s, csv_peak_mb, xlsx_s, xlsx_peak_mb, max_rss_mb.

``--job`` instead imports each file through the upload's background job, as the browser starts it, a worker
thread running it while another connection reads the job's progress every 0,2 s, as its page does: csv_s and
xlsx_s, and the steps seen (csv_progress, xlsx_progress: "rows read/rows in the file", on PostgreSQL).
"""
import argparse
import hashlib
import json
import os
import resource
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='parindex-survey-')}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

GROUPS = {"CD": ("Công dân", "2"), "CC": ("Công chức cấp phường", "1"), "CQ": ("Công chức cấp quận", "1"),
          "TD": ("Bí thư chi bộ, tổ trưởng dân phố", "1")}
QUESTIONS = [f"Q{n}" for n in range(1, 9)]
DESIGN = {
    "max_points": "30",
    "criteria": [{"code": "S1", "title": "Sự hài lòng về thủ tục hành chính", "max_points": "20"},
                 {"code": "S2", "title": "Công khai, minh bạch", "max_points": "10"}],
    "groups": [{"code": code, "title": title, "weight": weight} for code, (title, weight) in GROUPS.items()],
    "questions": [{"code": code, "criterion": "S1" if n < 5 else "S2", "groups": list(GROUPS),
                   "scale": [1, 5] if n < 5 else [0, 1], "favourable": [4, 5] if n < 5 else [1]}
                  for n, code in enumerate(QUESTIONS, start=1)],
}


def answers(row: int) -> list[str]:
    digest = hashlib.sha256(str(row).encode()).digest()
    return [str(1 + digest[n] % 5) if n < 4 else str(digest[n] % 2) for n in range(len(QUESTIONS))]


def build(units: int):
    import io

    from accounts.models import Role, User
    from assessments.services import period_open
    from frameworks.models import Framework
    from organizations.models import Unit, UnitKind
    from surveys.services import survey_design_set

    call_command("migrate", verbosity=0)
    call_command("load_frameworks", stdout=io.StringIO(), stderr=io.StringIO())
    district = Unit.objects.create(code="BENCH", name="Quận Thử", kind=UnitKind.DISTRICT)
    Unit.objects.bulk_create(
        Unit(code=f"BENCH-W-{n:04d}", name=f"Phường Thử {n}", kind=UnitKind.WARD, parent=district,
             framework_family="hoangmai-phuong", order=n) for n in range(units))
    office = User.objects.create(username="bench-office", role=Role.SECRETARIAT, unit=district)
    period = period_open(framework=Framework.objects.get(key="hoangmai-phuong-2024"), year=2024, by=office)
    survey_design_set(period=period, data=DESIGN, by=office)
    return office, period


def rows(count: int, units: int):
    yield ["unit", "group", *QUESTIONS]
    groups = list(GROUPS)
    for row in range(count):
        yield [f"BENCH-W-{row % units:04d}", groups[row % len(groups)], *answers(row)]


def write_files(folder: Path, count: int, units: int) -> tuple[Path, Path]:
    from openpyxl import Workbook

    csv_path, xlsx_path = folder / "phieu.csv", folder / "phieu.xlsx"
    with open(csv_path, "w", encoding="utf-8") as handle:
        for row in rows(count, units):
            handle.write(",".join(row) + "\n")
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for n, row in enumerate(rows(count, units)):
        sheet.append(row if n == 0 else [*row[:2], *map(int, row[2:])])
    workbook.save(xlsx_path)
    return csv_path, xlsx_path


def run_import(period, office, path: Path) -> float:
    from surveys.imports import survey_responses_import

    start = time.perf_counter()
    with open(path, "rb") as handle:
        imported = survey_responses_import(period=period, file=handle, name=path.name, by=office)
    assert imported.rows > 0
    return time.perf_counter() - start


def timed_import(period, office, path: Path) -> tuple[float, float]:
    """(seconds, peak MB of the Python heap): timed alone, then again under tracemalloc (which slows it)."""
    seconds = run_import(period, office, path)
    tracemalloc.start()
    run_import(period, office, path)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(seconds, 1), round(peak / 1024 / 1024, 1)


def job_import(period, office, path: Path) -> tuple[float, list[str]]:
    """(seconds, the progress steps another connection saw) of the file imported by its background job."""
    from django.core.files import File
    from django.db import connection

    from operations.jobs import run_job
    from operations.models import Job, JobStatus
    from surveys.jobs import survey_import_start

    with open(path, "rb") as handle:
        job = survey_import_start(period=period, upload=File(handle), name=path.name, method="dtxhh",
                                  aggregated=False, by=office)
    worker = threading.Thread(target=lambda: (run_job.call(job.pk), connection.close()))
    start = time.perf_counter()
    worker.start()
    seen = []
    while worker.is_alive():
        step = "{}/{}".format(*Job.objects.values_list("done", "total").get(pk=job.pk))
        if step not in seen:
            seen.append(step)
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    assert Job.objects.get(pk=job.pk).status == JobStatus.SUCCEEDED
    return round(seconds, 1), seen


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--units", type=int, default=14)
    parser.add_argument("--job", action="store_true", help="through the upload's background job")
    args = parser.parse_args()
    office, period = build(args.units)
    with tempfile.TemporaryDirectory() as folder:
        csv_path, xlsx_path = write_files(Path(folder), args.rows, args.units)
        if args.job:
            from django.test import override_settings

            with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
                                   MEDIA_ROOT=folder):
                (csv_s, csv_seen), (xlsx_s, xlsx_seen) = (job_import(period, office, path)
                                                          for path in (csv_path, xlsx_path))
            print(json.dumps({"rows": args.rows, "units": args.units, "csv_s": csv_s, "csv_progress": csv_seen,
                              "xlsx_s": xlsx_s, "xlsx_progress": xlsx_seen}))
            return
        csv_s, csv_peak = timed_import(period, office, csv_path)
        xlsx_s, xlsx_peak = timed_import(period, office, xlsx_path)
    print(json.dumps({"rows": args.rows, "units": args.units, "csv_s": csv_s, "csv_peak_mb": csv_peak,
                      "xlsx_s": xlsx_s, "xlsx_peak_mb": xlsx_peak,
                      "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))


if __name__ == "__main__":
    main()
