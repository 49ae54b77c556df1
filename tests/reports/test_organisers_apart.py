"""Two district offices in one installation: each sees only its own periods, files, councils and
accounts (404 for the other's), and the city's leadership ranks the units of both together."""
import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from accounts.models import Role, User
from assessments.services import period_open, self_score_save
from organizations.models import Unit

HD_WARD = "HD-W-THU"


@pytest.fixture
def two_districts(ward_framework, ward, other_ward, ward_staff, secretariat, operator_elsewhere, node):
    """Hoàng Mai's ward period (Hoàng Liệt 0,5; Yên Sở nothing) and Hà Đông's (its ward 0,75), both 2024."""
    hoang_mai = period_open(framework=ward_framework, year=2024, by=secretariat)
    ha_dong = period_open(framework=ward_framework, year=2024, by=operator_elsewhere)
    hd_staff = User.objects.create(username="hd.staff", role=Role.UNIT_STAFF, unit=Unit.objects.get(code=HD_WARD))
    self_score_save(assessment=hoang_mai.assessments.get(unit=ward), node=node("1.1.1"), by=ward_staff,
                    expected_version=None, value="0,5")
    hd_file = ha_dong.assessments.get()
    for code, value in (("1.1.1", "0,5"), ("1.1.2", "0,25")):
        self_score_save(assessment=hd_file, node=node(code), by=hd_staff, expected_version=None, value=value)
    return hoang_mai, ha_dong


@pytest.fixture
def city_leadership(district):
    return User.objects.create(username="thanhpho", role=Role.LEADERSHIP, unit=district.parent)


def _text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_each_office_lists_only_its_own_periods_and_files(two_districts, client_for, secretariat, operator_elsewhere):
    hoang_mai, ha_dong = two_districts
    for office, own, other in ((secretariat, hoang_mai, ha_dong), (operator_elsewhere, ha_dong, hoang_mai)):
        client = client_for(office)
        periods = _text(client.get(reverse("periods:list")))
        assert periods.count("Chỉ số CCHC năm 2024 — UBND các phường") == 1
        assert own.organiser.name in periods and other.organiser.name not in periods
        files = _text(client.get(reverse("assessments:list")))
        own_units = [a.unit.name for a in own.assessments.select_related("unit")]
        other_units = [a.unit.name for a in other.assessments.select_related("unit")]
        assert all(name in files for name in own_units) and not any(name in files for name in other_units)


@pytest.mark.parametrize("url_name", ["periods:progress", "appraisal:period", "dashboard:period", "reports:period_xlsx"])
def test_the_other_districts_period_pages_answer_404(two_districts, client_for, secretariat, leadership, url_name):
    hoang_mai, ha_dong = two_districts
    for reader in (secretariat, leadership):  # the office and the leadership of Hoàng Mai
        client = client_for(reader)
        assert client.get(reverse(url_name, args=[hoang_mai.pk])).status_code == 200
        assert client.get(reverse(url_name, args=[ha_dong.pk])).status_code == 404


def test_the_other_districts_files_and_accounts_answer_404(two_districts, client_for, secretariat, operator_elsewhere):
    _hoang_mai, ha_dong = two_districts
    client = client_for(secretariat)
    assert client.get(reverse("assessments:entry", args=[ha_dong.assessments.get().pk])).status_code == 404
    assert client.get(reverse("accounts:edit", args=[operator_elsewhere.pk])).status_code == 404
    listed = re.findall(r'/tai-khoan/\d+/">([^<]+)</a>', _text(client.get(reverse("accounts:list"))))
    assert "bob" in listed and "dan" not in listed and "hd.staff" not in listed


def test_another_districts_office_takes_no_step_on_a_file_even_from_the_shell(two_districts, operator_elsewhere):
    hoang_mai, _ha_dong = two_districts
    # Hoàng Mai's own office would submit for the unit with a reason; Hà Đông's has no such step.
    with pytest.raises(CommandError, match="Bạn không có quyền “Nộp"):
        call_command("workflow", "HM/hoangmai-phuong-2024/2024", "HM-W-YENSO", "submit", "--as", "dan",
                     "--reason", "hồ sơ giấy", stdout=io.StringIO())
    assert hoang_mai.assessments.get(unit__code="HM-W-YENSO").status == "draft"


