"""A criterion the framework applies to some units only (Hoàng Mai department 7.1.5 "(đối với các đơn vị
có TTHC)"): a unit it does not apply to marks it "không đánh giá" with a reason, and the criterion then
leaves both the achieved and the maximum points; the council sees the mark and keeps it."""
from decimal import Decimal

import pytest

from accounts.models import Role
from appraisal.errors import AppraisalError
from appraisal.services import appraisal_finish, appraisal_save
from assessments import actions, errors
from assessments.errors import AssessmentError
from assessments.models import AssessmentResult
from assessments.excel import ImportRejected, self_scores_import_xlsx
from assessments.services import period_open, self_score_save
from appraisal.models import AppraisedScore
from organizations.models import Unit, UnitKind
from support import SelfScoreTemplate as Template, submit_completed

from conftest import _user, load_framework

REASON = "Phòng không có thủ tục hành chính"
AREA_7_MAX = Decimal("12")


@pytest.fixture
def department(district, secretariat):
    """Phòng Tư pháp in the Hoàng Mai department period 2024: (assessment, officer, head)."""
    unit = Unit.objects.create(code="HM-P-TUPHAP", name="Phòng Tư pháp", kind=UnitKind.DEPARTMENT, parent=district,
                               framework_family="hoangmai-phong")
    period = period_open(framework=load_framework("hoangmai-phong-2024"), year=2024, by=secretariat)
    return (period.assessments.get(unit=unit), _user("canbo.tuphap", Role.UNIT_STAFF, unit),
            _user("truongphong.tuphap", Role.UNIT_HEAD, unit))


def leaf(assessment, code):
    return assessment.period.framework.nodes.get(code=code)


def save(client, assessment, code, data):
    return client.post(f"/danh-gia/{assessment.pk}/tieu-chi/{code}/", data, HTTP_HX_REQUEST="true")


def test_a_criterion_not_assessed_leaves_the_achieved_and_the_maximum(department):
    assessment, officer, _head = department

    self_score_save(assessment=assessment, node=leaf(assessment, "7.1.5"), by=officer, expected_version=None,
                    not_assessed=True, explanation=REASON)

    score = assessment.self_scores.get()
    assert (score.value, score.not_assessed, score.explanation) == (None, True, REASON)
    result = AssessmentResult.objects.get(assessment=assessment)
    assert result.appraisal_max == Decimal("69")  # 70 without 7.1.5's 1 point
    assert Decimal(result.areas["7"][2]) == AREA_7_MAX - 1


def test_not_assessed_needs_a_reason_in_the_explanation(client_for, department):
    assessment, officer, _head = department

    response = save(client_for(officer), assessment, "7.1.5", {"not_assessed": "on", "explanation": " "})

    assert response.status_code == 422
    assert str(errors.NOT_ASSESSED_REASON_REQUIRED % {"code": "7.1.5", "field": "Giải trình"}) in response.content.decode()
    assert not assessment.self_scores.exists()


def test_the_box_is_posted_from_the_page_and_shown_ticked_again(client_for, department):
    assessment, officer, _head = department
    client = client_for(officer)

    response = save(client, assessment, "7.1.5", {"not_assessed": "on", "value": "", "explanation": REASON})

    assert response.status_code == 200, response.content.decode()
    assert assessment.self_scores.get().not_assessed
    html = client.get(f"/danh-gia/{assessment.pk}/").content.decode()
    row = html[html.index('id="node-7.1.5"'):html.index('id="node-7.1.6"')]
    assert 'name="not_assessed" checked' in row
    assert 'name="not_assessed"' not in html[html.index('id="node-7.1.4"'):html.index('id="node-7.1.5"')]


def test_a_criterion_for_every_unit_cannot_be_marked_not_assessed(department):
    assessment, officer, _head = department

    with pytest.raises(AssessmentError) as refused:
        self_score_save(assessment=assessment, node=leaf(assessment, "7.1.6"), by=officer, expected_version=None,
                        not_assessed=True, explanation=REASON)

    assert str(refused.value) == str(errors.NOT_ASSESSED_NOT_ALLOWED % {"code": "7.1.6"})
    assert not assessment.self_scores.exists()


@pytest.fixture
def not_assessed_under_appraisal(department, secretariat):
    """7.1.5 marked not assessed, every other leaf 0, submitted and under appraisal."""
    assessment, officer, head = department
    self_score_save(assessment=assessment, node=leaf(assessment, "7.1.5"), by=officer, expected_version=None,
                    not_assessed=True, explanation=REASON)
    submit_completed(assessment=assessment, by=head)
    actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    return assessment


