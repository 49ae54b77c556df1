"""Each role's home page starts from the work waiting for it."""
from assessments import actions
from support import submit_completed


def test_unit_staff_see_their_own_units_assessments_only(client_for, ward_staff, period):
    html = client_for(ward_staff).get("/").content.decode()
    assert "Hồ sơ đánh giá của đơn vị" in html
    assert "Phường Hoàng Liệt</a>" in html and "Phường Yên Sở</a>" not in html


def test_the_secretariat_sees_submissions_waiting(client_for, secretariat, ward_head, period, ward):
    client = client_for(secretariat)
    assert "Không có hồ sơ nào đang chờ." in client.get("/").content.decode()
    submit_completed(assessment=period.assessments.get(unit=ward), by=ward_head)
    html = client.get("/").content.decode()
    assert "Hồ sơ cần Phòng Nội vụ xử lý" in html and "Đã nộp" in html


def test_a_council_member_sees_the_units_under_appraisal_of_their_periods(client_for, council_member, secretariat, ward_head, period, ward):
    from appraisal.services import council_member_add

    assessment = period.assessments.get(unit=ward)
    submit_completed(assessment=assessment, by=ward_head)
    actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    client = client_for(council_member)
    assert f'href="/tham-dinh/{assessment.pk}/"' not in client.get("/").content.decode()
    council_member_add(period=period, user=council_member)
    assert f'href="/tham-dinh/{assessment.pk}/">Phường Hoàng Liệt</a>' in client.get("/").content.decode()


def test_leadership_lands_on_the_results(client_for, leadership):
    html = client_for(leadership).get("/").content.decode()
    assert "Kết quả Chỉ số CCHC" in html and 'href="/ket-qua/"' in html
