# ParIndex: one image for the web server and the background worker (see compose.yaml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    STATIC_ROOT=/app/staticfiles MEDIA_ROOT=/data/media

# Pango for WeasyPrint's PDFs, the PostgreSQL client for `manage.py backup`/`restore`.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 postgresql-client \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml ./
# Dependencies first, in their own layer, so a code change does not reinstall them (the project installs
# no package of its own: `pip install .` brings exactly the dependencies).
RUN pip install --no-cache-dir .
COPY . .
# collectstatic needs settings but no secrets: a throwaway key for this one command.
RUN SECRET_KEY=build-only-not-used-at-run-time-0123456789abcdefghijklmnop ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput \
 && useradd --system --home /app parindex && mkdir -p /data/media && chown -R parindex /data
USER parindex

EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "4", "--timeout", "60", \
     "--access-logfile", "-"]
