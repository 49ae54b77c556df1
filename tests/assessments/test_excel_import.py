"""Importing a filled-in template: every score or none, every problem named by its Excel row."""
import zipfile
from decimal import Decimal
from io import BytesIO

import pytest

from assessments import actions, errors, services
from assessments.errors import AssessmentError
from assessments.excel import ImportRejected, self_scores_import_xlsx
from assessments.models import SelfScore
from assessments.services import self_score_save
from support import SelfScoreTemplate as Template, submit_completed


def rejected_problems(assessment, file, by):
    with pytest.raises(ImportRejected) as rejected:
        self_scores_import_xlsx(assessment=assessment, file=file, by=by)
    assert not SelfScore.objects.exists()
    return rejected.value.problems


# -- accepted ------------------------------------------------------------------------------


def test_a_filled_template_round_trips_into_saved_scores_with_their_history(assessment, ward_staff):
    # Given the template with numbers and texts typed the Vietnamese and the English way
    template = Template(assessment)
    template.type("1.1.1", 0.5, "Kế hoạch số 12/KH-UBND").type("1.1.2", "0,25").type("1.1.3", "0.5")
    template.type("1.2.1", 0)
    # When the unit imports it
    report = self_scores_import_xlsx(assessment=assessment, file=template.file(), by=ward_staff)
    # Then exactly those four criteria are scored, each by the service, with one history row
    assert report.saved == 4
    scores = {s.node.code: s for s in assessment.self_scores.select_related("node")}
    assert {code: s.value for code, s in scores.items()} == {
        "1.1.1": Decimal("0.5"), "1.1.2": Decimal("0.25"), "1.1.3": Decimal("0.5"), "1.2.1": Decimal("0"),
    }
    assert scores["1.1.1"].explanation == "Kế hoạch số 12/KH-UBND"
    assert {(s.version, s.updated_by) for s in scores.values()} == {(1, ward_staff)}
    assert [h.history_user for h in scores["1.1.1"].history.all()] == [ward_staff]


def test_a_changed_score_is_saved_on_top_of_the_current_version(assessment, leaf, ward_staff, ward_head):
    self_score_save(assessment=assessment, node=leaf, by=ward_head, expected_version=None, value="0.5")
    report = self_scores_import_xlsx(
        assessment=assessment, file=Template(assessment).type("1.1.1", 0.25).file(), by=ward_staff
    )
    score = assessment.self_scores.get()
    assert report.saved == 1
    assert (score.value, score.version, score.updated_by) == (Decimal("0.25"), 2, ward_staff)


def test_importing_an_unchanged_template_saves_nothing_again(assessment, leaf, ward_staff):
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0.5",
                    explanation="KH 12")
    report = self_scores_import_xlsx(assessment=assessment, file=Template(assessment).file(), by=ward_staff)
    score = assessment.self_scores.get()
    assert report.saved == 0
    assert score.version == 1 and score.history.count() == 1


def test_an_empty_score_cell_leaves_the_criterion_as_it_is(assessment, leaf, ward_staff):
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0.5")
    report = self_scores_import_xlsx(
        assessment=assessment, file=Template(assessment).type("1.1.1", None).file(), by=ward_staff
    )
    assert report.saved == 0
    assert assessment.self_scores.get().value == Decimal("0.5")


def test_an_explanation_beside_an_empty_score_cell_is_a_problem_of_its_row(assessment, ward_staff):
    template = Template(assessment).type("1.1.1", None, "Kế hoạch số 12/KH-UBND").type("1.1.2", 0.5)
    assert rejected_problems(assessment, template.file(), ward_staff) == [
        "Dòng 7: tiêu chí “1.1.1” có giải trình nhưng chưa có “Điểm tự chấm”: nhập điểm, hoặc xóa giải trình."]


