"""Loading the organisation fixture (units in their hierarchy)."""
import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import Unit

UNITS_FIXTURE_DIR = Path(settings.BASE_DIR) / "fixtures" / "units"


@transaction.atomic
def units_load(*, path: Path) -> int:
    """Create or update the units listed in ``path``; returns how many it touched.

    Parents are listed before their children, so one pass resolves every parent.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    by_code = {}
    for order, row in enumerate(data["units"]):
        parent = by_code.get(row["parent"]) if row.get("parent") else None
        if row.get("parent") and parent is None:
            parent = Unit.objects.get(code=row["parent"])
        unit, _created = Unit.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "kind": row["kind"],
                "parent": parent,
                "framework_family": row.get("framework_family") or "",
                "order": order,
            },
        )
        by_code[unit.code] = unit
    return len(by_code)


def _needs_other_files(path: Path) -> bool:
    """Whether a fixture hangs units under parents listed in another file (Hà Nội's agencies under HN)."""
    units = json.loads(path.read_text(encoding="utf-8"))["units"]
    return bool({row["parent"] for row in units if row.get("parent")} - {row["code"] for row in units})


def units_load_all() -> int:
    """Every unit fixture; files that name another file's units as parents come after the self-contained ones."""
    paths = sorted(UNITS_FIXTURE_DIR.glob("*.json"), key=lambda path: (_needs_other_files(path), path.name))
    return sum(units_load(path=path) for path in paths)
