"""``setup_survey KEY/YEAR DESIGN.json``: a period holds a survey from its design; refused whole, with
every problem; replaceable until responses exist; a design may score leaves of the framework tree."""
import copy
import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from assessments.errors import AssessmentError
from assessments.models import AssessmentResult
from assessments.selectors import unscored_leaf_codes
from assessments.services import self_score_save
from surveys.models import SurveyPart
from surveys.services import SurveyError, survey_design_set, survey_result_save

from support import SURVEY_DESIGN, hanoi_runs_its_own_index


def setup(period, design, tmp_path, *args):
    path = tmp_path / "design.json"
    path.write_text(json.dumps(design, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    call_command("setup_survey", period.identifier, str(path), "--as", "bob", *args, stdout=out)
    return out.getvalue().strip()


def test_a_design_makes_the_period_hold_a_survey_of_its_maximum(period, secretariat, tmp_path):
    assert setup(period, SURVEY_DESIGN, tmp_path) == (
        "Đã thiết lập phiếu “Điều tra xã hội học” của kỳ hoangmai-phuong-2024/2024: 2 tiêu chí, "
        "0 tiêu chí của bộ chỉ số, 2 nhóm, 2 câu hỏi, tối đa 30 điểm.")
    part = SurveyPart.objects.get()
    assert (part.method, part.max_points, part.design) == ("dtxhh", Decimal("30"), SURVEY_DESIGN)
    # Every unit now counts 70 + 30, with no survey figure yet
    assert {(r.survey_max, r.survey_total, tuple(map(tuple, r.parts))) for r in AssessmentResult.objects.all()} == {
        (Decimal("30"), None, (("dtxhh", None, "30"),))}


def test_a_broken_design_is_refused_whole_with_every_problem(period, secretariat, tmp_path):
    design = copy.deepcopy(SURVEY_DESIGN)
    design["criteria"][1]["max_points"] = "5"
    design["questions"][1]["groups"] = ["XX"]
    with pytest.raises(CommandError) as error:
        setup(period, design, tmp_path)
    assert str(error.value) == ("Thiết kế không được lưu:\n"
                                "Tổng điểm tối đa các tiêu chí (25) khác max_points (30).\n"
                                "Câu hỏi thứ 2: nhóm “XX” không có trong groups.")
    assert not SurveyPart.objects.exists()
    assert set(AssessmentResult.objects.values_list("survey_max", flat=True)) == {Decimal("0")}


def test_a_file_that_is_not_json_is_refused(period, secretariat, tmp_path):
    path = tmp_path / "design.json"
    path.write_text('{"max_points": "30",', encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("setup_survey", period.identifier, str(path), "--as", "bob", stdout=io.StringIO())
    assert str(error.value) == f"Tệp {path} không phải JSON hợp lệ (dòng 1, cột 21)."


def test_a_design_is_replaced_until_responses_exist(period, secretariat, tmp_path):
    setup(period, SURVEY_DESIGN, tmp_path)
    changed = copy.deepcopy(SURVEY_DESIGN)
    changed["groups"][0]["weight"] = "3"
    setup(period, changed, tmp_path)
    part = SurveyPart.objects.get()
    assert part.design["groups"][0]["weight"] == "3"
    assert part.history.count() == 2 and part.history.first().history_user == secretariat

    SurveyPart.objects.update(responses_count=120)
    with pytest.raises(CommandError) as error:
        setup(period, SURVEY_DESIGN, tmp_path)
    assert str(error.value) == "Đã nhập phiếu điều tra của phần “Điều tra xã hội học”: không thể thay thiết kế."


def test_a_designed_part_takes_no_typed_points(period, assessment, secretariat):
    survey_design_set(period=period, data=SURVEY_DESIGN, by=secretariat)
    with pytest.raises(SurveyError) as error:
        survey_result_save(assessment=assessment, points="20", by=secretariat)
    assert str(error.value) == "Phần “Điều tra xã hội học” tính điểm từ phiếu điều tra: nhập phiếu thay vì gõ điểm."


def test_only_the_office_sets_up_a_design(period, leadership):
    with pytest.raises(SurveyError):
        survey_design_set(period=period, data=SURVEY_DESIGN, by=leadership)
    assert not SurveyPart.objects.exists()


# -- a tree whose inner criteria are survey-scored (Hà Nội: 8.1 SIPAS, 10 points inside the 100) ----------

SIPAS_DESIGN = {
    "max_points": "0", "criteria": [],
    "groups": [{"code": "CD", "title": "Công dân", "weight": "1"}],
    "questions": [{"code": "Q1", "criterion": "8.1", "groups": ["CD"], "scale": [1, 5], "favourable": [4, 5]}],
}


@pytest.fixture
def hanoi(db, district, secretariat):
    period = hanoi_runs_its_own_index(district=district, office=secretariat)
    return period, period.assessments.get()


def test_a_leaf_of_the_tree_scored_by_the_survey_is_not_typed(hanoi, secretariat, tmp_path, client_for):
    period, assessment = hanoi
    assert "8.1" in unscored_leaf_codes(assessment=assessment)
    assert setup(period, SIPAS_DESIGN, tmp_path, "--part", "sipas").endswith(
        "0 tiêu chí, 1 tiêu chí của bộ chỉ số, 1 nhóm, 1 câu hỏi, tối đa 0 điểm.")

    node = period.framework.nodes.get(code="8.1")
    with pytest.raises(AssessmentError) as error:
        self_score_save(assessment=assessment, node=node, by=secretariat, expected_version=None, value="8",
                        on_behalf_reason="thử")
    assert str(error.value) == "Tiêu chí “8.1” được chấm bằng kết quả điều tra, không tự chấm hay thẩm định."
    assert "8.1" not in unscored_leaf_codes(assessment=assessment)
    # The entry page shows it as survey-scored, without a form
    html = client_for(secretariat).get(f"/danh-gia/{assessment.pk}/").content.decode()
    assert 'data-testid="survey-scored-8.1"' in html
    assert f'/danh-gia/{assessment.pk}/tieu-chi/8.1/' not in html
    # and the index keeps the tree's 100 points: the survey adds no maximum of its own
    assert AssessmentResult.objects.get(assessment=assessment).survey_max == Decimal("0")


# -- the same in the browser -------------------------------------------------------------------

def upload(client, period, content: bytes, method="dtxhh"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(f"/dieu-tra/ky/{period.pk}/thiet-ke/", {
        "method": method, "design": SimpleUploadedFile("design.json", content, content_type="application/json")},
        follow=True)


def test_the_office_uploads_a_design_on_the_period_page(period, secretariat, client_for):
    response = upload(client_for(secretariat), period, json.dumps(SURVEY_DESIGN).encode())
    html = response.content.decode()
    assert "Đã thiết lập phiếu “Điều tra xã hội học”." in html
    assert "2 đơn vị chưa có điểm phần này: kết quả tạm tính." in html
    assert SurveyPart.objects.get().design == SURVEY_DESIGN


def test_a_refused_upload_lists_every_problem_and_saves_nothing(period, secretariat, client_for):
    design = copy.deepcopy(SURVEY_DESIGN)
    design["groups"][1]["weight"] = "-1"
    design["questions"][0]["scale"] = [1]
    html = upload(client_for(secretariat), period, json.dumps(design).encode()).content.decode()
    assert ("Thiết kế không được lưu: Nhóm thứ 2: trọng số “-1” phải là chuỗi số dương (ví dụ &quot;2&quot;). "
            "Câu hỏi thứ 1: “scale” phải là [thấp nhất, cao nhất], hai số nguyên với thấp nhất &lt; cao nhất.") in html
    assert not SurveyPart.objects.exists()


def test_an_upload_that_is_not_json_is_refused(period, secretariat, client_for):
    html = upload(client_for(secretariat), period, b"\xff\xfe not json").content.decode()
    assert "Tệp thiết kế không phải JSON (UTF-8) hợp lệ." in html
    assert not SurveyPart.objects.exists()


def test_only_the_office_reaches_the_design_upload(period, leadership, ward_staff, client_for):
    for user in (leadership, ward_staff):
        assert upload(client_for(user), period, json.dumps(SURVEY_DESIGN).encode()).status_code == 404
    assert not SurveyPart.objects.exists()
