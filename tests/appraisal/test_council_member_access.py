"""A council member reads another unit's file only once seated on the period's council and the file is submitted."""
from appraisal.services import council_member_add
from support import submit_completed


def test_a_council_member_reads_other_units_only_when_seated_and_submitted(client_for, council_member, period, ward,
                                                                          other_ward, ward_head, secretariat):
    client = client_for(council_member)
    draft = period.assessments.get(unit=other_ward)
    assert client.get(f"/danh-gia/{draft.pk}/").status_code == 404
    submitted = period.assessments.get(unit=ward)
    submit_completed(assessment=submitted, by=ward_head)
    assert client.get(f"/danh-gia/{submitted.pk}/").status_code == 404  # not on this period's council
    council_member_add(period=period, user=council_member)
    assert client.get(f"/danh-gia/{submitted.pk}/").status_code == 200
    assert client.get(f"/danh-gia/{draft.pk}/").status_code == 404  # still a draft
