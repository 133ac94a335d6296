"""Multi-agency case audits: the rules (a grading on the scale, no more gradings
than cases, complete needs evidence), the pages' happy paths and refusals, who may
see and do what, and the queries of the list and of an audit's page."""

from datetime import date

import pytest
from django.urls import reverse

from audits import services
from audits.models import (
    CaseAudit,
    CaseAuditGrading,
    CaseAuditRecommendation,
    Grading,
    RecommendationStatus,
)
from audits.views.case_audits import gradings_summary
from lscb_portal.errors import DomainError
from lscb_portal.versioning import StaleVersion
from tests.business_plan.factories import ActionFactory, PlanFactory, SubgroupFactory
from tests.matrix import NOT_OURS, READ, allow, permission_matrix

pytestmark = pytest.mark.django_db

RI = Grading.REQUIRES_IMPROVEMENT


def make_audit(cast, *, cases=4, theme="Domestic abuse", group=None, **extra):
    return services.case_audit_create(
        board=cast.board,
        user=cast.business_team,
        theme=theme,
        group=group,
        audited_on=extra.pop("audited_on", date(2017, 1, 20)),
        cases_audited=cases,
        good_practice=extra.pop("good_practice", "Timely reporting of incidents."),
        areas_for_improvement="Opportunities to share information were missed.",
    )


def make_rec(cast, audit, number=1, agency=None, **extra):
    return services.recommendation_create(
        audit=audit,
        user=cast.business_team,
        number=number,
        text=f"Recommendation {number} text",
        owner_agency=agency or cast.agency_x,
        due_date=date(2017, 9, 30),
        **extra,
    )


def url(name, cast, *args):
    return reverse(f"audits:{name}", args=[cast.board.slug, *args])


def date_parts(name, day):
    return {
        f"{name}_day": day.day,
        f"{name}_month": day.month,
        f"{name}_year": day.year,
    }


# Rules ---------------------------------------------------------------------------


def test_grading_outside_the_scale_is_refused_and_nothing_saved(cast):
    audit = make_audit(cast)
    with pytest.raises(DomainError) as refused:
        services.grading_record(
            audit=audit, user=cast.business_team, case="Case 1", grading="excellent"
        )
    assert "Choose outstanding, good, requires improvement or inadequate" in str(
        refused.value
    )
    assert not CaseAuditGrading.objects.exists()


def test_the_database_refuses_a_grading_off_the_scale(cast):
    audit = make_audit(cast)
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        CaseAuditGrading.objects.create(audit=audit, case="Case 1", grading="meh")


def test_more_gradings_than_cases_audited_are_refused(cast):
    audit = make_audit(cast, cases=4)
    for n, grading in enumerate([RI, RI, RI, Grading.GOOD], start=1):
        services.grading_record(
            audit=audit, user=cast.business_team, case=f"Case {n}", grading=grading
        )
    with pytest.raises(DomainError) as refused:
        services.grading_record(
            audit=audit, user=cast.business_team, case="Case 5", grading=RI
        )
    assert "You recorded 5 gradings for 4 cases audited" in str(refused.value)
    assert audit.gradings.count() == 4


def test_cases_audited_cannot_fall_below_the_gradings(cast):
    audit = make_audit(cast, cases=2)
    for n in (1, 2):
        services.grading_record(
            audit=audit, user=cast.business_team, case=f"Case {n}", grading=RI
        )
    with pytest.raises(DomainError) as refused:
        services.case_audit_update(
            audit=audit,
            user=cast.business_team,
            version=audit.version,
            changes={"cases_audited": 1},
        )
    assert "You recorded 2 gradings for 1 case audited" in str(refused.value)
    audit.refresh_from_db()
    assert (audit.cases_audited, audit.version) == (2, 1)


def test_a_case_is_graded_once(cast):
    audit = make_audit(cast)
    services.grading_record(
        audit=audit, user=cast.business_team, case="Case 1", grading=RI
    )
    with pytest.raises(DomainError, match="Case 1 already has a grading"):
        services.grading_record(
            audit=audit, user=cast.business_team, case="Case 1", grading=Grading.GOOD
        )


