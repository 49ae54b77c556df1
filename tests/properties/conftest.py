"""Hypothesis profiles: ``ci`` (the default: few examples, seconds per test, for ``make test``) and
``thorough`` (many examples, for ``make proof``: ``pytest --hypothesis-profile=thorough``)."""
from hypothesis import HealthCheck, settings

# Database fixtures are shared by a test's examples on purpose: each example rolls back what it wrote.
_SHARED = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
               print_blob=True)
settings.register_profile("ci", max_examples=25, derandomize=True, **_SHARED)
settings.register_profile("thorough", max_examples=400, **_SHARED)
settings.load_profile("ci")
