from django.core.management.base import BaseCommand, CommandError

from frameworks.points import PointsParseError, parse_points
from reports.exports import path_as_json
from reports.forms import NOT_AN_INDEX
from reports.management.commands.what_if import basis_or_error, print_answer


class Command(BaseCommand):
    help = ("Ít tiêu chí nhất cần đạt điểm tối đa để đơn vị đạt thứ hạng K hoặc Chỉ số X %: "
            "cheapest_path KEY/YEAR UNIT (--rank K | --index X) --format json")

    def add_arguments(self, parser):
        parser.add_argument("period")
        parser.add_argument("unit")
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--rank", type=int)
        target.add_argument("--index")
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, period, unit, rank, index, **options):
        basis = basis_or_error(period, unit)
        try:
            wanted = None if index is None else parse_points(index)
        except PointsParseError:
            raise CommandError(str(NOT_AN_INDEX % {"value": index})) from None
        print_answer(self, lambda: basis.cheapest_path(rank=rank, index=wanted), path_as_json)
