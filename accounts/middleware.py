from urllib.parse import urlencode

from django.shortcuts import redirect, resolve_url

from .two_factor import is_enrolled, two_factor_required

# Pages an account that still owes a step may open: signing out, the language, the health check, the icon.
_ALWAYS_ALLOWED = frozenset({"logout", "set_language", "healthz", "favicon"})
TWO_FACTOR_VIEWS = frozenset({"two_factor_setup", "two_factor_verify"})


class _StepRequiredMiddleware:
    """Until the signed-in user has taken the step ``step_owed`` names (a view's name), every other page leads there."""

    allowed: frozenset = _ALWAYS_ALLOWED

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or request.resolver_match.url_name in self.allowed:
            return None
        step = self.step_owed(request)
        return self.lead_to(request, step) if step and request.resolver_match.url_name != step else None

    def step_owed(self, request) -> str | None:
        raise NotImplementedError

    def lead_to(self, request, step):
        return redirect(step)


class TwoFactorRequiredMiddleware(_StepRequiredMiddleware):
    """Accounts whose role ``TWO_FACTOR_REQUIRED_ROLES`` names enrol a TOTP app first, then prove a code
    (or a recovery code) at every sign-in, before any other page, the password change included."""

    def step_owed(self, request):
        if not two_factor_required(request.user) or request.user.is_verified():
            return None
        return "two_factor_verify" if is_enrolled(request.user) else "two_factor_setup"

    def lead_to(self, request, step):
        """Back to the page asked for once the code is proved (the login's ``next`` included)."""
        if request.method != "GET" or request.resolver_match.url_name == "home":
            return redirect(step)
        return redirect(f"{resolve_url(step)}?{urlencode({'next': request.get_full_path()})}")


class PasswordChangeRequiredMiddleware(_StepRequiredMiddleware):
    """An account the office created or reset signs in with a one-time password: until its owner picks
    their own, every page leads to the password change form (after the second factor, when one is owed)."""

    allowed = _ALWAYS_ALLOWED | TWO_FACTOR_VIEWS

    def step_owed(self, request):
        return "password_change" if request.user.must_change_password else None
