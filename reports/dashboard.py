"""The results dashboard of a period, as plain data for the template, the charts and the CSV files.

Everything derives from the units' stored figures and the ranked results (this period's and the previous
one's), so the page costs a fixed number of queries whatever the number of units. Numbers stay
Decimals; the chart data islands carry them as text and only the browser turns them into floats.
"""
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.models import Assessment, Period
from assessments.workflow import Status
from frameworks.points import points_to_str
from organizations.models import UnitKind

from .index import UnitResult, rank_change_text, republication_text, survey_columns
from frameworks.selectors import tree_for

from .selectors import excluded_units, ranked_period

# Lower bounds of the index bands in %; below the first is its own band (< 50 %).
BAND_FLOORS = (50, 60, 70, 80, 90)
TOP_LOST_CRITERIA = 10
# Up to this many units the year-over-year chart shows them all; beyond, the largest moves each way.
YEAR_OVER_YEAR_ALL = 30
YEAR_OVER_YEAR_MOVES = 10


# What a figure of the ranking stands on, by the unit's status, until it is published.
BASIS_SELF_DRAFT = gettext_lazy("Tự chấm, chưa nộp")
BASIS_SELF_SUBMITTED = gettext_lazy("Tự chấm, đã nộp, chưa thẩm định")
BASIS_APPRAISING = gettext_lazy("Đang thẩm định: phần chưa thẩm định tính theo tự chấm")
BASIS_APPRAISED = gettext_lazy("Đã thẩm định, chưa công bố")
BASIS_PUBLISHED = gettext_lazy("Đã công bố")
_BASIS_OF_STATUS = {
    Status.DRAFT: BASIS_SELF_DRAFT, Status.RETURNED: BASIS_SELF_DRAFT, Status.SUBMITTED: BASIS_SELF_SUBMITTED,
    Status.UNDER_APPRAISAL: BASIS_APPRAISING, Status.EXPLANATION_REQUESTED: BASIS_APPRAISING,
    Status.APPRAISED: BASIS_APPRAISED, Status.PUBLISHED: BASIS_PUBLISHED,
}


def basis_of(figures) -> tuple[bool, str]:
    """What a unit's figure stands on, as a key of ``basis_text``: whether it is published, and the status."""
    return figures.publication_id is not None, figures.status


def basis_text(published: bool, status: str) -> str:
    """A published figure stands on its publication (even while a phúc tra is under way), else on the status."""
    return str(BASIS_PUBLISHED if published else _BASIS_OF_STATUS[status])


def band_of(pct: Decimal) -> int:
    """0 for < 50 %, 1 for 50–60 %, … 5 for ≥ 90 %."""
    return sum(pct >= floor for floor in BAND_FLOORS)


def band_labels() -> list[str]:
    pairs = zip(BAND_FLOORS, BAND_FLOORS[1:])
    return [f"< {BAND_FLOORS[0]}%", *(f"{low}–{high}%" for low, high in pairs), f"≥ {BAND_FLOORS[-1]}%"]


@dataclass(frozen=True)
class RankedRow:
    result: UnitResult
    bar_pct: Decimal  # the index held within 0–100, for a CSS width
    rank_change: str
    assessment_id: int  # links the row to the unit's report
    republication: str  # "Phúc tra lần N, ngày …, lý do …" when the figure shown comes from a phúc tra
    basis: str  # what the figure stands on: self-score, appraisal under way, appraised, published
    points: Decimal  # appraised (or self) points without the survey, on the framework's appraisal scale
    points_max: Decimal


@dataclass(frozen=True)
class HeatCell:
    share_pct: Decimal | None  # None: nothing in the area is assessed (its maximum is 0)
    band: int | None


@dataclass(frozen=True)
class HeatRow:
    unit_code: str
    unit_name: str
    cells: list  # HeatCell per area, in area order


@dataclass(frozen=True)
class BandCount:
    band: int
    label: str
    count: int


@dataclass(frozen=True)
class YearOverYear:
    unit_code: str
    unit_name: str
    index_pct: Decimal
    previous_pct: Decimal | None  # None: the unit was not in the previous period

    @property
    def change(self) -> Decimal | None:
        return None if self.previous_pct is None else self.index_pct - self.previous_pct


@dataclass(frozen=True)
class LostCriterion:
    code: str
    title: str
    max_points: Decimal
    units_below: int
    lost_points: Decimal


