from django.apps import AppConfig


class BusinessPlanConfig(AppConfig):
    name = "business_plan"
    verbose_name = "Business plan"
