"""The boards app's part of the demo data: the Cumbria board, its agencies, its
members by role, and one demo sign-in per role (see data.py for the figures)."""

from django.db import transaction
from django.utils.text import slugify

from ..models import Agency, Board, Membership, Role, User
from . import (
    governance_challenges,
    governance_meetings,
    governance_reference,
    meetings,
)
from .data import AGENCIES, BOARD, MEMBERS, NAMES

DEMO_PASSWORD = "lscb-demo-2026"  # dev only: load_demo refuses to run unless DEBUG
DEMO_DOMAIN = "demo.example"

# One sign-in per role: (e-mail local part, position, agency, role). Where the
# position is a seat in MEMBERS the sign-in is that seat's person.
DEMO_SIGN_INS = [
    ("chair", "Independent Chair", None, Role.CHAIR),
    (
        "vice.chair",
        "Assistant Director (Children's Services)",
        "Barnardo's",
        Role.VICE_CHAIR,
    ),
    (
        "board.member",
        "Assistant Chief Constable",
        "Cumbria Constabulary",
        Role.BOARD_MEMBER,
    ),
    ("lay.member", "Lay Member 1", None, Role.LAY_MEMBER),
    (
        "observer",
        "Safeguarding Adults Co-ordinator",
        "Cumbria Safeguarding Adults Board",
        Role.OBSERVER,
    ),
    (
        "business.team",
        "Senior Manager - LSCB and Improvement",
        None,
        Role.BUSINESS_TEAM,
    ),
    (
        "subgroup.chair",
        "Chair, Learning and Improvement Subgroup",
        "Cumbria Partnership NHS Foundation Trust",
        Role.SUBGROUP_CHAIR,
    ),
    (
        "agency.contributor",
        "Performance and Information Officer",
        "Cumbria Constabulary",
        Role.AGENCY_CONTRIBUTOR,
    ),
]


def demo_email(local_part: str) -> str:
    return f"{local_part}@{BOARD['slug']}.{DEMO_DOMAIN}"


def set_full_name(user, name: str) -> None:
    """Gives a demo person their invented name, also when load_demo runs again
    over an earlier demo (whose people were named after their positions)."""
    if user.full_name != name:
        user.full_name = name
        user.save(update_fields=["full_name"])


@transaction.atomic
def load() -> Board:
    board, _ = Board.objects.update_or_create(
        slug=BOARD["slug"],
        defaults={k: v for k, v in BOARD.items() if k != "slug"},
    )
    agencies = {}
    for name, short_name, statutory in AGENCIES:
        agencies[name], _ = Agency.objects.update_or_create(
            board=board,
            name=name,
            defaults={"short_name": short_name, "statutory_partner": statutory},
        )

    sign_in_for = {
        (position, agency): local for local, position, agency, _ in DEMO_SIGN_INS
    }
    seats = list(MEMBERS)
    seats += [
        (position, agency, role)
        for _, position, agency, role in DEMO_SIGN_INS
        if (position, agency) not in {(p, a) for p, a, _ in MEMBERS}
    ]
    for position, agency_name, role in seats:
        local = sign_in_for.get((position, agency_name))
        if local is None:
            local = slugify(f"{position} {agency_name or ''}")[:60]
        user, created = User.objects.get_or_create(email=demo_email(local))
        set_full_name(user, NAMES[(position, agency_name)])
        if local in sign_in_for.values():
            if created or not user.check_password(DEMO_PASSWORD):
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
        elif created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Membership.objects.update_or_create(
            user=user,
            board=board,
            role=role,
            defaults={"agency": agencies.get(agency_name), "position": position},
        )
    meetings.load(board)
    governance_meetings.load(board)
    governance_challenges.load(board)
    governance_reference.load(board)
    return board


def sign_ins() -> list[tuple[str, str]]:
    """(role, e-mail) of each demo sign-in, for make run to print."""
    return [
        (Role(role).label, demo_email(local)) for local, _, _, role in DEMO_SIGN_INS
    ]
