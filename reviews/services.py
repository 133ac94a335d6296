"""Writes of the reviews app: the lifecycle of a case review, its action plan,
dissemination and assurance, and child death records. Every rule is checked here;
pages and the API call these and turn a DomainError into messages."""

import re
from datetime import date, timedelta
from functools import cache

import holidays
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from lscb_portal.errors import DomainError, full_clean
from lscb_portal.periods import EARLIEST_YEAR, LATEST_YEAR
from lscb_portal.rag import NARRATIVE_NEEDED, NEEDS_NARRATIVE, Rag
from lscb_portal.versioning import StaleVersion, lock

from .models import (
    TRANSITIONS,
    ActionItem,
    ActionItemUpdate,
    AssuranceResponse,
    CaseReview,
    CdopRecommendation,
    ChildDeathReview,
    DisseminationStep,
    ItemStatus,
    LearningTheme,
    Lesson,
    NationalComparison,
    RapidReviewDecision,
    ReviewEvent,
    ReviewType,
    Stage,
)

NOTIFICATION_WORKING_DAYS = 5  # Working Together: notify the panel within 5
RAPID_REVIEW_WORKING_DAYS = 15  # and send the rapid review within 15 of that


# Working days -----------------------------------------------------------------


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    # England and Wales share their bank holidays; the library keeps them.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def working_days_after(start: date, days: int) -> date:
    """The date `days` working days after `start` (weekends and England and Wales
    bank holidays do not count)."""
    day = start
    while days:
        day += timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def notification_due(review: CaseReview) -> date | None:
    if not review.incident_known_on:
        return None
    return working_days_after(review.incident_known_on, NOTIFICATION_WORKING_DAYS)


def rapid_review_due(review: CaseReview) -> date | None:
    if not review.panel_notified_on:
        return None
    return working_days_after(review.panel_notified_on, RAPID_REVIEW_WORKING_DAYS)


def notification_is_late(review: CaseReview, today: date | None = None) -> bool:
    """Notified after the due date, or not notified and the due date has passed."""
    due = notification_due(review)
    if due is None:
        return False
    done = review.panel_notified_on
    return (done or today or timezone.localdate()) > due


def rapid_review_is_late(review: CaseReview, today: date | None = None) -> bool:
    due = rapid_review_due(review)
    if due is None:
        return False
    done = review.rapid_review_sent_on
    return (done or today or timezone.localdate()) > due


# Case reviews -------------------------------------------------------------------


def _check_date(value: date | None, field: str) -> None:
    if value is None:
        raise DomainError({field: "Enter the date."})
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise DomainError({field: "Enter a real date."})
    if value > timezone.localdate():
        raise DomainError({field: "The date cannot be in the future."})


def _event(review, *, user, kind, on: date, note: str = "", **fields) -> ReviewEvent:
    return ReviewEvent.objects.create(
        review=review, kind=kind, date=on, note=note, by=user, **fields
    )


def _save(review: CaseReview, *, user, reason: str = "") -> CaseReview:
    full_clean(review)
    review.version += 1
    review._history_user = user
    if reason:
        review._change_reason = reason
    review.save()
    return review


@transaction.atomic
def review_create(
    *,
    board,
    user,
    child_reference: str,
    review_type: str,
    referred_on: date,
    legacy: bool = False,
    **content,
) -> CaseReview:
    """A review referred to the Case Review Group."""
    _check_date(referred_on, "referred_on")
    review = CaseReview(
        board=board,
        child_reference=child_reference.strip(),
        review_type=review_type,
        referred_on=referred_on,
        legacy=legacy,
        **content,
    )
    full_clean(review)
    review._history_user = user
    review.save()
    _event(
        review,
        user=user,
        kind=ReviewEvent.Kind.STAGE,
        on=referred_on,
        to_stage=Stage.REFERRED,
        to_type=review_type,
    )
    return review


def _locked(review: CaseReview, version: int | None) -> CaseReview:
    current = lock(CaseReview, pk=review.pk)
    if version is not None and current.version != version:
        raise StaleVersion(current)
    return current


@transaction.atomic
def review_update(*, review: CaseReview, user, version: int, changes: dict):
    """Edit a review's details and content (not its stage: see review_transition)."""
    current = _locked(review, version)
    for field, value in changes.items():
        setattr(current, field, value)
    return _save(current, user=user)


