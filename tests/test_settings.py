"""Settings come only from the environment: each case runs a fresh interpreter."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "lscb.example.org",
    "DATABASE_URL": "postgres://portal:pw@db.internal:5433/lscb",
    "CELERY_BROKER_URL": "redis://broker.internal:6379/2",
    "EMAIL_URL": "smtp+tls://mailer:pw@smtp.example.org:587",
}


def run_python(code: str, **environ):
    # A clean environment: nothing of the test run's own (browser tests set
    # DJANGO_ALLOW_ASYNC_UNSAFE, which deploy checks rightly reject).
    inherited = set(PRODUCTION) | {"DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in inherited}
    env.update(environ, DJANGO_SETTINGS_MODULE="lscb_portal.settings")
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def read_settings(**environ) -> dict:
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'engine': s.DATABASES['default']['ENGINE'],"
        "'db_name': s.DATABASES['default']['NAME'],"
        "'db_host': s.DATABASES['default']['HOST'],"
        "'db_port': s.DATABASES['default']['PORT'],"
        "'broker': s.CELERY_BROKER_URL,"
        "'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS,"
        "'email_host': s.EMAIL_HOST, 'email_tls': s.EMAIL_USE_TLS,"
        "'secure_cookies': s.SESSION_COOKIE_SECURE and s.CSRF_COOKIE_SECURE,"
        "'ssl_redirect': s.SECURE_SSL_REDIRECT}))"
    )
    result = run_python(code, **environ)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_settings_come_from_the_environment():
    s = read_settings(**PRODUCTION)
    assert s["engine"] == "django.db.backends.postgresql"
    assert (s["db_name"], s["db_host"], s["db_port"]) == ("lscb", "db.internal", 5433)
    assert s["broker"] == "redis://broker.internal:6379/2"
    assert s["debug"] is False
    assert s["hosts"] == ["lscb.example.org"]
    assert (s["email_host"], s["email_tls"]) == ("smtp.example.org", True)
    assert s["secure_cookies"] is True
    assert s["ssl_redirect"] is True


def test_defaults_need_no_servers():
    s = read_settings(DEBUG="true")
    # Django's SQLite backend, told this build's parameter limit (lscb_portal.sqlite3).
    assert s["engine"] == "lscb_portal.sqlite3"
    assert s["db_name"].endswith("db.sqlite3")
    assert s["broker"] == "filesystem://"
    assert s["secure_cookies"] is False


def test_secret_key_is_required_without_debug():
    result = run_python(
        "from django.conf import settings; settings.SECRET_KEY", DEBUG="false"
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_deploy_checks_pass_in_a_production_environment():
    result = run_python(
        "import sys; from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'check', '--deploy',"
        " '--fail-level', 'WARNING'])",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
