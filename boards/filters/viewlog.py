"""Filters for the view log: by kind of record, person and the days viewed."""

import django_filters
from django.contrib.contenttypes.models import ContentType

from lscb_portal.forms import DateInput, GovukForm

from ..models import RecordView, User

REAL_DATE = "Enter a real date"


class RecordViewFilter(django_filters.FilterSet):
    """The choices are the kinds of record and the people in this board's log."""

    record_type = django_filters.ChoiceFilter(
        label="Kind of record", choices=[], empty_label="All kinds"
    )
    user = django_filters.ChoiceFilter(
        label="Viewed by", choices=[], empty_label="Everyone"
    )
    viewed_from = django_filters.DateFilter(
        label="Viewed on or after",
        field_name="viewed_at__date",
        lookup_expr="gte",
        widget=DateInput(),
    )
    viewed_to = django_filters.DateFilter(
        label="Viewed on or before",
        field_name="viewed_at__date",
        lookup_expr="lte",
        widget=DateInput(),
    )

    class Meta:
        form = GovukForm
        fields = ["record_type", "user", "viewed_from", "viewed_to"]

    def __init__(self, data=None, queryset=None, *, board, **kwargs):
        super().__init__(data, queryset, **kwargs)
        logged = RecordView.objects.filter(board=board)
        kinds = ContentType.objects.filter(
            pk__in=logged.values("record_type")
        ).order_by("model")
        self.filters["record_type"].extra["choices"] = [
            (kind.pk, kind.name[:1].upper() + kind.name[1:]) for kind in kinds
        ]
        people = User.objects.filter(pk__in=logged.values("user")).order_by(
            "full_name", "email"
        )
        self.filters["user"].extra["choices"] = [
            (person.pk, str(person)) for person in people
        ]
        for name, message in (
            ("record_type", "Choose a kind of record from the list"),
            ("user", "Choose a person from the list"),
        ):
            self.filters[name].extra["error_messages"] = {"invalid_choice": message}
        for name in ("viewed_from", "viewed_to"):
            self.filters[name].extra["error_messages"] = {
                "invalid": "Enter a real date"
            }
