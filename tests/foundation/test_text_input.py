"""Text typed in a form or a spreadsheet: stored composed (NFC), bounded in length with a message
naming the field (and the row, in a file), and shortened when a message quotes it back."""
import datetime
import io
import unicodedata

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from appraisal.errors import AppraisalError
from appraisal.excel import AppraisalImportRejected, appraisal_import, appraisal_workbook
from assessments import actions
from assessments.errors import AssessmentError
from assessments.excel import ImportRejected, self_score_template_xlsx, self_scores_import_xlsx
from assessments.services import assessment_exclude, assessment_reopen, evidence_add, self_score_save
from assessments.workflow import Status, TransitionError
from appraisal.services import appraisal_save
from config.excel import workbook_bytes

from support import submit_completed

TOO_LONG_EXPLANATION = "“Giải trình” dài 5001 ký tự; tối đa 5000 ký tự."


@pytest.fixture
def assessment(period, ward):
    return period.assessments.get(unit=ward)


@pytest.fixture
def leaf(ward_framework):
    return ward_framework.nodes.get(code="1.1.1")


def test_an_explanation_is_stored_composed(assessment, leaf, ward_staff):
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0,5",
                    explanation=unicodedata.normalize("NFD", " Kế hoạch số 12 "))
    assert assessment.self_scores.get().explanation == unicodedata.normalize("NFC", "Kế hoạch số 12")


def test_an_explanation_past_the_limit_is_refused_and_nothing_is_saved(assessment, leaf, ward_staff):
    with pytest.raises(AssessmentError) as refused:
        self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0,5",
                        explanation="x" * 5001)
    assert str(refused.value) == TOO_LONG_EXPLANATION
    assert not assessment.self_scores.exists()


def test_an_imported_explanation_past_the_limit_is_refused_on_its_row(assessment, ward_staff):
    workbook = load_workbook(io.BytesIO(self_score_template_xlsx(assessment=assessment)))
    workbook.active["D7"], workbook.active["E7"] = 0.5, "x" * 5001
    with pytest.raises(ImportRejected) as rejected:
        self_scores_import_xlsx(assessment=assessment, file=io.BytesIO(workbook_bytes(workbook)), by=ward_staff)
    assert rejected.value.problems == [f"Dòng 7: {TOO_LONG_EXPLANATION}"]
    assert not assessment.self_scores.exists()


def test_an_unknown_code_is_quoted_back_shortened(assessment, ward_staff):
    workbook = load_workbook(io.BytesIO(self_score_template_xlsx(assessment=assessment)))
    workbook.active["A7"] = "9" * 500_000
    with pytest.raises(ImportRejected) as rejected:
        self_scores_import_xlsx(assessment=assessment, file=io.BytesIO(workbook_bytes(workbook)), by=ward_staff)
    assert rejected.value.problems[0] == f"Dòng 7: mã “{'9' * 60}…” không có trong bộ chỉ số."


@pytest.fixture
def under_appraisal(assessment, ward_head, secretariat):
    submit_completed(assessment=assessment, by=ward_head)
    actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    return assessment


def test_an_adjustment_reason_past_the_limit_is_refused(under_appraisal, leaf, secretariat):
    with pytest.raises(AppraisalError) as refused:
        appraisal_save(assessment=under_appraisal, node=leaf, by=secretariat, value="0", reason="x" * 2001,
                       expected_version=None)
    assert str(refused.value) == "“Lý do điều chỉnh” dài 2001 ký tự; tối đa 2000 ký tự."
    assert not under_appraisal.appraised_scores.exists()


def test_an_imported_reason_past_the_limit_is_refused_on_its_row(period, under_appraisal, secretariat):
    workbook = load_workbook(io.BytesIO(appraisal_workbook(period=period)))
    workbook.active["G2"], workbook.active["H2"] = 0, "x" * 2001
    with pytest.raises(AppraisalImportRejected) as rejected:
        appraisal_import(period=period, file=io.BytesIO(workbook_bytes(workbook)), by=secretariat)
    assert rejected.value.problems == ["Dòng 2: “Lý do điều chỉnh” dài 2001 ký tự; tối đa 2000 ký tự."]


NFD = unicodedata.normalize("NFD", "Quyết định số 12")
NFC = unicodedata.normalize("NFC", "Quyết định số 12")


def NEXT_WEEK():
    return timezone.localdate() + datetime.timedelta(days=7)


def test_an_evidence_reference_is_stored_composed(assessment, leaf, ward_staff):
    evidence = evidence_add(assessment=assessment, by=ward_staff, nodes=[leaf], title=NFD,
                            document_number=NFD, document_issuer=NFD)
    evidence.refresh_from_db()
    assert (evidence.title, evidence.document_number, evidence.document_issuer) == (NFC, NFC, NFC)


