"""The OpenAPI document's one error schema, added to every operation by a
drf-spectacular postprocessing hook (settings.SPECTACULAR_SETTINGS), so each
operation lists the errors it can answer with, in the shape every one of them has.
The shape is DRF's, kept the same everywhere by the exception handler in
defaults.py and, for errors outside DRF's views, by lscb_portal.middleware."""

ERROR = {
    "type": "object",
    "description": "Every error (4xx, and 503 when the service is unavailable) is "
    "a JSON object of this shape. `detail` says what went wrong when it belongs "
    "to no one field. A 400 for invalid input gives each invalid field's name "
    "with a list of messages (a list of items gives `errors`, keyed by each bad "
    "item's index in the list).",
    "properties": {
        "detail": {
            "oneOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}},
            ],
            "description": "The error, when it belongs to no one field: a message, "
            "or a list of them for a 400.",
        }
    },
    "additionalProperties": {
        "description": "The messages for the field of that name.",
        "oneOf": [
            {"type": "array", "items": {}},
            {"type": "object"},
        ],
    },
}

# Every operation may answer these.
COMMON = {
    "400": "Invalid input: a query parameter (a page beyond the last, too) or the "
    "body, with a message for each field at fault.",
    "401": "No credentials, or a token that is not valid, expired or revoked.",
    "403": "Not allowed: a read-only token, or a record you may read but not change.",
    "404": "No such record on the token's board (or not one you may see).",
    "429": "Too many requests: wait for the number of seconds in Retry-After.",
    "503": "The service is unavailable for a moment (e.g. its database): try "
    "again after the number of seconds in Retry-After.",
}
# Operations that take a body.
WRITES = {
    "409": "A conflict: the version you sent is stale (changed by someone else), "
    "or an Idempotency-Key was used for another path.",
    "413": "The body is larger than the service accepts.",
    "415": "The body is not JSON (send Content-Type: application/json).",
}
IF_MATCH = {"412": "The If-Match ETag is not the record's current one."}
IDEMPOTENCY_KEY = {
    "422": "This Idempotency-Key was used before with a different body: use a new "
    "key for a new request.",
}


def _parameter_names(operation) -> set[str]:
    return {p.get("name") for p in operation.get("parameters", [])}


def add_error_responses(result, generator, request, public):
    """Document the error responses of every operation with the one Error schema."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            errors = dict(COMMON)
            if method in ("post", "put", "patch"):
                errors.update(WRITES)
            names = _parameter_names(operation)
            if "If-Match" in names:
                errors.update(IF_MATCH)
            if "Idempotency-Key" in names:
                errors.update(IDEMPOTENCY_KEY)
            responses = operation.setdefault("responses", {})
            for code, description in errors.items():
                responses.setdefault(
                    code, {"description": description, "content": body}
                )
    return result
