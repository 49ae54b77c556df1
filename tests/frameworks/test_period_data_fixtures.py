"""Period data from the seeds (scores, targets, responsible offices) is traceable and consistent."""
import json
from decimal import Decimal
from pathlib import Path

import pytest

from reports.index import rank_change_text

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
FILES = sorted((ROOT / "fixtures" / "targets").glob("*.json")) + sorted((ROOT / "fixtures" / "responsible_offices").glob("*.json"))


def load(relative):
    return json.loads((ROOT / "fixtures" / relative).read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_row_points_at_an_existing_seed_line(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    lines = (SEEDS / data["source_file"]).read_text(encoding="utf-8").splitlines()
    rows = data.get("rows") or data.get("criteria") or data.get("tasks") or []
    assert rows
    for row in rows:
        assert 1 <= row["source_line"] <= len(lines), row


def test_hanoi_rows_use_the_codes_of_the_hanoi_framework():
    framework_codes = {n["code"] for n in load("frameworks/hanoi-province-2020.json")["nodes"]}
    targets = load("targets/hanoi-province-2020.json")
    assert {row["code"] for row in targets["rows"]} <= framework_codes


def test_hanoi_2019_area_scores_sum_to_84_687_while_the_text_says_84_64():
    targets = load("targets/hanoi-province-2020.json")
    areas = [row for row in targets["rows"] if "." not in row["code"]]
    assert sum(Decimal(row["score_2019"]) for row in areas) == Decimal("84.687")
    assert targets["results"][0]["index_pct"] == "84.64"
    assert any("84.687" in e["problem"] or "84,687" in e["problem"] for e in targets["errata"])


def test_hanoi_total_row_is_loaded_and_matches_the_areas():
    # Given the last line of seed 003: "TỔNG ĐIỂM 100 84.64 94.60"
    targets = load("targets/hanoi-province-2020.json")
    total = targets["total"]
    line = (SEEDS / targets["source_file"]).read_text(encoding="utf-8").splitlines()[total["source_line"] - 1]
    assert line.split("\t")[1:5] == ["TỔNG ĐIỂM", "100", "84.64", "94.60"]
    # Then the fixture holds that row, and its target and maximum are the areas' sums
    assert (total["max_points"], total["score_2019"], total["target_2020"]) == ("100", "84.64", "94.6")
    areas = [row for row in targets["rows"] if "." not in row["code"]]
    assert sum(Decimal(row["target_2020"]) for row in areas) == Decimal(total["target_2020"])


def test_no_hanoi_erratum_denies_the_total_row_or_the_overall_target():
    errata = load("targets/hanoi-province-2020.json")["errata"] + load("frameworks/hanoi-province-2020.json")["errata"]
    problems = " ".join(e["problem"] for e in errata)
    assert "không có dòng tổng" not in problems and "không nêu mục tiêu chung" not in problems
    assert "không nêu tổng điểm tối đa" not in problems


def test_phu_la_2020_is_15th_of_17_down_9_places():
    result = load("targets/phula-2021.json")["results"][0]
    assert (result["index_pct"], result["rank"], result["rank_of"], result["rank_change"]) == ("86.31", 15, 17, -9)
    assert rank_change_text(result["rank_change"]) == "giảm 9 bậc"
