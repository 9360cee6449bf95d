"""Every block of a draft carries an id that says what it is, not where it stands, so that two drafts
of one document (after the capital changed, a shareholder was added) can be matched clause by
clause; the id never reaches the Word file."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest

from conftest import FIXTURE_DIR
from dcity_docs.documents import registry
from dcity_docs.draft.base import Block, Draft
from dcity_docs.output.documents import docx_bytes, draft_document
from dcity_docs.record.loading import load_record
from dcity_docs.record.models import Record, Registration
from dcity_docs.wording.catalogs import catalogs_for

FIXTURES = FIXTURE_DIR
RECORDS = sorted(p.stem for p in FIXTURES.glob("*.yaml"))


def record_of(name: str) -> Record:
    return load_record(FIXTURES / f"{name}.yaml")


def drafts_of(record: Record) -> list[Draft]:
    drafts = [draft_document(record, key) for key in registry.applicable(record)]
    return drafts + [registry.COVER.draft(record, catalogs_for(), [d.title for d in drafts])]


def by_text(draft: Draft) -> dict[str, str]:
    """English text → id, for blocks whose text occurs once in the draft."""
    texts = [b.text.en for b in draft.blocks()]
    return {b.text.en: b.id for b in draft.blocks() if texts.count(b.text.en) == 1}


def block(draft: Draft, start: str) -> Block:
    (found,) = [b for b in draft.blocks() if b.text.en.startswith(start)]
    return found


def with_capital(record: Record, amount: Decimal) -> Record:
    venture = record.venture
    return record.model_copy(update={"venture": venture.model_copy(
        update={"capital": venture.capital.model_copy(update={"amount": amount})})})


def with_third_shareholder(record: Record) -> Record:
    """A Norwegian partner added after the others (shares are not re-split: drafting does not care)."""
    partner = record.shareholders[-1]
    added = partner.model_copy(update={
        "name": partner.name.model_copy(update={"uk": "Фйорд Армз АС", "en": "Fjord Arms AS"}),
        "country": "NO",
        "registration": Registration(scheme="no.orgnr", number="923609016"),
    })
    return record.model_copy(update={"shareholders": [*record.shareholders, added]})


@pytest.mark.parametrize("name", RECORDS)
def test_ids_are_unique_within_each_draft_and_every_block_has_one(name: str) -> None:
    for draft in drafts_of(record_of(name)):
        ids = [b.id for b in draft.blocks()]
        assert all(ids), draft.key
        assert len(ids) == len(set(ids)), draft.key
        assert all(i.startswith(f"{draft.key}/") for i in ids)


def test_headings_are_named_by_their_section() -> None:
    draft = draft_document(record_of("DC-2026-014"), "jv-agreement")
    headings = [b for b in draft.blocks() if b.kind == "heading"]
    assert headings[4].num == "5." and headings[4].id == "jv-agreement/capital"
    assert block(draft, "The charter capital of the Venture shall be").id.startswith("jv-agreement/capital/clause/")


@pytest.mark.parametrize("name", RECORDS)
def test_two_records_differing_in_one_amount_give_the_same_ids(name: str) -> None:
    record = record_of(name)
    changed = with_capital(record, record.venture.capital.amount + Decimal("1000.00"))
    pairs = list(zip(drafts_of(record), drafts_of(changed)))
    assert {a.key for a, b in pairs if [x.text for x in a.blocks()] != [x.text for x in b.blocks()]} == {
        "memorandum", "jv-agreement"}  # the capital is printed in these two
    for before, after in pairs:
        assert [b.id for b in before.blocks()] == [b.id for b in after.blocks()], before.key


def test_adding_a_shareholder_keeps_the_ids_of_unrelated_clauses() -> None:
    record = record_of("DC-2026-014")
    for key in ("memorandum", "jv-agreement", "site-protection-annex"):
        before = draft_document(record, key)
        after = draft_document(with_third_shareholder(record), key)
        old, new = set(b.id for b in before.blocks()), set(b.id for b in after.blocks())
        assert len(new) > len(old), key  # the new party's paragraph, signature details, ...
        # Every block of the first draft is still there under its id, except those whose text
        # names how many shareholders there are.
        lost = [b.text.en for b in before.blocks() if b.id not in new]
        assert lost == [], (key, lost)
        unchanged = {t: i for t, i in by_text(before).items() if t in by_text(after)}
        assert unchanged and all(by_text(after)[t] == i for t, i in unchanged.items()), key


def test_a_renumbered_clause_keeps_its_id() -> None:
    record = record_of("DC-2026-014")
    before = draft_document(record, "jv-agreement")
    after = draft_document(with_third_shareholder(record), "jv-agreement")
    # The new partner's own export control clause comes in the export control section before this one.
    start = "No Party is obliged to transfer technology"
    old, new = block(before, start), block(after, start)
    assert old.num != new.num
    assert old.id == new.id
    # The Norwegian's clause is new, the Danish partner's keeps its id.
    danish = "Shareholder 2 shall also comply with the laws of Denmark"
    assert block(before, danish).id == block(after, danish).id


def test_the_id_never_reaches_the_word_file() -> None:
    record = record_of("DC-2026-014")
    draft = draft_document(record, "memorandum")
    data = docx_bytes(record, "memorandum", "bilingual")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = b"".join(zf.read(n) for n in zf.namelist())
    assert all(b.id.encode() not in xml for b in draft.blocks())
    assert b"memorandum/" not in xml
