"""Turn the OpenAPI document into plain data for the HTML docs page.

The page is rendered on the server from the same document served at
openapi.json, so it needs no JavaScript and nothing from another host.
"""

from django.urls import reverse

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


def _ref_name(ref):
    return ref.rsplit("/", 1)[-1]


def describe_type(schema):
    """Return a short readable type, such as "list of Job" or "string or null"."""
    if not schema:
        return "any"
    if "$ref" in schema:
        return _ref_name(schema["$ref"])
    for combiner in ("anyOf", "oneOf", "allOf"):
        if combiner in schema:
            return " or ".join(describe_type(part) for part in schema[combiner])
    if "enum" in schema:
        return "one of " + ", ".join(str(value) for value in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "array":
        return "list of " + describe_type(schema.get("items", {}))
    if schema.get("format"):
        return f"{kind} ({schema['format']})"
    return kind


def _fields(schema):
    required = set(schema.get("required", []))
    return [
        {
            "name": name,
            "type": describe_type(prop),
            "required": name in required,
            "description": prop.get("description", ""),
        }
        for name, prop in schema.get("properties", {}).items()
    ]


def _body_schema_name(content):
    schema = content.get("application/json", {}).get("schema", {})
    return describe_type(schema) if schema else ""


def _operation(method, path, operation):
    body = operation.get("requestBody", {}).get("content", {})
    return {
        "method": method.upper(),
        "path": path,
        "summary": operation.get("summary", ""),
        "description": operation.get("description", ""),
        "parameters": [
            {
                "name": parameter["name"],
                "location": parameter.get("in", ""),
                "required": parameter.get("required", False),
                "type": describe_type(parameter.get("schema", {})),
                "description": parameter.get("description", ""),
            }
            for parameter in operation.get("parameters", [])
        ],
        "request_body": _body_schema_name(body),
        "responses": [
            {
                "status": status,
                "description": response.get("description", ""),
                "schema": _body_schema_name(response.get("content", {})),
            }
            for status, response in sorted(operation.get("responses", {}).items())
        ],
    }


def describe_schema(schema):
    """Return the docs page context: operations grouped by tag, then schemas."""
    groups = {}
    for path, item in schema.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method not in item:
                continue
            operation = item[method]
            tag = (operation.get("tags") or ["other"])[0]
            groups.setdefault(tag, []).append(_operation(method, path, operation))

    components = schema.get("components", {}).get("schemas", {})
    info = schema.get("info", {})
    return {
        "title": info.get("title", ""),
        "version": info.get("version", ""),
        "description_paragraphs": [
            paragraph.replace("\n", " ")
            for paragraph in info.get("description", "").split("\n\n")
            if paragraph.strip()
        ],
        "groups": [
            {"tag": tag, "operations": operations} for tag, operations in groups.items()
        ],
        "schemas": [
            {"name": name, "fields": _fields(component)}
            for name, component in sorted(components.items())
        ],
        "openapi_url": reverse("api:v1:openapi-json"),
    }
