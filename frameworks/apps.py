from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class FrameworksConfig(AppConfig):
    name = "frameworks"
    verbose_name = _("Bộ chỉ số")

    def ready(self):
        from .models import Framework, Node
        from .selectors import forget_trees

        for model in (Framework, Node):
            post_save.connect(forget_trees, sender=model, dispatch_uid=f"forget-trees-{model.__name__}")
            post_delete.connect(forget_trees, sender=model, dispatch_uid=f"forget-trees-delete-{model.__name__}")
