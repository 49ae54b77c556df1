"""The official appendices ParIndex prints, each a PDF built from one selector and one template."""
import re

from django.utils import timezone

from frameworks.models import Framework
from frameworks.selectors import framework_tree

from .pdf import render_pdf

# "UBND quận Hoàng Mai" -> "Hoàng Mai": the date line names the place without its rank.
_PEOPLES_COMMITTEE = re.compile(
    r"^(?:UBND|Ủy ban nhân dân)\s+(?:thành phố|tỉnh|quận|huyện|thị xã|thị trấn|phường|xã)\s+(?P<place>.+)$",
    re.IGNORECASE,
)


def place_of(issuer: str) -> str:
    match = _PEOPLES_COMMITTEE.match(issuer.strip())
    return match["place"] if match else ""


def row_groups(rows: list) -> list[list]:
    """Table bodies for the rows: each area shares one with its first criterion.

    The template keeps such a body on one page, so an area never ends a page without its criteria.
    WeasyPrint ignores ``break-after: avoid`` on a row when the next row would not fit whole.
    """
    groups: list[list] = []
    for row in rows:
        after_area_pair = groups and groups[-1][0].level == 1 and len(groups[-1]) == 2
        if not groups or row.level == 1 or after_area_pair:
            groups.append([row])
        else:
            groups[-1].append(row)
    return groups


def framework_pdf(*, framework: Framework) -> bytes:
    context = framework_tree(framework=framework)
    context.update(
        row_groups=row_groups(context["rows"]),
        issuer=framework.issuer,
        place=place_of(framework.issuer),
        date=timezone.localdate(),
        # A framework is issued by a People's Committee decision, signed for it by the chair.
        signer=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    )
    return render_pdf(template_name="reports/pdf/framework.html", context=context)
