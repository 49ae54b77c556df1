from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from appraisal.errors import AppraisalError
from appraisal.services_office_review import office_review_part_remove, office_review_part_set
from config.commands import actor_or_error, period_or_error
from frameworks.points import format_points


class Command(BaseCommand):
    help = ("Phần đánh giá của các phòng chuyên môn của kỳ, điểm tối đa và các tiêu chí của nó: "
            "office_review_part KEY/YEAR (--max ĐIỂM --criteria 1.1.3,1.2.1 [--title TÊN] | --remove) [--as USER]")

    def add_arguments(self, parser):
        parser.add_argument("period")
        parser.add_argument("--max", dest="max_points")
        parser.add_argument("--criteria", help="mã các tiêu chí thành phần, cách nhau bằng dấu phẩy")
        parser.add_argument("--title")
        parser.add_argument("--remove", action="store_true")
        parser.add_argument("--as", dest="username")

    def handle(self, period, max_points, criteria, title, remove, username, **options):
        if remove == (max_points is not None or criteria is not None):
            raise CommandError(_("Cần --max và --criteria để thiết lập phần, hoặc --remove để bỏ phần."))
        found, by = period_or_error(period), actor_or_error(username)
        try:
            if remove:
                office_review_part_remove(period=found, by=by)
                self.stdout.write(_("Kỳ %(period)s không còn phần đánh giá của các phòng.") % {"period": found.identifier})
                return
            part = office_review_part_set(period=found, max_points=max_points or "", codes=(criteria or "").split(","),
                                          title=title, by=by)
        except AppraisalError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(_("Kỳ %(period)s có phần “%(title)s”, tối đa %(max)s điểm, trên %(count)s tiêu chí: %(codes)s.") % {
            "period": found.identifier, "title": part.title, "max": format_points(part.max_points),
            "count": len(part.criteria), "codes": ", ".join(part.criteria)})
