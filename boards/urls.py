from .views import (
    agencies,
    challenges,
    core,
    finance,
    inspections,
    meetings,
    members,
    reference,
    risks,
    tokens,
    viewlog,
)

app_name = "boards"

urlpatterns = [
    *core.urlpatterns,
    *members.urlpatterns,
    *meetings.urlpatterns,
    *challenges.urlpatterns,
    *risks.urlpatterns,
    *finance.urlpatterns,
    *inspections.urlpatterns,
    *reference.urlpatterns,
    *agencies.urlpatterns,
    *tokens.urlpatterns,
    *viewlog.urlpatterns,
]
