from django.core.management.base import BaseCommand, CommandError

from appraisal.excel import appraisal_workbook
from assessments.errors import AssessmentError
from assessments.services import period_get


class Command(BaseCommand):
    help = "Xuất điểm tự chấm và điểm thẩm định của mọi đơn vị trong kỳ ra một tệp Excel."

    def add_arguments(self, parser):
        parser.add_argument("period")
        parser.add_argument("-o", "--output", required=True)

    def handle(self, period, output, **options):
        try:
            found = period_get(identifier=period)
        except AssessmentError as error:
            raise CommandError(str(error)) from None
        with open(output, "wb") as handle:
            handle.write(appraisal_workbook(period=found))
        self.stdout.write(output)
