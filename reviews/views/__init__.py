"""The reviews app's pages, by what they are for: case_reviews.py (a review's
record and lifecycle), action_items.py (action plans and their progress),
learning.py (what our reviews teach), child_deaths.py (CDOP records and
statistics)."""
