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
    call_command("open_period", "hoangmai-phuong-2024", "2024", "--units", "HM-W-YENSO", "--organiser", "HM",
                 "--self-deadline", "15/11/2024", stdout=out)
    assert out.getvalue().strip() == "hoangmai-phuong-2024/2024: 1 đơn vị"
    period = period_get(identifier="hoangmai-phuong-2024/2024")
    assert [a.unit.code for a in period.assessments.all()] == ["HM-W-YENSO"]
    assert period.self_assessment_deadline.isoformat() == "2024-11-15"


def test_unknown_unit_codes_are_named(ward_framework, ward):
    with pytest.raises(CommandError, match="Không có đơn vị: HM-W-KHONGCO"):
        call_command("open_period", "hoangmai-phuong-2024", "2024", "--units", "HM-W-HOANGLIET,HM-W-KHONGCO",
                     "--organiser", "HM")
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
    data = {"organiser": secretariat.unit_id, "framework": ward_framework.pk, "year": 2024,
            "self_assessment_deadline": "31/03/2024", "appraisal_deadline": "30/04/2024"}
    if field:
        data.update({field: value, "year": 2025})
    page = client_for(secretariat).post("/ky-danh-gia/mo/", data).content.decode()
    assert page.count(message) == 1


def test_the_organiser_comes_from_the_acting_user_and_takes_only_the_units_it_assesses(
        ward_framework, ward, secretariat, operator_elsewhere):
    # Another district's ward on the same framework belongs to that district's periods, not Hoàng Mai's.
    period = period_open(framework=ward_framework, year=2024, by=secretariat)
    assert (period.organiser, [a.unit.code for a in period.assessments.all()]) == (secretariat.unit, ["HM-W-HOANGLIET"])
    other = period_open(framework=ward_framework, year=2024, by=operator_elsewhere)
    assert [a.unit.code for a in other.assessments.all()] == ["HD-W-THU"]
    with pytest.raises(AssessmentError, match="HM-W-HOANGLIET không do Quận Hà Đông đánh giá"):
        period_open(framework=ward_framework, year=2025, by=operator_elsewhere, unit_codes=["HM-W-HOANGLIET"])


def test_open_period_command_takes_the_operators_organiser_or_refuses_without_one(
        ward_framework, ward, operator_elsewhere, settings):
    settings.OPERATOR_USERNAME = operator_elsewhere.username
    out = io.StringIO()
    call_command("open_period", "hoangmai-phuong-2024", "2024", stdout=out)
    assert out.getvalue().strip() == "hoangmai-phuong-2024/2024: 1 đơn vị"
    assert Period.objects.get().organiser.code == "HD"
    settings.OPERATOR_USERNAME = "khong-co"
    with pytest.raises(CommandError, match="Chưa rõ cơ quan tổ chức đánh giá"):
        call_command("open_period", "hoangmai-phuong-2024", "2025")
    with pytest.raises(CommandError, match="“HM-W-HOANGLIET” không phải là quận/huyện"):
        call_command("open_period", "hoangmai-phuong-2024", "2025", "--organiser", "HM-W-HOANGLIET")


def test_two_organisers_share_a_framework_and_year_and_commands_name_the_one_they_mean(
        ward_framework, ward, secretariat, operator_elsewhere):
    period_open(framework=ward_framework, year=2024, by=secretariat)
    period_open(framework=ward_framework, year=2024, by=operator_elsewhere)
    with pytest.raises(AssessmentError, match="HD/hoangmai-phuong-2024/2024, HM/hoangmai-phuong-2024/2024"):
        period_get(identifier="hoangmai-phuong-2024/2024")
    assert period_get(identifier="HD/hoangmai-phuong-2024/2024").organiser.code == "HD"


def test_an_office_opens_periods_of_its_own_organiser_only(ward_framework, ward, secretariat, other_district):
    with pytest.raises(AssessmentError, match="Chỉ Phòng Nội vụ của Quận Hà Đông được mở kỳ đánh giá"):
        period_open(framework=ward_framework, year=2024, by=secretariat, organiser=other_district)
    with pytest.raises(CommandError, match="Chỉ Phòng Nội vụ của Quận Hà Đông"):
        call_command("open_period", "hoangmai-phuong-2024", "2024", "--organiser", "HD", "--as", "bob")
    # The operator at the shell names any organiser.
    call_command("open_period", "hoangmai-phuong-2024", "2024", "--organiser", "HD", stdout=io.StringIO())
    assert Period.objects.get().organiser == other_district
