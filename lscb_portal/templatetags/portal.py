from decimal import Decimal

from django import template

register = template.Library()

RAG_TAGS = {
    "R": ("Red", "govuk-tag--red"),
    "A": ("Amber", "govuk-tag--orange"),
    "G": ("Green", "govuk-tag--green"),
    "C": ("Complete", "govuk-tag--blue"),
    "": ("Not rated", "govuk-tag--grey"),
}


@register.inclusion_tag("components/rag_tag.html")
def rag_tag(rag):
    """A RAG status as a GOV.UK tag: the word is always there, colour only adds."""
    label, css = RAG_TAGS.get(rag or "", RAG_TAGS[""])
    return {"label": label, "css": css}


@register.filter
def rag_label(rag):
    return RAG_TAGS.get(rag or "", RAG_TAGS[""])[0]


@register.filter
def plain_number(value):
    """2.500 → 2.5, 3.000 → 3: a stored decimal as people write it."""
    if value is None or value == "":
        return "–"
    text = f"{Decimal(value).normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