@transaction.atomic
def review_transition(
    *,
    review: CaseReview,
    user,
    to_stage: str,
    on: date,
    version: int | None = None,
    note: str = "",
    criteria_met: bool | None = None,
    decided_by: str = "",
    reviewer: str = "",
    publication_url: str = "",
) -> CaseReview:
    """Move a review to its next stage, with what that stage records: the decision
    (criteria met or not, by whom, why), the reviewer, the publication's date and
    link. A review with open action items cannot close."""
    current = _locked(review, version)
    if to_stage not in Stage.values:
        raise DomainError({"to_stage": "Choose a stage from the list."})
    if to_stage not in TRANSITIONS[current.stage]:
        allowed = ", ".join(Stage(s).label.lower() for s in TRANSITIONS[current.stage])
        raise DomainError(
            {
                "to_stage": f"A review that is “{current.get_stage_display()}” "
                f"cannot move to “{Stage(to_stage).label}”"
                + (f". Next it can be: {allowed}." if allowed else ": it is closed.")
            }
        )
    _check_date(on, "on")
    last = current.events.filter(kind=ReviewEvent.Kind.STAGE).last()
    if last and on < last.date:
        raise DomainError(
            {"on": f"The date cannot be before the last step ({last.date:%-d %B %Y})."}
        )
    if to_stage == Stage.DECIDED:
        if criteria_met is None:
            raise DomainError({"criteria_met": "Say whether the criteria are met."})
        if not decided_by.strip():
            raise DomainError({"decided_by": "Enter who made the decision."})
        if not note.strip():
            raise DomainError({"note": "Enter the reason for the decision."})
        current.criteria_met = criteria_met
        current.decided_by = decided_by.strip()
        current.decision_reason = note.strip()
        current.decided_on = on
    elif to_stage == Stage.COMMISSIONED:
        if not reviewer.strip():
            raise DomainError({"reviewer": "Enter who was commissioned to review."})
        current.reviewer = reviewer.strip()
        current.commissioned_on = on
    elif to_stage == Stage.DRAFT_RECEIVED:
        current.draft_received_on = on
    elif to_stage == Stage.PUBLISHED:
        current.published_on = on
        current.publication_url = publication_url.strip()
    elif to_stage == Stage.CLOSED:
        open_items = current.action_items.open().count()
        if open_items:
            raise DomainError(
                {
                    "to_stage": f"The review cannot close: {open_items} item"
                    f"{'s' if open_items != 1 else ''} of its action plan "
                    f"{'are' if open_items != 1 else 'is'} still open."
                }
            )
        current.closed_on = on
    from_stage = current.stage
    current.stage = to_stage
    reason = f"{Stage(from_stage).label} → {current.get_stage_display()}"
    _save(current, user=user, reason=reason)
    _event(
        current,
        user=user,
        kind=ReviewEvent.Kind.STAGE,
        on=on,
        note=note.strip(),
        from_stage=from_stage,
        to_stage=to_stage,
    )
    return current


@transaction.atomic
def review_recategorise(
    *,
    review: CaseReview,
    user,
    to_type: str,
    on: date,
    reason: str,
    version: int | None = None,
) -> CaseReview:
    """Change a review's type, keeping the earlier type in its history."""
    current = _locked(review, version)
    if to_type not in ReviewType.values:
        raise DomainError({"to_type": "Choose a type of review from the list."})
    if to_type == current.review_type:
        raise DomainError({"to_type": "The review is already of this type."})
    if not reason.strip():
        raise DomainError({"reason": "Enter why the review is re-categorised."})
    if current.stage == Stage.CLOSED:
        raise DomainError({"to_type": "A closed review cannot be re-categorised."})
    _check_date(on, "on")
    from_type = current.review_type
    current.review_type = to_type
    _save(current, user=user, reason=reason.strip())
    _event(
        current,
        user=user,
        kind=ReviewEvent.Kind.RECATEGORISED,
        on=on,
        note=reason.strip(),
        from_type=from_type,
        to_type=to_type,
    )
    return current


