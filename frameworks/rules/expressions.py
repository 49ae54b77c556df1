"""The expression compiler: ``expr``, ``measure`` and a threshold's ``expr``.

``parse`` reads an expression with ``ast`` and keeps a small tree that only knows + - * /, unary
minus, decimal literals, the rule's inputs and ``max``; anything else is refused. ``calculate``
evaluates the tree on Decimals, ``render`` writes it the way the official texts do.
"""
import ast
import operator
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ..points import format_points
from .base import RuleDefinitionError, check
from .messages import ZERO_DENOMINATOR
from .reader import Reader


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


def parse(expr, names) -> object:
    """Parse ``expr`` strictly; anything but arithmetic on numbers and ``names`` is refused."""
    check(isinstance(expr, str), f"biểu thức phải là chuỗi: {expr!r}")
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


def calculate(node, values: Mapping, reader: Reader) -> Decimal:
    """The value of a parsed expression; a zero denominator is blamed on its first input."""
    match node:
        case _Num(value):
            return value
        case _Name(name):
            return values[name]
        case _Neg(operand):
            return -calculate(operand, values, reader)
        case _BinOp("/", left, right):
            denominator = calculate(right, values, reader)
            if denominator == 0:
                name = _first_input(right)
                check(name, "biểu thức chia cho 0")
                raise reader.error(name, ZERO_DENOMINATOR)
            return calculate(left, values, reader) / denominator
        case _BinOp(op, left, right):
            return _ARITHMETIC_OPERATORS[op](calculate(left, values, reader), calculate(right, values, reader))


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


def render(node) -> str:
    """A parsed expression in plain Vietnamese: "(b/a) × điểm tối đa"."""
    match node:
        case _Num(value):
            return format_points(value)
        case _Name("max"):
            return _("điểm tối đa")
        case _Name(name):
            return name
        case _Neg(operand):
            return "-" + (f"({render(operand)})" if isinstance(operand, _BinOp) else render(operand))
        case _BinOp(op, left, right):
            return _render_operand(left, op, False) + _SYMBOLS[op] + _render_operand(right, op, True)


def _render_operand(node, parent_op: str, on_right: bool) -> str:
    text = render(node)
    if isinstance(node, _BinOp):
        own, parent = _PRECEDENCE[node.op], _PRECEDENCE[parent_op]
        # The official texts bracket a ratio that is multiplied: "(b/a) × điểm tối đa".
        if own < parent or (on_right and own == parent) or (node.op == "/" and parent_op == "*"):
            return f"({text})"
    return text
