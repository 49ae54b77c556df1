"""The appraisal page: self and appraised side by side; who may see and edit what."""
from appraisal.services import appraisal_save


def url(assessment):
    return f"/tham-dinh/{assessment.pk}/"


def test_member_sees_forms_only_on_assigned_criteria(client_for, member, under_appraisal):
    html = client_for(member).get(url(under_appraisal)).content.decode()
    assert html.count('class="appraise-form"') == 2
    assert 'aria-label="Điểm thẩm định 1.1.1"' in html
    assert 'aria-label="Điểm thẩm định 1.2.1"' not in html


def test_secretariat_sees_forms_on_every_leaf(client_for, secretariat, under_appraisal, ward_framework):
    html = client_for(secretariat).get(url(under_appraisal)).content.decode()
    assert html.count('class="appraise-form"') == ward_framework.nodes.filter(children__isnull=True).count()


def test_totals_show_self_appraised_and_difference(client_for, secretariat, member, under_appraisal, node):
    appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=member, value="0", reason="Chưa ban hành",
                   expected_version=None)
    html = client_for(secretariat).get(url(under_appraisal)).content.decode()
    assert 'data-testid="appraised-total">0,25<' in html
    assert "<strong>-0,5</strong>" in html


def test_adjusting_through_the_page_without_reason_shows_the_message(client_for, member, under_appraisal):
    response = client_for(member).post(f"{url(under_appraisal)}tieu-chi/1.1.1/", {"value": "0"}, follow=True)
    assert "cần nêu lý do điều chỉnh" in response.content.decode()
    assert not under_appraisal.appraised_scores.exists()


def test_leadership_reads_without_forms(client_for, leadership, under_appraisal):
    response = client_for(leadership).get(url(under_appraisal))
    assert response.status_code == 200
    assert 'class="appraise-form"' not in response.content.decode()


def test_another_ward_gets_404(client_for, other_ward_staff, under_appraisal):
    assert client_for(other_ward_staff).get(url(under_appraisal)).status_code == 404


def test_page_runs_a_fixed_number_of_queries(client_for, secretariat, under_appraisal, node, django_assert_max_num_queries):
    client = client_for(secretariat)
    with django_assert_max_num_queries(16) as first:
        client.get(url(under_appraisal))
    appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=secretariat, value="0", reason="x",
                   expected_version=None)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(url(under_appraisal))


def test_publishing_the_period_through_the_page(client_for, secretariat, period):
    response = client_for(secretariat).post(f"/tham-dinh/ky/{period.pk}/cong-bo/", follow=True)
    assert "chưa thẩm định xong" in response.content.decode()


def test_a_save_comes_back_at_the_saved_criterion(client_for, secretariat, under_appraisal):
    response = client_for(secretariat).post(f"{url(under_appraisal)}tieu-chi/1.1.2/", {"value": "0,25"})
    assert response["Location"] == f"{url(under_appraisal)}#row-1.1.2"


def test_the_undecided_filter_lists_only_criteria_without_a_decision(client_for, secretariat, under_appraisal,
                                                                     ward_framework):
    client = client_for(secretariat)
    # Given 1.1.2 decided by the council
    client.post(f"{url(under_appraisal)}tieu-chi/1.1.2/", {"value": "0,25"})
    leaves = ward_framework.nodes.filter(children__isnull=True).count()

    page = client.get(f"{url(under_appraisal)}?loc=chua-tham-dinh").content.decode()

    # Then 1.1.2 is gone, every other leaf stays, under its area and group rows
    assert 'id="row-1.1.2"' not in page and 'id="row-1.1.1"' in page and 'id="row-1.1"' in page
    assert page.count('class="appraise-form"') == leaves - 1
    assert "Xem mọi tiêu chí" in page
    # And a save under the filter comes back to the filtered list, at the criterion's area
    response = client.post(f"{url(under_appraisal)}tieu-chi/1.1.1/", {"value": "0,5", "loc": "chua-tham-dinh"})
    assert response["Location"] == f"{url(under_appraisal)}?loc=chua-tham-dinh#row-1"


