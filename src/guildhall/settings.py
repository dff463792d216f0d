"""Guildhall settings, read from the environment (see CONTRACT.md "Settings")."""

import ipaddress
import os
import secrets
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def env_networks(name: str) -> list[str]:
    """Comma-separated IP addresses or networks (10.0.0.5, 10.0.0.0/24, ::1), checked now."""
    networks = []
    for entry in env_list(name):
        try:
            networks.append(str(ipaddress.ip_network(entry, strict=False)))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"{name}: {entry!r} is not an IP address or network (e.g. 10.0.0.5, 10.0.0.0/24)."
            ) from exc
    return networks


DATA_DIR = Path(os.environ.get("GUILDHALL_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """Use SECRET_KEY, else one generated once into the data dir (never logged)."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # serves the API docs' Swagger UI from our own static files, no CDN
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "guildhall.core",
    "guildhall.accounts",
    "guildhall.people",
    "guildhall.communities",
    "guildhall.content",
    "guildhall.blogs",
    "guildhall.discussions",
    "guildhall.qa",
    "guildhall.wiki",
    "guildhall.podcasts",
    "guildhall.documents",
    "guildhall.boards",
    "guildhall.news",
    "guildhall.interviews",
    "guildhall.interactions",
    "guildhall.notifications",
    "guildhall.home",
    "guildhall.search",
    "guildhall.moderation",
    "guildhall.demo",
]

MIDDLEWARE = [
    "guildhall.core.client_address.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "guildhall.core.staticfiles.StaticFilesMiddleware",  # WhiteNoise
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "guildhall.core.middleware.LoginRequiredExceptApiMiddleware",
    "guildhall.moderation.middleware.PolicyMiddleware",  # the participation policy, accepted
    "guildhall.core.middleware.RateLimitedPageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "guildhall.core.middleware.MethodNotAllowedPageMiddleware",  # after htmx: reads request.htmx
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "guildhall.urls"
WSGI_APPLICATION = "guildhall.wsgi.application"
ASGI_APPLICATION = "guildhall.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "guildhall.notifications.context_processors.unread_notifications",
                "guildhall.moderation.context_processors.waiting_reviews",
            ],
            "builtins": ["guildhall.core.templatetags.url_memo"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'guildhall.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while one writer writes; IMMEDIATE avoids lock-upgrade deadlocks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DB_PREPARED_STATEMENTS", default=True
):
    # Parameters bound by the server, so that psycopg prepares a statement run five times on a
    # connection: PostgreSQL then plans it once, not on every page (planning cost more than
    # running the feed's query, bench/README.md). Off behind PgBouncer in transaction mode.
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 5}

# A PostgreSQL read replica: GET and HEAD requests that have not written read from it, everything
# else uses the primary (core/db_router.py). After writing, a browser reads the primary for
# DATABASE_REPLICA_PIN_SECONDS, so it sees its own writes whatever the replica's lag.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
DATABASE_REPLICA_PIN_SECONDS = int(os.environ.get("DATABASE_REPLICA_PIN_SECONDS", "5"))
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL,
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    DATABASES["replica"]["OPTIONS"] = dict(DATABASES["default"].get("OPTIONS", {}))
    # Tests: the replica is the test database itself, reached through a second connection.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["guildhall.core.db_router.ReplicaRouter"]
    MIDDLEWARE.insert(1, "guildhall.core.db_router.ReplicaReadsMiddleware")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "guildhall",
        }
    }
else:
    # Without Redis the web and worker processes (and every web worker) share files in the data
    # dir: a value one process deletes is gone for all. A per-process memory cache would keep the
    # worker's invalidations (a new notification, an edited item) from reaching the pages.
    CACHES = {
        "default": {
            "BACKEND": "guildhall.core.filecache.SharedFileCache",
            "LOCATION": os.environ.get("GUILDHALL_CACHE_DIR", str(DATA_DIR / "cache")),
            # Culling lists the directory (core/filecache.py): a bound keeps that cheap.
            "OPTIONS": {"MAX_ENTRIES": 20000, "CULL_FREQUENCY": 4},
        }
    }

# The signed-in member's row, kept in the shared cache (accounts/backends.py): a cache read
# (0.02 ms from the file cache, 0.06 ms from Redis) instead of a query (0.3 ms) on every page.
GUILDHALL_USER_CACHE_SECONDS = int(os.environ.get("GUILDHALL_USER_CACHE_SECONDS", 300))

# Housekeeping (core/housekeeping.py): finished task results kept this many days; events kept
# this many days when set (unset: kept, as analytics read them).
GUILDHALL_TASK_RESULT_DAYS = int(os.environ.get("GUILDHALL_TASK_RESULT_DAYS", "7"))
GUILDHALL_EVENT_RETENTION_DAYS = int(os.environ.get("GUILDHALL_EVENT_RETENTION_DAYS", "0"))

# Background tasks (django-tasks API): on Redis when REDIS_URL is set (django-tasks-rq, run by RQ
# workers: `guildhall worker`), else in the database (django-tasks-db). TASKS_REDIS_URL puts the
# queue in another Redis database than the cache (a flushed cache then never drops queued work);
# TASKS_BACKEND names a backend outright (the tests use the immediate one).
DB_TASKS_BACKEND = "django_tasks_db.DatabaseBackend"
RQ_TASKS_BACKEND = "django_tasks_rq.RQBackend"
TASKS_REDIS_URL = os.environ.get("TASKS_REDIS_URL", REDIS_URL)
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", RQ_TASKS_BACKEND if TASKS_REDIS_URL else DB_TASKS_BACKEND
        ),
    }
}
if TASKS["default"]["BACKEND"] == RQ_TASKS_BACKEND:
    if not TASKS_REDIS_URL:
        raise ImproperlyConfigured(f"TASKS_BACKEND={RQ_TASKS_BACKEND} needs REDIS_URL.")
    TASKS["default"]["QUEUES"] = ["default"]
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {
        "default": {
            "URL": TASKS_REDIS_URL,
            # Seconds a task may run before RQ stops it; the periodic rollups at scale take
            # seconds to minutes, never near this.
            "DEFAULT_TIMEOUT": int(os.environ.get("GUILDHALL_TASK_TIMEOUT", "1800")),
        }
    }

