"""Reading a survey design (DESIGN.json, issue 13): every problem listed, nothing half-read. No database.

The design is refused whole when any rule is broken: the criteria's maxima sum to ``max_points``, which
equals the framework's survey maximum where it states one; every question points to one criterion (of the
design, or a leaf of the framework tree the survey then scores) and is asked of one or more groups; answers
are whole numbers on ``scale`` and those in ``favourable`` count as favourable.
"""
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from config.text import echoed
from frameworks.points import PointsParseError, format_points, parse_points, quantize_points

from .aggregation import Criterion, Design, Group, Question

KEYS = ("max_points", "criteria", "groups", "questions")
ITEM_KEYS = {
    "criteria": ("code", "title", "max_points"),
    "groups": ("code", "title", "weight"),
    "questions": ("code", "criterion", "groups", "scale", "favourable"),
}
# Response files name their first two columns so: a question may not take either name.
RESERVED_COLUMNS = ("unit", "group")
CODE_MAX, TITLE_MAX = 20, 300

NOT_AN_OBJECT = _("Thiết kế phải là một đối tượng JSON với các khoá max_points, criteria, groups, questions.")
MISSING_KEY = _("Thiết kế thiếu khoá “%(key)s”.")
UNKNOWN_KEY = _("Thiết kế có khoá lạ “%(key)s”.")
NOT_A_LIST = _("“%(key)s” phải là một danh sách.")
ITEM_NOT_AN_OBJECT = _("%(where)s phải là một đối tượng JSON.")
ITEM_MISSING_KEY = _("%(where)s thiếu khoá “%(key)s”.")
ITEM_UNKNOWN_KEY = _("%(where)s có khoá lạ “%(key)s”.")
BAD_CODE = _("%(where)s: mã “%(value)s” phải là chuỗi 1–20 ký tự, không khoảng trắng.")
RESERVED_CODE = _("%(where)s: mã “%(value)s” trùng tên cột của tệp phiếu (unit, group).")
REPEATED_CODE = _("%(where)s: mã “%(value)s” bị lặp.")
TREE_CODE = _("%(where)s: mã “%(value)s” trùng mã một tiêu chí của bộ chỉ số.")
BAD_TITLE = _("%(where)s: tên phải là chuỗi 1–300 ký tự.")
BAD_POINTS = _("%(where)s: “%(value)s” phải là chuỗi số thập phân không âm, tối đa 3 chữ số thập phân (ví dụ \"20\" hoặc \"1,5\").")
BAD_WEIGHT = _("%(where)s: trọng số “%(value)s” phải là chuỗi số dương (ví dụ \"2\").")
SUM_MISMATCH = _("Tổng điểm tối đa các tiêu chí (%(sum)s) khác max_points (%(max)s).")
FRAMEWORK_MISMATCH = _("max_points (%(max)s) khác điểm điều tra tối đa của bộ chỉ số “%(key)s” (%(framework)s).")
NO_CRITERIA = _("Thiết kế chưa có tiêu chí nào (criteria) và không hỏi về tiêu chí nào của bộ chỉ số.")
NO_GROUPS = _("Thiết kế chưa có nhóm đối tượng nào (groups).")
NO_QUESTIONS = _("Thiết kế chưa có câu hỏi nào (questions).")
UNKNOWN_CRITERION = _("%(where)s: tiêu chí “%(value)s” không có trong thiết kế, cũng không phải tiêu chí lá của bộ chỉ số.")
NOT_A_LEAF = _("%(where)s: “%(value)s” là tiêu chí có tiêu chí con; chỉ tiêu chí lá mới được chấm bằng điều tra.")
NO_GROUPS_ASKED = _("%(where)s: “groups” phải là danh sách khác rỗng các mã nhóm.")
UNKNOWN_GROUP = _("%(where)s: nhóm “%(value)s” không có trong groups.")
BAD_SCALE = _("%(where)s: “scale” phải là [thấp nhất, cao nhất], hai số nguyên với thấp nhất < cao nhất.")
BAD_FAVOURABLE = _("%(where)s: “favourable” phải là danh sách khác rỗng các số nguyên khác nhau trong thang đo.")
UNASKED_CRITERION = _("Tiêu chí %(code)s không có câu hỏi nào.")

