import json

from django.core.management.base import BaseCommand, CommandError

from assessments.errors import AssessmentError
from assessments.services import period_get
from reports.exports import results_as_json, results_xlsx
from reports.selectors import period_results


class Command(BaseCommand):
    help = "Kết quả Chỉ số CCHC của một kỳ, xếp hạng: index_report KEY/YEAR [--format json|xlsx|pdf] [-o FILE]"

    def add_arguments(self, parser):
        parser.add_argument("period")
        parser.add_argument("--format", choices=["json", "xlsx", "pdf"], default="json")
        parser.add_argument("-o", "--output")

    def handle(self, period, format, output, **options):
        try:
            found = period_get(identifier=period)
        except AssessmentError as error:
            raise CommandError(str(error)) from None
        results = period_results(period=found)
        if format == "json":
            text = json.dumps(results_as_json(results), ensure_ascii=False, indent=2)
            if output:
                with open(output, "w", encoding="utf-8") as handle:
                    handle.write(text + "\n")
            else:
                self.stdout.write(text)
            return
        if not output:
            raise CommandError(f"Định dạng {format} cần -o TỆP")
        if format == "xlsx":
            payload = results_xlsx(results, title=f"Kết quả Chỉ số CCHC {found.identifier}")
        else:
            from reports.documents import period_results_pdf

            payload = period_results_pdf(period=found, results=results)
        with open(output, "wb") as handle:
            handle.write(payload)
        self.stdout.write(output)
