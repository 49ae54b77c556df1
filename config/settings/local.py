"""Developer and demo settings: SQLite, DEBUG on, a fixed throwaway key, emails printed to the console."""
from .base import *  # noqa: F401,F403
from .env import env_bool, env_list, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "local-demo-key-not-for-production-use-0123456789abcdef")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
if DEBUG:
    MIDDLEWARE = [*MIDDLEWARE, "config.middleware.ProjectNotFoundMiddleware"]  # noqa: F405
