"""The API lists' filters of subgroups, their returns and the Reporting Planner.
Subgroups have member agencies but no owning agency, so no agency filter."""

from boards.api.filters import ApiFilterSet, IdFilter

from .models import ReportingPlanItem, Subgroup, SubgroupReturn


class SubgroupFilterSet(ApiFilterSet):
    class Meta:
        model = Subgroup
        fields = ["kind", "active", "modified_since"]


class SubgroupReturnFilterSet(ApiFilterSet):
    subgroup = IdFilter("subgroup", what="The subgroup")

    class Meta:
        model = SubgroupReturn
        fields = ["subgroup", "period", "status", "modified_since"]


class ReportingPlanItemFilterSet(ApiFilterSet):
    subgroup = IdFilter("subgroup", what="The producing subgroup")

    class Meta:
        model = ReportingPlanItem
        fields = ["subgroup", "frequency", "destination", "modified_since"]
