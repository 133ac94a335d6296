"""The budget: totals, the balance warning, year-on-year change, and the forms'
refusals (negative amounts, a second contribution from an agency in a year)."""

from decimal import Decimal

import pytest

from boards.models import Contribution, Spend
from boards.selectors.finance import budget_for_year, budget_years, money, percent
from boards.services import finance as services

BUDGET = "/boards/north/budget/"
NEW_CONTRIBUTION = "/boards/north/budget/contributions/new/"
NEW_SPEND = "/boards/north/budget/spend/new/"
DUPLICATE = (
    "This agency&#x27;s contribution for the year is already recorded: "
    "change it instead."
)


def contribute(cast, agency, amount, year=2016):
    return Contribution.objects.create(
        board=cast.board, year=year, agency=agency, amount=Decimal(amount)
    )


def spend(cast, heading, amount, year=2016):
    return Spend.objects.create(
        board=cast.board, year=year, heading=heading, amount=Decimal(amount)
    )


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, response.content.decode()


# Totals and the balance warning ---------------------------------------------------


def test_totals_are_shown_in_pounds_with_thousands_separators(cast, as_user):
    contribute(cast, cast.agency_x, "96814")
    contribute(cast, cast.agency_y, "115774")
    spend(cast, "Office Costs", "95931")
    spend(cast, "Serious case reviews", "116657")
    response, html = page(as_user(cast.board_member), BUDGET + "?year=2016")
    budget = response.context["budget"]
    assert budget.income.total == budget.spend.total == Decimal("212588")
    assert html.count("£212,588.00") >= 3  # summary, and each table's total
    assert "£96,814.00" in html
    assert "Budget 2016-17" in html


def test_a_balanced_budget_shows_no_warning(cast, as_user):
    contribute(cast, cast.agency_x, "1000")
    spend(cast, "Office Costs", "1000")
    _, html = page(as_user(cast.lay_member), BUDGET + "?year=2016")
    assert "govuk-warning-text" not in html
    assert "Balanced" in html


def test_spend_above_income_warns_by_how_much(cast, as_user):
    contribute(cast, cast.agency_x, "1000")
    spend(cast, "Office Costs", "1250.50")
    response, html = page(as_user(cast.board_member), BUDGET + "?year=2016")
    assert response.context["budget"].difference == Decimal("-250.50")
    assert "govuk-warning-text" in html
    assert "spend is £250.50 higher than income" in html
    assert "Does not balance" in html


def test_income_above_spend_warns_by_how_much(cast, as_user):
    contribute(cast, cast.agency_x, "5000")
    spend(cast, "Office Costs", "1000")
    _, html = page(as_user(cast.board_member), BUDGET + "?year=2016")
    assert "income is £4,000.00 higher than spend" in html


def test_a_year_with_nothing_recorded_says_so(cast, as_user):
    _, html = page(as_user(cast.chair), BUDGET + "?year=2016")
    assert "No budget is recorded for 2016-17." in html
    assert "govuk-warning-text" not in html


@pytest.mark.parametrize("year", ["abc", "1900", "99999", ""])
def test_a_bad_year_falls_back_to_the_latest_year(cast, as_user, year):
    contribute(cast, cast.agency_x, "10", year=2015)
    response, _ = page(as_user(cast.chair), f"{BUDGET}?year={year}")
    assert response.context["budget"].year == 2015


# Year-on-year change --------------------------------------------------------------


def test_change_per_agency_per_heading_and_in_total(cast, as_user):
    contribute(cast, cast.agency_x, "1000", year=2015)
    contribute(cast, cast.agency_x, "1100", year=2016)
    contribute(cast, cast.agency_y, "500", year=2016)  # new this year
    spend(cast, "Office Costs", "2000", year=2015)
    spend(cast, "Office Costs", "1500", year=2016)
    spend(cast, "Training", "100", year=2015)  # not spent this year
    response, html = page(as_user(cast.board_member), BUDGET + "?year=2016")
    budget = response.context["budget"]
    income = {line.label: line for line in budget.income.lines}
    police = income["Northshire Constabulary"]
    assert (police.change, police.change_display) == (
        Decimal("100"),
        "+£100.00 (+10.0%)",
    )
    voluntary = income["Northshire Voluntary Sector"]
    assert voluntary.is_new and voluntary.change_display == "new"
    spent = {line.label: line for line in budget.spend.lines}
    assert spent["Office Costs"].change_display == "\u2212£500.00 (\u221225.0%)"
    assert spent["Training"].amount is None
    assert spent["Training"].change_display == "\u2212£100.00 (\u2212100.0%)"
    assert budget.income.total_line.change_display == "+£600.00 (+60.0%)"
    assert budget.spend.total_line.change_display == "\u2212£600.00 (\u221228.6%)"
    assert "2015-16" in html and ">New</strong>" in html
    assert "+£100.00 (+10.0%)" in html


