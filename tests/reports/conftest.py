import pytest


@pytest.fixture
def media(settings, tmp_path):
    """Exports are written under a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
