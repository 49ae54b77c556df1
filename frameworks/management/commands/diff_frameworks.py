from django.core.management.base import BaseCommand, CommandError

from frameworks.errors import FRAMEWORK_NOT_FOUND
from frameworks.models import Framework
from frameworks.points import points_to_str
from frameworks.selectors import framework_diff


class Command(BaseCommand):
    help = "So sánh hai phiên bản bộ chỉ số: tiêu chí thêm, bỏ, đổi tên, đổi điểm."

    def add_arguments(self, parser):
        parser.add_argument("old_key")
        parser.add_argument("new_key")

    def handle(self, old_key, new_key, **options):
        frameworks = Framework.objects.in_bulk([old_key, new_key], field_name="key")
        for key in (old_key, new_key):
            if key not in frameworks:
                raise CommandError(str(FRAMEWORK_NOT_FOUND % {"key": key}))
        diff = framework_diff(old=frameworks[old_key], new=frameworks[new_key])
        for change in diff.added:
            self.stdout.write(f"added     {change.code}  {change.new_title} ({points_to_str(change.new_max)})")
        for change in diff.removed:
            self.stdout.write(f"removed   {change.code}  {change.old_title} ({points_to_str(change.old_max)})")
        for change in diff.renamed:
            self.stdout.write(f"renamed   {change.code}  {change.old_title} -> {change.new_title}")
        for change in diff.repointed:
            delta = change.points_delta
            sign = "+" if delta > 0 else ""
            self.stdout.write(
                f"repointed {change.code}  {points_to_str(change.old_max)} -> {points_to_str(change.new_max)} ({sign}{points_to_str(delta)})"
            )
        if diff.is_empty:
            self.stdout.write("no changes")