@transaction.atomic
def review_record_notification(
    *,
    review: CaseReview,
    user,
    incident_known_on: date,
    panel_notified_on: date | None,
    version: int | None = None,
) -> CaseReview:
    """The serious incident notification: when the local authority became aware
    and when the national panel was told (due within 5 working days)."""
    current = _locked(review, version)
    _check_date(incident_known_on, "incident_known_on")
    if panel_notified_on is not None:
        _check_date(panel_notified_on, "panel_notified_on")
    current.incident_known_on = incident_known_on
    current.panel_notified_on = panel_notified_on
    _save(current, user=user, reason="Serious incident notification")
    if panel_notified_on:
        due = notification_due(current)
        late = " (late: due " + f"{due:%-d %B %Y})" if panel_notified_on > due else ""
        _event(
            current,
            user=user,
            kind=ReviewEvent.Kind.NOTIFICATION,
            on=panel_notified_on,
            note=f"National panel notified{late}.",
        )
    return current


@transaction.atomic
def review_record_rapid_review(
    *,
    review: CaseReview,
    user,
    sent_on: date,
    decision: str,
    panel_response: str = "",
    panel_responded_on: date | None = None,
    version: int | None = None,
) -> CaseReview:
    """The rapid review sent to the panel and its decision. "Commission an LCSPR"
    re-categorises a rapid review to an LCSPR whose criteria are met."""
    current = _locked(review, version)
    if not current.panel_notified_on:
        raise DomainError(
            {"sent_on": "Record the notification to the national panel first."}
        )
    _check_date(sent_on, "sent_on")
    if decision not in RapidReviewDecision.values:
        raise DomainError({"decision": "Choose the rapid review's decision."})
    if panel_responded_on is not None:
        _check_date(panel_responded_on, "panel_responded_on")
        if panel_responded_on < sent_on:
            raise DomainError(
                {
                    "panel_responded_on": "The panel cannot respond before the rapid "
                    "review was sent."
                }
            )
    current.rapid_review_sent_on = sent_on
    current.rapid_review_decision = decision
    current.panel_response = panel_response.strip()
    current.panel_responded_on = panel_responded_on
    _save(current, user=user, reason="Rapid review")
    _event(
        current,
        user=user,
        kind=ReviewEvent.Kind.RAPID_REVIEW,
        on=sent_on,
        note=RapidReviewDecision(decision).label,
    )
    if current.stage == Stage.REFERRED:
        current = review_transition(
            review=current,
            user=user,
            to_stage=Stage.DECIDED,
            on=sent_on,
            criteria_met=decision != RapidReviewDecision.NO_LCSPR,
            decided_by="Rapid review",
            note=RapidReviewDecision(decision).label,
        )
    if (
        decision == RapidReviewDecision.LCSPR
        and current.review_type == ReviewType.RAPID
    ):
        current = review_recategorise(
            review=current,
            user=user,
            to_type=ReviewType.LCSPR,
            on=sent_on,
            reason="The rapid review decided to commission an LCSPR.",
        )
    return current


# Action plans ---------------------------------------------------------------------


@transaction.atomic
def action_item_create(*, review: CaseReview, user, **fields) -> ActionItem:
    lessons = fields.pop("lessons", None)
    if "number" not in fields or fields["number"] is None:
        last = review.action_items.order_by("-number").first()
        fields["number"] = (last.number if last else 0) + 1
    item = ActionItem(review=review, **fields)
    full_clean(item)
    item._history_user = user
    item.save()
    if lessons is not None:
        item.lessons.set(lessons)
    return item


@transaction.atomic
def action_item_edit(*, item: ActionItem, user, version: int, changes: dict):
    """The business team's edit of an item's terms (not its progress)."""
    lessons = changes.pop("lessons", None)
    current = lock(ActionItem, pk=item.pk)
    if current.version != version:
        raise StaleVersion(current)
    for field, value in changes.items():
        setattr(current, field, value)
    current.version += 1
    full_clean(current)
    current._history_user = user
    current.save()
    if lessons is not None:
        current.lessons.set(lessons)
    return current


