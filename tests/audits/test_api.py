"""The audits API through tokens: cycles, standards and results for everyone on the
board; submissions for the business team, the chair and their own agency's
contributors (another agency's is a 404), started, answered (versioned, all or
none, idempotent) and submitted through the services; case audits for the board,
a recommendation's progress by the business team or its owning agency; another
board's records never; bounded queries at two sizes."""

import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from audits.models import (
    Answer,
    CaseAuditGrading,
    Grading,
    Organisation,
    Question,
    Rating,
    RecommendationStatus,
    Section11Cycle,
    Sector,
    Submission,
    SubmissionStatus,
)
from boards.models import ApiToken
from tests.audits.factories import (
    OrganisationFactory,
    api_case_audit,
    api_recommendation,
    api_submission,
    cycle_with,
)

API = "/api/v1/"
CYCLES = f"{API}section-11-cycles/"
STANDARDS = f"{API}section-11-standards/"
SUBMISSIONS = f"{API}section-11-submissions/"
AUDITS = f"{API}case-audits/"
RECOMMENDATIONS = f"{API}case-audit-recommendations/"

BOARD = ("business_team", "chair", "board_member", "lay_member")
CONTRIBUTORS = ("contributor_x", "contributor_y")


def key_for(user, board, scope="write") -> str:
    _, key = ApiToken.issue(
        user=user,
        board=board,
        name="Audit tool",
        scope=scope,
        expires_at=timezone.now() + timedelta(days=1),
        created_by=user,
    )
    return key


@pytest.fixture
def api(client):
    """A client holding a token of `user` on `board` (the cast's by default)."""

    def with_token(user, board=None, *, scope="write"):
        board = board or user.memberships.first().board
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key_for(user, board, scope)}"
        return client

    return with_token


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def post(client, url, body, **headers):
    raw = body if isinstance(body, str) else json.dumps(body)
    return client.post(url, raw, content_type="application/json", **headers)


class Audit:
    """The 2015-16 and 2016-17 cycles (two standards of two questions each), the
    organisations of agency X (statutory), of agency Y (voluntary) and a school,
    X's and Y's 2016-17 drafts, and another board's cycle and submission."""

    def __init__(self, cast):
        self.before = cycle_with(cast.board, year=2015)
        self.cycle = cycle_with(cast.board, year=2016)
        self.org_x = OrganisationFactory(
            board=cast.board,
            name="Constabulary",
            agency=cast.agency_x,
            sector=Sector.STATUTORY,
        )
        self.org_y = OrganisationFactory(
            board=cast.board,
            name="Harbour Youth Trust",
            agency=cast.agency_y,
            sector=Sector.VOLUNTARY,
        )
        self.school = OrganisationFactory(board=cast.board, name="Fellside Primary")
        self.sub_x = api_submission(self.cycle, self.org_x, submitted=False)
        self.sub_y = api_submission(self.cycle, self.org_y, submitted=False)
        self.other_cycle = cycle_with(cast.other_board, year=2016)
        self.other_sub = api_submission(
            self.other_cycle,
            OrganisationFactory(board=cast.other_board, name="Southshire School"),
        )

    def questions(self, cycle=None):
        return list(
            Question.objects.filter(standard__cycle=cycle or self.cycle)
            .order_by("standard__number", "number")
            .values_list("pk", flat=True)
        )


@pytest.fixture
def audit(cast):
    return Audit(cast)


def open_cycle(cast, year=2030):
    """A cycle open today, so a contributor may still submit."""
    today = timezone.localdate()
    return cycle_with(
        cast.board,
        year=year,
        opens_on=today - timedelta(days=10),
        closes_on=today + timedelta(days=30),
    )


# Cycles and standards: everyone on the board -------------------------------------


@pytest.mark.parametrize("who", [*BOARD, *CONTRIBUTORS])
def test_everyone_on_the_board_reads_its_cycles_and_standards(cast, api, audit, who):
    client = api(cast.user(who), scope="read")
    assert ids(client.get(CYCLES)) == [audit.cycle.pk, audit.before.pk]
    assert client.get(f"{CYCLES}{audit.cycle.pk}/").status_code == 200
    standards = ids(client.get(STANDARDS))
    assert len(standards) == 4
    assert client.get(f"{STANDARDS}{standards[0]}/").status_code == 200
    for url in (
        f"{CYCLES}{audit.other_cycle.pk}/",
        f"{CYCLES}{audit.other_cycle.pk}/results/",
        f"{STANDARDS}{audit.other_cycle.standards.first().pk}/",
    ):
        assert client.get(url).status_code == 404, url