PLACES = {"criteria": _("Tiêu chí thứ %(n)s"), "groups": _("Nhóm thứ %(n)s"), "questions": _("Câu hỏi thứ %(n)s")}


class DesignRefused(ValueError):
    """Every problem of a design, in order; ``problems`` lists them."""

    def __init__(self, problems: list[str]):
        super().__init__(" ".join(problems))
        self.problems = problems


def _points(text, *, strictly_positive: bool = False) -> Decimal | None:
    if not isinstance(text, str):
        return None
    try:
        value = parse_points(text)
    except PointsParseError:
        return None
    if value < 0 or (strictly_positive and value == 0) or quantize_points(value) != value:
        return None
    return value


def _is_code(value) -> bool:
    return isinstance(value, str) and 0 < len(value) <= CODE_MAX and not any(c.isspace() for c in value)


def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Reader:
    def __init__(self, tree, framework_key: str, framework_max: Decimal):
        self.tree, self.key, self.framework_max = tree, framework_key, framework_max
        self.problems: list[str] = []

    def problem(self, message, **values):
        self.problems.append(str(message % values) if values else str(message))

    def items(self, data: dict, key: str) -> list[tuple[str, dict]]:
        """(where, item) of the well-formed objects of list ``key``; the others are problems."""
        items = data.get(key)
        if not isinstance(items, list):
            self.problem(NOT_A_LIST, key=key)
            return []
        read = []
        for n, item in enumerate(items, start=1):
            where = str(PLACES[key] % {"n": n})
            if not isinstance(item, dict):
                self.problem(ITEM_NOT_AN_OBJECT, where=where)
                continue
            missing = [k for k in ITEM_KEYS[key] if k not in item]
            for k in missing:
                self.problem(ITEM_MISSING_KEY, where=where, key=k)
            for k in item:
                if k not in ITEM_KEYS[key]:
                    self.problem(ITEM_UNKNOWN_KEY, where=where, key=echoed(k))
            if not missing:
                read.append((where, item))
        return read

    def code(self, where: str, value, seen: set, *, question: bool = False) -> bool:
        if not _is_code(value):
            self.problem(BAD_CODE, where=where, value=echoed(value))
            return False
        if question and value in RESERVED_COLUMNS:
            self.problem(RESERVED_CODE, where=where, value=value)
            return False
        if value in seen:
            self.problem(REPEATED_CODE, where=where, value=value)
            return False
        seen.add(value)
        return True

    def title(self, where: str, value) -> bool:
        if not (isinstance(value, str) and 0 < len(value.strip()) <= TITLE_MAX):
            self.problem(BAD_TITLE, where=where)
            return False
        return True