@transaction.atomic
def action_item_record_progress(
    *,
    item: ActionItem,
    user,
    version: int,
    status: str,
    rag: str,
    evidence: str = "",
    narrative: str = "",
    on: date | None = None,
    entered_via: str = "",
) -> ActionItem:
    """Progress on an item, by the business team or the owning agency: a dated
    update (kept, never edited) and the item's current status, RAG and evidence."""
    current = lock(ActionItem, pk=item.pk)
    if current.version != version:
        raise StaleVersion(current)
    errors = {}
    if status not in ItemStatus.values:
        errors["status"] = "Choose not started, in progress or complete."
    if rag not in (*Rag.values, ""):
        errors["rag"] = "Choose Red, Amber, Green or Complete."
    if rag in NEEDS_NARRATIVE and not narrative.strip():
        errors["narrative"] = NARRATIVE_NEEDED
    if status == ItemStatus.COMPLETE and not evidence.strip():
        errors["evidence"] = "Enter the evidence that the action is complete."
    if status == ItemStatus.COMPLETE and rag not in (Rag.COMPLETE, ""):
        errors["rag"] = "A complete item is rated Complete."
    if rag == Rag.COMPLETE and status != ItemStatus.COMPLETE:
        errors["status"] = "An item rated Complete has the status complete."
    if errors:
        raise DomainError(errors)
    on = on or timezone.localdate()
    _check_date(on, "on")
    if status == ItemStatus.COMPLETE:
        rag = Rag.COMPLETE
    ActionItemUpdate.objects.create(
        item=current,
        date=on,
        status=status,
        rag=rag,
        narrative=narrative.strip(),
        evidence=evidence.strip(),
        author=user,
        entered_via=entered_via,
    )
    current.status = status
    if rag:
        current.current_rag = rag
    current.evidence = evidence.strip()
    current.version += 1
    full_clean(current)
    current._history_user = user
    current.save()
    return current


# Dissemination and assurance ----------------------------------------------------


def dissemination_record(
    *, review: CaseReview, user, kind: str, done_on: date, note: str = ""
) -> DisseminationStep:
    _check_date(done_on, "done_on")
    step = DisseminationStep(review=review, kind=kind, done_on=done_on, note=note)
    full_clean(step)
    step._history_user = user
    step.save()
    return step


def assurance_request(
    *, review: CaseReview, user, agency, requested_on: date
) -> AssuranceResponse:
    _check_date(requested_on, "requested_on")
    response = AssuranceResponse(
        review=review, agency=agency, requested_on=requested_on
    )
    full_clean(response)
    response._history_user = user
    response.save()
    return response


def assurance_receive(
    *, response: AssuranceResponse, user, received_on: date, summary: str
) -> AssuranceResponse:
    _check_date(received_on, "received_on")
    if not summary.strip():
        raise DomainError({"summary": "Enter a summary of the agency's assurance."})
    response.received_on = received_on
    response.summary = summary.strip()
    full_clean(response)
    response._history_user = user
    response.save()
    return response


# Child deaths -------------------------------------------------------------------

# A capitalised first name and surname near a date: what a name plus a date of
# birth looks like in free text. CDOP records are anonymised by design.
_NAME = r"\b[A-Z][a-z]+(?:[- '][A-Z][a-z]+)+\b"
_DATE = (
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]* \d{4}\b"
)
_BIRTH = re.compile(r"\b(?:born|d\.?o\.?b\.?|date of birth)\b", re.IGNORECASE)
FACTORS_NEED_MODIFIABLE = (
    "Choose modifiable factors only when modifiable factors were identified."
)
IDENTIFYING_MESSAGE = (
    "Remove what looks like a name and a date of birth: child death records are "
    "anonymised."
)


def looks_identifying(text: str) -> bool:
    """A name and a date together, or a date of birth, in free text."""
    has_date = re.search(_DATE, text) is not None
    return has_date and bool(re.search(_NAME, text) or _BIRTH.search(text))


def _check_anonymised(death: ChildDeathReview) -> None:
    if looks_identifying(death.notes or ""):
        raise DomainError({"notes": IDENTIFYING_MESSAGE})


def _check_factors(death: ChildDeathReview, factors) -> None:
    """Factor tags only on a death found to have modifiable factors, and only the
    board's own factors."""
    factors = list(factors or ())
    if factors and death.modifiable is not True:
        raise DomainError({"modifiable_factors": FACTORS_NEED_MODIFIABLE})
    if any(f.board_id != death.board_id for f in factors):
        raise DomainError({"modifiable_factors": "Choose factors from the list."})


@transaction.atomic
def child_death_create(*, board, user, modifiable_factors=(), **fields):
    death = ChildDeathReview(board=board, **fields)
    _check_anonymised(death)
    _check_factors(death, modifiable_factors)
    full_clean(death)
    death._history_user = user
    death.save()
    death.modifiable_factors.set(modifiable_factors)
    return death