def test_the_entry_page_keeps_no_explanation_without_a_score_either(client_for, assessment, leaf, ward_staff):
    # The same rule as the import's: a form with an explanation and no score saves nothing.
    client_for(ward_staff).post(f"/danh-gia/{assessment.pk}/tieu-chi/{leaf.code}/",
                                {"value": "", "explanation": "Kế hoạch số 12/KH-UBND"})
    assert not SelfScore.objects.exists()


def test_a_failure_while_saving_rolls_back_the_scores_already_saved(assessment, ward_staff, monkeypatch):
    # Given a save that fails on the second criterion (as when someone else saved it meanwhile)
    real_save = services.self_score_save

    def second_save_fails(**kwargs):
        if SelfScore.objects.exists():
            raise AssessmentError("giả lập: tiêu chí vừa được người khác cập nhật")
        return real_save(**kwargs)

    monkeypatch.setattr(services, "self_score_save", second_save_fails)
    template = Template(assessment).type("1.1.1", 0.5).type("1.1.2", 0.5)
    # When the file is imported
    with pytest.raises(AssessmentError, match="giả lập"):
        self_scores_import_xlsx(assessment=assessment, file=template.file(), by=ward_staff)
    # Then the first score is not kept either
    assert not SelfScore.objects.exists()


# -- rejected: nothing is saved, every problem names its row -------------------------------


@pytest.mark.parametrize("code, typed, problem", [
    ("1.1.1", 0.75, "Dòng 7: “Điểm tự chấm” không được lớn hơn điểm tối đa 0,5."),
    ("1.1.1", -0.5, "Dòng 7: “Điểm tự chấm” phải là số không âm."),
    ("1.1.1", "nửa điểm", "Dòng 7: “Điểm tự chấm” phải là một số."),
    ("1.1.1", "0,2,5", "Dòng 7: “Điểm tự chấm” phải là một số."),
    ("1", 20, "Dòng 5: “1” là tiêu chí tổng hợp, không nhập điểm."),
    ("1.1", "1,5", "Dòng 6: “1.1” là tiêu chí tổng hợp, không nhập điểm."),
])
def test_a_bad_cell_rejects_the_whole_file(assessment, ward_staff, code, typed, problem):
    template = Template(assessment).type("1.1.2", 0.5).type(code, typed)
    assert rejected_problems(assessment, template.file(), ward_staff) == [problem]


def test_an_unknown_code_is_refused(assessment, ward_staff):
    template = Template(assessment).type("1.1.2", 0.5)
    template.rows["1.1.1"][0].value = "9.9"
    assert rejected_problems(assessment, template.file(), ward_staff) == [
        "Dòng 7: mã “9.9” không có trong bộ chỉ số.", "Thiếu dòng của tiêu chí “1.1.1”.",
    ]


def test_a_duplicate_code_is_refused_with_the_row_it_first_appeared_on(assessment, ward_staff):
    template = Template(assessment).type("1.1.1", 0.5)
    template.rows["1.1.2"][0].value = "1.1.1"
    assert rejected_problems(assessment, template.file(), ward_staff) == [
        "Dòng 8: mã “1.1.1” đã có ở dòng 7.", "Thiếu dòng của tiêu chí “1.1.2”.",
    ]


def test_a_leaf_missing_from_the_file_is_refused(assessment, ward_staff):
    template = Template(assessment).type("1.1.1", 0.5)
    template.sheet.delete_rows(template.rows["1.2.3"][0].row)
    assert rejected_problems(assessment, template.file(), ward_staff) == ["Thiếu dòng của tiêu chí “1.2.3”."]


def test_every_problem_is_listed_at_once_in_row_order(assessment, ward_staff):
    template = Template(assessment).type("1", 20).type("1.1.1", "x").type("1.1.2", 0.5).type("1.1.3", 9)
    assert rejected_problems(assessment, template.file(), ward_staff) == [
        "Dòng 5: “1” là tiêu chí tổng hợp, không nhập điểm.",
        "Dòng 7: “Điểm tự chấm” phải là một số.",
        "Dòng 9: “Điểm tự chấm” không được lớn hơn điểm tối đa 0,5.",
    ]


