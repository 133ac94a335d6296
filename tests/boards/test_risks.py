"""The risk log: scores and bands, the 1-5 range, overdue reviews, the matrix, the
history of scores and versioned edits."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from boards.forms.risks import RiskEditForm, RiskForm
from boards.models import Risk, risk_band
from boards.selectors.risks import (
    band_text,
    describe_risk_log,
    risk_matrix,
    score_history,
)
from boards.services.risks import (
    IMPACT_RANGE,
    LIKELIHOOD_RANGE,
    risk_create,
    risk_update,
)
from lscb_portal.versioning import StaleVersion
from tests import lists

LOG = "/boards/north/risks/"


def add_risk(cast, *, likelihood=3, impact=3, review_date=None, **fields):
    return risk_create(
        board=cast.board,
        title=fields.pop("title", "Rising child protection plans"),
        owner=fields.pop("owner", "PMQA subgroup"),
        likelihood=likelihood,
        impact=impact,
        review_date=review_date or timezone.localdate() + timedelta(days=30),
        user=cast.business_team,
        **fields,
    )


def form_data(**overrides):
    data = {
        "title": "Budget reductions",
        "owner": "Business team",
        "likelihood": "3",
        "impact": "4",
        "review_date": (timezone.localdate() + timedelta(days=60)).isoformat(),
        "description": "",
        "mitigations": "",
    }
    return {**data, **overrides}


# Score and band ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("likelihood", "impact", "score", "band", "text"),
    [
        (1, 1, 1, "G", "Low 1"),
        (2, 2, 4, "G", "Low 4"),
        (1, 5, 5, "A", "Medium 5"),
        (3, 4, 12, "A", "Medium 12"),
        (3, 5, 15, "R", "High 15"),
        (4, 4, 16, "R", "High 16"),
        (5, 5, 25, "R", "High 25"),
    ],
)
def test_score_and_band_at_the_boundaries(cast, likelihood, impact, score, band, text):
    risk = add_risk(cast, likelihood=likelihood, impact=impact)
    assert risk.score == score
    assert risk.band == band
    assert band_text(risk.score) == text


@pytest.mark.parametrize(
    ("score", "band"), [(4, "G"), (5, "A"), (12, "A"), (15, "R"), (25, "R")]
)
def test_risk_band(score, band):
    assert risk_band(score) == band


def test_list_shows_band_as_words_with_the_score(cast, as_user):
    add_risk(cast, title="High one", likelihood=4, impact=5)
    add_risk(cast, title="Medium one", likelihood=2, impact=4)
    add_risk(cast, title="Low one", likelihood=1, impact=3)
    response = as_user(cast.contributor_y).get(LOG)
    page = response.content.decode()
    for text in ("High 20", "Medium 8", "Low 3"):
        assert text in page
    titles = [r.title for r in response.context["page"].object_list]
    assert titles == ["High one", "Medium one", "Low one"]


# The 1-5 range -----------------------------------------------------------------------


@pytest.mark.parametrize("value", [0, 6, -1, True, None])
@pytest.mark.parametrize(
    ("field", "message"), [("likelihood", LIKELIHOOD_RANGE), ("impact", IMPACT_RANGE)]
)
def test_service_refuses_scores_outside_one_to_five(cast, field, message, value):
    with pytest.raises(ValidationError) as error:
        add_risk(cast, **{field: value})
    assert error.value.message_dict[field] == [message]
    assert not Risk.objects.exists()


@pytest.mark.parametrize("value", ["0", "6", "", "three", "2.5"])
@pytest.mark.parametrize(
    ("field", "message"), [("likelihood", LIKELIHOOD_RANGE), ("impact", IMPACT_RANGE)]
)
def test_form_refuses_scores_outside_one_to_five(field, message, value):
    form = RiskForm(form_data(**{field: value}))
    assert not form.is_valid()
    assert form.errors[field] == [message]


@pytest.mark.parametrize("value", [0, 6])
@pytest.mark.parametrize("field", ["likelihood", "impact"])
def test_database_refuses_scores_outside_one_to_five(cast, field, value):
    risk = add_risk(cast)
    with pytest.raises(IntegrityError), transaction.atomic():
        Risk.objects.filter(pk=risk.pk).update(**{field: value})


@pytest.mark.parametrize("value", ["0", "6"])
def test_add_page_refuses_a_score_of_0_or_6_and_saves_nothing(cast, as_user, value):
    response = as_user(cast.business_team).post(
        LOG + "new/", form_data(likelihood=value, impact=value)
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert LIKELIHOOD_RANGE in page
    assert IMPACT_RANGE in page
    assert not Risk.objects.exists()


def test_edit_page_refuses_a_score_of_6_and_keeps_the_old_one(cast, as_user):
    risk = add_risk(cast, likelihood=2, impact=2)
    response = as_user(cast.chair).post(
        f"{LOG}{risk.pk}/edit/",
        form_data(likelihood="6", status="open", version=risk.version),
    )
    assert response.status_code == 200
    assert LIKELIHOOD_RANGE in response.content.decode()
    risk.refresh_from_db()
    assert (risk.likelihood, risk.version) == (2, 1)


def test_service_update_refuses_scores_outside_one_to_five(cast):
    risk = add_risk(cast)
    with pytest.raises(ValidationError):
        risk_update(risk=risk, version=1, changes={"impact": 0}, user=cast.chair)
    risk.refresh_from_db()
    assert risk.impact == 3


def test_adding_a_risk(cast, as_user):
    response = as_user(cast.business_team).post(LOG + "new/", form_data())
    risk = Risk.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{LOG}{risk.pk}/"
    assert (risk.board, risk.score, risk.status) == (cast.board, 12, "open")
    assert risk.history.get().history_user == cast.business_team


# Overdue reviews ---------------------------------------------------------------------


def test_overdue_reviews_are_flagged_for_open_risks_only(cast, as_user):
    today = timezone.localdate()
    add_risk(cast, title="Overdue", review_date=today - timedelta(days=1))
    add_risk(cast, title="Due today", review_date=today)
    add_risk(
        cast,
        title="Closed late",
        review_date=today - timedelta(days=9),
        status="closed",
    )
    client = as_user(cast.lay_member)
    response = client.get(LOG, {"status": "all"})
    flags = {r.title: r.review_overdue for r in response.context["page"].object_list}
    assert flags == {"Overdue": True, "Due today": False, "Closed late": False}
    assert response.content.decode().count("Review overdue") == 1
    overdue = Risk.objects.get(title="Overdue")
    assert "Review overdue" in client.get(f"{LOG}{overdue.pk}/").content.decode()


def test_list_shows_open_risks_unless_asked(cast, as_user):
    add_risk(cast, title="Still open")
    add_risk(cast, title="Done with", status="closed")
    client = as_user(cast.board_member)

    def titles(query):
        response = client.get(LOG, query)
        assert response.status_code == 200
        return {r.title for r in response.context["page"].object_list}

    assert titles({}) == {"Still open"}
    assert titles({"status": "closed"}) == {"Done with"}
    assert titles({"status": "all"}) == {"Still open", "Done with"}
    assert titles({"status": "nonsense"}) == {"Still open"}
    bad = client.get(LOG, {"status": "nonsense"}).content.decode()
    assert "Choose open, closed or both" in bad


def test_empty_log_says_so(cast, as_user):
    page = as_user(cast.board_member).get(LOG).content.decode()
    assert "There are no open risks." in page


# The matrix --------------------------------------------------------------------------


def test_matrix_places_open_risks_by_likelihood_and_impact(cast, as_user):
    add_risk(cast, title="Top right", likelihood=5, impact=5)
    add_risk(cast, title="Bottom left", likelihood=1, impact=1)
    add_risk(cast, title="Also bottom left", likelihood=1, impact=1)
    add_risk(cast, title="Middle", likelihood=3, impact=2)
    add_risk(cast, title="Closed", likelihood=5, impact=5, status="closed")
    matrix = risk_matrix(cast.board)
    assert [row.likelihood for row in matrix.rows] == [5, 4, 3, 2, 1]
    assert [cell.impact for cell in matrix.rows[0].cells] == [1, 2, 3, 4, 5]
    top_right = matrix.rows[0].cells[4]
    assert [r.title for r in top_right.risks] == ["Top right"]
    assert (top_right.score, top_right.band, top_right.label) == (25, "R", "High 25")
    bottom_left = matrix.rows[4].cells[0]
    assert [r.title for r in bottom_left.risks] == ["Also bottom left", "Bottom left"]
    assert bottom_left.label == "Low 1"
    assert [r.title for r in matrix.rows[2].cells[1].risks] == ["Middle"]
    assert matrix.rows[2].cells[1].label == "Medium 6"
    assert matrix.total == 4
    assert matrix.band_counts == {"High": 1, "Medium": 1, "Low": 2}

    page = as_user(cast.contributor_x).get(LOG + "matrix/").content.decode()
    assert "Open risks by likelihood" in page  # the caption
    assert "How risks are scored" in page  # the key
    assert page.count("portal-risk-cell--R") == 6  # the six cells scoring 15 or more
    assert "Closed" not in [
        r.title for row in matrix.rows for c in row.cells for r in c.risks
    ]


def test_matrix_of_another_board_shows_none_of_ours(cast):
    add_risk(cast, likelihood=5, impact=5)
    matrix = risk_matrix(cast.other_board)
    assert matrix.total == 0


# History of scores -------------------------------------------------------------------


def test_history_of_scores_after_two_edits(cast, as_user):
    risk = add_risk(cast, likelihood=2, impact=3)
    risk_update(
        risk=risk, version=1, changes={"likelihood": 4}, user=cast.business_team
    )
    risk_update(
        risk=risk,
        version=2,
        changes={"mitigations": "Audit under way"},
        user=cast.chair,
    )
    risk_update(risk=risk, version=3, changes={"impact": 5}, user=cast.chair)
    entries = score_history(risk)
    assert [(e.likelihood, e.impact, e.score, e.band_label) for e in entries] == [
        (2, 3, 6, "Medium 6"),
        (4, 3, 12, "Medium 12"),
        (4, 5, 20, "High 20"),
    ]
    assert [e.who for e in entries] == [
        cast.business_team,
        cast.business_team,
        cast.chair,
    ]
    response = as_user(cast.lay_member).get(f"{LOG}{risk.pk}/")
    page = response.content.decode()
    assert "History of scores" in page
    assert "Medium 12" in page and "High 20" in page
    history = as_user(cast.lay_member).get(f"{LOG}{risk.pk}/history/")
    assert "Audit under way" in history.content.decode()


def test_history_of_scores_through_the_edit_page(cast, as_user):
    risk = add_risk(cast, likelihood=1, impact=1)
    client = as_user(cast.business_team)
    for version, (likelihood, impact) in enumerate([(2, 3), (5, 3)], start=1):
        response = client.post(
            f"{LOG}{risk.pk}/edit/",
            form_data(
                likelihood=str(likelihood),
                impact=str(impact),
                status="open",
                version=version,
            ),
        )
        assert response.status_code == 302
    assert [e.score for e in score_history(risk)] == [1, 6, 15]


# Versioned edits -------------------------------------------------------------------


def test_a_stale_edit_is_refused_with_409(cast, as_user):
    risk = add_risk(cast)
    risk_update(risk=risk, version=1, changes={"owner": "Chair"}, user=cast.chair)
    response = as_user(cast.business_team).post(
        f"{LOG}{risk.pk}/edit/",
        form_data(owner="Someone else", status="open", version=1),
    )
    assert response.status_code == 409
    assert "changed by" in response.content.decode()
    risk.refresh_from_db()
    assert risk.owner == "Chair"


def test_service_raises_stale_version(cast):
    risk = add_risk(cast)
    risk_update(risk=risk, version=1, changes={"owner": "A"}, user=cast.chair)
    with pytest.raises(StaleVersion):
        risk_update(risk=risk, version=1, changes={"owner": "B"}, user=cast.chair)


def test_edit_page_starts_from_the_risk(cast, as_user):
    risk = add_risk(cast, likelihood=4, impact=2, review_date=date(2030, 1, 1))
    form = as_user(cast.chair).get(f"{LOG}{risk.pk}/edit/").context["form"]
    assert isinstance(form, RiskEditForm)
    assert form["likelihood"].value() == 4
    assert form["version"].value() == 1
    assert form["review_date"].value() == date(2030, 1, 1)
    assert form["title"].value() == "Rising child protection plans"


def test_closing_a_risk(cast, as_user):
    risk = add_risk(cast)
    as_user(cast.chair).post(
        f"{LOG}{risk.pk}/edit/", form_data(status="closed", version=1)
    )
    risk.refresh_from_db()
    assert risk.status == "closed"


def test_describe_risk_log(cast):
    assert describe_risk_log(cast.board) == "No open risks are recorded."
    add_risk(cast, likelihood=5, impact=3)
    add_risk(cast, likelihood=2, impact=2)
    add_risk(cast, likelihood=5, impact=5, status="closed")
    assert describe_risk_log(cast.board) == "2 open risks, 1 high."


# The list component ----------------------------------------------------------------


@pytest.fixture
def three_risks(cast):
    add_risk(cast, title="Bravo", owner="Police", likelihood=4, impact=5)
    add_risk(cast, title="Alpha", owner="Health", likelihood=2, impact=4)
    add_risk(cast, title="Charlie", owner="Schools", likelihood=1, impact=3)
    add_risk(cast, title="Closed one", owner="=cmd|' /C calc'!A0", status="closed")


def test_list_sorts_by_title_and_ignores_unknown_keys(cast, three_risks, as_user):
    ascending = lists.assert_sorts(as_user(cast.board_member), LOG, "risk")
    assert [row[0] for row in ascending] == ["Alpha", "Bravo", "Charlie"]


def test_exports_hold_the_filtered_list(cast, three_risks, as_user):
    client = as_user(cast.board_member)
    rows = lists.assert_exports(client, LOG, {"sort": "owner", "order": "desc"})
    assert [row[1] for row in rows] == ["Schools", "Police", "Health"]
    assert rows[1][4] == "High 20"


def test_exported_formulas_are_neutralised(cast, three_risks, as_user):
    rows = lists.export(as_user(cast.board_member), LOG, "xlsx", {"status": "closed"})
    assert rows[1][1] == "'=cmd|' /C calc'!A0"


def test_xlsx_export_drops_characters_xlsx_cannot_hold(cast, as_user):
    add_risk(cast, title="Pasted\x0bfrom Word")
    rows = lists.export(as_user(cast.board_member), LOG, "xlsx")
    assert rows[1][0] == "Pastedfrom Word"
