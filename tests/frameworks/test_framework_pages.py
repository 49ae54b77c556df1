from frameworks.models import Node


def test_tree_page_shows_codes_titles_maxima_and_the_recorded_erratum(client_for, ward_staff, frameworks):
    response = client_for(ward_staff).get("/bo-chi-so/hoangmai-phong-2024/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" in html
    assert "tổng con: 13" in html
    assert "Nội dung 3 công bố 14 điểm" in html


def test_tree_page_shows_rules_in_plain_vietnamese(client_for, ward_staff, frameworks):
    html = client_for(ward_staff).get("/bo-chi-so/hoangmai-phong-2024/").content.decode()
    node = Node.objects.filter(framework__key="hoangmai-phong-2024").exclude(rule=None).first()
    assert node is not None
    from frameworks import rules

    assert rules.describe(node.rule, node.max_points).split(";")[0][:20] in html


def test_tree_page_runs_a_fixed_number_of_queries_whatever_the_size(
    client_for, ward_staff, frameworks, django_assert_max_num_queries
):
    client = client_for(ward_staff)
    for key in ("hoangmai-phong-2024", "hoangmai-phuong-2024", "hanoi-province-2020"):
        with django_assert_max_num_queries(6):
            assert client.get(f"/bo-chi-so/{key}/").status_code == 200


def test_framework_list_shows_every_version(client_for, leadership, frameworks):
    html = client_for(leadership).get("/bo-chi-so/").content.decode()
    for key in frameworks:
        assert key in html


def test_framework_list_has_an_empty_state(client_for, leadership):
    html = client_for(leadership).get("/bo-chi-so/").content.decode()
    assert "Chưa nạp bộ chỉ số nào" in html


def test_unknown_framework_is_404(client_for, leadership, frameworks):
    assert client_for(leadership).get("/bo-chi-so/khong-co/").status_code == 404


def test_diff_page_without_previous_version_says_so(client_for, leadership, frameworks):
    html = client_for(leadership).get("/bo-chi-so/hoangmai-phuong-2024/so-sanh/").content.decode()
    assert "không có phiên bản trước" in html


def test_pages_require_login(client, frameworks):
    response = client.get("/bo-chi-so/hoangmai-phuong-2024/")
    assert response.status_code == 302


def test_tree_page_links_to_the_pdf_appendix(client_for, ward_staff, frameworks):
    html = client_for(ward_staff).get("/bo-chi-so/hoangmai-phuong-2024/").content.decode()
    assert 'href="/bao-cao/bo-chi-so/hoangmai-phuong-2024/pdf/"' in html
