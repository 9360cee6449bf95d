"""The codes a record gives instead of names: ISO 3166-1 countries, ISO 4217 currencies and
ISO 3166-2:UA regions, each a pydantic type that says which code it wanted."""

from __future__ import annotations

import re
from typing import Annotated, Any

import pycountry
from pydantic import BeforeValidator, WithJsonSchema

from dcity_docs.errors import brief
from dcity_docs.record.texts import plain_string


def _country(value: Any) -> str:
    value = plain_string(value)
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{2}", value) or pycountry.countries.get(
        alpha_2=value
    ) is None:
        raise ValueError(f"{brief(value)} is not an ISO 3166-1 alpha-2 country code (e.g. UA, DK, NO)")
    return value


def _currency(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{3}", value) or pycountry.currencies.get(
        alpha_3=value
    ) is None:
        raise ValueError(f"{brief(value)} is not an ISO 4217 currency code (e.g. EUR, UAH, NOK)")
    return value


def _ua_region_codes() -> list[str]:
    """ISO 3166-2:UA codes, from the names the documents print (data/regions.json): the same 27 as
    pycountry's (a test compares them), without loading its world database of subdivisions, which
    took a fifth of a second of every command."""
    import json

    from dcity_docs.resources import data_dir

    return sorted(json.loads((data_dir() / "regions.json").read_text(encoding="utf-8")))


UA_REGION_CODES = frozenset(_ua_region_codes())


def _ua_region(value: Any) -> str:
    if not isinstance(value, str) or value not in UA_REGION_CODES:
        raise ValueError(f"{brief(value)} is not an ISO 3166-2:UA region code (e.g. UA-18)")
    return value


CountryCode = Annotated[
    str,
    BeforeValidator(_country),
    WithJsonSchema({"type": "string", "enum": sorted(c.alpha_2 for c in pycountry.countries)}),
]
CurrencyCode = Annotated[
    str,
    BeforeValidator(_currency),
    WithJsonSchema({"type": "string", "enum": sorted(c.alpha_3 for c in pycountry.currencies)}),
]
RegionCode = Annotated[
    str,
    BeforeValidator(_ua_region),
    WithJsonSchema(
        {
            "type": "string",
            "enum": sorted(UA_REGION_CODES),
        }
    ),
]
