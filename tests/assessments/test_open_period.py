import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from assessments.errors import AssessmentError
from assessments.models import Period
from assessments.selectors import period_get
from assessments.services import period_open
from assessments.workflow import Status
from organizations.models import Unit


def test_period_covers_every_unit_the_framework_applies_to(ward_framework, ward, other_ward, district, secretariat):
    Unit.objects.create(code="HM-P-NOIVU", name="Phòng Nội vụ", kind="department", parent=district,
                        framework_family="hoangmai-phong")
    period = period_open(framework=ward_framework, year=2024, by=secretariat)
    assert sorted(a.unit.code for a in period.assessments.all()) == ["HM-W-HOANGLIET", "HM-W-YENSO"]
    assert {a.status for a in period.assessments.all()} == {Status.DRAFT}
    assert period.identifier == "hoangmai-phuong-2024/2024"


def test_open_period_command_with_chosen_units(ward_framework, ward, other_ward):
    out = io.StringIO()
    call_command("open_period", "hoangmai-phuong-2024", "2024", "--units", "HM-W-YENSO",
                 "--self-deadline", "15/11/2024", stdout=out)
    assert out.getvalue().strip() == "hoangmai-phuong-2024/2024: 1 đơn vị"
    period = period_get(identifier="hoangmai-phuong-2024/2024")
    assert [a.unit.code for a in period.assessments.all()] == ["HM-W-YENSO"]
    assert period.self_assessment_deadline.isoformat() == "2024-11-15"


def test_unknown_unit_codes_are_named(ward_framework, ward):
    with pytest.raises(CommandError, match="Không có đơn vị: HM-W-KHONGCO"):
        call_command("open_period", "hoangmai-phuong-2024", "2024", "--units", "HM-W-HOANGLIET,HM-W-KHONGCO")
    assert not Period.objects.exists()


def test_a_unit_of_another_kind_is_refused(ward_framework, ward, district, secretariat):
    Unit.objects.create(code="HM-P-NOIVU", name="Phòng Nội vụ", kind="department", parent=district)
    with pytest.raises(AssessmentError, match="không thuộc loại"):
        period_open(framework=ward_framework, year=2024, by=secretariat, unit_codes=["HM-P-NOIVU"])


def test_the_same_period_cannot_be_opened_twice(period, ward_framework, secretariat):
    with pytest.raises(AssessmentError, match="đã có"):
        period_open(framework=ward_framework, year=2024, by=secretariat)


def test_period_identifier_must_exist(db):
    with pytest.raises(AssessmentError, match="Không có kỳ đánh giá “x/2024”"):
        period_get(identifier="x/2024")


@pytest.mark.parametrize("field, value, message", [
    (None, None, "Kỳ đánh giá hoangmai-phuong-2024/2024 đã có."),  # refused by the service: a form-wide error
    ("appraisal_deadline", "01/01/2024", "Hạn thẩm định phải sau hạn tự đánh giá."),  # refused by the form
])
def test_the_open_period_form_shows_each_error_once(period, ward_framework, secretariat, client_for, field, value,
                                                    message):
    data = {"framework": ward_framework.pk, "year": 2024, "self_assessment_deadline": "31/03/2024",
            "appraisal_deadline": "30/04/2024"}
    if field:
        data.update({field: value, "year": 2025})
    page = client_for(secretariat).post("/ky-danh-gia/mo/", data).content.decode()
    assert page.count(message) == 1