def _heatmap(figures, areas, results) -> list[HeatRow]:
    by_code = {unit.unit_code: unit for unit in figures}
    codes = [area.code for area in areas]
    # Read raw (thousands of values), and the same few shares recur across units: one cell each.
    cells = {None: HeatCell(share_pct=None, band=None)}
    rows = []
    for result in results:  # in rank order, to read alongside the ranking
        stored = by_code[result.unit_code].stored["areas"]  # area code -> [self, points, max, share % or null]
        row = []
        for code in codes:
            share = stored[code][3]
            if share not in cells:
                cells[share] = HeatCell(share_pct=Decimal(share), band=band_of(Decimal(share)))
            row.append(cells[share])
        rows.append(HeatRow(unit_code=result.unit_code, unit_name=result.unit_name, cells=row))
    return rows


def index_distribution(results) -> list[BandCount]:
    counts = [0] * (len(BAND_FLOORS) + 1)
    for result in results:
        counts[band_of(result.index_pct)] += 1
    return [BandCount(band=band, label=label, count=count)
            for band, (label, count) in enumerate(zip(band_labels(), counts))]


def lost_criteria(figures, tree, *, limit: int | None = TOP_LOST_CRITERIA) -> list[LostCriterion]:
    """Leaves ranked by how many units fall short of their maximum, then by the points lost (``limit``: the
    first ones; None: every leaf some unit lost points on)."""
    below, lost_texts = Counter(), Counter()
    for unit in figures:
        shortfalls = unit.stored["shortfalls"]  # read raw: thousands of values, a few distinct ones
        below.update(shortfalls.keys())
        lost_texts.update(shortfalls.items())
    points = {}
    for (code, text), units in lost_texts.items():
        points[code] = points.get(code, 0) + Decimal(text) * units
    lost = [(tree.by_code[code], count, points[code]) for code, count in below.items()]
    lost.sort(key=lambda row: (-row[1], -row[2], row[0].order))
    return [LostCriterion(code=leaf.code, title=leaf.title, max_points=leaf.max_points,
                          units_below=below, lost_points=points)
            for leaf, below, points in lost[:limit]]


def _biggest_moves(rows: list) -> list:
    """Every unit up to ``YEAR_OVER_YEAR_ALL``; beyond, the largest gains and drops (a chart of 600 bars
    reads as nothing). Units without a previous figure have nothing to compare and are left to the CSV."""
    if len(rows) <= YEAR_OVER_YEAR_ALL:
        return rows
    compared = sorted((row for row in rows if row.change is not None), key=lambda row: row.change)
    drops = [row for row in compared[:YEAR_OVER_YEAR_MOVES] if row.change < 0]
    gains = [row for row in reversed(compared[-YEAR_OVER_YEAR_MOVES:]) if row.change > 0]
    return gains + drops


def _unit_kinds(period: Period, figures, unit_kind: str | None) -> list[tuple[str, str]]:
    """The kinds of unit in the period; read from the figures unless they are already filtered."""
    if unit_kind:
        present = set(Assessment.objects.filter(period=period).order_by().values_list("unit__kind", flat=True).distinct())
    else:
        present = {unit.scores.unit_kind for unit in figures}
    return [(kind.value, kind.label) for kind in UnitKind if kind.value in present]


def _charts(*, period, before, distribution, year_over_year, lost_criteria, unit_count) -> dict:
    """What the charts draw; each chart's numbers also sit in a table next to it."""
    charts = {
        "distribution": {
            "labels": [band.label for band in distribution],
            "series": [{"label": _("Số đơn vị"), "values": [band.count for band in distribution]}],
        },
        "lost_criteria": {
            "horizontal": True,
            "max": unit_count,  # the axis spans every unit, so "10 of 14" reads at a glance
            "labels": [row.code for row in lost_criteria],
            "titles": [f"{row.code}. {row.title}" for row in lost_criteria],
            "series": [{"label": _("Số đơn vị bị mất điểm"), "values": [row.units_below for row in lost_criteria]}],
        },
    }
    if before is not None:
        charts["year_over_year"] = {
            "horizontal": True,
            "unit": "%",
            "max": 100,
            "labels": [row.unit_name for row in year_over_year],
            "series": [
                {"label": str(before.year), "muted": True,
                 "values": [None if row.previous_pct is None else str(row.previous_pct) for row in year_over_year]},
                {"label": str(period.year), "values": [str(row.index_pct) for row in year_over_year]},
            ],
        }
    return charts