@pytest.mark.parametrize("field, name, limit", [
    ("title", "Tên tài liệu", 300),
    ("document_number", "Số, ký hiệu", 100),
    ("document_issuer", "Cơ quan ban hành", 200),
])
def test_an_evidence_text_past_its_column_is_refused_not_cut(assessment, leaf, ward_staff, field, name, limit):
    typed = {"document_number": "12/QĐ-UBND", field: "x" * (limit + 1)}
    with pytest.raises(AssessmentError) as refused:
        evidence_add(assessment=assessment, by=ward_staff, nodes=[leaf], **typed)
    assert str(refused.value) == f"“{name}” dài {limit + 1} ký tự; tối đa {limit} ký tự."
    assert not assessment.evidence.exists()


@pytest.fixture
def submitted(assessment, ward_head):
    submit_completed(assessment=assessment, by=ward_head)
    return assessment


def test_a_step_reason_is_stored_composed(submitted, secretariat):
    change = actions.assessment_return(assessment=submitted, by=secretariat, reason=NFD, until=NEXT_WEEK())
    change.refresh_from_db()
    assert change.reason == NFC
    assert submitted.history.first().history_change_reason == NFC


def test_a_step_reason_past_the_limit_is_refused_and_the_step_not_taken(submitted, secretariat):
    with pytest.raises(TransitionError) as refused:
        actions.assessment_return(assessment=submitted, by=secretariat, reason="x" * 2001, until=NEXT_WEEK())
    assert str(refused.value) == "“Lý do” dài 2001 ký tự; tối đa 2000 ký tự."
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert not submitted.status_changes.filter(action="return").exists()


def test_a_reopen_reason_is_bounded_and_composed(assessment, secretariat):
    with pytest.raises(AssessmentError) as refused:
        assessment_reopen(assessment=assessment, until=NEXT_WEEK(), reason="x" * 2001, by=secretariat)
    assert str(refused.value) == "“Lý do mở lại” dài 2001 ký tự; tối đa 2000 ký tự."
    assessment.refresh_from_db()
    assert assessment.reopened_until is None
    assessment_reopen(assessment=assessment, until=NEXT_WEEK(), reason=NFD, by=secretariat)
    assert assessment.history.first().history_change_reason == NFC


@pytest.mark.parametrize("undo, name", [(False, "Lý do đưa ra khỏi kỳ đánh giá"), (True, "Lý do đưa trở lại kỳ đánh giá")])
def test_an_exclusion_reason_is_bounded(assessment, secretariat, undo, name):
    if undo:
        assessment_exclude(assessment=assessment, by=secretariat, reason="Sáp nhập")
    with pytest.raises(AssessmentError) as refused:
        assessment_exclude(assessment=assessment, by=secretariat, reason="x" * 2001, undo=undo)
    assert str(refused.value) == f"“{name}” dài 2001 ký tự; tối đa 2000 ký tự."
    assessment.refresh_from_db()
    assert assessment.excluded is undo


def test_an_exclusion_reason_is_stored_composed(assessment, secretariat):
    assessment_exclude(assessment=assessment, by=secretariat, reason=NFD)
    assessment.refresh_from_db()
    assert assessment.excluded_reason == NFC


def test_a_phuc_tra_reason_is_stored_composed_and_bounded(period, assessment, ward_head, secretariat):
    from appraisal.services import appraisal_finish, period_publish, reappraisal_publish

    submit_completed(assessment=assessment, by=ward_head)
    actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    appraisal_finish(assessment=assessment, by=secretariat)
    other = period.assessments.exclude(pk=assessment.pk).get()
    other.excluded = True
    other.save(update_fields=["excluded"])
    period_publish(period=period, by=secretariat)
    actions.assessment_reappraise(assessment=assessment, by=secretariat, reason="Khiếu nại")
    actions.assessment_finish_appraisal(assessment=assessment, by=secretariat)
    with pytest.raises(AppraisalError, match="“Lý do phúc tra” dài 2001 ký tự"):
        reappraisal_publish(assessment=assessment, by=secretariat, reason="x" * 2001)
    decomposed = unicodedata.normalize("NFD", "Bổ sung tài liệu")
    published = reappraisal_publish(assessment=assessment, by=secretariat, reason=decomposed)
    assert published.reason == unicodedata.normalize("NFC", "Bổ sung tài liệu")


def test_a_reason_for_entering_a_units_scores_is_bounded(assessment, leaf, secretariat):
    with pytest.raises(AssessmentError, match="“Lý do nhập thay” dài 2001 ký tự"):
        self_score_save(assessment=assessment, node=leaf, by=secretariat, expected_version=None, value="0,5",
                        on_behalf_reason="x" * 2001)
    assert not assessment.self_scores.exists()