def test_another_boards_token_sees_none_of_this_boards_audits(cast, api, audit):
    client = api(cast.other_board_member, cast.other_board, scope="read")
    assert ids(client.get(CYCLES)) == [audit.other_cycle.pk]
    assert client.get(f"{CYCLES}{audit.cycle.pk}/").status_code == 404
    assert client.get(f"{CYCLES}{audit.cycle.pk}/results/").status_code == 404
    assert ids(client.get(SUBMISSIONS)) == []  # a board member reads none
    assert client.get(f"{SUBMISSIONS}{audit.sub_x.pk}/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [CYCLES, STANDARDS, SUBMISSIONS, AUDITS, RECOMMENDATIONS, f"{CYCLES}1/results/"],
)
def test_no_credentials_is_a_401(client, db, url):
    response = client.get(url)
    assert response.status_code == 401
    assert "detail" in response.json()


def test_a_cycle_is_sent_with_its_standards_and_questions(cast, api, audit):
    body = api(cast.board_member).get(f"{CYCLES}{audit.cycle.pk}/").json()
    assert (body["year"], body["opens_on"], body["closes_on"]) == (
        2016,
        "2016-12-08",
        "2017-03-13",
    )
    assert [s["number"] for s in body["standards"]] == [1, 2]
    assert [(q["code"], q["text"]) for q in body["standards"][1]["questions"]] == [
        ("2.1", "Question 2.1?"),
        ("2.2", "Question 2.2?"),
    ]
    assert body["version"] == audit.cycle.version


def test_cycles_and_standards_filter_by_year_and_cycle(cast, api, audit):
    client = api(cast.contributor_x)
    assert ids(client.get(CYCLES, {"year": 2015})) == [audit.before.pk]
    assert ids(client.get(CYCLES, {"year": 2014})) == []
    rows = client.get(STANDARDS, {"year": 2015}).json()["results"]
    assert {(r["cycle"], r["year"]) for r in rows} == {(audit.before.pk, 2015)}
    assert [len(r["questions"]) for r in rows] == [2, 2]
    by_cycle = ids(client.get(STANDARDS, {"cycle": audit.cycle.pk}))
    assert set(by_cycle) == set(audit.cycle.standards.values_list("pk", flat=True))
    for bad in ({"year": "last"}, {"year": 99999}, {"cycle": "x"}):
        response = client.get(STANDARDS, bad)
        assert response.status_code == 400
        assert set(bad) <= set(response.json())


# Submissions: who sees which ------------------------------------------------------


@pytest.mark.parametrize(
    "who, sees",
    [
        ("business_team", {"sub_x", "sub_y"}),
        ("chair", {"sub_x", "sub_y"}),
        ("board_member", set()),
        ("lay_member", set()),
        ("contributor_x", {"sub_x"}),
        ("contributor_y", {"sub_y"}),
    ],
)
def test_each_role_sees_only_the_submissions_it_may(cast, api, audit, who, sees):
    client = api(cast.user(who), scope="read")
    expected = {getattr(audit, name).pk for name in sees}
    assert set(ids(client.get(SUBMISSIONS))) == expected
    for name in ("sub_x", "sub_y", "other_sub"):
        response = client.get(f"{SUBMISSIONS}{getattr(audit, name).pk}/")
        assert response.status_code == (200 if name in sees else 404), name


def test_a_submission_is_sent_with_its_answers(cast, api, audit):
    first, second = audit.cycle.standards.get(number=1).questions.all()
    Answer.objects.create(
        submission=audit.sub_x,
        question=first,
        rating=Rating.FULLY,
        evidence="Policy of May 2016.",
        carried_forward=True,
    )
    Answer.objects.create(
        submission=audit.sub_x, question=second, rating=Rating.NOT_MET
    )
    body = api(cast.contributor_x).get(f"{SUBMISSIONS}{audit.sub_x.pk}/").json()
    assert body["organisation"] == {
        "id": audit.org_x.pk,
        "name": "Constabulary",
        "sector": "statutory",
    }
    assert (body["cycle"], body["year"], body["status"]) == (
        audit.cycle.pk,
        2016,
        "draft",
    )
    assert (body["answered"], body["carried_forward"]) == (1, 1)
    assert body["answers"] == [
        {
            "question": first.pk,
            "code": "1.1",
            "rating": "fully",
            "evidence": "Policy of May 2016.",
            "carried_forward": True,
        },
        {
            "question": second.pk,
            "code": "1.2",
            "rating": "not_met",
            "evidence": "",
            "carried_forward": False,
        },
    ]
    assert body["version"] == 1


def test_submissions_filter_by_cycle_sector_status_and_organisation(cast, api, audit):
    school = api_submission(audit.cycle, audit.school)
    client = api(cast.business_team)

    def found(**query):
        return set(ids(client.get(SUBMISSIONS, query)))

    assert found(sector="school") == {school.pk}
    assert found(status="submitted") == {school.pk}
    assert found(status="draft") == {audit.sub_x.pk, audit.sub_y.pk}
    assert found(organisation=audit.org_y.pk) == {audit.sub_y.pk}
    assert found(cycle=audit.before.pk) == set()
    assert found(year=2016) == {audit.sub_x.pk, audit.sub_y.pk, school.pk}
    assert ids(client.get(SUBMISSIONS, {"ordering": "organisation"})) == [
        audit.sub_x.pk,
        school.pk,
        audit.sub_y.pk,
    ]
    for bad in ({"sector": "church"}, {"status": "sent"}, {"ordering": "evidence"}):
        response = client.get(SUBMISSIONS, bad)
        assert response.status_code == 400
        assert set(bad) <= set(response.json())


