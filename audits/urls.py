from django.urls import path  # noqa: F401  (the blocks below fill in)

app_name = "audits"
base = "boards/<slug:board_slug>/audits/"
s11 = base + "section-11/"

urlpatterns = [
    # Section 11: cycles, organisations, results (views/section11.py) ---------
    # Submissions (views/submissions.py) --------------------------------------
    # Case audits (views/case_audits.py) --------------------------------------
]