def test_complete_needs_evidence_and_makes_the_rag_complete(cast):
    rec = make_rec(cast, make_audit(cast))
    with pytest.raises(DomainError, match="evidence"):
        services.recommendation_record_progress(
            recommendation=rec,
            user=cast.contributor_x,
            version=rec.version,
            status=RecommendationStatus.COMPLETE,
            rag="G",
            evidence="  ",
        )
    rec.refresh_from_db()
    assert rec.status == RecommendationStatus.NOT_STARTED
    rec = services.recommendation_record_progress(
        recommendation=rec,
        user=cast.contributor_x,
        version=rec.version,
        status=RecommendationStatus.COMPLETE,
        rag="G",
        evidence="Return interviews within 72 hours in 9 of 10 cases.",
    )
    assert (rec.status, rec.rag, rec.version) == ("complete", "C", 2)
    assert rec.history.first().history_user == cast.contributor_x


def test_a_stale_progress_update_is_refused(cast):
    rec = make_rec(cast, make_audit(cast))
    services.recommendation_record_progress(
        recommendation=rec,
        user=cast.business_team,
        version=1,
        status="in_progress",
        rag="A",
    )
    with pytest.raises(StaleVersion):
        services.recommendation_record_progress(
            recommendation=rec,
            user=cast.contributor_x,
            version=1,
            status="in_progress",
            rag="G",
        )


def test_another_boards_group_or_agency_is_refused(cast):
    with pytest.raises(DomainError, match="this board's groups"):
        make_audit(cast, group=SubgroupFactory(board=cast.other_board))
    audit = make_audit(cast)
    other_agency = cast.other_board_member.memberships.get().agency
    with pytest.raises(DomainError, match="this board's agencies"):
        make_rec(cast, audit, agency=other_agency)
    assert not CaseAuditRecommendation.objects.exists()


def test_gradings_summary_counts_the_commonest_first():
    rows = [CaseAuditGrading(grading=g) for g in (Grading.GOOD, RI, RI, RI)]
    assert gradings_summary(rows) == "3 requires improvement, 1 good"


# Pages ---------------------------------------------------------------------------


def test_business_team_records_an_audit_through_the_page(cast, as_user):
    group = SubgroupFactory(board=cast.board, name="Quality Assurance Group West")
    client = as_user(cast.business_team)
    response = client.post(
        url("case-audit-create", cast),
        {
            "theme": "Children with disabilities",
            "group": group.pk,
            "cases_audited": 6,
            "good_practice": "Good information sharing between agencies.",
            "areas_for_improvement": "Assessments were not always up to date.",
            **date_parts("audited_on", date(2016, 11, 10)),
        },
    )
    audit = CaseAudit.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("case-audit", cast, audit.pk)
    assert (audit.group, audit.cases_audited) == (group, 6)
    page = client.get(response["Location"]).content.decode()
    assert "Children with disabilities" in page
    assert "Assessments were not always up to date." in page