# Sessions are read from the shared cache (Redis or the file cache), written through to the
# database: one query less on every page.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTHENTICATION_BACKENDS = [
    "guildhall.accounts.backends.CachedModelBackend",
    "guildhall.accounts.backends.CachedAccountBackend",
    # Sessions signed in before the one above existed name this one: kept so they stay valid.
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_ADAPTER = "guildhall.accounts.adapter.GuildhallAccountAdapter"
ACCOUNT_FORMS = {"signup": "guildhall.accounts.forms.CompanySignupForm"}
# Failed sign-ins, per client address (the real one behind TRUSTED_PROXIES) and per account; the
# owner of a locked account is emailed (accounts/adapter.py).
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
# A reset asked for an unknown address sends nothing: no mail to arbitrary addresses, and the
# answer page is the same either way.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# Sign-up is closed unless the email's domain is listed here, or the person holds an invitation.
GUILDHALL_SIGNUP_DOMAINS = env_list("GUILDHALL_SIGNUP_DOMAINS")
# Who may create communities: "members" (anyone signed in) or "staff".
GUILDHALL_COMMUNITY_CREATION = os.environ.get("GUILDHALL_COMMUNITY_CREATION", "members")
# Writes per member per minute through pages and API (comments, items...).
GUILDHALL_WRITE_RATE_PER_MINUTE = int(os.environ.get("GUILDHALL_WRITE_RATE_PER_MINUTE", "30"))
# "Ask an expert": invitations one expert may receive per rolling week.
GUILDHALL_EXPERT_INVITES_PER_WEEK = int(os.environ.get("GUILDHALL_EXPERT_INVITES_PER_WEEK", "5"))


def _email_settings(url: str) -> dict:
    """EMAIL_URL: console:// (default), smtp://user:pass@host:port, smtps://..., or locmem://."""
    parsed = urlparse(url)
    scheme = parsed.scheme or "console"
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
    }
    conf = {"EMAIL_BACKEND": backends.get(scheme, backends["console"])}
    if scheme in {"smtp", "smtps"}:
        query = parse_qs(parsed.query, keep_blank_values=True)
        conf.update(
            EMAIL_HOST=parsed.hostname or "localhost",
            EMAIL_PORT=parsed.port or (465 if scheme == "smtps" else 25),
            EMAIL_HOST_USER=unquote(parsed.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parsed.password or ""),
            EMAIL_USE_SSL=scheme == "smtps",
            EMAIL_USE_TLS="tls" in query,
        )
    return conf


globals().update(_email_settings(os.environ.get("EMAIL_URL", "console://")))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Guildhall <guildhall@localhost>")
# Where members reach Guildhall: emails (notifications, digests) link to absolute addresses.
GUILDHALL_SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Hosts that images in members' Markdown may come from, besides this site (comma-separated).
GUILDHALL_IMAGE_HOSTS = env_list("GUILDHALL_IMAGE_HOSTS")
# How often an open page asks for the bell's unread count (seconds).
GUILDHALL_NOTIFICATION_POLL_SECONDS = int(os.environ.get("NOTIFICATION_POLL_SECONDS", "20"))

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns at every start when it is missing
# The project-wide assets (guildhall.css...): `guildhall` itself is not an app, so say where.
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
# Uploaded files. Several servers share one directory (a network volume) set here or mounted at
# the data dir's media/: every server reads what any of them stored (docs/deploy.md).
MEDIA_ROOT = Path(os.environ.get("GUILDHALL_MEDIA_DIR", DATA_DIR / "media")).resolve()
# Static files: `guildhall serve` collects them into STATIC_ROOT and turns this on, so they are
# served under hashed names, compressed (gzip, brotli) and cached for a year (core/staticfiles.py).
# Off (tests, runserver), WhiteNoise serves straight from the apps' folders, nothing collected.
GUILDHALL_STATIC_MANIFEST = env_bool("GUILDHALL_STATIC_MANIFEST")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "guildhall.core.staticfiles.CompressedManifestStorage"
        if GUILDHALL_STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not GUILDHALL_STATIC_MANIFEST
# WhiteNoise's list, and source maps (fetched only by a developer's open browser tools).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
    *("jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz", "xz", "br"),
    *("swf", "flv", "woff", "woff2", "3gp", "3gpp", "asf", "avi", "m4v", "mov", "mp4"),
    *("mpeg", "mpg", "webm", "wmv", "map"),
]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES")
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Content-Security-Policy on every page (django-csp): scripts, media and frames only from this
# site; images also from GUILDHALL_IMAGE_HOSTS (core/markdown.py renders other images as links).
# Styles allow inline `style` attributes (a few layout tweaks, the avatars' per-person hue); no
# script runs inline. Stored files carry their own stricter policy (core/media.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", *GUILDHALL_IMAGE_HOSTS],
        "media-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Reverse proxies (addresses or networks, comma-separated) whose X-Forwarded-For and
# X-Forwarded-Proto are believed (core/client_address.py); from anyone else they are ignored.
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
# A load balancer's health probe speaks plain HTTP to the server itself.
SECURE_REDIRECT_EXEMPT = [r"^api/v1/health$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_forbidden": {"()": "guildhall.core.logging.OneLineForbidden"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"filters": ["one_line_forbidden"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
