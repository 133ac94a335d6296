"""Section 11: each group's year of work from its submitted returns."""

import pytest

from reports.sections import build_sections
from subgroups.models import ReturnStatus, Subgroup, SubgroupReturn
from subgroups.pdf import subgroups

pytestmark = pytest.mark.django_db


def add_returns(board, user, size, start=0):
    for n in range(start, start + size):
        group = Subgroup.objects.create(board=board, name=f"Group {n}")
        for quarter in (1, 2):
            SubgroupReturn.objects.create(
                subgroup=group,
                period=f"2016-17 Q{quarter}",
                status=ReturnStatus.SUBMITTED,
                highlights=f"Highlight {n} Q{quarter}",
                exceptions=f"Exception {n} Q{quarter}",
                created_by=user,
            )


def test_submitted_returns_print_by_period_and_drafts_never(cast, as_user):
    group = Subgroup.objects.create(board=cast.board, name="Early Help Subgroup")
    for period, status, words in [
        ("2016-17 Q3", ReturnStatus.SUBMITTED, "Scorecard since October"),
        ("2016-17 Q2", ReturnStatus.NOTED, "Data cleansing commissioned"),
        ("2016-17 Q4", ReturnStatus.DRAFT, "Draft words"),
        ("2015-16 Q4", ReturnStatus.SUBMITTED, "Last year's words"),
    ]:
        SubgroupReturn.objects.create(
            subgroup=group,
            period=period,
            status=status,
            highlights=words,
            exceptions=f"Escalated: {words}" if "Data" in words else "",
            created_by=cast.chair,
        )
    other = Subgroup.objects.create(board=cast.other_board, name="Elsewhere")
    SubgroupReturn.objects.create(
        subgroup=other,
        period="2016-17 Q4",
        status=ReturnStatus.SUBMITTED,
        highlights="Another board's words",
        created_by=cast.chair,
    )
    (built,) = [g for g in subgroups(cast.board, 2016)["groups"] if g == group]
    assert [r.period for r in built.year_returns] == ["2016-17 Q2", "2016-17 Q3"]
    page = as_user(cast.chair).get(f"/boards/{cast.board.slug}/annual-report/2016-17/")
    text = page.content.decode()
    assert "The year's work (2016-17)" in text
    assert "Escalated: Data cleansing commissioned" in text
    assert text.index("Data cleansing") < text.index("Scorecard since October")
    for never in ("Draft words", "Last year&#x27;s words", "Another board"):
        assert never not in text


@pytest.mark.parametrize("size", [1, 6])
def test_query_count_does_not_grow_with_groups_and_returns(
    cast, django_assert_max_num_queries, size
):
    add_returns(cast.board, cast.chair, size)
    with django_assert_max_num_queries(5):
        context = subgroups(cast.board, 2016)
        assert sum(len(g.year_returns) for g in context["groups"]) == 2 * size
    assert "subgroups" in {s.key for s in build_sections(cast.board, 2016)}
