"""Completing a Section 11 submission in the browser: starting it (once), the task
list, a question page per standard saved at each step, carried-forward answers
confirmed, "Check your answers" and submitting (refused while incomplete, accepted
late only by the business team), read-only once submitted, and who may see it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audits import services
from audits.models import Answer, Rating, Sector, Submission, SubmissionStatus
from tests.audits.factories import OrganisationFactory, cycle_with

pytestmark = pytest.mark.django_db

F, P, N, NA = Rating.FULLY, Rating.PARTIALLY, Rating.NOT_MET, Rating.NOT_APPLICABLE


def today():
    return timezone.localdate()


def open_cycle(board, *, standards=2, questions=2, year=2016):
    return cycle_with(
        board,
        year=year,
        standards=standards,
        questions=questions,
        opens_on=today() - timedelta(days=1),
        closes_on=today() + timedelta(days=30),
    )


def closed_cycle(board, *, standards=2, questions=2, year=2015):
    return cycle_with(
        board,
        year=year,
        standards=standards,
        questions=questions,
        opens_on=today() - timedelta(days=400),
        closes_on=today() - timedelta(days=300),
    )


def questions_of(cycle):
    return [
        q
        for s in cycle.standards.prefetch_related("questions")
        for q in s.questions.all()
    ]


def mine_url(board):
    return reverse("audits:my-submissions", args=[board.slug])


def task_url(submission):
    return reverse(
        "audits:submission", args=[submission.cycle.board.slug, submission.pk]
    )


def standard_url(submission, number):
    return reverse(
        "audits:submission-standard",
        args=[submission.cycle.board.slug, submission.pk, number],
    )


def check_url(submission):
    return reverse(
        "audits:submission-check", args=[submission.cycle.board.slug, submission.pk]
    )


def evidence_url(submission):
    return reverse(
        "audits:submission-evidence",
        args=[submission.cycle.board.slug, submission.pk],
    )


def answers_post(submission, questions, ratings, evidence=None, version=None):
    data = {"version": submission.version if version is None else version}
    for i, (question, rating) in enumerate(zip(questions, ratings, strict=True)):
        if rating:
            data[f"q{question.pk}-rating"] = rating
        data[f"q{question.pk}-evidence"] = (evidence or {}).get(i, "")
    return data


@pytest.fixture
def org_x(cast):
    return OrganisationFactory(
        board=cast.board,
        name="Northshire Constabulary",
        sector=Sector.STATUTORY,
        agency=cast.agency_x,
    )


@pytest.fixture
def org_y(cast):
    return OrganisationFactory(
        board=cast.board,
        name="Northshire Voluntary Sector",
        sector=Sector.VOLUNTARY,
        agency=cast.agency_y,
    )


@pytest.fixture
def cycle(cast):
    return open_cycle(cast.board)


@pytest.fixture
def draft(cast, cycle, org_x):
    return services.submission_start(
        cycle=cycle, organisation=org_x, user=cast.contributor_x
    )


@pytest.fixture
def carried(cast, org_x):
    """A 2016 draft started from org_x's submitted 2015 answers (all carried)."""
    old = closed_cycle(cast.board)
    previous = services.submission_start(
        cycle=old, organisation=org_x, user=cast.business_team
    )
    for question, rating in zip(questions_of(old), [F, P, N, F], strict=True):
        services.answer_record(
            submission=previous,
            user=cast.business_team,
            question=question,
            rating=rating,
            evidence=f"Evidence for {question.code} in 2015",
        )
    services.submission_submit(
        submission=previous,
        user=cast.business_team,
        late_reason="Entered from the 2015 spreadsheet",
        may_accept_late=True,
    )
    new = open_cycle(cast.board)
    return services.submission_start(
        cycle=new, organisation=org_x, user=cast.contributor_x
    )


# Starting -------------------------------------------------------------------------


