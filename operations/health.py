"""What the load balancer asks: can this instance reach its database and, when it uses one, its job queue?"""
import redis
from django.conf import settings
from django.db import connection


def health_problems() -> list[str]:
    problems = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any failure to answer is the finding, whatever the driver raises
        problems.append(f"database: {type(error).__name__}")
    if settings.TASKS_BACKEND == "rq":
        try:
            redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2).ping()
        except redis.exceptions.RedisError as error:
            problems.append(f"tasks: {type(error).__name__}")
    return problems
