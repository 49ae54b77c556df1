"""What the what-if simulator starts from, read as the results pages read it (``selectors.period_figures``)."""
from dataclasses import dataclass
from decimal import Decimal

from assessments.models import Assessment
from frameworks.selectors import tree_for
from frameworks.tree import Tree

from . import simulator
from .selectors import period_figures, shown_records


@dataclass(frozen=True)
class SimulationBasis:
    """What the what-if simulator starts from: the same figures as ``index_report``."""

    scores: list  # UnitScores of every ranked unit of the period
    unit_code: str
    leaves: dict  # the unit's leaves as ``simulator.unit_leaves`` gives them
    tree: Tree

    def what_if(self, changes: dict) -> simulator.Outcome:
        return simulator.what_if(self.scores, unit_code=self.unit_code, leaves=self.leaves, changes=changes,
                                 tree_codes=self.tree.by_code.keys())

    def rows(self, typed: dict) -> list[dict]:
        """The page's table: every node in document order, leaves with their figures and what was typed."""
        return [{"node": node, "leaf": self.leaves.get(node.code), "typed": typed.get(node.code, "")}
                for node in self.tree.nodes]

    def cheapest_path(self, *, rank: int | None = None, index: Decimal | None = None) -> simulator.Path:
        return simulator.cheapest_path(self.scores, unit_code=self.unit_code, leaves=self.leaves, rank=rank, index=index)


def simulation_basis(*, assessment: Assessment) -> SimulationBasis | None:
    """Every ranked unit's totals and this unit's leaves, in three queries; None when it is not ranked."""
    figures = period_figures(period=assessment.period, detail=False)
    shown = next((f for f in figures if f.assessment_id == assessment.pk), None)
    if shown is None:
        return None
    tree = tree_for(assessment.period.framework)
    own, decided, _closed = shown_records(shown, assessment, tree)
    return SimulationBasis([f.scores for f in figures], shown.unit_code, simulator.unit_leaves(tree, own, decided), tree)
