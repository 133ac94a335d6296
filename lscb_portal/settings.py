"""Settings for the LSCB portal, read only from the environment (see .env.example)."""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (only DEBUG runs have a default).")
    SECRET_KEY = "dev-only-insecure-key-never-used-when-debug-is-off"

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "lscb_portal",
    "accounts",
    "boards",
    "subgroups",
    "business_plan",
    "indicators",
    "reviews",
    "audits",
    "training",
    "good_practice",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "lscb_portal.middleware.ApiNoStoreMiddleware",
    # Outside the rest: it sees every response under /api/ (see the module).
    "lscb_portal.middleware.ApiErrorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in: who has given a code, then every page waits for it.
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must come last: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # Production serves collected static files itself; development uses runserver's.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "lscb_portal.urls"
WSGI_APPLICATION = "lscb_portal.wsgi.application"
ASGI_APPLICATION = "lscb_portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "boards.context_processors.boards",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
# The embedded default takes bulk inserts in one statement, as PostgreSQL does.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["ENGINE"] = "lscb_portal.sqlite3"
# Persistent connections, checked before each request reuses one, so a database
# restart costs one failed check rather than an error for the next request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# The largest request body (other than uploaded files) read: the API's limit too,
# a 413 beyond it (lscb_portal.middleware).
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2621440)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "boards.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "sign-in"

# Content-Security-Policy (django-csp): only our own scripts, styles and fonts, no
# inline script or style; images may be data: URIs (a two-factor QR code).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Two-factor sign-in (accounts.two_factor decides who needs it). The demo sign-ins
# are exempt only while DEBUG is on; off, nobody is, whatever this says.
TWO_FACTOR_DEMO_EXEMPT = env.bool("TWO_FACTOR_DEMO_EXEMPT", default=DEBUG)
OTP_TOTP_ISSUER = "LSCB portal"

# Lockout after repeated failures, counted two ways so nobody outside can lock a
# member out by typing their address: an address typed from one IP address is
# locked after AXES_FAILURE_LIMIT failures (the member can still sign in from
# elsewhere), and one IP address failing across many accounts after
# AXES_IP_FAILURE_LIMIT (higher: an agency's staff share one outgoing address).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_IP_FAILURE_LIMIT = env.int("AXES_IP_FAILURE_LIMIT", default=50)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "boards.auth.MemberAndAddressLockoutHandler"
AXES_USERNAME_CALLABLE = "boards.auth.lockout_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env.bool("STATIC_MANIFEST", default=True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")

EMAIL_CONFIG = env.email_url(
    "EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25"
)
EMAIL_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
EMAIL_HOST = EMAIL_CONFIG.get("EMAIL_HOST", "")
EMAIL_PORT = EMAIL_CONFIG.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = EMAIL_CONFIG.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = EMAIL_CONFIG.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = EMAIL_CONFIG.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = EMAIL_CONFIG.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="lscb-portal@localhost")
# Seconds a mail server may stall before the send fails, so it cannot hold a worker.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)

# Celery: the default broker needs no server (kombu's filesystem transport in var/).
# Task results and job progress live in the database, so no result backend.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
BROKER_FOLDER = VAR_DIR / "broker"
# Redis hands an unacknowledged message to another worker after this many seconds,
# so every time limit and retry countdown stays below it (lscb_portal/checks.py).
BROKER_VISIBILITY_TIMEOUT = env.int("BROKER_VISIBILITY_TIMEOUT", default=3600)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": BROKER_VISIBILITY_TIMEOUT} | (
    {
        "data_folder_in": str(BROKER_FOLDER),
        "data_folder_out": str(BROKER_FOLDER),
        "processed_folder": str(VAR_DIR / "broker-processed"),
        "control_folder": str(VAR_DIR / "broker-control"),
        "store_processed": False,
    }
    if CELERY_BROKER_URL.startswith("filesystem")
    else {}
)
CELERY_BROKER_CONNECTION_TIMEOUT = 5
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_ACKS_LATE = True
# A publish to a broker that is down gives up after one retry, not a long wait.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0.5}
# Seconds a task may run: past the soft limit it is told to stop, past the hard
# limit its process is killed. PDF renders have their own, longer limits.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("TASK_SOFT_TIME_LIMIT", default=300)
CELERY_TASK_TIME_LIMIT = env.int("TASK_TIME_LIMIT", default=360)
CELERY_TASK_ANNOTATIONS = {
    "reports.tasks.render_report": {
        "soft_time_limit": env.int("REPORT_SOFT_TIME_LIMIT", default=600),
        "time_limit": env.int("REPORT_TIME_LIMIT", default=660),
    }
}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# PDFs render on their own queue, so a long export never delays e-mails.
CELERY_TASK_ROUTES = {"reports.tasks.render_report": {"queue": "reports"}}
CELERY_BEAT_SCHEDULE = {
    "return-reminders": {
        "task": "subgroups.tasks.send_return_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "review-reminders": {
        "task": "reviews.tasks.send_review_reminders",
        "schedule": crontab(hour=7, minute=5),
    },
    "sweep-lost-report-runs": {
        "task": "reports.tasks.sweep_lost_runs",
        "schedule": env.float("REPORT_SWEEP_SECONDS", default=60),
    },
    "heartbeat": {
        "task": "lscb_portal.tasks.heartbeat",
        "schedule": env.float("HEARTBEAT_SECONDS", default=30),
    },
}
# A running export whose worker has not beaten its heartbeat for this long was
# lost (killed mid-render) and is rendered again by another delivery.
REPORT_RUN_LEASE_SECONDS = env.float("REPORT_RUN_LEASE_SECONDS", default=120)
# A queued export with no message in the queue for this long was lost by the
# broker (flushed or restarted) and the sweeper queues it again.
REPORT_QUEUED_STALE_SECONDS = env.float("REPORT_QUEUED_STALE_SECONDS", default=60)
# Days before a paper deadline that subgroup chairs are reminded.
RETURN_REMINDER_DAYS = env.int("RETURN_REMINDER_DAYS", default=5)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "boards.api.defaults.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["boards.api.defaults.ApiAccess"],
    "DEFAULT_FILTER_BACKENDS": [
        "boards.api.filters.KnownQueryParameters",
        "django_filters.rest_framework.DjangoFilterBackend",
        "boards.api.filters.StrictOrdering",
    ],
    "DEFAULT_PARSER_CLASSES": ["boards.api.defaults.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "boards.api.defaults.Pagination",
    "DEFAULT_THROTTLE_CLASSES": ["boards.api.defaults.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"api": env.str("API_THROTTLE_RATE", default="600/min")},
    "EXCEPTION_HANDLER": "boards.api.defaults.exception_handler",
    "ORDERING_PARAM": "ordering",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "LSCB portal API",
    "DESCRIPTION": "Read and submit a safeguarding children board's data. "
    "Authenticate with `Authorization: Token <key>`; a token belongs to one board.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "boards.api.schema.add_error_responses",
    ],
}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Production hardening: everything below is on whenever DEBUG is off.
SECURE = not DEBUG
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=SECURE)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every layout step and fontTools every subset at INFO.
    "loggers": {
        name: {"level": "WARNING"}
        for name in ("axes", "weasyprint.progress", "fontTools")
    },
}
