from django.shortcuts import redirect

# Pages a user with a one-time password may still open: the change itself, signing out, the language.
_ALLOWED_VIEWS = frozenset({"password_change", "logout", "set_language", "healthz"})


class PasswordChangeRequiredMiddleware:
    """An account the office created or reset signs in with a one-time password: until its owner picks
    their own, every page leads to the password change form."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if user.is_authenticated and user.must_change_password and request.resolver_match.url_name not in _ALLOWED_VIEWS:
            return redirect("password_change")
        return None
