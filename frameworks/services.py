"""Loading framework fixtures into the database (create, update, refuse when in use), and the office's
one edit of a loaded version: the responsible offices of its criteria."""
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F

from accounts.access import Actor, may_edit_responsible_offices
from config.text import echoed, normalized
from organizations.hierarchy import home_affairs_office

from . import errors, rules
from .errors import FIXTURE_INVALID, FRAMEWORK_IN_USE, SUM_MISMATCH, FrameworkError, OfficesRejected
from .selectors import known_offices, office_key, tree_for
from .models import Framework, Node
from .points import PointsParseError, format_points, parse_points
from .tree import PlainNode, sum_mismatches

FIXTURE_DIR = Path(settings.BASE_DIR) / "fixtures" / "frameworks"
_YEAR_SUFFIX = re.compile(r"-\d{4}$")


@dataclass
class LoadResult:
    key: str
    status: str  # "created", "updated" or "unchanged"
    warnings: list[str] = field(default_factory=list)


def family_of(key: str) -> str:
    """``hoangmai-phuong-2024`` belongs to the family ``hoangmai-phuong``."""
    return _YEAR_SUFFIX.sub("", key)


def plain_nodes(rows) -> list[PlainNode]:
    return [PlainNode(r["code"], r.get("parent"), r["title"], parse_points(r["max_points"])) for r in rows]


def _fail(source: str, problem: str):
    raise FrameworkError(FIXTURE_INVALID % {"file": source, "problem": problem})


def _check_fixture(data: dict, source: str) -> None:
    """Refuse a fixture whose tree is not well formed, before anything is written."""
    for required in ("key", "name", "unit_kind", "effective_year", "appraisal_max_points", "nodes"):
        if required not in data:
            _fail(source, f"thiếu khóa “{required}”")
    if "points_step" in data:
        try:
            rules.validate_rule({"kind": "manual", "step": data["points_step"]}, 0)
        except rules.RuleDefinitionError as error:
            _fail(source, f"“points_step”: {error}")
    seen = set()
    for row in data["nodes"]:
        code = row.get("code")
        if not code or code in seen:
            _fail(source, f"mã tiêu chí trống hoặc trùng “{code}”")
        if row.get("parent") and row["parent"] not in seen:
            _fail(source, f"“{code}”: tiêu chí cha “{row['parent']}” không đứng trước nó")
        try:
            max_points = parse_points(row["max_points"])
        except (KeyError, PointsParseError):
            _fail(source, f"“{code}”: điểm tối đa không hợp lệ")
        if row.get("rule"):
            try:
                rules.validate_rule(row["rule"], max_points)
            except rules.RuleDefinitionError as error:
                _fail(source, f"“{code}”: {error}")
        seen.add(code)


