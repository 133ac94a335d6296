from lscb_portal.charts import rag_bar


def test_rag_bar_has_a_text_alternative_with_every_count():
    svg = rag_bar([("R", 0), ("A", 2), ("G", 35), ("C", 16), ("", 9)], title="Plan")
    assert 'role="img"' in svg
    assert "<title" in svg
    assert "Plan: Red 0, Amber 2, Green 35, Complete 16, Not rated 9" in svg
    # Wide segments are labelled in text, so colour is never the only cue.
    assert ">Green 35</text>" in svg
    assert svg.count("<rect") == 4  # no segment for a zero count


def test_rag_bar_escapes_its_title():
    svg = rag_bar([("G", 1)], title="<script>")
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
