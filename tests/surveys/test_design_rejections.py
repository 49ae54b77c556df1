"""A survey design (DESIGN.json) is read whole or refused whole, with every problem named. No database."""
import copy
from dataclasses import dataclass
from decimal import Decimal

import pytest

from frameworks.tree import Tree
from surveys.design import DesignRefused, read_design

from support import SURVEY_DESIGN


@dataclass(frozen=True)
class Node:
    code: str
    parent: str | None
    max_points: Decimal
    title: str = ""


# A Hà Nội-like tree: area 8 with the SIPAS leaf 8.1 (10 points) beside an appraised 8.2.
TREE = Tree([Node("8", None, Decimal("12"), "Hiện đại hoá"), Node("8.1", "8", Decimal("10"), "Kết quả Chỉ số SIPAS"),
             Node("8.2", "8", Decimal("2"), "Ứng dụng CNTT")])

ISSUE_EXAMPLE = SURVEY_DESIGN


def read(data, framework_max="30"):
    return read_design(data, tree=TREE, framework_key="hoangmai-phuong-2024", framework_max=Decimal(framework_max))


def problems(change, framework_max="30") -> list[str]:
    data = copy.deepcopy(ISSUE_EXAMPLE)
    change(data)
    with pytest.raises(DesignRefused) as refused:
        read(data, framework_max)
    return refused.value.problems


def test_the_issues_example_is_read_as_it_says():
    design = read(ISSUE_EXAMPLE)
    assert design.max_points == Decimal("30")
    assert [(c.code, c.max_points) for c in design.criteria] == [("S1", Decimal("20")), ("S2", Decimal("10"))]
    assert [(g.code, g.weight) for g in design.groups] == [("CD", Decimal("2")), ("CC", Decimal("1"))]
    q1, q2 = design.questions
    assert (q1.criterion, q1.groups, q1.scale, q1.favourable) == ("S1", frozenset({"CD", "CC"}), (1, 5), frozenset({4, 5}))
    assert (q2.scale, q2.favourable) == ((0, 1), frozenset({1}))
    assert design.leaves == ()


def test_a_question_may_score_a_leaf_of_the_framework_tree():
    design = read({"max_points": "0", "criteria": [], "groups": [{"code": "CD", "title": "Công dân", "weight": "1"}],
                   "questions": [{"code": "Q1", "criterion": "8.1", "groups": ["CD"], "scale": [1, 5],
                                  "favourable": [4, 5]}]}, framework_max="0")
    assert [(c.code, c.title, c.max_points) for c in design.leaves] == [("8.1", "Kết quả Chỉ số SIPAS", Decimal("10"))]


def test_criteria_maxima_must_sum_to_max_points():
    assert problems(lambda d: d["criteria"][1].update(max_points="9,5")) == [
        "Tổng điểm tối đa các tiêu chí (29,5) khác max_points (30)."]


def test_max_points_must_equal_the_frameworks_survey_maximum():
    def change(d):
        d["max_points"] = "33"
        d["criteria"][0]["max_points"] = "23"
    assert problems(change) == ["max_points (33) khác điểm điều tra tối đa của bộ chỉ số “hoangmai-phuong-2024” (30)."]


