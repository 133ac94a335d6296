"""Reads of the reviews app: case reviews and the learning they teach
(case_reviews.py), and the child death statistics (child_deaths.py)."""