def dashboard_data(*, period: Period, unit_kind: str | None = None) -> dict:
    """Every section of the dashboard, units in rank order; ``unit_kind`` ranks one kind of unit only."""
    ranked = ranked_period(period=period, unit_kind=unit_kind)
    results, before = ranked.results, ranked.previous_period
    previous = {r.unit_code: r for r in ranked.previous_results}
    tree = tree_for(period.framework)

    shown = {u.unit_code: u for u in ranked.figures}
    change_texts = {change: rank_change_text(change) for change in {r.rank_change for r in results}}
    basis_texts = {basis: basis_text(*basis) for basis in {basis_of(unit) for unit in ranked.figures}}
    ranking = [
        RankedRow(result=r, bar_pct=min(max(r.index_pct, Decimal(0)), Decimal(100)),
                  rank_change=change_texts[r.rank_change], assessment_id=shown[r.unit_code].assessment_id,
                  republication=republication_text(r.republication), basis=basis_texts[basis_of(shown[r.unit_code])],
                  # The appraisal apart from the other parts: a unit with a survey is not "/100" beside others' "/70".
                  points=r.parts[0].points, points_max=r.parts[0].max_points)
        for r in results
    ]
    bases = {row.basis for row in ranking}
    year_over_year = [
        YearOverYear(unit_code=r.unit_code, unit_name=r.unit_name, index_pct=r.index_pct,
                     previous_pct=previous[r.unit_code].index_pct if r.unit_code in previous else None)
        for r in results
    ]
    shown_year_over_year = _biggest_moves(year_over_year)
    distribution = index_distribution(results)
    lost = lost_criteria(ranked.figures, tree)
    return {
        "period": period,
        "previous_period": before,
        "excluded": excluded_units(period=period),
        "unit_kind": unit_kind,
        "unit_kinds": _unit_kinds(period, ranked.figures, unit_kind),
        "ranking": ranking,
        # Before publication, each row says what it stands on; mixed stages are said out loud.
        "show_basis": bases != {str(BASIS_PUBLISHED)},
        "mixed_bases": len(bases) > 1,
        # The period's parts beside the appraisal, one column each; units still without a figure in one are flagged.
        "survey_columns": survey_columns(results),
        "survey_missing": any(r.survey_missing for r in results),
        "areas": tree.areas,
        "heatmap": _heatmap(ranked.figures, tree.areas, results),
        "distribution": distribution,
        "year_over_year": year_over_year,  # every unit: the CSV
        "year_over_year_shown": shown_year_over_year,
        "lost_criteria": lost,
        "charts": _charts(period=period, before=before, distribution=distribution,
                          year_over_year=shown_year_over_year, lost_criteria=lost, unit_count=len(results)),
    }


def _ranking_table(data):
    header = [_("Xếp hạng"), _("Mã đơn vị"), _("Đơn vị"), _("Điểm đạt"), _("Điểm tối đa"), _("Chỉ số CCHC (%)"),
              _("Thay đổi thứ hạng"), _("Tạm tính")]
    rows = []
    for row in data["ranking"]:
        r = row.result
        rows.append([r.rank, r.unit_code, r.unit_name, points_to_str(r.achieved_total), points_to_str(r.max_total),
                     r.index_pct, row.rank_change, _("Tạm tính") if r.provisional else ""])
    return header, rows


def _heatmap_table(data):
    header = [_("Mã đơn vị"), _("Đơn vị"), *(f"{area.code}. {area.title} (%)" for area in data["areas"])]
    rows = [[row.unit_code, row.unit_name, *(cell.share_pct for cell in row.cells)] for row in data["heatmap"]]
    return header, rows


def _distribution_table(data):
    return [_("Chỉ số CCHC"), _("Số đơn vị")], [[band.label, band.count] for band in data["distribution"]]


def _year_over_year_table(data):
    before = data["previous_period"]
    header = [_("Mã đơn vị"), _("Đơn vị"),
              _("Chỉ số năm %(year)s (%%)") % {"year": before.year} if before else _("Chỉ số năm trước (%)"),
              _("Chỉ số năm %(year)s (%%)") % {"year": data["period"].year}, _("Chênh lệch")]
    rows = [[row.unit_code, row.unit_name, row.previous_pct, row.index_pct, row.change]
            for row in data["year_over_year"]]
    return header, rows


def _lost_criteria_table(data):
    header = [_("Mã tiêu chí"), _("Tiêu chí"), _("Điểm tối đa"), _("Số đơn vị bị mất điểm"), _("Tổng điểm bị mất")]
    rows = [[row.code, row.title, points_to_str(row.max_points), row.units_below, points_to_str(row.lost_points)]
            for row in data["lost_criteria"]]
    return header, rows


# The CSV download of each chart (by its URL slug): a header and rows of numbers in canonical text
# (a dot, as in the JSON export), so that a spreadsheet reads them as numbers.
CHART_TABLES = {
    "xep-hang": _ranking_table,
    "ban-do-nhiet": _heatmap_table,
    "phan-bo": _distribution_table,
    "so-sanh-nam": _year_over_year_table,
    "tieu-chi-mat-diem": _lost_criteria_table,
}
