"""Results of a period: totals, survey, provisional until published, ranks and rank changes."""
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from appraisal.services import appraisal_finish, appraisal_save, period_publish
from assessments import actions
from assessments.services import period_open, self_score_save
from frameworks.models import Framework
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
from reports.selectors import period_results, unit_report
from surveys.services import SurveyError, survey_result_save
from support import submit_completed

from support import publish_period


@pytest.fixture
def scored_period(ward, other_ward, ward_staff, ward_head, other_ward_staff, secretariat, django_user_model):
    """Hoàng Liệt self-scores 1.1.1 = 0,5 and 1.1.2 = 0,5; Yên Sở 1.1.1 = 0,5 only."""
    framework_load(data=read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json"))
    framework = Framework.objects.get(key="hoangmai-phuong-2024")
    period = period_open(framework=framework, year=2024, by=secretariat)
    hoang_liet, yen_so = period.assessments.get(unit=ward), period.assessments.get(unit=other_ward)
    node = framework.nodes.get
    for code in ("1.1.1", "1.1.2"):
        self_score_save(assessment=hoang_liet, node=node(code=code), by=ward_staff, expected_version=None, value="0,5")
    self_score_save(assessment=yen_so, node=node(code="1.1.1"), by=other_ward_staff, expected_version=None, value="0,5")
    period.yen_so_head = django_user_model.objects.create(username="yenso.head", role="unit_head", unit=other_ward)
    return period


def start_appraisals(period, ward_head, secretariat):
    """Both wards submit and the appraisal starts; returns (Hoàng Liệt, Yên Sở)."""
    hoang_liet, yen_so = period.assessments.get(unit=ward_head.unit), period.assessments.exclude(unit=ward_head.unit).get()
    for assessment, head in ((hoang_liet, ward_head), (yen_so, period.yen_so_head)):
        submit_completed(assessment=assessment, by=head)
        actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    return hoang_liet, yen_so


def appraise_all(period, ward_head, secretariat):
    """Both wards appraised as self-scored; returns (Hoàng Liệt, Yên Sở)."""
    units = start_appraisals(period, ward_head, secretariat)
    for assessment in units:
        appraisal_finish(assessment=assessment, by=secretariat)
    return units


def by_code(results):
    return {r.unit_code: r for r in results}


def test_before_appraisal_results_are_provisional_self_scores(scored_period):
    results = by_code(period_results(period=scored_period))
    hoang_liet = results["HM-W-HOANGLIET"]
    assert (hoang_liet.self_total, hoang_liet.appraised_total, hoang_liet.max_total) == (Decimal("1"), None, Decimal("70"))
    assert hoang_liet.index_pct == Decimal("1.43")  # 1 / 70 without a survey
    assert hoang_liet.provisional and hoang_liet.rank == 1
    assert results["HM-W-YENSO"].rank == 2


def test_survey_points_join_the_index_with_its_maximum(scored_period, ward, secretariat):
    assessment = scored_period.assessments.get(unit=ward)
    survey_result_save(assessment=assessment, points="25,5", by=secretariat)
    result = by_code(period_results(period=scored_period))["HM-W-HOANGLIET"]
    assert (result.survey_total, result.max_total) == (Decimal("25.5"), Decimal("100"))
    assert result.index_pct == Decimal("26.50")


def test_survey_points_are_checked(scored_period, ward, secretariat, ward_staff):
    assessment = scored_period.assessments.get(unit=ward)
    with pytest.raises(SurveyError, match="không được lớn hơn 30"):
        survey_result_save(assessment=assessment, points="30,5", by=secretariat)
    with pytest.raises(SurveyError, match="Chỉ Phòng Nội vụ"):
        survey_result_save(assessment=assessment, points="20", by=ward_staff)


def test_published_results_are_final_and_ties_share_a_rank(scored_period, ward, other_ward, ward_head, secretariat):
    hoang_liet, yen_so = start_appraisals(scored_period, ward_head, secretariat)
    # The council cuts Hoàng Liệt's 1.1.2 to 0: both units end at 0,5.
    appraisal_save(assessment=hoang_liet, node=scored_period.framework.nodes.get(code="1.1.2"), by=secretariat,
                   value="0", reason="Không có kế hoạch SIPAS", expected_version=None)
    for assessment in (hoang_liet, yen_so):
        appraisal_finish(assessment=assessment, by=secretariat)
    period_publish(period=scored_period, by=secretariat)

    results = by_code(period_results(period=scored_period))
    assert results["HM-W-HOANGLIET"].appraised_total == Decimal("0.5")
    assert results["HM-W-HOANGLIET"].self_total == Decimal("1")
    assert {r.rank for r in results.values()} == {1}
    assert not any(r.provisional for r in results.values())


def _earlier_period(scored_period, year, *, by, staff, ward):
    """``year``'s period in which only ``ward`` scored 1.1.1 = 0,5, so it ranks first."""
    earlier = period_open(framework=scored_period.framework, year=year, by=by)
    self_score_save(assessment=earlier.assessments.get(unit=ward), node=scored_period.framework.nodes.get(code="1.1.1"),
                    by=staff, expected_version=None, value="0,5")
    return earlier


def test_rank_change_against_the_previous_published_year(scored_period, other_ward, secretariat, other_ward_staff):
    # Given 2023 published with Yên Sở first
    publish_period(_earlier_period(scored_period, 2023, by=secretariat, staff=other_ward_staff, ward=other_ward),
                   by=secretariat)
    # When 2024 ranks Hoàng Liệt first
    results = by_code(period_results(period=scored_period))
    # Then each rank change is measured against 2023
    assert (results["HM-W-HOANGLIET"].rank, results["HM-W-HOANGLIET"].rank_change) == (1, 1)
    assert (results["HM-W-YENSO"].rank, results["HM-W-YENSO"].rank_change) == (2, -1)


def test_no_rank_change_against_an_unpublished_year(scored_period, other_ward, secretariat, other_ward_staff):
    # Given 2023 with a provisional ranking only (never published)
    _earlier_period(scored_period, 2023, by=secretariat, staff=other_ward_staff, ward=other_ward)
    # Then 2024 shows no rank change at all
    assert [r.rank_change for r in period_results(period=scored_period)] == [None, None]


def test_rank_change_skips_an_unpublished_year_for_the_last_published_one(scored_period, ward, other_ward, secretariat,
                                                                          ward_staff, other_ward_staff):
    # Given 2022 published with Yên Sở first, and 2023 with Hoàng Liệt first but not published
    publish_period(_earlier_period(scored_period, 2022, by=secretariat, staff=other_ward_staff, ward=other_ward),
                   by=secretariat)
    _earlier_period(scored_period, 2023, by=secretariat, staff=ward_staff, ward=ward)
    # Then 2024 compares with 2022
    results = by_code(period_results(period=scored_period))
    assert (results["HM-W-HOANGLIET"].rank_change, results["HM-W-YENSO"].rank_change) == (1, -1)


def test_results_load_in_a_fixed_number_of_queries(scored_period, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        period_results(period=scored_period)


def test_unit_report_lists_criteria_at_full_marks(scored_period):
    report = unit_report(period=scored_period, unit_code="HM-W-HOANGLIET")
    assert [row.node.code for row in report["full_marks"]] == ["1.1.1", "1.1.2"]
    row = next(r for r in report["rows"] if r.node.code == "1.1")
    assert (row.self_points, row.max_points, row.lost_points) == (Decimal("1"), Decimal("1.5"), Decimal("0.5"))


def test_index_report_json_is_ranked_with_decimal_strings(scored_period):
    out = io.StringIO()
    call_command("index_report", "hoangmai-phuong-2024/2024", stdout=out)
    rows = json.loads(out.getvalue())
    assert [row["unit_code"] for row in rows] == ["HM-W-HOANGLIET", "HM-W-YENSO"]
    assert rows[0] == {
        "unit_code": "HM-W-HOANGLIET", "unit_name": "Phường Hoàng Liệt", "self_total": "1", "appraised_total": None,
        "survey_total": None, "max_total": "70", "index_pct": "1.43", "rank": 1, "rank_change": None,
        "provisional": True, "republication": None, "survey_missing": False,
        "parts": [{"part": "appraisal", "points": "1", "max_points": "70"}],
    }


def test_index_report_xlsx_keeps_decimals(scored_period, tmp_path):
    target = tmp_path / "ket-qua.xlsx"
    call_command("index_report", "hoangmai-phuong-2024/2024", "--format", "xlsx", "-o", str(target), stdout=io.StringIO())
    sheet = load_workbook(target).active
    assert sheet["A2"].value == "Mã đơn vị"
    assert (sheet["A3"].value, sheet["G3"].value) == ("HM-W-HOANGLIET", 1.43)
    assert sheet["G3"].number_format == "0.00"


def test_a_reappraisal_in_progress_leaves_the_published_numbers_alone(scored_period, ward, other_ward, ward_head, secretariat):
    hoang_liet, yen_so = appraise_all(scored_period, ward_head, secretariat)
    period_publish(period=scored_period, by=secretariat)
    hoang_liet.refresh_from_db()
    actions.assessment_reappraise(assessment=hoang_liet, by=secretariat, reason="Phúc tra")
    node = scored_period.framework.nodes.get(code="1.1.2")
    appraisal_save(assessment=hoang_liet, node=node, by=secretariat, value="0", reason="Phúc tra: không có kế hoạch",
                   expected_version=hoang_liet.appraised_scores.get(node=node).version)

    result = by_code(period_results(period=scored_period))["HM-W-HOANGLIET"]
    assert (result.appraised_total, result.provisional) == (Decimal("1"), False)


@pytest.fixture
def published_then_reappraised(scored_period, ward, other_ward, ward_head, secretariat):
    """Both wards appraised as self-scored, Hoàng Liệt with 20 survey points; published; Hoàng Liệt re-appraised."""
    hoang_liet, yen_so = appraise_all(scored_period, ward_head, secretariat)
    survey_result_save(assessment=hoang_liet, points="20", by=secretariat)
    period_publish(period=scored_period, by=secretariat)
    hoang_liet.refresh_from_db()
    actions.assessment_reappraise(assessment=hoang_liet, by=secretariat, reason="Phúc tra theo đơn của phường")
    return hoang_liet


def test_survey_points_changed_during_a_reappraisal_wait_for_the_republication(published_then_reappraised, scored_period, secretariat):
    survey_result_save(assessment=published_then_reappraised, points="30", by=secretariat)
    result = by_code(period_results(period=scored_period))["HM-W-HOANGLIET"]
    assert (result.survey_total, result.index_pct) == (Decimal("20"), Decimal("21.00"))


def test_criteria_rows_keep_their_published_values_during_a_reappraisal(published_then_reappraised, scored_period, secretariat):
    node = scored_period.framework.nodes.get(code="1.1.1")
    appraisal_save(assessment=published_then_reappraised, node=node, by=secretariat, value="0", reason="Phúc tra",
                   expected_version=published_then_reappraised.appraised_scores.get(node=node).version)
    report = unit_report(period=scored_period, unit_code="HM-W-HOANGLIET")
    row = next(r for r in report["rows"] if r.node.code == "1.1.1")
    assert (row.appraised_points, report["result"].appraised_total) == (Decimal("0.5"), Decimal("1"))


def test_the_republication_brings_the_corrected_numbers(published_then_reappraised, scored_period, secretariat):
    from appraisal.services import reappraisal_publish

    node = scored_period.framework.nodes.get(code="1.1.1")
    appraisal_save(assessment=published_then_reappraised, node=node, by=secretariat, value="0", reason="Phúc tra",
                   expected_version=published_then_reappraised.appraised_scores.get(node=node).version)
    survey_result_save(assessment=published_then_reappraised, points="30", by=secretariat)
    appraisal_finish(assessment=published_then_reappraised, by=secretariat)
    reappraisal_publish(assessment=published_then_reappraised, by=secretariat, reason="Kết quả phúc tra")
    result = by_code(period_results(period=scored_period))["HM-W-HOANGLIET"]
    assert (result.appraised_total, result.survey_total, result.index_pct) == (Decimal("0.5"), Decimal("30"), Decimal("30.50"))


def test_the_unit_report_downloads_as_excel_with_decimal_points(client_for, ward_staff, other_ward_staff, scored_period, ward):
    assessment = scored_period.assessments.get(unit=ward)
    response = client_for(ward_staff).get(f"/bao-cao/ho-so/{assessment.pk}/ket-qua.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    all_rows = list(sheet.iter_rows(min_row=3, values_only=True))
    rows = {r[0]: r for r in all_rows}
    assert sheet["A2"].value == "Mã" and sheet["F2"].value == "Điểm bị trừ"
    assert rows["1.1"][1].startswith("Ban hành và triển khai")
    assert [Decimal(str(v)) for v in rows["1.1"][2:]] == [Decimal("1.5"), Decimal("1"), Decimal("1"), Decimal("0.5")]
    assert all_rows[-1][1] == "TỔNG ĐIỂM"
    assert client_for(other_ward_staff).get(f"/bao-cao/ho-so/{assessment.pk}/ket-qua.xlsx").status_code == 404
