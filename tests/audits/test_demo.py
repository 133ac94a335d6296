"""The demo's Section 11 audits reproduce section 18 of the annual report 2016-17:
the responses, exclusions and valid responses by kind, compliance per standard in
both years, and the statutory partners' findings. The 2017-18 audit is open on the
day the demo is loaded, with no submissions, and every "latest" still shows
2016-17."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

from audits import pdf, selectors
from audits.apps import describe_audits
from audits.models import (
    Answer,
    Organisation,
    Rating,
    Section11Cycle,
    Sector,
    Submission,
)
from boards.models import Board, Membership, Role

pytestmark = pytest.mark.django_db

# The seed's year-on-year table: "fully met" % per standard 1-9.
SEED_TABLE = {
    2015: [98, 97, 96, 95, 95, 95, 94, 94, 96],
    2016: [97, 98, 97, 95, 96, 93, 93, 94, 97],
}


def _snapshot():
    return {
        "organisations": list(Organisation.objects.values_list("pk", "modified_at")),
        "cycles": list(Section11Cycle.objects.values_list("pk", "version")),
        "submissions": list(
            Submission.objects.values_list("pk", "version", "exclusion", "status")
        ),
        "answers": Answer.objects.count(),
        "history": Submission.history.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loads the demo twice (once is slow), records what it holds, rolls back."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=io.StringIO())
            first = _snapshot()
            call_command("load_demo", stdout=io.StringIO())
            second = _snapshot()
        board = Board.objects.get(slug="cumbria")
        cycles = {c.year: c for c in Section11Cycle.objects.filter(board=board)}
        result = {
            "first": first,
            "second": second,
            "cycles": cycles,
            "compliance": {
                year: [s.compliance.percent for s in selectors.compliance(c).standards]
                for year, c in cycles.items()
            },
            "titles": {
                year: [s.title for s in c.standards.all()] for year, c in cycles.items()
            },
            "questions": {
                year: [
                    list(s.questions.values_list("text", flat=True))
                    for s in c.standards.all()
                ]
                for year, c in cycles.items()
            },
            "counts": {
                year: {
                    "responses": c.submissions.count(),
                    "drafts": c.submissions.filter(status="draft").count(),
                    "excluded": Counter(
                        c.submissions.exclude(exclusion="").values_list(
                            "exclusion", flat=True
                        )
                    ),
                    "reasons": set(
                        c.submissions.exclude(exclusion="").values_list(
                            "exclusion_reason", flat=True
                        )
                    ),
                    "valid": Counter(
                        Submission.objects.valid()
                        .filter(cycle=c)
                        .values_list("organisation__sector", flat=True)
                    ),
                }
                for year, c in cycles.items()
            },
            "statutory": {
                (sub, code): rating
                for sub, code, rating in _statutory_answers(cycles[2016])
            },
            "police": {
                year: list(
                    c.submissions.filter(
                        organisation__agency__name="Cumbria Constabulary"
                    ).values_list("status", "exclusion")
                )
                for year, c in cycles.items()
            },
            "latest_results": _latest_results(board),
            "home": describe_audits(board),
            "section_13": pdf.case_audits(board, 2016),
            "contributor_agency": Membership.objects.get(
                board=board,
                role=Role.AGENCY_CONTRIBUTOR,
                user__email__startswith="agency.contributor",
            ).agency.name,
        }
        transaction.set_rollback(True)
    return result


def _latest_results(board):
    """Where the latest-results link and the audits home send a board member."""
    member = Membership.objects.filter(board=board, role=Role.BOARD_MEMBER).first()
    client = Client()
    client.force_login(member.user)
    base = f"/boards/{board.slug}/audits/"
    home = client.get(base).content.decode()
    return {
        "redirect": client.get(base + "section-11/results/")["Location"],
        "home_latest": home.split("The latest is ", 1)[1].split(",", 1)[0],
    }


def _statutory_answers(cycle):
    for answer in Answer.objects.filter(
        submission__in=Submission.objects.valid().filter(
            cycle=cycle, organisation__sector=Sector.STATUTORY
        )
    ).select_related("question__standard", "submission__organisation"):
        yield answer.submission.organisation.name, answer.question.code, answer.rating


def test_the_two_cycles_with_the_seeds_dates(demo):
    cycle = demo["cycles"][2016]
    assert (str(cycle.opens_on), str(cycle.closes_on)) == ("2016-12-08", "2017-03-13")
    assert set(demo["cycles"]) == {2015, 2016, 2017}


def test_2017_18_is_open_today_with_2016_17s_standards_and_no_submissions(demo):
    cycle = demo["cycles"][2017]
    today = timezone.localdate()
    assert (today - cycle.opens_on).days == 1
    assert (cycle.closes_on - today).days == 90
    assert demo["counts"][2017]["responses"] == 0
    assert demo["titles"][2017] == demo["titles"][2016]
    assert demo["questions"][2017] == demo["questions"][2016]
    assert demo["home"].startswith("Section 11 2017-18 open: 0 of ")


def test_the_latest_results_are_still_2016_17s(demo):
    assert demo["latest_results"]["redirect"].endswith("/section-11/2016/results/")
    assert demo["latest_results"]["home_latest"] == "the Section 11 audit 2016-17"


def test_nine_standards_copied_from_2015_to_2016(demo):
    assert len(demo["titles"][2016]) == 9
    assert demo["titles"][2016] == demo["titles"][2015]
    assert demo["questions"][2016] == demo["questions"][2015]
    assert demo["titles"][2016][1] == "A named person responsible at a senior level"
    assert all(1 <= len(q) <= 3 for q in demo["questions"][2016])


def test_2016_17_responses_exclusions_and_valid_by_kind(demo):
    counts = demo["counts"][2016]
    assert counts["responses"] == 469
    assert counts["drafts"] == 1  # the seed's 469 - 35 is 434: one never submitted
    assert sum(counts["excluded"].values()) == 35
    assert set(counts["excluded"]) == {"partial", "duplicate"}
    assert all(counts["reasons"])
    valid = counts["valid"]
    assert sum(valid.values()) == 433
    assert valid[Sector.SCHOOL] == 205
    assert valid[Sector.GP] == 47
    assert valid[Sector.STATUTORY] == 15


def test_2015_16_has_486_valid_responses(demo):
    assert sum(demo["counts"][2015]["valid"].values()) == 486


@pytest.mark.parametrize("year", [2015, 2016])
def test_compliance_per_standard_is_the_seeds_table(demo, year):
    assert demo["compliance"][year] == SEED_TABLE[year]


def _count(demo, code, rating):
    return sum(
        1 for (_, c), r in demo["statutory"].items() if c == code and r == rating
    )


def test_statutory_partners_findings(demo):
    answers = demo["statutory"]
    agencies = {name for name, _ in answers}
    assert len(agencies) == 15
    short = {
        name
        for (name, _), r in answers.items()
        if r not in (Rating.FULLY, Rating.NOT_APPLICABLE)
    }
    assert len(agencies - short) == 3  # fully met all standards
    not_met = [(name, code) for (name, code), r in answers.items() if r == "not_met"]
    assert [code for _, code in not_met] == ["1.2"]  # commissioning only
    assert _count(demo, "1.2", Rating.FULLY) == 8
    assert _count(demo, "1.2", Rating.NOT_APPLICABLE) == 4
    assert _count(demo, "3.1", Rating.PARTIALLY) == 4  # voice of the child
    assert _count(demo, "5.1", Rating.FULLY) == 14  # information sharing guidance
    assert _count(demo, "5.2", Rating.FULLY) == 14  # consent for sharing
    assert _count(demo, "7.1", Rating.FULLY) == 12  # review of staff checks
    assert _count(demo, "7.2", Rating.FULLY) == 11  # recruiters trained
    assert _count(demo, "8.1", Rating.FULLY) == 14  # supervision
    assert _count(demo, "9.1", Rating.FULLY) == 15  # allegations


def test_the_contributors_agency_submitted_in_both_years(demo):
    assert demo["contributor_agency"] == "Cumbria Constabulary"
    assert demo["police"] == {
        2015: [("submitted", "")],
        2016: [("submitted", "")],
        2017: [],  # open: the demo's contributor can complete it
    }


def test_the_annual_reports_section_13_has_the_years_four_audits(demo):
    section = demo["section_13"]
    assert section["themes"] == [
        "Missing from Home",
        "Parental Substance Misuse",
        "Domestic Abuse",
        "Children with Disabilities",
    ]
    assert [g["name"] for g in section["groups"]] == [
        "Quality Assurance Group North",
        "Quality Assurance Group South",
        "Domestic Abuse Task and Finish Group",
        "Quality Assurance Group West",
    ]
    domestic = section["audits"][2]
    assert domestic["gradings_text"] == "1 good, 3 requires improvement"
    assert domestic["audit"].cases_audited == 4


def test_loading_twice_changes_nothing(demo):
    assert demo["first"]["answers"] > 10000
    assert demo["second"] == demo["first"]