def _zip_without_a_workbook():
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize("content", [b"Ma;Diem tu cham\n1.1.1;0,5\n", _zip_without_a_workbook(), b""])
def test_a_file_that_is_not_an_xlsx_workbook_is_refused(assessment, ward_staff, content):
    assert rejected_problems(assessment, BytesIO(content), ward_staff) == ["Tệp không phải Excel (.xlsx) hợp lệ."]


def test_a_sheet_without_the_header_row_is_refused(assessment, ward_staff):
    template = Template(assessment).type("1.1.1", 0.5)
    template.sheet.cell(4, 4).value = "Điểm"
    assert rejected_problems(assessment, template.file(), ward_staff) == [
        "Không tìm thấy dòng tiêu đề có đủ các cột: Mã, Nội dung/Tiêu chí, Điểm tối đa, Điểm tự chấm, Giải trình."
    ]


# -- who and when ------------------------------------------------------------------------------


def test_another_wards_staff_is_refused_before_the_file_is_read(assessment, other_ward_staff):
    with pytest.raises(AssessmentError) as refused:
        self_scores_import_xlsx(assessment=assessment, file=BytesIO(b"not read"), by=other_ward_staff)
    assert not isinstance(refused.value, ImportRejected)
    assert str(refused.value) == errors.NO_PERMISSION
    assert not SelfScore.objects.exists()


def test_after_submission_the_import_is_refused(assessment, ward_staff, ward_head):
    submit_completed(assessment=assessment, by=ward_head)
    with pytest.raises(AssessmentError, match="trạng thái “Đã nộp”"):
        self_scores_import_xlsx(
            assessment=assessment, file=Template(assessment).type("1.1.1", 0.5).file(), by=ward_staff
        )
    assert SelfScore.objects.get(node__code="1.1.1").value == 0  # as submitted


# -- criteria scored by a rule ------------------------------------------------------------------


def test_a_rule_driven_criterion_takes_the_typed_score_as_a_manual_value(city_department):
    # Given the template, whose explanation header says how rule-driven criteria are typed
    assessment, staff = city_department
    template = Template(assessment)
    assert template.sheet.cell(4, 5).comment.text == errors.EXCEL_RULE_DRIVEN_NOTE
    # When the unit types the points it computed for the formula criterion 1.1
    template.type("1.1", "1,2", "a = 10, b = 8")
    self_scores_import_xlsx(assessment=assessment, file=template.file(), by=staff)
    # Then the points are kept as typed, without evaluating the rule or inventing inputs
    score = assessment.self_scores.get()
    assert (score.node.code, score.value, score.inputs, score.explanation) == (
        "1.1", Decimal("1.2"), {}, "a = 10, b = 8"
    )


@pytest.mark.parametrize("code, typed, problem", [
    ("1.1", 2, "“Điểm tự chấm” không được lớn hơn điểm tối đa 1,5."),
    ("3.3.3", 0.1, "“Điểm” phải là bội số của 0,25."),
    ("1.2", 0.25, "“Điểm tự chấm” phải là một trong các mức điểm: 0,5; 0."),
])
def test_rule_driven_and_stepped_criteria_are_checked_like_hand_entered_scores(city_department, code, typed, problem):
    assessment, staff = city_department
    template = Template(assessment).type(code, typed)
    row = template.rows[code][0].row
    assert rejected_problems(assessment, template.file(), staff) == [f"Dòng {row}: {problem}"]


def test_a_choice_criterion_takes_one_of_its_outcomes(city_department):
    assessment, staff = city_department
    template = Template(assessment).type("1.2", 0.5)
    self_scores_import_xlsx(assessment=assessment, file=template.file(), by=staff)
    assert assessment.self_scores.get().value == Decimal("0.5")
