"""The Nội vụ office types every unit's survey points on the period page: all saved, or none."""
from decimal import Decimal

from surveys.models import SurveyResult


def test_survey_points_for_several_units_are_saved_together(client_for, secretariat, period, ward, other_ward):
    hoang_liet, yen_so = period.assessments.get(unit=ward), period.assessments.get(unit=other_ward)
    response = client_for(secretariat).post(f"/dieu-tra/ky/{period.pk}/", {
        "method": "sipas", f"points-{hoang_liet.pk}": "25,5", f"points-{yen_so.pk}": "",
    }, follow=True)
    assert "Đã lưu điểm điều tra của 1 đơn vị." in response.content.decode()
    result = SurveyResult.objects.get()
    assert (result.assessment, result.points, result.method) == (hoang_liet, Decimal("25.5"), "sipas")
    assert 'value="25,5"' in response.content.decode()


def test_one_bad_value_saves_nothing_and_names_the_unit(client_for, secretariat, period, ward, other_ward):
    hoang_liet, yen_so = period.assessments.get(unit=ward), period.assessments.get(unit=other_ward)
    response = client_for(secretariat).post(f"/dieu-tra/ky/{period.pk}/", {
        f"points-{hoang_liet.pk}": "20", f"points-{yen_so.pk}": "31",
    }, follow=True)
    assert "Chưa lưu điểm điều tra nào. Điểm điều tra của Phường Yên Sở không được lớn hơn 30." in response.content.decode()
    assert not SurveyResult.objects.exists()


def test_only_the_office_enters_survey_points(client_for, leadership, period, ward):
    assessment = period.assessments.get(unit=ward)
    assert client_for(leadership).post(f"/dieu-tra/ky/{period.pk}/", {f"points-{assessment.pk}": "20"}).status_code == 404
    assert not SurveyResult.objects.exists()
