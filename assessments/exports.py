"""The progress overview as an Excel sheet (points as numbers, dates as dates)."""
from django.utils import timezone
from django.utils.translation import gettext as _

from config.excel import new_sheet, workbook_bytes, write_header

from .workflow import Status


def progress_xlsx(*, period, rows) -> bytes:
    workbook, sheet = new_sheet(_("Tiến độ"))
    sheet.append([_("Tiến độ tự đánh giá %(identifier)s") % {"identifier": period.identifier}])
    write_header(sheet, 2, [_("Mã đơn vị"), _("Đơn vị"), _("Trạng thái"), _("Đã chấm"), _("Số tiêu chí"),
                            _("Tổng điểm tự chấm"), _("Thiếu tài liệu"), _("Ngày nộp"), _("Hạn nộp"),
                            _("Còn (ngày)"), _("Hoạt động gần nhất")])
    for row in rows:
        sheet.append([
            row.unit_code, row.unit_name,
            _("Không tham gia: %(reason)s") % {"reason": row.excluded_reason} if row.excluded else str(Status(row.status).label),
            row.scored, row.leaves, row.self_total, row.evidence_missing,
            _local(row.submitted_at), row.deadline, row.days_left, _local(row.last_activity),
        ])
    for cell in sheet["F"][2:]:
        cell.number_format = "0.###"
    for column in ("H", "I", "K"):
        for cell in sheet[column][2:]:
            cell.number_format = "dd/mm/yyyy"
    return workbook_bytes(workbook)


def _local(moment):
    # Excel has no time zones: the local date and time, as people read them.
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None
