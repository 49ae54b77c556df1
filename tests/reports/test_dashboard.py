"""Results dashboard: ranking, heatmap, distribution, year over year, lost criteria, CSV, access, queries."""
import csv
import io
from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from accounts.models import Role, User
from appraisal.services import appraisal_finish
from assessments import actions
from assessments.models import Assessment, Period, SelfScore
from assessments.results import results_refresh
from assessments.services import period_open, self_score_save
from frameworks.models import Framework
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
from frameworks.templatetags.points import percent
from organizations.models import Unit, UnitKind
from reports.dashboard import band_of, dashboard_data
from surveys.services import survey_result_save

from support import publish_period


AREA_3 = "3"
# 2024's lost criteria: 3.2.1 (both wards), then the rest of area 3 (Yên Sở) by points lost, ties in tree order.
LOST_CRITERIA_2024 = ["3.2.1", "3.4", "3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.2.2", "3.3.1", "3.3.2", "3.2.3"]


def score_leaves(assessment, *, missing=(), zero_areas=()):
    """Full marks on every leaf except ``missing`` (left unscored) and those in ``zero_areas`` (0 points)."""
    nodes = list(assessment.period.framework.nodes.all())
    parents = {node.parent_id for node in nodes}
    SelfScore.objects.bulk_create(
        SelfScore(assessment=assessment, node=node, version=1,
                  value=Decimal(0) if node.code.split(".")[0] in zero_areas else node.max_points)
        for node in nodes if node.pk not in parents and node.code not in missing
    )
    results_refresh([assessment])  # written around the services, so the stored results are refreshed here