def test_bad_audit_input_shows_errors_and_saves_nothing(cast, as_user):
    response = as_user(cast.business_team).post(
        url("case-audit-create", cast),
        {
            "theme": "",
            "cases_audited": "0",
            "audited_on_day": "30",
            "audited_on_month": "2",
            "audited_on_year": "2017",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Enter the audit&#x27;s theme" in page
    assert "1 or more" in page
    assert "Enter a real date" in page
    assert not CaseAudit.objects.exists()


def test_grading_page_refuses_off_scale_and_too_many(cast, as_user):
    audit = make_audit(cast, cases=1)
    client = as_user(cast.business_team)
    address = url("grading-add", cast, audit.pk)
    response = client.post(address, {"case": "Case 1", "grading": "excellent"})
    assert response.status_code == 200
    assert "Select outstanding, good, requires improvement or inadequate" in (
        response.content.decode()
    )
    assert (
        client.post(address, {"case": "Case 1", "grading": "good"}).status_code == 302
    )
    response = client.post(address, {"case": "Case 2", "grading": "good"})
    assert response.status_code == 200
    assert "You recorded 2 gradings for 1 case audited" in response.content.decode()
    assert audit.gradings.count() == 1


def test_audit_page_shows_gradings_findings_and_rag_in_words(cast, as_user):
    audit = make_audit(cast)
    for n, grading in enumerate([RI, RI, RI, Grading.GOOD], start=1):
        services.grading_record(
            audit=audit, user=cast.business_team, case=f"Case {n}", grading=grading
        )
    rec = make_rec(cast, audit)
    services.recommendation_record_progress(
        recommendation=rec,
        user=cast.business_team,
        version=1,
        status="in_progress",
        rag="A",
    )
    page = as_user(cast.board_member).get(url("case-audit", cast, audit.pk))
    text = page.content.decode()
    assert "3 requires improvement, 1 good" in text
    assert "Timely reporting of incidents." in text
    assert ">Amber<" in text
    assert "In progress" in text
    # A board member may not record progress, so sees no link to it.
    assert url("recommendation-progress", cast, audit.pk, rec.pk) not in text
    assert url("case-audit-edit", cast, audit.pk) not in text


def test_owning_contributor_sees_and_uses_the_progress_link(cast, as_user):
    audit = make_audit(cast)
    own = make_rec(cast, audit, 1, cast.agency_x)
    other = make_rec(cast, audit, 2, cast.agency_y)
    client = as_user(cast.contributor_x)
    text = client.get(url("case-audit", cast, audit.pk)).content.decode()
    assert url("recommendation-progress", cast, audit.pk, own.pk) in text
    assert url("recommendation-progress", cast, audit.pk, other.pk) not in text
    address = url("recommendation-progress", cast, audit.pk, own.pk)
    response = client.post(address, {"status": "complete", "version": 1})
    assert response.status_code == 200
    assert "Describe the evidence" in response.content.decode()
    response = client.post(
        address, {"status": "complete", "evidence": "Audit repeated.", "version": 1}
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.status, own.rag) == ("complete", "C")
    stale = client.post(address, {"status": "in_progress", "rag": "G", "version": 1})
    assert stale.status_code == 409


def test_recommendation_added_with_a_business_plan_action(cast, as_user):
    audit = make_audit(cast)
    action = ActionFactory(plan=PlanFactory(board=cast.board))
    response = as_user(cast.business_team).post(
        url("recommendation-add", cast, audit.pk),
        {
            "number": 1,
            "text": "Hold stage 1 and 2 meetings for every missing episode.",
            "owner_agency": cast.agency_x.pk,
            "business_plan_action": action.pk,
            **date_parts("due_date", date(2017, 12, 31)),
        },
    )
    assert response.status_code == 302
    rec = audit.recommendations.get()
    assert (rec.business_plan_action, rec.owner_agency) == (action, cast.agency_x)


def test_edit_is_versioned(cast, as_user):
    audit = make_audit(cast)
    client = as_user(cast.business_team)
    data = {
        "theme": "Domestic abuse (deep dive)",
        "cases_audited": 5,
        "version": 1,
        **date_parts("audited_on", date(2017, 1, 20)),
    }
    assert client.post(url("case-audit-edit", cast, audit.pk), data).status_code == 302
    again = client.post(url("case-audit-edit", cast, audit.pk), data)
    assert again.status_code == 409
    audit.refresh_from_db()
    assert (audit.theme, audit.version) == ("Domestic abuse (deep dive)", 2)


def test_list_filters_by_group_and_year_and_exports(cast, as_user):
    north = SubgroupFactory(board=cast.board, name="Quality Assurance Group North")
    south = SubgroupFactory(board=cast.board, name="Quality Assurance Group South")
    a = make_audit(
        cast, theme="Missing from home", group=north, audited_on=date(2016, 10, 5)
    )
    make_audit(
        cast,
        theme="Parental substance misuse",
        group=south,
        audited_on=date(2016, 7, 5),
    )
    make_audit(cast, theme="Older audit", group=north, audited_on=date(2016, 3, 1))
    services.grading_record(
        audit=a, user=cast.business_team, case="Case 1", grading=Grading.GOOD
    )
    make_rec(cast, a)
    client = as_user(cast.lay_member)
    page = client.get(url("case-audits", cast)).content.decode()
    assert all(t in page for t in ("Missing from home", "Parental", "Older audit"))
    page = client.get(url("case-audits", cast), {"group": north.pk, "year": 2016})
    text = page.content.decode()
    assert "Missing from home" in text
    assert "Parental substance misuse" not in text and "Older audit" not in text
    assert "1 good" in text
    bad = client.get(url("case-audits", cast), {"year": "1890", "group": "x"})
    assert bad.status_code == 200
    assert "Select a year from the list" in bad.content.decode()
    csv = client.get(url("case-audits", cast), {"year": 2016, "export": "csv"})
    body = csv.content.decode()
    assert "Open recommendations" in body and "Missing from home,Quality" in body
    assert "Older audit" not in body


def test_record_link_shown_only_to_managers(cast, as_user):
    create = url("case-audit-create", cast)
    assert (
        create
        in as_user(cast.business_team).get(url("case-audits", cast)).content.decode()
    )
    assert (
        create
        not in as_user(cast.contributor_x)
        .get(url("case-audits", cast))
        .content.decode()
    )


# Who may see and do what -----------------------------------------------------------


@pytest.fixture
def records(cast):
    audit = make_audit(cast, cases=6)
    rec = make_rec(cast, audit, 1, cast.agency_x)
    theirs = services.case_audit_create(
        board=cast.other_board,
        user=None,
        theme="Theirs",
        audited_on=date(2017, 1, 1),
        cases_audited=1,
    )
    return audit, rec, theirs


# The business team writes audits (the chair reads them, as everyone does).
MANAGE = allow(200, "business_team")
MANAGE_POST = allow(302, "business_team")
UPDATERS = ("business_team", "contributor_x")
# (page, the records its address names, method, statuses): the contributor of the
# agency that owns the recommendation records its progress; contributor_y's agency
# owns none.
MATRIX_ROWS = [
    ("case-audits", "", "get", READ),
    ("case-audit", "audit", "get", READ),
    ("case-audit", "theirs", "get", NOT_OURS),
    ("case-audit-create", "", "get", MANAGE),
    ("case-audit-create", "", "post", MANAGE_POST),
    ("case-audit-edit", "audit", "get", MANAGE),
    ("grading-add", "audit", "get", MANAGE),
    ("grading-add", "audit", "post", MANAGE_POST),
    ("grading-add", "theirs", "get", NOT_OURS),
    ("recommendation-add", "audit", "get", MANAGE),
    ("recommendation-progress", "audit rec", "get", allow(200, *UPDATERS)),
    ("recommendation-progress", "audit rec", "post", allow(302, *UPDATERS)),
]
POSTS = {
    "case-audit-create": {
        "theme": "Neglect",
        "cases_audited": 3,
        **date_parts("audited_on", date(2017, 2, 1)),
    },
    "grading-add": {"case": "Case 1", "grading": "good"},
    "recommendation-progress": {"status": "in_progress", "rag": "A", "version": 1},
}


@permission_matrix([(f"{n}|{a}", m, s) for n, a, m, s in MATRIX_ROWS])
def test_permission_matrix(who, method, url, expected, cast, records, visit):
    audit, rec, theirs = records
    name, names = url.split("|")
    ids = {"audit": audit.pk, "rec": rec.pk, "theirs": theirs.pk}
    address = reverse(
        f"audits:{name}", args=[cast.board.slug, *(ids[n] for n in names.split())]
    )

    def snapshot():
        return (
            CaseAudit.objects.count(),
            CaseAuditGrading.objects.count(),
            CaseAuditRecommendation.objects.get(pk=rec.pk).version,
        )

    visit(who, method, address, expected, data=POSTS.get(name), snapshot=snapshot)


# Queries ---------------------------------------------------------------------------

SIZES = {"2 audits": 2, "12 audits": 12}


@pytest.fixture(params=list(SIZES))
def many(request, cast):
    n = SIZES[request.param]
    groups = [SubgroupFactory(board=cast.board, name=f"QAG {i}") for i in range(3)]
    audits = []
    for i in range(n):
        audit = make_audit(cast, cases=4, theme=f"Theme {i}", group=groups[i % 3])
        for c in range(4):
            services.grading_record(
                audit=audit,
                user=cast.business_team,
                case=f"Case {c}",
                grading=Grading.values[c],
            )
        for r in range(1, 4):
            make_rec(cast, audit, r, (cast.agency_x, cast.agency_y)[r % 2])
        audits.append(audit)
    return audits


# Measured at the small size, the most of the three users needs (a contributor also
# loads its memberships, and on an audit's page whose recommendations it may update):
# session, user, board, roles; the list's years, filter groups, count, page and its
# gradings (the export: no count, no filter groups); the audit page's audit,
# gradings, recommendations and history. Each must hold at the large size.
BUDGETS = [
    ("case-audits", {}, 10),
    ("case-audits", {"year": 2016, "sort": "open", "order": "desc"}, 10),
    ("case-audits", {"export": "csv"}, 8),
    ("case-audit", None, 11),
]


@pytest.mark.parametrize("who", ["business_team", "board_member", "contributor_x"])
@pytest.mark.parametrize(("page", "query", "budget"), BUDGETS)
def test_list_and_detail_queries_do_not_grow(
    who, page, query, budget, cast, many, as_user, django_assert_max_num_queries
):
    client = as_user(getattr(cast, who))
    address = url(page, cast) if query is not None else url(page, cast, many[-1].pk)
    with django_assert_max_num_queries(budget):
        response = client.get(address, query or {})
    assert response.status_code == 200
    if page == "case-audit":
        assert response.content.decode().count("Recommendation 3 text") == 1
    elif "export" not in (query or {}):
        assert f"{len(many)} audit" in response.content.decode()
