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
class TreeNode:
    """A framework node as plain data: what scoring, pages and documents read of it."""

    pk: int
    code: str
    parent: str | None  # the parent's code
    parent_id: int | None
    title: str
    max_points: Decimal
    level: int
    order: int
    rule: dict | None
    responsible_offices: tuple


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


NODE_FIELDS = ("pk", "code", "parent_id", "title", "max_points", "level", "order", "rule", "responsible_offices")


def tree_from_rows(rows) -> "Tree":
    """A ``Tree`` of ``TreeNode`` from node rows as dicts of ``NODE_FIELDS`` (``.values(*NODE_FIELDS)``)."""
    rows = list(rows)
    codes = {row["pk"]: row["code"] for row in rows}
    return Tree(TreeNode(parent=codes.get(row["parent_id"]),
                         **{**row, "responsible_offices": tuple(row["responsible_offices"] or ())}) for row in rows)


def rollup(nodes, leaf_scores: dict, not_assessed: frozenset = frozenset()) -> dict[str, Subtotal]:
    """Sum leaf scores up the tree.

    ``leaf_scores`` maps a leaf's code to its Decimal score (missing: not yet scored, counts 0).
    A leaf in ``not_assessed`` leaves both the achieved and the maximum points of every ancestor.
    A parent's maximum is its declared maximum (the official total, even where its children
    disagree) less the not-assessed leaves below it. Returns a subtotal for every code and for
    the whole tree under the key ``""``.
    """
    return Tree(nodes).rollup(leaf_scores, not_assessed)


class Tree:
    """A framework's nodes in document order with what every roll-up needs precomputed.

    ``nodes`` are anything with ``code``, ``parent`` (the parent's code) and ``max_points``; a version
    in use never changes, so one ``Tree`` serves every unit and every request.
    """

    def __init__(self, nodes):
        self.nodes = tuple(nodes)
        self.by_code = {node.code: node for node in self.nodes}
        self.by_id = {node.pk: node for node in self.nodes if getattr(node, "pk", None) is not None}
        parents = {node.parent for node in self.nodes if node.parent is not None}
        self.leaves = tuple(node for node in self.nodes if node.code not in parents)
        self.leaf_codes = frozenset(node.code for node in self.leaves)
        self.areas = tuple(node for node in self.nodes if node.parent is None)
        self.total_max = roots_total(self.nodes)
        self._ancestors = {node.code: self._chain(node) for node in self.leaves}

    def _chain(self, node) -> tuple[str, ...]:
        chain = []
        while node.parent is not None:
            chain.append(node.parent)
            node = self.by_code[node.parent]
        return tuple(chain)

    def is_leaf(self, code: str) -> bool:
        return code in self.leaf_codes

    def leaves_under(self, codes) -> list:
        """The leaves that are, or descend from, any of ``codes`` (a criterion, a whole area)."""
        wanted = set(codes)
        return [leaf for leaf in self.leaves if leaf.code in wanted or wanted & set(self._ancestors[leaf.code])]

    def responsible_offices_of(self, code: str) -> tuple:
        """A node's responsible offices (lead agencies), inherited from the nearest ancestor that names some."""
        node = self.by_code.get(code)
        while node is not None:
            if node.responsible_offices:
                return tuple(node.responsible_offices)
            node = self.by_code.get(node.parent)
        return ()

    def rollup(self, leaf_scores: dict, not_assessed: frozenset = frozenset()) -> dict[str, Subtotal]:
        """See ``rollup``: one pass over the leaves, each adding itself to its ancestors."""
        zero = Decimal(0)
        score = dict.fromkeys(self.by_code, zero)
        excluded = dict.fromkeys(self.by_code, zero)
        scored = dict.fromkeys(self.by_code, 0)
        leaves = dict.fromkeys(self.by_code, 0)
        result: dict[str, Subtotal] = {}
        total_score, total_excluded, total_scored = zero, zero, 0
        for leaf in self.leaves:
            code = leaf.code
            if code in not_assessed:
                points, lost_max, counted = zero, leaf.max_points, 1
                result[code] = Subtotal(zero, zero, 1, 1)
            else:
                value = leaf_scores.get(code)
                points, lost_max, counted = value or zero, zero, int(value is not None)
                result[code] = Subtotal(points, leaf.max_points, counted, 1)
            for ancestor in self._ancestors[code]:
                score[ancestor] += points
                excluded[ancestor] += lost_max
                scored[ancestor] += counted
                leaves[ancestor] += 1
            total_score += points
            total_excluded += lost_max
            total_scored += counted
        for node in self.nodes:
            if node.code not in result:
                code = node.code
                result[code] = Subtotal(score[code], node.max_points - excluded[code], scored[code], leaves[code])
        result[""] = Subtotal(total_score, self.total_max - total_excluded, total_scored, len(self.leaves))
        return result