# Starting a submission ------------------------------------------------------------


def test_a_contributor_starts_its_agencys_submission_carried_forward(cast, api, audit):
    Answer.objects.bulk_create(
        Answer(
            submission=audit.sub_x, question_id=q, rating="partially", evidence="Audit."
        )
        for q in audit.questions()
    )
    cycle = open_cycle(cast)
    body = {"cycle": cycle.pk, "organisation": audit.org_x.pk}
    response = post(api(cast.contributor_x), SUBMISSIONS, body)
    assert response.status_code == 201, response.content
    started = response.json()
    submission = Submission.objects.get(pk=started["id"])
    assert (submission.cycle, submission.organisation) == (cycle, audit.org_x)
    assert started["status"] == "draft"
    assert (started["answered"], started["carried_forward"]) == (0, 4)
    assert {
        (a["rating"], a["evidence"], a["carried_forward"]) for a in started["answers"]
    } == {("partially", "Audit.", True)}


def test_a_second_start_is_a_400_naming_the_existing_submission(cast, api, audit):
    body = {"cycle": audit.cycle.pk, "organisation": audit.org_x.pk}
    response = post(api(cast.contributor_x), SUBMISSIONS, body)
    assert response.status_code == 400, response.content
    refused = response.json()
    assert "already started its submission" in refused["organisation"][0]
    assert refused["existing"]["id"] == audit.sub_x.pk
    assert refused["existing"]["version"] == audit.sub_x.version
    assert Submission.objects.filter(organisation=audit.org_x).count() == 1


@pytest.mark.parametrize(
    "who, organisation, status, field",
    [
        ("contributor_x", "org_y", 400, "organisation"),  # another agency's
        ("contributor_x", "school", 400, "organisation"),
        ("contributor_y", "org_x", 400, "organisation"),
        ("board_member", "org_x", 403, "detail"),
        ("chair", "school", 403, "detail"),  # reads them all, writes none
    ],
)
def test_a_start_for_an_organisation_not_theirs_is_refused(
    cast, api, audit, who, organisation, status, field
):
    cycle = open_cycle(cast)
    body = {"cycle": cycle.pk, "organisation": getattr(audit, organisation).pk}
    response = post(api(cast.user(who)), SUBMISSIONS, body)
    assert response.status_code == status, response.content
    assert field in response.json()
    assert not Submission.objects.filter(cycle=cycle).exists()


