"""A return records how many times the subgroup met in its quarter: entered with
the highlights, refused outside 0-99 with the GOV.UK wording, shown on the
return's page and its check page, and kept in the return's history."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from subgroups import services
from subgroups.models import SubgroupReturn

from .helpers import return_url

RANGE = "Meetings held in the quarter must be between 0 and 99"


@pytest.fixture
def draft(subgroup, subgroup_chair):
    return services.return_start(
        subgroup=subgroup, period="2016-17 Q4", user=subgroup_chair
    )


def post_highlights(client, subgroup_return, meetings_held):
    return client.post(
        return_url(subgroup_return, "highlights/"),
        {
            "highlights": "Audit programme agreed",
            "meetings_held": meetings_held,
            "version": subgroup_return.version,
        },
    )


def test_the_chair_enters_the_meetings_with_the_highlights(
    draft, subgroup_chair, as_user
):
    client = as_user(subgroup_chair)
    page = client.get(return_url(draft, "highlights/")).content.decode()
    assert "How many times did the subgroup meet in the quarter?" in page
    assert 'inputmode="numeric"' in page
    response = post_highlights(client, draft, "3")
    assert response["Location"] == return_url(draft, "exceptions/")
    draft.refresh_from_db()
    assert (draft.highlights, draft.meetings_held) == ("Audit programme agreed", 3)


def test_the_business_team_may_record_none_and_blank_is_not_recorded(
    draft, cast, as_user
):
    client = as_user(cast.business_team)
    assert post_highlights(client, draft, "0").status_code == 302
    draft.refresh_from_db()
    assert draft.meetings_held == 0
    assert post_highlights(client, draft, "").status_code == 302
    draft.refresh_from_db()
    assert draft.meetings_held is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("100", RANGE),
        ("-1", RANGE),
        ("two", "Meetings held in the quarter must be a whole number, like 2"),
        ("1.5", "Meetings held in the quarter must be a whole number, like 2"),
    ],
)
def test_a_number_outside_0_to_99_is_refused_with_the_message(
    draft, subgroup_chair, as_user, typed, message
):
    response = post_highlights(as_user(subgroup_chair), draft, typed)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert page.count(message) == 2  # the summary and the field
    assert "govuk-input--error" in page
    draft.refresh_from_db()
    assert (draft.highlights, draft.meetings_held, draft.version) == ("", None, 1)


def test_the_service_and_the_database_refuse_100(draft, subgroup_chair):
    with pytest.raises(ValidationError, match="99"):
        services.return_save(
            subgroup_return=draft,
            version=draft.version,
            changes={"meetings_held": 100},
            user=subgroup_chair,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        SubgroupReturn.objects.filter(pk=draft.pk).update(meetings_held=100)


def test_the_return_and_check_pages_show_the_meetings(
    draft, subgroup_chair, cast, as_user
):
    post_highlights(as_user(subgroup_chair), draft, "2")
    page = as_user(cast.business_team).get(return_url(draft)).content.decode()
    row = page[page.index("Meetings held in the quarter") :]
    assert row[: row.index("</div>")].count(">2<") == 1
    check = as_user(subgroup_chair).get(return_url(draft, "check/")).content.decode()
    assert "Meetings held in the quarter" in check
    assert (
        f'href="{return_url(draft, "highlights/")}">Change<span '
        'class="govuk-visually-hidden"> meetings held in the quarter' in check
    )


def test_a_return_without_the_figure_says_it_is_not_recorded(draft, cast, as_user):
    page = as_user(cast.business_team).get(return_url(draft)).content.decode()
    row = page[page.index("Meetings held in the quarter") :]
    assert "Not recorded" in row[: row.index("</div>")]


def test_a_change_to_the_meetings_is_kept_in_history(
    draft, subgroup_chair, cast, as_user
):
    client = as_user(subgroup_chair)
    post_highlights(client, draft, "1")
    draft.refresh_from_db()
    post_highlights(client, draft, "2")
    assert [h.meetings_held for h in draft.history.order_by("history_id")] == [
        None,
        1,
        2,
    ]
    page = as_user(cast.business_team).get(return_url(draft, "history/"))
    assert "Meetings held in the quarter" in page.content.decode()
