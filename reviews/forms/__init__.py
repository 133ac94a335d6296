"""The reviews app's forms: case_reviews.py and child_deaths.py."""
