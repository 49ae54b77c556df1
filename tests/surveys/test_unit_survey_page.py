"""The unit's survey page shows the computation per criterion and group, and the sample plan.

Responses as in ``test_import_survey``: Hoàng Liệt S1 CD 1 of 2, CC 1 of 1 → 13,333 of 20; S2 CD 1 of 2 → 5 of 10.
Sample plan: Hoàng Liệt's citizens N = 4 → n = ⌈4 ÷ 1,01⌉ = 4, achieved 2: below plan; its civil servants N = 1 → 1.
"""
import io

import pytest
from django.core.management import CommandError, call_command

from surveys.models import SamplePlan
from surveys.services import survey_design_set

from support import SURVEY_DESIGN, SURVEY_ROWS, csv_file, import_survey


@pytest.fixture
def surveyed(period, secretariat, tmp_path):
    survey_design_set(period=period, data=SURVEY_DESIGN, by=secretariat)
    import_survey(period, csv_file(tmp_path, SURVEY_ROWS))
    return period


def plan(period, tmp_path, rows, name="mau.csv"):
    out = io.StringIO()
    call_command("survey_sample_plan", period.identifier, str(csv_file(tmp_path, rows, delimiter=";", name=name)),
                 "--as", "bob", stdout=out)
    return out.getvalue().strip()


PLAN = [["unit", "group", "population", "margin"], ["HM-W-HOANGLIET", "CD", "4", ""],
        ["HM-W-HOANGLIET", "CC", "1", "0,05"]]


def test_the_page_shows_answers_favourable_share_weight_and_points(surveyed, assessment, secretariat, client_for,
                                                                   tmp_path, django_assert_max_num_queries):
    assert plan(surveyed, tmp_path, PLAN) == "Đã lưu kế hoạch mẫu của 2 nhóm đối tượng, kỳ hoangmai-phuong-2024/2024."
    client = client_for(secretariat)
    with django_assert_max_num_queries(12):
        response = client.get(f"/dieu-tra/don-vi/{assessment.pk}/")
    html = response.content.decode()
    [part] = response.context["parts"]
    s1, s2 = part.survey.criteria
    assert [(g.code, g.weight, g.answers, g.favourable) for g in s1.groups] == [("CD", 2, 2, 1), ("CC", 1, 1, 1)]
    # The group by its title, its code beside it
    assert '<td>Công dân <span class="small muted">CD</span></td><td class="num">2</td><td class="num">2</td><td class="num">1</td><td class="num">50,00</td>' in html
    assert '<td>Công chức cấp phường <span class="small muted">CC</span></td><td class="num">1</td><td class="num">1</td><td class="num">1</td><td class="num">100,00</td>' in html
    assert "<strong>13,333</strong> / 20" in html and "tỷ lệ 66,67 %" in html
    assert "<strong>5</strong> / 10" in html
    assert 'data-testid="survey-total">18,333<' in html
    # the sample plan: 4 planned citizens, 2 answered
    assert [(p.group, p.planned, p.achieved, p.below) for p in part.plans] == [("CD", 4, 2, True), ("CC", 1, 1, False)]
    assert html.count('data-testid="below-plan"') == 1


def test_a_criterion_without_answers_is_flagged_on_the_page(surveyed, other_assessment, secretariat, client_for):
    html = client_for(secretariat).get(f"/dieu-tra/don-vi/{other_assessment.pk}/").content.decode()
    assert 'data-testid="no-answer">Không có câu trả lời hợp lệ: 0 điểm.' in html
    assert "Chưa có kế hoạch mẫu cho đơn vị này." in html


def test_a_unit_below_its_plan_is_flagged_in_the_progress_overview(surveyed, assessment, secretariat, client_for,
                                                                   tmp_path):
    plan(surveyed, tmp_path, PLAN)
    html = client_for(secretariat).get(f"/ky-danh-gia/{surveyed.pk}/tien-do/").content.decode()
    assert html.count('data-testid="below-plan"') == 1
    assert f'href="/dieu-tra/don-vi/{assessment.pk}/">Điều tra thiếu phiếu' in html


def test_the_unit_reads_its_own_survey_page_and_nobody_elses(surveyed, assessment, other_assessment, ward_staff,
                                                             leadership, client_for):
    assert client_for(ward_staff).get(f"/dieu-tra/don-vi/{assessment.pk}/").status_code == 200
    assert client_for(ward_staff).get(f"/dieu-tra/don-vi/{other_assessment.pk}/").status_code == 404
    assert client_for(leadership).get(f"/dieu-tra/don-vi/{other_assessment.pk}/").status_code == 200


def test_a_period_without_a_survey_says_so(period, assessment, secretariat, client_for):
    html = client_for(secretariat).get(f"/dieu-tra/don-vi/{assessment.pk}/").content.decode()
    assert "Kỳ này không điều tra: Chỉ số tính trên điểm thẩm định." in html


def test_a_bad_sample_plan_is_refused_by_row_and_keeps_the_old_one(surveyed, tmp_path):
    plan(surveyed, tmp_path, PLAN)
    bad = [PLAN[0], ["HM-W-X", "CD", "4", ""], ["HM-W-YENSO", "XX", "-4", "5"], ["HM-W-YENSO", "CD", "10", "0"],
           ["HM-W-YENSO", "CC", "10", ""], ["HM-W-YENSO", "CC", "12", ""]]
    with pytest.raises(CommandError) as error:
        plan(surveyed, tmp_path, bad, name="mau-2.csv")
    assert str(error.value).split("\n") == [
        "Không nhập dòng nào:",
        "Dòng 2: đơn vị “HM-W-X” không có trong kỳ.",
        "Dòng 3: nhóm “XX” không có trong thiết kế.",
        "Dòng 3: số người “-4” phải là số nguyên không âm.",
        "Dòng 3: sai số “5” phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0,05).",
        "Dòng 4: sai số “0” phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0,05).",
        "Dòng 6: nhóm CC của đơn vị HM-W-YENSO đã có ở dòng 5.",
    ]
    assert SamplePlan.objects.count() == 2
