"""Read-side queries for framework pages and exports; each runs a fixed number of queries."""
from dataclasses import dataclass
from decimal import Decimal

from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.access import Actor, may_edit_responsible_offices
from config.text import normalized
from organizations.models import Unit, UnitKind

from . import rules
from .diff import FrameworkDiff, diff_frameworks
from .models import Framework, Node
from .points import points_to_str
from .tree import NODE_FIELDS, Tree, sum_mismatches, tree_from_rows


@dataclass(frozen=True)
class TreeRow:
    code: str
    parent: str | None
    title: str
    max_points: Decimal
    level: int
    is_leaf: bool
    rule_text: str
    responsible_offices: list
    children_sum: Decimal | None  # set on parents whose children disagree with the declared maximum
    errata: list


def framework_list():
    return Framework.objects.select_related("previous_version").order_by("family", "-effective_year")


def framework_get(*, key: str) -> Framework:
    return get_object_or_404(Framework.objects.select_related("previous_version"), key=key)


# Trees by (framework id, fingerprint, offices revision): a loaded version's content never changes once
# in use, so each process builds a tree once. The responsible offices may change on any version; every
# edit bumps ``offices_revision``, so other processes see it with the next framework they load. A model
# save of a framework or a node also empties this process's cache (``apps.FrameworksConfig``).
_trees: dict[tuple, Tree] = {}


def tree_for(framework: Framework) -> Tree:
    """The framework's pure ``Tree`` (``TreeNode`` in document order, with ``by_id``), cached."""
    key = (framework.pk, framework.fingerprint, framework.offices_revision)
    tree = _trees.get(key)
    if tree is None:
        tree = tree_from_rows(Node.objects.filter(framework_id=framework.pk).order_by("order").values(*NODE_FIELDS))
        for stale in [other for other in _trees if other[0] == framework.pk]:
            del _trees[stale]  # an older revision of the same framework
        _trees[key] = tree
    return tree


def forget_trees(**_signal) -> None:
    _trees.clear()


def errata_by_code(framework: Framework) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for erratum in framework.errata:
        grouped.setdefault(erratum.get("code") or "", []).append(erratum)
    return grouped


def framework_tree(*, framework: Framework) -> dict:
    """The whole tree with each parent's declared maximum checked against its children."""
    tree = tree_for(framework)
    mismatched = {m.code: m.children_sum for m in sum_mismatches(tree.nodes)}
    errata = errata_by_code(framework)
    rows = [
        TreeRow(
            code=node.code,
            parent=node.parent,
            title=node.title,
            max_points=node.max_points,
            level=node.level,
            is_leaf=tree.is_leaf(node.code),
            rule_text=rules.describe(node.rule, node.max_points) if node.rule else "",
            responsible_offices=list(node.responsible_offices),
            children_sum=mismatched.get(node.code),
            errata=errata.get(node.code, []),
        )
        for node in tree.nodes
    ]
    areas_total = sum((row.max_points for row in rows if row.parent is None), Decimal(0))
    return {
        "framework": framework,
        "rows": rows,
        "areas_total": areas_total,
        "areas_total_matches": areas_total == framework.appraisal_max_points,
        "general_errata": errata.get("", []),
        "mismatch_count": len(mismatched),
    }


def framework_diff(*, old: Framework, new: Framework) -> FrameworkDiff:
    return diff_frameworks(tree_for(old).nodes, tree_for(new).nodes)


def framework_export_rows(*, framework: Framework) -> list[dict]:
    """The JSON export: nodes in document order, points as strings, errata attached by code."""
    errata = errata_by_code(framework)
    return [
        {
            "code": node.code,
            "title": node.title,
            "max_points": points_to_str(node.max_points),
            "parent": node.parent,
            "rule": node.rule,
            "errata": errata.get(node.code, []),
        }
        for node in tree_for(framework).nodes
    ]


OFFICE_KINDS = (UnitKind.DEPARTMENT, UnitKind.CITY_DEPARTMENT)


def office_key(name: str) -> str:
    """An office's name as compared: NFC, spaces collapsed, case folded."""
    return " ".join(normalized(name).split()).casefold()


def known_offices(framework: Framework) -> dict[str, str]:
    """The names an office may be given by, under ``office_key``: every department and city department of
    the unit list, and the names this version's sources already give (Hà Nội's "Sở Nội vụ")."""
    names = list(Unit.objects.filter(kind__in=OFFICE_KINDS).order_by("order", "name").values_list("name", flat=True))
    for node in tree_for(framework).nodes:
        names.extend(node.responsible_offices)
    return {office_key(name): name for name in reversed(names)}  # a unit's own spelling wins


def ensure_may_edit_offices(user) -> None:
    """The responsible-offices pages are the office's: 404 for everybody else."""
    if not may_edit_responsible_offices(Actor.of(user)):
        raise Http404


@dataclass(frozen=True)
class OfficesRow:
    code: str
    title: str
    level: int
    is_leaf: bool
    offices: str  # its own, as typed in the box: "Phòng Tư pháp; Phòng Nội vụ"
    inherited: tuple  # the nearest ancestor's, which a node without its own follows


OFFICES_CHANGES_SHOWN = 20


def offices_page(*, framework: Framework) -> dict:
    """Every node with its own and its inherited offices, the names to pick from and the latest changes."""
    tree = tree_for(framework)
    rows = [
        OfficesRow(code=node.code, title=node.title, level=node.level, is_leaf=tree.is_leaf(node.code),
                   offices="; ".join(node.responsible_offices),
                   inherited=tree.responsible_offices_of(node.parent))
        for node in tree.nodes
    ]
    changes = (office_changes(framework).select_related("history_user")
               .order_by("-history_date")[:OFFICES_CHANGES_SHOWN])
    return {"framework": framework, "rows": rows, "known": sorted(set(known_offices(framework).values())),
            "changes": list(changes)}


def office_changes(framework: Framework):
    """The history rows of the office's edits (updates; a reload of an unused version deletes and inserts)."""
    return Node.history.filter(framework_id=framework.pk, history_type="~")