@transaction.atomic
def child_death_update(*, death: ChildDeathReview, user, version: int, changes: dict):
    factors = changes.pop("modifiable_factors", None)
    current = lock(ChildDeathReview, pk=death.pk)
    if current.version != version:
        raise StaleVersion(current)
    for field, value in changes.items():
        setattr(current, field, value)
    _check_anonymised(current)
    _check_factors(
        current, current.modifiable_factors.all() if factors is None else factors
    )
    current.version += 1
    full_clean(current)
    current._history_user = user
    current.save()
    if factors is not None:
        current.modifiable_factors.set(factors)
    return current


# Child death statistics -----------------------------------------------------------


@transaction.atomic
def national_comparison_set(*, board, user, year: int, figures: dict) -> int:
    """England's percentages for `year`, keyed by (table, row): a number records
    it, None removes what was recorded (not known). One transaction; each change
    kept in the rows' history. Returns how many rows changed."""
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise DomainError({"year": "Enter a real year."})
    existing = {
        (c.table, c.row): c
        for c in NationalComparison.objects.filter(board=board, year=year)
    }
    changed = 0
    for (table, row), percentage in figures.items():
        current = existing.get((table, row))
        if percentage is None:
            if current is not None:
                current._history_user = user
                current.delete()
                changed += 1
            continue
        if current is not None and current.percentage == percentage:
            continue
        comparison = current or NationalComparison(
            board=board, year=year, table=table, row=row
        )
        comparison.percentage = percentage
        full_clean(comparison)
        comparison._history_user = user
        comparison.save()
        changed += 1
    return changed


def _next_recommendation_number(board, year: int) -> int:
    last = (
        CdopRecommendation.objects.filter(board=board, year=year)
        .order_by("-number")
        .first()
    )
    return (last.number if last else 0) + 1


@transaction.atomic
def cdop_recommendation_create(
    *, board, user, year: int, text: str, number: int | None = None, progress=""
) -> CdopRecommendation:
    """A recommendation of the CDOP report of `year`, numbered next if no number."""
    recommendation = CdopRecommendation(
        board=board,
        year=year,
        number=number or _next_recommendation_number(board, year),
        text=text.strip(),
        progress=progress.strip(),
    )
    full_clean(recommendation)
    recommendation._history_user = user
    recommendation.save()
    return recommendation


@transaction.atomic
def cdop_recommendation_update(
    *, recommendation: CdopRecommendation, user, changes: dict
) -> CdopRecommendation:
    current = lock(CdopRecommendation, pk=recommendation.pk)
    for field, value in changes.items():
        if field == "number" and value is None:
            continue  # keep its number
        setattr(current, field, value.strip() if isinstance(value, str) else value)
    full_clean(current)
    current._history_user = user
    current.save()
    return current


# Lessons and themes -------------------------------------------------------------


@transaction.atomic
def lesson_create(
    *,
    review: CaseReview,
    user,
    text: str,
    number: int | None = None,
    title="",
    themes=(),
) -> Lesson:
    """A numbered lesson of a review (the next number when none is given)."""
    if number is None:
        last = review.lessons.order_by("-number").first()
        number = (last.number if last else 0) + 1
    lesson = Lesson(review=review, number=number, title=title.strip(), text=text)
    full_clean(lesson)
    lesson._history_user = user
    lesson.save()
    lesson.themes.set(themes)
    return lesson


@transaction.atomic
def lesson_edit(*, lesson: Lesson, user, changes: dict) -> Lesson:
    themes = changes.pop("themes", None)
    current = lock(Lesson, pk=lesson.pk)
    for field, value in changes.items():
        setattr(current, field, value)
    full_clean(current)
    current._history_user = user
    current.save()
    if themes is not None:
        current.themes.set(themes)
    return current


def _theme_slug(name: str) -> str:
    slug = slugify(name)[:100]
    if not slug:
        raise DomainError({"name": "Enter a name with letters or numbers in it."})
    return slug


def _check_theme_links(board, actions, indicators) -> None:
    if any(a.plan.board_id != board.pk for a in actions):
        raise DomainError({"actions": "Choose actions of this board's plans."})
    if any(i.board_id != board.pk for i in indicators):
        raise DomainError({"indicators": "Choose indicators of this board."})


def _set_theme_links(theme, actions, indicators) -> None:
    """Links set after the save, so the history keeps them (m2m_fields)."""
    _check_theme_links(theme.board, actions or (), indicators or ())
    for field, chosen in (("actions", actions), ("indicators", indicators)):
        if chosen is not None:
            getattr(theme, field).set(chosen)