def test_contributor_sees_the_open_cycle_and_starts_its_agencys_submission(
    cast, as_user, cycle, org_x, org_y
):
    client = as_user(cast.contributor_x)
    page = client.get(mine_url(cast.board)).content.decode()
    assert "Section 11 audit 2016-17" in page
    assert "Northshire Constabulary" in page
    assert "Start your submission" in page
    assert "Northshire Voluntary Sector" not in page

    response = client.post(
        mine_url(cast.board), {"cycle": cycle.pk, "organisation": org_x.pk}
    )
    submission = Submission.objects.get(cycle=cycle, organisation=org_x)
    assert response.status_code == 302
    assert response["Location"] == task_url(submission)
    assert submission.status == SubmissionStatus.DRAFT

    page = client.get(mine_url(cast.board)).content.decode()
    assert "Continue" in page
    assert "Start your submission" not in page


def test_a_second_start_goes_to_the_existing_submission_with_a_message(
    cast, as_user, cycle, org_x, draft
):
    client = as_user(cast.contributor_x)
    response = client.post(
        mine_url(cast.board),
        {"cycle": cycle.pk, "organisation": org_x.pk},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == task_url(draft)
    assert "has already started its submission" in response.content.decode()
    assert Submission.objects.filter(cycle=cycle).count() == 1


def test_contributor_cannot_start_another_agencys_submission(
    cast, as_user, cycle, org_x, org_y
):
    response = as_user(cast.contributor_x).post(
        mine_url(cast.board), {"cycle": cycle.pk, "organisation": org_y.pk}
    )
    assert response.status_code == 200
    assert "Select an organisation from the list" in response.content.decode()
    assert not Submission.objects.exists()


def test_business_team_starts_a_submission_for_any_organisation(
    cast, as_user, cycle, org_y
):
    client = as_user(cast.business_team)
    page = client.get(mine_url(cast.board)).content.decode()
    assert "Start or continue a submission" in page
    assert "Northshire Voluntary Sector" in page  # in the choice
    response = client.post(
        mine_url(cast.board), {"cycle": cycle.pk, "organisation": org_y.pk}
    )
    assert response.status_code == 302
    assert Submission.objects.get(organisation=org_y).cycle == cycle


def test_a_board_member_answers_for_nothing_and_may_not_start(
    cast, as_user, cycle, org_x
):
    client = as_user(cast.board_member)
    page = client.get(mine_url(cast.board)).content.decode()
    assert "do not answer the Section 11 audit for any organisation" in page
    assert "Start your submission" not in page
    response = client.post(
        mine_url(cast.board), {"cycle": cycle.pk, "organisation": org_x.pk}
    )
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_a_closed_cycle_is_not_offered(cast, as_user, org_x):
    old = closed_cycle(cast.board)
    client = as_user(cast.contributor_x)
    page = client.get(mine_url(cast.board)).content.decode()
    assert "No Section 11 audit is open today" in page
    response = client.post(
        mine_url(cast.board), {"cycle": old.pk, "organisation": org_x.pk}
    )
    assert response.status_code == 200
    assert not Submission.objects.exists()


# The task list and the question pages -----------------------------------------------


def test_task_list_shows_each_standard_with_its_status(cast, as_user, draft):
    first = questions_of(draft.cycle)[:2]
    for question in first:
        services.answer_record(
            submission=draft, user=cast.contributor_x, question=question, rating=F
        )
    response = as_user(cast.contributor_x).get(task_url(draft))
    tasks = response.context["tasks"]
    assert [t["status"] for t in tasks] == ["Completed", "Not started"]
    page = response.content.decode()
    assert 'class="govuk-task-list"' in page
    assert standard_url(draft, 2) in page


def test_standard_page_saves_each_answer_and_continues(cast, as_user, draft):
    questions = questions_of(draft.cycle)[:2]
    client = as_user(cast.contributor_x)
    page = client.get(standard_url(draft, 1)).content.decode()
    # Two standards, then the evidence files, the actions and "Check your answers".
    assert '<span class="govuk-caption-l">Step 1 of 5 – Northshire Constabulary' in page
    assert "Fully met" in page and "Not applicable" in page

    response = client.post(
        standard_url(draft, 1),
        answers_post(draft, questions, [F, P], {1: "Supervision policy of 2016"}),
    )
    assert response.status_code == 302
    assert response["Location"] == standard_url(draft, 2)
    answers = {a.question_id: a for a in draft.answers.all()}
    assert answers[questions[0].pk].rating == F
    assert answers[questions[1].pk].rating == P
    assert answers[questions[1].pk].evidence == "Supervision policy of 2016"
    draft.refresh_from_db()
    assert draft.version == 3  # one versioned write per question

    last = questions_of(draft.cycle)[2:]
    response = client.post(standard_url(draft, 2), answers_post(draft, last, [N, NA]))
    # After the last standard: the evidence files, then the actions, then check.
    assert response["Location"] == evidence_url(draft)


def test_an_unanswered_question_is_warned_of_before_anything_is_saved(
    cast, as_user, draft
):
    questions = questions_of(draft.cycle)[:2]
    client = as_user(cast.contributor_x)
    post = answers_post(draft, questions, [F, None], {0: "Policy of 2016"})
    response = client.post(standard_url(draft, 1), post)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" not in page
    assert f"You have not answered {questions[1].code}. Save anyway?" in page
    assert "<title>Warning: " in page
    assert 'name="save_anyway" value="on"' in page
    # Nothing is lost: the page shows what was entered, and nothing is saved.
    assert response.context["form"][f"q{questions[0].pk}-rating"].value() == F
    assert "Policy of 2016" in page
    assert not draft.answers.exists()

    response = client.post(standard_url(draft, 1), {**post, "save_anyway": "on"})
    assert response.status_code == 302
    assert response["Location"] == standard_url(draft, 2)
    answer = draft.answers.get()
    assert (answer.question, answer.rating) == (questions[0], F)
    task = client.get(task_url(draft)).context["tasks"][0]
    assert task["status"] == "In progress"


def test_answering_every_question_saves_without_a_warning(cast, as_user, draft):
    questions = questions_of(draft.cycle)[:2]
    response = as_user(cast.contributor_x).post(
        standard_url(draft, 1), answers_post(draft, questions, [F, NA])
    )
    assert response.status_code == 302
    assert draft.answers.count() == 2


def test_a_page_left_empty_and_saved_anyway_saves_nothing(cast, as_user, draft):
    questions = questions_of(draft.cycle)[:2]
    client = as_user(cast.contributor_x)
    post = answers_post(draft, questions, [None, None])
    warned = client.post(standard_url(draft, 1), post).content.decode()
    codes = f"{questions[0].code} and {questions[1].code}"
    assert f"You have not answered {codes}. Save anyway?" in warned
    response = client.post(standard_url(draft, 1), {**post, "save_anyway": "on"})
    assert response["Location"] == standard_url(draft, 2)
    assert not draft.answers.exists()


def test_a_rating_outside_the_scale_is_refused_and_nothing_is_saved(
    cast, as_user, draft
):
    questions = questions_of(draft.cycle)[:2]
    response = as_user(cast.contributor_x).post(
        standard_url(draft, 1),
        {**answers_post(draft, questions, [F, "excellent"]), "save_anyway": "on"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Select whether the question is met" in page
    assert f'href="#id_q{questions[1].pk}-rating_0"' in page
    assert not draft.answers.exists()


def test_every_page_of_the_flow_shows_its_step(cast, as_user, draft):
    client = as_user(cast.contributor_x)
    for url, step in [
        (standard_url(draft, 2), 2),
        (evidence_url(draft), 3),
        (reverse("audits:submission-actions", args=[cast.board.slug, draft.pk]), 4),
        (check_url(draft), 5),
    ]:
        page = client.get(url).content.decode()
        assert f"Step {step} of 5 – Northshire Constabulary" in page, url
    # Off the flow (the task list), no step is shown.
    assert "Step " not in client.get(task_url(draft)).content.decode()


def test_evidence_too_long_is_refused(cast, as_user, draft):
    questions = questions_of(draft.cycle)[:2]
    response = as_user(cast.contributor_x).post(
        standard_url(draft, 1), answers_post(draft, questions, [F, F], {0: "x" * 4001})
    )
    assert response.status_code == 200
    assert "must be 4,000 characters or fewer" in response.content.decode()
    assert not draft.answers.exists()


def test_a_stale_page_names_who_changed_the_submission(cast, as_user, draft):
    questions = questions_of(draft.cycle)
    services.answer_record(
        submission=draft, user=cast.business_team, question=questions[3], rating=F
    )
    response = as_user(cast.contributor_x).post(
        standard_url(draft, 1), answers_post(draft, questions[:2], [F, F], version=1)
    )
    assert response.status_code == 409
    assert "changed by" in response.content.decode()
    assert draft.answers.count() == 1


def test_a_standard_not_in_the_cycle_is_404(cast, as_user, draft):
    assert as_user(cast.contributor_x).get(standard_url(draft, 7)).status_code == 404


# Carried forward --------------------------------------------------------------------


def test_carried_forward_answers_are_prefilled_tagged_and_confirmed(
    cast, as_user, carried
):
    client = as_user(cast.contributor_x)
    tasks = client.get(task_url(carried)).context["tasks"]
    assert [t["status"] for t in tasks] == ["Carried forward – check"] * 2

    response = client.get(standard_url(carried, 1))
    page = response.content.decode()
    assert "Carried forward from 2015-16 – check and confirm" in page
    questions = questions_of(carried.cycle)[:2]
    form = response.context["form"]
    assert form.initial[f"q{questions[0].pk}-rating"] == F
    assert form.initial[f"q{questions[1].pk}-evidence"] == "Evidence for 1.2 in 2015"
    assert f'value="{P}" checked' in page

    # Confirmed as they were (the pre-filled values posted back).
    client.post(
        standard_url(carried, 1),
        answers_post(carried, questions, [F, P], {1: "Evidence for 1.2 in 2015"}),
    )
    confirmed = Answer.objects.filter(submission=carried, question__in=questions)
    assert [a.carried_forward for a in confirmed] == [False, False]
    assert [a.rating for a in confirmed] == [F, P]
    tasks = client.get(task_url(carried)).context["tasks"]
    assert [t["status"] for t in tasks] == ["Completed", "Carried forward – check"]


# Check your answers and submit ------------------------------------------------------


def answer_all(submission, user, rating=F):
    for question in questions_of(submission.cycle):
        services.answer_record(
            submission=submission, user=user, question=question, rating=rating
        )
    submission.refresh_from_db()


def test_check_page_lists_every_answer_with_change_links(cast, as_user, draft):
    answer_all(draft, cast.contributor_x)
    page = as_user(cast.contributor_x).get(check_url(draft)).content.decode()
    assert "Check your answers" in page
    assert page.count("Fully met") == 4
    assert standard_url(draft, 1) in page and standard_url(draft, 2) in page
    assert "Submit" in page


def test_submit_is_refused_while_incomplete(cast, as_user, draft):
    response = as_user(cast.contributor_x).post(
        check_url(draft), {"version": draft.version}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Answer the 4 questions still unanswered" in page
    draft.refresh_from_db()
    assert draft.status == SubmissionStatus.DRAFT


def test_submit_is_refused_while_carried_forward_answers_are_unconfirmed(
    cast, as_user, carried
):
    response = as_user(cast.contributor_x).post(
        check_url(carried), {"version": carried.version}
    )
    assert "Confirm or change the 4 answers carried forward" in (
        response.content.decode()
    )
    carried.refresh_from_db()
    assert carried.status == SubmissionStatus.DRAFT


def test_contributor_submits_and_the_submission_becomes_read_only(cast, as_user, draft):
    answer_all(draft, cast.contributor_x)
    client = as_user(cast.contributor_x)
    response = client.post(check_url(draft), {"version": draft.version}, follow=True)
    assert "Submission for Northshire Constabulary sent." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == SubmissionStatus.SUBMITTED
    assert draft.submitted_by == cast.contributor_x

    check = client.get(check_url(draft)).content.decode()
    assert "Change" not in check
    assert ">Submit</button>" not in check
    standard = client.get(standard_url(draft, 1)).content.decode()
    assert "Save and continue" not in standard
    assert "Fully met" in standard
    questions = questions_of(draft.cycle)[:2]
    response = client.post(
        standard_url(draft, 1), answers_post(draft, questions, [N, N])
    )
    assert response.status_code == 403
    assert client.post(check_url(draft), {"version": draft.version}).status_code == 403


def test_after_the_close_date_a_contributor_is_refused(cast, as_user, draft):
    answer_all(draft, cast.contributor_x)
    cycle = draft.cycle
    cycle.opens_on = today() - timedelta(days=60)
    cycle.closes_on = today() - timedelta(days=1)
    cycle.save()
    page = as_user(cast.contributor_x).get(check_url(draft)).content.decode()
    assert "late_reason" not in page
    response = as_user(cast.contributor_x).post(
        check_url(draft), {"version": draft.version}
    )
    assert "ask the business team to accept a late submission" in (
        response.content.decode()
    )
    draft.refresh_from_db()
    assert draft.status == SubmissionStatus.DRAFT


def test_business_team_accepts_a_late_submission_with_a_reason(cast, as_user, draft):
    answer_all(draft, cast.contributor_x)
    cycle = draft.cycle
    cycle.opens_on = today() - timedelta(days=60)
    cycle.closes_on = today() - timedelta(days=1)
    cycle.save()
    client = as_user(cast.business_team)
    assert 'name="late_reason"' in client.get(check_url(draft)).content.decode()

    response = client.post(check_url(draft), {"version": draft.version})
    assert "Enter why a submission after the close date is accepted" in (
        response.content.decode()
    )
    response = client.post(
        check_url(draft),
        {"version": draft.version, "late_reason": "Delayed by an inspection"},
        follow=True,
    )
    assert "Late submission for Northshire Constabulary accepted." in (
        response.content.decode()
    )
    draft.refresh_from_db()
    assert draft.status == SubmissionStatus.SUBMITTED
    assert draft.late_reason == "Delayed by an inspection"


# Who may see it ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "who, status",
    [
        ("contributor_x", 200),
        ("business_team", 200),
        ("chair", 200),
        ("contributor_y", 404),
        ("board_member", 404),
        ("lay_member", 404),
        ("other_board_member", 404),
    ],
)
def test_who_may_open_a_submission(cast, as_user, draft, who, status):
    client = as_user(cast.user(who))
    for url in (task_url(draft), standard_url(draft, 1), check_url(draft)):
        assert client.get(url).status_code == status, url


def test_the_chair_reads_a_draft_but_may_not_change_it(cast, as_user, draft):
    client = as_user(cast.chair)
    assert (
        "Save and continue" not in client.get(standard_url(draft, 1)).content.decode()
    )
    questions = questions_of(draft.cycle)[:2]
    response = client.post(
        standard_url(draft, 1), answers_post(draft, questions, [F, F])
    )
    assert response.status_code == 403
    assert not draft.answers.exists()


def test_contributor_y_gets_404_when_posting_to_x_submission(cast, as_user, draft):
    questions = questions_of(draft.cycle)[:2]
    client = as_user(cast.contributor_y)
    response = client.post(
        standard_url(draft, 1), answers_post(draft, questions, [F, F])
    )
    assert response.status_code == 404
    assert client.post(check_url(draft), {"version": 1}).status_code == 404
    assert not draft.answers.exists()


# Query budgets ----------------------------------------------------------------------

# Session, user, board, memberships, then the submission, its standards and
# questions, its answers, its evidence files and its actions: the same at 9 × 2
# and 9 × 6 questions (and 1 or 3 actions).
BUDGET = 12


@pytest.mark.parametrize("who", ["contributor_x", "business_team"])
@pytest.mark.parametrize("questions", [2, 6])
def test_submission_pages_run_bounded_queries(
    cast, as_user, org_x, questions, who, django_assert_max_num_queries
):
    cycle = open_cycle(cast.board, standards=9, questions=questions)
    submission = services.submission_start(
        cycle=cycle, organisation=org_x, user=cast.contributor_x
    )
    answer_all(submission, cast.contributor_x, rating=P)
    for n in range(1 if questions == 2 else 3):
        services.action_add(
            submission=submission,
            user=cast.contributor_x,
            text=f"Action {n}",
            owner="Lead",
            due_date=today(),
            standard=submission.cycle.standards.get(number=n + 1),
        )
    client = as_user(cast.user(who))
    client.get(mine_url(cast.board))  # warm the session
    for url in (
        mine_url(cast.board),
        task_url(submission),
        standard_url(submission, 5),
        evidence_url(submission),
        reverse("audits:submission-actions", args=[cast.board.slug, submission.pk]),
        check_url(submission),
    ):
        with django_assert_max_num_queries(BUDGET):
            response = client.get(url)
        assert response.status_code == 200, url
    assert len(response.context["sections"]) == 9