def test_an_idempotent_retry_of_a_start_starts_once(cast, api, audit):
    body = {"cycle": audit.cycle.pk, "organisation": audit.school.pk}
    client = api(cast.business_team)
    first = post(client, SUBMISSIONS, body, HTTP_IDEMPOTENCY_KEY="s-1")
    again = post(client, SUBMISSIONS, body, HTTP_IDEMPOTENCY_KEY="s-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Submission.objects.filter(organisation=audit.school).count() == 1


def test_the_business_team_starts_a_schools_submission(cast, api, audit):
    body = {"cycle": audit.cycle.pk, "organisation": audit.school.pk}
    response = post(api(cast.business_team), SUBMISSIONS, body)
    assert response.status_code == 201, response.content
    assert Submission.objects.filter(organisation=audit.school).exists()


@pytest.mark.parametrize(
    "body, field, message",
    [
        ({"organisation": 1}, "cycle", "This field is required."),
        ({"cycle": "2016", "organisation": "x"}, "organisation", "valid integer"),
        ({"cycle": 2**70, "organisation": 1}, "cycle", "less than or equal"),
        ({"cycle": "other", "organisation": "org_x"}, "cycle", "No Section 11 audit"),
    ],
)
def test_a_bad_start_is_a_400_naming_the_field(cast, api, audit, body, field, message):
    named = {"other": audit.other_cycle.pk, "org_x": audit.org_x.pk}
    body = {k: named.get(v, v) if isinstance(v, str) else v for k, v in body.items()}
    response = post(api(cast.business_team), SUBMISSIONS, body)
    assert response.status_code == 400, response.content
    assert message in " ".join(response.json()[field])
    assert Submission.objects.count() == 3


# Answering ------------------------------------------------------------------------


def answers_url(submission) -> str:
    return f"{SUBMISSIONS}{submission.pk}/answers/"


def answering(submission, questions, rating="fully", version=None, **extra):
    return {
        "version": version or submission.version,
        "answers": [
            {"question": q, "rating": rating, "evidence": f"Evidence {q}.", **extra}
            for q in questions
        ],
    }


def test_a_contributor_answers_its_own_submission(cast, api, audit):
    questions = audit.questions()
    client = api(cast.contributor_x)
    response = post(client, answers_url(audit.sub_x), answering(audit.sub_x, questions))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["version"] == 1 + len(questions)  # one for each answer
    assert body["answered"] == 4
    assert {(a["rating"], a["carried_forward"]) for a in body["answers"]} == {
        ("fully", False)
    }
    changed = post(
        client,
        answers_url(audit.sub_x),
        answering(audit.sub_x, questions[:1], "not_met", version=body["version"]),
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["answers"][0]["rating"] == "not_met"
    assert Answer.objects.filter(submission=audit.sub_x).count() == 4


def test_writing_a_carried_forward_answer_confirms_it(cast, api, audit):
    first, *rest = audit.questions()
    for question in (first, *rest):
        Answer.objects.create(
            submission=audit.sub_x,
            question_id=question,
            rating=Rating.PARTIALLY,
            carried_forward=True,
        )
    body = answering(audit.sub_x, [first], "partially")
    response = post(api(cast.contributor_x), answers_url(audit.sub_x), body)
    assert response.status_code == 200
    carried = {a["question"]: a["carried_forward"] for a in response.json()["answers"]}
    assert carried == {first: False, **dict.fromkeys(rest, True)}
    assert response.json()["carried_forward"] == 3


def test_an_answer_to_a_question_not_in_the_cycle_is_a_400_saving_nothing(
    cast, api, audit
):
    mine, theirs = audit.questions()[0], audit.questions(audit.before)[0]
    body = answering(audit.sub_x, [mine, theirs])
    response = post(api(cast.contributor_x), answers_url(audit.sub_x), body)
    assert response.status_code == 400, response.content
    assert response.json() == {
        "answers": {"1": {"question": ["This question is not part of this audit."]}}
    }
    assert not Answer.objects.exists()
    audit.sub_x.refresh_from_db()
    assert audit.sub_x.version == 1


@pytest.mark.parametrize(
    "answer, field, message",
    [
        ({"rating": "mostly"}, "rating", "is not a valid choice"),
        ({"rating": None}, "rating", "may not be null"),
        ({"evidence": "x" * 4001}, "evidence", "no more than 4000 characters"),
        ({"evidence": "a\x00b"}, "evidence", "Null characters are not allowed."),
        ({"question": "one"}, "question", "A valid integer is required."),
        ({"question": 2**70}, "question", "less than or equal"),
    ],
)
def test_a_bad_answer_is_a_400_naming_its_index_and_field(
    cast, api, audit, answer, field, message
):
    questions = audit.questions()[:2]
    body = answering(audit.sub_x, questions)
    body["answers"][1].update(answer)
    response = post(api(cast.contributor_x), answers_url(audit.sub_x), body)
    assert response.status_code == 400, response.content
    errors = response.json()["answers"]
    assert list(errors) == ["1"]
    assert message in " ".join(errors["1"][field])
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    "body, field",
    [
        ('{"answers": []}', "version"),
        ('{"version": 1, "answers": []}', "answers"),
        ('{"version": "two", "answers": []}', "version"),
        ('{"version": 1}', "answers"),
        ("[1, 2]", "non_field_errors"),
        ("null", "non_field_errors"),
    ],
)
def test_a_body_that_is_no_answers_is_a_400(cast, api, audit, body, field):
    response = post(api(cast.contributor_x), answers_url(audit.sub_x), body)
    assert response.status_code == 400, response.content
    assert field in response.json()


def test_the_same_question_twice_is_a_400(cast, api, audit):
    question = audit.questions()[0]
    body = answering(audit.sub_x, [question, question])
    response = post(api(cast.contributor_x), answers_url(audit.sub_x), body)
    assert response.status_code == 400
    assert "is also item 0" in response.json()["answers"]["1"]["question"][0]


def test_a_stale_version_is_a_409_saying_who_changed_it(cast, api, audit):
    questions = audit.questions()
    client = api(cast.contributor_x)
    body = answering(audit.sub_x, questions[:1])
    assert post(client, answers_url(audit.sub_x), body).status_code == 200
    stale = post(client, answers_url(audit.sub_x), answering(audit.sub_x, questions))
    assert stale.status_code == 409
    assert "changed by" in stale.json()["detail"]
    assert Answer.objects.count() == 1


@pytest.mark.parametrize(
    "who, status",
    [
        ("chair", 403),  # reads it, may not change it
        ("contributor_y", 404),
        ("board_member", 404),
        ("lay_member", 404),
    ],
)
def test_answers_to_a_submission_not_theirs_are_refused(cast, api, audit, who, status):
    body = answering(audit.sub_x, audit.questions())
    response = post(api(cast.user(who)), answers_url(audit.sub_x), body)
    assert response.status_code == status, response.content
    assert "detail" in response.json()
    assert not Answer.objects.exists()


def test_the_business_team_answers_any_submission(cast, api, audit):
    body = answering(audit.sub_y, audit.questions())
    response = post(api(cast.business_team), answers_url(audit.sub_y), body)
    assert response.status_code == 200


def test_a_read_only_token_or_another_boards_cannot_answer(cast, api, audit):
    body = answering(audit.sub_x, audit.questions())
    read_only = api(cast.contributor_x, scope="read")
    assert post(read_only, answers_url(audit.sub_x), body).status_code == 403
    other = api(cast.other_board_member, cast.other_board)
    assert post(other, answers_url(audit.sub_x), body).status_code == 404
    assert post(other, f"{SUBMISSIONS}{2**70}/answers/", body).status_code == 404
    assert not Answer.objects.exists()


def test_an_idempotent_retry_answers_once(cast, api, audit):
    client = api(cast.contributor_x)
    body = answering(audit.sub_x, audit.questions())
    first = post(client, answers_url(audit.sub_x), body, HTTP_IDEMPOTENCY_KEY="a-1")
    again = post(client, answers_url(audit.sub_x), body, HTTP_IDEMPOTENCY_KEY="a-1")
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    audit.sub_x.refresh_from_db()
    assert audit.sub_x.version == 5
    different = answering(audit.sub_x, audit.questions(), "not_met")
    refused = post(
        client, answers_url(audit.sub_x), different, HTTP_IDEMPOTENCY_KEY="a-1"
    )
    assert refused.status_code == 422
    assert not Answer.objects.filter(rating=Rating.NOT_MET).exists()


# Submitting -----------------------------------------------------------------------


def submit_url(submission) -> str:
    return f"{SUBMISSIONS}{submission.pk}/submit/"


def answered(cast, cycle, organisation):
    return api_submission(cycle, organisation, Rating.FULLY, submitted=False)


def test_a_contributor_submits_a_complete_submission_while_open(cast, api, audit):
    submission = answered(cast, open_cycle(cast), audit.org_x)
    response = post(api(cast.contributor_x), submit_url(submission), {"version": 1})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "submitted"
    submission.refresh_from_db()
    assert (submission.status, submission.submitted_by) == (
        SubmissionStatus.SUBMITTED,
        cast.contributor_x,
    )
    again = post(api(cast.contributor_x), submit_url(submission), {"version": 2})
    assert again.status_code == 400
    assert "can no longer change" in again.json()["detail"][0]


def test_an_incomplete_submission_is_refused_saying_what_is_left(cast, api, audit):
    cycle = open_cycle(cast)
    submission = api_submission(cycle, audit.org_x, submitted=False)
    response = post(api(cast.contributor_x), submit_url(submission), {"version": 1})
    assert response.status_code == 400
    assert response.json()["detail"] == [
        "Answer the 4 questions still unanswered before submitting."
    ]
    Answer.objects.create(
        submission=submission,
        question_id=audit.questions(cycle)[0],
        rating=Rating.FULLY,
        carried_forward=True,
    )
    carried = post(api(cast.contributor_x), submit_url(submission), {"version": 1})
    assert (
        "Confirm or change the 1 answer carried forward" in carried.json()["detail"][0]
    )


def test_after_the_close_date_a_contributor_is_refused_and_the_team_accepts_late(
    cast, api, audit
):
    submission = audit.sub_x  # of the audit that closed on 13 March 2017
    Answer.objects.bulk_create(
        Answer(submission=submission, question_id=q, rating=Rating.FULLY)
        for q in audit.questions()
    )
    response = post(api(cast.contributor_x), submit_url(submission), {"version": 1})
    assert response.status_code == 400
    assert response.json()["detail"] == [
        "The audit closed on 13 March 2017: ask the business team to accept a late "
        "submission."
    ]
    team = api(cast.business_team)
    no_reason = post(team, submit_url(submission), {"version": 1})
    assert no_reason.status_code == 400
    assert "late_reason" in no_reason.json()
    late = post(
        team,
        submit_url(submission),
        {"version": 1, "late_reason": "Sent by post before the close."},
    )
    assert late.status_code == 200, late.content
    assert late.json()["late_reason"] == "Sent by post before the close."


@pytest.mark.parametrize("who, status", [("chair", 403), ("contributor_y", 404)])
def test_a_submission_not_theirs_cannot_be_submitted(cast, api, audit, who, status):
    submission = answered(cast, open_cycle(cast), audit.org_x)
    response = post(api(cast.user(who)), submit_url(submission), {"version": 1})
    assert response.status_code == status
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT


def test_a_stale_submit_is_a_409(cast, api, audit):
    submission = answered(cast, open_cycle(cast), audit.org_x)
    response = post(api(cast.contributor_x), submit_url(submission), {"version": 7})
    assert response.status_code == 409
    for bad in ({}, {"version": 0}, {"version": 1, "late_reason": "x" * 501}):
        refused = post(api(cast.contributor_x), submit_url(submission), bad)
        assert refused.status_code == 400, bad


# Results --------------------------------------------------------------------------


@pytest.fixture
def results(cast, audit):
    """2016-17: X fully met everything, the school fully met standard 1 and not
    standard 2, Y's submission excluded; 2015-16: X partially met everything."""
    Submission.objects.filter(pk__in=[audit.sub_x.pk, audit.sub_y.pk]).delete()
    api_submission(audit.cycle, audit.org_x, Rating.FULLY)
    school = api_submission(audit.cycle, audit.school, Rating.FULLY)
    school.answers.filter(question__standard__number=2).update(rating=Rating.NOT_MET)
    api_submission(
        audit.cycle,
        audit.org_y,
        Rating.NOT_MET,
        exclusion="duplicate",
        exclusion_reason="Sent twice.",
    )
    api_submission(audit.before, audit.org_x, Rating.PARTIALLY)
    return audit


def by_number(body):
    return {s["number"]: s for s in body["standards"]}


@pytest.mark.parametrize("who", [*BOARD, *CONTRIBUTORS])
def test_everyone_on_the_board_reads_the_results(cast, api, results, who):
    response = api(cast.user(who), scope="read").get(
        f"{CYCLES}{results.cycle.pk}/results/"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["cycle"] == {"id": results.cycle.pk, "year": 2016}
    assert body["previous_cycle"] == {"id": results.before.pk, "year": 2015}
    assert (body["valid_submissions"], body["previous_valid_submissions"]) == (2, 1)
    standards = by_number(body)
    assert (standards[1]["fully_met"], standards[1]["applies"]) == (2, 2)
    assert (standards[1]["percent"], standards[2]["percent"]) == (100, 50)
    assert (standards[1]["previous_percent"], standards[1]["change"]) == (0, 100)
    assert [(q["code"], q["percent"]) for q in standards[2]["questions"]] == [
        ("2.1", 50),
        ("2.2", 50),
    ]


def test_results_by_sector_compare_the_same_sector_last_year(cast, api, results):
    client = api(cast.board_member)
    url = f"{CYCLES}{results.cycle.pk}/results/"
    schools = client.get(url, {"sector": "school"}).json()
    assert (schools["sector"], schools["valid_submissions"]) == ("school", 1)
    assert by_number(schools)[2]["percent"] == 0
    assert by_number(schools)[2]["previous_percent"] is None  # no school last year
    statutory = client.get(url, {"sector": "statutory"}).json()
    assert by_number(statutory)[2]["change"] == 100
    response = client.get(url, {"sector": "church"})
    assert response.status_code == 400
    assert "sector" in response.json()


def test_results_over_no_valid_submission_are_no_data(cast, api, audit):
    body = api(cast.board_member).get(f"{CYCLES}{audit.before.pk}/results/").json()
    assert body["valid_submissions"] == 0
    assert body["previous_cycle"] is None
    for standard in body["standards"]:
        assert (standard["percent"], standard["previous_percent"]) == (None, None)
        assert standard["change"] is None
        assert {q["percent"] for q in standard["questions"]} == {None}
    empty = Section11Cycle.objects.create(
        board=cast.board,
        year=2017,
        opens_on=date(2017, 12, 1),
        closes_on=date(2018, 3, 1),
    )
    response = api(cast.board_member).get(f"{CYCLES}{empty.pk}/results/")
    assert response.status_code == 200
    assert response.json()["standards"] == []


# Case audits ----------------------------------------------------------------------


@pytest.fixture
def case_audit(cast):
    """The domestic abuse audit of January 2017: 4 cases (3 requires improvement,
    1 good), one recommendation for agency X and one for agency Y."""
    audit = api_case_audit(
        cast.board,
        good_practice="Timely reporting of incidents.",
        areas_for_improvement="Information sharing was missed.",
    )
    for case, grading in [
        ("Case 1", Grading.REQUIRES_IMPROVEMENT),
        ("Case 2", Grading.GOOD),
        ("Case 3", Grading.REQUIRES_IMPROVEMENT),
        ("Case 4", Grading.REQUIRES_IMPROVEMENT),
    ]:
        CaseAuditGrading.objects.create(audit=audit, case=case, grading=grading)
    api_recommendation(audit, cast.agency_x)
    api_recommendation(audit, cast.agency_y)
    return audit


@pytest.mark.parametrize("who", [*BOARD, *CONTRIBUTORS])
def test_everyone_on_the_board_reads_case_audits(cast, api, case_audit, who):
    other = api_case_audit(cast.other_board, theme="Neglect")
    client = api(cast.user(who), scope="read")
    assert ids(client.get(AUDITS)) == [case_audit.pk]
    body = client.get(f"{AUDITS}{case_audit.pk}/").json()
    assert (body["theme"], body["audited_on"], body["cases_audited"]) == (
        "Domestic abuse",
        "2017-01-20",
        4,
    )
    assert body["gradings_summary"] == "3 requires improvement, 1 good"
    assert body["gradings"][1] == {"case": "Case 2", "grading": "good"}
    assert body["good_practice"] == "Timely reporting of incidents."
    assert body["areas_for_improvement"] == "Information sharing was missed."
    recommendations = [
        (r["number"], r["owner_agency"], r["status"], r["rag"])
        for r in body["recommendations"]
    ]
    assert recommendations == [
        (1, cast.agency_x.pk, "not_started", ""),
        (2, cast.agency_y.pk, "not_started", ""),
    ]
    assert len(ids(client.get(RECOMMENDATIONS))) == 2
    assert client.get(f"{AUDITS}{other.pk}/").status_code == 404
    other_rec = api_recommendation(other, cast.other_board.agencies.first())
    assert client.get(f"{RECOMMENDATIONS}{other_rec.pk}/").status_code == 404


def test_case_audits_and_recommendations_filter(cast, api, case_audit):
    later = api_case_audit(cast.board, theme="Neglect", audited_on=date(2017, 6, 1))
    client = api(cast.business_team)
    assert ids(client.get(AUDITS, {"year": 2016})) == [case_audit.pk]
    assert ids(client.get(AUDITS, {"year": 2017})) == [later.pk]
    x_rec = case_audit.recommendations.get(number=1)
    assert ids(client.get(RECOMMENDATIONS, {"agency": cast.agency_x.pk})) == [x_rec.pk]
    assert ids(client.get(RECOMMENDATIONS, {"audit": later.pk})) == []
    assert ids(client.get(RECOMMENDATIONS, {"status": "complete"})) == []
    assert client.get(AUDITS, {"year": "then"}).status_code == 400


# Recommendation progress ----------------------------------------------------------


def progress_url(recommendation) -> str:
    return f"{RECOMMENDATIONS}{recommendation.pk}/progress/"


def progress(recommendation, **changes):
    return {
        "status": "in_progress",
        "rag": "G",
        "evidence": "",
        "version": recommendation.version,
        **changes,
    }


def test_the_owning_agency_records_progress(cast, api, case_audit):
    rec = case_audit.recommendations.get(owner_agency=cast.agency_x)
    client = api(cast.contributor_x)
    response = post(client, progress_url(rec), progress(rec))
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["rag"], body["version"]) == ("in_progress", "G", 2)
    done = post(
        client,
        progress_url(rec),
        progress(rec, status="complete", evidence="Audit of 20 cases.", version=2),
    )
    assert done.status_code == 200, done.content
    assert (done.json()["status"], done.json()["rag"]) == ("complete", "C")
    assert done.json()["is_open"] is False
    rec.refresh_from_db()
    assert (rec.status, rec.evidence) == (
        RecommendationStatus.COMPLETE,
        "Audit of 20 cases.",
    )


def test_the_business_team_records_progress_on_any_recommendation(
    cast, api, case_audit
):
    rec = case_audit.recommendations.get(owner_agency=cast.agency_y)
    response = post(api(cast.business_team), progress_url(rec), progress(rec))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "who, status",
    [
        ("contributor_y", 403),  # sees the audit, does not own the recommendation
        ("board_member", 403),
        ("chair", 403),
        ("lay_member", 403),
    ],
)
def test_progress_on_a_recommendation_not_theirs_is_refused(
    cast, api, case_audit, who, status
):
    rec = case_audit.recommendations.get(owner_agency=cast.agency_x)
    response = post(api(cast.user(who)), progress_url(rec), progress(rec))
    assert response.status_code == status
    assert "detail" in response.json()
    rec.refresh_from_db()
    assert rec.version == 1


