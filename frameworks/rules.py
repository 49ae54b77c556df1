"""Scoring rules: evaluate a criterion's declarative rule (``fixtures/frameworks/FORMAT.md``, RULE).

Plain Python on plain data, no database: Decimal in, Decimal out. ``evaluate`` checks the rule, reads
the inputs, and returns the points clamped to [0, max] and quantized once (``quantize_points``), or
``NOT_ASSESSED`` when the criterion is "không đánh giá".

Expressions (``expr``, ``measure``, a threshold's ``expr``) are parsed with ``ast`` into a small tree
that only knows + - * /, unary minus, decimal literals, the rule's inputs and ``max``.
"""
import ast
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Context, Decimal, InvalidOperation, localcontext
from typing import NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .points import PointsParseError, format_points, parse_points, quantize_points

# Messages for the user, defined once; ``%(name)s`` is the input's name (dotted when nested).
MISSING_INPUT = gettext_lazy("Thiếu giá trị cho “%(name)s”.")
NOT_A_NUMBER = gettext_lazy("“%(name)s” phải là một số.")
NEGATIVE = gettext_lazy("“%(name)s” phải là số không âm.")
NOT_WHOLE = gettext_lazy("“%(name)s” phải là số nguyên không âm.")
NOT_YES_NO = gettext_lazy("“%(name)s” phải là có hoặc không.")
UNKNOWN_CHOICE = gettext_lazy("“%(value)s” không phải là một lựa chọn của “%(name)s”.")
ZERO_DENOMINATOR = gettext_lazy("“%(name)s” phải lớn hơn 0.")
ABOVE_MAX = gettext_lazy("“%(name)s” không được lớn hơn điểm tối đa %(max)s.")
NOT_A_MULTIPLE = gettext_lazy("“%(name)s” phải là bội số của %(step)s.")
TOO_LARGE = gettext_lazy("“%(name)s” quá lớn.")
CONSTRAINT_BROKEN = {
    "<=": gettext_lazy("“%(name)s” không được lớn hơn “%(other)s”."),
    "<": gettext_lazy("“%(name)s” phải nhỏ hơn “%(other)s”."),
    ">=": gettext_lazy("“%(name)s” không được nhỏ hơn “%(other)s”."),
    ">": gettext_lazy("“%(name)s” phải lớn hơn “%(other)s”."),
}
_COMPARISONS = {"<=": operator.le, "<": operator.lt, ">=": operator.ge, ">": operator.gt}

_DEFAULT_STEP = "0.001"
# Independent of whatever context the caller set: 40 digits keep ratios exact far beyond 3 places.
_ARITHMETIC = Context(prec=40)
# No count, score or sum of đồng a unit reports comes near 10^15 (a million billion đồng, about the
# whole country's yearly budget revenue); "1e1000000" would overflow the arithmetic instead.
_TOO_LARGE = Decimal("1e15")


class _NotAssessed:
    """The criterion is "không đánh giá": it leaves both the achieved and the maximum points."""

    def __repr__(self):
        return "NOT_ASSESSED"

    def __str__(self):
        return "not assessed"


NOT_ASSESSED = _NotAssessed()


class RuleDefinitionError(ValueError):
    """A rule in a fixture is malformed; the message is for whoever edits the fixture."""


class RuleInputError(ValueError):
    """An input cannot be scored; ``input_name`` says which one (``x.b`` inside checklist item ``x``)."""

    def __init__(self, input_name: str, message: str):
        super().__init__(message)
        self.input_name = input_name


@dataclass(frozen=True)
class InputField:
    """One answer a form should ask for.

    ``type`` is "number", "count" (a whole number), "boolean" or "choice" (then ``options`` holds
    ``(key, label, score)``). A dotted name ``x.b`` is input ``b`` of checklist item ``x``: it goes
    into ``inputs["x"]["b"]``, and ``group`` holds that item's label.
    """

    name: str
    label: str
    type: str
    options: tuple = ()
    group: str = ""


# -- public API -------------------------------------------------------------------------------


