"""Current RAG: the RAG of the latest dated update that has one."""

from datetime import date, timedelta

from django.utils import timezone

from business_plan import selectors, services
from business_plan.models import Action, ActionUpdate

from .factories import action_url, current_rag, get_action


def record(action, day, rag, narrative="", user=None):
    return services.action_update_record(
        action=action, update_date=day, rag=rag, narrative=narrative, user=user
    )


def test_current_rag_is_the_latest_dated_update_not_the_latest_entered(plan):
    action = get_action(plan, "1.1")
    record(action, date(2016, 9, 30), "A", "Recruitment is late.")
    record(action, date(2016, 6, 30), "G")  # entered afterwards, dated earlier
    assert current_rag(action) == "A"


def test_no_update_required_leaves_the_current_rag_as_it_was(plan):
    action = get_action(plan, "1.1")
    record(action, date(2016, 6, 30), "G")
    record(action, date(2016, 9, 30), "", "Nothing new this quarter.")
    assert current_rag(action) == "G"


def test_a_correction_is_a_new_update_and_history_keeps_both(plan, cast, as_user):
    action = get_action(plan, "1.1")
    record(action, date(2016, 9, 30), "G")
    record(action, date(2016, 9, 30), "A", "Corrected: the audit is late.")
    assert current_rag(action) == "A"
    assert list(ActionUpdate.objects.filter(action=action).values_list("rag")) == [
        ("A",),
        ("G",),
    ]
    response = as_user(cast.board_member).get(action_url("1.1"))
    assert response.context["current_rag"] == "A"
    assert [u.rag for u in response.context["updates"]] == ["A", "G"]


def test_never_rated_action_has_no_rag_and_shows_not_rated(plan, cast, as_user):
    action = get_action(plan, "1.10")
    record(action, date(2016, 6, 30), "", "Not started.")
    assert current_rag(action) == ""
    response = as_user(cast.board_member).get(action_url("1.10"))
    assert response.context["current_rag"] == ""
    assert "Not rated" in response.content.decode()


def test_never_rated_actions_count_as_not_rated_in_the_overview(plan):
    record(get_action(plan, "1.1"), date(2016, 6, 30), "G")
    total = selectors.plan_overview(plan)["total_counts"]
    assert total.ordered() == [("R", 0), ("A", 0), ("G", 1), ("C", 0), ("", 3)]


def test_updates_are_listed_newest_first_on_the_action_page(plan, cast, as_user):
    action = get_action(plan, "1.1")
    record(action, date(2016, 9, 30), "G", "Second quarter.")
    record(action, date(2017, 3, 31), "C", "Fourth quarter.")
    record(action, date(2016, 6, 30), "G", "First quarter.")
    response = as_user(cast.board_member).get(action_url("1.1"))
    dates = [u.date for u in response.context["updates"]]
    assert dates == [date(2017, 3, 31), date(2016, 9, 30), date(2016, 6, 30)]
    page = response.content.decode()
    assert (
        page.index("Fourth quarter.")
        < page.index("Second quarter.")
        < page.index("First quarter.")
    )


# Derived state on the model: one rule for pages, filters, reports and PDFs ------


def test_rag_as_of_a_day_is_the_latest_rated_update_dated_by_then(plan):
    action = get_action(plan, "1.1")
    record(action, date(2016, 6, 30), "G", "First.")
    record(action, date(2016, 9, 30), "A", "Slipping.")
    record(action, date(2016, 12, 31), "", "Nothing new.")
    rows = Action.objects.filter(plan=plan).order_by("sort_key")
    as_of = {
        day: {a.ref: (a.rag_then, a.narrative_then) for a in rows.with_rag_as_of(day)}[
            "1.1"
        ]
        for day in (date(2016, 6, 29), date(2016, 7, 1), date(2017, 1, 1))
    }
    assert as_of == {
        date(2016, 6, 29): ("", ""),
        date(2016, 7, 1): ("G", "First."),
        date(2017, 1, 1): ("A", "Nothing new."),
    }


def test_overdue_is_past_due_and_not_complete_alike_on_model_and_queryset(plan):
    today = timezone.localdate()
    late, done, due_later, no_date = (
        get_action(plan, ref) for ref in ("1.1", "1.2", "1.10", "2.1")
    )
    Action.objects.filter(pk=late.pk).update(due_date=date(2017, 7, 31))
    Action.objects.filter(pk=done.pk).update(due_date=date(2017, 7, 31))
    Action.objects.filter(pk=due_later.pk).update(due_date=today + timedelta(1))
    Action.objects.filter(pk=no_date.pk).update(due_date=None)
    record(late, date(2017, 3, 31), "A", "Late.")
    record(done, date(2017, 3, 31), "C")
    actions = Action.objects.filter(plan=plan).with_current_rag()
    assert [a.ref for a in actions if a.is_overdue] == ["1.1"]
    assert [a.ref for a in actions.overdue()] == ["1.1"]
    # On a day before the due date nothing is overdue yet.
    assert not actions.get(ref="1.1").is_overdue_on(date(2017, 7, 31), "A")
    assert not actions.overdue(date(2017, 7, 31)).exists()
