"""Whatever a form sends, the scoring engine answers with points or with an error naming the input.

Every rule of every framework fixture is tried with answers of the right type (which must score between
0 and the criterion's maximum, with at most three places) and with anything else a browser or a script
can send: floats, NaN, 1e309, huge and decomposed texts, lists, missing answers. No database.
"""
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frameworks import rules
from frameworks.services import FIXTURE_DIR, read_fixture


def _criteria():
    for path in sorted(FIXTURE_DIR.glob("*.json")):
        for node in read_fixture(path)["nodes"]:
            if node.get("rule") is not None:
                yield pytest.param(node["rule"], Decimal(node["max_points"]), id=f"{path.stem}:{node['code']}")


CRITERIA = list(_criteria())
KINDS_TRIED = {rule["kind"] for rule, _max in (param.values for param in CRITERIA)}

numbers = st.one_of(
    st.integers(min_value=0, max_value=10**6),
    st.decimals(min_value=0, max_value=10**6, places=3),
    st.decimals(min_value=0, max_value=10**6, places=3).map(lambda d: str(d).replace(".", ",")),
)
garbage = st.one_of(
    st.none(), st.just(""), st.just("   "), st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["NaN", "nan", "1e309", "-1e309", "Infinity", "1e1000000", "1,5.2", "1.000,5", "-0,5", "=1/0",
                     "sNaN", "0x10", "１２", "\u0301", "1\u00a0000"]),
    st.integers(min_value=-10**30, max_value=10**30),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.integers(min_value=1, max_value=10_000).map(lambda size: "9" * size),  # a huge cell pasted in
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def _answer(field: rules.InputField, *, typed: bool):
    right = {"number": numbers, "count": st.integers(min_value=0, max_value=10**6), "boolean": st.booleans(),
             "choice": st.sampled_from([key for key, _label, _score in field.options] or [""])}[field.type]
    return right if typed else st.one_of(right, garbage)


def _inputs(rule, *, typed: bool):
    """A strategy of the inputs ``rule`` asks for (nested ``x.b`` as ``{"x": {"b": …}}``), sometimes missing."""
    fields = rules.input_fields(rule)

    def nest(answers):
        inputs = {}
        for field, answer in zip(fields, answers):
            if answer is _MISSING:
                continue
            *groups, name = field.name.split(".")
            target = inputs
            for group in groups:
                target = target.setdefault(group, {})
            target[name] = answer
        return inputs
    if typed:
        return st.tuples(*(_answer(field, typed=True) for field in fields)).map(nest)
    return st.tuples(*(st.one_of(_answer(field, typed=False), st.just(_MISSING)) for field in fields)).map(nest)


_MISSING = object()


def _check_points(points, max_points):
    assert points is rules.NOT_ASSESSED or (
        isinstance(points, Decimal) and 0 <= points <= max_points and points.as_tuple().exponent >= -3), points


def _names_inputs(error: rules.RuleInputError, names: set[str]) -> bool:
    """The error names an input, a nested group (``x``) whose whole answer is wrong, or a constraint's side
    made of inputs (``b + c`` in "b + c không được lớn hơn a")."""
    named = names | {name.rsplit(".", 1)[0] for name in names if "." in name}
    parts = [part for part in re.findall(r"[A-Za-z_][\w.]*", error.input_name)]
    return bool(parts) and all(part in named for part in parts)


def test_every_rule_kind_is_tried():
    assert KINDS_TRIED >= {"formula", "bands", "choice", "checklist", "count", "conditional", "manual"}


@pytest.mark.parametrize(("rule", "max_points"), CRITERIA)
@given(data=st.data())
def test_any_answer_scores_within_the_maximum_or_names_the_input(rule, max_points, data):
    names = {field.name for field in rules.input_fields(rule)}
    inputs = data.draw(_inputs(rule, typed=False), label="inputs")
    try:
        points = rules.evaluate(rule, max_points, inputs)
    except rules.RuleInputError as error:
        assert _names_inputs(error, names), (error.input_name, names)
        assert str(error).strip() and not re.search(r"%\([a-z_]+\)[sd]", str(error))  # every placeholder filled
    else:
        _check_points(points, max_points)


@pytest.mark.parametrize(("rule", "max_points"), CRITERIA)
@given(data=st.data())
def test_answers_of_the_right_type_score_or_break_a_stated_constraint(rule, max_points, data):
    inputs = data.draw(_inputs(rule, typed=True), label="inputs")
    try:
        points = rules.evaluate(rule, max_points, inputs)
    except rules.RuleInputError as error:
        # Well-typed answers can still contradict each other (b > a) or the rule (a = 0 where it divides).
        assert _names_inputs(error, {field.name for field in rules.input_fields(rule)}), error.input_name
    else:
        _check_points(points, max_points)


@given(value=st.one_of(numbers, garbage), max_points=st.decimals(min_value=0, max_value=100, places=3))
def test_a_hand_entered_score_is_kept_only_between_zero_and_the_maximum(value, max_points):
    try:
        points = rules.evaluate(None, max_points, {"value": value})
    except rules.RuleInputError as error:
        assert error.input_name == "value" and str(error).startswith(("“Điểm”", "Thiếu giá trị cho “Điểm”"))
    else:
        _check_points(points, max_points)
        assert points == Decimal(str(value).replace(",", "."))