def evaluate(rule: dict | None, max_points: Decimal, inputs: Mapping) -> Decimal | _NotAssessed:
    """Score ``inputs`` by ``rule`` (None: entered by hand as ``{"value": ...}``).

    Inputs that pass every check can still overflow together (1 divided by 0,000…1): such an
    ``ArithmeticError`` is reported as ``NOT_A_NUMBER`` on the rule's first input, the first one
    its form shows, rather than tracing which input caused it.
    """
    max_points = parse_points(max_points)
    validate_rule(rule, max_points)
    reader = _Reader(inputs)
    with localcontext(_ARITHMETIC):
        try:
            points = _clamped(rule, max_points, reader)
            return points if points is NOT_ASSESSED else quantize_points(points)
        except ArithmeticError:
            raise reader.error(input_fields(rule)[0].name, NOT_A_NUMBER) from None


def validate_rule(rule: dict | None, max_points: Decimal) -> None:
    """Raise ``RuleDefinitionError`` unless ``rule`` can be evaluated on a criterion worth ``max_points``."""
    _KINDS[_kind(rule)].validate(rule, parse_points(max_points))


def input_fields(rule: dict | None) -> list[InputField]:
    """The answers a form should ask for, in the rule's order. ``rule`` must be valid."""
    return _KINDS[_kind(rule)].fields(rule)


def describe(rule: dict | None, max_points: Decimal) -> str:
    """The rule in plain Vietnamese, numbers with a decimal comma. ``rule`` must be valid."""
    return _KINDS[_kind(rule)].describe(rule, parse_points(max_points))


# -- shared helpers ---------------------------------------------------------------------------


def _kind(rule) -> str:
    if rule is None:
        return "manual"
    if not isinstance(rule, Mapping) or rule.get("kind") not in _KINDS:
        raise RuleDefinitionError(f"loại quy tắc không hợp lệ: {rule!r}")
    return rule["kind"]


def _score(rule, max_points: Decimal, reader: "_Reader"):
    return _KINDS[_kind(rule)].score(rule, max_points, reader)


def _clamped(rule, max_points: Decimal, reader: "_Reader"):
    points = _score(rule, max_points, reader)
    return points if points is NOT_ASSESSED else min(max(points, Decimal(0)), max_points)


@dataclass(frozen=True)
class _Reader:
    """Reads and checks the inputs of one rule; every kind goes through it."""

    values: Mapping
    prefix: str = ""  # "x." inside checklist item x, so errors name the input the form shows

    def error(self, name: str, message, **params) -> RuleInputError:
        if "other" in params:
            params["other"] = self.prefix + params["other"]
        # A hand-entered score is shown to people as "Điểm", not by its key.
        shown = _("Điểm") if name == "value" and not self.prefix else self.prefix + name
        return RuleInputError(self.prefix + name, message % {"name": shown, **params})

    def given(self, name: str):
        raw = self.values.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            raise self.error(name, MISSING_INPUT)
        return raw

    def number(self, name: str, *, whole: bool = False) -> Decimal:
        try:
            value = parse_points(self.given(name))
        except PointsParseError:
            raise self.error(name, NOT_A_NUMBER) from None
        if value < 0:
            raise self.error(name, NEGATIVE)
        if value >= _TOO_LARGE:
            raise self.error(name, TOO_LARGE)
        if whole and value != value.to_integral_value():
            raise self.error(name, NOT_WHOLE)
        return value

    def boolean(self, name: str) -> bool:
        value = self.given(name)
        if not isinstance(value, bool):
            raise self.error(name, NOT_YES_NO)
        return value

    def nested(self, name: str) -> "_Reader":
        values = self.given(name)
        if not isinstance(values, Mapping):
            raise self.error(name, MISSING_INPUT)
        return _Reader(values, f"{self.prefix}{name}.")


def _check(condition, problem: str) -> None:
    if not condition:
        raise RuleDefinitionError(problem)


def _rule_number(value, what: str) -> Decimal:
    try:
        return parse_points(value)
    except PointsParseError:
        raise RuleDefinitionError(f"{what} không phải là số: {value!r}") from None


def _rule_points(value, what: str, max_points: Decimal) -> Decimal:
    points = _rule_number(value, what)
    _check(0 <= points <= max_points, f"{what} {value!r} nằm ngoài [0, {max_points}]")
    return points


def _check_name(name, what: str) -> None:
    _check(isinstance(name, str) and name.isidentifier() and name != "max", f"{what} không hợp lệ: {name!r}")


def _check_label(item: Mapping, key: str = "label") -> None:
    _check(isinstance(item.get(key), str), f"thiếu nhãn “{key}”: {item!r}")


