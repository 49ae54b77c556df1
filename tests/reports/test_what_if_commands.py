"""``what_if`` and ``cheapest_path``: one unit's index and rank with criteria scored otherwise, from the
same figures as ``index_report``; their JSON is the contract of issue 14 and nothing is saved."""
import io
import json

import pytest
from django.core.management import CommandError, call_command

from assessments.models import AssessmentResult, SelfScore
from frameworks.selectors import tree_for
from surveys.services import survey_result_save

PERIOD = "hoangmai-phuong-2024/2024"
HOANG_LIET = "HM-W-HOANGLIET"


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return json.loads(out.getvalue())


def what_if(*settings, unit=HOANG_LIET):
    return run("what_if", PERIOD, unit, *(f"--set={setting}" for setting in settings), "--format", "json")


def cheapest(*target, unit=HOANG_LIET):
    return run("cheapest_path", PERIOD, unit, *target, "--format", "json")


def test_without_settings_the_unit_stands_as_index_report_ranks_it(ranked_wards):
    assert what_if() == {"unit_code": HOANG_LIET, "total": "66.75", "max_total": "70", "index_pct": "95.36",
                         "rank": 3, "unit_count": 3}
    ranked = {row["unit_code"]: row for row in run("index_report", PERIOD)}
    assert (ranked[HOANG_LIET]["index_pct"], ranked[HOANG_LIET]["rank"]) == ("95.36", 3)


def test_one_criterion_set_gives_the_new_index_and_rank(ranked_wards):
    # 1.5 at 1,5 (its maximum): 68,25 of 70, above Yên Sở's 68.
    assert what_if("1.5=1,5") == {"unit_code": HOANG_LIET, "total": "68.25", "max_total": "70",
                                  "index_pct": "97.50", "rank": 2, "unit_count": 3}


def test_a_value_with_a_dot_and_max_mix(ranked_wards):
    assert what_if("1.7.1=1.5", "1.1.1=max")["total"] == "67.75"


def test_every_criterion_at_max_gives_100_percent_and_rank_1(ranked_wards):
    leaves = [leaf.code for leaf in tree_for(ranked_wards.framework).leaves]
    outcome = what_if(*(f"{code}=max" for code in leaves))
    assert (outcome["total"], outcome["index_pct"], outcome["rank"]) == ("70", "100.00", 1)


def test_nothing_is_saved(ranked_wards):
    before = (list(SelfScore.objects.values_list("pk", "value").order_by("pk")),
              list(AssessmentResult.objects.values_list("pk", "combined_total").order_by("pk")))
    what_if("1.5=max", "1.7.1=max")
    assert (list(SelfScore.objects.values_list("pk", "value").order_by("pk")),
            list(AssessmentResult.objects.values_list("pk", "combined_total").order_by("pk"))) == before


@pytest.mark.parametrize(("setting", "message"), [
    ("1.5=2", "Điểm 2 của tiêu chí 1.5 vượt điểm tối đa 1,5."),
    ("9.9.9=1", "Không có tiêu chí 9.9.9 trong bộ chỉ số của kỳ."),
    ("1.1=max", "Tiêu chí 1.1 có tiêu chí thành phần: chỉ đặt điểm cho tiêu chí được chấm trực tiếp."),
    ("1.5=nhiều", "Điểm giả định của tiêu chí 1.5 phải là một số (1,5 hoặc 1.5) hoặc max, không phải «nhiều»."),
    ("1.5", "«1.5» không có dạng MÃ=ĐIỂM (ví dụ 3.2.1=max hoặc 1.1.1=0,5)"),
])
def test_a_setting_the_criterion_cannot_take_exits_with_the_message(ranked_wards, setting, message):
    with pytest.raises(CommandError) as refused:
        what_if(setting)
    assert str(refused.value) == message


def test_a_unit_not_in_the_period_is_refused(ranked_wards):
    with pytest.raises(CommandError, match="HM-W-NOWHERE"):
        what_if(unit="HM-W-NOWHERE")


# -- cheapest path (hand-checked: Hoàng Liệt loses 1,5 on 1.5, 1 on 1.7.1, 0,5 on 1.1.1, 0,25 on 1.2.1) --


