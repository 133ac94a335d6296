"""Each of the audits pages has its own url name: a name given twice reverses to
one of the pages only, and the other's links lead to the wrong page."""

from collections import Counter

from audits.urls import urlpatterns


def test_no_audits_url_name_is_given_twice():
    counts = Counter(pattern.name for pattern in urlpatterns)
    assert [name for name, count in counts.items() if count > 1] == []