def test_another_boards_token_or_a_read_only_one_records_no_progress(
    cast, api, case_audit
):
    rec = case_audit.recommendations.get(owner_agency=cast.agency_x)
    other = api(cast.other_board_member, cast.other_board)
    assert post(other, progress_url(rec), progress(rec)).status_code == 404
    read_only = api(cast.contributor_x, scope="read")
    assert post(read_only, progress_url(rec), progress(rec)).status_code == 403
    rec.refresh_from_db()
    assert rec.version == 1


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"status": "finished"}, "status", "is not a valid choice"),
        ({"rag": "P"}, "rag", "is not a valid choice"),
        ({"status": "complete", "evidence": ""}, "evidence", "Describe the evidence"),
        ({"status": "in_progress", "rag": "C"}, "rag", "Only a complete"),
        ({"version": "two"}, "version", "A valid integer is required."),
        ({"evidence": "x" * 4001}, "evidence", "no more than 4000 characters"),
    ],
)
def test_bad_progress_is_a_400_naming_the_field(
    cast, api, case_audit, changes, field, message
):
    rec = case_audit.recommendations.get(owner_agency=cast.agency_x)
    body = progress(rec, **changes)
    response = post(api(cast.contributor_x), progress_url(rec), body)
    assert response.status_code == 400, response.content
    assert message in " ".join(response.json()[field])
    rec.refresh_from_db()
    assert rec.version == 1


