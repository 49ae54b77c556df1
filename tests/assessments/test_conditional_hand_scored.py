"""A conditional criterion whose other branch is scored by hand (Hoàng Mai department 7.1.4 and 5.5):
"những phòng chuyên môn không có TTHC thì đạt điểm tuyệt đối", otherwise the score is typed."""
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from accounts.models import Role
from assessments.services import period_open
from assessments.excel import self_score_template_xlsx, self_scores_import_xlsx
from organizations.models import Unit, UnitKind

from conftest import _user, load_framework


@pytest.fixture
def department(district, secretariat):
    """Phòng Tư pháp in the Hoàng Mai department period 2024, with one officer: (assessment, officer)."""
    unit = Unit.objects.create(code="HM-P-TUPHAP", name="Phòng Tư pháp", kind=UnitKind.DEPARTMENT, parent=district,
                               framework_family="hoangmai-phong")
    period = period_open(framework=load_framework("hoangmai-phong-2024"), year=2024, by=secretariat)
    return period.assessments.get(unit=unit), _user("canbo.tuphap", Role.UNIT_STAFF, unit)


def save(client, assessment, code, data):
    return client.post(f"/danh-gia/{assessment.pk}/tieu-chi/{code}/", data, HTTP_HX_REQUEST="true")


@pytest.mark.parametrize("code", ["7.1.4", "5.5"])
def test_with_the_box_unticked_the_typed_score_is_saved(client_for, department, code):
    assessment, officer = department

    response = save(client_for(officer), assessment, code, {"value": "1,5"})

    assert response.status_code == 200, response.content.decode()
    assert assessment.self_scores.get().value == Decimal("1.5")


def test_ticking_the_box_gives_full_points_without_choosing_an_outcome(client_for, department):
    assessment, officer = department

    response = save(client_for(officer), assessment, "7.1.4", {"in-no_tthc": "on", "value": ""})

    assert response.status_code == 200, response.content.decode()
    assert assessment.self_scores.get().value == Decimal("2")


def test_the_form_asks_for_the_box_and_the_score_only(client_for, department):
    assessment, officer = department

    html = client_for(officer).get(f"/danh-gia/{assessment.pk}/").content.decode()
    row = html[html.index('id="node-7.1.4"'):html.index('id="node-7.1.5"')]

    assert 'name="in-no_tthc"' in row and 'name="value"' in row
    assert "<select" not in row


def test_a_score_imported_from_excel_saves_again_from_the_page(client_for, department):
    # Given 1,5 imported for 7.1.4 (every other leaf 0): the page shows it in "Điểm", the box unticked
    assessment, officer = department
    workbook = load_workbook(BytesIO(self_score_template_xlsx(assessment=assessment)))
    for row in workbook.active.iter_rows(min_row=5):
        if row[3].protection.locked is False:  # a leaf's score cell
            row[3].value = "1,5" if row[0].value == "7.1.4" else 0
    file = BytesIO()
    workbook.save(file)
    file.seek(0)
    self_scores_import_xlsx(assessment=assessment, file=file, by=officer)
    imported = assessment.self_scores.get(node__code="7.1.4")

    # When the officer presses Lưu on that row as it stands
    response = save(client_for(officer), assessment, "7.1.4", {"value": "1,5", "version": imported.version})

    # Then it saves
    assert response.status_code == 200, response.content.decode()
    assert assessment.self_scores.get(node__code="7.1.4").value == Decimal("1.5")
