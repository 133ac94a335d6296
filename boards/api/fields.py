"""The API's date field: the portal's one date range (lscb_portal.periods) on every
date a client sends. BoardsConfig.ready() makes it the field ModelSerializers build
for a model DateField; plain serializers declare it by name."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework import serializers

from lscb_portal.periods import validate_date_range


class DateField(serializers.DateField):
    """A date from 1900 to 2100; anything else is a 400 naming the field."""

    def to_internal_value(self, value):
        day = super().to_internal_value(value)
        try:
            validate_date_range(day)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None
        return day


def use_everywhere() -> None:
    """Model DateFields become this field in every ModelSerializer."""
    serializers.ModelSerializer.serializer_field_mapping[models.DateField] = DateField
