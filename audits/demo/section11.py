"""The Section 11 audits of 2015-16 and 2016-17 (section 18 of the annual report
2016-17; texts in data.py), and the 2017-18 audit open now.

The seed's figures, reproduced exactly:
- the nine standards (texts verbatim; titles the year-on-year table's rows);
- 2016-17 ran 8 December 2016 to 13 March 2017: 469 responses, 35 partial or
  duplicate (excluded, with reasons), 433 valid: 205 schools, 47 GP practices,
  15 statutory agencies, the other 166 voluntary (120) and other (46). The
  seed's 469 - 35 is 434, not 433: the 469th response here is one begun and
  never submitted (a draft), a response but neither valid nor excluded;
- 2015-16: 486 valid responses (the table's "Number of responses");
- compliance per standard ("fully met" %, as audits.selectors.compliance counts
  it) equal to the year-on-year table in both years;
- the statutory partners' findings of 2016-17: 3 of 15 fully met all standards;
  one 'not met', on the commissioning question (1.2); commissioning 8 fully met,
  1 partially met, 4 not applicable; voice of the child 4 of 15 partially met;
  information sharing guidance 14/15 and consent for sharing 14/15 fully met (the
  same agency partially met both, so the standard is 93% as the seed says);
  review of staff checks 12/15; recruiters trained 11/15; supervision 14/15;
  allegations 15/15.

Illustrative: the questions the findings do not name; every school, GP practice,
voluntary and other organisation (fictitious "Example …" names); two statutory
respondents not on the board's agency list (district councils, see data.py);
2015-16's dates and its split by sector (205 schools, 47 GPs, 15 statutory, 219
voluntary and other, none excluded); which organisation gave which answer. The
seed's commissioning counts add up to 14 with the 'not met': the fifteenth agency
is here "partially met" (so 2 partially met). Answers are generated without
randomness: the organisations not fully meeting a standard are picked by a fixed
stride, so every load gives the same answers.

The demo agency contributor's agency (Cumbria Constabulary) submitted in both
years and fully met every standard in 2016-17.

The 2017-18 audit is open when the demo is loaded, with no submissions yet: it
opens the day before the load date and closes 90 days after it. It is the one
part of the demo that follows today's date rather than the seed's year, so that
an agency contributor trying the demo can start and complete a submission (one
carried forward from 2016-17). Its standards and questions are copied from
2016-17 by services.cycle_create. Reports and "latest" results still show
2016-17, the latest audit with valid responses.

Writes: cycles through audits.services.cycle_create (2016-17 copies 2015-16's
standards and questions) and exclusions through submission_exclude. The
standards of 2015-16 are written with the ORM: standard_add rightly refuses an
audit that has opened, and this one closed in 2016. Submissions and their
thousands of answers are bulk-created as a survey import would leave them
(submitted, no history rows): the answer-by-answer services would take minutes.
Idempotent: what exists is left alone, so a second load changes nothing."""

from datetime import datetime, time, timedelta
from math import gcd

from django.db import transaction
from django.utils import timezone

from boards.models import Agency, Membership, Role

from .. import services
from ..models import (
    Answer,
    Exclusion,
    Organisation,
    Question,
    Rating,
    Section11Cycle,
    Sector,
    Standard,
    Submission,
    SubmissionStatus,
)
from ..selectors import percent
from . import data

POLICE = "Cumbria Constabulary"
SCHOOLS = [f"Example Primary School {n:03d}" for n in range(1, 171)] + [
    f"Example Secondary School {n:03d}" for n in range(1, 36)
]
GPS = [f"Example GP Practice {n:02d}" for n in range(1, 48)]
VOLUNTARY = [f"Example Voluntary Organisation {n:03d}" for n in range(1, 151)]
OTHER = [f"Example Other Organisation {n:03d}" for n in range(1, 70)]
# 2016-17's duplicates: a second response entered under a variant name.
DUPLICATES = [f"{SCHOOLS[n * 13]} – second response" for n in range(15)]
STRIDE = 7
SUBMITTED, DRAFT = SubmissionStatus.SUBMITTED, SubmissionStatus.DRAFT

F, P, N, NA = Rating.FULLY, Rating.PARTIALLY, Rating.NOT_MET, Rating.NOT_APPLICABLE

