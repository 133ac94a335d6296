"""/api/v1/docs/: the API's documentation as a page of ours, read from the OpenAPI
schema drf-spectacular generates, in the portal's accessible layout (Swagger UI's
own markup nests buttons and fails contrast). Tools read /api/v1/schema/."""

import re
from functools import cache

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.views.generic import TemplateView
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")


@cache
def schema() -> dict:
    """Generated once a process: it changes only with the code."""
    return SchemaGenerator().get_schema(request=None, public=True)


def inline_code(text: str) -> SafeString:
    """The schema's Markdown `code` spans as <code>; everything else escaped."""
    parts = re.split(r"`([^`]*)`", text or "")
    return format_html_join(
        "",
        "{}",
        (
            (format_html("<code>{}</code>", part) if index % 2 else part,)
            for index, part in enumerate(parts)
        ),
    )


def _ref(value: dict) -> str:
    return value.get("$ref", "").rsplit("/", 1)[-1]


def type_words(value: dict, components: dict) -> tuple[str, str]:
    """A schema fragment in words, with the data type it names, if any, to link:
    ("list of Meeting", "Meeting"), ("one of "a", "b"", "")."""
    if "$ref" in value:
        name = _ref(value)
        enum = components.get(name, {}).get("enum")
        if enum is None:
            return name, name
        # drf-spectacular adds BlankEnum [""] and NullEnum [None] to a choice
        # that may be blank or null: words, or nothing ("nullable" says null).
        values = [v for v in enum if v is not None]
        if values == [""]:
            return "blank", ""
        return ("one of " + ", ".join(map(repr, values)) if values else ""), ""
    for key in ("allOf", "oneOf", "anyOf"):
        if key in value:
            words = [type_words(v, components) for v in value[key]]
            links = [link for _, link in words if link]
            text = " or ".join(text for text, _ in words if text)
            return _nullable(text, value), links[0] if len(links) == 1 else ""
    if value.get("type") == "array":
        text, link = type_words(value.get("items", {}), components)
        return _nullable(f"list of {text}", value), link
    text = value.get("type", "any value")
    if value.get("format"):
        text += f" ({value['format']})"
    if "enum" in value:
        text = "one of " + ", ".join(repr(v) for v in value["enum"])
    return _nullable(text, value), ""


def _nullable(text: str, value: dict) -> str:
    return f"{text}, or null" if value.get("nullable") else text


def _operations(paths: dict, components: dict):
    for path, item in paths.items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            responses = operation.get("responses", {})
            ok = []
            for code, response in responses.items():
                if not code.startswith("2"):
                    continue
                body = response.get("content", {}).get("application/json", {})
                words = type_words(body["schema"], components) if body else ("", "")
                ok.append({"code": code, "type": words})
            body = operation.get("requestBody", {}).get("content", {})
            body = body.get("application/json") or next(iter(body.values()), None)
            yield {
                "id": operation["operationId"],
                "method": method.upper(),
                "path": path,
                "tag": (operation.get("tags") or ["other"])[0],
                "description": inline_code(operation.get("description", "")),
                "parameters": [
                    {
                        "name": p["name"],
                        "where": p["in"],
                        "required": p.get("required", False),
                        "type": type_words(p.get("schema", {}), components),
                        "description": inline_code(p.get("description", "")),
                    }
                    for p in operation.get("parameters", [])
                ],
                "body": type_words(body["schema"], components) if body else None,
                "ok": ok,
                "errors": [code for code in sorted(responses) if code[0] in "45"],
            }


def _data_types(components: dict) -> list[dict]:
    """Every object the API reads or sends, with its fields (enums are inlined
    where a field uses them)."""
    types = []
    for name, value in sorted(components.items()):
        if "enum" in value:
            continue
        required = set(value.get("required", []))
        types.append(
            {
                "name": name,
                "description": inline_code(value.get("description", "")),
                "fields": [
                    {
                        "name": field,
                        "type": type_words(prop, components),
                        "required": field in required,
                        "read_only": prop.get("readOnly", False),
                        "description": inline_code(prop.get("description", "")),
                    }
                    for field, prop in value.get("properties", {}).items()
                ],
            }
        )
    return types


@cache
def docs_context() -> dict:
    spec = schema()
    components = spec.get("components", {}).get("schemas", {})
    groups: dict[str, list] = {}
    errors: dict[str, str] = {}
    for operation in _operations(spec["paths"], components):
        groups.setdefault(operation["tag"], []).append(operation)
    for item in spec["paths"].values():
        for method in METHODS:
            for code, response in item.get(method, {}).get("responses", {}).items():
                if code[0] in "45":
                    errors.setdefault(code, response.get("description", ""))
    return {
        "info": spec["info"],
        "description": inline_code(spec["info"].get("description", "")),
        "groups": sorted(groups.items()),
        "errors": sorted(errors.items()),
        "data_types": _data_types(components),
        "security_terms": [
            _security_term(scheme)
            for scheme in spec.get("components", {}).get("securitySchemes", {}).values()
        ],
    }


def _security_term(scheme: dict) -> tuple[str, str]:
    """(How a request names itself, what it is) of an authentication scheme."""
    meaning = scheme.get("description", "")
    if not meaning and scheme.get("in") == "cookie":
        meaning = "The session of a signed-in browser."
    return f"{scheme.get('name', '')} ({scheme.get('in', '')})", meaning


class ApiDocsView(LoginRequiredMixin, TemplateView):
    template_name = "api/docs.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**docs_context(), **kwargs)
