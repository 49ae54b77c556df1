"""The what-if page on a unit's results: whoever reads the unit's results may try hypothetical scores and
ask for the cheapest path; nothing is saved, outsiders get 404."""
import pytest
from django.urls import reverse

from assessments.models import SelfScore


@pytest.fixture
def page(ranked_wards, ward):
    return reverse("reports:what_if", args=[ranked_wards.assessments.get(unit=ward).pk])


def test_the_unit_sees_its_current_figures_and_every_criterion(client_for, ward_staff, page,
                                                              django_assert_max_num_queries):
    client = client_for(ward_staff)
    with django_assert_max_num_queries(8):
        response = client.get(page)
    text = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="current-index">95,36%' in text
    assert 'data-testid="current-rank">3/3' in text
    assert 'name="d-1.7.1"' in text and 'name="d-1.7"' not in text  # leaves only
    assert "Chưa nhập điểm giả định nào" in text


def test_a_hypothetical_score_gives_the_new_index_and_rank(client_for, ward_staff, page):
    before = list(SelfScore.objects.values_list("pk", "value").order_by("pk"))
    text = client_for(ward_staff).get(page, {"d-1.5": "1,5"}).content.decode()
    assert 'data-testid="what-if-index">97,50%' in text
    assert 'data-testid="what-if-rank">2/3' in text
    assert 'value="1,5"' in text
    assert list(SelfScore.objects.values_list("pk", "value").order_by("pk")) == before


def test_htmx_gets_only_the_outcome(client_for, ward_staff, page):
    response = client_for(ward_staff).get(page, {"d-1.5": "max", "d-1.7.1": "max"},
                                          HTTP_HX_REQUEST="true", HTTP_HX_TARGET="what-if-outcome")
    text = response.content.decode()
    assert text.lstrip().startswith('<div id="what-if-outcome"')
    assert 'data-testid="what-if-rank">1/3' in text
    assert "<table" not in text


def test_every_refused_value_is_named_and_the_rest_still_counts(client_for, ward_staff, page):
    text = client_for(ward_staff).get(page, {"d-1.5": "2", "d-1.1.1": "nhiều", "d-1.7.1": "max"}).content.decode()
    assert "Điểm 2 của tiêu chí 1.5 vượt điểm tối đa 1,5." in text
    assert "Điểm giả định của tiêu chí 1.1.1 phải là một số" in text
    assert 'data-testid="what-if-index">96,79%' in text  # 1.7.1 at max: 67,75 of 70


def test_the_cheapest_path_lists_the_criteria_and_links_to_the_what_if(client_for, ward_staff, page):
    response = client_for(ward_staff).get(page, {"hang": "1"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="cheapest-path")
    text = response.content.decode()
    assert text.lstrip().startswith('<div id="cheapest-path"')
    assert "Nâng 2 tiêu chí lên điểm tối đa (cộng 2,5 điểm): Chỉ số 98,93%, xếp hạng 1/3." in text
    assert "<td>1.5</td>" in text and "<td>1.7.1</td>" in text
    assert "?d-1.5=max&amp;d-1.7.1=max" in text


@pytest.mark.parametrize(("query", "shown"), [
    ({"hang": "3"}, "Đơn vị đã đạt mục tiêu này."),
    ({"chi-so": "100,5"}, "Chỉ số mục tiêu phải lớn hơn 0 và không quá 100."),
    ({"hang": "ba"}, "Thứ hạng mục tiêu «ba» phải là một số nguyên (ví dụ 3)."),
    ({"hang": "1", "chi-so": "90"}, "Chọn một mục tiêu: thứ hạng hoặc Chỉ số, không cả hai."),
])
def test_a_target_met_or_refused_says_so(client_for, ward_staff, page, query, shown):
    assert shown in client_for(ward_staff).get(page, query).content.decode()


def test_the_office_and_leadership_may_use_it(client_for, secretariat, leadership, page):
    for user in (secretariat, leadership):
        assert client_for(user).get(page).status_code == 200


def test_another_unit_gets_404(client_for, other_ward_staff, page):
    assert client_for(other_ward_staff).get(page).status_code == 404


def test_the_page_takes_no_post(client_for, ward_staff, page):
    assert client_for(ward_staff).post(page, {"d-1.5": "max"}).status_code == 405


def test_an_excluded_unit_has_no_ranking_to_simulate(client_for, secretariat, ranked_wards, ward, page):
    ranked_wards.assessments.filter(unit=ward).update(excluded=True, excluded_reason="sáp nhập")
    text = client_for(secretariat).get(page).content.decode()
    assert 'data-testid="not-ranked"' in text


def test_the_results_page_links_to_it(client_for, ward_staff, ranked_wards, ward, page):
    report = reverse("reports:unit_report", args=[ranked_wards.assessments.get(unit=ward).pk])
    assert f'href="{page}"' in client_for(ward_staff).get(report).content.decode()
