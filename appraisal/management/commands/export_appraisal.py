from django.core.management.base import BaseCommand

from appraisal.excel import appraisal_workbook
from config.commands import period_or_error, write_output


class Command(BaseCommand):
    help = "Xuất điểm tự chấm và điểm thẩm định của mọi đơn vị trong kỳ ra một tệp Excel."

    def add_arguments(self, parser):
        parser.add_argument("period")
        parser.add_argument("-o", "--output", required=True)

    def handle(self, period, output, **options):
        found = period_or_error(period)
        write_output(self, appraisal_workbook(period=found), output)
        self.stdout.write(output)
