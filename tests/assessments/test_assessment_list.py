from assessments.models import Assessment, Period
from organizations.models import Unit

from support import submit_completed


def test_the_list_is_paginated(client_for, secretariat, ward_framework, district):
    period = Period.objects.create(organiser=district, framework=ward_framework, year=2024)
    for n in range(35):
        unit = Unit.objects.create(code=f"HM-W-T{n:02}", name=f"Phường Thử {n:02}", kind="ward", parent=district, order=n)
        Assessment.objects.create(period=period, unit=unit)
    client = client_for(secretariat)
    first = client.get("/danh-gia/").content.decode()
    assert "Phường Thử 00" in first and "Phường Thử 34" not in first and "Trang 1/2" in first
    assert "Phường Thử 34" in client.get("/danh-gia/?trang=2").content.decode()


def test_a_unit_lists_only_its_own_assessments(client_for, ward_staff, period):
    html = client_for(ward_staff).get("/danh-gia/").content.decode()
    assert "Phường Hoàng Liệt" in html and "Phường Yên Sở" not in html


def test_empty_list(client_for, ward_staff):
    assert "Chưa có hồ sơ đánh giá nào." in client_for(ward_staff).get("/danh-gia/").content.decode()


def test_the_list_is_searched_by_unit_and_filtered_by_status_and_period(client_for, secretariat, period, assessment,
                                                                        other_assessment, ward_head):
    submit_completed(assessment=assessment, by=ward_head)
    client = client_for(secretariat)

    def units(**query):
        return [a.unit.code for a in client.get("/danh-gia/", query).context["page"]]
    assert units(q="Yên Sở") == ["HM-W-YENSO"]
    assert units(q="hm-w-hoang") == ["HM-W-HOANGLIET"]
    assert units(**{"trang-thai": "submitted"}) == ["HM-W-HOANGLIET"]
    assert units(ky=str(period.pk)) == ["HM-W-HOANGLIET", "HM-W-YENSO"]
    assert "Không có hồ sơ nào khớp bộ lọc." in client.get("/danh-gia/", {"q": "không có"}).content.decode()


def test_a_unit_searching_the_list_still_sees_only_its_own_files(client_for, ward_staff, period):
    page = client_for(ward_staff).get("/danh-gia/", {"q": "Yên Sở"})
    assert list(page.context["page"]) == []
