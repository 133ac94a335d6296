from .views import (
    agencies,
    agenda,
    challenges,
    core,
    finance,
    inspections,
    meeting_actions,
    meetings,
    members,
    reference,
    risks,
    search,
    tokens,
    viewlog,
)

app_name = "boards"

urlpatterns = [
    *core.urlpatterns,
    *members.urlpatterns,
    *meetings.urlpatterns,
    *agenda.urlpatterns,
    *meeting_actions.urlpatterns,
    *challenges.urlpatterns,
    *risks.urlpatterns,
    *finance.urlpatterns,
    *inspections.urlpatterns,
    *reference.urlpatterns,
    *agencies.urlpatterns,
    *search.urlpatterns,
    *tokens.urlpatterns,
    *viewlog.urlpatterns,
]
