from django.core.management.base import BaseCommand

from config.commands import actor_or_error, period_or_error
from surveys.commands import imported_or_error, read_json
from surveys.imports import survey_aggregated_import, survey_responses_import
from surveys.models import SurveyMethod


class Command(BaseCommand):
    help = ("Nhập phiếu điều tra của một kỳ (tất cả hoặc không): import_survey KEY/YEAR FILE.csv|.xlsx "
            "[--columns MAP.json] [--aggregated] [--part dtxhh|sipas|papi] [--as USER]")

    def add_arguments(self, parser):
        parser.add_argument("period")
        parser.add_argument("file")
        parser.add_argument("--columns")
        parser.add_argument("--aggregated", action="store_true")
        parser.add_argument("--part", choices=SurveyMethod.values, default=SurveyMethod.SOCIOLOGICAL)
        parser.add_argument("--as", dest="username")

    def handle(self, period, file, columns, aggregated, part, username, **options):
        found, by = period_or_error(period), actor_or_error(username)
        column_map = read_json(columns) if columns else None
        service = survey_aggregated_import if aggregated else survey_responses_import
        imported = imported_or_error(service, file, period=found, by=by, method=part, column_map=column_map)
        self.stdout.write(f"Đã nhập {imported.rows} dòng của {imported.units} đơn vị vào kỳ {found.identifier} "
                          f"(SHA-256 {imported.sha256}).")
