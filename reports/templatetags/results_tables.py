"""The rows of the dashboard's two tables of every unit (ranking, heatmap), written out in Python.

A city's dashboard has hundreds of units and about twenty cells a unit: through the template engine those
rows took most of the page's time (600 wards: 180 of 300 ms). Here each row is one string, every text
escaped; the markup is the same as the templates' around them, which keep the headings.
"""
from django import template
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from frameworks.templatetags.points import percent, points

register = template.Library()


def _part_cell(part, missing: str) -> str:
    shown = missing if part.points is None else points(part.points)
    return f'<td class="num">{shown} / {points(part.max_points)}</td>'


def _change_class(change) -> str:
    if change is None or change == 0:
        return ""
    return "up" if change > 0 else "down"


@register.simple_tag
def ranking_rows(ranking, show_basis: bool):
    """The ranking's ``<tr>`` rows, in rank order."""
    badge = f' <span class="badge">{escape(_("Tạm tính"))}</span>'
    missing = f'<span class="muted" data-testid="part-missing">{escape(_("chưa có"))}</span>'
    # One reverse() for the whole table: the report's address differs only by the assessment id.
    report_url = reverse("reports:unit_report", args=[0]).replace("/0/", "/{}/")
    rows = []
    for row in ranking:
        r = row.result
        republication = (f'<div class="small muted" data-testid="republication">{escape(row.republication)}</div>'
                         if row.republication else "")
        basis = f'<td class="small" data-testid="basis">{escape(row.basis)}</td>' if show_basis else ""
        parts = "".join(_part_cell(part, missing) for part in r.parts[1:])  # beside the appraisal, always first
        rows.append(
            f'<tr><td class="num">{r.rank}</td>'
            f'<td><a href="{report_url.format(row.assessment_id)}">{escape(r.unit_name)}</a>'
            f'{badge if r.provisional else ""}{republication}</td>{basis}'
            f'<td class="num">{points(row.points)} / {points(row.points_max)}</td>{parts}'
            f'<td><div class="index"><svg class="bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">'
            f'<rect width="{localize(row.bar_pct, use_l10n=False)}" height="1"></rect></svg>'
            f'<strong class="num">{percent(r.index_pct)}</strong></div></td>'
            f'<td class="{_change_class(r.rank_change)}">{escape(row.rank_change)}</td></tr>'
        )
    return mark_safe("\n".join(rows))


def _heat_cell(cell) -> str:
    if cell.share_pct is None:
        return '<td class="num">—</td>'
    return f'<td class="num band-{cell.band}">{percent(cell.share_pct, 1)}</td>'


@register.simple_tag
def heatmap_rows(heatmap):
    """The heatmap's ``<tr>`` rows: a unit, then its share of each area's maximum."""
    cells: dict = {}  # the same few shares recur across hundreds of units: format each once
    rows = []
    for row in heatmap:
        shown = "".join(cells.get(cell) or cells.setdefault(cell, _heat_cell(cell)) for cell in row.cells)
        rows.append(f'<tr><th scope="row">{escape(row.unit_name)}</th>{shown}</tr>')
    return mark_safe("\n".join(rows))