def test_the_appraisal_page_shows_the_mark_and_its_reason(client_for, not_assessed_under_appraisal, secretariat):
    html = client_for(secretariat).get(f"/tham-dinh/{not_assessed_under_appraisal.pk}/").content.decode()
    row = html[html.index('id="row-7.1.5"'):html.index('id="row-7.1.6"')]

    assert 'data-testid="self-7.1.5">Không đánh giá' in row
    assert REASON in row
    assert 'name="not_assessed" aria-label="Không đánh giá 7.1.5" checked' in row


def test_confirming_keeps_the_mark_and_finishing_keeps_it(not_assessed_under_appraisal, secretariat):
    assessment = not_assessed_under_appraisal

    appraisal_save(assessment=assessment, node=leaf(assessment, "7.1.5"), by=secretariat, value="",
                   not_assessed=True, expected_version=None)
    appraisal_finish(assessment=assessment, by=secretariat)

    decided = AppraisedScore.objects.get(assessment=assessment, node__code="7.1.5")
    assert (decided.value, decided.not_assessed, decided.reason) == (None, True, "")
    assert AssessmentResult.objects.get(assessment=assessment).appraisal_max == Decimal("69")


def test_finishing_without_a_decision_keeps_the_mark(not_assessed_under_appraisal, secretariat):
    appraisal_finish(assessment=not_assessed_under_appraisal, by=secretariat)

    decided = AppraisedScore.objects.get(assessment=not_assessed_under_appraisal, node__code="7.1.5")
    assert (decided.value, decided.not_assessed) == (None, True)


def test_scoring_a_not_assessed_criterion_needs_a_reason(not_assessed_under_appraisal, secretariat):
    assessment = not_assessed_under_appraisal

    with pytest.raises(AppraisalError, match="Không đánh giá"):
        appraisal_save(assessment=assessment, node=leaf(assessment, "7.1.5"), by=secretariat, value="1",
                       expected_version=None)

    decided = appraisal_save(assessment=assessment, node=leaf(assessment, "7.1.5"), by=secretariat, value="1",
                             reason="Phòng có TTHC", expected_version=None)
    assert (decided.value, decided.not_assessed) == (Decimal("1"), False)
    assert AssessmentResult.objects.get(assessment=assessment).appraisal_max == Decimal("70")


def test_the_council_cannot_mark_a_criterion_for_every_unit_not_assessed(not_assessed_under_appraisal, secretariat):
    assessment = not_assessed_under_appraisal

    with pytest.raises(AppraisalError):
        appraisal_save(assessment=assessment, node=leaf(assessment, "7.1.6"), by=secretariat, value="",
                       not_assessed=True, reason="x", expected_version=None)


# -- in the Excel import -----------------------------------------------------------------------


def test_the_excel_import_marks_not_assessed_with_the_reason_and_the_template_writes_it_back(department):
    assessment, officer, _head = department
    template = Template(assessment).type("7.1.5", "không đánh giá", REASON).type("7.1.4", 2)
    note = template.rows["7.1.5"][3].comment.text
    assert "(đối với các đơn vị có TTHC)" in note and "“Không đánh giá”" in note

    assert self_scores_import_xlsx(assessment=assessment, file=template.file(), by=officer).saved == 2

    score = assessment.self_scores.get(node__code="7.1.5")
    assert (score.not_assessed, score.value, score.explanation) == (True, None, REASON)
    assert AssessmentResult.objects.get(assessment=assessment).appraisal_max == Decimal("69")
    again = Template(assessment)
    assert (again.rows["7.1.5"][3].value, again.rows["7.1.5"][4].value) == ("Không đánh giá", REASON)
    assert self_scores_import_xlsx(assessment=assessment, file=again.file(), by=officer).saved == 0


def test_the_excel_import_refuses_a_mark_without_reason_or_on_a_criterion_for_every_unit(department):
    assessment, officer, _head = department
    template = Template(assessment).type("7.1.5", "Không đánh giá", "").type("7.1.4", "Không đánh giá", REASON)
    rows = {code: row[0].row for code, row in template.rows.items()}
    with pytest.raises(ImportRejected) as rejected:
        self_scores_import_xlsx(assessment=assessment, file=template.file(), by=officer)
    assert [str(problem) for problem in rejected.value.problems] == [
        f"Dòng {rows['7.1.4']}: Tiêu chí “7.1.4” áp dụng cho mọi đơn vị: không thể đánh dấu “Không đánh giá”.",
        f"Dòng {rows['7.1.5']}: Tiêu chí “7.1.5” đánh dấu “Không đánh giá”: cần nêu lý do ở ô “Giải trình”.",
    ]
    assert not assessment.self_scores.exists()
