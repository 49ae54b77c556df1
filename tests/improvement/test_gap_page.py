"""The gap page of a unit's plan: on the seeds' own figures (Phú La 2020 → 2021, Hà Nội 2019 → 2020) and on a
published year."""
from decimal import Decimal as D

import pytest
from django.urls import reverse

from accounts.models import Role, User
from assessments.services import period_open, self_score_save
from demo.seed import seed_history, seed_plans
from improvement.models import Plan
from improvement.selectors import gap_data
from improvement.services import plan_ensure
from organizations.services import UNITS_FIXTURE_DIR, units_load

from conftest import load_framework
from support import publish_period


@pytest.fixture
def seeded(db):
    load_framework("hanoi-province-2020")
    units_load(path=UNITS_FIXTURE_DIR / "hadong.json")
    seed_history()
    seed_plans()
    return {plan.unit.code: plan for plan in Plan.objects.select_related("unit", "framework")}


def test_phu_la_loses_most_on_the_criteria_its_plan_lists(seeded):
    data = gap_data(plan=seeded["HD-W-PHULA"])
    assert data["last_year"].year == 2020
    assert [(g.code, g.score, g.lost, g.target) for g in data["gaps"][:3]] == [
        ("1.60", D(0), D(1), D(1)), ("1.3.3", D(0), D(1), D(1)), ("1.6.1", D(0), D(1), D(1))]
    assert [(g.code, g.lost) for g in data["gaps"]][-1] == ("1.1.3", D("0.14"))
    assert data["gaps"][0].responsible == ()  # Part III assigns no section to survey criteria
    assert data["gaps"][1].responsible == ("Văn phòng UBND phường", "Bộ phận Văn hóa – xã hội",
                                           "Bộ phận tư pháp – Hộ tịch")
    assert [(a.code, a.lost) for a in data["areas"]] == [
        ("1", D("4.6")), ("2", D("1.5")), ("3", D("2.17")), ("4", D(1)), ("5", D("2.5"))]
    assert data["chart"]["series"][0]["values"] == ["4.6", "1.5", "2.17", "1", "2.5"]


def test_ha_noi_gaps_carry_the_lead_agency_of_the_tree(seeded):
    data = gap_data(plan=seeded["HN"])
    assert data["last_year"].year == 2019
    assert [(g.code, g.max_points, g.score, g.lost, g.target) for g in data["gaps"][:4]] == [
        ("7.1", D("5.5"), D(4), D("1.5"), D("5.5")), ("8.1", D(10), D("8.74"), D("1.26"), D(9)),
        ("2.4", D(5), D("3.781"), D("1.219"), D(4)), ("6.1", D(3), D("1.797"), D("1.203"), D(3))]
    assert next(g for g in data["gaps"] if g.code == "1.6").responsible == ("Văn phòng UBND Thành phố",)
    assert [(a.code, a.lost) for a in data["areas"]] == [
        ("1", D("0.5")), ("2", D("1.22")), ("3", D(1)), ("4", D("1.831")), ("5", D("2.076")), ("6", D("3.256")),
        ("7", D("2.17")), ("8", D("3.26"))]


def test_the_gap_page_shows_the_chart_and_the_table_in_few_queries(seeded, client_for, django_assert_max_num_queries):
    plan = seeded["HD-W-PHULA"]
    officer = User.objects.create(username="canbo.phula", role=Role.UNIT_STAFF, unit=plan.unit)
    client = client_for(officer)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("improvement:gaps", args=[plan.pk])).content.decode()
    assert 'data-chart="chart-area-losses"' in page and "Điểm bị mất theo lĩnh vực" in page
    assert "Văn phòng UBND phường; Bộ phận Văn hóa – xã hội; Bộ phận tư pháp – Hộ tịch" in page
    assert page.index("<strong>1.60</strong>") < page.index("<strong>1.1.3</strong>")


def test_strangers_get_404(ward_staff, seeded, client_for):  # ward_staff first: its fixture creates HN
    plan = seeded["HD-W-PHULA"]
    assert client_for(ward_staff).get(reverse("improvement:gaps", args=[plan.pk])).status_code == 404


def test_without_last_year_the_page_says_so(ward, ward_framework, leadership, client_for):
    plan = Plan.objects.create(unit=ward, year=2025, family="hoangmai-phuong", framework=ward_framework)
    page = client_for(leadership).get(reverse("improvement:gaps", args=[plan.pk])).content.decode()
    assert "Chưa có kết quả của đơn vị trước năm 2025 để so sánh" in page


def test_a_published_year_gives_last_years_scores(period, ward, ward_framework, secretariat, ward_staff):
    # Given 2023 published with Hoàng Liệt scoring only 1.1.1 (0,5 of 0,5)
    earlier = period_open(framework=ward_framework, year=2023, by=secretariat)
    self_score_save(assessment=earlier.assessments.get(unit=ward), node=ward_framework.nodes.get(code="1.1.1"),
                    by=ward_staff, expected_version=None, value="0,5")
    publish_period(earlier, by=secretariat)
    plan = plan_ensure(unit=ward, year=2024, family="hoangmai-phuong", framework=ward_framework)

    data = gap_data(plan=plan)

    assert data["last_year"].year == 2023
    assert "1.1.1" not in [g.code for g in data["gaps"]]
    biggest = max((n for n in ward_framework.nodes.all() if n.level == 2), key=lambda n: (n.max_points, -n.order))
    assert (data["gaps"][0].code, data["gaps"][0].lost) == (biggest.code, biggest.max_points)
    assert sum(a.lost for a in data["areas"]) == D(70) - D("0.5")
