import logging
import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from boards.models import Board

from . import health
from .celery import broker_available

log = logging.getLogger(__name__)


def home(request):
    """The boards the user belongs to; the way in to each board's pages."""
    if not request.user.is_authenticated:
        return render(request, "home_anonymous.html")
    boards = Board.objects.visible_to(request.user).order_by("name")
    return render(request, "home.html", {"boards": boards})


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception as error:
        log.warning("healthz: database check failed: %s", error)
        return False


@never_cache
@require_GET
def healthz(request):
    """ "ok" for each part, or what is wrong with it; 503 if anything is."""
    body = {
        "database": None if _database_ok() else "down",
        "broker": None if broker_available(timeout=3) else "down",
    }
    if body["database"] is None:
        body |= {name: check() for name, check in health.CHECKS.items()}
    down = [name for name, problem in body.items() if problem]
    body = {name: problem or "ok" for name, problem in body.items()}
    body["status"] = "ok" if not down else "down: " + ", ".join(down)
    return JsonResponse(body, status=503 if down else 200)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No context processors: the database may be what failed. Django calls this
    # while handling the exception, so exc_info names it: a database that cannot be
    # reached (or timed out) is a 503 to try again, not a fault of ours.
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
