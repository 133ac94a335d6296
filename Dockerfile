# syntax=docker/dockerfile:1

# ---- Stage 1: compile GOV.UK Frontend assets (SCSS/JS/fonts/images) ----
FROM node:20-slim AS frontend
WORKDIR /build

# Lockfile first so `npm ci` is cached until dependencies change.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# Only what the build script reads; writes static/build/.
COPY scripts/ scripts/
COPY static/scss/ static/scss/
COPY static/js/ static/js/
RUN npm run build


# ---- Stage 2: Django runtime ----
FROM python:3.11-slim AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Shared libraries WeasyPrint loads at runtime (via cffi) plus a basic font.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz0b \
        libfontconfig1 \
        fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# Unprivileged user the app runs as.
RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --shell /usr/sbin/nologin app

WORKDIR /app

# Dependencies only (the dist has no importable package), so this layer is
# reused until pyproject.toml changes. Production deps only: no [dev] extra.
COPY pyproject.toml ./
RUN pip install . \
    && rm -rf build *.egg-info

# Application source, then the compiled front-end on top of it (overrides any
# stale static/build in the build context). Code stays root-owned, read-only
# to the app user.
COPY . .
COPY --from=frontend /build/static/build/ static/build/

# Settings refuse to start with DEBUG=false and no SECRET_KEY; these values
# exist only for this step and are not kept in the image environment.
RUN DEBUG=false \
    SECRET_KEY=build-only-not-secret \
    DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --noinput \
    && rm -f /tmp/build.sqlite3

# var/ (MEDIA_ROOT default) is the only place under /app the app writes to.
RUN mkdir -p var/media && chown -R app:app var

USER app

EXPOSE 8000

CMD ["gunicorn", "lscb_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
