"""A contributor (a division of the unit) scores and proves only the criteria its unit assigned to it."""
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments import actions, errors as assessment_errors, workflow
from assessments.errors import AssessmentError
from assessments.excel import self_scores_import_xlsx
from assessments.services import evidence_add, evidence_delete, self_score_save
from contributors import errors
from contributors.services import contributions_assign

PDF = b"%PDF-1.4 kiem chung"


@pytest.fixture
def area_1_to_economy(assessment, economy, ward_head):
    contributions_assign(assessment=assessment, contributor=economy, codes=["1"], by=ward_head)
    return assessment


def test_a_contributor_scores_its_assigned_criteria(area_1_to_economy, economy, node):
    score = self_score_save(assessment=area_1_to_economy, node=node("1.1.1"), by=economy, expected_version=None,
                            value="0,5", explanation="Kế hoạch số 12/KH-UBND")
    assert (score.value, score.updated_by) == (Decimal("0.5"), economy)
    assert score.history.get().history_user == economy


def test_a_contributor_is_refused_every_other_criterion_and_nothing_is_saved(area_1_to_economy, economy, node):
    with pytest.raises(AssessmentError) as refused:
        self_score_save(assessment=area_1_to_economy, node=node("2.1"), by=economy, expected_version=None,
                        value="0")
    assert str(refused.value) == errors.NOT_ASSIGNED % {"codes": "2.1"}
    assert not area_1_to_economy.self_scores.exists()


def test_a_contributor_with_nothing_assigned_scores_nothing(assessment, culture, node):
    with pytest.raises(AssessmentError) as refused:
        self_score_save(assessment=assessment, node=node("1.1.1"), by=culture, expected_version=None, value="0")
    assert str(refused.value) == errors.NOT_ASSIGNED % {"codes": "1.1.1"}


def test_another_units_contributor_is_refused_even_a_criterion_of_the_same_code(
    area_1_to_economy, other_unit_contributor, node
):
    with pytest.raises(AssessmentError) as refused:
        self_score_save(assessment=area_1_to_economy, node=node("1.1.1"), by=other_unit_contributor,
                        expected_version=None, value="0")
    assert str(refused.value) == assessment_errors.NO_PERMISSION


def test_evidence_only_for_its_own_criteria(area_1_to_economy, economy, ward_staff, node):
    own = evidence_add(assessment=area_1_to_economy, by=economy, nodes=[node("1.1.1")], title="Kế hoạch CCHC",
                       uploaded=SimpleUploadedFile("ke-hoach.pdf", PDF))
    assert own.uploaded_by == economy
    with pytest.raises(AssessmentError) as refused:
        evidence_add(assessment=area_1_to_economy, by=economy, nodes=[node("1.1.1"), node("2.1")],
                     document_number="12/KH-UBND")
    assert str(refused.value) == errors.NOT_ASSIGNED % {"codes": "2.1"}
    shared = evidence_add(assessment=area_1_to_economy, by=ward_staff, nodes=[node("1.1.1"), node("2.1")],
                          document_number="15/BC-UBND")
    with pytest.raises(AssessmentError):
        evidence_delete(evidence=shared, by=economy)  # it also proves a criterion of another division
    evidence_delete(evidence=own, by=economy)
    assert list(area_1_to_economy.evidence.all()) == [shared]


def test_a_contributor_neither_imports_the_whole_file_nor_submits(area_1_to_economy, economy):
    with pytest.raises(AssessmentError) as refused:
        self_scores_import_xlsx(assessment=area_1_to_economy, file=SimpleUploadedFile("x.xlsx", b"PK"), by=economy)
    assert str(refused.value) == assessment_errors.NO_PERMISSION
    with pytest.raises(workflow.TransitionError):
        actions.assessment_submit(assessment=area_1_to_economy, by=economy)
    assert actions.available(assessment=area_1_to_economy, user=economy) == []


def test_after_submission_the_contributor_is_refused_like_everyone(area_1_to_economy, economy, ward_head, node):
    from support import submit_completed

    submit_completed(assessment=area_1_to_economy, by=ward_head)
    with pytest.raises(AssessmentError) as refused:
        self_score_save(assessment=area_1_to_economy, node=node("1.1.1"), by=economy, expected_version=1, value="0")
    assert "Đã nộp" in str(refused.value)