def _check_list(rule: Mapping, key: str) -> list:
    entries = rule.get(key)
    _check(isinstance(entries, list) and entries and all(isinstance(e, Mapping) for e in entries),
           f"“{key}” phải là danh sách không rỗng: {entries!r}")
    return entries


def _check_unique(names: list, what: str) -> None:
    _check(len(set(names)) == len(names), f"{what} bị trùng: {names!r}")


def _validate_nested(rule, max_points: Decimal) -> None:
    # Only a whole criterion may be "manual" by having no rule; a nested rule is always spelled out.
    _check(isinstance(rule, Mapping), f"quy tắc con phải là một đối tượng: {rule!r}")
    validate_rule(rule, max_points)


def _points_text(value) -> str:
    return _("%(points)s điểm") % {"points": format_points(parse_points(value))}


# -- expressions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Num:
    value: Decimal


@dataclass(frozen=True)
class _Name:
    name: str


@dataclass(frozen=True)
class _Neg:
    operand: object


@dataclass(frozen=True)
class _BinOp:
    op: str
    left: object
    right: object


_AST_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_ARITHMETIC_OPERATORS = {"+": operator.add, "-": operator.sub, "*": operator.mul}
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
_SYMBOLS = {"+": " + ", "-": " - ", "*": " × ", "/": "/"}


def _parse(expr, names) -> object:
    """Parse ``expr`` strictly; anything but arithmetic on numbers and ``names`` is refused."""
    _check(isinstance(expr, str), f"biểu thức phải là chuỗi: {expr!r}")
    source = expr.strip()
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError:
        raise RuleDefinitionError(f"không đọc được biểu thức “{expr}”") from None
    return _convert(tree.body, source, names)


def _convert(node, source: str, names) -> object:
    match node:
        case ast.BinOp(left, op, right) if type(op) in _AST_OPERATORS:
            return _BinOp(_AST_OPERATORS[type(op)], _convert(left, source, names), _convert(right, source, names))
        case ast.UnaryOp(ast.USub(), operand):
            return _Neg(_convert(operand, source, names))
        case ast.Constant(int() | float() as value) if not isinstance(value, bool):
            # Read the literal's own text: Python has already turned 0.1 into an inexact float.
            try:
                return _Num(Decimal(ast.get_source_segment(source, node)))
            except InvalidOperation:
                pass
        case ast.Name(name) if name in names:
            return _Name(name)
        case ast.Name(name):
            raise RuleDefinitionError(f"biểu thức “{source}” dùng tên chưa khai báo “{name}”")
    raise RuleDefinitionError(f"biểu thức “{source}” chỉ được dùng + - * /, số và tên đầu vào")


def _calculate(node, values: Mapping, reader: _Reader) -> Decimal:
    match node:
        case _Num(value):
            return value
        case _Name(name):
            return values[name]
        case _Neg(operand):
            return -_calculate(operand, values, reader)
        case _BinOp("/", left, right):
            denominator = _calculate(right, values, reader)
            if denominator == 0:
                name = _first_input(right)
                _check(name, "biểu thức chia cho 0")
                raise reader.error(name, ZERO_DENOMINATOR)
            return _calculate(left, values, reader) / denominator
        case _BinOp(op, left, right):
            return _ARITHMETIC_OPERATORS[op](_calculate(left, values, reader), _calculate(right, values, reader))


def _first_input(node) -> str | None:
    """The input to blame when ``node``, a denominator, is 0."""
    match node:
        case _Name(name) if name != "max":
            return name
        case _Neg(operand):
            return _first_input(operand)
        case _BinOp(_, left, right):
            return _first_input(left) or _first_input(right)
    return None


def _render(node) -> str:
    match node:
        case _Num(value):
            return format_points(value)
        case _Name("max"):
            return _("điểm tối đa")
        case _Name(name):
            return name
        case _Neg(operand):
            return "-" + (f"({_render(operand)})" if isinstance(operand, _BinOp) else _render(operand))
        case _BinOp(op, left, right):
            return _render_operand(left, op, False) + _SYMBOLS[op] + _render_operand(right, op, True)


def _render_operand(node, parent_op: str, on_right: bool) -> str:
    text = _render(node)
    if isinstance(node, _BinOp):
        own, parent = _PRECEDENCE[node.op], _PRECEDENCE[parent_op]
        # The official texts bracket a ratio that is multiplied: "(b/a) × điểm tối đa".
        if own < parent or (on_right and own == parent) or (node.op == "/" and parent_op == "*"):
            return f"({text})"
    return text