def test_the_page_links_to_each_area_and_counts_the_undecided(client_for, secretariat, under_appraisal,
                                                              ward_framework):
    page = client_for(secretariat).get(url(under_appraisal)).content.decode()
    areas = ward_framework.nodes.filter(parent__isnull=True).order_by("order")
    for area in areas:
        assert f'<a href="#row-{area.code}" title="{area.title}">{area.code}</a>' in page
    leaves = ward_framework.nodes.filter(children__isnull=True).count()
    assert f"Chỉ tiêu chí chưa thẩm định ({leaves})" in page


def test_the_page_saves_through_htmx_onto_the_criterion_row(client_for, member, under_appraisal):
    html = client_for(member).get(url(under_appraisal)).content.decode()
    save = f"{url(under_appraisal)}tieu-chi/1.1.1/"
    assert f'action="{save}" hx-post="{save}" hx-target="closest tr" hx-swap="outerHTML"' in html


def test_an_htmx_save_answers_the_row_with_its_groups_totals_and_count_out_of_band(client_for, member,
                                                                                   under_appraisal):
    response = client_for(member).post(f"{url(under_appraisal)}tieu-chi/1.1.1/",
                                       {"value": "0", "reason": "Chưa ban hành"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<tr class="level-3 adjusted" id="row-1.1.1">')
    assert 'role="status">Đã lưu điểm thẩm định tiêu chí 1.1.1.</p>' in html
    assert 'name="version" value="1"' in html and 'value="Chưa ban hành"' in html
    # The group 1.1 and the area 1 now add 0 for 1.1.1 and the self-score 0,25 of 1.1.2.
    for code in ("1.1", "1"):
        row = html[html.index(f'id="row-{code}" hx-swap-oob="true"'):]
        last_cell = row[:row.index("</tr>")].rsplit("<td>", 1)[1]
        assert last_cell.split() == ["<strong>0,25</strong>", "</td>"]
    assert 'id="appraisal-totals" hx-swap-oob="true"' in html and 'data-testid="appraised-total">0,25<' in html
    assert 'id="appraisal-nav" hx-swap-oob="true"' in html
    assert "<html" not in html
    assert under_appraisal.appraised_scores.get().value == 0


def test_an_htmx_save_refused_answers_422_with_the_message_and_what_was_typed(client_for, member, under_appraisal):
    response = client_for(member).post(f"{url(under_appraisal)}tieu-chi/1.1.1/", {"value": "0,25"},
                                       HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 422
    assert 'role="alert">' in html and "cần nêu lý do điều chỉnh" in html
    assert 'aria-label="Điểm thẩm định 1.1.1" value="0,25"' in html
    assert not under_appraisal.appraised_scores.exists()


def test_an_htmx_save_refused_on_a_row_without_a_form_still_says_why(client_for, member, under_appraisal):
    response = client_for(member).post(f"{url(under_appraisal)}tieu-chi/1.2.1/", {"value": "0"},
                                       HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 422
    assert html.startswith('<tr class="level-3 not-assigned" id="row-1.2.1">') and "appraise-form" not in html
    assert 'role="alert">' in html and "1.2.1" in html[html.index('role="alert">'):]
    assert not under_appraisal.appraised_scores.exists()


def test_an_htmx_save_runs_a_fixed_number_of_queries(client_for, secretariat, under_appraisal, ward_framework,
                                                     django_assert_max_num_queries):
    client = client_for(secretariat)
    with django_assert_max_num_queries(40) as first:
        client.post(f"{url(under_appraisal)}tieu-chi/1.1.1/", {"value": "0,5"}, HTTP_HX_REQUEST="true")
    for leaf in ward_framework.nodes.filter(children__isnull=True).exclude(code="1.1.1")[:10]:
        appraisal_save(assessment=under_appraisal, node=leaf, by=secretariat, value="0", reason="x",
                       expected_version=None)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.post(f"{url(under_appraisal)}tieu-chi/1.1.1/", {"value": "0,5", "version": "1"}, HTTP_HX_REQUEST="true")
