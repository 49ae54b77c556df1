"""The framework fixtures are the official documents made machine-readable, row for row.

These tests read the JSON files and the seed texts directly (no database): every node points at
the seed line it came from, every parent's declared maximum agrees with its children except where an
erratum says otherwise, and every scoring rule is valid and quotes its official wording.
"""
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from frameworks import rules
from frameworks.points import parse_points
from frameworks.services import plain_nodes
from frameworks.tree import roots_total, sum_mismatches

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "frameworks"
SEEDS = ROOT.parent / "shared" / "seeds"

# The parents whose declared maximum the documents contradict, as recorded in the fixtures.
EXPECTED_SUM_MISMATCHES = {
    "hoangmai-phong-2024": {"3"},
    "hoangmai-phuong-2024": set(),
    "haiphong-2023": {"3", "3.3"},  # rows lost in the letter's text
    "hanoi-province-2020": set(),  # partial: children are only partly listed, so none is checked
}
KEYS = sorted(path.stem for path in FIXTURES.glob("*.json"))


def load(key):
    return json.loads((FIXTURES / f"{key}.json").read_text(encoding="utf-8"))


def seed_lines(data):
    return (SEEDS / data["source_file"]).read_text(encoding="utf-8").splitlines()


def squash(text):
    return re.sub(r"\s+", " ", re.sub(r"</?(?:p|i|b|br)\b[^>]*>", " ", text)).strip()


def test_the_four_official_trees_and_the_2022_reconstruction_are_shipped():
    assert {"hoangmai-phong-2024", "hoangmai-phuong-2024", "haiphong-2023", "haiphong-2022",
            "hanoi-province-2020"} <= set(KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_recorded_sum_mismatches_are_exactly_the_real_ones(key):
    data = load(key)
    recorded = {e["code"] for e in data["errata"] if e["kind"] == "sum_mismatch"}
    if data.get("partial"):
        assert recorded == set()
        return
    found = {m.code for m in sum_mismatches(plain_nodes(data["nodes"]))}
    assert found == recorded
    if key in EXPECTED_SUM_MISMATCHES:
        assert found == EXPECTED_SUM_MISMATCHES[key]


@pytest.mark.parametrize("key", KEYS)
def test_areas_add_up_to_the_declared_appraisal_points(key):
    data = load(key)
    assert roots_total(plain_nodes(data["nodes"])) == parse_points(data["appraisal_max_points"])


@pytest.mark.parametrize("key", KEYS)
def test_every_node_points_at_its_row_in_the_seed(key):
    data = load(key)
    lines = seed_lines(data)
    for node in data["nodes"]:
        line = squash(lines[node["source_line"] - 1])
        assert squash(node["title"])[:12] in line, (node["code"], line)


@pytest.mark.parametrize("key", KEYS)
def test_titles_are_clean_text(key):
    for node in load(key)["nodes"]:
        assert "<" not in node["title"], node["code"]
        assert not node["title"].startswith(node["code"] + "."), node["code"]
        assert node["title"] == node["title"].strip()


@pytest.mark.parametrize("key", KEYS)
def test_points_are_strings_never_json_numbers(key):
    for node in load(key)["nodes"]:
        assert isinstance(node["max_points"], str)
        assert parse_points(node["max_points"]) >= 0


@pytest.mark.parametrize("key", KEYS)
def test_every_rule_is_valid_and_quotes_the_official_text(key):
    data = load(key)
    seed = squash("\n".join(seed_lines(data)))
    for node in data["nodes"]:
        rule = node["rule"]
        if rule is None:
            continue
        rules.validate_rule(rule, Decimal(node["max_points"]))
        if rule.get("quote"):
            # Quotes may join pieces of two printed rows (an erratum says so); their opening is verbatim.
            assert squash(rule["quote"])[:25] in seed, node["code"]


@pytest.mark.parametrize("key", KEYS)
def test_a_criterion_for_some_units_only_quotes_its_condition(key):
    data = load(key)
    lines = seed_lines(data)
    for node in data["nodes"]:
        condition = rules.applies_only(node["rule"])
        if condition:
            assert squash(condition) in squash(lines[node["source_line"] - 1]), node["code"]


def test_hoang_mai_department_7_1_5_applies_only_to_units_with_administrative_procedures():
    applying = {n["code"]: rules.applies_only(n["rule"]) for n in load("hoangmai-phong-2024")["nodes"]
                if rules.applies_only(n["rule"])}
    assert applying == {"7.1.5": "(đối với các đơn vị có TTHC)"}


def test_applies_only_must_be_text():
    with pytest.raises(rules.RuleDefinitionError):
        rules.validate_rule({"kind": "manual", "applies_only": ""}, Decimal(1))


@pytest.mark.parametrize("key", KEYS)
def test_every_erratum_names_file_problem_and_resolution(key):
    data = load(key)
    for erratum in data["errata"]:
        assert erratum["kind"] in {"sum_mismatch", "lost_rows", "text_slip", "undeterminable", "other"}
        assert erratum["source_file"].endswith(".txt")
        assert erratum["problem"] and erratum["resolution"]


def test_the_ward_tree_has_91_nodes_in_8_areas():
    nodes = load("hoangmai-phuong-2024")["nodes"]
    assert len(nodes) == 91
    assert sum(1 for n in nodes if n["parent"] is None) == 8


def test_the_department_tree_keeps_the_declared_14_for_area_3_while_criteria_sum_to_13():
    nodes = load("hoangmai-phong-2024")["nodes"]
    area3 = next(n for n in nodes if n["code"] == "3")
    assert area3["max_points"] == "14"
    assert sum(Decimal(n["max_points"]) for n in nodes if n["parent"] == "3") == Decimal("13")


def test_hoang_mai_frameworks_carry_70_appraisal_and_30_survey_points():
    for key in ("hoangmai-phong-2024", "hoangmai-phuong-2024"):
        data = load(key)
        assert (data["appraisal_max_points"], data["survey_max_points"]) == ("70", "30")


def test_hanoi_province_tree_is_marked_partial_and_totals_100():
    data = load("hanoi-province-2020")
    assert data["partial"] is True
    assert roots_total(plain_nodes(data["nodes"])) == Decimal("100")


def test_hai_phong_2023_keeps_65_points_and_records_the_lost_rows_of_area_3():
    data = load("haiphong-2023")
    assert roots_total(plain_nodes(data["nodes"])) == Decimal("65")
    lost = [e for e in data["errata"] if e["kind"] == "lost_rows"]
    assert lost, "the rows lost from area 3 must be recorded"
    assert {"3.4", "3.5.1"} & {n["code"] for n in data["nodes"]} == set()


def test_hai_phong_2_1_2_records_the_70_percent_slip():
    data = load("haiphong-2023")
    slips = [e for e in data["errata"] if e["kind"] == "text_slip" and e["code"] == "2.1.2"]
    assert len(slips) == 1
    rule = next(n["rule"] for n in data["nodes"] if n["code"] == "2.1.2")
    assert rule["threshold"]["below"] in {"0.7", "0.70"}
