"""The case reviews of the annual report 2016-17 (texts and dates in data.py).

- The five legacy serious case reviews published in 2016-17 (Child N, L, AC, R
  and O): scope, period examined, the child's story and the numbered lessons
  verbatim from the report, each lesson tagged with learning themes. Their
  lifecycle before publication (referral, the Case Review Group's decision, the
  commission and its reviewer, the draft) is invented; the reviewers' names are
  fictitious. Each is published on the report's date with the LSCB's link.
- The four practice reviews of 2016-17 (Child AB, AD, MW and SR). The report gives
  only their combined learning; each heading is a lesson of one of them, and which
  one is illustrative. Child AD was completed as an SCR and re-categorised to a
  practice review, so its events and history keep the earlier type; the others
  were decided "criteria not met, but there could be learning".
- Action plans, their progress updates, the dissemination dates and the agencies'
  assurance answers are illustrative: the report says they exist, not what they
  say. Items are owned by the demo's agencies; the demo agency contributor's agency
  (Cumbria Constabulary) owns open items to update, and two items are overdue at
  31 March 2017. Some items are linked to the 2016-19 business plan actions that
  carry them out.
- The review settings name the Case Review Subgroup and the Child Death Overview
  Panel; the demo subgroup chair sits on the Case Review Group, so that role can
  open restricted reviews.

Writes go through reviews.services, so events, versions and history are real.
Learning themes and lessons have no service in this app yet: they are written
with the ORM here, saving only what differs, so a second load adds no history.
Idempotent: a second load changes no row."""

from datetime import timedelta

from django.db import transaction

from boards.models import Agency, Membership, Role
from business_plan.models import Action
from subgroups.demo import DEMO_CHAIRED
from subgroups.models import Subgroup

from .. import services
from ..models import (
    ActionItem,
    CaseReview,
    DisseminationKind,
    LearningTheme,
    Lesson,
    ReviewEvent,
    ReviewSettings,
    ReviewType,
    Stage,
)
from . import data, theme_links

CASE_REVIEW_GROUP = "Case Review Subgroup"
CHILD_DEATH_PANEL = "Child Death Overview Panel"


def _set_if_changed(instance, user=None, **values) -> None:
    """Save `instance` with `values` only if one of them differs (history rows are
    written on every save)."""
    changed = [f for f, v in values.items() if getattr(instance, f) != v]
    if changed or instance.pk is None:
        for field, value in values.items():
            setattr(instance, field, value)
        instance._history_user = user
        instance.save()


def _settings(board, user) -> None:
    groups = {s.name: s for s in Subgroup.objects.filter(board=board)}
    review_settings = ReviewSettings.objects.filter(board=board).first()
    if review_settings is None:
        review_settings = ReviewSettings(board=board)
    _set_if_changed(
        review_settings,
        user,
        case_review_group=groups.get(CASE_REVIEW_GROUP),
        child_death_panel=groups.get(CHILD_DEATH_PANEL),
    )
    group = groups.get(CASE_REVIEW_GROUP)
    chair = Membership.objects.filter(
        board=board, role=Role.SUBGROUP_CHAIR, position=f"Chair, {DEMO_CHAIRED}"
    ).first()
    if group and chair and not group.members.filter(pk=chair.pk).exists():
        group.members.add(chair)


def _themes(board, user) -> dict[str, LearningTheme]:
    themes = {}
    for slug, name, description in data.THEMES:
        theme = LearningTheme.objects.filter(board=board, slug=slug).first()
        if theme is None:
            theme = LearningTheme(board=board, slug=slug)
        _set_if_changed(theme, user, name=name, description=description)
        themes[slug] = theme
    return themes


def _lessons(review, rows, themes, user) -> None:
    """rows: (title, text, theme slugs), numbered from 1."""
    for number, (title, text, slugs) in enumerate(rows, start=1):
        lesson = Lesson.objects.filter(review=review, number=number).first()
        if lesson is None:
            lesson = Lesson(review=review, number=number)
        _set_if_changed(lesson, user, title=title, text=text)
        wanted = {themes[slug].pk for slug in slugs}
        if set(lesson.themes.values_list("pk", flat=True)) != wanted:
            lesson.themes.set(wanted)


def _review(board, user, row, *, review_type, legacy, content) -> CaseReview:
    """The review, created if missing, its content brought up to date."""
    review = CaseReview.objects.filter(
        board=board, child_reference=row["child_reference"]
    ).first()
    if review is None:
        return services.review_create(
            board=board,
            user=user,
            child_reference=row["child_reference"],
            review_type=review_type,
            referred_on=row["referred_on"],
            legacy=legacy,
            **content,
        )
    changes = {f: v for f, v in content.items() if getattr(review, f) != v}
    if changes:
        review = services.review_update(
            review=review, user=user, version=review.version, changes=changes
        )
    return review


def _step(review, user, to_stage, on, **fields) -> CaseReview:
    done = review.events.filter(kind=ReviewEvent.Kind.STAGE, to_stage=to_stage)
    if done.exists():
        return review
    return services.review_transition(
        review=review, user=user, to_stage=to_stage, on=on, **fields
    )


