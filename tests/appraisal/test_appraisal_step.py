"""The council types its figure on the framework's step, as the unit does (Hoàng Mai: 0,25)."""
import pytest

from appraisal.services import appraisal_save
from frameworks.rules import RuleInputError


def test_an_appraised_score_off_the_quarter_is_refused_naming_the_step(under_appraisal, member, node):
    with pytest.raises(RuleInputError) as error:
        appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=member, value="0,1", reason="Chưa đủ",
                       expected_version=None)
    assert str(error.value) == "“Điểm” phải là bội số của 0,25."
    assert not under_appraisal.appraised_scores.exists()
