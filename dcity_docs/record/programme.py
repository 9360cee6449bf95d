"""The programme file: what is the same for every venture unless negotiated — the default terms,
the place of signing and the Ministry as a party.

One edit of the programme file (a new Minister, a longer lock-up) updates every venture that does
not say otherwise; a record's own ``ministry`` and ``terms:`` keep precedence. Reading the file is
:func:`dcity_docs.record.loading.load_programme` (the record's safe loader).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field

from dcity_docs.record.models import BiText, Ministry, RuleProblem, Strict, _signatory_problems
from dcity_docs.record.terms import Terms, terms_problems
from dcity_docs.resources import data_dir

PROGRAMME_FILE = "programme.yaml"


def bundled_programme_file() -> Path:
    """The programme file that ships with the tool (its Ministry is the contract example's)."""
    return data_dir() / PROGRAMME_FILE


class Programme(Strict):
    """The Defence City programme's defaults for every venture."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="Defence City programme file",
        json_schema_extra={"$id": "https://dcity-docs.example/schema/programme.json"},
    )

    place_of_signing: BiText = Field(description="Where the agreements are signed, e.g. м. Київ / Kyiv")
    ministry: Ministry = Field(description="The Ministry as a party, for every record without its own")
    terms: Terms = Field(default_factory=Terms, description="Default terms; a record may override any")


def programme_problems(programme: Programme) -> list[RuleProblem]:
    """Rules that compare fields of a programme file (the number of shareholders is not known here)."""
    problems: list[RuleProblem] = list(terms_problems(programme.terms, None))
    problems += _signatory_problems(programme.ministry.signatory, ("ministry", "signatory"), "UA")
    return problems


def merged_terms(defaults: Terms, overrides: Any) -> Any:
    """The record's ``terms:`` over the programme's (raw data, validated with the record)."""
    if not isinstance(overrides, dict):
        return overrides if overrides is not None else defaults
    return {**defaults.model_dump(mode="json"), **overrides}


def programme_schema() -> dict[str, Any]:
    """JSON Schema of the programme file."""
    schema = Programme.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
