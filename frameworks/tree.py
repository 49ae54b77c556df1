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


@dataclass(frozen=True)
class Subtotal:
    score: Decimal
    max_points: Decimal
    scored: int  # leaves with a score (or not assessed)
    leaves: int


def rollup(nodes, leaf_scores: dict, not_assessed: frozenset = frozenset()) -> dict[str, Subtotal]:
    """Sum leaf scores up the tree.

    ``leaf_scores`` maps a leaf's code to its Decimal score (missing: not yet scored, counts 0).
    A leaf in ``not_assessed`` leaves both the achieved and the maximum points of every ancestor.
    A parent's maximum is its declared maximum (the official total, even where its children
    disagree) less the not-assessed leaves below it. Returns a subtotal for every code and for
    the whole tree under the key ``""``.
    """
    grouped = children_by_parent(nodes)
    by_code = {node.code: node for node in nodes}

    def walk(code) -> Subtotal:
        children = grouped.get(code, [])
        if code is not None and not children:
            if code in not_assessed:
                return Subtotal(Decimal(0), Decimal(0), 1, 1)
            score = leaf_scores.get(code)
            return Subtotal(score or Decimal(0), by_code[code].max_points, int(score is not None), 1)
        parts = [walk(child.code) for child in children]
        for child, part in zip(children, parts):
            result[child.code] = part
        excluded = sum(
            (by_code[c].max_points for c in not_assessed if c in by_code and _is_below(c, code, by_code)),
            Decimal(0),
        )
        declared = by_code[code].max_points if code is not None else roots_total(nodes)
        return Subtotal(
            score=sum((p.score for p in parts), Decimal(0)),
            max_points=declared - excluded,
            scored=sum(p.scored for p in parts),
            leaves=sum(p.leaves for p in parts),
        )

    result: dict[str, Subtotal] = {}
    result[""] = walk(None)
    return result


def _is_below(code: str, ancestor: str | None, by_code: dict) -> bool:
    parent = by_code[code].parent
    while parent is not None:
        if parent == ancestor:
            return True
        parent = by_code[parent].parent
    return ancestor is None


def plain_tree(nodes) -> list[PlainNode]:
    """Plain copies of loaded node rows (anything with pk, parent_id, code, title, max_points)."""
    by_id = {node.pk: node for node in nodes}
    return [
        PlainNode(node.code, by_id[node.parent_id].code if node.parent_id else None, node.title, node.max_points)
        for node in nodes
    ]


def score_rollup(nodes, scores_by_node_id: dict, plain: list[PlainNode] | None = None) -> dict:
    """Subtotals per code from loaded score rows (anything with ``value`` and ``not_assessed``).

    ``plain`` is ``plain_tree(nodes)``, passed in by callers that roll up many units over one tree.
    """
    by_code_value = {}
    not_assessed = set()
    for node in nodes:
        score = scores_by_node_id.get(node.pk)
        if score is None:
            continue
        if score.not_assessed:
            not_assessed.add(node.code)
        elif score.value is not None:
            by_code_value[node.code] = score.value
    return rollup(plain or plain_tree(nodes), by_code_value, frozenset(not_assessed))
