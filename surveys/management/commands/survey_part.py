from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from config.commands import actor_or_error, period_or_error
from frameworks.points import format_points
from surveys.models import SurveyMethod
from surveys.services import SurveyError, survey_part_remove, survey_part_set


class Command(BaseCommand):
    help = ("Một phần điều tra của kỳ và điểm tối đa của nó (SIPAS, PAPI, điều tra XHH của quận): "
            "survey_part KEY/YEAR dtxhh|sipas|papi (--max ĐIỂM | --remove) [--as USER]")

    def add_arguments(self, parser):
        parser.add_argument("period")
        parser.add_argument("part", choices=SurveyMethod.values)
        what = parser.add_mutually_exclusive_group(required=True)
        what.add_argument("--max", dest="max_points")
        what.add_argument("--remove", action="store_true")
        parser.add_argument("--as", dest="username")

    def handle(self, period, part, max_points, remove, username, **options):
        found, by = period_or_error(period), actor_or_error(username)
        try:
            if remove:
                survey_part_remove(period=found, method=part, by=by)
                self.stdout.write(_("Kỳ %(period)s không còn phần “%(part)s”.") % {
                    "period": found.identifier, "part": SurveyMethod(part).label})
                return
            saved = survey_part_set(period=found, method=part, max_points=max_points, by=by)
        except SurveyError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(_("Kỳ %(period)s có phần “%(part)s”, tối đa %(max)s điểm.") % {
            "period": found.identifier, "part": saved.get_method_display(), "max": format_points(saved.max_points)})
