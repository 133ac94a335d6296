#!/usr/bin/env bash
# Serves the portal with a Celery worker (and beat) beside it; Ctrl-C stops them all.
# The set-up's output comes first; the address and the demo sign-ins come last.
set -euo pipefail
PORT="${PORT:-8000}"
mkdir -p var

# Refuses to start on settings that would let a task outlive the broker's
# visibility timeout (lscb_portal/checks.py).
.venv/bin/python manage.py check
echo "Loading the demo data if the database is empty (a minute the first time)..."
sign_ins="$(.venv/bin/python manage.py load_demo --if-empty)"

.venv/bin/celery -A lscb_portal worker --beat -Q celery,reports --loglevel=INFO --concurrency=2 \
  --schedule var/celerybeat-schedule >var/worker.log 2>&1 &
worker=$!
.venv/bin/python manage.py runserver "127.0.0.1:${PORT}" &
server=$!

# A script's background jobs ignore Ctrl-C, so the script stops them itself.
stop() {
  trap - EXIT INT TERM
  kill -TERM "$server" "$worker" 2>/dev/null || true
  # A worker not done after two seconds is stopped cold; the beat's sweep of lost
  # report runs picks up a run it was building.
  for _ in 1 2 3 4; do
    kill -0 "$worker" 2>/dev/null || break
    sleep 0.5
  done
  kill -QUIT "$worker" 2>/dev/null || true
  wait "$server" "$worker" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM

# The address is printed once the server answers, after its own start-up lines.
until (exec 3<>"/dev/tcp/127.0.0.1/${PORT}") 2>/dev/null; do
  kill -0 "$server" 2>/dev/null || exit 1
  sleep 0.5
done

cat <<MSG

${sign_ins}

  LSCB portal: http://127.0.0.1:${PORT}/
  A Celery worker with beat is running beside it; its log is var/worker.log.
  Ctrl-C stops the server and the worker.

MSG
wait "$server"