def test_stale_progress_is_a_409_and_a_retry_is_done_once(cast, api, case_audit):
    rec = case_audit.recommendations.get(owner_agency=cast.agency_x)
    client = api(cast.contributor_x)
    first = post(client, progress_url(rec), progress(rec), HTTP_IDEMPOTENCY_KEY="p-1")
    again = post(client, progress_url(rec), progress(rec), HTTP_IDEMPOTENCY_KEY="p-1")
    assert first.status_code == again.status_code == 200
    assert again["Idempotent-Replayed"] == "true"
    stale = post(client, progress_url(rec), progress(rec, rag="A"))
    assert stale.status_code == 409
    assert "changed by" in stale.json()["detail"]
    rec.refresh_from_db()
    assert (rec.rag, rec.version) == ("G", 2)


# Query budgets --------------------------------------------------------------------


def grow(cast, audit, size):
    """`size` more schools answering 2016-17 (and the contributor's agency's
    organisations), case audits with gradings and recommendations, cycles."""
    for n in range(size):
        school = OrganisationFactory(board=cast.board)
        api_submission(audit.cycle, school, Rating.FULLY)
        mine = OrganisationFactory(board=cast.board, agency=cast.agency_x)
        api_submission(audit.cycle, mine, Rating.PARTIALLY, submitted=False)
        case_audit = api_case_audit(cast.board, theme=f"Theme {n}")
        CaseAuditGrading.objects.create(
            audit=case_audit, case="Case 1", grading=Grading.GOOD
        )
        api_recommendation(case_audit, cast.agency_x)
    first = Section11Cycle.objects.filter(board=cast.board).order_by("year").first()
    for n in range(size):
        cycle_with(cast.board, year=first.year - n - 1, questions=size)


