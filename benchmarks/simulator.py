"""The what-if simulator and the cheapest path at the scale of a city, on plain data (no database).

``--units N`` wards on the leaves of ``hoangmai-phuong-2024`` (91 nodes), each leaf scored at a random
share of its maximum in thousandths (so lost points have no common divisor: the subset-sum table is at
its largest). Times, for the last-ranked ward (the longest path), the median of ``--rounds``:
what_if_ms (five criteria set), cheapest_rank1_ms, cheapest_median_rank_ms, cheapest_index85_ms; prints
one JSON object on its last line with the criteria each path took.
"""
import argparse
import json
import os
import random
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")

from scale import median_ms  # noqa: E402  (sets Django up)

from reports.index import UnitScores  # noqa: E402
from reports.simulator import MAX, Leaf, cheapest_path, what_if  # noqa: E402

FRAMEWORK = ROOT / "fixtures" / "frameworks" / "hoangmai-phuong-2024.json"


def build(units: int):
    nodes = json.loads(FRAMEWORK.read_text())["nodes"]
    parents = {node["parent"] for node in nodes}
    maxima = {node["code"]: Decimal(node["max_points"]) for node in nodes if node["code"] not in parents}
    appraisal_max = sum(Decimal(node["max_points"]) for node in nodes if node["parent"] is None)
    generator = random.Random(600)
    leaves_of, scores = {}, []
    for n in range(units):
        code = f"W-{n:04d}"
        leaves = {leaf: Leaf(leaf, (maximum * generator.randint(0, 1000) / 1000).quantize(Decimal("0.001")), maximum)
                  for leaf, maximum in maxima.items()}
        total = sum(leaf.points for leaf in leaves.values())
        survey = Decimal(generator.randint(15000, 30000)) / 1000
        leaves_of[code] = leaves
        scores.append(UnitScores(code, f"Phường {n}", "ward", total, total, total, appraisal_max, survey,
                                 Decimal(30), False))
    return scores, leaves_of, len(maxima)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    scores, leaves_of, leaf_count = build(args.units)
    last = min(scores, key=lambda unit: unit.combined_total + unit.survey_total).unit_code
    leaves = leaves_of[last]
    changes = dict.fromkeys(list(leaves)[:5], MAX)
    figures = {"units": args.units, "leaves": leaf_count}
    figures["what_if_ms"] = median_ms(lambda: what_if(scores, unit_code=last, leaves=leaves, changes=changes),
                                      args.rounds)
    for name, target in (("rank1", {"rank": 1}), ("median_rank", {"rank": args.units // 2}),
                         ("index85", {"index": Decimal(85)})):
        figures[f"cheapest_{name}_ms"] = median_ms(
            lambda target=target: cheapest_path(scores, unit_code=last, leaves=leaves, **target), args.rounds)
        found = cheapest_path(scores, unit_code=last, leaves=leaves, **target)
        figures[f"cheapest_{name}_criteria"] = len(found.criteria) if found.reachable else None
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
