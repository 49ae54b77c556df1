"""The documents that go up, as ``paper.Document``: the unit's self-assessment report (báo cáo tự đánh
giá) and the office's annual report of the index to the level above (báo cáo kết quả Chỉ số CCHC).

Each is built from the selectors the pages read (the entry page's rows, the ranked period) and written
the Vietnamese way: decimal comma, dd/mm/yyyy, Vietnamese whatever the reader's language.
"""
import io
import re
import zipfile
from decimal import Decimal

from django.utils import timezone, translation

from accounts.models import Role, User
from assessments.models import ASSESSED_UNITS, Assessment, Period
from assessments.selectors import assessment_entry
from frameworks.points import format_points, quantize_percent
from frameworks.selectors import tree_for
from frameworks.templatetags.points import percent
from operations.jobs import no_progress
from organizations.hierarchy import home_affairs_office, province_level
from organizations.models import UnitKind

from .dashboard import index_distribution, lost_criteria
from .documents import PEOPLES_COMMITTEE_SIGNER, place_of
from .index import rank_change_text
from .paper import Document, Heading, Paragraph, Table, document_docx, document_pdf
from .selectors import ranked_period

# Units whose own letterhead is their People's Committee ("UBND phường Hoàng Liệt").
COMMITTEES = frozenset({UnitKind.WARD, UnitKind.DISTRICT, UnitKind.CITY})
# The number is the clerk's to fill in at registration: non-breaking spaces keep the blank in the PDF too.
NUMBER = "Số:" + "\u00a0" * 10 + "/BC-{suffix}"
# Top criteria losing points, per area, in the annual report; units rising and falling most.
LOST_PER_AREA = 3
MOVES_SHOWN = 3


def _points(value: Decimal) -> str:
    return format_points(value)


# -- the unit's self-assessment report ---------------------------------------------------------


def _head_name(unit) -> str:
    head = User.objects.filter(unit=unit, role=Role.UNIT_HEAD, is_active=True).order_by("pk").first()
    return head.display_name if head else ""


def _summary_table(rows, total) -> Table:
    """Self-scores of every area and criterion (the sub-criteria add up into their criterion)."""
    shown = [row for row in rows if row.node.level <= 2]
    return Table(
        headers=["Mã", "Nội dung/Tiêu chí", "Điểm tối đa", "Điểm tự chấm"],
        rows=[[row.node.code, row.node.title, _points(row.subtotal.max_points), _points(row.subtotal.score)]
              for row in shown] + [["", "TỔNG ĐIỂM TỰ CHẤM", _points(total.max_points), _points(total.score)]],
        widths=[10, 62, 14, 14], numeric=frozenset({2, 3}),
        bold_rows=frozenset(i for i, row in enumerate(shown) if row.node.level == 1) | {len(shown)},
    )


def _explained(row) -> bool:
    """Criteria the council reads the explanation of: scored without evidence, or below the maximum."""
    if not row.is_leaf or (row.score and row.score.not_assessed):
        return False
    return row.lacks_evidence or row.subtotal.score < row.subtotal.max_points


def _explanation_table(rows) -> Table | Paragraph:
    explained = [row for row in rows if _explained(row)]
    if not explained:
        return Paragraph("Mọi tiêu chí đều đạt điểm tối đa và có tài liệu kiểm chứng.", italic=True)
    lines = []
    for row in explained:
        scored = _points(row.score.value) if row.score and row.score.value is not None else "chưa chấm"
        text = (row.score.explanation if row.score else "") or "(chưa giải trình)"
        if row.lacks_evidence:
            text += " — chưa có tài liệu kiểm chứng"
        lines.append([row.node.code, row.node.title, f"{scored}/{_points(row.node.max_points)}", text])
    return Table(headers=["Mã", "Tiêu chí", "Tự chấm/Tối đa", "Giải trình"], rows=lines,
                 widths=[9, 38, 13, 40], numeric=frozenset({2}))


def _evidence_table(evidence, order: dict) -> Table | Paragraph:
    if not evidence:
        return Paragraph("Đơn vị chưa có tài liệu kiểm chứng.", italic=True)
    listed = sorted(evidence, key=lambda item: (min((order[node.code] for node in item.nodes.all()), default=0),
                                                item.title))
    return Table(
        headers=["STT", "Tên tài liệu", "Số, ký hiệu", "Ngày ban hành", "Cơ quan ban hành", "Tiêu chí"],
        rows=[[str(number), item.title, item.document_number or "—",
               item.document_date.strftime("%d/%m/%Y") if item.document_date else "—",
               item.document_issuer or "—", ", ".join(sorted(node.code for node in item.nodes.all()))]
              for number, item in enumerate(listed, start=1)],
        widths=[6, 28, 18, 13, 21, 14],
    )