@transaction.atomic
def theme_create(
    *, board, user, name: str, description: str = "", actions=(), indicators=()
) -> LearningTheme:
    """A learning theme, with the plan actions and indicators on it."""
    theme = LearningTheme(
        board=board,
        name=name.strip(),
        slug=_theme_slug(name),
        description=description.strip(),
    )
    _check_theme_links(board, actions, indicators)
    full_clean(theme)
    theme._history_user = user
    theme.save()
    _set_theme_links(theme, actions, indicators)
    return theme


@transaction.atomic
def theme_edit(
    *,
    theme: LearningTheme,
    user,
    name: str,
    description: str = "",
    actions=None,
    indicators=None,
):
    """Rename a theme (its address follows its name); `actions` and `indicators`,
    when given, replace its links."""
    current = lock(LearningTheme, pk=theme.pk)
    _check_theme_links(current.board, actions or (), indicators or ())
    current.name = name.strip()
    current.slug = _theme_slug(name)
    current.description = description.strip()
    full_clean(current)
    current._history_user = user
    current.save()
    _set_theme_links(current, actions, indicators)
    return current


# Reminders of notifications and rapid reviews (the daily job) --------------------

REMINDER_WORKING_DAYS = 2  # remind when due within the next two working days


def reminders_send(*, today: date | None = None) -> int:
    """E-mails each member of a board's business team when a notification to the
    national panel or a rapid review is due within REMINDER_WORKING_DAYS working
    days or late: once per review, deadline, due date and person. Returns how many
    were sent. Like subgroups.services.reminders_send, a send that failed is
    tried again by the next run; one that finished is never sent again."""
    from boards.models import Membership, Role

    from .selectors.overview import outstanding_deadlines

    today = today or timezone.localdate()
    until = working_days_after(today, REMINDER_WORKING_DAYS)
    deadlines = outstanding_deadlines(today=today, until=until)
    if not deadlines:
        return 0
    team: dict[int, list] = {}
    for membership in (
        Membership.objects.filter(
            board__in={d.review.board_id for d in deadlines},
            role=Role.BUSINESS_TEAM,
            user__is_active=True,
        )
        .exclude(user__email="")
        .exclude(member_to__lt=today)
        .select_related("user")
        .order_by("user_id")
    ):
        team.setdefault(membership.board_id, []).append(membership.user)
    sent = 0
    for deadline in deadlines:
        for user in team.get(deadline.review.board_id, []):
            if _send_review_reminder(deadline, user):
                sent += 1
    return sent


def _send_review_reminder(deadline, user) -> bool:
    from django.core.mail import send_mail

    from .models import ReviewReminder

    claim = _claim_review_reminder(deadline, user)
    if claim is None:
        return False
    review, when = deadline.review, f"{deadline.due:%-d %B %Y}"
    what = deadline.label.lower()
    if deadline.late:
        subject = f"Late: {review.child_reference} {what} was due by {when}"
        opening = f"The {what} for {review.child_reference} was due by {when}."
    else:
        subject = f"Reminder: {review.child_reference} {what} is due by {when}"
        opening = f"The {what} for {review.child_reference} is due by {when}."
    try:
        send_mail(
            subject,
            f"{opening}\n\nRecord it in the {review.board.name} portal once it has "
            "been sent.\n",
            None,
            [user.email],
        )
    except BaseException:  # SoftTimeLimitExceeded too: not sent, the next run tries
        ReviewReminder.objects.filter(pk=claim.pk, sent_at__isnull=True).delete()
        raise
    ReviewReminder.objects.filter(pk=claim.pk).update(sent_at=timezone.now())
    return True


def _claim_review_reminder(deadline, user):
    """The reminder's row for this attempt: a new one, or an unsent one whose
    attempt died with its run (older than a run's hard time limit). Conditional
    updates, so of two runs at once only one sends."""
    from django.conf import settings

    from .models import ReviewReminder

    now = timezone.now()
    reminder, created = ReviewReminder.objects.get_or_create(
        review=deadline.review,
        kind=deadline.kind,
        due_date=deadline.due,
        recipient=user,
        defaults={"sent_to": user.email, "late": deadline.late, "attempted_at": now},
    )
    if created:
        return reminder
    abandoned = now - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    retaken = ReviewReminder.objects.filter(
        pk=reminder.pk, sent_at__isnull=True, attempted_at__lt=abandoned
    ).update(attempted_at=now, sent_to=user.email, late=deadline.late)
    return reminder if retaken else None
