"""The entry page with contributors: each criterion names its contributor and who last saved it; a
contributor edits only its own criteria; the head sees everyone's progress and marks what it reviewed."""
import re

import pytest

from assessments.services import self_score_save
from contributors import errors
from contributors.services import contributions_assign


def url(assessment):
    return f"/danh-gia/{assessment.pk}/"


def leaf_html(html, code):
    """The markup of one leaf on the page, up to the next leaf."""
    start = html.index(f'id="node-{code}"')
    following = re.search(r'<div class="node (leaf|parent)', html[start:])
    return html[start:start + following.start()] if following else html[start:]


@pytest.fixture
def shared_out(assessment, economy, culture, ward_head, node):
    """Area 1 to the economy division, 2.1 to culture; economy has scored 1.1.1."""
    contributions_assign(assessment=assessment, contributor=economy, codes=["1"], by=ward_head)
    contributions_assign(assessment=assessment, contributor=culture, codes=["2.1"], by=ward_head)
    self_score_save(assessment=assessment, node=node("1.1.1"), by=economy, expected_version=None, value="0,5")
    return assessment


def test_the_head_sees_the_contributors_name_on_each_criterion_and_who_saved_it(client_for, ward_head, shared_out):
    html = client_for(ward_head).get(url(shared_out)).content.decode()

    first = leaf_html(html, "1.1.1")
    assert 'data-testid="contributor-1.1.1">Trần Văn Kinh (Bộ phận Kinh tế)<' in first
    assert "Lưu lần cuối: Trần Văn Kinh" in first
    assert 'data-testid="contributor-2.1">Lê Thị Hoa (Bộ phận Văn hóa - Xã hội)<' in leaf_html(html, "2.1")
    assert "contributor-2.2" not in html  # nobody holds it: the unit's staff fill it in
    assert "Lưu lần cuối" not in leaf_html(html, "1.1.2")


def test_a_contributor_gets_forms_for_its_own_criteria_only(client_for, economy, shared_out, ward_framework):
    html = client_for(economy).get(url(shared_out)).content.decode()

    area_1_leaves = ward_framework.nodes.filter(children__isnull=True, code__startswith="1.").count()
    assert html.count('class="score-form"') == area_1_leaves
    assert 'class="score-form"' in leaf_html(html, "1.1.1")
    assert 'class="score-form"' not in leaf_html(html, "2.1")
    assert 'data-testid="score-2.1">—<' in html  # the rest is shown, read-only
    assert "Nhập điểm từ Excel" not in html and "Nộp kết quả tự đánh giá" not in html


