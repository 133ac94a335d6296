"""The audits app's pages, by what they are for: section11.py (cycles, standards,
organisations, results), submissions.py (completing a submission), case_audits.py
(multi-agency case audits)."""
