"""What every API list's query may say (boards/api/filters.py): `modified_since`
from a real modification time, `agency` by id or short name where records have an
owning agency, and a 400 naming any unknown parameter or ordering. Parametrised
over every list the routers register, so a list added later without the filters
fails here."""

import importlib
import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from drf_spectacular.generators import SchemaGenerator

from audits.models import Question, Section11Cycle
from boards.api.filters import IdFilter
from boards.models import Agency, ChallengeLogEntry, Membership, Risk, Role
from boards.services.risks import risk_update
from business_plan.models import ActionUpdate, BusinessPlan, Rag
from business_plan.services import action_update_record
from good_practice.models import GoodPracticeExample
from indicators.services import target_set
from lscb_portal.api import APPS
from subgroups.models import ReturnStatus
from subgroups.services import return_save_actions
from tests.audits.factories import (
    CycleFactory,
    OrganisationFactory,
    QuestionFactory,
    api_case_audit,
    api_recommendation,
    api_submission,
)
from tests.boards.factories import AgencyFactory, BoardFactory, MembershipFactory
from tests.business_plan.factories import (
    ActionFactory,
    PlanFactory,
    SubgroupFactory,
    ThemeFactory,
    UpdateFactory,
)
from tests.indicators.factories import (
    IndicatorFactory,
    MeasurementFactory,
    ScorecardFactory,
)
from tests.reviews.factories import (
    ActionItemFactory,
    CaseReviewFactory,
    LearningThemeFactory,
    PublishedReviewFactory,
)
from tests.subgroups.factories import MeetingFactory, PlanItemFactory, ReturnFactory
from tests.training.factories import (
    AttendanceCountFactory,
    CourseFactory,
    ElearningReturnFactory,
    ElearningYearFactory,
    SessionFactory,
)
from training.models import ElearningYear

API = "/api/v1/"
OLD = datetime(2017, 1, 1, tzinfo=UTC)
NEW = datetime(2017, 6, 1, tzinfo=UTC)
BETWEEN = "2017-03-01T00:00:00Z"


def list_endpoints() -> dict[str, type]:
    """Every list the API's routers register: {url prefix: ViewSet}."""
    endpoints = {}
    for app in APPS:
        for prefix, viewset, _ in importlib.import_module(
            f"{app}.api.urls"
        ).router.registry:
            if hasattr(viewset, "list"):
                endpoints[prefix] = viewset
    return endpoints


ENDPOINTS = list_endpoints()
# Lists whose records name an agency without it owning them: why no `agency`.
NOT_OWNED = {
    "agencies": "An agency is not owned by an agency.",
    "subgroups": "Member agencies take part in a subgroup; none owns it.",
}


def plan_of(cast):
    return BusinessPlan.objects.filter(board=cast.board).first() or PlanFactory(
        board=cast.board
    )


def _challenge(cast, agency):
    return ChallengeLogEntry.objects.create(
        board=cast.board,
        date=date(2017, 1, 5),
        raised_by=Membership.objects.filter(board=cast.board).first(),
        agency_challenged=agency,
        subject="Why are strategy meetings late?",
    )


def _board(cast, agency):
    board = BoardFactory()
    MembershipFactory(user=cast.business_team, board=board, role=Role.BUSINESS_TEAM)
    return board


