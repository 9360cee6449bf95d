"""``dcity-docs schema``: a JSON Schema (draft 2020-12) that agrees with the validator."""

from __future__ import annotations

import copy
import json

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from conftest import FIXTURE_DIR, example_source_text, yaml_data
from dcity_docs.cli import cli


@pytest.fixture(scope="module")
def schema() -> dict:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def validator(schema) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture
def example_data() -> dict:
    return yaml_data(example_source_text())


def _errors(validator: Draft202012Validator, data: dict) -> list[tuple[str, ...]]:
    return [tuple(str(p) for p in e.absolute_path) for e in validator.iter_errors(data)]


def test_schema_output_is_json(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object"
    assert {"id", "venture", "shareholders", "dates"} <= set(schema["required"])
    # a record without a Ministry takes the programme file's
    assert "ministry" not in schema["required"] and "ministry" in schema["properties"]


def test_schema_indent_option():
    result = CliRunner().invoke(cli, ["schema", "--indent", "0"])
    assert result.exit_code == 0
    json.loads(result.stdout)


def test_schema_accepts_the_example(validator, example_data):
    assert _errors(validator, example_data) == []


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURE_DIR.glob("*.yaml")))
def test_schema_accepts_every_fixture(validator, name):
    data = yaml_data((FIXTURE_DIR / name).read_text(encoding="utf-8"))
    assert _errors(validator, data) == []


def test_schema_refuses_an_unknown_product(validator, example_data):
    data = copy.deepcopy(example_data)
    data["venture"]["products"] = ["drones", "tanks"]
    assert _errors(validator, data) == [("venture", "products", "1")]


@pytest.mark.parametrize(
    "where",
    [(), ("site",), ("shareholders", 0, "bank")],
    ids=["top", "site", "bank"],
)
def test_schema_refuses_an_unknown_field(validator, example_data, where):
    data = copy.deepcopy(example_data)
    target = data
    for key in where:
        target = target[key]
    target["colour"] = "red"
    errors = list(validator.iter_errors(data))
    assert len(errors) == 1
    assert "colour" in errors[0].message
    assert tuple(errors[0].absolute_path) == where


def test_schema_refuses_a_float_amount(validator, example_data):
    data = copy.deepcopy(example_data)
    data["venture"]["capital"]["amount"] = 12500000.0
    assert _errors(validator, data) == [("venture", "capital", "amount")]


def test_schema_refuses_a_bad_id(validator, example_data):
    data = copy.deepcopy(example_data)
    data["id"] = "../etc"
    assert _errors(validator, data) == [("id",)]
