"""Every table of a web page sits in a labelled scroll region that takes keyboard
focus, so a wide one scrolls inside the page rather than the page sideways (the
browser test test_narrow_screens checks the result at 320 px). PDF templates are
printed, not scrolled."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
REGION = re.compile(
    r'<div class="portal-scroll" role="region" aria-label="[^"]+" tabindex="0">'
    # a partial the edition includes bare wraps itself only when it is not
    r"(\{% endif %\})?\s*<table\b"
)


def test_every_web_table_is_in_a_labelled_focusable_scroll_region():
    bare = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        if "pdf" in path.relative_to(TEMPLATES).parts:
            continue
        text = path.read_text()
        if text.count("<table") != len(REGION.findall(text)):
            bare.append(str(path.relative_to(TEMPLATES)))
    assert not bare, f"tables outside a scroll region: {bare}"