def test_city_leadership_ranks_both_districts_together(two_districts, client_for, city_leadership,
                                                      django_assert_max_num_queries):
    client = client_for(city_leadership)
    client.get(reverse("dashboard:ranking_across"))  # the session and the user warmed up
    with django_assert_max_num_queries(6):
        response = client.get(reverse("dashboard:ranking_across"))
    page = _text(response)
    assert "3 đơn vị của 2 cơ quan tổ chức đánh giá" in page
    rows = re.findall(r'<tr><td class="num">(\d+)</td><td>([^<]+?)(?: <span[^>]*>[^<]*</span>)?</td><td>([^<]+)</td>'
                      r'<td class="num">([^<]+)</td><td class="num">([^<]+)</td></tr>', page)
    # By hand: 0,75 ÷ 70 = 1,07 %; 0,5 ÷ 70 = 0,71 %; nothing scored = 0 %.
    assert rows == [
        ("1", "Phường Thử", "Quận Hà Đông", "0,75 / 70", "1,07"),
        ("2", "Phường Hoàng Liệt", "Quận Hoàng Mai", "0,5 / 70", "0,71"),
        ("3", "Phường Yên Sở", "Quận Hoàng Mai", "0 / 70", "0,00"),
    ]
    # The city's leadership also opens each district's period.
    for period in two_districts:
        assert client.get(reverse("dashboard:period", args=[period.pk])).status_code == 200


def test_without_a_choice_the_city_ranks_the_year_most_districts_share(two_districts, client_for, city_leadership,
                                                                     ward_framework, secretariat):
    period_open(framework=ward_framework, year=2025, by=secretariat)  # newer, but Hoàng Mai's alone
    page = _text(client_for(city_leadership).get(reverse("dashboard:ranking_across")))
    assert "3 đơn vị của 2 cơ quan tổ chức đánh giá" in page
    assert re.search(r'<option value="[^"]+/2024" selected>', page)


def test_a_districts_leadership_ranks_only_its_own_units(two_districts, client_for, leadership):
    page = _text(client_for(leadership).get(reverse("dashboard:ranking_across")))
    assert "2 đơn vị của 1 cơ quan tổ chức đánh giá" in page
    assert "Phường Hoàng Liệt" in page and "Phường Thử" not in page


def test_the_ranking_page_has_an_empty_state_and_is_closed_to_units(client_for, city_leadership, ward_staff):
    assert "Chưa có kỳ đánh giá nào để xếp hạng." in _text(client_for(city_leadership).get(
        reverse("dashboard:ranking_across")))
    assert client_for(ward_staff).get(reverse("dashboard:ranking_across")).status_code == 404


def test_another_districts_office_cannot_publish_nor_seat_its_people(two_districts, operator_elsewhere,
                                                                     council_member):
    from appraisal.errors import AppraisalError
    from appraisal.services import council_member_add, period_publish
    from assessments.workflow import TransitionError

    hoang_mai, ha_dong = two_districts
    hoang_mai.assessments.update(status="appraised")  # ready to publish, as far as the files go
    with pytest.raises(TransitionError, match="Bạn không có quyền “Công bố"):
        period_publish(period=hoang_mai, by=operator_elsewhere)
    with pytest.raises(AppraisalError, match="Carol không thuộc Quận Hà Đông, cơ quan tổ chức kỳ đánh giá này"):
        council_member_add(period=ha_dong, user=council_member)
    assert council_member_add(period=hoang_mai, user=council_member).user == council_member


def test_unit_pages_and_the_offices_home_follow_the_organiser(two_districts, client_for, secretariat, city_leadership,
                                                              leadership):
    hoang_mai, ha_dong = two_districts
    hd_ward = f"/don-vi/{HD_WARD}/"
    assert client_for(secretariat).get(hd_ward).status_code == 404
    assert client_for(leadership).get(hd_ward).status_code == 404  # Hoàng Mai's leadership
    assert client_for(city_leadership).get(hd_ward).status_code == 200
    home = _text(client_for(secretariat).get("/"))
    assert f"/ky-danh-gia/{hoang_mai.pk}/tien-do/" in home and f"/ky-danh-gia/{ha_dong.pk}/tien-do/" not in home