# -- formula and bands: inputs, constraints and the zero clause --------------------------------

_ZERO_OUTCOMES = ("full", "not_assessed", "zero")


def _names(rule) -> frozenset:
    return frozenset(rule["inputs"]) | {"max"}


def _validate_measured(rule) -> frozenset:
    inputs = rule.get("inputs")
    _check(isinstance(inputs, Mapping) and inputs, f"quy tắc cần “inputs”: {rule!r}")
    for name, wording in inputs.items():
        _check_name(name, "tên đầu vào")
        _check(isinstance(wording, str), f"“{name}” cần lời mô tả")
    for constraint in rule.get("constraints", []):
        _check(isinstance(constraint, (list, tuple)) and len(constraint) == 3
               and constraint[0] in inputs and constraint[1] in _COMPARISONS and constraint[2] in inputs,
               f"ràng buộc không hợp lệ: {constraint!r}")
    zero = rule.get("zero")
    if zero is not None:
        _check(isinstance(zero, Mapping) and zero.get("input") in inputs and zero.get("outcome") in _ZERO_OUTCOMES,
               f"mệnh đề “zero” không hợp lệ: {zero!r}")
    return _names(rule)


def _read_measured(rule, max_points: Decimal, reader: _Reader) -> dict:
    """All inputs, checked against the constraints, plus ``max``."""
    values = {name: reader.number(name) for name in rule["inputs"]}
    for left, op, right in rule.get("constraints", []):
        if not _COMPARISONS[op](values[left], values[right]):
            raise reader.error(left, CONSTRAINT_BROKEN[op], other=right)
    return values | {"max": max_points}


def _zero_outcome(rule, values: Mapping, max_points: Decimal):
    """What the ``zero`` clause decides, or None when it does not apply."""
    zero = rule.get("zero")
    if zero is None or values[zero["input"]] != 0:
        return None
    return {"full": max_points, "not_assessed": NOT_ASSESSED, "zero": Decimal(0)}[zero["outcome"]]


def _measured_fields(rule) -> list[InputField]:
    return [InputField(name, wording, "number") for name, wording in rule["inputs"].items()]


def _zero_texts(rule) -> list[str]:
    zero = rule.get("zero")
    if zero is None:
        return []
    outcome = {"full": _("đạt điểm tối đa"), "not_assessed": _("không đánh giá"), "zero": _("0 điểm")}
    return [f"{zero['input']} = 0: {outcome[zero['outcome']]}"]


def _compute(expr: str, values: Mapping, reader: _Reader) -> Decimal:
    return _calculate(_parse(expr, values.keys()), values, reader)


def _expression(expr: str, rule) -> str:
    return _render(_parse(expr, _names(rule)))


# -- the kinds --------------------------------------------------------------------------------


def _step(rule) -> Decimal:
    return _rule_number((rule or {}).get("step", _DEFAULT_STEP), "bước")


def _validate_manual(rule, max_points):
    step = _step(rule)
    # A step finer than the 3 places points keep could never be met exactly.
    _check(step > 0 and quantize_points(step) == step, f"bước không hợp lệ: {step}")


def _score_manual(rule, max_points, reader):
    # Entered by hand: refused rather than clamped, so the user sees the mistake.
    value = reader.number("value")
    if value > max_points:
        raise reader.error("value", ABOVE_MAX, max=format_points(max_points))
    step = _step(rule)
    if value % step:
        raise reader.error("value", NOT_A_MULTIPLE, step=format_points(step))
    return value


def _manual_fields(rule):
    return [InputField("value", _("Điểm"), "number")]


def _describe_manual(rule, max_points):
    return _("Chấm trực tiếp từ 0 đến %(max)s điểm, bước %(step)s") % {
        "max": format_points(max_points), "step": format_points(_step(rule))}


def _validate_formula(rule, max_points):
    names = _validate_measured(rule)
    _parse(rule.get("expr"), names)
    threshold = rule.get("threshold")
    if threshold is not None:
        _check(isinstance(threshold, Mapping), f"ngưỡng không hợp lệ: {threshold!r}")
        _parse(threshold.get("expr"), names)
        _rule_number(threshold.get("below"), "ngưỡng")
        _rule_points(threshold.get("score"), "điểm dưới ngưỡng", max_points)


