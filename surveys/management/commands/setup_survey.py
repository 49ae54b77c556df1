from django.core.management.base import BaseCommand, CommandError

from config.commands import actor_or_error, period_or_error
from frameworks.points import format_points
from surveys.commands import read_json
from surveys.design import DesignRefused
from surveys.models import SurveyMethod
from surveys.services import SurveyError, part_design, survey_design_set


class Command(BaseCommand):
    help = "Thiết kế phiếu điều tra của một kỳ: setup_survey KEY/YEAR DESIGN.json [--part dtxhh|sipas|papi] [--as USER]"

    def add_arguments(self, parser):
        parser.add_argument("period")
        parser.add_argument("design")
        parser.add_argument("--part", choices=SurveyMethod.values, default=SurveyMethod.SOCIOLOGICAL)
        parser.add_argument("--as", dest="username")

    def handle(self, period, design, part, username, **options):
        found, by = period_or_error(period), actor_or_error(username)
        try:
            saved = survey_design_set(period=found, data=read_json(design), by=by, method=part)
        except DesignRefused as refused:
            raise CommandError("Thiết kế không được lưu:\n" + "\n".join(refused.problems)) from None
        except SurveyError as error:
            raise CommandError(str(error)) from None
        read = part_design(saved)
        self.stdout.write(
            f"Đã thiết lập phiếu “{saved.get_method_display()}” của kỳ {found.identifier}: {len(read.criteria)} tiêu chí, "
            f"{len(read.leaves)} tiêu chí của bộ chỉ số, {len(read.groups)} nhóm, {len(read.questions)} câu hỏi, "
            f"tối đa {format_points(read.max_points)} điểm.")
