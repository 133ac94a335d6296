#!/usr/bin/env bash
# Serves the portal with a Celery worker (and beat) beside it; Ctrl-C stops them all.
set -euo pipefail
PORT="${PORT:-8000}"
mkdir -p var

# Refuses to start on settings that would let a task outlive the broker's
# visibility timeout (lscb_portal/checks.py).
.venv/bin/python manage.py check
.venv/bin/python manage.py load_demo --if-empty

.venv/bin/celery -A lscb_portal worker --beat -Q celery,reports --loglevel=INFO --concurrency=2 \
  --schedule var/celerybeat-schedule >var/worker.log 2>&1 &
worker=$!
trap 'kill -TERM "$worker" 2>/dev/null; wait "$worker" 2>/dev/null' EXIT

cat <<MSG

  LSCB portal: http://127.0.0.1:${PORT}/   (sign in with a demo e-mail above)
  A Celery worker with beat is running beside it; its log is var/worker.log.
  Ctrl-C stops the server and the worker.

MSG
.venv/bin/python manage.py runserver "127.0.0.1:${PORT}"