def _score_formula(rule, max_points, reader):
    values = _read_measured(rule, max_points, reader)
    if (decided := _zero_outcome(rule, values, max_points)) is not None:
        return decided
    threshold = rule.get("threshold")
    # Compared at full precision: a ratio of exactly 0.8 is not below 0.8, one of 0.7999 is.
    if threshold and _compute(threshold["expr"], values, reader) < parse_points(threshold["below"]):
        return parse_points(threshold["score"])
    return _compute(rule["expr"], values, reader)


def _describe_formula(rule, max_points):
    parts = [_("Điểm = %(expr)s") % {"expr": _expression(rule["expr"], rule)}]
    if threshold := rule.get("threshold"):
        parts.append(_("nếu %(expr)s < %(below)s thì %(score)s") % {
            "expr": _expression(threshold["expr"], rule),
            "below": format_points(parse_points(threshold["below"])),
            "score": _points_text(threshold["score"])})
    return "; ".join(parts + _zero_texts(rule))


def _validate_bands(rule, max_points):
    _parse(rule.get("measure"), _validate_measured(rule))
    bands = _check_list(rule, "bands")
    for band in bands:
        _rule_points(band.get("score"), "điểm của khoảng", max_points)
    mins = [_rule_number(band["min"], "mức tối thiểu") for band in bands if "min" in band]
    _check(all("min" in band for band in bands[:-1]), "chỉ khoảng cuối cùng được bỏ “min”")
    # First match wins, so a lower min before a higher one would hide the higher band.
    _check(all(a > b for a, b in zip(mins, mins[1:])), f"các mức “min” phải giảm dần: {mins}")


def _score_bands(rule, max_points, reader):
    values = _read_measured(rule, max_points, reader)
    if (decided := _zero_outcome(rule, values, max_points)) is not None:
        return decided
    measure = _compute(rule["measure"], values, reader)
    for band in rule["bands"]:
        if "min" not in band or parse_points(band["min"]) <= measure:
            return parse_points(band["score"])
    return Decimal(0)


def _describe_bands(rule, max_points):
    # A measure written as a percentage ("b/a*100") reads best with its unit after each threshold.
    unit = "%" if rule["measure"].replace(" ", "").endswith("*100") else ""
    bands = [
        (_("từ %(min)s trở lên: %(score)s") % {"min": format_points(parse_points(band["min"])) + unit,
                                               "score": _points_text(band["score"])})
        if "min" in band else _("còn lại: %(score)s") % {"score": _points_text(band["score"])}
        for band in rule["bands"]
    ]
    return _("Theo %(measure)s — %(bands)s") % {
        "measure": _expression(rule["measure"], rule), "bands": "; ".join(bands + _zero_texts(rule))}


def _validate_choice(rule, max_points):
    options = _check_list(rule, "options")
    for option in options:
        _check(isinstance(option.get("key"), str) and option["key"], f"lựa chọn cần “key”: {option!r}")
        _check_label(option)
        _rule_points(option.get("score"), f"điểm của lựa chọn “{option['key']}”", max_points)
    _check_unique([option["key"] for option in options], "khóa lựa chọn")


def _score_choice(rule, max_points, reader):
    key = reader.given("choice")
    for option in rule["options"]:
        if option["key"] == key:
            return parse_points(option["score"])
    raise reader.error("choice", UNKNOWN_CHOICE, value=key)


def _choice_fields(rule):
    options = tuple((o["key"], o["label"], parse_points(o["score"])) for o in rule["options"])
    return [InputField("choice", _("Kết quả"), "choice", options)]


def _describe_choice(rule, max_points):
    return _("Chọn một: %(options)s") % {
        "options": "; ".join(f"{o['label']}: {_points_text(o['score'])}" for o in rule["options"])}


def _validate_checklist(rule, max_points):
    items = _check_list(rule, "items")
    for item in items:
        _check_name(item.get("key"), "khóa mục")
        _check_label(item)
        _check(("score" in item) != ("rule" in item), f"mục “{item['key']}” cần “score” hoặc “rule”, không cả hai")
        if "rule" in item:
            item_max = _rule_points(item.get("max"), f"điểm tối đa của mục “{item['key']}”", max_points)
            _validate_nested(item["rule"], item_max)
        else:
            _rule_points(item["score"], f"điểm của mục “{item['key']}”", max_points)
    _check_unique([item["key"] for item in items], "khóa mục")