# 2016-17's statutory answers that are not "fully met", by the statutory
# respondent's index (see _statutory_names) and question code. Index 10 is the
# police: 10, 11 and 12 fully met all standards (N/A on commissioning).
STATUTORY_2016 = {
    "1.2": {8: P, 9: NA, 10: NA, 11: NA, 12: NA, 13: N, 14: P},
    "3.1": {0: P, 1: P, 2: P, 3: P},
    "5.1": {4: P},
    "5.2": {4: P},
    "7.1": {5: P, 6: P, 7: P},
    "7.2": {5: P, 6: P, 7: P, 8: P},
    "8.1": {9: P},
}


def _statutory_names(board) -> list[str]:
    """The 15 statutory respondents, the police at index 10."""
    names = list(
        Agency.objects.filter(board=board, statutory_partner=True)
        .exclude(name=POLICE)
        .order_by("name")
        .values_list("name", flat=True)
    )
    names = (names + data.EXTRA_STATUTORY)[:14]
    names.insert(10, POLICE)
    return names


def _organisations(board) -> dict[str, Organisation]:
    agencies = {a.name: a for a in Agency.objects.filter(board=board)}
    wanted = [(name, Sector.STATUTORY) for name in _statutory_names(board)]
    wanted += [(name, Sector.SCHOOL) for name in SCHOOLS + DUPLICATES]
    wanted += [(name, Sector.GP) for name in GPS]
    wanted += [(name, Sector.VOLUNTARY) for name in VOLUNTARY]
    wanted += [(name, Sector.OTHER) for name in OTHER]
    existing = {o.name: o for o in Organisation.objects.filter(board=board)}
    Organisation.objects.bulk_create(
        Organisation(
            board=board,
            name=name,
            sector=sector,
            agency=agencies.get(name),
            active=name not in DUPLICATES,
        )
        for name, sector in wanted
        if name not in existing
    )
    return {o.name: o for o in Organisation.objects.filter(board=board)}


def _cycle(board, user, year) -> Section11Cycle:
    cycle = Section11Cycle.objects.filter(board=board, year=year).first()
    if cycle is None:
        opens_on, closes_on = data.CYCLES[year]
        cycle = services.cycle_create(
            board=board, user=user, year=year, opens_on=opens_on, closes_on=closes_on
        )
    if not cycle.standards.exists():
        for number, title, text, questions in data.STANDARDS:
            standard = Standard(cycle=cycle, number=number, title=title, text=text)
            standard._history_user = user
            standard.save()
            for q, question in enumerate(questions, start=1):
                Question.objects.create(standard=standard, number=q, text=question)
    return cycle


def not_fully_counts(valid: int, percents: list[int]) -> list[int]:
    """For each standard, how many of `valid` submissions must fall short of
    fully meeting it for its compliance to print as the percent."""
    counts = []
    for target in percents:
        short = round(valid * (100 - target) / 100)
        assert percent(valid - short, valid) == target, (valid, target)
        counts.append(short)
    return counts


def _ratings(year, respondents, statutory_count):
    """{(respondent index, question code): rating}: "fully met" unless listed.
    respondents: [(organisation, sector)], the statutory ones first."""
    ratings = {}
    shortfalls = not_fully_counts(len(respondents), data.COMPLIANCE[year])
    pinned = STATUTORY_2016 if year == 2016 else {}
    for (number, _, _, questions), short in zip(
        data.STANDARDS, shortfalls, strict=True
    ):
        codes = [f"{number}.{q}" for q in range(1, len(questions) + 1)]
        pinned_short = set()
        for code in codes:
            for index, rating in pinned.get(code, {}).items():
                ratings[index, code] = rating
                if rating != NA:
                    pinned_short.add(index)
        # Pinned years fix the statutory answers; the rest come from the others.
        first = statutory_count if pinned else 0
        pool = len(respondents) - first
        assert gcd(STRIDE, pool) == 1
        need = short - len(pinned_short)
        for j in range(pool):
            if (j * STRIDE + number * 13) % pool >= need:
                continue
            index = first + j
            sector = respondents[index][1]
            q = 0 if number == 1 and sector != Sector.STATUTORY else j % len(codes)
            ratings[index, codes[q]] = P
    for index, (_, sector) in enumerate(respondents):
        if sector in (Sector.SCHOOL, Sector.GP) and (index, "1.2") not in ratings:
            ratings[index, "1.2"] = NA  # they commission no services
    return ratings


def _respondents(year, board, organisations):
    statutory = [(organisations[n], Sector.STATUTORY) for n in _statutory_names(board)]
    others = [(organisations[n], Sector.SCHOOL) for n in SCHOOLS]
    others += [(organisations[n], Sector.GP) for n in GPS]
    if year == 2016:
        others += [(organisations[n], Sector.VOLUNTARY) for n in VOLUNTARY[:120]]
        others += [(organisations[n], Sector.OTHER) for n in OTHER[:46]]
    else:
        others += [(organisations[n], Sector.VOLUNTARY) for n in VOLUNTARY]
        others += [(organisations[n], Sector.OTHER) for n in OTHER]
    return statutory + others


