import os

from django.core.management.base import BaseCommand, CommandError

from config.commands import actor_or_error, period_or_error
from config.excel import ExcelRefused
from surveys.imports import SurveyImportRefused, survey_aggregated_import, survey_responses_import
from surveys.management.commands.setup_survey import NOT_READABLE, read_json
from surveys.models import SurveyMethod
from surveys.services import SurveyError


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
        try:
            with open(file, "rb") as handle:
                imported = service(period=found, file=handle, name=os.path.basename(file), by=by, method=part,
                                   column_map=column_map)
        except OSError as error:
            raise CommandError(NOT_READABLE.format(path=file, reason=error.strerror or error)) from None
        except SurveyImportRefused as refused:
            raise CommandError("Không nhập dòng nào:\n" + "\n".join(refused.problems)) from None
        except (SurveyError, ExcelRefused) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Đã nhập {imported.rows} dòng của {imported.units} đơn vị vào kỳ {found.identifier} "
                          f"(SHA-256 {imported.sha256}).")
