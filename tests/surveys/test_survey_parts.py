"""A period decides whether it holds a survey, and of which parts (district survey, SIPAS, PAPI).

Seed 000: 70 appraisal points + up to 30 survey points; without a survey the appraised score alone is
normalised to 100. Seed 004: a ward's result has SIPAS and PAPI parts, each with its own maximum.
"""
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command

from assessments.models import AssessmentResult
from assessments.services import self_score_save
from surveys.models import SurveyPart
from surveys.services import SurveyError, survey_part_remove, survey_part_set, survey_result_save


def index_report(period) -> dict:
    out = io.StringIO()
    call_command("index_report", period.identifier, stdout=out)
    return {row["unit_code"]: row for row in json.loads(out.getvalue())}


@pytest.fixture
def scored(period, assessment, ward_staff, node):
    """Hoàng Liệt self-scored 1.1.1 = 0,5; Yên Sở nothing."""
    self_score_save(assessment=assessment, node=node("1.1.1"), by=ward_staff, expected_version=None, value="0,5")
    return period


def test_a_period_without_a_survey_indexes_every_unit_on_the_appraisal_alone(scored):
    rows = index_report(scored)
    assert [(r["max_total"], r["survey_total"], r["survey_missing"]) for r in rows.values()] == [
        ("70", None, False), ("70", None, False)]
    assert rows["HM-W-HOANGLIET"]["index_pct"] == "0.71"


def test_holding_a_part_gives_every_unit_its_maximum_and_flags_those_without_points(scored, assessment, secretariat):
    survey_part_set(period=scored, method="sipas", max_points="10", by=secretariat)
    survey_part_set(period=scored, method="papi", max_points="20", by=secretariat)
    survey_result_save(assessment=assessment, points="8,5", by=secretariat, method="sipas")

    rows = index_report(scored)
    hoang_liet, yen_so = rows["HM-W-HOANGLIET"], rows["HM-W-YENSO"]
    # Hoàng Liệt: 0,5 + 8,5 of 70 + 10 + 20; PAPI still missing
    assert (hoang_liet["survey_total"], hoang_liet["max_total"], hoang_liet["index_pct"]) == ("8.5", "100", "9.00")
    assert hoang_liet["parts"] == [{"part": "appraisal", "points": "0.5", "max_points": "70"},
                                   {"part": "sipas", "points": "8.5", "max_points": "10"},
                                   {"part": "papi", "points": None, "max_points": "20"}]
    assert hoang_liet["survey_missing"] is True
    # Yên Sở has no survey points at all: still 100, never 70
    assert (yen_so["survey_total"], yen_so["max_total"], yen_so["survey_missing"]) == (None, "100", True)
    assert AssessmentResult.objects.get(assessment=assessment).survey_max == Decimal("30")


def test_a_part_removed_leaves_every_unit_on_the_remaining_maxima(scored, assessment, secretariat):
    survey_part_set(period=scored, method="sipas", max_points="10", by=secretariat)
    survey_result_save(assessment=assessment, points="8,5", by=secretariat, method="sipas")
    survey_part_remove(period=scored, method="sipas", by=secretariat)
    assert index_report(scored)["HM-W-HOANGLIET"]["max_total"] == "70"
    assert not SurveyPart.objects.exists()
    assert SurveyPart.history.filter(history_type="-", history_user=secretariat).count() == 1


def test_typed_points_cannot_exceed_the_parts_own_maximum(scored, assessment, secretariat):
    survey_part_set(period=scored, method="sipas", max_points="10", by=secretariat)
    with pytest.raises(SurveyError) as error:
        survey_result_save(assessment=assessment, points="10,5", by=secretariat, method="sipas")
    assert str(error.value) == "Điểm điều tra của Phường Hoàng Liệt không được lớn hơn 10."


@pytest.mark.parametrize(("method", "maximum", "message"), [
    ("phongvan", "10", "Hình thức điều tra “phongvan” không hợp lệ."),
    ("sipas", "-1", "Điểm tối đa của phần “SIPAS” “-1” phải là số không âm, tối đa 3 chữ số thập phân."),
    ("papi", "mười", "Điểm tối đa của phần “PAPI” “mười” phải là số không âm, tối đa 3 chữ số thập phân."),
    ("papi", "1,2345", "Điểm tối đa của phần “PAPI” “1,2345” phải là số không âm, tối đa 3 chữ số thập phân."),
])
def test_a_bad_part_is_refused_by_name(scored, secretariat, method, maximum, message):
    with pytest.raises(SurveyError) as error:
        survey_part_set(period=scored, method=method, max_points=maximum, by=secretariat)
    assert str(error.value) == message
    assert not SurveyPart.objects.exists()


def test_only_the_office_sets_parts(scored, leadership, ward_staff):
    for user in (leadership, ward_staff):
        with pytest.raises(SurveyError) as error:
            survey_part_set(period=scored, method="sipas", max_points="10", by=user)
        assert str(error.value) == "Chỉ Phòng Nội vụ nhập điểm điều tra xã hội học."
    assert not SurveyPart.objects.exists()


def test_the_period_page_shows_each_part_apart(scored, assessment, secretariat, client_for):
    survey_part_set(period=scored, method="sipas", max_points="10", by=secretariat)
    survey_part_set(period=scored, method="papi", max_points="20", by=secretariat)
    survey_result_save(assessment=assessment, points="8,5", by=secretariat, method="sipas")
    html = client_for(secretariat).get(f"/tham-dinh/ky/{scored.pk}/").content.decode()
    assert "SIPAS <span class=\"small muted\">tối đa 10 điểm</span>" in html
    assert "PAPI <span class=\"small muted\">tối đa 20 điểm</span>" in html
    assert 'value="8,5"' in html
    assert "2 đơn vị chưa có điểm phần này: kết quả tạm tính." in html  # PAPI
    assert "1 đơn vị chưa có điểm phần này: kết quả tạm tính." in html  # SIPAS: Yên Sở


def test_the_office_holds_and_drops_a_part_by_command(scored, secretariat):
    out = io.StringIO()
    call_command("survey_part", scored.identifier, "sipas", "--max", "10,5", "--as", "bob", stdout=out)
    assert out.getvalue().strip() == f"Kỳ {scored.identifier} có phần “SIPAS”, tối đa 10,5 điểm."
    assert index_report(scored)["HM-W-HOANGLIET"]["max_total"] == "80.5"
    with pytest.raises(Exception, match="SIPAS"):
        call_command("survey_part", scored.identifier, "sipas", "--max", "-1", "--as", "bob")
    call_command("survey_part", scored.identifier, "sipas", "--remove", "--as", "bob", stdout=io.StringIO())
    assert not SurveyPart.objects.filter(period=scored).exists()
    assert index_report(scored)["HM-W-HOANGLIET"]["max_total"] == "70"
