from django.core.management.base import BaseCommand, CommandError

from accounts.models import Role, User
from assessments import errors
from assessments.errors import AssessmentError
from assessments.excel import ImportRejected, self_scores_import_xlsx
from assessments.selectors import assessment_get
from config.commands import period_or_error
from config.excel import problems_shown


def _importer(unit, username: str | None) -> User:
    """Who the import acts as: ``--as``, else the unit's first active head, else its first active staff."""
    active = User.objects.filter(is_active=True).order_by("pk")
    if username:
        user = active.filter(username=username).first()
        if user is None:
            raise CommandError(str(errors.USER_NOT_FOUND % {"username": username}))
        return user
    members = active.filter(unit=unit)
    user = members.filter(role=Role.UNIT_HEAD).first() or members.filter(role=Role.UNIT_STAFF).first()
    if user is None:
        raise CommandError(str(errors.NO_IMPORTING_USER % {"code": unit.code}))
    return user


class Command(BaseCommand):
    help = (
        "Nhập điểm tự chấm từ tệp Excel (tất cả hoặc không điểm nào): "
        "import_self_scores KEY/YEAR MÃ_ĐƠN_VỊ TỆP.xlsx [--as TÊN_ĐĂNG_NHẬP]."
    )

    def add_arguments(self, parser):
        parser.add_argument("period", help="kỳ đánh giá, dạng KEY/YEAR")
        parser.add_argument("unit_code")
        parser.add_argument("path")
        parser.add_argument("--as", dest="username", help="người nhập (mặc định: thủ trưởng, rồi cán bộ của đơn vị)")

    def handle(self, period, unit_code, path, username, **options):
        found = period_or_error(period)
        try:
            assessment = assessment_get(period=found, unit_code=unit_code)
            by = _importer(assessment.unit, username)
            with open(path, "rb") as file:
                report = self_scores_import_xlsx(assessment=assessment, file=file, by=by)
        except OSError as error:
            raise CommandError(str(error)) from None
        except ImportRejected as rejected:
            raise CommandError("\n".join([f"{rejected}:", *problems_shown(rejected.problems)])) from None
        except AssessmentError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(errors.EXCEL_IMPORTED % {"count": report.saved})
