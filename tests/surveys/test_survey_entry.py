"""The Nội vụ office types every unit's survey points on the period page: all saved, or none."""
from decimal import Decimal

import pytest

from surveys.models import SurveyResult
from surveys.services import SurveyError, survey_design_set, survey_result_save

from support import SURVEY_DESIGN


def test_survey_points_for_several_units_are_saved_together(client_for, secretariat, period, ward, other_ward):
    hoang_liet, yen_so = period.assessments.get(unit=ward), period.assessments.get(unit=other_ward)
    response = client_for(secretariat).post(f"/dieu-tra/ky/{period.pk}/", {
        "method": "sipas", f"points-{hoang_liet.pk}": "25,5", f"points-{yen_so.pk}": "",
    }, follow=True)
    assert "Đã lưu điểm điều tra của 1 đơn vị." in response.content.decode()
    result = SurveyResult.objects.get()
    assert (result.assessment, result.points, result.part.method) == (hoang_liet, Decimal("25.5"), "sipas")
    assert 'value="25,5"' in response.content.decode()


def test_one_bad_value_saves_nothing_and_names_the_unit(client_for, secretariat, period, ward, other_ward):
    hoang_liet, yen_so = period.assessments.get(unit=ward), period.assessments.get(unit=other_ward)
    response = client_for(secretariat).post(f"/dieu-tra/ky/{period.pk}/", {
        f"points-{hoang_liet.pk}": "20", f"points-{yen_so.pk}": "31",
    }, follow=True)
    assert "Chưa lưu điểm điều tra nào. Điểm điều tra của Phường Yên Sở không được lớn hơn 30." in response.content.decode()
    assert not SurveyResult.objects.exists()


def test_each_bad_value_names_its_unit_and_the_problems_read_as_sentences(client_for, secretariat, period, ward,
                                                                          other_ward):
    hoang_liet, yen_so = period.assessments.get(unit=ward), period.assessments.get(unit=other_ward)
    response = client_for(secretariat).post(f"/dieu-tra/ky/{period.pk}/", {
        f"points-{hoang_liet.pk}": "abc", f"points-{yen_so.pk}": "31",
    }, follow=True)
    assert ("Chưa lưu điểm điều tra nào. Điểm điều tra của Phường Hoàng Liệt “abc” không phải là số không âm. "
            "Điểm điều tra của Phường Yên Sở không được lớn hơn 30.") in response.content.decode()


def test_only_the_office_enters_survey_points(client_for, leadership, period, ward):
    assessment = period.assessments.get(unit=ward)
    assert client_for(leadership).post(f"/dieu-tra/ky/{period.pk}/", {f"points-{assessment.pk}": "20"}).status_code == 404
    assert not SurveyResult.objects.exists()


# -- bad input is the user's mistake, never a server error ---------------------------------------

def test_an_unknown_survey_method_is_refused_by_name(secretariat, period, ward):
    assessment = period.assessments.get(unit=ward)
    with pytest.raises(SurveyError) as error:
        survey_result_save(assessment=assessment, points="20", by=secretariat, method="phongvan")
    assert str(error.value) == "Hình thức điều tra “phongvan” không hợp lệ."
    assert not SurveyResult.objects.exists()


@pytest.mark.parametrize("typed", ["12,3456", "0,0001", "1e-5"])
def test_points_finer_than_three_places_are_refused_naming_the_unit(secretariat, period, ward, typed):
    assessment = period.assessments.get(unit=ward)
    with pytest.raises(SurveyError) as error:
        survey_result_save(assessment=assessment, points=typed, by=secretariat)
    assert str(error.value) == "Điểm điều tra của Phường Hoàng Liệt chỉ được có tối đa 3 chữ số thập phân."
    assert not SurveyResult.objects.exists()


def test_trailing_zeros_beyond_three_places_change_nothing_and_are_accepted(secretariat, period, ward):
    assessment = period.assessments.get(unit=ward)
    result = survey_result_save(assessment=assessment, points="12,3000", by=secretariat)
    result.refresh_from_db()
    assert result.points == Decimal("12.300")


def test_what_the_model_still_refuses_comes_back_as_a_survey_error(secretariat, period, ward):
    assessment = period.assessments.get(unit=ward)
    with pytest.raises(SurveyError) as error:
        survey_result_save(assessment=assessment, points="20", by=secretariat, respondents=-1)
    # Django's own Vietnamese, naming the unit like every other survey message
    assert str(error.value) == "Phường Hoàng Liệt: Đảm bảo giá trị này lớn hơn hoặc bằng với 0 ."
    assert not SurveyResult.objects.exists()


def test_an_unknown_method_posted_on_the_period_page_saves_nothing(client_for, secretariat, period, ward):
    assessment = period.assessments.get(unit=ward)
    response = client_for(secretariat).post(f"/dieu-tra/ky/{period.pk}/", {
        "method": "phongvan", f"points-{assessment.pk}": "20",
    }, follow=True)
    assert response.status_code == 200
    assert "Chưa lưu điểm điều tra nào. Hình thức điều tra “phongvan” không hợp lệ." in response.content.decode()
    assert not SurveyResult.objects.exists()


def test_points_with_four_places_posted_on_the_period_page_save_nothing(client_for, secretariat, period, ward):
    assessment = period.assessments.get(unit=ward)
    response = client_for(secretariat).post(f"/dieu-tra/ky/{period.pk}/", {
        f"points-{assessment.pk}": "12,3456",
    }, follow=True)
    assert response.status_code == 200
    assert ("Chưa lưu điểm điều tra nào. Điểm điều tra của Phường Hoàng Liệt chỉ được có tối đa 3 chữ số thập phân."
            in response.content.decode())
    assert not SurveyResult.objects.exists()


def test_an_unknown_method_is_named_once_whatever_the_number_of_units(client_for, secretariat, period, ward, other_ward):
    data = {"method": "zzz", **{f"points-{a.pk}": "20" for a in period.assessments.all()}}
    html = client_for(secretariat).post(f"/dieu-tra/ky/{period.pk}/", data, follow=True).content.decode()
    assert html.count("Hình thức điều tra “zzz” không hợp lệ.") == 1
    assert not SurveyResult.objects.exists()


def test_the_period_page_offers_to_type_a_new_part_only_of_the_methods_it_does_not_hold(client_for, secretariat,
                                                                                       period):
    page = f"/tham-dinh/ky/{period.pk}/"
    new_part = 'Hình thức<select name="method">'
    html = client_for(secretariat).get(page).content.decode()
    assert f'{new_part}<option value="dtxhh">Điều tra xã hội học</option><option value="sipas">' in html

    survey_design_set(period=period, data=SURVEY_DESIGN, by=secretariat)

    html = client_for(secretariat).get(page).content.decode()
    assert f'{new_part}<option value="sipas">' in html  # the designed survey has its own form: responses
    assert 'Phần<select name="method"><option value="dtxhh">' in html  # its design may still be replaced
