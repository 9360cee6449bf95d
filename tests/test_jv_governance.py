"""The joint-venture agreement as the founding agreement with the Ministry: it names the venture's
bodies and refers to the shareholders' agreement for governance, transfers, deadlock and exit
(which binds only the shareholders) and carries no voting undertakings; for a venture placed abroad
neither it nor the shareholders' agreement uses Ukrainian corporate-law terms."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

from dcity_docs.output.documents import docx_bytes
from dcity_docs.record.loading import load_record, parse_text, validate_source

from readback import docx_paragraphs

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
KEY = "jv-agreement"


def paragraphs(record, key: str, lang: str) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.docx"
        path.write_bytes(docx_bytes(record, key, lang))
        return docx_paragraphs(path)


def section(paras: list[str], number: int) -> list[str]:
    """The heading and the clauses of one numbered section («5.», «5.1.», …)."""
    return [p for p in paras if re.match(rf"{number}\.(\d+\.)? ", p)]


DETAILS = ("Details of the Parties", "Реквізити Сторін")


def clauses(paras: list[str]) -> list[str]:
    """The numbered headings and clauses, less the Parties' details (where a Ukrainian shareholder's
    own name and charter may appear)."""
    numbered = [p for p in paras if re.match(r"\d+\.(\d+\.)? ", p)]
    details = {p.split(".")[0] for p in numbered if p.endswith(DETAILS)}
    return [p for p in numbered if p.split(".")[0] not in details]


def management(record, lang: str) -> str:
    paras = paragraphs(record, KEY, lang)
    number = next(int(p.split(".")[0]) for p in paras
                  if p.endswith(("Management of the Venture", "Управління Підприємством")))
    return "\n".join(section(paras, number))


def test_the_agreement_names_the_bodies_and_leaves_governance_to_the_shareholders_agreement() -> None:
    record = load_record(FIXTURES / "DC-2026-014.yaml")
    en, uk = management(record, "en"), management(record, "uk")
    assert ("its general meeting of shareholders (the highest governing body) and its director (the sole "
            "executive body)") in en
    assert "Article 7 of the Law of Ukraine “On Limited and Additional Liability Companies” (the " \
           "“Shareholders’ Agreement”)" in en
    assert "on the signing of this Agreement and in any event before they file the documents for the " \
           "state registration of the Venture" in en
    assert "The Shareholders’ Agreement binds only the Shareholders. The Ministry is not a party to it" in en
    assert "without the prior written consent of the Ministry" in en
    assert "загальні збори його учасників (вищий орган) і директор (одноосібний виконавчий орган)" in uk
    assert ("корпоративним договором у розумінні статті 7 Закону України «Про товариства з обмеженою та "
            "додатковою відповідальністю» (далі – «Корпоративний договір»)") in uk
    assert "Корпоративний договір є обов’язковим лише для Учасників. Міністерство не є його стороною" in uk
    # no voting undertakings left: majorities, votes and the director's nomination are the
    # shareholders' agreement's
    for text in (en, uk):
        assert not re.search(r"vote|votes|majority|unanimous|nominat|голос|більшіст|одностайн|поданням",
                             text, re.I), text
    whole_en = "\n".join(paragraphs(record, KEY, "en"))
    assert "shall vote" not in whole_en and "shall procure the amendments to the charter" in whole_en


def test_a_supervisory_board_in_the_terms_is_named_among_the_bodies() -> None:
    text = (FIXTURES / "DC-2026-014.yaml").read_text(encoding="utf-8")
    with_board = validate_source(parse_text(
        text + "terms:\n  board_seats: 3\n  board_seats_per_shareholder: [2, 1]\n", "rec.yaml"))
    without = load_record(FIXTURES / "DC-2026-014.yaml")
    assert "its supervisory board and its director" in management(with_board, "en")
    assert "наглядова рада та директор" in management(with_board, "uk")
    assert "supervisory board" not in management(without, "en")
    assert "наглядова рада" not in management(without, "uk")


@pytest.mark.parametrize("key", ["jv-agreement", "shareholders-agreement"])
def test_a_venture_abroad_has_no_ukrainian_corporate_law_terms_in_either_agreement(key: str) -> None:
    record = load_record(FIXTURES / "DC-2026-030.yaml")
    assert record.venture.placement == "abroad" and record.venture.country == "NO"
    en = "\n".join(clauses(paragraphs(record, key, "en")))
    uk = "\n".join(clauses(paragraphs(record, key, "uk")))
    assert en and uk
    for term in ("charter", "limited liability company", "bear the risk of losses", "Article 7",
                 "Civil Code of Ukraine"):
        assert term.lower() not in en.lower(), (key, term)
    # «просте товариство» (a partnership, in the no-partnership clause) is not corporate law
    for term in ("статут", "товариства з обмеженою", "тов «", "ризик збитків", "статті 7",
                 "цивільного кодексу україни"):
        assert term not in uk.lower(), (key, term)
    # contributions abroad pass as the local law has it (a handover certificate of know-how under a
    # licence is not a contribution)
    contributions = [p for p in clauses(paragraphs(record, key, "uk")) if "вклад" in p and "ліценз" not in p]
    assert not any("приймання-передачі" in p for p in contributions), key
    assert "articles of association" in en and "установч" in uk
    assert re.search(r"as far as (the|those) laws( of Norway)? permit", en)
    assert re.search(r"в межах, дозволених (цим )?законодавств(ом|а) ?(Норвегії)?", uk)
    if key == "jv-agreement":
        assert "Share Capital and Contributions" in en and "Акціонерний капітал і вклади Учасників" in uk
        assert "under the laws of Norway as a private company limited by shares" in en
        assert "The bodies of the Venture, including its general meeting of shareholders and its director, " \
               "are formed and act in accordance with the laws of Norway." in en
        assert "its provisions apply as far as the laws of Norway permit" in en
        assert "застосовуються в межах, дозволених законодавством Норвегії" in uk


def test_a_venture_in_ukraine_keeps_the_ukrainian_terms() -> None:
    record = load_record(FIXTURES / "DC-2026-014.yaml")
    en = "\n".join(clauses(paragraphs(record, KEY, "en")))
    uk = "\n".join(clauses(paragraphs(record, KEY, "uk")))
    assert "Charter Capital and Contributions" in en and "share capital" not in en
    assert "Статутний капітал і вклади Учасників" in uk and "акціонерн" not in uk.lower()
