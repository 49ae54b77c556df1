"""Who may write on an appraisal: a council seat alone is not enough, and the page offers only what the services accept."""
import pytest

from appraisal.errors import AppraisalError
from appraisal.models import AppraisedScore, Assignment, CouncilRole
from appraisal.services import appraisal_save, council_member_add, explanation_request


def test_leadership_on_the_council_still_cannot_write_an_appraised_score(under_appraisal, leadership, period, node):
    Assignment.objects.create(member=council_member_add(period=period, user=leadership, role=CouncilRole.CHAIR), node=node("1.1.1"))
    with pytest.raises(AppraisalError, match="không được phân công cho bạn"):
        appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=leadership, value="0", reason="x",
                       expected_version=None)
    assert not AppraisedScore.objects.exists()


def test_the_page_offers_only_what_the_services_accept(client_for, under_appraisal, leadership, council_member,
                                                     period, node, ward, ward_staff):
    # Leadership seated as chair and assigned a criterion sees no appraisal form: it only reads.
    Assignment.objects.create(member=council_member_add(period=period, user=leadership, role=CouncilRole.CHAIR), node=node("1.1.1"))
    html = client_for(leadership).get(f"/tham-dinh/{under_appraisal.pk}/").content.decode()
    assert 'class="appraise-form"' not in html and 'id="explain-form"' not in html
    # A council member from the appraised unit itself gets no answer form; the unit's staff do.
    council_member.unit = ward
    council_member.save(update_fields=["unit"])
    explanation_request(assessment=under_appraisal, nodes=[node("1.1.1")],
                        by=period.created_by, question="Bổ sung kế hoạch")
    assert 'class="answer-form"' not in client_for(council_member).get(f"/tham-dinh/{under_appraisal.pk}/").content.decode()
    assert 'class="answer-form"' in client_for(ward_staff).get(f"/tham-dinh/{under_appraisal.pk}/").content.decode()
