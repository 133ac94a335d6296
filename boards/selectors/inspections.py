"""Inspections for their list and their page."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch

from lscb_portal.periods import year_label

from ..models import FindingKind, Inspection, Judgement, RecommendationUpdate

# Tag colours; the judgement's words are always shown with them.
JUDGEMENT_TAGS = {
    Judgement.OUTSTANDING: "govuk-tag--green",
    Judgement.GOOD: "govuk-tag--turquoise",
    Judgement.REQUIRES_IMPROVEMENT: "govuk-tag--orange",
    Judgement.INADEQUATE: "govuk-tag--red",
}


def judgement_tag(value: str) -> dict:
    """What components/rag_tag.html shows for a judgement."""
    if not value:
        return {"label": "Not judged", "css": "govuk-tag--grey"}
    return {"label": Judgement(value).label, "css": JUDGEMENT_TAGS[value]}


def inspection_list(board):
    """The board's inspections, newest first, with their recommendation counts."""
    return (
        Inspection.objects.filter(board=board)
        .annotate(recommendation_count=Count("recommendations"))
        .order_by("-start_date", "-pk")
    )


@dataclass
class UpdateYear:
    year: int
    updates: list

    @property
    def label(self) -> str:
        return year_label(self.year)


FINDING_HEADINGS = {
    FindingKind.STRENGTH: "Strengths",
    FindingKind.IMPROVEMENT: "Areas for improvement",
}


def findings_by_kind(findings) -> list[dict]:
    """The strengths, then the areas for improvement, each in the order entered;
    a kind with no finding is left out."""
    groups = []
    for kind in FindingKind:
        found = [f for f in findings if f.kind == kind]
        if found:
            groups.append({"heading": FINDING_HEADINGS[kind], "findings": found})
    return groups


def inspection_detail(inspection) -> dict:
    """Sub-judgements, what the inspectors found and numbered recommendations,
    each with its updates grouped by year (newest first): four queries whatever
    the inspection's size."""
    sub_judgements = list(inspection.sub_judgements.all())
    for sub in sub_judgements:
        sub.tag = judgement_tag(sub.judgement)
    recommendations = list(
        inspection.recommendations.prefetch_related(
            Prefetch(
                "updates",
                queryset=RecommendationUpdate.objects.order_by("-year", "-date", "-id"),
            )
        ).order_by("number")
    )
    for recommendation in recommendations:
        years: list[UpdateYear] = []
        for update in recommendation.updates.all():
            if not years or years[-1].year != update.year:
                years.append(UpdateYear(update.year, []))
            years[-1].updates.append(update)
        recommendation.update_years = years
    return {
        "overall_tag": judgement_tag(inspection.overall),
        "sub_judgements": sub_judgements,
        "finding_groups": findings_by_kind(list(inspection.findings.all())),
        "recommendations": recommendations,
    }