# One new record each list shows, owned by `agency` where its records have owners.
BUILDERS = {
    "boards": _board,
    "agencies": lambda cast, agency: AgencyFactory(board=cast.board),
    "memberships": lambda cast, agency: MembershipFactory(
        board=cast.board, role=Role.BOARD_MEMBER, agency=agency
    ),
    "meetings": lambda cast, agency: MeetingFactory(board=cast.board),
    "risks": lambda cast, agency: Risk.objects.create(
        board=cast.board,
        title="Partners leave",
        owner="Business team",
        likelihood=2,
        impact=3,
        review_date=date(2017, 1, 1),
    ),
    "challenges": _challenge,
    "subgroups": lambda cast, agency: SubgroupFactory(board=cast.board),
    "subgroup-returns": lambda cast, agency: ReturnFactory(
        subgroup=SubgroupFactory(board=cast.board), status=ReturnStatus.SUBMITTED
    ),
    "planner-items": lambda cast, agency: PlanItemFactory(board=cast.board),
    "plans": lambda cast, agency: PlanFactory(
        board=cast.board, first_year=2000 + BusinessPlan.objects.count() * 3
    ),
    "themes": lambda cast, agency: ThemeFactory(plan=plan_of(cast)),
    "actions": lambda cast, agency: ActionFactory(
        plan=plan_of(cast), owner_agencies=[agency]
    ),
    "action-updates": lambda cast, agency: UpdateFactory(
        action=ActionFactory(plan=plan_of(cast), owner_agencies=[agency])
    ),
    "indicators": lambda cast, agency: IndicatorFactory(
        board=cast.board, owning_agency=agency
    ),
    "measurements": lambda cast, agency: MeasurementFactory(
        indicator=IndicatorFactory(board=cast.board, owning_agency=agency)
    ),
    "scorecards": lambda cast, agency: ScorecardFactory(board=cast.board),
    "reviews": lambda cast, agency: CaseReviewFactory(board=cast.board),
    "review-action-items": lambda cast, agency: ActionItemFactory(
        review=PublishedReviewFactory(board=cast.board), owner_agency=agency
    ),
    "learning-themes": lambda cast, agency: LearningThemeFactory(board=cast.board),
    "section-11-cycles": lambda cast, agency: CycleFactory(
        board=cast.board, year=2000 + Section11Cycle.objects.count()
    ),
    "section-11-standards": lambda cast, agency: (
        QuestionFactory(standard__cycle=_cycle(cast)).standard
    ),
    "section-11-submissions": lambda cast, agency: api_submission(
        _cycle(cast), OrganisationFactory(board=cast.board, agency=agency)
    ),
    "case-audits": lambda cast, agency: api_case_audit(cast.board),
    "case-audit-recommendations": lambda cast, agency: api_recommendation(
        api_case_audit(cast.board), agency
    ),
    "good-practice": lambda cast, agency: GoodPracticeExample.objects.create(
        board=cast.board,
        agency=agency,
        date=date(2016, 6, 1),
        title="Joint visits",
        what_was_done="What was done.",
        outcome="The outcome for the child.",
        learning="The learning.",
    ),
    "training-courses": lambda cast, agency: CourseFactory(board=cast.board),
    "training-sessions": lambda cast, agency: _training_session(cast),
    "attendance-counts": lambda cast, agency: AttendanceCountFactory(
        session=_training_session(cast), agency=agency
    ),
    "elearning-returns": lambda cast, agency: ElearningReturnFactory(
        elearning_year=ElearningYear.objects.filter(board=cast.board).first()
        or ElearningYearFactory(board=cast.board),
        agency=agency,
    ),
}
# Lists whose rows keep no modification time: their history says when.
DATED_BY_HISTORY = {"attendance-counts", "elearning-returns"}


def _training_session(cast):
    return SessionFactory(course=CourseFactory(board=cast.board))


def _cycle(cast):
    return Section11Cycle.objects.filter(board=cast.board).first() or CycleFactory(
        board=cast.board
    )


def filters_of(prefix):
    return ENDPOINTS[prefix].filterset_class.base_filters


def modified_field(prefix) -> str:
    return filters_of(prefix)["modified_since"].field_name


def stamp(prefix, row, when):
    if prefix == "section-11-standards":
        # A standard keeps no modification time: its history and its questions' say.
        row.history.all().update(history_date=when)
        Question.history.filter(standard_id=row.pk).update(history_date=when)
        return
    if prefix in DATED_BY_HISTORY:
        row.history.all().update(history_date=when)
        return
    type(row).objects.filter(pk=row.pk).update(**{modified_field(prefix): when})


@pytest.fixture
def api(client, cast):
    cast.agency_x.short_name = "NC"
    cast.agency_x.save()
    cast.agency_y.short_name = "NVS"
    cast.agency_y.save()
    client.force_login(cast.business_team)
    return client


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_every_list_is_covered_here():
    assert set(ENDPOINTS) == set(BUILDERS)


@pytest.mark.parametrize("prefix", ENDPOINTS)
def test_modified_since_keeps_records_changed_since(prefix, cast, api):
    old, new = (
        BUILDERS[prefix](cast, cast.agency_x),
        BUILDERS[prefix](cast, cast.agency_y),
    )
    stamp(prefix, old, OLD)
    stamp(prefix, new, NEW)
    everything = ids(api.get(f"{API}{prefix}/"))
    assert {old.pk, new.pk} <= everything
    since = ids(api.get(f"{API}{prefix}/", {"modified_since": BETWEEN}))
    assert new.pk in since
    assert old.pk not in since


@pytest.mark.parametrize("prefix", ENDPOINTS)
def test_a_bad_modified_since_is_a_400_naming_it(prefix, cast, api):
    response = api.get(f"{API}{prefix}/", {"modified_since": "last Tuesday"})
    assert response.status_code == 400
    assert "modified_since" in json.dumps(response.json())
    assert "Enter a valid date/time." in json.dumps(response.json())