def _fingerprint(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def sum_mismatch_warnings(data: dict) -> list[str]:
    """Parents that disagree with their children; a partial tree lists too few children to tell."""
    if data.get("partial"):
        return []
    return [
        str(SUM_MISMATCH % {
            "code": m.code,
            "declared": format_points(m.declared),
            "children_sum": format_points(m.children_sum),
        })
        for m in sum_mismatches(plain_nodes(data["nodes"]))
    ]


@transaction.atomic
def framework_load(*, data: dict, source: str = "") -> LoadResult:
    """Create or update one framework from its fixture data.

    A framework already used by a period is immutable: loading a changed fixture over it is
    refused, since the scores of that period were given against the old tree.
    """
    _check_fixture(data, source or data.get("key", "?"))
    fingerprint = _fingerprint(data)
    key = data["key"]
    framework = Framework.objects.filter(key=key).first()
    warnings = sum_mismatch_warnings(data)
    if framework is not None and framework.fingerprint == fingerprint:
        return LoadResult(key, "unchanged", warnings)
    if framework is not None and framework.periods.exists():
        raise FrameworkError(FRAMEWORK_IN_USE % {"key": key})

    values = {
        "family": family_of(key),
        "name": data["name"],
        "issuer": data.get("issuer", ""),
        "document": data.get("document", ""),
        "unit_kind": data["unit_kind"],
        "effective_year": data["effective_year"],
        "appraisal_max_points": parse_points(data["appraisal_max_points"]),
        "survey_max_points": parse_points(data.get("survey_max_points") or 0),
        "partial": bool(data.get("partial")),
        "previous_version": (
            Framework.objects.filter(key=data["previous_version"]).first() if data.get("previous_version") else None
        ),
        "source_file": data.get("source_file", ""),
        "errata": data.get("errata", []),
        "extra": {k: data[k] for k in ("survey", "council", "points_step") if k in data},
        "fingerprint": fingerprint,
    }
    status = "updated" if framework is not None else "created"
    if framework is None:
        framework = Framework(key=key, **values)
        framework.full_clean()
        framework.save()
    else:
        for name, value in values.items():
            setattr(framework, name, value)
        framework.full_clean()
        framework.save()
        framework.nodes.all().delete()
    _create_nodes(framework, data["nodes"])
    return LoadResult(key, status, warnings)


def _create_nodes(framework: Framework, rows: list[dict]) -> None:
    """Insert the fixture's nodes in bulk, a level at a time so that children can point at saved parents.
    In bulk, no history row is written: a node's history starts with the office's first change, and the
    fixture is the record of what was loaded."""
    by_code: dict[str, Node] = {}
    for order, row in enumerate(rows, start=1):
        parent = by_code.get(row.get("parent")) if row.get("parent") else None
        by_code[row["code"]] = Node(
            framework=framework,
            code=row["code"],
            parent=parent,
            title=row["title"],
            max_points=parse_points(row["max_points"]),
            order=order,
            level=parent.level + 1 if parent else 1,
            notes=row.get("notes", ""),
            responsible_offices=row.get("responsible_offices", []),
            cooperating_agencies=row.get("cooperating_agencies", []),
            rule=row.get("rule"),
            source_line=row.get("source_line"),
        )
    for level in sorted({node.level for node in by_code.values()}):
        Node.objects.bulk_create([node for node in by_code.values() if node.level == level])


def read_fixture(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def frameworks_load_all(*, directory: Path = FIXTURE_DIR) -> list[LoadResult]:
    """Load every fixture; versions are linked once all exist, whatever the file order."""
    fixtures = [(path.name, read_fixture(path)) for path in sorted(directory.glob("*.json"))]
    results = [framework_load(data=data, source=name) for name, data in fixtures]
    for _name, data in fixtures:
        if data.get("previous_version"):
            Framework.objects.filter(key=data["key"], previous_version__isnull=True).update(
                previous_version=Framework.objects.filter(key=data["previous_version"]).first()
            )
    return results


# -- responsible offices -------------------------------------------------------------------------

# Several offices in one box or cell: "Phòng Tư pháp; Phòng Nội vụ" (office names contain "-" and "và").
OFFICE_SEPARATOR = re.compile(r"[;\n]")


def offices_read(*, framework: Framework, entries) -> dict[str, list[str]]:
    """``entries`` are ``(row, code, text)``: ``row`` is the Excel row (None on the page, where a problem
    names the criterion instead), ``text`` names offices separated by ";" (empty: none).
    Returns each code's offices as the unit list spells them; ``OfficesRejected`` lists every problem."""
    codes = tree_for(framework).by_code
    known = known_offices(framework)
    problems, offices, first = [], {}, {}
    for row, code, text in entries:
        code = normalized(code)
        found = []
        if not code:
            found.append(errors.OFFICES_CODE_REQUIRED)
        elif code not in codes:
            found.append(errors.OFFICES_UNKNOWN_CODE % {"code": echoed(code)})
        elif first.setdefault(code, row) != row:
            found.append(errors.OFFICES_DUPLICATE_CODE % {"code": code, "first": first[code]})
        names = []
        for part in OFFICE_SEPARATOR.split(text or ""):
            if not part.strip():
                continue
            name = known.get(office_key(part))
            if name is None:
                found.append(errors.OFFICES_UNKNOWN_OFFICE % {"name": echoed(normalized(part))})
            elif name not in names:
                names.append(name)
        problems.extend(errors.OFFICES_AT_CODE % {"code": echoed(code), "problem": problem} if row is None
                        else errors.OFFICES_AT_ROW % {"row": row, "problem": problem} for problem in found)
        offices[code] = names
    if problems:
        raise OfficesRejected(problems)
    return offices


@transaction.atomic
def responsible_offices_set(*, framework: Framework, offices: dict[str, list[str]], by, reason: str = "") -> int:
    """Give criteria their responsible offices (``offices_read`` checked the names); returns how many
    changed. Each change is a history row of the node with who made it; the version's ``offices_revision``
    goes up, so every process rebuilds its cached tree (``selectors.tree_for``)."""
    if not may_edit_responsible_offices(Actor.of(by)):
        raise FrameworkError(errors.OFFICES_NOT_ALLOWED % {"office": home_affairs_office(by.unit)})
    changed = 0
    for node in framework.nodes.select_for_update().filter(code__in=list(offices)).order_by("order"):
        if list(node.responsible_offices or []) == offices[node.code]:
            continue
        node.responsible_offices = offices[node.code]
        node._history_user = by
        node._change_reason = reason
        node.save(update_fields=["responsible_offices"])
        changed += 1
    if changed:
        Framework.objects.filter(pk=framework.pk).update(offices_revision=F("offices_revision") + 1)
        framework.refresh_from_db(fields=["offices_revision"])
    return changed
