from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.errors import AssessmentError
from assessments.excel import self_score_template_xlsx, template_filename
from assessments.selectors import assessment_get
from config.commands import period_or_error, write_output


class Command(BaseCommand):
    help = "Xuất tệp Excel tự chấm điểm của một đơn vị: export_self_score_template KEY/YEAR MÃ_ĐƠN_VỊ [-o TỆP.xlsx]."

    def add_arguments(self, parser):
        parser.add_argument("period", help="kỳ đánh giá, dạng KEY/YEAR")
        parser.add_argument("unit_code")
        parser.add_argument("-o", "--output", help="tệp ghi ra (mặc định: tu-cham-diem-MÃ-KEY-YEAR.xlsx)")

    def handle(self, period, unit_code, output, **options):
        found = period_or_error(period)
        try:
            assessment = assessment_get(period=found, unit_code=unit_code)
        except AssessmentError as error:
            raise CommandError(str(error)) from None
        path = Path(output or template_filename(assessment))
        write_output(self, self_score_template_xlsx(assessment=assessment), str(path))
        self.stdout.write(f"Đã ghi {path}.")