@pytest.mark.parametrize(
    "moment, message",
    [
        ("1097-05-20T17:31:15+21:53", "Enter a date from 1900 to 2100"),
        ("2017-05-20T17:31:15+21:53", "Give a time zone offset from -14:00 to +14:00."),
        ("0001-01-01T00:00:00+05:00", "Enter a date from 1900 to 2100"),
    ],
)
def test_a_modified_since_the_database_cannot_take_is_a_400(cast, api, moment, message):
    # Found by schemathesis on PostgreSQL, where these were a 500.
    response = api.get(f"{API}plans/", {"modified_since": moment})
    assert response.status_code == 400
    assert message in response.json()["modified_since"][0]


def test_a_naive_modified_since_is_read_as_uk_time(cast, api):
    before, after = BUILDERS["risks"](cast, None), BUILDERS["risks"](cast, None)
    # 10:30 in June is 09:30 UTC (British Summer Time).
    stamp("risks", before, datetime(2017, 6, 1, 9, 15, tzinfo=UTC))
    stamp("risks", after, datetime(2017, 6, 1, 9, 45, tzinfo=UTC))
    found = ids(api.get(f"{API}risks/", {"modified_since": "2017-06-01T10:30:00"}))
    assert after.pk in found
    assert before.pk not in found
    offset = ids(api.get(f"{API}risks/", {"modified_since": "2017-06-01T10:30+01:00"}))
    assert offset == found


@pytest.mark.parametrize("prefix", ENDPOINTS)
def test_every_list_whose_records_have_an_owning_agency_filters_by_it(prefix):
    viewset = ENDPOINTS[prefix]
    queryset = viewset.queryset
    model = (
        queryset.model if queryset is not None else viewset.filterset_class._meta.model
    )
    names_agency = any(
        field.related_model is Agency
        for field in model._meta.get_fields()
        if field.is_relation and not field.auto_created
    )
    if prefix in NOT_OWNED:
        assert "agency" not in filters_of(prefix)
    elif names_agency:
        assert "agency" in filters_of(prefix)


AGENCY_LISTS = [p for p in ENDPOINTS if "agency" in filters_of(p)]


def test_the_owned_lists_have_the_agency_filter():
    assert set(AGENCY_LISTS) == {
        "memberships",
        "challenges",
        "actions",
        "action-updates",
        "indicators",
        "measurements",
        "review-action-items",
        "case-audit-recommendations",
        "attendance-counts",
        "elearning-returns",
        "good-practice",
    }


@pytest.mark.parametrize("prefix", AGENCY_LISTS)
def test_agency_filters_by_id_and_by_short_name(prefix, cast, api):
    mine, theirs = (
        BUILDERS[prefix](cast, cast.agency_x),
        BUILDERS[prefix](cast, cast.agency_y),
    )
    for given in (cast.agency_x.pk, "NC", "nc"):
        found = ids(api.get(f"{API}{prefix}/", {"agency": given}))
        assert mine.pk in found, given
        assert theirs.pk not in found, given
    assert ids(api.get(f"{API}{prefix}/", {"agency": "No such agency"})) == set()
    for refused in ("9" * 30, "NC\x00", "x" * 61):
        response = api.get(f"{API}{prefix}/", {"agency": refused})
        assert response.status_code == 400
        assert "agency" in json.dumps(response.json())


def test_an_agency_on_either_side_of_a_challenge_finds_it(cast, api):
    challenge = _challenge(cast, cast.agency_y)
    challenge.raised_by_agency = cast.agency_x
    challenge.save()
    assert challenge.pk in ids(api.get(f"{API}challenges/", {"agency": "NC"}))
    assert challenge.pk in ids(api.get(f"{API}challenges/", {"agency": "NVS"}))


ID_FILTERS = [
    (prefix, name)
    for prefix in ENDPOINTS
    for name, given in filters_of(prefix).items()
    if isinstance(given, IdFilter)
]


@pytest.mark.parametrize(("prefix", "name"), ID_FILTERS)
def test_an_id_filter_says_so_and_refuses_what_is_not_an_id(prefix, name, cast, api):
    assert filters_of(prefix)[name].extra["help_text"].endswith(": its id.")
    for given in ("9" * 30, "CS1.0", "0"):
        response = api.get(f"{API}{prefix}/", {name: given})
        assert response.status_code == 400, given
        assert name in json.dumps(response.json())


@pytest.mark.parametrize("prefix", ENDPOINTS)
def test_an_unknown_query_parameter_is_a_400_naming_it(prefix, cast, api):
    response = api.get(f"{API}{prefix}/", {"colour": "red", "modifiedsince": "2017"})
    assert response.status_code == 400
    body = json.dumps(response.json())
    assert "colour" in body
    assert "modifiedsince" in body


