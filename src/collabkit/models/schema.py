"""JSON Schema (2020-12) of the records, from the models: for editors and other tools.

`record_schema()` accepts a record of any kind, chosen by its `kind` (an `if`/`then` per
kind, so an editor reports the errors of that kind only, not of every alternative);
`record_schema(kind)` is one kind's. Unknown keys are rejected, as collab rejects them. Each
property carries the field's description and, as its title, the label the description starts
with (`发送时间`). The schema describes the file as written, before collab reads it: dates are
text, numbers are accepted where collab reads them as text, aliases (`高`, `待确认`) are listed.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from collabkit.models import KINDS, MODELS, record_adapter

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_CJK = re.compile(r"[\u3400-\u9fff]")


class RecordSchema(GenerateJsonSchema):
    """pydantic's generator, with what a record file looks like before collab reads it."""

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        """Text fields take numbers too (collab reads `budget: 5000` as text); an id pattern
        still wants a string."""
        json_schema = super().str_schema(schema)
        if "pattern" not in json_schema:
            json_schema["type"] = ["string", "number"]
        return json_schema

    def generate(self, schema: core_schema.CoreSchema, mode: Any = "validation") -> Any:
        json_schema = super().generate(schema, mode=mode)
        _label_properties(json_schema)
        return json_schema


def field_label(description: str | None) -> str | None:
    """The label a field's description starts with (`发送时间 when …` → `发送时间`), when it
    is one (Chinese), else None."""
    if not description:
        return None
    first = description.split(" ")[0].rstrip(";；,，:：")
    return first if _CJK.search(first) else None


def record_schema(kind: str | None = None) -> dict[str, Any]:
    """The schema of one kind's records, or (without `kind`) of any record by its `kind`.

    Raises:
        KeyError: `kind` is not a record kind.
    """
    if kind is not None:
        model = MODELS[kind]
        schema = model.model_json_schema(schema_generator=RecordSchema)
        return {"$schema": DIALECT, **schema}
    union = record_adapter().json_schema(schema_generator=RecordSchema)
    mapping: dict[str, str] = union["discriminator"]["mapping"]
    return {
        "$schema": DIALECT,
        "title": "collab record",
        "description": "A coordination record of collab: one YAML file under records/, "
        "its kind and id first (`collab schema KIND` gives one kind's schema).",
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"description": "record kind", "enum": list(KINDS)}},
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                "then": {"$ref": mapping[name]},
            }
            for name in KINDS
        ],
        "$defs": union["$defs"],
    }


def _label_properties(node: Any) -> None:
    """Title every property by its label, throughout the schema (pydantic titles them by
    their key: `Sent At`)."""
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict):
            for prop in properties.values():
                label = field_label(prop.get("description")) if isinstance(prop, dict) else None
                if label is not None:
                    prop["title"] = label
        for value in node.values():
            _label_properties(value)
    elif isinstance(node, list):
        for value in node:
            _label_properties(value)
