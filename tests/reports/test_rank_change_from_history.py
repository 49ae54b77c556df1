"""Rank change and year over year against the most recent earlier year, published or imported."""
from decimal import Decimal

import pytest

from assessments.services import period_open, self_score_save
from demo.seed import seed_history
from organizations.models import Unit, UnitKind
from organizations.services import UNITS_FIXTURE_DIR, units_load
from reports.dashboard import dashboard_data
from reports.history import HistoryRow, history_import
from reports.index import rank_change_text
from reports.models import ImportedResult
from reports.selectors import ImportedYear, history_lines, period_results

from conftest import load_framework
from support import publish_period


def _import(year, ranks, *, by):
    """``ranks``: unit code -> (index %, rank) of ``year`` in the Hoàng Mai ward family."""
    history_import(rows=[
        HistoryRow(line=line, values={"Kỳ": f"hoangmai-phuong/{year}", "Mã đơn vị": code, "Tổng điểm": None,
                                      "Điểm tối đa": None, "Chỉ số (%)": pct, "Xếp hạng": rank, "Số đơn vị": 14})
        for line, (code, (pct, rank)) in enumerate(ranks.items(), 2)
    ], source="lich-su.xlsx", by=by)


@pytest.fixture
def hoang_liet_first(period, ward, ward_staff):
    """2024: Hoàng Liệt scores 1.1.1 = 0,5 and ranks first, Yên Sở second."""
    self_score_save(assessment=period.assessments.get(unit=ward), node=period.framework.nodes.get(code="1.1.1"),
                    by=ward_staff, expected_version=None, value="0,5")
    return period


def by_code(results):
    return {r.unit_code: r for r in results}


def test_without_a_published_year_the_rank_change_comes_from_history(hoang_liet_first, secretariat):
    _import(2023, {"HM-W-HOANGLIET": ("80", 5), "HM-W-YENSO": ("90", 1)}, by=secretariat)

    results = by_code(period_results(period=hoang_liet_first))

    assert (results["HM-W-HOANGLIET"].rank, results["HM-W-HOANGLIET"].rank_change) == (1, 4)
    assert (results["HM-W-YENSO"].rank, results["HM-W-YENSO"].rank_change) == (2, -1)


def test_the_dashboard_compares_year_over_year_with_the_imported_year(hoang_liet_first, secretariat):
    _import(2023, {"HM-W-HOANGLIET": ("80", 5)}, by=secretariat)

    data = dashboard_data(period=hoang_liet_first)

    assert data["previous_period"] == ImportedYear("hoangmai-phuong", 2023)
    assert [(row.unit_code, row.previous_pct) for row in data["year_over_year"]] == [
        ("HM-W-HOANGLIET", Decimal("80.00")), ("HM-W-YENSO", None)]


def test_a_more_recent_published_year_wins_over_older_history(hoang_liet_first, ward_framework, secretariat):
    _import(2022, {"HM-W-HOANGLIET": ("80", 9), "HM-W-YENSO": ("90", 8)}, by=secretariat)
    publish_period(period_open(framework=ward_framework, year=2023, by=secretariat), by=secretariat)

    results = by_code(period_results(period=hoang_liet_first))

    # 2023: both units scored 0, sharing rank 1
    assert (results["HM-W-HOANGLIET"].rank_change, results["HM-W-YENSO"].rank_change) == (0, -1)


def test_history_more_recent_than_the_last_published_year_wins(hoang_liet_first, ward_framework, secretariat):
    publish_period(period_open(framework=ward_framework, year=2022, by=secretariat), by=secretariat)
    _import(2023, {"HM-W-HOANGLIET": ("80", 5), "HM-W-YENSO": ("90", 1)}, by=secretariat)

    assert by_code(period_results(period=hoang_liet_first))["HM-W-HOANGLIET"].rank_change == 4


def test_history_of_another_family_is_not_compared(hoang_liet_first, secretariat):
    Unit.objects.filter(code="HM-W-YENSO").update(framework_family="hadong-phuong")
    history_import(rows=[HistoryRow(line=2, values={
        "Kỳ": "hadong-phuong/2023", "Mã đơn vị": "HM-W-YENSO", "Tổng điểm": None, "Điểm tối đa": None,
        "Chỉ số (%)": "90", "Xếp hạng": 1, "Số đơn vị": 17})], source="x.xlsx", by=secretariat)

    assert [r.rank_change for r in period_results(period=hoang_liet_first)] == [None, None]


@pytest.fixture
def seed_units(db):
    load_framework("hanoi-province-2020")
    units_load(path=UNITS_FIXTURE_DIR / "hadong.json")
    return Unit.objects.get(code="HD-W-PHULA")


def test_the_seeds_results_are_imported_as_their_plans_state_them(seed_units):
    assert seed_history() == ["HN (003_5f64583cd6d8e92a.txt)", "HD-W-PHULA (004_3fbb83bb8023753a.txt)"]

    hanoi = ImportedResult.objects.get(unit__code="HN")
    assert (hanoi.family, hanoi.year, hanoi.index_pct, hanoi.rank, hanoi.unit_count, hanoi.total, hanoi.max_total) == (
        "hanoi-province", 2019, Decimal("84.64"), 2, 63, Decimal("84.64"), Decimal(100))
    assert (hanoi.source, hanoi.source_line, hanoi.figure_lines) == (
        "003_5f64583cd6d8e92a.txt", 11, {"total": 274, "max_total": 274})
    assert hanoi.scores.count() == 80
    assert hanoi.scores.values_list("points", "source_line").get(code="2.4") == (Decimal("3.781"), 202)

    phula = history_lines(list(ImportedResult.objects.filter(unit__code="HD-W-PHULA").order_by("-year")))
    assert [(line.result.year, line.result.index_pct, line.result.rank, line.result.unit_count,
             rank_change_text(line.rank_change)) for line in phula] == [
        (2020, Decimal("86.31"), 15, 17, "giảm 9 bậc"), (2019, None, 6, 17, "—")]
    assert phula[0].result.scores.values_list("points", "source_line").get(code="1.10") == (Decimal("0.75"), 60)


def test_seeding_twice_imports_nothing_more(seed_units):
    seed_history()
    assert seed_history() == []
    assert ImportedResult.objects.count() == 3
    assert Unit.objects.get(code="HD-W-PHULA").parent.code == "HD"
    assert Unit.objects.get(code="HD").kind == UnitKind.DISTRICT
