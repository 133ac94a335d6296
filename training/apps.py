from django.apps import AppConfig


def describe_training(board) -> str:
    """The board home's line: sessions coming up and those held without
    attendance recorded (the training home lists them). One query."""
    from django.db.models import Count, Q
    from django.utils import timezone

    from .models import Session, SessionStatus

    found = Session.objects.filter(course__board=board).aggregate(
        upcoming=Count(
            "pk",
            filter=Q(status=SessionStatus.PLANNED, date__gte=timezone.localdate()),
            distinct=True,
        ),
        unrecorded=Count(
            "pk",
            filter=Q(
                status=SessionStatus.HELD,
                attendees__isnull=True,
                attendance_counts__isnull=True,
            ),
            distinct=True,
        ),
    )
    upcoming, unrecorded = found["upcoming"], found["unrecorded"]
    return (
        f"{upcoming} session{'s' if upcoming != 1 else ''} coming up; "
        f"{unrecorded} held without attendance recorded"
    )


def agency_training(agency) -> dict:
    """The agency page's part: its attendances this year and last (the latest year
    with training) and its e-learning completion rate that year."""
    from lscb_portal.periods import year_label

    from . import selectors

    board = agency.board
    year = selectors.latest_year(board)
    if year is None:
        return {"year": None}
    totals = {
        y: next(iter(selectors.agency_totals(board, y, agency_ids=[agency.pk])), None)
        for y in (year, year - 1)
    }
    return {
        "year": year,
        "year_label": year_label(year),
        "last_year_label": year_label(year - 1),
        "this_year": totals[year],
        "last_year": totals[year - 1],
        "elearning": selectors.agency_elearning(board, agency, year),
    }


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = "Training"

    def ready(self):
        from . import search

        search.register()

        from lscb_portal.sections import (
            AgencySection,
            BoardSection,
            PagePart,
            register,
            register_agency_section,
            register_deadlines,
        )

        from .reminders import endorsement_reviews_due

        register(BoardSection("Training", "training:home", describe_training))
        register_agency_section(
            AgencySection("Training", "training/_agency_training.html", agency_training)
        )
        # Endorsements due review, where the board home and the planner list
        # what is due (an e-mailed reminder would need a sent-once record).
        register_deadlines(
            PagePart(
                "Endorsements due review",
                "training/provider_reviews_due.html",
                endorsement_reviews_due,
            )
        )