def _submitted_at(cycle, index):
    days = (cycle.closes_on - cycle.opens_on).days + 1
    day = cycle.opens_on + timedelta(days=index * 11 % days)
    return timezone.make_aware(datetime.combine(day, time(9 + index % 8)))


def _submissions(cycle, rows, contributor) -> None:
    """rows: [(organisation, {question code: rating}, status)], created where
    missing, submitted on a day of the cycle."""
    done = set(cycle.submissions.values_list("organisation_id", flat=True))
    new = [row for row in rows if row[0].pk not in done]
    if not new:
        return
    Submission.objects.bulk_create(
        Submission(
            cycle=cycle,
            organisation=o,
            status=status,
            submitted_at=_submitted_at(cycle, n) if status == SUBMITTED else None,
            submitted_by=contributor if o.name == POLICE else None,
        )
        for n, (o, _, status) in enumerate(new)
    )
    ids = dict(
        cycle.submissions.filter(organisation__in=[row[0] for row in new]).values_list(
            "organisation_id", "pk"
        )
    )
    in_cycle = Question.objects.filter(standard__cycle=cycle)
    questions = {q.code: q for q in in_cycle.select_related("standard")}
    # Bulk: some 7,000 answers a year (no history rows, as an import leaves them).
    Answer.objects.bulk_create(
        Answer(submission_id=ids[o.pk], question=questions[code], rating=rating)
        for o, answers, _ in new
        for code, rating in answers.items()
    )


@transaction.atomic
def load(board) -> None:
    team = Membership.objects.filter(board=board, role=Role.BUSINESS_TEAM).first()
    user = team.user if team else None
    police = Agency.objects.filter(board=board, name=POLICE).first()
    contributor = Membership.objects.filter(
        board=board, role=Role.AGENCY_CONTRIBUTOR, agency=police
    ).first()
    contributor = contributor.user if contributor else None
    organisations = _organisations(board)

    for year in (2015, 2016):
        cycle = _cycle(board, user, year)
        codes = list(
            Question.objects.filter(standard__cycle=cycle)
            .order_by("standard__number", "number")
            .select_related("standard")
        )
        codes = [q.code for q in codes]
        respondents = _respondents(year, board, organisations)
        statutory = sum(s == Sector.STATUTORY for _, s in respondents)
        ratings = _ratings(year, respondents, statutory)
        rows = [
            (o, {code: ratings.get((i, code), F) for code in codes}, SUBMITTED)
            for i, (o, _) in enumerate(respondents)
        ]
        if year == 2016:
            # 20 partial responses (standards 1-3 only) and 15 duplicates.
            partial = VOLUNTARY[120:135] + OTHER[46:51]
            rows += [
                (organisations[n], {c: F for c in codes if c[0] in "123"}, SUBMITTED)
                for n in partial
            ]
            rows += [
                (organisations[n], dict.fromkeys(codes, F), SUBMITTED)
                for n in DUPLICATES
            ]
            # The 469th response: begun, never submitted.
            rows.append((organisations[VOLUNTARY[135]], {"1.1": F, "1.2": F}, DRAFT))
        _submissions(cycle, rows, contributor)
        if year == 2016:
            _exclude(cycle, user, partial, Exclusion.PARTIAL, data.PARTIAL_REASON)
            _exclude(
                cycle, user, DUPLICATES, Exclusion.DUPLICATE, data.DUPLICATE_REASON
            )
    _open_cycle(board, user)


OPEN_YEAR = 2017
OPEN_FOR_DAYS = 90


def _open_cycle(board, user) -> Section11Cycle:
    """2017-18, open from yesterday for 90 days; left alone once it exists."""
    cycle = Section11Cycle.objects.filter(board=board, year=OPEN_YEAR).first()
    if cycle is None:
        today = timezone.localdate()
        cycle = services.cycle_create(
            board=board,
            user=user,
            year=OPEN_YEAR,
            opens_on=today - timedelta(days=1),
            closes_on=today + timedelta(days=OPEN_FOR_DAYS),
        )
    return cycle


def _exclude(cycle, user, names, exclusion, reason) -> None:
    for submission in cycle.submissions.filter(
        organisation__name__in=names, exclusion=""
    ):
        services.submission_exclude(
            submission=submission, user=user, exclusion=exclusion, reason=reason
        )
