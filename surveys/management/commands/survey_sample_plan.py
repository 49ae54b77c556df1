from django.core.management.base import BaseCommand

from config.commands import actor_or_error, period_or_error
from surveys.commands import imported_or_error
from surveys.imports import sample_plans_import
from surveys.models import SurveyMethod


class Command(BaseCommand):
    help = ("Kế hoạch mẫu của một kỳ (thay kế hoạch cũ): survey_sample_plan KEY/YEAR FILE.csv|.xlsx "
            "với các cột unit, group, population[, margin] [--part dtxhh|sipas|papi] [--as USER]")

    def add_arguments(self, parser):
        parser.add_argument("period")
        parser.add_argument("file")
        parser.add_argument("--part", choices=SurveyMethod.values, default=SurveyMethod.SOCIOLOGICAL)
        parser.add_argument("--as", dest="username")

    def handle(self, period, file, part, username, **options):
        found, by = period_or_error(period), actor_or_error(username)
        count = imported_or_error(sample_plans_import, file, period=found, by=by, method=part)
        self.stdout.write(f"Đã lưu kế hoạch mẫu của {count} nhóm đối tượng, kỳ {found.identifier}.")
