"""The council of a period, and the default assignment of criteria by responsible office."""
import pytest

from appraisal.models import Assignment, CouncilMember
from appraisal.services import assignments_apply_defaults, council_member_add
from organizations.models import Unit


def test_criteria_go_to_the_member_whose_office_the_source_names(period, council_member, ward_framework, district):
    # Carol heads the Justice office; the source names "Tư pháp" for criterion 2 and its sub-criteria.
    council_member.unit = Unit.objects.create(code="HM-P-TUPHAP", name="Phòng Tư pháp", kind="department", parent=district)
    council_member.save(update_fields=["unit"])
    area = ward_framework.nodes.get(code="2")
    area.responsible_offices = ["Tư pháp"]
    area.save(update_fields=["responsible_offices"])
    council_member_add(period=period, user=council_member)

    created = assignments_apply_defaults(period=period)

    area_2_leaves = {n.code for n in ward_framework.nodes.filter(code__startswith="2.", children__isnull=True)}
    assert created == len(area_2_leaves) > 0
    assert set(Assignment.objects.values_list("node__code", flat=True)) == area_2_leaves
    assert assignments_apply_defaults(period=period) == 0  # running it again adds nothing


def test_the_secretariat_builds_the_council_on_the_period_page(client_for, secretariat, council_member, period):
    client = client_for(secretariat)
    response = client.post(f"/tham-dinh/ky/{period.pk}/hoi-dong/", {"user": council_member.pk, "role": "vice_chair"}, follow=True)
    assert "Đã thêm Carol vào Hội đồng thẩm định." in response.content.decode()
    assert CouncilMember.objects.get().role == "vice_chair"
    assert "Carol — Phó Chủ tịch Hội đồng" in client.get(f"/tham-dinh/ky/{period.pk}/").content.decode()


def test_unit_staff_cannot_sit_on_the_council_and_strangers_cannot_edit_it(client_for, secretariat, ward_staff, council_member, period):
    response = client_for(secretariat).post(f"/tham-dinh/ky/{period.pk}/hoi-dong/", {"user": ward_staff.pk, "role": "member"}, follow=True)
    assert "Chọn một cán bộ và chức danh" in response.content.decode()
    assert client_for(council_member).post(f"/tham-dinh/ky/{period.pk}/hoi-dong/", {"user": council_member.pk, "role": "chair"}).status_code == 404
    assert not CouncilMember.objects.exists()


def test_the_period_page_runs_a_fixed_number_of_queries(client_for, secretariat, period, ward_framework, district,
                                                       django_assert_max_num_queries):
    from assessments.models import Assessment

    client = client_for(secretariat)
    with django_assert_max_num_queries(12) as two_units:
        client.get(f"/tham-dinh/ky/{period.pk}/")
    for n in range(5):
        unit = Unit.objects.create(code=f"HM-W-X{n}", name=f"Phường X{n}", kind="ward", parent=district)
        Assessment.objects.create(period=period, unit=unit)
    with django_assert_max_num_queries(len(two_units.captured_queries)):
        client.get(f"/tham-dinh/ky/{period.pk}/")


@pytest.mark.parametrize("posted_user", ["abc", "", "²", "1.5", "99999999999999999999"])
def test_a_user_that_is_not_an_id_is_refused_with_the_usual_message(client_for, secretariat, council_member, period,
                                                                    posted_user):
    response = client_for(secretariat).post(f"/tham-dinh/ky/{period.pk}/hoi-dong/",
                                            {"user": posted_user, "role": "member"}, follow=True)
    assert response.status_code == 200
    assert "Chọn một cán bộ và chức danh trong Hội đồng." in response.content.decode()
    assert not CouncilMember.objects.exists()
