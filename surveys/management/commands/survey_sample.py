from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError

from surveys.aggregation import DEFAULT_MARGIN, planned_sample

BAD_POPULATION = "Số người (--population) phải là số nguyên không âm."
BAD_MARGIN = "Sai số (--margin) phải là số lớn hơn 0 và nhỏ hơn 1, ví dụ 0.05."


class Command(BaseCommand):
    help = "Cỡ mẫu cần điều tra: survey_sample --population N [--margin 0.05] in ra ⌈N ÷ (1 + N·e²)⌉"

    def add_arguments(self, parser):
        parser.add_argument("--population", required=True)
        parser.add_argument("--margin", default=str(DEFAULT_MARGIN))

    def handle(self, population, margin, **options):
        try:
            population = int(population)
        except ValueError:
            raise CommandError(BAD_POPULATION) from None
        try:
            margin = Decimal(margin.replace(",", "."))
        except InvalidOperation:
            raise CommandError(BAD_MARGIN) from None
        if population < 0:
            raise CommandError(BAD_POPULATION)
        if not (margin.is_finite() and 0 < margin < 1):
            raise CommandError(BAD_MARGIN)
        self.stdout.write(str(planned_sample(population, margin)))
