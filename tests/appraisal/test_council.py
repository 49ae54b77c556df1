"""The council of a period, and the default assignment of criteria by responsible office."""
import pytest

from appraisal.errors import AppraisalError
from appraisal.models import Assignment, CouncilMember, CouncilRole
from appraisal.services import assignments_apply_defaults, assignments_set, council_member_add, council_missing_seats
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
    response = client.post(f"/tham-dinh/ky/{period.pk}/hoi-dong/", {"user": secretariat.pk, "role": "vice_chair"}, follow=True)
    assert "Đã thêm Bob vào Hội đồng thẩm định." in response.content.decode()
    client.post(f"/tham-dinh/ky/{period.pk}/hoi-dong/", {"user": council_member.pk, "role": "member"})
    assert dict(CouncilMember.objects.values_list("user__username", "role")) == {"bob": "vice_chair", "carol": "member"}
    page = client.get(f"/tham-dinh/ky/{period.pk}/").content.decode()
    assert "Carol — Thành viên" in page
    assert "Hội đồng chưa đủ thành phần theo quyết định: cần Chủ tịch Hội đồng." in page


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



def test_the_council_follows_the_decision(period, secretariat, council_member, leadership, django_user_model):
    # Seed 000: the chairman chairs, the Nội vụ head is vice-chair, office heads are members
    council_member_add(period=period, user=leadership, role=CouncilRole.CHAIR)
    with pytest.raises(AppraisalError, match="Phó Chủ tịch Hội đồng là Thủ trưởng Phòng Nội vụ"):
        council_member_add(period=period, user=council_member, role=CouncilRole.VICE_CHAIR)
    other_leader = django_user_model.objects.create(username="pct", role="leadership", first_name="Phó")
    with pytest.raises(AppraisalError, match="Hội đồng đã có Chủ tịch Hội đồng: Leo"):
        council_member_add(period=period, user=other_leader, role=CouncilRole.CHAIR)
    with pytest.raises(AppraisalError, match="Leo đã là Chủ tịch Hội đồng"):
        council_member_add(period=period, user=leadership, role=CouncilRole.MEMBER)
    assert council_member_add(period=period, user=leadership, role=CouncilRole.CHAIR).role == CouncilRole.CHAIR
    council_member_add(period=period, user=secretariat, role=CouncilRole.VICE_CHAIR)
    assert council_missing_seats(period.council.all()) == []


def test_a_member_is_assigned_a_whole_area_or_one_criterion_and_it_can_be_taken_back(
        period, council_member, ward_framework, secretariat, client_for):
    seat = council_member_add(period=period, user=council_member)
    assert assignments_set(member=seat, codes=["2"]) == ward_framework.nodes.filter(
        code__startswith="2.", children__isnull=True).count()
    assert assignments_set(member=seat, codes=["2", "1.1"]) == 3  # area 2 is already there: only 1.1's three leaves
    client = client_for(secretariat)
    client.post(f"/tham-dinh/ky/{period.pk}/hoi-dong/{seat.pk}/phan-cong/", {"codes": ["1.1"], "bo": "1"})
    assert not Assignment.objects.filter(node__code__startswith="1.").exists()
    refused = client.post(f"/tham-dinh/ky/{period.pk}/hoi-dong/{seat.pk}/phan-cong/", {"codes": ["9.9"]}, follow=True)
    assert "Không có tiêu chí “9.9” trong bộ chỉ số." in refused.content.decode()
    client.post(f"/tham-dinh/ky/{period.pk}/hoi-dong/{seat.pk}/bo/")
    assert not CouncilMember.objects.exists() and not Assignment.objects.exists()


def test_offices_the_office_sets_drive_the_default_assignment(client_for, period, council_member, secretariat,
                                                            ward_framework, district):
    from frameworks.services import offices_read, responsible_offices_set

    council_member.unit = Unit.objects.create(code="HM-P-TUPHAP", name="Phòng Tư pháp", kind="department", parent=district)
    council_member.save(update_fields=["unit"])
    council_member_add(period=period, user=council_member)
    client = client_for(secretariat)
    assert "Đã phân công 0 tiêu chí" in client.post(f"/tham-dinh/ky/{period.pk}/phan-cong/", follow=True).content.decode()

    responsible_offices_set(framework=ward_framework, by=secretariat,
                            offices=offices_read(framework=ward_framework, entries=[(None, "2.1", "Phòng Tư pháp")]))

    response = client.post(f"/tham-dinh/ky/{period.pk}/phan-cong/", follow=True)
    assert "Đã phân công 1 tiêu chí theo đơn vị phụ trách." in response.content.decode()
    assert list(Assignment.objects.values_list("member__user", "node__code")) == [(council_member.pk, "2.1")]