def test_without_last_years_figures_no_change_is_shown(cast, as_user):
    contribute(cast, cast.agency_x, "1000")
    _, html = page(as_user(cast.board_member), BUDGET + "?year=2016")
    assert "No budget is recorded for 2015-16" in html
    assert ">Change</th>" not in html


def test_budget_selector_reads_two_years_in_two_queries(
    cast, django_assert_num_queries
):
    contribute(cast, cast.agency_x, "1", year=2015)
    contribute(cast, cast.agency_x, "2", year=2016)
    with django_assert_num_queries(2):
        years = budget_years(cast.board)
    with django_assert_num_queries(2):
        budget = budget_for_year(cast.board, 2016, years)
    assert years == [2016, 2015]
    assert budget.income.lines[0].previous == Decimal("1")


def test_money_and_percent_formatting():
    assert money(Decimal("1234567.5")) == "£1,234,567.50"
    assert money(Decimal("-5"), signed=True) == "\u2212£5.00"
    assert money(Decimal("0"), signed=True) == "£0.00"
    assert percent(Decimal("12.345")) == "+12.3%"


# Adding, changing and removing lines ---------------------------------------------


def test_business_team_adds_a_contribution(cast, as_user):
    response = as_user(cast.business_team).post(
        NEW_CONTRIBUTION,
        {"year": "2016", "agency": cast.agency_x.pk, "amount": "£13,811"},
    )
    assert response.status_code == 302
    assert response["Location"] == BUDGET + "?year=2016"
    contribution = Contribution.objects.get()
    assert contribution.amount == Decimal("13811.00")
    assert contribution.history.first().history_user == cast.business_team


