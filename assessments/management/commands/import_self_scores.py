from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from accounts.access import Actor, may_write_self_scores
from assessments import errors
from assessments.errors import AssessmentError
from assessments.excel import ImportRejected, self_scores_import_xlsx
from assessments.jobs import self_scores_import_start
from config.commands import actor_or_error, assessment_or_error, period_or_error
from config.excel import problems_shown


class Command(BaseCommand):
    help = (
        "Nhập điểm tự chấm từ tệp Excel (tất cả hoặc không điểm nào): "
        "import_self_scores KEY/YEAR MÃ_ĐƠN_VỊ TỆP.xlsx [--as TÊN_ĐĂNG_NHẬP] [--reason LÝ_DO] [--background]."
    )

    def add_arguments(self, parser):
        parser.add_argument("period", help="kỳ đánh giá, dạng KEY/YEAR")
        parser.add_argument("unit_code")
        parser.add_argument("path")
        parser.add_argument("--as", dest="username", help="người nhập (mặc định: tài khoản vận hành OPERATOR_USERNAME)")
        parser.add_argument("--reason", default="", help="lý do khi cơ quan Nội vụ nhập thay đơn vị (mặc định: tên tệp)")
        parser.add_argument("--background", action="store_true", help="giao cho bộ xử lý công việc nền (run_worker)")

    def handle(self, period, unit_code, path, username, reason, background=False, **options):
        assessment = assessment_or_error(period_or_error(period), unit_code)
        by = actor_or_error(username)
        # The office types a unit's paper file in for it: the history keeps why, by default the file's name.
        acting_for_unit = not may_write_self_scores(Actor.of(by), unit_id=assessment.unit_id)
        on_behalf = (reason or f"nhập từ tệp {Path(path).name}") if acting_for_unit else ""
        try:
            with open(path, "rb") as file:
                if background:
                    job = self_scores_import_start(assessment=assessment, content=file.read(), by=by,
                                                   on_behalf_reason=on_behalf)
                    self.stdout.write(_("Đã giao công việc nền số %(job)s.") % {"job": job.pk})
                    return
                report = self_scores_import_xlsx(assessment=assessment, file=file, by=by, on_behalf_reason=on_behalf)
        except OSError as error:
            raise CommandError(str(error)) from None
        except ImportRejected as rejected:
            raise CommandError("\n".join([f"{rejected}:", *problems_shown(rejected.problems)])) from None
        except AssessmentError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(errors.EXCEL_IMPORTED % {"count": report.saved})
