from datetime import datetime

from django.core.management.base import BaseCommand, CommandError

from assessments.errors import AssessmentError
from assessments.services import period_open
from config.commands import framework_or_error


def _date(text):
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        raise CommandError(f"Ngày “{text}” phải có dạng dd/mm/yyyy.") from None


class Command(BaseCommand):
    help = "Mở kỳ đánh giá: open_period KEY YEAR [--units MÃ,MÃ,…] (mặc định: mọi đơn vị áp dụng bộ chỉ số)."

    def add_arguments(self, parser):
        parser.add_argument("key")
        parser.add_argument("year", type=int)
        parser.add_argument("--units", default="", help="mã đơn vị, cách nhau bởi dấu phẩy")
        parser.add_argument("--self-deadline", help="hạn tự đánh giá, dd/mm/yyyy")
        parser.add_argument("--appraisal-deadline", help="hạn thẩm định, dd/mm/yyyy")

    def handle(self, key, year, units, self_deadline, appraisal_deadline, **options):
        framework = framework_or_error(key)
        codes = [code.strip() for code in units.split(",") if code.strip()]
        try:
            period = period_open(
                framework=framework, year=year, by=None, unit_codes=codes or None,
                self_assessment_deadline=_date(self_deadline) if self_deadline else None,
                appraisal_deadline=_date(appraisal_deadline) if appraisal_deadline else None,
            )
        except AssessmentError as error:
            raise CommandError(str(error)) from None
        count = period.assessments.count()
        self.stdout.write(f"{period.identifier}: {count} đơn vị")
