"""The `guildhall` console script: Django's manage.py, installed on PATH."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guildhall.settings")
    from django.core.management import execute_from_command_line
    from django.db import InterfaceError, OperationalError
    from redis.exceptions import ConnectionError as RedisConnectionError

    try:
        execute_from_command_line(sys.argv)
    except RedisConnectionError as exc:
        # The worker (and serve's) with the Redis of REDIS_URL down: the same, for Redis.
        if "--traceback" in sys.argv:
            raise
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        sys.exit(f"guildhall: cannot reach Redis ({reason}). Check REDIS_URL.")
    except (OperationalError, InterfaceError) as exc:
        # serve, migrate, worker... with the database down: one line an operator can act on,
        # not a traceback (`--traceback` still shows it).
        if "--traceback" in sys.argv:
            raise
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        sys.exit(
            f"guildhall: cannot use the database ({reason}). "
            "Check DATABASE_URL and that the database server is running."
        )


if __name__ == "__main__":
    main()