def open_periods(secretariat, extra_wards=0):
    """2023 (published): Yên Sở at 100 %, Hoàng Liệt area 1 only. 2024: Hoàng Liệt loses 3.2.1, Yên Sở all of area 3.

    ``extra_wards`` more wards score full marks in both years (to show the query count does not grow).
    """
    district = Unit.objects.get(code="HM")
    for n in range(extra_wards):
        Unit.objects.create(code=f"HM-W-EXTRA{n}", name=f"Phường Thêm {n}", kind=UnitKind.WARD,
                            parent=district, framework_family="hoangmai-phuong", order=10 + n)
    framework_load(data=read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json"))
    framework = Framework.objects.get(key="hoangmai-phuong-2024")
    before = period_open(framework=framework, year=2023, by=secretariat)
    period = period_open(framework=framework, year=2024, by=secretariat)
    for assessment in before.assessments.select_related("unit"):
        zero = [str(area) for area in range(2, 9)] if assessment.unit.code == "HM-W-HOANGLIET" else []
        score_leaves(assessment, zero_areas=zero)
    publish_period(before, by=secretariat)
    for assessment in period.assessments.select_related("unit"):
        if assessment.unit.code == "HM-W-HOANGLIET":
            score_leaves(assessment, missing={"3.2.1"})
        elif assessment.unit.code == "HM-W-YENSO":
            score_leaves(assessment, zero_areas=[AREA_3])
        else:
            score_leaves(assessment)
    return period


@pytest.fixture
def period(ward, other_ward, secretariat):
    return open_periods(secretariat)


def dashboard_url(period, **query):
    url = reverse("dashboard:period", args=[period.pk])
    return f"{url}?{urlencode(query)}" if query else url


def csv_rows(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_leadership_reads_the_ranking_in_rank_order(period, leadership, client_for):
    response = client_for(leadership).get(dashboard_url(period))

    assert response.status_code == 200
    html = response.content.decode()
    # Hoàng Liệt: 65,5 / 70 = 93,57 %; Yên Sở: 56 / 70 = 80,00 %; ranks swapped since 2023.
    assert html.index("Phường Hoàng Liệt") < html.index("Phường Yên Sở")
    rows = [(row.result.rank, row.result.unit_name, row.result.index_pct, row.rank_change)
            for row in response.context["ranking"]]
    assert rows == [(1, "Phường Hoàng Liệt", Decimal("93.57"), "tăng 1 bậc"),
                    (2, "Phường Yên Sở", Decimal("80.00"), "giảm 1 bậc")]
    assert "93,57" in html and "80,00" in html and "65,5 / 70" in html
    assert '<rect width="93.57" height="1">' in html  # the bar, 93,57 % of its box


def test_a_provisional_ranking_says_what_each_figure_is_and_keeps_the_survey_apart(period, leadership, secretariat,
                                                                                   client_for):
    # Given 2024 before publication: Hoàng Liệt still drafting, with a survey; Yên Sở appraised, without one
    survey_result_save(assessment=period.assessments.get(unit__code="HM-W-HOANGLIET"), points="25,5", by=secretariat)
    yen_so = period.assessments.get(unit__code="HM-W-YENSO")
    yen_so_head = User.objects.create(username="yenso.head", role=Role.UNIT_HEAD, unit=yen_so.unit)
    actions.assessment_submit(assessment=yen_so, by=yen_so_head)
    actions.assessment_start_appraisal(assessment=yen_so, by=secretariat)
    appraisal_finish(assessment=yen_so, by=secretariat)

    response = client_for(leadership).get(dashboard_url(period))

    # Then every row says what it stands on, and the mix of stages is announced
    rows = [(row.result.unit_code, row.basis, row.points, row.points_max, row.result.survey_total)
            for row in response.context["ranking"]]
    assert rows == [("HM-W-HOANGLIET", "Tự chấm, chưa nộp", Decimal("65.5"), Decimal("70"), Decimal("25.5")),
                    ("HM-W-YENSO", "Đã thẩm định, chưa công bố", Decimal("56"), Decimal("70"), None)]
    html = response.content.decode()
    assert 'data-testid="mixed-bases"' in html and "Cột “Căn cứ” cho biết mỗi con số là gì" in html
    # And the points sit on one scale (/70) with the survey in its own column, never "/100" beside "/70"
    assert "65,5 / 70" in html and "56 / 70" in html and "/ 100" not in html
    assert "<th class=\"num\">Điều tra xã hội học</th>" in html and "25,5 / 30" in html
    # And the period holds a survey, so Yên Sở without survey points counts 0 of 30, flagged
    assert [(r.max_total, r.survey_missing) for r in (row.result for row in response.context["ranking"])] == [
        (Decimal("100"), False), (Decimal("100"), True)]
    assert 'data-testid="part-missing">chưa có</span> / 30' in html and 'data-testid="survey-missing"' in html


def test_a_published_ranking_needs_no_basis_column(period, leadership, secretariat, client_for):
    publish_period(period, by=secretariat)
    response = client_for(leadership).get(dashboard_url(period))
    assert {row.basis for row in response.context["ranking"]} == {"Đã công bố"}
    html = response.content.decode()
    assert "Căn cứ" not in html and 'data-testid="mixed-bases"' not in html


def test_heatmap_shows_each_areas_share_of_its_maximum(period, leadership, client_for):
    response = client_for(leadership).get(dashboard_url(period))

    heatmap = {row.unit_code: row.cells for row in response.context["heatmap"]}
    areas = [area.code for area in response.context["areas"]]
    area_3 = areas.index(AREA_3)
    assert areas == [str(n) for n in range(1, 9)]
    assert heatmap["HM-W-HOANGLIET"][area_3].share_pct == Decimal("67.9")  # 9,5 / 14
    assert heatmap["HM-W-HOANGLIET"][area_3].band == 2
    assert heatmap["HM-W-YENSO"][area_3].share_pct == Decimal("0.0")
    assert {cell.share_pct for cell in heatmap["HM-W-YENSO"]} == {Decimal("100.0"), Decimal("0.0")}
    assert '<td class="num band-2">67,9</td>' in response.content.decode()


def test_distribution_counts_units_per_band(period):
    data = dashboard_data(period=period)

    assert [(band.label, band.count) for band in data["distribution"]] == [
        ("< 50%", 0), ("50–60%", 0), ("60–70%", 0), ("70–80%", 0), ("80–90%", 1), ("≥ 90%", 1),
    ]


@pytest.mark.parametrize("pct, band", [
    ("0", 0), ("49.99", 0), ("50", 1), ("79.99", 3), ("80", 4), ("90", 5), ("100", 5),
])
def test_bands_include_their_lower_bound(pct, band):
    assert band_of(Decimal(pct)) == band


def test_year_over_year_compares_with_the_previous_period(period):
    data = dashboard_data(period=period)

    rows = [(row.unit_code, row.previous_pct, row.index_pct, row.change) for row in data["year_over_year"]]
    assert rows == [("HM-W-HOANGLIET", Decimal("28.57"), Decimal("93.57"), Decimal("65.00")),
                    ("HM-W-YENSO", Decimal("100.00"), Decimal("80.00"), Decimal("-20.00"))]
    # The chart data carries Decimal text; only the browser makes floats of it.
    assert data["charts"]["year_over_year"]["series"] == [
        {"label": "2023", "muted": True, "values": ["28.57", "100.00"]},
        {"label": "2024", "values": ["93.57", "80.00"]},
    ]


def test_without_a_previous_period_there_is_no_comparison(ward, other_ward, secretariat, leadership, client_for):
    framework_load(data=read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json"))
    period = period_open(framework=Framework.objects.get(key="hoangmai-phuong-2024"), year=2024, by=secretariat)

    response = client_for(leadership).get(dashboard_url(period))

    assert [row.previous_pct for row in response.context["year_over_year"]] == [None, None]
    assert "year_over_year" not in response.context["charts"]
    assert "Chưa có kết quả đã công bố của năm trước để so sánh." in response.content.decode()


def test_top_lost_criteria_by_units_below_the_maximum_then_points(period, leadership, client_for):
    response = client_for(leadership).get(dashboard_url(period))

    lost = response.context["lost_criteria"]
    assert [row.code for row in lost] == LOST_CRITERIA_2024
    assert (lost[0].units_below, lost[0].lost_points) == (2, Decimal("9.0"))  # 4,5 lost by both wards
    assert (lost[1].units_below, lost[1].lost_points) == (1, Decimal("2"))
    assert "Tỷ lệ hồ sơ TTHC được giải quyết đúng và trước hạn" in response.content.decode()


@pytest.mark.parametrize("user_fixture", ["secretariat", "council_member"])
def test_other_district_wide_readers_see_the_dashboard(period, user_fixture, request, client_for):
    client = client_for(request.getfixturevalue(user_fixture))
    assert client.get(dashboard_url(period)).status_code == 200
    assert client.get(reverse("dashboard:csv", args=[period.pk, "phan-bo"])).status_code == 200


def test_unit_staff_get_404_everywhere(period, ward_staff, client_for):
    client = client_for(ward_staff)
    assert client.get(reverse("dashboard:index")).status_code == 404
    assert client.get(dashboard_url(period)).status_code == 404
    assert client.get(reverse("dashboard:csv", args=[period.pk, "xep-hang"])).status_code == 404


def test_ranking_csv_has_a_header_and_the_numbers(period, leadership, client_for):
    response = client_for(leadership).get(reverse("dashboard:csv", args=[period.pk, "xep-hang"]))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="xep-hang-hoangmai-phuong-2024-2024.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0][:6] == ["Xếp hạng", "Mã đơn vị", "Đơn vị", "Điểm đạt", "Điểm tối đa", "Chỉ số CCHC (%)"]
    assert rows[1:] == [
        ["1", "HM-W-HOANGLIET", "Phường Hoàng Liệt", "65.5", "70", "93.57", "tăng 1 bậc", "Tạm tính"],
        ["2", "HM-W-YENSO", "Phường Yên Sở", "56", "70", "80.00", "giảm 1 bậc", "Tạm tính"],
    ]


def test_every_chart_has_a_csv(period, leadership, client_for):
    client = client_for(leadership)
    csv_of = {chart: csv_rows(client.get(reverse("dashboard:csv", args=[period.pk, chart])))
              for chart in ("ban-do-nhiet", "phan-bo", "so-sanh-nam", "tieu-chi-mat-diem")}

    assert csv_of["ban-do-nhiet"][0][2].startswith("1. CÔNG TÁC CHỈ ĐẠO")
    assert csv_of["ban-do-nhiet"][1][:5] == ["HM-W-HOANGLIET", "Phường Hoàng Liệt", "100.0", "100.0", "67.9"]
    assert csv_of["phan-bo"][1:] == [["< 50%", "0"], ["50–60%", "0"], ["60–70%", "0"], ["70–80%", "0"],
                                     ["80–90%", "1"], ["≥ 90%", "1"]]
    assert csv_of["so-sanh-nam"][0][2:4] == ["Chỉ số năm 2023 (%)", "Chỉ số năm 2024 (%)"]
    assert csv_of["so-sanh-nam"][2] == ["HM-W-YENSO", "Phường Yên Sở", "100.00", "80.00", "-20.00"]
    assert csv_of["tieu-chi-mat-diem"][1][0::2] == ["3.2.1", "4.5", "9"]
    assert client.get(reverse("dashboard:csv", args=[period.pk, "khong-co"])).status_code == 404


def test_unit_kind_filter(period, leadership, client_for):
    office = Unit.objects.create(code="HM-P-NOIVU", name="Phòng Nội vụ", kind=UnitKind.DEPARTMENT)
    results_refresh([Assessment.objects.create(period=period, unit=office)])
    client = client_for(leadership)

    every = client.get(dashboard_url(period))
    wards = client.get(dashboard_url(period, loai="ward"))
    offices = client.get(dashboard_url(period, loai="department"))

    def names(response):
        return [row.result.unit_name for row in response.context["ranking"]]
    assert names(every) == ["Phường Hoàng Liệt", "Phường Yên Sở", "Phòng Nội vụ"]
    assert names(wards) == ["Phường Hoàng Liệt", "Phường Yên Sở"]
    assert names(offices) == ["Phòng Nội vụ"]
    assert '<option value="ward" selected>' in wards.content.decode()
    assert names(client.get(dashboard_url(period, loai="khong-co"))) == names(every)  # unknown kinds are ignored
    ranking_csv = csv_rows(client.get(reverse("dashboard:csv", args=[period.pk, "xep-hang"]) + "?loai=department"))
    assert [row[1] for row in ranking_csv[1:]] == ["HM-P-NOIVU"]


def test_a_period_without_units_shows_an_empty_state(leadership, client_for):
    framework_load(data=read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json"))
    period = Period.objects.create(organiser=leadership.unit, framework=Framework.objects.get(key="hoangmai-phuong-2024"),
                                   year=2025)

    response = client_for(leadership).get(dashboard_url(period))

    assert response.status_code == 200
    assert "Kỳ đánh giá này chưa có đơn vị nào được đánh giá." in response.content.decode()


def test_landing_lists_periods_newest_first(period, leadership, client_for):
    response = client_for(leadership).get(reverse("dashboard:index"))

    html = response.content.decode()
    assert html.index("Kết quả năm 2024") < html.index("Kết quả năm 2023")
    assert dashboard_url(period) in html


# Session, user, the user's unit and unread notifications (page header), the period, the unit kinds, six queries to score
# this period and six for the previous one, and one look-up of the previous period.
DASHBOARD_QUERIES = 19


@pytest.mark.parametrize("extra_wards", [0, 6])
def test_dashboard_loads_in_a_fixed_number_of_queries(extra_wards, ward, other_ward, secretariat, leadership,
                                                      client_for, django_assert_max_num_queries):
    period = open_periods(secretariat, extra_wards=extra_wards)
    client = client_for(leadership)

    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get(dashboard_url(period))

    assert len(response.context["ranking"]) == 2 + extra_wards


def test_percent_filter_uses_a_decimal_comma_and_fixed_places():
    assert (percent(Decimal("84.64")), percent(Decimal("80")), percent(Decimal("67.86"), 1), percent(None)) == (
        "84,64", "80,00", "67,9", "")


def test_each_ranked_unit_links_to_its_report(period, leadership, client_for):
    html = client_for(leadership).get(dashboard_url(period)).content.decode()
    for assessment in period.assessments.select_related("unit"):
        assert f'<a href="/bao-cao/ho-so/{assessment.pk}/">{assessment.unit.name}</a>' in html


def test_year_over_year_shows_every_unit_of_a_district_and_the_biggest_moves_of_a_city():
    from reports.dashboard import YEAR_OVER_YEAR_ALL, YearOverYear, _biggest_moves

    def rows(changes):
        return [YearOverYear(f"W{n}", f"Phường {n}", Decimal(50) + (change or 0), None if change is None else Decimal(50))
                for n, change in enumerate(changes)]
    district = rows([Decimal(n) for n in range(YEAR_OVER_YEAR_ALL)])
    assert _biggest_moves(district) == district
    city = rows([Decimal(n - 20) for n in range(41)] + [None])  # -20 … +20, and one unit new this year
    shown = _biggest_moves(city)
    assert [row.change for row in shown] == [Decimal(n) for n in range(20, 10, -1)] + [Decimal(n) for n in range(-20, -10)]


def test_the_rows_of_every_unit_escape_its_name(period, leadership, client_for):
    Unit.objects.filter(code="HM-W-YENSO").update(name='Phường <b>Yên Sở</b> & "Một"')
    html = client_for(leadership).get(dashboard_url(period)).content.decode()
    escaped = "Phường &lt;b&gt;Yên Sở&lt;/b&gt; &amp; &quot;Một&quot;"
    assert f'">{escaped}</a>' in html  # the ranking
    assert f'<th scope="row">{escaped}</th>' in html  # the heatmap
    assert "<b>Yên Sở</b>" not in html


def test_a_changed_score_shows_on_the_dashboard_at_once(period, leadership, other_ward_staff, client_for):
    client = client_for(leadership)
    yen_so = period.assessments.get(unit__code="HM-W-YENSO")
    assert client.get(dashboard_url(period)).context["ranking"][1].result.index_pct == Decimal("80.00")
    leaf = yen_so.period.framework.nodes.get(code="3.2.1")
    score = yen_so.self_scores.get(node=leaf)
    self_score_save(assessment=yen_so, node=leaf, by=other_ward_staff,
                    expected_version=score.version, value=leaf.max_points)

    response = client.get(dashboard_url(period))

    row = next(row for row in response.context["ranking"] if row.result.unit_code == "HM-W-YENSO")
    assert row.points == Decimal("56") + leaf.max_points
    assert f"{percent(row.result.index_pct)}</strong>" in response.content.decode()
