import json

from django.core.management.base import BaseCommand, CommandError

from config.commands import period_or_error, write_output
from reports.exports import results_as_json, results_xlsx
from reports.selectors import period_results


class Command(BaseCommand):
    help = "Kết quả Chỉ số CCHC của một kỳ, xếp hạng: index_report KEY/YEAR [--format json|xlsx|pdf] [-o FILE]"

    def add_arguments(self, parser):
        parser.add_argument("period")
        parser.add_argument("--format", choices=["json", "xlsx", "pdf"], default="json")
        parser.add_argument("-o", "--output")

    def handle(self, period, format, output, **options):
        found = period_or_error(period)
        results = period_results(period=found)
        if format == "json":
            write_output(self, json.dumps(results_as_json(results), ensure_ascii=False, indent=2), output)
            return
        # Checked before building the file: a PDF takes seconds to render only to be refused.
        if not output:
            raise CommandError(f"Định dạng {format} cần -o TỆP")
        if format == "xlsx":
            payload = results_xlsx(results, title=f"Kết quả Chỉ số CCHC {found.identifier}")
        else:
            from reports.documents import period_results_pdf

            payload = period_results_pdf(period=found, results=results)
        write_output(self, payload, output)
        self.stdout.write(output)