def _lifecycle(
    review,
    user,
    row,
    *,
    criteria_met,
    reason,
    published_note="",
    publication_url="",
    recategorise=None,
) -> CaseReview:
    review = _step(
        review,
        user,
        Stage.DECIDED,
        row["decided_on"],
        criteria_met=criteria_met,
        decided_by=data.DECIDED_BY,
        note=reason,
    )
    review = _step(
        review,
        user,
        Stage.COMMISSIONED,
        row["commissioned_on"],
        reviewer=row["reviewer"],
    )
    review = _step(review, user, Stage.IN_PROGRESS, row["in_progress_on"])
    review = _step(review, user, Stage.DRAFT_RECEIVED, row["draft_received_on"])
    if recategorise and review.review_type != recategorise["to_type"]:
        review = services.review_recategorise(
            review=review,
            user=user,
            to_type=recategorise["to_type"],
            on=recategorise["on"],
            reason=recategorise["reason"],
        )
    return _step(
        review,
        user,
        Stage.PUBLISHED,
        row["published_on"],
        note=published_note,
        publication_url=publication_url,
    )


def _action_plan(review, user, contributor, rows, agencies) -> None:
    lessons = {lesson.number: lesson for lesson in review.lessons.all()}
    refs = {row["business_plan_ref"] for row in rows} - {None}
    plan_actions = {
        a.ref: a
        for a in Action.objects.filter(
            plan__board=review.board, plan__first_year=2016, ref__in=refs
        )
    }
    for number, row in enumerate(rows, start=1):
        item = ActionItem.objects.filter(review=review, number=number).first()
        if item is None:
            item = services.action_item_create(
                review=review,
                user=user,
                number=number,
                action=row["action"],
                owner_agency=agencies[row["owner"]],
                due_date=row["due"],
                measure_of_success=row["measure"],
                lessons=[lessons[n] for n in row["lessons"]],
                business_plan_action=plan_actions.get(row["business_plan_ref"]),
            )
        if item.updates.exists():
            continue
        # The police's own updates come from the demo agency contributor.
        author = contributor if row["owner"] == data.POLICE and contributor else user
        for on, status, rag, narrative, evidence in row["updates"]:
            item = services.action_item_record_progress(
                item=item,
                user=author,
                version=item.version,
                status=status,
                rag=rag,
                narrative=narrative,
                evidence=evidence,
                on=on,
            )


def _disseminate(review, user, steps) -> None:
    done = set(review.dissemination.values_list("kind", flat=True))
    for kind, on, note in steps:
        if kind not in done:
            services.dissemination_record(
                review=review, user=user, kind=kind, done_on=on, note=note
            )


def _assurance(review, user, agencies) -> None:
    asked_on = data.ASSURANCE_LETTER[0]
    asked = set(review.assurance_responses.values_list("agency__name", flat=True))
    for name, (days, summary) in data.ASSURANCE.items():
        if name in asked:
            continue
        response = services.assurance_request(
            review=review, user=user, agency=agencies[name], requested_on=asked_on
        )
        if (review.child_reference, name) not in data.NOT_YET_ANSWERED:
            services.assurance_receive(
                response=response,
                user=user,
                received_on=asked_on + timedelta(days=days),
                summary=f"{summary} ({review.child_reference})",
            )


def _scr_dissemination(reference):
    training, procedures, website = data.SCR_DISSEMINATION[reference]
    return [
        (DisseminationKind.TRAINING, training, data.TRAINING_NOTE),
        (DisseminationKind.PROCEDURES, procedures, data.PROCEDURES_NOTE),
        (DisseminationKind.WEBSITE, website, data.WEBSITE_NOTE),
        (DisseminationKind.NEWSLETTER, *data.NEWSLETTER),
        (DisseminationKind.WORKSHOPS, *data.CONFERENCE),
        (DisseminationKind.ASSURANCE, *data.ASSURANCE_LETTER),
    ]


@transaction.atomic
def load(board) -> None:
    team = Membership.objects.filter(board=board, role=Role.BUSINESS_TEAM).first()
    user = team.user if team else None
    police = Agency.objects.get(board=board, name=data.POLICE)
    contributor = Membership.objects.filter(
        board=board, role=Role.AGENCY_CONTRIBUTOR, agency=police
    ).first()
    contributor = contributor.user if contributor else None
    agencies = {a.name: a for a in Agency.objects.filter(board=board)}

    _settings(board, user)
    themes = _themes(board, user)
    theme_links.load(board, user)

    for row in data.SERIOUS_CASE_REVIEWS:
        review = _review(
            board,
            user,
            row,
            review_type=ReviewType.SCR,
            legacy=True,
            content={
                "period_examined": row["period_examined"],
                "scope": row["scope"],
                "story": row["story"],
            },
        )
        _lessons(review, [("", t, s) for t, s in row["lessons"]], themes, user)
        review = _lifecycle(
            review,
            user,
            row,
            criteria_met=True,
            reason=data.SCR_DECISION,
            published_note=row.get("published_note", ""),
            publication_url=data.PUBLICATION_URL,
        )
        _action_plan(
            review,
            user,
            contributor,
            data.ACTION_PLANS[row["child_reference"]],
            agencies,
        )
        _disseminate(review, user, _scr_dissemination(row["child_reference"]))
        _assurance(review, user, agencies)

    for row in data.PRACTICE_REVIEWS:
        began_as_scr = "recategorised_on" in row
        review = _review(
            board,
            user,
            row,
            review_type=ReviewType.SCR if began_as_scr else ReviewType.PRACTICE,
            legacy=False,
            content={},
        )
        _lessons(review, row["lessons"], themes, user)
        _lifecycle(
            review,
            user,
            row,
            criteria_met=began_as_scr,
            reason=data.SCR_DECISION if began_as_scr else data.PRACTICE_DECISION,
            published_note=data.PRACTICE_PUBLISHED,
            recategorise={
                "to_type": ReviewType.PRACTICE,
                "on": row["recategorised_on"],
                "reason": data.CHILD_AD_RECATEGORISED,
            }
            if began_as_scr
            else None,
        )
        _disseminate(review, user, data.PRACTICE_DISSEMINATION)