def test_every_problem_is_listed_not_only_the_first():
    def change(d):
        d["criteria"][0]["max_points"] = "hai mươi"
        d["groups"][1]["weight"] = "0"
        d["questions"][0]["groups"] = ["CD", "XX"]
        d["questions"][1]["favourable"] = [2]
    assert problems(change) == [
        "Tiêu chí thứ 1: “hai mươi” phải là chuỗi số thập phân không âm, tối đa 3 chữ số thập phân (ví dụ \"20\" hoặc \"1,5\").",
        "Nhóm thứ 2: trọng số “0” phải là chuỗi số dương (ví dụ \"2\").",
        "Câu hỏi thứ 1: nhóm “XX” không có trong groups.",
        "Câu hỏi thứ 2: “favourable” phải là danh sách khác rỗng các số nguyên khác nhau trong thang đo.",
    ]


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.pop("groups"), "Thiết kế thiếu khoá “groups”."),
    (lambda d: d.update(extra=1), "Thiết kế có khoá lạ “extra”."),
    (lambda d: d.update(criteria={}), "“criteria” phải là một danh sách."),
    (lambda d: d.update(max_points=30), "max_points: “30” phải là chuỗi số thập phân không âm, tối đa 3 chữ số thập phân (ví dụ \"20\" hoặc \"1,5\")."),
    (lambda d: d["criteria"].append("S3"), "Tiêu chí thứ 3 phải là một đối tượng JSON."),
    (lambda d: d["criteria"][0].pop("title"), "Tiêu chí thứ 1 thiếu khoá “title”."),
    (lambda d: d["groups"][0].update(colour="xanh"), "Nhóm thứ 1 có khoá lạ “colour”."),
    (lambda d: d["groups"][1].update(code="CD"), "Nhóm thứ 2: mã “CD” bị lặp."),
    (lambda d: d["criteria"][0].update(title=" "), "Tiêu chí thứ 1: tên phải là chuỗi 1–300 ký tự."),
    (lambda d: d["questions"][1].update(code="Q 2"), "Câu hỏi thứ 2: mã “Q 2” phải là chuỗi 1–20 ký tự, không khoảng trắng."),
    (lambda d: d["questions"][1].update(code="unit"), "Câu hỏi thứ 2: mã “unit” trùng tên cột của tệp phiếu (unit, group)."),
    (lambda d: d["questions"][1].update(criterion="S9"), "Câu hỏi thứ 2: tiêu chí “S9” không có trong thiết kế, cũng không phải tiêu chí lá của bộ chỉ số."),
    (lambda d: d["questions"][1].update(criterion="8"), "Câu hỏi thứ 2: “8” là tiêu chí có tiêu chí con; chỉ tiêu chí lá mới được chấm bằng điều tra."),
    (lambda d: d["questions"][1].update(groups=[]), "Câu hỏi thứ 2: “groups” phải là danh sách khác rỗng các mã nhóm."),
    (lambda d: d["questions"][1].update(scale=[5, 1]), "Câu hỏi thứ 2: “scale” phải là [thấp nhất, cao nhất], hai số nguyên với thấp nhất < cao nhất."),
    (lambda d: d["questions"][1].update(scale=[0, 1.5]), "Câu hỏi thứ 2: “scale” phải là [thấp nhất, cao nhất], hai số nguyên với thấp nhất < cao nhất."),
    (lambda d: d["questions"][1].update(favourable=[]), "Câu hỏi thứ 2: “favourable” phải là danh sách khác rỗng các số nguyên khác nhau trong thang đo."),
    (lambda d: d["questions"][1].update(favourable=[1, 1]), "Câu hỏi thứ 2: “favourable” phải là danh sách khác rỗng các số nguyên khác nhau trong thang đo."),
    (lambda d: d["questions"][1].update(favourable=[True]), "Câu hỏi thứ 2: “favourable” phải là danh sách khác rỗng các số nguyên khác nhau trong thang đo."),
])
def test_each_broken_rule_is_named(change, message):
    assert message in problems(change)


def test_a_criterion_nobody_is_asked_about_is_refused():
    assert problems(lambda d: d["questions"].pop()) == ["Tiêu chí S2 không có câu hỏi nào."]


def test_a_design_criterion_may_not_take_a_code_of_the_tree():
    assert "Tiêu chí thứ 1: mã “8.2” trùng mã một tiêu chí của bộ chỉ số." in problems(
        lambda d: d["criteria"][0].update(code="8.2"))


def test_a_design_that_is_not_an_object_is_refused():
    with pytest.raises(DesignRefused) as refused:
        read([1, 2])
    assert refused.value.problems == [
        "Thiết kế phải là một đối tượng JSON với các khoá max_points, criteria, groups, questions."]


def test_empty_lists_are_refused():
    def change(d):
        d.update(criteria=[], groups=[], questions=[], max_points="0")
    assert problems(change, framework_max="0") == [
        "Thiết kế chưa có nhóm đối tượng nào (groups).", "Thiết kế chưa có câu hỏi nào (questions)."]
