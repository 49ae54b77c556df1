from datetime import datetime

from django.core.management.base import BaseCommand, CommandError

from django.conf import settings
from django.contrib.auth import get_user_model

from assessments.errors import AssessmentError
from assessments.services import period_open
from config.commands import actor_or_error, framework_or_error, unit_or_error


def _date(text):
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        raise CommandError(f"Ngày “{text}” phải có dạng dd/mm/yyyy.") from None


def _operator_exists() -> bool:
    return get_user_model().objects.filter(username=settings.OPERATOR_USERNAME, is_active=True).exists()


class Command(BaseCommand):
    help = ("Mở kỳ đánh giá: open_period KEY YEAR [--organiser MÃ] [--units MÃ,MÃ,…] (mặc định: cơ quan của "
            "người thực hiện, mọi đơn vị cơ quan đó đánh giá theo bộ chỉ số).")

    def add_arguments(self, parser):
        parser.add_argument("key")
        parser.add_argument("year", type=int)
        parser.add_argument("--units", default="", help="mã đơn vị, cách nhau bởi dấu phẩy")
        parser.add_argument("--organiser", help="mã cơ quan tổ chức đánh giá (quận/huyện, thành phố), ví dụ HP")
        parser.add_argument("--as", dest="username",
                            help="người thực hiện (mặc định, khi không ghi --organiser: tài khoản vận hành "
                                 "OPERATOR_USERNAME nếu có)")
        parser.add_argument("--self-deadline", help="hạn tự đánh giá, dd/mm/yyyy")
        parser.add_argument("--appraisal-deadline", help="hạn thẩm định, dd/mm/yyyy")

    def handle(self, key, year, units, organiser, username, self_deadline, appraisal_deadline, **options):
        framework = framework_or_error(key)
        codes = [code.strip() for code in units.split(",") if code.strip()]
        # Acting as someone (--as, else the operator account) gives the organiser; --organiser alone is the shell's.
        by = actor_or_error(username) if username or (not organiser and _operator_exists()) else None
        try:
            period = period_open(
                framework=framework, year=year, by=by, unit_codes=codes or None,
                organiser=unit_or_error(organiser) if organiser else None,
                self_assessment_deadline=_date(self_deadline) if self_deadline else None,
                appraisal_deadline=_date(appraisal_deadline) if appraisal_deadline else None,
            )
        except AssessmentError as error:
            raise CommandError(str(error)) from None
        count = period.assessments.count()
        self.stdout.write(f"{period.identifier}: {count} đơn vị")