def _score_checklist(rule, max_points, reader):
    total = Decimal(0)
    for item in rule["items"]:
        if "rule" not in item:
            total += parse_points(item["score"]) if reader.boolean(item["key"]) else 0
            continue
        points = _clamped(item["rule"], parse_points(item["max"]), reader.nested(item["key"]))
        # An item whose own rule says "không đánh giá" earns 0: the checklist keeps its one maximum,
        # and the official texts only ever leave out a whole criterion, never part of one.
        total += 0 if points is NOT_ASSESSED else points
    return total


def _checklist_fields(rule):
    fields = []
    for item in rule["items"]:
        if "rule" not in item:
            fields.append(InputField(item["key"], item["label"], "boolean"))
            continue
        fields.extend(replace(field, name=f"{item['key']}.{field.name}", group=field.group or item["label"])
                      for field in input_fields(item["rule"]))
    return fields


def _describe_checklist(rule, max_points):
    items = [
        f"{item['label']}: {_points_text(item['score'])}" if "rule" not in item
        else f"{item['label']}: {describe(item['rule'], parse_points(item['max']))}"
        for item in rule["items"]
    ]
    return _("Cộng điểm các mục đạt, tối đa %(max)s: %(items)s") % {
        "max": _points_text(max_points), "items": "; ".join(items)}


def _validate_count(rule, max_points):
    items = _check_list(rule, "items")
    for item in items:
        _check_name(item.get("input"), "tên đầu vào")
        _check_label(item)
        _rule_points(item.get("each"), f"điểm mỗi “{item['input']}”", max_points)
    _check_unique([item["input"] for item in items], "tên đầu vào")
    if "cap" in rule:
        _rule_points(rule["cap"], "mức trần", max_points)


def _score_count(rule, max_points, reader):
    total = sum((parse_points(item["each"]) * reader.number(item["input"], whole=True) for item in rule["items"]),
                Decimal(0))
    return min(total, parse_points(rule.get("cap", max_points)))


def _count_fields(rule):
    return [InputField(item["input"], item["label"], "count") for item in rule["items"]]


def _describe_count(rule, max_points):
    items = [f"{item['label']}: {_points_text(item['each'])}" for item in rule["items"]]
    cap = _points_text(rule.get("cap", max_points))
    return _("%(items)s; tối đa %(cap)s") % {"items": "; ".join(items), "cap": cap}


def _validate_conditional(rule, max_points):
    condition = rule.get("condition")
    _check(isinstance(condition, Mapping), f"quy tắc cần “condition”: {rule!r}")
    _check_name(condition.get("input"), "tên điều kiện")
    _check_label(condition)
    _validate_nested(rule.get("if_true"), max_points)
    _validate_nested(rule.get("if_false"), max_points)


def _score_conditional(rule, max_points, reader):
    chosen = rule["if_true"] if reader.boolean(rule["condition"]["input"]) else rule["if_false"]
    return _score(chosen, max_points, reader)


def _conditional_fields(rule):
    condition = rule["condition"]
    fields = {condition["input"]: InputField(condition["input"], condition["label"], "boolean")}
    for field in input_fields(rule["if_true"]) + input_fields(rule["if_false"]):
        fields.setdefault(field.name, field)  # both rules often ask for the same a and b
    return list(fields.values())


def _describe_conditional(rule, max_points):
    return _("Nếu “%(condition)s”: %(if_true)s. Nếu không: %(if_false)s") % {
        "condition": rule["condition"]["label"],
        "if_true": describe(rule["if_true"], max_points),
        "if_false": describe(rule["if_false"], max_points)}


class _Kind(NamedTuple):
    validate: Callable
    score: Callable
    fields: Callable
    describe: Callable


_KINDS = {
    "manual": _Kind(_validate_manual, _score_manual, _manual_fields, _describe_manual),
    "formula": _Kind(_validate_formula, _score_formula, _measured_fields, _describe_formula),
    "bands": _Kind(_validate_bands, _score_bands, _measured_fields, _describe_bands),
    "choice": _Kind(_validate_choice, _score_choice, _choice_fields, _describe_choice),
    "checklist": _Kind(_validate_checklist, _score_checklist, _checklist_fields, _describe_checklist),
    "count": _Kind(_validate_count, _score_count, _count_fields, _describe_count),
    "conditional": _Kind(_validate_conditional, _score_conditional, _conditional_fields, _describe_conditional),
}
