"""The assignment page: who holds what; the unit's staff and head change it, other readers only look."""
from contributors.services import contributions_assign


def url(assessment):
    return f"/danh-gia/{assessment.pk}/phan-cong/"


def test_the_head_assigns_an_area_through_the_page(client_for, ward_head, assessment, economy, culture):
    client = client_for(ward_head)
    response = client.post(f"{url(assessment)}{economy.pk}/", {"codes": ["1.1", "2"]}, follow=True)

    html = response.content.decode()
    assert "Đã phân công 7 tiêu chí cho Trần Văn Kinh." in html
    assert "1.1.1, 1.1.2, 1.1.3, 2.1, 2.2, 2.3, 2.4" in html
    assert 'data-testid="assign-vanhoa.hoangliet"' in html  # a form for every division
    client.post(f"{url(assessment)}{economy.pk}/", {"codes": ["2"], "bo": "1"})
    assert sorted(assessment.contributions.values_list("node__code", flat=True)) == ["1.1.1", "1.1.2", "1.1.3"]


def test_a_bad_code_is_named_and_nothing_changes(client_for, ward_staff, assessment, economy):
    response = client_for(ward_staff).post(f"{url(assessment)}{economy.pk}/", {"codes": ["7.7.7"]}, follow=True)
    assert "Không có tiêu chí “7.7.7” trong bộ chỉ số." in response.content.decode()
    assert not assessment.contributions.exists()


def test_a_contributor_and_the_office_read_it_without_forms(client_for, economy, secretariat, assessment, ward_head):
    contributions_assign(assessment=assessment, contributor=economy, codes=["1.1"], by=ward_head)
    for reader in (economy, secretariat):
        html = client_for(reader).get(url(assessment)).content.decode()
        assert 'data-testid="progress-kinhte.hoangliet"' in html
        assert 'data-testid="assign-' not in html
    assert client_for(economy).post(f"{url(assessment)}{economy.pk}/", {"codes": ["2"]}).status_code == 302
    assert assessment.contributions.count() == 3  # refused by the service


def test_outsiders_get_404(client_for, other_unit_contributor, other_ward_staff, assessment, economy):
    for outsider in (other_unit_contributor, other_ward_staff):
        client = client_for(outsider)
        assert client.get(url(assessment)).status_code == 404
        assert client.post(f"{url(assessment)}{economy.pk}/", {"codes": ["1"]}).status_code == 404
    assert not assessment.contributions.exists()


def test_a_unit_without_contributors_says_how_to_add_them(client_for, ward_head, assessment):
    html = client_for(ward_head).get(url(assessment)).content.decode()
    assert "Đơn vị chưa có bộ phận tham mưu nào." in html


def test_the_page_runs_a_fixed_number_of_queries(client_for, ward_head, assessment, economy, culture,
                                                 django_assert_max_num_queries):
    client = client_for(ward_head)
    with django_assert_max_num_queries(10) as few:
        client.get(url(assessment))
    contributions_assign(assessment=assessment, contributor=economy, codes=["1", "3"], by=ward_head)
    contributions_assign(assessment=assessment, contributor=culture, codes=["2"], by=ward_head)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url(assessment))
