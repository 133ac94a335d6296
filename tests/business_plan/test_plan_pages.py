"""Creating and changing plans, themes and actions through their pages."""

from datetime import date

import pytest

from business_plan.models import Action, ActionUpdate, BusinessPlan, Theme
from tests import lists

from .factories import PLAN, ActionFactory, PlanFactory, action_url, get_action


def plan_data(**changes):
    return {
        "title": "Business Plan 2019-22",
        "first_year": 2019,
        "last_year": 2022,
        "status": "draft",
        **changes,
    }


def test_business_team_creates_a_plan(cast, as_user):
    response = as_user(cast.business_team).post("/boards/north/plans/new/", plan_data())
    assert response["Location"] == "/boards/north/plans/2019-22/"
    plan = BusinessPlan.objects.get()
    assert (plan.board, plan.first_year, plan.last_year) == (cast.board, 2019, 2022)


def test_new_plan_for_years_the_board_already_has_is_refused(plan, cast, as_user):
    response = as_user(cast.business_team).post(
        "/boards/north/plans/new/", plan_data(first_year=2016, last_year=2019)
    )
    assert response.status_code == 200
    assert "This board already has a plan for these years." in (
        response.content.decode()
    )
    assert BusinessPlan.objects.count() == 1


def test_changing_a_plans_years_to_another_plans_is_refused(plan, cast, as_user):
    PlanFactory(board=cast.board, first_year=2019, last_year=2022)
    response = as_user(cast.business_team).post(
        f"{PLAN}edit/", plan_data(first_year=2019, version=plan.version)
    )
    assert response.status_code == 200
    assert "This board already has a plan for these years." in (
        response.content.decode()
    )
    plan.refresh_from_db()
    assert (plan.first_year, plan.version) == (2016, 1)


def test_new_plan_ending_before_it_starts_is_refused(cast, as_user):
    response = as_user(cast.business_team).post(
        "/boards/north/plans/new/", plan_data(first_year=2019, last_year=2016)
    )
    assert response.status_code == 200
    assert "The last year must be after the first year." in response.content.decode()
    assert not BusinessPlan.objects.exists()


def test_duplicate_theme_number_is_refused(plan, cast, as_user):
    response = as_user(cast.business_team).post(
        f"{PLAN}themes/new/", {"number": 1, "title": "Leadership again"}
    )
    assert response.status_code == 200
    assert "already has a theme with this number" in response.content.decode()
    assert Theme.objects.filter(plan=plan).count() == 2


def test_added_action_reads_its_due_date_from_when(plan, cast, as_user):
    theme = get_action(plan, "1.1").theme
    response = as_user(cast.business_team).post(
        f"{PLAN}actions/new/",
        {"theme": theme.pk, "ref": "1.11", "text": "New", "when_text": "Jul-17"},
    )
    assert response["Location"] == action_url("1.11")
    assert get_action(plan, "1.11").due_date == date(2017, 7, 31)


def test_editing_an_action_with_a_stale_version_is_refused(plan, cast, as_user):
    action = get_action(plan, "1.10")
    data = {"theme": action.theme_id, "ref": "1.10", "version": action.version}
    as_user(cast.chair).post(action_url("1.10", "edit/"), data | {"text": "Chair's"})
    response = as_user(cast.business_team).post(
        action_url("1.10", "edit/"), data | {"text": "Team's"}
    )
    assert response.status_code == 409
    assert f"changed by {cast.chair}" in response.content.decode()
    assert get_action(plan, "1.10").text == "Chair's"


def test_contributor_records_an_update_on_their_agencys_action(plan, cast, as_user):
    response = as_user(cast.contributor_x).post(
        action_url("1.1", "update/"),
        {"date": "2016-12-31", "rag": "A", "narrative": "Two posts vacant."},
    )
    assert response["Location"] == action_url("1.1")
    update = ActionUpdate.objects.get()
    assert (update.action.ref, update.rag, update.author) == (
        "1.1",
        "A",
        cast.contributor_x,
    )
    assert update.quarter == "2016-17 Q3"


def test_overview_filters_not_rated_actions(plan, cast, as_user):
    ActionUpdate.objects.create(
        action=get_action(plan, "1.1"), date=date(2016, 6, 30), rag="G"
    )
    response = as_user(cast.board_member).get(PLAN, {"rag": "none"})
    assert [a.ref for a in response.context["page"]] == ["1.2", "1.10", "2.1"]


