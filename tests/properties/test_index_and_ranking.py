"""The index and the ranking hold for any set of units: plain data, no database."""
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from reports.index import UnitScores, index_pct, rank_results

points = st.decimals(min_value=0, max_value=100, places=3)


@st.composite
def unit_scores(draw, code: str) -> UnitScores:
    appraisal_max = draw(st.decimals(min_value=Decimal("0.001"), max_value=100, places=3))
    survey_max = draw(st.sampled_from([Decimal(0), Decimal(30), Decimal(33)]))
    combined = draw(st.decimals(min_value=0, max_value=appraisal_max, places=3))
    surveyed = survey_max > 0 and draw(st.booleans())
    return UnitScores(
        unit_code=code, unit_name=f"Phường {code}", unit_kind="ward", self_total=draw(points),
        appraised_total=draw(st.none() | st.just(combined)), combined_total=combined, appraisal_max=appraisal_max,
        survey_total=draw(st.decimals(min_value=0, max_value=survey_max, places=3)) if surveyed else None,
        survey_max=survey_max, published=draw(st.booleans()),
    )


@st.composite
def periods(draw) -> list[UnitScores]:
    codes = draw(st.lists(st.from_regex(r"HM-W-[A-Z]{1,6}", fullmatch=True), min_size=1, max_size=30, unique=True))
    units = [draw(unit_scores(code)) for code in codes]
    if draw(st.booleans()):  # some units with exactly the same figures, so that ties are common
        units += [UnitScores(**{**vars(units[0]), "unit_code": f"{units[0].unit_code}-{n}"}) for n in range(3)]
    return units


@given(units=periods(), order=st.randoms(use_true_random=False))
def test_the_ranking_does_not_depend_on_the_order_units_come_in(units, order):
    shuffled = list(units)
    order.shuffle(shuffled)
    assert rank_results(shuffled) == rank_results(units)


@given(units=periods())
def test_ranks_start_at_one_ties_share_a_rank_and_the_next_rank_skips(units):
    results = rank_results(units)
    assert results[0].rank == 1
    for position, (before, after) in enumerate(zip(results, results[1:]), start=2):
        assert before.index_pct >= after.index_pct
        assert after.rank == (before.rank if after.index_pct == before.index_pct else position)


@given(units=periods())
def test_every_index_is_a_percentage_with_two_places(units):
    for result in rank_results(units):
        assert Decimal(0) <= result.index_pct <= Decimal(100)
        assert result.index_pct.as_tuple().exponent == -2
        assert result.achieved_total <= result.max_total


@given(achieved=points, maximum=st.decimals(min_value=Decimal("0.001"), max_value=1000, places=3))
def test_the_index_is_achieved_over_maximum_rounded_half_up(achieved, maximum):
    assume(achieved <= maximum)
    exact = achieved * 100 / maximum
    assert abs(index_pct(achieved=achieved, maximum=maximum) - exact) <= Decimal("0.005")


@given(units=periods(), data=st.data())
def test_rank_change_is_the_previous_rank_minus_the_new_one(units, data):
    previous = {unit.unit_code: data.draw(st.integers(min_value=1, max_value=len(units))) for unit in units
                if data.draw(st.booleans())}
    for result in rank_results(units, previous_ranks=previous):
        expected = previous[result.unit_code] - result.rank if result.unit_code in previous else None
        assert result.rank_change == expected
