"""The official appendices ParIndex prints, each a PDF built from one selector and one template."""
import re
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter

from django.utils import timezone

from accounts.roles import role_label
from appraisal.models import CouncilMember, CouncilRole
from appraisal.selectors import assessment_score_table
from assessments.models import Assessment, Period
from assessments.results import APPRAISAL_CLOSED
from assessments.workflow import Status
from frameworks.models import Framework
from frameworks.selectors import framework_tree

from .index import UnitResult, rank_change_text, republication_text, survey_columns
from .pdf import render_pdf
from .selectors import excluded_units, unit_report

# "UBND quận Hoàng Mai" -> "Hoàng Mai": the date line names the place without its rank.
_PEOPLES_COMMITTEE = re.compile(
    r"^(?:UBND|Ủy ban nhân dân)\s+(?:thành phố|tỉnh|quận|huyện|thị xã|thị trấn|phường|xã)\s+(?P<place>.+)$",
    re.IGNORECASE,
)


def place_of(issuer: str) -> str:
    match = _PEOPLES_COMMITTEE.match(issuer.strip())
    return match["place"] if match else ""


def row_groups(rows: list, *, level=attrgetter("level")) -> list[list]:
    """Table bodies for the rows: each area shares one with its first criterion.

    The template keeps such a body on one page, so an area never ends a page without its criteria.
    WeasyPrint ignores ``break-after: avoid`` on a row when the next row would not fit whole.
    """
    groups: list[list] = []
    for row in rows:
        after_area_pair = groups and level(groups[-1][0]) == 1 and len(groups[-1]) == 2
        if not groups or level(row) == 1 or after_area_pair:
            groups.append([row])
        else:
            groups[-1].append(row)
    return groups


# Frameworks and results are issued by a People's Committee decision, signed for it by the chair.
PEOPLES_COMMITTEE_SIGNER = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def letterhead(*, issuer: str, **extra) -> dict:
    """What every document's letterhead and signature need: issuing body, place, today's date, signer."""
    return {"issuer": issuer, "place": place_of(issuer), "date": timezone.localdate(),
            "signer": PEOPLES_COMMITTEE_SIGNER, **extra}


def framework_pdf(*, framework: Framework) -> bytes:
    context = framework_tree(framework=framework)
    context.update(row_groups=row_groups(context["rows"]), **letterhead(issuer=framework.issuer))
    return render_pdf(template_name="reports/pdf/framework.html", context=context)


# -- results -----------------------------------------------------------------------------------


def rank_text(result: UnitResult, unit_count: int) -> str:
    """``3/14 (tăng 2 bậc)``; without a previous rank only ``3/14``."""
    text = f"{result.rank}/{unit_count}"
    return text if result.rank_change is None else f"{text} ({rank_change_text(result.rank_change)})"


PERIOD_RESULTS_TEMPLATE = "reports/pdf/period_results.html"


def period_results_context(*, period: Period, results: list[UnitResult]) -> dict:
    return {
        "period": period,
        "rows": [(result, rank_change_text(result.rank_change), republication_text(result.republication))
                 for result in results],
        "provisional": any(result.provisional for result in results),
        "survey_columns": survey_columns(results),
        "excluded": excluded_units(period=period),
        **letterhead(issuer=period.framework.issuer),
    }


def period_results_pdf(*, period: Period, results: list[UnitResult]) -> bytes:
    """The ranking of a period's units (results as ``period_results`` returns them: best first)."""
    return render_pdf(template_name=PERIOD_RESULTS_TEMPLATE, context=period_results_context(period=period, results=results))


def unit_result_context(*, period: Period, unit_code: str) -> dict | None:
    """``unit_report`` with what both the page and the PDF show: totals of the areas and the rank text."""
    report = unit_report(period=period, unit_code=unit_code)
    if report is None:
        return None
    areas = [row for row in report["rows"] if row.node.parent_id is None]
    report["totals"] = {name: sum((getattr(row, name) for row in areas), Decimal(0))
                        for name in ("max_points", "self_points", "appraised_points", "lost_points")}
    report["rank_text"] = rank_text(report["result"], report["unit_count"])
    report["republication"] = republication_text(report["result"].republication)
    return report


def unit_scored_pdf(*, period: Period, unit_code: str) -> bytes:
    context = unit_result_context(period=period, unit_code=unit_code)
    if context is None:
        raise LookupError(f"{unit_code} không có trong kỳ {period.identifier}")
    context.update(row_groups=row_groups(context["rows"], level=lambda row: row.node.level),
                   **letterhead(issuer=period.framework.issuer))
    return render_pdf(template_name="reports/pdf/unit_scored.html", context=context)


# -- appraisal minutes -------------------------------------------------------------------------

_ROLE_ORDER = {CouncilRole.CHAIR: 0, CouncilRole.VICE_CHAIR: 1, CouncilRole.MEMBER: 2}
# How far the council has got with a unit, as the minutes word it.
APPRAISAL_NOT_STARTED = frozenset({Status.DRAFT, Status.SUBMITTED, Status.RETURNED})


@dataclass(frozen=True)
class MinutesMember:
    name: str
    role: str


def _minutes_members(seats: list, table, organiser) -> list[MinutesMember]:
    """The council's seats, then whoever took a decision on the unit without a seat (the Nội vụ office of
    ``organiser`` may appraise any criterion): the minutes name everyone the "Người quyết định" column names."""
    members = [MinutesMember(seat.user.display_name, seat.get_role_display()) for seat in seats]
    seated = {seat.user_id for seat in seats}
    deciders = {row.appraised.decided_by.pk: row.appraised.decided_by for row in table.rows
                if row.appraised is not None and row.appraised.decided_by is not None}
    members += sorted((MinutesMember(user.display_name, f"{role_label(user.role, organiser)} (tham gia thẩm định)")
                       for pk, user in deciders.items() if pk not in seated), key=attrgetter("name"))
    return members


def council_minutes_context(*, assessment: Assessment) -> dict:
    """Who sat, what the council decided so far and why, the explanation exchange, the totals."""
    table = assessment_score_table(assessment=assessment)
    leaves = [row for row in table.rows if row.is_leaf]
    adjusted = [row for row in table.rows if row.adjusted]
    seats = sorted(CouncilMember.objects.filter(period_id=assessment.period_id).select_related("user"),
                   key=lambda member: (_ROLE_ORDER[member.role], member.user.display_name))
    chair = next((seat for seat in seats if seat.role == CouncilRole.CHAIR), None)
    return {
        "assessment": assessment,
        "council": _minutes_members(seats, table, assessment.period.organiser),
        "adjusted": adjusted,
        # Confirmed at the self-score: only criteria the unit scored; the others it left empty.
        "confirmed_count": sum(1 for row in leaves if row.self_score is not None and not row.adjusted),
        "unscored": [row.node.code for row in leaves if row.self_score is None and row.appraised is None],
        "explanations": [row for row in table.rows if row.messages],
        "table": table,
        "not_started": assessment.status in APPRAISAL_NOT_STARTED,
        "draft": assessment.status not in APPRAISAL_CLOSED,
        # The council signs its own minutes: its secretary and its chair, side by side.
        **letterhead(issuer=assessment.period.framework.issuer, office="Hội đồng thẩm định",
                     signers=[("THƯ KÝ", ""), ("CHỦ TỊCH HỘI ĐỒNG", chair.user.display_name if chair else "")]),
    }


def council_minutes_pdf(*, assessment: Assessment) -> bytes:
    return render_pdf(template_name="reports/pdf/council_minutes.html",
                      context=council_minutes_context(assessment=assessment))