def _paragraphs(text: str, *, empty: str) -> list[Paragraph]:
    parts = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return [Paragraph(part) for part in parts] or [Paragraph(empty, italic=True)]


def self_assessment_document(*, assessment: Assessment) -> Document:
    """The unit's report on its self-assessment, as the unit sends it with its file."""
    # The entry page's rows, for anybody: the document does not depend on who downloads it.
    entry = assessment_entry(assessment=assessment, user=None)
    unit, period = assessment.unit, assessment.period
    total = entry["total"]
    committee = unit.kind in COMMITTEES
    order = {node.code: node.order for node in tree_for(period.framework).nodes}
    blocks = [
        Paragraph(f"Thực hiện {period.framework.document or period.framework.name}, {unit.name} báo cáo kết quả "
                  f"tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {period.year} như sau:"),
        Heading("I. KẾT QUẢ TỰ CHẤM ĐIỂM"),
        Paragraph(f"Tổng điểm tự chấm: {_points(total.score)}/{_points(total.max_points)} điểm; "
                  f"đã chấm {total.scored}/{total.leaves} tiêu chí."),
        _summary_table(entry["rows"], total),
        Heading("II. GIẢI TRÌNH CÁC TIÊU CHÍ CHƯA ĐẠT ĐIỂM TỐI ĐA HOẶC CHƯA CÓ TÀI LIỆU KIỂM CHỨNG"),
        _explanation_table(entry["rows"]),
        Heading("III. DANH MỤC TÀI LIỆU KIỂM CHỨNG"),
        _evidence_table(entry["evidence"], order),
        Heading("IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ"),
        *_paragraphs(assessment.difficulties, empty="(Đơn vị chưa nêu khó khăn, vướng mắc, đề xuất.)"),
    ]
    return Document(
        issuer=f"UBND {unit.name}" if committee else period.framework.issuer,
        office="" if committee else unit.name,
        number=NUMBER.format(suffix="UBND" if committee else "BC"),
        place=place_of(period.framework.issuer), date=timezone.localdate(),
        title="BÁO CÁO", subtitle=f"Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {period.year}",
        recipient="Hội đồng thẩm định Chỉ số cải cách hành chính",
        blocks=blocks, signer=PEOPLES_COMMITTEE_SIGNER if committee else ["THỦ TRƯỞNG ĐƠN VỊ"],
        signer_name=_head_name(unit), copies_to=["Như trên;", "Lưu: VT."],
    )


def self_assessment_files(*, assessment: Assessment) -> tuple[bytes, bytes]:
    """(DOCX, PDF) of the unit's self-assessment report."""
    document = self_assessment_document(assessment=assessment)
    return document_docx(document), document_pdf(document)


def self_assessment_filename(assessment: Assessment, extension: str) -> str:
    return f"bao-cao-tu-danh-gia-{assessment.unit.code}-{assessment.period.year}.{extension}"


