"""A council member opens a unit's appraisal on the criteria assigned to them, and may switch to see all."""
from appraisal.models import Assignment


def url(assessment):
    return f"/tham-dinh/{assessment.pk}/"


def row_ids(html):
    import re

    return re.findall(r'<tr class="level-\d[^"]*" id="row-([\d.]+)"', html)


def test_a_member_sees_only_their_criteria_under_their_area_and_group(client_for, member, under_appraisal):
    html = client_for(member).get(url(under_appraisal)).content.decode()

    assert row_ids(html) == ["1", "1.1", "1.1.1", "1.1.2"]
    assert "Đang xem 2 tiêu chí được phân công cho bạn." in html
    assert '<a href="#row-1" title=' in html and '<a href="#row-2" title=' not in html
    assert "Chỉ tiêu chí chưa thẩm định (2)" in html


def test_the_switch_shows_every_criterion_the_others_read_only(client_for, member, under_appraisal, ward_framework):
    html = client_for(member).get(url(under_appraisal) + "?xem=tat-ca").content.decode()

    assert len(row_ids(html)) == ward_framework.nodes.count()
    assert html.count('class="appraise-form"') == 2  # still only their own criteria take a decision
    assert 'aria-label="Điểm thẩm định 1.2.1"' not in html and 'id="row-1.2.1"' in html
    assert "Chỉ tiêu chí được phân công cho tôi (2)" in html
    # A save made while seeing all comes back to all
    response = client_for(member).post(f"{url(under_appraisal)}tieu-chi/1.1.1/", {"value": "0,5", "xem": "tat-ca"})
    assert response["Location"] == f"{url(under_appraisal)}?xem=tat-ca#row-1.1.1"


def test_the_undecided_filter_narrows_the_members_criteria(client_for, member, under_appraisal):
    client = client_for(member)
    client.post(f"{url(under_appraisal)}tieu-chi/1.1.2/", {"value": "0,25"})
    html = client.get(url(under_appraisal) + "?loc=chua-tham-dinh").content.decode()
    assert row_ids(html) == ["1", "1.1", "1.1.1"]


def test_without_assignments_or_as_the_office_every_criterion_shows(client_for, member, secretariat, under_appraisal,
                                                                   ward_framework):
    html = client_for(secretariat).get(url(under_appraisal)).content.decode()
    assert len(row_ids(html)) == ward_framework.nodes.count() and 'data-testid="mine"' not in html

    Assignment.objects.all().delete()
    html = client_for(member).get(url(under_appraisal)).content.decode()
    assert len(row_ids(html)) == ward_framework.nodes.count() and 'data-testid="mine"' not in html
