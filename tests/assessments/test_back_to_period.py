"""A unit's appraisal, survey and results pages lead back to their period for those who read the period's pages;
the unit's own people, for whom the period page is a 404, get no such link."""
import pytest

BACK = 'data-testid="back-to-period"><a href="{url}">← Chỉ số CCHC năm 2024 — UBND các phường</a>'


@pytest.mark.parametrize("page, back", [
    ("/tham-dinh/{pk}/", "/tham-dinh/ky/{period}/"),
    ("/dieu-tra/don-vi/{pk}/", "/tham-dinh/ky/{period}/#survey"),
    ("/bao-cao/ho-so/{pk}/", "/ket-qua/{period}/"),
])
def test_the_office_and_leadership_go_back_to_the_period_from_a_units_page(client_for, secretariat, leadership,
                                                                            under_appraisal, page, back):
    url = page.format(pk=under_appraisal.pk)
    expected = BACK.format(url=back.format(period=under_appraisal.period_id))
    for user in (secretariat, leadership):
        assert expected in client_for(user).get(url).content.decode(), user.role


@pytest.mark.parametrize("page", ["/tham-dinh/{pk}/", "/dieu-tra/don-vi/{pk}/", "/bao-cao/ho-so/{pk}/"])
def test_the_units_own_officer_gets_no_link_to_a_period_page_it_may_not_open(client_for, ward_staff, under_appraisal,
                                                                              page):
    response = client_for(ward_staff).get(page.format(pk=under_appraisal.pk))
    assert response.status_code == 200
    assert "back-to-period" not in response.content.decode()
    assert client_for(ward_staff).get(f"/tham-dinh/ky/{under_appraisal.period_id}/").status_code == 404


def test_the_period_page_leads_to_the_periods_results_and_ranking(client_for, leadership, period):
    html = client_for(leadership).get(f"/tham-dinh/ky/{period.pk}/").content.decode()
    assert f'<a href="/ket-qua/{period.pk}/">Kết quả, xếp hạng Chỉ số CCHC</a>' in html
