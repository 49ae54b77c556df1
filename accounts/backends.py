"""The login backend loads a user with their unit's parents, so that ``Actor.of`` knows the user's
organiser on every request without a query of its own."""
from django.contrib.auth import backends

# A section of a ward reaches its district in two steps (section → ward → district).
UNIT_PARENTS = "unit__parent__parent"


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        from .models import User

        user = User._default_manager.select_related(UNIT_PARENTS).filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
