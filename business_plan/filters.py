import django_filters
from django import forms
from django.db.models import Exists, OuterRef

from boards.api.filters import ApiFilterSet
from lscb_portal.forms import DateInput, GovukForm
from subgroups.models import Subgroup

from .models import ActionUpdate, BusinessPlan, Rag, Theme

RAG_FILTER_CHOICES = [*Rag.choices, ("none", "Not rated")]


class ActionFilter(django_filters.FilterSet):
    """Filters for a plan's actions, shared by the plan page and the API.
    Expects a queryset from Action.objects.with_current_rag()."""

    theme = django_filters.ModelChoiceFilter(
        queryset=Theme.objects.none(), empty_label="All themes"
    )
    subgroup = django_filters.ModelChoiceFilter(
        label="Owning subgroup",
        field_name="owner_subgroups",
        queryset=Subgroup.objects.none(),
        empty_label="All subgroups",
    )
    rag = django_filters.ChoiceFilter(
        label="RAG", choices=RAG_FILTER_CHOICES, method="filter_rag", empty_label="Any"
    )
    overdue = django_filters.BooleanFilter(
        label="Overdue only",
        method="filter_overdue",
        widget=forms.CheckboxInput,
    )
    changed_since = django_filters.DateFilter(
        label="Updated since",
        method="filter_changed_since",
        widget=DateInput(),
        help_text="Actions with an update dated on or after this day.",
    )

    class Meta:
        form = GovukForm
        fields = ["theme", "subgroup", "rag", "overdue", "changed_since"]

    def __init__(self, data=None, queryset=None, *, plan, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["theme"].queryset = Theme.objects.filter(plan=plan)
        self.filters["subgroup"].queryset = Subgroup.objects.filter(board=plan.board_id)

    def filter_rag(self, queryset, name, value):
        return queryset.filter(current_rag="" if value == "none" else value)

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.overdue()

    def filter_changed_since(self, queryset, name, value):
        updated = ActionUpdate.objects.filter(action=OuterRef("pk"), date__gte=value)
        return queryset.filter(Exists(updated))


class PlanFilterSet(ApiFilterSet):
    """The API's plans list."""

    class Meta:
        model = BusinessPlan
        fields = ["status", "modified_since"]