@pytest.mark.parametrize(
    "url, who, budget",
    [
        (CYCLES, "board_member", 7),
        (STANDARDS, "board_member", 7),
        (SUBMISSIONS, "business_team", 7),
        (SUBMISSIONS, "contributor_x", 7),
        (AUDITS, "lay_member", 8),
        (RECOMMENDATIONS, "contributor_y", 6),
    ],
)
def test_lists_run_a_constant_number_of_queries(
    cast, api, audit, django_assert_max_num_queries, url, who, budget
):
    client = api(cast.user(who), scope="read")
    for size in (2, 12):
        grow(cast, audit, size)
        with django_assert_max_num_queries(budget):
            assert len(ids(client.get(url, {"page_size": 200}))) >= size


def test_five_hundred_submissions_list_and_count_in_the_same_queries(
    cast, api, audit, django_assert_max_num_queries
):
    client = api(cast.business_team, scope="read")
    for total in (50, 500):
        already = Submission.objects.filter(cycle=audit.cycle).count()
        organisations = [
            OrganisationFactory.build(board=cast.board, name=f"School {n}")
            for n in range(already, total)
        ]
        created = Organisation.objects.bulk_create(organisations)
        Submission.objects.bulk_create(
            Submission(
                cycle=audit.cycle,
                organisation=o,
                status=SubmissionStatus.SUBMITTED,
                submitted_at=timezone.now(),
            )
            for o in created
        )
        Answer.objects.bulk_create(
            Answer(submission=s, question_id=q, rating=Rating.FULLY)
            for s in Submission.objects.filter(organisation__in=created)
            for q in audit.questions()
        )
        with django_assert_max_num_queries(7):
            page = client.get(SUBMISSIONS, {"page_size": 200}).json()
        assert page["count"] == total
        assert {r["answered"] for r in page["results"]} <= {0, 4}
        with django_assert_max_num_queries(12):
            results = client.get(f"{CYCLES}{audit.cycle.pk}/results/").json()
        assert results["valid_submissions"] == total - 2  # the two drafts