def read_design(data, *, tree, framework_key: str, framework_max: Decimal) -> Design:
    """The ``Design`` of DESIGN.json's parsed ``data``, or ``DesignRefused`` with every problem.

    ``tree``: the period's framework ``Tree`` (questions may score its leaves); ``framework_max``: the
    framework's survey maximum, 0 when it states none.
    """
    reader = _Reader(tree, framework_key, framework_max)
    if not isinstance(data, dict):
        raise DesignRefused([str(NOT_AN_OBJECT)])
    for key in KEYS:
        if key not in data:
            reader.problem(MISSING_KEY, key=key)
    for key in data:
        if key not in KEYS:
            reader.problem(UNKNOWN_KEY, key=echoed(key))
    maximum = _points(data.get("max_points")) if "max_points" in data else None
    if "max_points" in data and maximum is None:
        reader.problem(BAD_POINTS, where="max_points", value=echoed(data["max_points"]))
    if maximum is not None and framework_max and maximum != framework_max:
        reader.problem(FRAMEWORK_MISMATCH, max=format_points(maximum), key=framework_key,
                       framework=format_points(framework_max))

    criteria, seen = [], set()
    criterion_items = reader.items(data, "criteria")
    for where, item in criterion_items:
        ok = reader.code(where, item["code"], seen)
        if ok and item["code"] in tree.by_code:
            reader.problem(TREE_CODE, where=where, value=item["code"])
            ok = False
        ok = reader.title(where, item["title"]) and ok
        points = _points(item["max_points"])
        if points is None:
            reader.problem(BAD_POINTS, where=where, value=echoed(item["max_points"]))
        elif ok:
            criteria.append(Criterion(item["code"], item["title"].strip(), points))
    if maximum is not None and len(criteria) == len(data.get("criteria") or []):
        total = sum((c.max_points for c in criteria), Decimal(0))
        if total != maximum:
            reader.problem(SUM_MISMATCH, sum=format_points(total), max=format_points(maximum))

    groups, seen = [], set()
    for where, item in reader.items(data, "groups"):
        ok = reader.code(where, item["code"], seen)
        ok = reader.title(where, item["title"]) and ok
        weight = _points(item["weight"], strictly_positive=True)
        if weight is None:
            reader.problem(BAD_WEIGHT, where=where, value=echoed(item["weight"]))
        elif ok:
            groups.append(Group(item["code"], item["title"].strip(), weight))
    group_codes = set(seen)  # a group with a bad weight still exists: questions naming it are not also refused

    questions, seen, leaves = [], set(), {}
    own = {item["code"] for _where, item in criterion_items if isinstance(item["code"], str)}
    for where, item in reader.items(data, "questions"):
        ok = reader.code(where, item["code"], seen, question=True)
        target = item["criterion"]
        if not isinstance(target, str) or (target not in own and target not in tree.by_code):
            reader.problem(UNKNOWN_CRITERION, where=where, value=echoed(target))
            ok = False
        elif target not in own and not tree.is_leaf(target):
            reader.problem(NOT_A_LEAF, where=where, value=target)
            ok = False
        asked = item["groups"]
        if not (isinstance(asked, list) and asked and all(isinstance(g, str) for g in asked)):
            reader.problem(NO_GROUPS_ASKED, where=where)
            ok = False
        else:
            for code in asked:
                if code not in group_codes:
                    reader.problem(UNKNOWN_GROUP, where=where, value=echoed(code))
                    ok = False
        scale, favourable = item["scale"], item["favourable"]
        if not (isinstance(scale, list) and len(scale) == 2 and all(map(_is_whole, scale)) and scale[0] < scale[1]):
            reader.problem(BAD_SCALE, where=where)
            ok = False
        elif not (isinstance(favourable, list) and favourable and all(map(_is_whole, favourable))
                  and len(set(favourable)) == len(favourable) and all(scale[0] <= f <= scale[1] for f in favourable)):
            reader.problem(BAD_FAVOURABLE, where=where)
            ok = False
        if ok:
            questions.append(Question(item["code"], target, frozenset(asked), (scale[0], scale[1]), frozenset(favourable)))
            if target not in own:
                node = tree.by_code[target]
                leaves.setdefault(target, Criterion(target, node.title, node.max_points))

    asked_criteria = {q.criterion for q in questions}
    for criterion in criteria:
        if criterion.code not in asked_criteria and len(questions) == len(data.get("questions") or []):
            reader.problem(UNASKED_CRITERION, code=criterion.code)
    if isinstance(data.get("criteria"), list) and not data["criteria"] and not leaves and isinstance(data.get("questions"), list) and data["questions"]:
        reader.problem(NO_CRITERIA)
    if isinstance(data.get("groups"), list) and not data["groups"]:
        reader.problem(NO_GROUPS)
    if isinstance(data.get("questions"), list) and not data["questions"]:
        reader.problem(NO_QUESTIONS)
    if reader.problems:
        raise DesignRefused(reader.problems)
    return Design(maximum, tuple(criteria), tuple(groups), tuple(questions), tuple(leaves.values()))