@pytest.mark.parametrize("prefix", ENDPOINTS)
def test_an_unknown_ordering_is_a_400_naming_it(prefix, cast, api):
    response = api.get(
        f"{API}{prefix}/", {"ordering": "-board__api_tokens__secret_hash"}
    )
    assert response.status_code == 400
    assert "board__api_tokens__secret_hash" in json.dumps(response.json())
    first = ENDPOINTS[prefix].ordering_fields[0]
    assert api.get(f"{API}{prefix}/", {"ordering": f"-{first}"}).status_code == 200


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


@pytest.mark.parametrize("prefix", ENDPOINTS)
def test_every_documented_parameter_is_accepted(prefix, cast, api, schema):
    parameters = schema["paths"][f"{API}{prefix}/"]["get"]["parameters"]
    names = {p["name"] for p in parameters if p["in"] == "query"}
    assert {"modified_since", "ordering", "page", "page_size"} <= names
    # Empty values filter nothing; "page" must be a number when given.
    query = dict.fromkeys(names - {"page"}, "")
    response = api.get(f"{API}{prefix}/", {**query, "page": 1, "format": "json"})
    assert response.status_code == 200, response.content


@pytest.mark.parametrize("prefix", ENDPOINTS)
def test_filtered_lists_run_a_constant_number_of_queries(prefix, cast, api):
    query = {
        "modified_since": BETWEEN,
        "ordering": ENDPOINTS[prefix].ordering_fields[0],
    }
    if "agency" in filters_of(prefix):
        query["agency"] = "NC"

    def queries() -> int:
        for _ in range(3):
            stamp(prefix, BUILDERS[prefix](cast, cast.agency_x), NEW)
        with CaptureQueriesContext(connection) as captured:
            assert ids(api.get(f"{API}{prefix}/", query))
        return len(captured)

    assert queries() == queries()


# Services move modified_at ---------------------------------------------------------


def test_a_risk_changed_through_its_service_is_modified_since(cast, api):
    risk = BUILDERS["risks"](cast, None)
    stamp("risks", risk, OLD)
    risk.refresh_from_db()
    risk_update(risk=risk, version=risk.version, changes={"impact": 4}, user=cast.chair)
    assert risk.pk in ids(api.get(f"{API}risks/", {"modified_since": BETWEEN}))


def test_an_action_given_an_update_is_modified_since(cast, api):
    action = BUILDERS["actions"](cast, cast.agency_x)
    stamp("actions", action, OLD)
    assert action.pk not in ids(api.get(f"{API}actions/", {"modified_since": BETWEEN}))
    action_update_record(
        action=action,
        update_date=date(2016, 9, 30),
        rag=Rag.AMBER,
        narrative="Slipping.",
        user=cast.chair,
    )
    assert ActionUpdate.objects.filter(action=action).exists()
    assert action.pk in ids(api.get(f"{API}actions/", {"modified_since": BETWEEN}))


def test_an_indicator_given_a_target_is_modified_since(cast, api):
    indicator = BUILDERS["indicators"](cast, cast.agency_x)
    stamp("indicators", indicator, OLD)
    target_set(indicator=indicator, year=2017, value=Decimal("80"), user=cast.chair)
    found = ids(api.get(f"{API}indicators/", {"modified_since": BETWEEN}))
    assert indicator.pk in found


def test_a_return_whose_rag_entries_change_is_modified_since(cast, api):
    subgroup_return = ReturnFactory(subgroup=SubgroupFactory(board=cast.board))
    stamp("subgroup-returns", subgroup_return, OLD)
    subgroup_return.refresh_from_db()
    return_save_actions(subgroup_return=subgroup_return, entries={}, user=cast.chair)
    found = ids(api.get(f"{API}subgroup-returns/", {"modified_since": BETWEEN}))
    assert subgroup_return.pk in found


def test_the_migration_dates_existing_records_by_their_latest_history(cast):
    migration = importlib.import_module("boards.migrations.0004_add_modified_at")
    risk = BUILDERS["risks"](cast, None)
    risk_update(risk=risk, version=risk.version, changes={"impact": 4}, user=cast.chair)
    latest = risk.history.first()
    risk.history.filter(pk=latest.pk).update(history_date=NEW)
    risk.history.exclude(pk=latest.pk).update(history_date=OLD)
    stamp("risks", risk, datetime(2026, 1, 1, tzinfo=UTC))
    migration.from_history(apps, None)
    risk.refresh_from_db()
    assert risk.modified_at == NEW
