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


def test_a_council_members_files_come_a_page_at_a_time(client_for, council_member, secretariat, ward_head,
                                                       period, ward, other_ward, monkeypatch):
    from accounts import selectors
    from accounts.models import Role, User
    from appraisal.services import council_member_add

    monkeypatch.setattr(selectors, "LANDING_PAGE_SIZE", 1)
    other_ward_head = User.objects.create(username="hung", role=Role.UNIT_HEAD, unit=other_ward)
    for unit, head in ((ward, ward_head), (other_ward, other_ward_head)):
        assessment = period.assessments.get(unit=unit)
        submit_completed(assessment=assessment, by=head)
        actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    council_member_add(period=period, user=council_member)
    client = client_for(council_member)

    first, second = client.get("/").content.decode(), client.get("/?trang=2").content.decode()

    assert "Phường Hoàng Liệt</a>" in first and "Phường Yên Sở</a>" not in first
    assert "2 hồ sơ" in first and 'href="?trang=2"' in first
    assert "Phường Yên Sở</a>" in second and "Phường Hoàng Liệt</a>" not in second


def test_leadership_reads_its_units_a_page_at_a_time(client_for, leadership, ward, other_ward, monkeypatch):
    from accounts import selectors

    monkeypatch.setattr(selectors, "LANDING_PAGE_SIZE", 1)
    client = client_for(leadership)

    first = client.get("/").content.decode()
    second = client.get("/?trang-don-vi=2").content.decode()

    assert 'href="?trang-don-vi=2"' in first
    units = selectors.readable_units(leadership).order_by("kind", "order", "code")
    assert f">{units[0].name}</a>" in first and f">{units[1].name}</a>" not in first
    assert f">{units[1].name}</a>" in second
