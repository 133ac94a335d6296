"""The annual report prints only totals that mean something: a business plan of
one theme has no "All themes" row repeating that theme's."""

import pytest

from tests.business_plan.factories import ActionFactory, PlanFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def plan_table(client, board) -> str:
    page = client.get(f"/boards/{board.slug}/annual-report/2016-17/").content.decode()
    return page.split("Actions by theme and RAG rating")[1].split("</table>")[0]


@pytest.mark.parametrize(("themes", "total_row"), [(1, False), (2, True)])
def test_the_all_themes_row_only_sums_several_themes(cast, as_user, themes, total_row):
    plan = PlanFactory(board=cast.board)
    for number in range(1, themes + 1):
        theme = ThemeFactory(plan=plan, number=number)
        ActionFactory(plan=plan, theme=theme, ref=f"{number}.1")
    table = plan_table(as_user(cast.chair), cast.board)
    assert ("All themes" in table) is total_row
    assert table.count('scope="row"') == themes + total_row
