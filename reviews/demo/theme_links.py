"""The demo's priority themes linked to the business-plan actions and indicators
on them, as the annual report 2016-17 follows them (sections 15, 16 and 21)."""

from django.db.models import Q

from business_plan.models import Action
from indicators.models import Indicator

from .. import services
from ..models import LearningTheme

# theme slug: (plan theme names, a word of the action's text, indicator codes)
THEME_LINKS = {
    "neglect": (["Neglect"], "neglect", []),
    "domestic-abuse": (["Domestic Abuse"], "domestic abuse", ["DA1"]),
    "child-sexual-exploitation": (
        ["Child Sexual Exploitation and Missing from Home"],
        "sexual exploitation",
        ["CSE1", "CSE2", "CSE3", "MFH1", "MFH2", "CS5.5"],
    ),
}


def load(board, user) -> None:
    for slug, (plan_themes, word, codes) in THEME_LINKS.items():
        theme = LearningTheme.objects.filter(board=board, slug=slug).first()
        if theme is None:
            continue
        actions = Action.objects.filter(plan__board=board).filter(
            Q(theme__title__in=plan_themes) | Q(text__icontains=word)
        )
        indicators = Indicator.objects.filter(board=board, code__in=codes)
        if set(theme.actions.all()) == set(actions) and set(
            theme.indicators.all()
        ) == set(indicators):
            continue
        services.theme_edit(
            theme=theme,
            user=user,
            name=theme.name,
            description=theme.description,
            actions=list(actions.select_related("plan")),
            indicators=list(indicators),
        )
