"""Importing earlier years' results at the scale of a city: ``--years`` years of ``--units`` wards.

Builds its own data on a scratch database (a temporary SQLite file unless DATABASE_URL is set): the wards,
then one row per ward and year stating its index and rank, as the office's file does. Times
``history_import`` (check every row, store it; the file's reading aside). Prints one JSON object on its
last line: rows, s.
"""
import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='parindex-history-')}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=600)
    parser.add_argument("--years", type=int, default=3)
    args = parser.parse_args()

    from accounts.models import Role, User
    from organizations.models import Unit, UnitKind
    from reports.history import HistoryRow, history_import

    call_command("migrate", verbosity=0)
    district = Unit.objects.create(code="BENCH", name="Quận Thử", kind=UnitKind.DISTRICT)
    Unit.objects.bulk_create(
        Unit(code=f"BENCH-W-{n:04d}", name=f"Phường Thử {n}", kind=UnitKind.WARD, parent=district,
             framework_family="hoangmai-phuong", order=n) for n in range(args.units))
    office = User.objects.create(username="bench-office", role=Role.SECRETARIAT, unit=district)
    pairs = [(2024 - year, n) for year in range(args.years) for n in range(args.units)]
    rows = [HistoryRow(line=line, values={"Kỳ": f"hoangmai-phuong/{year}", "Mã đơn vị": f"BENCH-W-{n:04d}",
                                          "Tổng điểm": None, "Điểm tối đa": None, "Chỉ số (%)": "85,5",
                                          "Xếp hạng": n + 1, "Số đơn vị": args.units})
            for line, (year, n) in enumerate(pairs, start=2)]
    start = time.perf_counter()
    count = history_import(rows=rows, source="ket-qua-cac-nam.xlsx", by=office)
    print(json.dumps({"rows": count, "s": round(time.perf_counter() - start, 1)}))


if __name__ == "__main__":
    main()
