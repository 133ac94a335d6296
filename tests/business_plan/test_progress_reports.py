"""'Since the last meeting' and the quarterly monitoring report."""

from datetime import date

import pytest

from business_plan.models import Action

from .factories import PLAN, UpdateFactory, get_action


def rate(plan, ref, day, rag, narrative="On track."):
    UpdateFactory(action=get_action(plan, ref), date=day, rag=rag, narrative=narrative)


@pytest.fixture
def autumn(plan):
    """By 31 December 2016: 1.1 went G→A, 1.2 G→C, 1.10 stayed G; 2.1 unrated."""
    for ref in ("1.1", "1.2", "1.10"):
        rate(plan, ref, date(2016, 6, 30), "G")
    rate(plan, "1.1", date(2016, 11, 15), "A", "Recruitment is delayed.")
    rate(plan, "1.2", date(2016, 12, 1), "C", "Published.")
    rate(plan, "1.10", date(2016, 11, 20), "G", "Still on track.")
    return plan


def since(client):
    return client.get(f"{PLAN}since/", {"since": "2016-10-01", "until": "2016-12-31"})


def test_since_lists_an_action_that_went_green_to_amber(autumn, cast, as_user):
    response = since(as_user(cast.board_member))
    changes = response.context["changes"]
    assert [(c.action.ref, c.before, c.after) for c in changes] == [("1.1", "G", "A")]
    assert changes[0].narrative == "Recruitment is delayed."
    assert "Recruitment is delayed." in response.content.decode()


def test_since_lists_a_completion_under_new_completions(autumn, cast, as_user):
    response = since(as_user(cast.board_member))
    completions = response.context["completions"]
    assert [(c.action.ref, c.before, c.after) for c in completions] == [
        ("1.2", "G", "C")
    ]
    page = response.content.decode()
    assert page.index("New completions") < page.index("Published.")


def test_since_leaves_out_unchanged_actions(autumn, cast, as_user):
    response = since(as_user(cast.board_member))
    listed = [c.action.ref for c in response.context["changes"]]
    listed += [c.action.ref for c in response.context["completions"]]
    assert "1.10" not in listed and "2.1" not in listed
    assert "Still on track." not in response.content.decode()


def test_since_ignores_changes_after_the_period(autumn, cast, as_user):
    rate(autumn, "1.10", date(2017, 1, 15), "R", "Off track in January.")
    response = since(as_user(cast.board_member))
    assert "1.10" not in [c.action.ref for c in response.context["changes"]]


@pytest.fixture
def report(plan, cast, as_user):
    """The 2016-17 Q4 monitoring report (1 January to 31 March 2017)."""
    rate(plan, "1.1", date(2016, 12, 31), "G")
    rate(plan, "1.1", date(2017, 2, 10), "R", "No funding for the review.")
    rate(plan, "1.2", date(2017, 1, 20), "A", "Printing is late.")
    rate(plan, "1.10", date(2016, 6, 30), "G")
    rate(plan, "1.10", date(2017, 3, 1), "C", "Two lay members appointed.")
    rate(plan, "2.1", date(2016, 9, 30), "G", "Audit planned.")
    Action.objects.filter(plan=plan, ref__in=["1.10", "2.1"]).update(
        due_date=date(2016, 12, 31)
    )
    Action.objects.filter(plan=plan, ref="1.2").update(due_date=date(2017, 3, 31))
    response = as_user(cast.board_member).get(
        f"{PLAN}monitoring/", {"quarter": "2016-17 Q4"}
    )
    assert response.status_code == 200
    return response


def refs(actions):
    return [getattr(a, "action", a).ref for a in actions]


def test_monitoring_lists_red_and_amber_actions_with_narrative(report):
    assert refs(report.context["report"]["red"]) == ["1.1"]
    assert refs(report.context["report"]["amber"]) == ["1.2"]
    page = report.content.decode()
    assert "No funding for the review." in page
    assert "Printing is late." in page


def test_monitoring_lists_changes_and_completions_of_the_quarter(report):
    changes = report.context["report"]["changes"]
    assert [(c.action.ref, c.before, c.after) for c in changes] == [
        ("1.1", "G", "R"),
        ("1.2", "", "A"),
    ]
    assert refs(report.context["report"]["completions"]) == ["1.10"]
    assert "Two lay members appointed." in report.content.decode()


def test_monitoring_lists_actions_due_before_quarter_end_and_not_complete(report):
    # 1.10 is due but complete; 1.2 is due on the last day; 1.1 is due in July 2017.
    assert refs(report.context["report"]["overdue"]) == ["2.1"]


def test_monitoring_counts_every_action_by_its_rag_at_the_quarter_end(report):
    # 1.1 red, 1.2 amber, 2.1 green, 1.10 complete; none unrated.
    assert report.context["report"]["rag_counts"] == [
        ("Red", 1),
        ("Amber", 1),
        ("Green", 1),
        ("Complete", 1),
        ("Not rated", 0),
    ]