def test_a_contributor_posting_another_criterion_is_refused_with_the_message(client_for, economy, shared_out):
    response = client_for(economy).post(f"{url(shared_out)}tieu-chi/2.1/", {"value": "1"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 422
    assert str(errors.NOT_ASSIGNED % {"codes": "2.1"}) in response.content.decode()
    assert not shared_out.self_scores.filter(node__code="2.1").exists()


def test_another_units_contributor_gets_404(client_for, other_unit_contributor, shared_out):
    client = client_for(other_unit_contributor)
    assert client.get(url(shared_out)).status_code == 404
    assert client.post(f"{url(shared_out)}tieu-chi/1.1.2/", {"value": "0"}).status_code == 404


def test_the_head_sees_each_contributors_progress(client_for, ward_head, shared_out, ward_framework):
    html = client_for(ward_head).get(url(shared_out)).content.decode()

    area_1_leaves = ward_framework.nodes.filter(children__isnull=True, code__startswith="1.").count()
    progress = html[html.index('id="contributors"'):]
    assert re.search(rf'data-testid="progress-kinhte.hoangliet">.*?1/{area_1_leaves}.*?0</td>', progress, re.S)
    assert re.search(r'data-testid="progress-vanhoa.hoangliet">.*?0/1.*?0</td>', progress, re.S)


def test_the_head_marks_a_criterion_reviewed_until_it_is_saved_again(client_for, ward_head, economy, shared_out, node):
    client = client_for(ward_head)
    assert "Đánh dấu đã xem xét" in leaf_html(client.get(url(shared_out)).content.decode(), "1.1.1")

    response = client.post(f"{url(shared_out)}tieu-chi/1.1.1/xem-xet/")

    assert response.status_code == 302
    first = leaf_html(client.get(url(shared_out)).content.decode(), "1.1.1")
    assert 'data-testid="reviewed-1.1.1"' in first and "Đánh dấu đã xem xét" not in first
    self_score_save(assessment=shared_out, node=node("1.1.1"), by=economy, expected_version=1, value="0,25")
    assert 'data-testid="reviewed-1.1.1"' not in leaf_html(client.get(url(shared_out)).content.decode(), "1.1.1")


def test_only_the_head_reviews(client_for, ward_staff, economy, shared_out):
    for who in (ward_staff, economy):
        client_for(who).post(f"{url(shared_out)}tieu-chi/1.1.1/xem-xet/")
    assert not shared_out.contributions.filter(reviewed_at__isnull=False).exists()


def test_the_entry_page_runs_a_fixed_number_of_queries_with_contributors(
    client_for, ward_head, assessment, economy, culture, node, django_assert_max_num_queries
):
    client = client_for(ward_head)
    contributions_assign(assessment=assessment, contributor=economy, codes=["1.1"], by=ward_head)
    with django_assert_max_num_queries(16) as few:
        client.get(url(assessment))
    contributions_assign(assessment=assessment, contributor=economy, codes=["1", "3"], by=ward_head)
    contributions_assign(assessment=assessment, contributor=culture, codes=["2", "4"], by=ward_head)
    for code in ("1.1.1", "1.2.1", "1.3.1"):
        self_score_save(assessment=assessment, node=node(code), by=economy, expected_version=None, value="0")
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(url(assessment)).content.decode()
    assert html.count("data-testid=\"contributor-") == assessment.contributions.count()


def test_the_head_takes_a_review_mark_back(client_for, ward_head, shared_out):
    client = client_for(ward_head)
    client.post(f"{url(shared_out)}tieu-chi/1.1.1/xem-xet/")
    client.post(f"{url(shared_out)}tieu-chi/1.1.1/xem-xet/", {"bo": "1"})

    contribution = shared_out.contributions.get(node__code="1.1.1")
    assert (contribution.reviewed_by, contribution.reviewed_at) == (None, None)
    assert [row.reviewed_by for row in contribution.history.order_by("history_date")][-2:] == [ward_head, None]


def test_a_criterion_nobody_scored_cannot_be_reviewed(client_for, ward_head, shared_out):
    response = client_for(ward_head).post(f"{url(shared_out)}tieu-chi/1.1.2/xem-xet/", follow=True)
    assert str(errors.NOT_SCORED_YET % {"code": "1.1.2"}) in response.content.decode()
    assert not shared_out.contributions.filter(reviewed_at__isnull=False).exists()


def test_a_contributors_home_page_lists_its_units_files(client_for, economy, assessment, other_assessment):
    html = client_for(economy).get("/").content.decode()
    assert "Hồ sơ đánh giá của đơn vị" in html
    assert f'href="/danh-gia/{assessment.pk}/"' in html and f'href="/danh-gia/{other_assessment.pk}/"' not in html


def test_before_submitting_the_head_is_told_which_contributed_criteria_it_has_not_reviewed(
    client_for, ward_head, shared_out
):
    client = client_for(ward_head)
    client.post(f"{url(shared_out)}tieu-chi/1.1.1/xem-xet/")

    html = client.get(url(shared_out)).content.decode()

    unreviewed = re.search(r'data-testid="summary-unreviewed">(.*?)</p>', html).group(1)
    # area 1 holds 25 leaves, one of them reviewed; and 2.1
    assert unreviewed.startswith("Còn 25 tiêu chí của các bộ phận tham mưu chưa được xem xét: 1.1.2, 1.1.3, 1.2.1")
    assert unreviewed.endswith(", 2.1.")  # the culture division's one, unscored
