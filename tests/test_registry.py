"""The document registry is the one place a document is named: the CLI's choices, the translators'
documents and groups, the templates on disk and the annex number all agree with it."""

from __future__ import annotations


import click
import pytest

from conftest import FIXTURE_DIR
from dcity_docs.cli import cli
from dcity_docs.documents import registry
from dcity_docs.language.typography import NBSP
from dcity_docs.layout.templates import bundled_template_names
from dcity_docs.output.documents import draft_document
from dcity_docs.record.loading import load_record
from dcity_docs.resources import locales_dir
from dcity_docs.translation import extraction, i18n
from dcity_docs.wording.catalogs import catalogs_for

FIXTURES = FIXTURE_DIR


def _document_argument(command: str) -> click.Choice:
    param = next(p for p in cli.commands[command].params if p.name == "document")
    assert isinstance(param.type, click.Choice)
    return param.type


def test_the_cli_offers_exactly_the_documents_in_pack_order() -> None:
    assert list(_document_argument("render").choices) == [
        "memorandum", "jv-agreement", "site-protection-annex", "shareholders-agreement"
    ]
    assert list(_document_argument("render").choices) == list(registry.DOCUMENTS)
    assert registry.COVER.key not in registry.DOCUMENTS


def test_translators_are_told_every_registered_document_and_group() -> None:
    for entry in registry.ENTRIES:
        assert extraction.DOCUMENTS[entry.context] == entry.translator_name
        assert extraction.describe_context(f"{entry.context}|x").startswith(f"Document: {entry.translator_name};")
        for alias in entry.aliases:
            assert i18n.document_of(f"{alias}|x") == entry.context
    assert i18n.GROUPS == ("memorandum", "jv-agreement", "annex", "shareholders-agreement", "cover", "report",
                           "redline",
                           extraction.SHARED)
    assert set(i18n.GROUPS) == {e.context for e in registry.ENTRIES} | set(extraction.OTHER_GROUPS) | {extraction.SHARED}


def test_every_context_prefix_in_the_catalogs_is_a_registered_group_and_each_has_wording() -> None:
    catalog = i18n.read_catalog(i18n.pot_path(locales_dir()))
    used = {i18n.document_of(m.context) for m in catalog if m.id}
    assert used == set(i18n.GROUPS)


def test_the_bundled_templates_are_exactly_the_registered_ones() -> None:
    assert bundled_template_names() == sorted(entry.template for entry in registry.ENTRIES)


def test_each_document_drafts_under_its_own_key() -> None:
    record = load_record(FIXTURES / "DC-2026-014.yaml")
    for key in registry.applicable(record):
        assert draft_document(record, key, catalogs_for()).key == key
    titles = [draft_document(record, key).title for key in registry.applicable(record)]
    assert registry.COVER.draft(record, catalogs_for(), titles).key == registry.COVER.key


def test_an_unknown_document_is_refused() -> None:
    from dcity_docs.errors import DocumentNotApplicable

    with pytest.raises(DocumentNotApplicable, match="unknown document 'charter'; known: memorandum, "):
        registry.document_type("charter")


def _texts(key: str, record_name: str = "DC-2026-014") -> list[str]:
    draft = draft_document(load_record(FIXTURES / f"{record_name}.yaml"), key)
    return [b.text.en.replace(NBSP, " ") for part in draft.parts for b in getattr(part, "blocks", [])]


def test_the_agreement_and_the_annex_print_the_annex_number_the_registry_holds() -> None:
    number = registry.BY_KEY["site-protection-annex"].annex_no
    assert number == "1"
    annex = _texts("site-protection-annex")
    assert annex[0].startswith(f"ANNEX No. {number} to the Joint Venture Agreement No. ")
    agreement = _texts("jv-agreement")
    assert any(t.startswith(f"“Annex” means Annex No. {number} “Site Protection”") for t in agreement)
