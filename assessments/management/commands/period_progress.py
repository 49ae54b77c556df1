import json

from django.core.management.base import BaseCommand

from assessments.selectors import period_progress, progress_as_json
from config.commands import period_or_error, write_output


class Command(BaseCommand):
    help = "Tiến độ của từng đơn vị trong kỳ: period_progress KEY/YEAR [--format json] [-o TỆP]."

    def add_arguments(self, parser):
        parser.add_argument("period", help="kỳ đánh giá, dạng KEY/YEAR")
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("-o", "--output")

    def handle(self, period, format, output, **options):
        rows = period_progress(period=period_or_error(period))
        write_output(self, json.dumps(progress_as_json(rows), ensure_ascii=False, indent=2), output)