def test_rank_2_needs_one_criterion(ranked_wards):
    # Yên Sở's 97,14 % needs 67,995 points, 1,245 more: only 1.5 (1,5) does it alone.
    assert cheapest("--rank", "2") == {"criteria": ["1.5"], "points_added": "1.5", "index_pct": "97.50",
                                       "rank": 2, "reachable": True}


def test_rank_1_needs_the_two_largest(ranked_wards):
    # Định Công's 98,57 % needs 2,246 more: 1.5 + 1.7.1 (2,5) is the only pair that reaches it.
    assert cheapest("--rank", "1") == {"criteria": ["1.5", "1.7.1"], "points_added": "2.5", "index_pct": "98.93",
                                       "rank": 1, "reachable": True}


def test_an_index_takes_the_criterion_adding_the_fewest_points(ranked_wards):
    # 96 % needs 0,4465 more: 1.5, 1.7.1 and 1.1.1 each reach it alone; 1.1.1 adds the least.
    assert cheapest("--index", "96") == {"criteria": ["1.1.1"], "points_added": "0.5", "index_pct": "96.07",
                                         "rank": 3, "reachable": True}


def test_a_target_already_met_needs_nothing(ranked_wards):
    assert cheapest("--rank", "3") == {"criteria": [], "points_added": "0", "index_pct": "95.36", "rank": 3,
                                       "reachable": True}
    assert cheapest("--index", "95,36")["criteria"] == []


def test_a_target_out_of_reach_is_not_reachable(ranked_wards, secretariat):
    # With 20 of 30 survey points Hoàng Liệt tops out at 90 %, whatever it scores. The period now holds a
    # survey, so the other wards count 0 of its 30 points and Hoàng Liệt already ranks first.
    survey_result_save(assessment=ranked_wards.assessments.get(unit__code=HOANG_LIET), points="20", by=secretariat)
    assert cheapest("--index", "95") == {"criteria": [], "points_added": "0", "index_pct": "86.75", "rank": 1,
                                         "reachable": False}


@pytest.mark.parametrize(("target", "message"), [
    (("--rank", "4"), "Thứ hạng mục tiêu phải từ 1 đến 3."),
    (("--index", "101"), "Chỉ số mục tiêu phải lớn hơn 0 và không quá 100."),
    (("--index", "cao"), "Chỉ số mục tiêu «cao» phải là một số (ví dụ 85,5)."),
])
def test_a_target_that_makes_no_sense_exits_with_the_message(ranked_wards, target, message):
    with pytest.raises(CommandError) as refused:
        cheapest(*target)
    assert str(refused.value) == message


def test_the_councils_figure_counts_where_it_decided(ranked_wards, ward, ward_head, secretariat, node):
    # The council takes 1.1.2 down to 0: Hoàng Liệt's 66,75 becomes 66,25, and setting it back to max restores it.
    from appraisal.services import appraisal_save
    from assessments import actions

    hoang_liet = ranked_wards.assessments.get(unit=ward)
    actions.assessment_submit(assessment=hoang_liet, by=ward_head)
    actions.assessment_start_appraisal(assessment=hoang_liet, by=secretariat)
    appraisal_save(assessment=hoang_liet, node=node("1.1.2"), by=secretariat, value="0", reason="Không có kế hoạch",
                   expected_version=None)
    assert what_if()["total"] == "66.25"
    assert what_if("1.1.2=max")["total"] == "66.75"
    everything = cheapest("--index", "100")
    assert (everything["criteria"], everything["points_added"]) == (["1.1.1", "1.1.2", "1.2.1", "1.5", "1.7.1"], "3.75")


def test_a_published_unit_simulates_from_its_published_figures(ranked_wards, secretariat):
    from support import publish_period

    publish_period(ranked_wards, by=secretariat)
    assert what_if() == {"unit_code": HOANG_LIET, "total": "66.75", "max_total": "70", "index_pct": "95.36",
                         "rank": 3, "unit_count": 3}
    assert what_if("1.5=max")["rank"] == 2
