"""A Hải Phòng officer deals with the Sở Nội vụ, a Hoàng Mai officer with the Phòng Nội vụ: the pages, the
role shown and a refused action's message name the office of the reader's organiser (or of the period's)."""
import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import permission_denied

from accounts.backends import ModelBackend
from accounts.models import Role, User
from assessments.errors import AssessmentError
from assessments.services import period_open, self_score_save
from organizations.models import Unit, UnitKind
from reports.upward import annual_report_document
from surveys.services import SurveyError, survey_result_save

YESTERDAY = datetime.date.today() - datetime.timedelta(days=1)


@pytest.fixture
def hai_phong(rules_framework):
    """Hải Phòng's 2023 period of its sở, ban, ngành, run by its Sở Nội vụ, the deadline passed yesterday:
    (period, the office's officer, a department's officer)."""
    city = Unit.objects.create(code="HP", name="Thành phố Hải Phòng", kind=UnitKind.CITY)
    office_unit = Unit.objects.create(code="HP-SNV", name="Sở Nội vụ Hải Phòng", kind=UnitKind.CITY_DEPARTMENT,
                                      parent=city)
    department = Unit.objects.create(code="HP-STP", name="Sở Tư pháp Hải Phòng", kind=UnitKind.CITY_DEPARTMENT,
                                     parent=city, framework_family="haiphong")
    officer = User.objects.create(username="noivu.haiphong", role=Role.SECRETARIAT, unit=office_unit)
    staff = User.objects.create(username="canbo.tuphap", role=Role.UNIT_STAFF, unit=department)
    period = period_open(framework=rules_framework, year=2023, by=officer, self_assessment_deadline=YESTERDAY)
    return period, officer, staff


def text(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_offices_home_page_and_role_name_their_own_office(client_for, hai_phong, secretariat):
    _period, officer, _staff = hai_phong
    page = text(client_for(officer).get("/"))
    assert "Thường trực Sở Nội vụ" in page and "Hồ sơ cần Sở Nội vụ xử lý" in page
    assert "Phòng Nội vụ" not in page
    page = text(client_for(secretariat).get("/"))  # Hoàng Mai's
    assert "Thường trực Phòng Nội vụ" in page and "Hồ sơ cần Phòng Nội vụ xử lý" in page
    assert "Sở Nội vụ" not in page


def test_the_account_pages_and_the_progress_page_name_the_so_noi_vu(client_for, hai_phong):
    period, officer, _staff = hai_phong
    client = client_for(officer)
    accounts = text(client.get(reverse("accounts:list")))
    assert re.search(r"noivu\.haiphong</a>.*?<td>Thường trực Sở Nội vụ</td>", accounts)
    offered = '<option value="secretariat">Thường trực Sở Nội vụ</option>'  # the role filter, the form's role
    assert offered in accounts and offered in text(client.get(reverse("accounts:create")))
    assert "Phòng Nội vụ" not in accounts
    assert "<th>Sở Nội vụ</th>" in text(client.get(reverse("periods:progress", args=[period.pk])))


def test_a_unit_past_its_deadline_is_told_to_contact_the_so_noi_vu(client_for, hai_phong):
    period, _officer, staff = hai_phong
    assessment = period.assessments.get()
    message = f"Đã hết hạn tự đánh giá ({YESTERDAY:%d/%m/%Y}). Liên hệ Sở Nội vụ để được mở lại."
    assert message in text(client_for(staff).get(reverse("assessments:entry", args=[assessment.pk])))
    with pytest.raises(AssessmentError) as refused:
        self_score_save(assessment=assessment, node=period.framework.nodes.get(code="1.4.1"), by=staff,
                        expected_version=None, value="0")
    assert str(refused.value) == message


def test_a_district_unit_past_its_deadline_is_told_to_contact_the_phong_noi_vu(assessment, ward_staff, leaf):
    assessment.period.self_assessment_deadline = YESTERDAY
    assessment.period.save(update_fields=["self_assessment_deadline"])
    with pytest.raises(AssessmentError, match="Liên hệ Phòng Nội vụ để được mở lại."):
        self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0,5")


def test_refusals_name_the_office_of_the_period_concerned(hai_phong, secretariat, ward_framework):
    period, _officer, staff = hai_phong
    with pytest.raises(SurveyError, match="^Chỉ Sở Nội vụ nhập điểm điều tra xã hội học.$"):
        survey_result_save(assessment=period.assessments.get(), points="1", by=staff)
    # Hoàng Mai's office opening a period for Hải Phòng: it is Hải Phòng's office's to open
    with pytest.raises(AssessmentError, match="^Chỉ Sở Nội vụ của Thành phố Hải Phòng được mở kỳ đánh giá"):
        period_open(framework=ward_framework, year=2025, by=secretariat, organiser=period.organiser)


def test_the_403_page_names_the_readers_office(hai_phong, secretariat):
    _period, officer, _staff = hai_phong
    for user, office in ((officer, "Sở Nội vụ"), (secretariat, "Phòng Nội vụ"), (None, "cơ quan Nội vụ")):
        request = RequestFactory().get("/")
        request.user = ModelBackend().get_user(user.pk) if user else None  # as a signed-in request has it
        page = permission_denied(request, PermissionDenied()).content.decode()
        assert f"Nếu cần quyền, hãy liên hệ {office}." in page


def test_the_annual_report_of_a_city_is_the_so_noi_vus_to_the_ministry(hai_phong):
    period, _officer, _staff = hai_phong
    document = annual_report_document(period=period)
    assert (document.office, document.recipient, document.signer) == ("Sở Nội vụ", "Bộ Nội vụ", ["GIÁM ĐỐC"])
    assert document.number.endswith("/BC-SNV")
