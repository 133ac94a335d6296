from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from audits import demo as audits_demo
from boards import demo as boards_demo
from boards.demo import governance_meetings
from boards.models import Board
from business_plan import demo as business_plan_demo
from good_practice import demo as good_practice_demo
from indicators import demo as indicators_demo
from reports import demo as reports_demo
from reviews import demo as reviews_demo
from subgroups import demo as subgroups_demo
from training import demo as training_demo

# Each app adds its demo module here, in dependency order, as its issue lands.
DEMO_MODULES = [
    boards_demo,
    subgroups_demo,
    business_plan_demo,
    indicators_demo,
    reviews_demo,
    good_practice_demo,
    audits_demo,
    training_demo,
    reports_demo,
]


class Command(BaseCommand):
    help = "Load the Cumbria demo board (idempotent). Development only."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if any board exists (used by make run).",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load even when DEBUG is off (demo sign-ins have a known password).",
        )

    def handle(self, *args, if_empty=False, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "Demo data has sign-ins with a published password: "
                "run with DEBUG=true, or pass --allow-production."
            )
        if if_empty and Board.objects.exists():
            self.stdout.write("Boards exist already: demo data not loaded.")
        else:
            for module in DEMO_MODULES:
                module.load()
            # The board meetings' papers are the other apps' reports: last.
            governance_meetings.load_papers()
            self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo sign-ins (password: {boards_demo.DEMO_PASSWORD}):")
        for role, email in boards_demo.sign_ins():
            self.stdout.write(f"  {role:<20} {email}")
