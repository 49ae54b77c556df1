"""Hải Phòng 2023 rules that accepted impossible inputs or refused a real case, as ``evaluate_rule`` shows them
(a ``CommandError`` is what makes ``manage.py`` exit with status 1)."""
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from frameworks.rules import CONSTRAINT_BROKEN, RuleInputError, evaluate
from frameworks.services import FIXTURE_DIR, read_fixture


def run(code, inputs):
    out = io.StringIO()
    call_command("evaluate_rule", "haiphong-2023", code, "--inputs", json.dumps(inputs), stdout=out)
    return out.getvalue().strip()


def fixture_node(code):
    data = read_fixture(FIXTURE_DIR / "haiphong-2023.json")
    return data, next(node for node in data["nodes"] if node["code"] == code)


# -- b and c are two parts of a: b + c > a is refused --------------------------------------------


@pytest.mark.parametrize("code, inputs", [("7.1.4", {"a": 10, "b": 5, "c": 10}), ("1.3.2", {"a": 4, "b": 3, "c": 3})])
def test_parts_adding_up_to_more_than_the_whole_are_refused_naming_b_plus_c_and_a(frameworks, code, inputs):
    with pytest.raises(CommandError) as error:
        run(code, inputs)
    assert str(error.value) == "“b + c” không được lớn hơn “a”."


@pytest.mark.parametrize("code, inputs, points", [
    ("7.1.4", {"a": 10, "b": 5, "c": 5}, "0.75"),
    ("1.3.2", {"a": 4, "b": 3, "c": 1}, "0.875"),
])
def test_parts_adding_up_to_the_whole_still_score(frameworks, code, inputs, points):
    assert run(code, inputs) == points


def test_a_constraint_may_compare_a_sum_with_an_input():
    rule = {"kind": "formula", "expr": "b/a", "inputs": {"a": "tổng", "b": "phần một", "c": "phần hai"},
            "constraints": [["b+c", "<=", "a"]]}
    with pytest.raises(RuleInputError) as error:
        evaluate(rule, 1, {"a": 2, "b": 1, "c": 2})
    assert str(error.value) == CONSTRAINT_BROKEN["<="] % {"name": "b + c", "other": "a"}


# -- 6.1.2 with nothing owed to the budget ----------------------------------------------------------


def test_nothing_owed_to_the_budget_scores_full_points_as_the_erratum_states(frameworks):
    assert run("6.1.2", {"a": 0, "b": 0}) == "0.5"


def test_the_choice_for_nothing_owed_is_an_erratum_quoting_the_text():
    data, node = fixture_node("6.1.2")
    erratum = next(e for e in data["errata"] if e["code"] == "6.1.2")
    assert node["rule"]["zero"] == {"input": "a", "outcome": "full"}
    assert "(b/a) * điểm tối đa" in erratum["problem"] and "a = 0" in erratum["problem"]
    assert "đạt điểm tối đa" in erratum["resolution"] and "1.3.2" in erratum["resolution"]


# -- 2.1.1 asks for the number of approved proposals ----------------------------------------------


@pytest.mark.parametrize("count", [0, 3, 4])
def test_up_to_four_proposals_are_scored_by_the_first_case(frameworks, count):
    assert run("2.1.1", {"a": count, "choice": "all_on_time"}) == "2.5"
    assert run("2.1.1", {"a": count, "choice": "not_all_on_time"}) == "0"


def test_five_proposals_or_more_are_scored_by_the_formula(frameworks):
    assert run("2.1.1", {"a": 5, "b": 4}) == "2"  # 80 % on time × 2,5
    assert run("2.1.1", {"a": 10, "b": 6}) == "0"  # below 70 %


def test_the_count_of_proposals_must_be_a_whole_number(frameworks):
    with pytest.raises(CommandError, match="“a” phải là số nguyên không âm."):
        run("2.1.1", {"a": "4.5", "choice": "all_on_time"})


def test_how_four_proposals_are_treated_is_recorded():
    data, node = fixture_node("2.1.1")
    assert node["rule"]["condition"] == {"input": "a", "label": node["rule"]["condition"]["label"], "at_most": "4"}
    erratum = next(e for e in data["errata"] if e["code"] == "2.1.1")
    assert "đúng 4" in erratum["resolution"] and "trường hợp thứ nhất" in erratum["resolution"]