def test_overview_filters_by_owning_subgroup(plan, subgroup, cast, as_user):
    response = as_user(cast.board_member).get(PLAN, {"subgroup": subgroup.pk})
    assert [a.ref for a in response.context["page"]] == ["1.2", "2.1"]


def test_plan_list_shows_only_the_boards_plans(plan, cast, as_user):
    PlanFactory(board=cast.other_board, title="Southshire plan")
    page = as_user(cast.board_member).get("/boards/north/plans/").content.decode()
    assert "Business Plan 2016-19" in page
    assert "Southshire plan" not in page


def test_unknown_plan_or_action_is_not_found(plan, cast, as_user):
    client = as_user(cast.board_member)
    assert client.get("/boards/north/plans/2017-20/").status_code == 404
    assert client.get("/boards/north/plans/not-a-plan/").status_code == 404
    assert client.get(action_url("9.9")).status_code == 404
    assert Action.objects.filter(plan=plan).count() == 4


# The actions list component --------------------------------------------------------


def test_overview_sorts_actions_and_ignores_unknown_keys(plan, cast, as_user):
    ascending = lists.assert_sorts(as_user(cast.board_member), PLAN, "ref")
    assert [row[0] for row in ascending] == ["1.1", "1.2", "1.10", "2.1"]
    by_text = lists.assert_sorts(as_user(cast.board_member), PLAN, "action")
    assert by_text[0][1] == "Publish the annual report"


def test_overview_exports_the_filtered_actions(plan, subgroup, cast, as_user):
    client = as_user(cast.board_member)
    rows = lists.assert_exports(client, PLAN, {"subgroup": subgroup.pk})
    assert [row[0] for row in rows] == ["1.2", "2.1"]
    assert rows[0][4] == "Not rated"


def test_overview_export_neutralises_formulas(plan, cast, as_user):
    theme = Theme.objects.get(plan=plan, number=2)
    ActionFactory(plan=plan, theme=theme, ref="2.2", text="+SUM(1,2)")
    rows = lists.export(as_user(cast.board_member), PLAN, "csv", {"sort": "ref"})
    assert rows[-1][:2] == ["2.2", "'+SUM(1,2)"]


# The plans list component ----------------------------------------------------------

PLANS = "/boards/north/plans/"


@pytest.fixture
def plans(plan, cast):
    PlanFactory(board=cast.board, first_year=2013, last_year=2016, status="closed")
    PlanFactory(board=cast.board, first_year=2019, last_year=2022, status="draft")


def test_plans_sort_and_ignore_unknown_keys(plans, cast, as_user):
    client = as_user(cast.board_member)
    ascending = lists.assert_sorts(client, PLANS, "years")
    assert [row[1] for row in ascending] == [
        "April 2013 to March 2016",
        "April 2016 to March 2019",
        "April 2019 to March 2022",
    ]
    by_status = lists.assert_sorts(client, PLANS, "status")
    assert [row[2] for row in by_status] == ["Active", "Closed", "Draft"]


def test_plans_export_every_plan(plans, cast, as_user, monkeypatch):
    from business_plan.views.plans import PlanListView

    monkeypatch.setattr(PlanListView, "page_size", 2)
    rows = lists.assert_exports(as_user(cast.board_member), PLANS)
    assert [row[0] for row in rows] == [
        "Business Plan 2019-22",
        "Business Plan 2016-19",
        "Business Plan 2013-16",
    ]


def test_exported_plan_titles_are_neutralised(cast, as_user):
    PlanFactory(board=cast.board, title="=HYPERLINK(x)")
    rows = lists.export(as_user(cast.board_member), PLANS, "xlsx")
    assert rows[1][0] == "'=HYPERLINK(x)"


def test_another_boards_member_cannot_export_the_plans(plans, cast, as_user):
    client = as_user(cast.other_board_member)
    assert client.get(PLANS, {"export": "csv"}).status_code == 404


@pytest.mark.parametrize("size", [2, 30])
def test_plan_list_and_export_run_constant_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    for n in range(size):
        PlanFactory(board=cast.board, first_year=1990 + n, last_year=1993 + n)
    client = as_user(cast.board_member)
    with django_assert_max_num_queries(7):
        assert client.get(PLANS).status_code == 200
    for kind in ("csv", "xlsx"):
        with django_assert_max_num_queries(5):
            assert client.get(PLANS, {"export": kind}).status_code == 200