def test_a_submission_and_the_results_run_a_constant_number_of_queries(
    cast, api, audit, django_assert_max_num_queries
):
    client = api(cast.contributor_x, scope="read")
    for questions in (2, 20):
        cycle = cycle_with(
            cast.board, year=2000 + questions, standards=3, questions=questions
        )
        submission = api_submission(cycle, audit.org_x, Rating.FULLY)
        with django_assert_max_num_queries(7):
            body = client.get(f"{SUBMISSIONS}{submission.pk}/").json()
        assert len(body["answers"]) == 3 * questions
        with django_assert_max_num_queries(12):
            assert client.get(f"{CYCLES}{cycle.pk}/results/").status_code == 200


# The schema -----------------------------------------------------------------------


def test_schema_generates_without_warnings(tmp_path, settings):
    settings.DEBUG = True
    target = tmp_path / "schema.yml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(target))
    text = target.read_text()
    for path in (
        "/api/v1/section-11-cycles/",
        "/api/v1/section-11-cycles/{id}/",
        "/api/v1/section-11-cycles/{id}/results/",
        "/api/v1/section-11-standards/",
        "/api/v1/section-11-submissions/",
        "/api/v1/section-11-submissions/{id}/",
        "/api/v1/section-11-submissions/{id}/answers/",
        "/api/v1/section-11-submissions/{id}/submit/",
        "/api/v1/case-audits/",
        "/api/v1/case-audit-recommendations/{id}/progress/",
    ):
        assert f"{path}:" in text