def self_assessment_archive(*, period: Period, progress=no_progress) -> bytes:
    """Every unit's self-assessment report of the period, DOCX and PDF, in one ZIP (excluded units too:
    their file was still written); ``progress(units done, units)`` after each unit."""
    assessments = list(period.assessments.select_related("unit", "period__framework")
                       .order_by("unit__order", "unit__code"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, assessment in enumerate(assessments, start=1):
            docx_bytes, pdf_bytes = self_assessment_files(assessment=assessment)
            archive.writestr(self_assessment_filename(assessment, "docx"), docx_bytes)
            archive.writestr(self_assessment_filename(assessment, "pdf"), pdf_bytes)
            progress(done, len(assessments))
    return buffer.getvalue()


def self_assessment_archive_filename(period: Period) -> str:
    return f"bao-cao-tu-danh-gia-{period.framework.key}-{period.year}.zip"


# -- the office's annual report ------------------------------------------------------------------


def _average(values: list[Decimal]) -> Decimal | None:
    return quantize_percent(sum(values, Decimal(0)) / len(values)) if values else None


def _change_words(change: Decimal) -> str:
    if change > 0:
        return f"tăng {percent(change)} điểm phần trăm"
    if change < 0:
        return f"giảm {percent(-change)} điểm phần trăm"
    return "không đổi"


def _lost_by_area(tree, lost) -> list:
    """(area, its criteria most units lost points on) for every area, in document order."""
    grouped = []
    for area in tree.areas:
        codes = {leaf.code for leaf in tree.leaves_under([area.code])}
        grouped.append((area, [row for row in lost if row.code in codes][:LOST_PER_AREA]))
    return grouped


def _moves(results) -> tuple[list, list]:
    """Units that rose most and fell most in rank (at most ``MOVES_SHOWN`` each)."""
    moved = [r for r in results if r.rank_change]
    rose = sorted((r for r in moved if r.rank_change > 0), key=lambda r: (-r.rank_change, r.unit_code))
    fell = sorted((r for r in moved if r.rank_change < 0), key=lambda r: (r.rank_change, r.unit_code))
    return rose[:MOVES_SHOWN], fell[:MOVES_SHOWN]


def _office(period: Period) -> str:
    """The period organiser's Nội vụ office, in Vietnamese as the whole document is."""
    with translation.override("vi"):
        return str(home_affairs_office(period.organiser))


def drafted_findings(*, period: Period, results, previous_results, before, lost) -> str:
    """The findings-and-proposals section as drafted from the figures, for the office to rewrite."""
    if not results:
        return "Kỳ đánh giá chưa có đơn vị nào được xếp hạng."
    average = _average([r.index_pct for r in results])
    first, last = results[0], results[-1]
    general = (f"Năm {period.year}, {len(results)} đơn vị được xác định Chỉ số cải cách hành chính; Chỉ số "
               f"trung bình đạt {percent(average)}%")
    before_average = _average([r.index_pct for r in previous_results])
    if before is not None and before_average is not None:
        general += f", {_change_words(average - before_average)} so với năm {before.year} ({percent(before_average)}%)"
    general += (f". {first.unit_name} dẫn đầu với {percent(first.index_pct)}%; {last.unit_name} thấp nhất với "
                f"{percent(last.index_pct)}%.")
    paragraphs = [general]
    if lost:
        named = "; ".join(f"{row.code} ({row.units_below}/{len(results)} đơn vị)" for row in lost[:5])
        paragraphs.append(f"Các tiêu chí nhiều đơn vị bị mất điểm nhất: {named}.")
    paragraphs.append("Đề nghị các đơn vị rà soát các tiêu chí bị mất điểm, xây dựng kế hoạch khắc phục với "
                      "nhiệm vụ, đơn vị chủ trì và thời hạn hoàn thành cụ thể; "
                      f"{_office(period)} tiếp tục theo dõi, hướng dẫn và đôn đốc thực hiện.")
    return "\n\n".join(paragraphs)


def annual_report_data(*, period: Period) -> dict:
    ranked = ranked_period(period=period)
    results, before = ranked.results, ranked.previous_period
    lost = lost_criteria(ranked.figures, tree_for(period.framework), limit=None)
    draft = drafted_findings(period=period, results=results, previous_results=ranked.previous_results,
                             before=before, lost=lost)
    return {"ranked": ranked, "results": results, "before": before, "lost": lost, "draft": draft,
            "findings": period.findings or draft}


def _ranking_table(results) -> Table:
    return Table(
        headers=["Xếp hạng", "Đơn vị", "Điểm đạt", "Điểm tối đa", "Chỉ số CCHC (%)", "Thay đổi thứ hạng"],
        rows=[[str(r.rank), r.unit_name + (" (*)" if r.provisional else ""), _points(r.achieved_total),
               _points(r.max_total), percent(r.index_pct), rank_change_text(r.rank_change)] for r in results],
        widths=[10, 38, 12, 12, 13, 15], numeric=frozenset({2, 3, 4}),
    )


def _distribution_blocks(results, previous_results, before) -> list:
    average = _average([r.index_pct for r in results])
    text = f"Chỉ số trung bình: {percent(average)}%" if average is not None else "Chưa có đơn vị nào được xếp hạng"
    before_average = _average([r.index_pct for r in previous_results])
    if before is not None and before_average is not None:
        text += f" (năm {before.year}: {percent(before_average)}%, {_change_words(average - before_average)})"
        ups = sum(1 for r in results if r.rank_change and r.rank_change > 0)
        downs = sum(1 for r in results if r.rank_change and r.rank_change < 0)
        text += f"; {ups} đơn vị tăng hạng, {downs} đơn vị giảm hạng"
    elif results:
        text += "; chưa có kết quả đã công bố của năm trước để so sánh"
    distribution = index_distribution(results)
    return [Paragraph(text + "."),
            Table(headers=["Chỉ số CCHC", "Số đơn vị"], rows=[[band.label, str(band.count)] for band in distribution],
                  widths=[60, 40], numeric=frozenset({1}))]


def _lost_blocks(tree, lost, unit_count: int) -> list:
    blocks = []
    for area, criteria in _lost_by_area(tree, lost):
        blocks.append(Paragraph(f"{area.code}. {area.title}"))
        if not criteria:
            blocks.append(Paragraph("Không có đơn vị nào bị mất điểm.", italic=True))
            continue
        blocks.append(Table(headers=["Mã", "Tiêu chí", "Số đơn vị bị mất điểm", "Tổng điểm bị mất"],
                            rows=[[row.code, row.title, f"{row.units_below}/{unit_count}", _points(row.lost_points)]
                                  for row in criteria],
                            widths=[9, 59, 16, 16], numeric=frozenset({2, 3})))
    return blocks


def _moves_blocks(results, previous_results, before, year: int) -> list:
    if before is None:
        return [Paragraph("Chưa có kết quả đã công bố của năm trước để so sánh.", italic=True)]
    previous = {r.unit_code: r for r in previous_results}
    rose, fell = _moves(results)
    if not rose and not fell:
        return [Paragraph("Không có đơn vị nào thay đổi thứ hạng.", italic=True)]
    return [Table(
        headers=["Đơn vị", f"Xếp hạng {before.year}", f"Xếp hạng {year}", "Thay đổi", f"Chỉ số {before.year} (%)",
                 f"Chỉ số {year} (%)"],
        # The previous rank from the change: a year known from imported history may lack its index.
        rows=[[r.unit_name, str(r.rank + r.rank_change), str(r.rank), rank_change_text(r.rank_change),
               percent(previous[r.unit_code].index_pct) if r.unit_code in previous else "—", percent(r.index_pct)]
              for r in (*rose, *fell)],
        widths=[34, 13, 13, 14, 13, 13], numeric=frozenset({1, 2, 4, 5}),
    )]


def annual_report_document(*, period: Period) -> Document:
    data = annual_report_data(period=period)
    results, before, ranked = data["results"], data["before"], data["ranked"]
    tree = tree_for(period.framework)
    framework = period.framework
    # Written by the office of the period's organiser: a city's Sở Nội vụ reports to the ministry.
    province = province_level(period.organiser)
    assessed = ASSESSED_UNITS.get(framework.unit_kind, framework.name)
    blocks = [
        Heading("I. KẾT QUẢ XẾP HẠNG"),
        _ranking_table(results),
        *([Paragraph("(*) Kết quả tạm tính: kỳ đánh giá chưa công bố kết quả.", italic=True)]
          if any(r.provisional for r in results) else []),
        Heading("II. PHÂN BỐ CHỈ SỐ VÀ SO SÁNH VỚI NĂM TRƯỚC"),
        *_distribution_blocks(results, ranked.previous_results, before),
        Heading("III. CÁC TIÊU CHÍ NHIỀU ĐƠN VỊ BỊ MẤT ĐIỂM, THEO LĨNH VỰC"),
        *_lost_blocks(tree, data["lost"], len(results)),
        Heading("IV. CÁC ĐƠN VỊ TĂNG, GIẢM THỨ HẠNG NHIỀU NHẤT"),
        *_moves_blocks(results, ranked.previous_results, before, period.year),
        Heading("V. NHẬN XÉT, ĐÁNH GIÁ VÀ ĐỀ XUẤT"),
        *_paragraphs(data["findings"], empty=""),
    ]
    return Document(
        issuer=framework.issuer, office=_office(period),
        number=NUMBER.format(suffix="SNV" if province else "PNV"),
        place=place_of(framework.issuer), date=timezone.localdate(), title="BÁO CÁO",
        subtitle=f"Kết quả xác định Chỉ số cải cách hành chính năm {period.year} của {assessed}",
        recipient="Bộ Nội vụ" if province else "Sở Nội vụ",
        blocks=blocks, signer=["GIÁM ĐỐC"] if province else ["TRƯỞNG PHÒNG"],
        copies_to=["Như trên;", f"{framework.issuer} (để báo cáo);", "Các đơn vị được đánh giá;", "Lưu: VT."],
    )


def annual_report_filename(period: Period, extension: str) -> str:
    return f"bao-cao-ket-qua-chi-so-cchc-{period.framework.key}-{period.year}.{extension}"
