from django.core.management.base import BaseCommand

from config.commands import framework_or_error
from frameworks.points import points_to_str
from frameworks.selectors import framework_diff


class Command(BaseCommand):
    help = "So sánh hai phiên bản bộ chỉ số: tiêu chí thêm, bỏ, đổi tên, đổi điểm."

    def add_arguments(self, parser):
        parser.add_argument("old_key")
        parser.add_argument("new_key")

    def handle(self, old_key, new_key, **options):
        old, new = framework_or_error(old_key), framework_or_error(new_key)
        diff = framework_diff(old=old, new=new)
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
