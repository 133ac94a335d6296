"""The role x page matrix for every page of the business plan."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from business_plan.models import (
    Action,
    ActionUpdate,
    BusinessPlan,
    Challenge,
    ChallengeResponse,
    Theme,
)
from tests.matrix import (
    MANAGE,
    MANAGE_POST,
    MANAGERS,
    READ,
    allow,
    cast_with,
    permission_matrix,
)

from .factories import (
    PLAN,
    ChallengeFactory,
    PlanFactory,
    UpdateFactory,
    action_url,
    get_action,
)

CHALLENGE = "updates/{update_1_1}/challenge/"
RESPOND_1 = "challenges/{challenge_1_1}/respond/"
RESPOND_2 = "challenges/{challenge_1_2}/respond/"
CHALLENGERS = ("chair", "board_member", "lay_member")

# Agency X owns action 1.1; the subgroup, chaired by subgroup_chair, owns 1.2.
CAST = cast_with("subgroup_chair")
OWNERS = ("contributor_x", "contributor_y", "subgroup_chair")

# (page, method, expected status per cast member)
MATRIX = [
    ("/boards/north/plans/", "get", READ),
    ("/boards/north/plans/new/", "get", MANAGE),
    ("/boards/north/plans/new/", "post", MANAGE_POST),
    (PLAN, "get", READ),
    (PLAN + "?rag=G&overdue=on", "get", READ),
    (PLAN + "edit/", "get", MANAGE),
    (PLAN + "edit/", "post", MANAGE_POST),
    (PLAN + "close/", "get", MANAGE),
    (PLAN + "close/", "post", MANAGE_POST),
    (PLAN + "themes/new/", "get", MANAGE),
    (PLAN + "themes/new/", "post", MANAGE_POST),
    (PLAN + "import/", "get", MANAGE),
    (PLAN + "import/", "post", MANAGE_POST),
    (PLAN + "since/?since=2016-10-01&until=2016-12-31", "get", READ),
    (PLAN + "monitoring/?quarter=2016-17 Q3", "get", READ),
    (PLAN + "bulk-update/", "get", allow(200, *MANAGERS, *OWNERS)),
    # contributor Y may open the form but owns no action: nothing to save.
    (
        PLAN + "bulk-update/",
        "post",
        allow(302, *MANAGERS, *OWNERS) | {"contributor_y": 200},
    ),
    (PLAN + "actions/new/", "get", MANAGE),
    (PLAN + "actions/new/", "post", MANAGE_POST),
    (action_url("1.1"), "get", READ),
    (action_url("1.1", "edit/"), "get", MANAGE),
    (action_url("1.1", "edit/"), "post", MANAGE_POST),
    (action_url("1.1", "history/"), "get", READ),
    (action_url("1.1", "update/"), "get", allow(200, *MANAGERS, "contributor_x")),
    (action_url("1.1", "update/"), "post", allow(302, *MANAGERS, "contributor_x")),
    (action_url("1.2", "update/"), "get", allow(200, *MANAGERS, "subgroup_chair")),
    (action_url("1.2", "update/"), "post", allow(302, *MANAGERS, "subgroup_chair")),
    # The chair and the board's members challenge an update; the business team not.
    (action_url("1.1", CHALLENGE), "get", allow(200, *CHALLENGERS)),
    (action_url("1.1", CHALLENGE), "post", allow(302, *CHALLENGERS)),
    (action_url("1.1", RESPOND_1), "get", allow(200, *MANAGERS, "contributor_x")),
    (action_url("1.1", RESPOND_1), "post", allow(302, *MANAGERS, "contributor_x")),
    (action_url("1.2", RESPOND_2), "get", allow(200, *MANAGERS, "subgroup_chair")),
    (action_url("1.2", RESPOND_2), "post", allow(302, *MANAGERS, "subgroup_chair")),
]


@pytest.fixture
def ids(plan, cast):
    """An update and a challenge on 1.1 and 1.2; a plan to carry forward into."""
    found = {"next_plan": PlanFactory(first_year=2019, last_year=2022).pk}
    for ref in ("1.1", "1.2"):
        update = UpdateFactory(action=get_action(plan, ref), date=date(2016, 9, 30))
        challenge = ChallengeFactory(update=update, raised_by=cast.board_member)
        key = ref.replace(".", "_")
        found |= {f"update_{key}": update.pk, f"challenge_{key}": challenge.pk}
    return found


def post_data(url, plan, cast, ids):
    first, second = get_action(plan, "1.1"), get_action(plan, "1.2")
    if url.endswith("plans/new/"):
        return {
            "title": "Business Plan 2022-25",
            "first_year": 2022,
            "last_year": 2025,
            "status": "draft",
        }
    if url.endswith("edit/") and "/actions/" not in url:
        return {
            "title": "Business Plan 2016-19 (revised)",
            "first_year": 2016,
            "last_year": 2019,
            "status": "active",
            "version": plan.version,
        }
    if url.endswith("close/"):
        return {"into": ids["next_plan"]}
    if url.endswith("themes/new/"):
        return {"number": 3, "title": "Early Help"}
    if url.endswith("import/"):
        csv = b"theme,ref,action\n3. Early Help,3.1,Launch early help\n"
        return {"file": SimpleUploadedFile("plan.csv", csv)}
    if url.endswith("bulk-update/"):
        data = {"bulk-date": "2016-12-31"}
        for action in Action.objects.filter(plan=plan):
            rag = "G" if action in (first, second) else "skip"
            data |= {
                f"a{action.pk}-action_id": action.pk,
                f"a{action.pk}-rag": rag,
                f"a{action.pk}-narrative": "",
            }
        return data
    if url.endswith("actions/new/"):
        return {"theme": first.theme_id, "ref": "1.11", "text": "A new action"}
    if url.endswith("edit/"):
        return {
            "theme": first.theme_id,
            "ref": "1.1",
            "text": "Review the board's membership every year",
            "owner_agencies": [cast.agency_x.pk],
            "version": first.version,
        }
    if url.endswith("update/"):
        return {"date": "2016-12-31", "rag": "G", "narrative": "On track."}
    return {"text": "Why is this green?"}  # a challenge or a response


def snapshot():
    """Everything a page of the matrix could write."""
    return [
        list(model.objects.order_by("pk").values())
        for model in (
            BusinessPlan,
            Theme,
            Action,
            ActionUpdate,
            Challenge,
            ChallengeResponse,
        )
    ]


@permission_matrix(MATRIX, cast=CAST)
def test_role_page_matrix(plan, cast, ids, visit, who, method, url, expected):
    url = url.format(**ids)
    data = post_data(url.split("?")[0], plan, cast, ids) if method == "post" else {}
    visit(who, method, url, expected, data=data, snapshot=snapshot)
