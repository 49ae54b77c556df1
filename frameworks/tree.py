"""Arithmetic over a framework tree, on plain data (no database)."""
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class PlainNode:
    code: str
    parent: str | None
    title: str
    max_points: Decimal


@dataclass(frozen=True)
class SumMismatch:
    code: str
    declared: Decimal
    children_sum: Decimal


def children_by_parent(nodes) -> dict[str | None, list]:
    grouped = defaultdict(list)
    for node in nodes:
        grouped[node.parent].append(node)
    return grouped


def sum_mismatches(nodes) -> list[SumMismatch]:
    """Parents whose declared maximum differs from the sum of their listed children."""
    grouped = children_by_parent(nodes)
    mismatches = []
    for node in nodes:
        children = grouped.get(node.code)
        if not children:
            continue
        total = sum((child.max_points for child in children), Decimal(0))
        if total != node.max_points:
            mismatches.append(SumMismatch(node.code, node.max_points, total))
    return mismatches


def roots_total(nodes) -> Decimal:
    return sum((node.max_points for node in nodes if node.parent is None), Decimal(0))
