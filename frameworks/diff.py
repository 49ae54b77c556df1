"""What changed between two versions of a framework (pure, like the comparison table in seed 001)."""
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class NodeChange:
    code: str
    old_title: str | None
    new_title: str | None
    old_max: Decimal | None
    new_max: Decimal | None

    @property
    def points_delta(self) -> Decimal | None:
        if self.old_max is None or self.new_max is None:
            return None
        return self.new_max - self.old_max


@dataclass
class FrameworkDiff:
    added: list[NodeChange] = field(default_factory=list)
    removed: list[NodeChange] = field(default_factory=list)
    renamed: list[NodeChange] = field(default_factory=list)
    # "Re-pointed": same criterion, a different maximum.
    repointed: list[NodeChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.renamed or self.repointed)


def diff_frameworks(old_nodes, new_nodes) -> FrameworkDiff:
    """Match nodes by code; a node in both may be renamed, re-pointed, or both."""
    old_by_code = {node.code: node for node in old_nodes}
    new_by_code = {node.code: node for node in new_nodes}
    result = FrameworkDiff()
    for node in new_nodes:
        old = old_by_code.get(node.code)
        if old is None:
            result.added.append(NodeChange(node.code, None, node.title, None, node.max_points))
            continue
        change = NodeChange(node.code, old.title, node.title, old.max_points, node.max_points)
        if old.title != node.title:
            result.renamed.append(change)
        if old.max_points != node.max_points:
            result.repointed.append(change)
    for node in old_nodes:
        if node.code not in new_by_code:
            result.removed.append(NodeChange(node.code, node.title, None, node.max_points, None))
    return result
