from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Tự đánh giá")

    def ready(self):
        from config import search

        search.install()  # the assessment list's search folds Vietnamese letters on SQLite too
