"""Read-side queries for framework pages and exports; each runs a fixed number of queries."""
from dataclasses import dataclass
from decimal import Decimal

from django.shortcuts import get_object_or_404

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


# Trees by (framework id, fingerprint): a version in use never changes, so each process builds a tree
# once. A model save of a framework or a node empties this process's cache (``apps.FrameworksConfig``);
# other processes see a change only through a new fingerprint, so whatever edits nodes must change it.
_trees: dict[tuple, Tree] = {}


def tree_for(framework: Framework) -> Tree:
    """The framework's pure ``Tree`` (``TreeNode`` in document order, with ``by_id``), cached."""
    key = (framework.pk, framework.fingerprint)
    tree = _trees.get(key)
    if tree is None:
        tree = tree_from_rows(Node.objects.filter(framework_id=framework.pk).order_by("order").values(*NODE_FIELDS))
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