@pytest.mark.parametrize("url", [NEW_CONTRIBUTION, NEW_SPEND])
def test_negative_amounts_are_refused_with_a_clear_message(cast, as_user, url):
    data = {"year": "2016", "agency": cast.agency_x.pk, "heading": "Fees"}
    response = as_user(cast.chair).post(url, {**data, "amount": "-1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "The amount cannot be negative: enter £0 or more" in html
    assert not Contribution.objects.exists() and not Spend.objects.exists()


def test_services_refuse_negative_amounts_too(cast):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="negative"):
        services.spend_create(
            board=cast.board,
            year=2016,
            heading="Fees",
            amount=Decimal("-1"),
            user=cast.chair,
        )
    assert not Spend.objects.exists()


def test_a_second_contribution_from_an_agency_in_a_year_is_refused(cast, as_user):
    existing = contribute(cast, cast.agency_x, "13811")
    response = as_user(cast.business_team).post(
        NEW_CONTRIBUTION,
        {"year": "2016", "agency": cast.agency_x.pk, "amount": "500"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert DUPLICATE in html
    assert f"/boards/north/budget/contributions/{existing.pk}/edit/" in html
    assert list(Contribution.objects.values_list("amount", flat=True)) == [
        Decimal("13811.00")
    ]
    assert existing.history.count() == 1


def test_the_same_agency_may_contribute_in_another_year(cast, as_user):
    contribute(cast, cast.agency_x, "13811", year=2015)
    response = as_user(cast.chair).post(
        NEW_CONTRIBUTION,
        {"year": "2016", "agency": cast.agency_x.pk, "amount": "500"},
    )
    assert response.status_code == 302
    assert Contribution.objects.count() == 2


def test_changing_a_contribution_into_another_agencys_year_is_refused(cast, as_user):
    contribute(cast, cast.agency_x, "100")
    other = contribute(cast, cast.agency_y, "200")
    response = as_user(cast.chair).post(
        f"/boards/north/budget/contributions/{other.pk}/edit/",
        {"year": "2016", "agency": cast.agency_x.pk, "amount": "200"},
    )
    assert response.status_code == 200
    assert DUPLICATE in response.content.decode()
    other.refresh_from_db()
    assert other.agency == cast.agency_y


def test_a_duplicate_spend_heading_is_refused(cast, as_user):
    spend(cast, "Office Costs", "10")
    response = as_user(cast.chair).post(
        NEW_SPEND, {"year": "2016", "heading": "office costs", "amount": "5"}
    )
    assert response.status_code == 200
    assert "This heading is already recorded for the year" in response.content.decode()
    assert Spend.objects.count() == 1


def test_an_agency_of_another_board_cannot_be_chosen(cast, as_user):
    stranger = cast.other_board.agencies.get()
    response = as_user(cast.chair).post(
        NEW_CONTRIBUTION, {"year": "2016", "agency": stranger.pk, "amount": "5"}
    )
    assert response.status_code == 200
    assert "Choose one of the board&#x27;s agencies" in response.content.decode()
    assert not Contribution.objects.exists()


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("", "Enter the amount in pounds"),
        ("lots", "Enter the amount in pounds"),
        ("1.234", "Enter the amount to the nearest penny"),
        ("99999999999", "Enter an amount under £10,000,000,000"),
    ],
)
def test_bad_amounts_get_a_message_not_a_500(cast, as_user, amount, message):
    response = as_user(cast.chair).post(
        NEW_SPEND, {"year": "2016", "heading": "Fees", "amount": amount}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Spend.objects.exists()


def test_editing_a_spend_line_keeps_history(cast, as_user):
    line = spend(cast, "Fees", "10")
    client = as_user(cast.chair)
    form = client.get(f"/boards/north/budget/spend/{line.pk}/edit/").context["form"]
    response = client.post(
        f"/boards/north/budget/spend/{line.pk}/edit/",
        {
            "year": "2016",
            "heading": "Fees",
            "amount": "2,919",
            "seen": form.initial["seen"],
        },
    )
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.amount == Decimal("2919.00")
    assert line.history.first().history_user == cast.chair


def test_a_stale_edit_is_refused_with_409(cast, as_user):
    line = spend(cast, "Fees", "10")
    client = as_user(cast.chair)
    seen = (
        client.get(f"/boards/north/budget/spend/{line.pk}/edit/")
        .context["form"]
        .initial["seen"]
    )
    services.spend_update(
        spend=line,
        seen=seen,
        year=2016,
        heading="Fees",
        amount=Decimal("20"),
        user=cast.business_team,
    )
    response = client.post(
        f"/boards/north/budget/spend/{line.pk}/edit/",
        {"year": "2016", "heading": "Fees", "amount": "30", "seen": seen},
    )
    assert response.status_code == 409
    assert "This record was changed by" in response.content.decode()
    line.refresh_from_db()
    assert line.amount == Decimal("20.00")


def test_removing_a_contribution_asks_then_removes(cast, as_user):
    line = contribute(cast, cast.agency_x, "13811")
    client = as_user(cast.business_team)
    url = f"/boards/north/budget/contributions/{line.pk}/remove/"
    assert "£13,811.00" in client.get(url).content.decode()
    response = client.post(url)
    assert response["Location"] == BUDGET + "?year=2016"
    assert not Contribution.objects.exists()
    assert Contribution.history.filter(history_type="-").get().history_user == (
        cast.business_team
    )


# Query budget ---------------------------------------------------------------------


@pytest.mark.parametrize("size", [5, 80])
def test_budget_page_runs_bounded_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    from tests.boards.factories import AgencyFactory

    agencies = AgencyFactory.create_batch(size, board=cast.board)
    Contribution.objects.bulk_create(
        Contribution(board=cast.board, year=year, agency=agency, amount=n + year)
        for n, agency in enumerate(agencies)
        for year in (2015, 2016)
    )
    Spend.objects.bulk_create(
        Spend(board=cast.board, year=year, heading=f"Heading {n}", amount=n)
        for n in range(size)
        for year in (2015, 2016)
    )
    client = as_user(cast.business_team)
    with django_assert_max_num_queries(8):
        response = client.get(BUDGET + "?year=2016")
    assert response.status_code == 200
    assert len(response.context["budget"].income.lines) == size


def test_a_tampered_edit_form_gets_a_message_not_a_500(cast, as_user):
    line = spend(cast, "Fees", "10")
    response = as_user(cast.chair).post(
        f"/boards/north/budget/spend/{line.pk}/edit/",
        {"year": "2016", "heading": "Fees", "amount": "30", "seen": "abc"},
    )
    assert response.status_code == 200
    assert "This page is out of date" in response.content.decode()
    line.refresh_from_db()
    assert line.amount == Decimal("10.00")
