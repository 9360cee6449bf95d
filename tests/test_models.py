"""Every rule of the record contract (../shared/contract/README.md), broken once.

Each case mutates the text of the contract example, runs ``dcity-docs validate`` and checks the
report: exit 1, a ``FILE:LINE: field.path: message`` line with the line of the bad value, the
dotted path of the field and a message that names the problem; no traceback.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from conftest import (
    FIXTURE_DIR,
    assert_problem,
    line_no,
    mutate,
    problem_lines,
    run_validate,
    write_record,
    yaml_data,
)
from dcity_docs.record.models import Record, Signatory, check_rules

# Text blocks of the example that some cases replace or remove.
MINISTRY_AUTHORITY = (
    "      uk: Положення про Міністерство оборони України\n"
    "      en: the Regulations on the Ministry of Defence of Ukraine"
)
MINISTRY_POA = "      uk: довіреність\n      en: power of attorney"
MINISTRY_SIGNATORY = "  signatory:\n    name:\n      uk: Умєров"
HOLDER0_SIGNATORY = "    signatory:\n      name: {uk: Коваленко"
HOLDER1_SIGNATORY = "    signatory:\n      name: {uk: Сьорен"
SHAREHOLDERS_KEY = "shareholders:                   # shares"
CAPITAL_AMOUNT = 'amount: "12500000.00"'
VENTURE_COUNTRY = "country: UA                   # ISO 3166-1"
PLACEMENT = "placement: ukraine            #"


def _site_block(text: str) -> str:
    return text[text.index("site:                           #") : text.index("\ndates:") + 1]


@dataclass
class Case:
    """One broken rule: mutations, where the bad value is, the field and the message."""

    name: str
    changes: list[tuple[str, str]]
    at: str  # text on the reported line of the mutated record (a unique substring)
    field: str
    message: str  # regular expression the message must match
    offset: int = 0  # reported line relative to ``at`` (e.g. -1 for the parent key)
    problems: int = 1  # number of problem lines expected in all
    extra: list[str] = field(default_factory=list)


CASES = [
    # --- id ----------------------------------------------------------------------------
    Case("id-lowercase", [("id: DC-2026-014 ", "id: dc-2026-014 ")], "id: dc-2026-014", "id",
         r"'dc-2026-014' is not a valid register number.*capitals, digits and hyphens"),
    Case("id-too-short", [("id: DC-2026-014 ", "id: DC ")], "id: DC ", "id",
         r"'DC' is not a valid register number.*3 to 32 characters"),
    Case("id-too-long", [("id: DC-2026-014 ", f"id: DC-{'9' * 31} ")], "id: DC-999", "id",
         r"not a valid register number.*3 to 32"),
    Case("id-path-traversal", [("id: DC-2026-014 ", "id: ../etc ")], "id: ../etc", "id",
         r"'\.\./etc' is not a valid register number"),
    Case("id-slash", [("id: DC-2026-014 ", "id: DC/2026-014 ")], "id: DC/2026-014", "id",
         r"'DC/2026-014' is not a valid register number"),
    Case("id-number", [("id: DC-2026-014 ", "id: 2026 ")], "id: 2026", "id", r"must be text"),
    # --- {uk, en} texts ----------------------------------------------------------------
    Case("text-en-missing", [("    en: Danforge Defence Ukraine\n", "")],
         "uk: Данфордж Дефенс Юкрейн", "venture.name.en", r"required field is missing", offset=-1),
    Case("text-uk-missing-flow", [("position: {uk: Директор, en: Director}", "position: {en: Director}")],
         "position: {en: Director}", "shareholders.0.signatory.position.uk", r"missing"),
    Case("text-en-empty", [("    en: Danforge Defence Ukraine", '    en: ""')], '    en: ""',
         "venture.name.en", r"must not be empty"),
    Case("text-en-blank", [("    en: Danforge Defence Ukraine", '    en: "   "')], '    en: "   "',
         "venture.name.en", r"must not be empty"),
    Case("text-en-no-value", [("    en: Danforge Defence Ukraine", "    en:   # left blank")], "left blank",
         "venture.name.en", r"has no value"),
    Case("text-control-char", [("    en: Danforge Defence Ukraine", '    en: "Danforge\\x07 Defence"')],
         "Danforge\\x07", "venture.name.en", r"control character U\+0007"),
    Case("text-bidi-override", [("en: Site Heather-17", 'en: "Site \\u202EHeather-17"')],
         "Site \\u202E", "site.codename.en", r"control character U\+202E"),
    Case("text-tab", [("seat: {uk: Відень, en: Vienna}", 'seat: {uk: Відень, en: "Vi\\tenna"}')],
         "seat: {uk:", "disputes.seat.en", r"control character U\+0009"),
    # --- look-alike letters and invisible characters: the name must be the register's ----
    Case("lookalike-latin-o-in-uk-name", [("name: {uk: Коваленко Ірина", "name: {uk: Кoваленко Ірина")],
         "name: {uk: Кoваленко", "shareholders.0.signatory.name.uk",
         r"Latin 'o' \(U\+006F\) in «Кoваленко», a word in Cyrillic letters: a look-alike"),
    Case("lookalike-cyrillic-in-en-name", [("en: Iryna Kovalenko}", "en: Iryna Kоvalenko}")],
         "en: Iryna Kоvalenko", "shareholders.0.signatory.name.en", r"Cyrillic 'о' \(U\+043E\) in «Kоvalenko»"),
    Case("lookalike-latin-i-in-uk-text", [("uk: вул. Повітрофлотська, 6", "uk: вул. Повiтрофлотська, 6")],
         "uk: вул. Повiтрофлотська", "ministry.address.uk", r"Latin 'i' \(U\+0069\) in «Повiтрофлотська»"),
    Case("lookalike-greek-in-en", [("en: Site Heather-17", "en: Site Ηeather-17")], "en: Site Ηeather-17",
         "site.codename.en", r"Greek 'Η' \(U\+0397\) in «…»"),  # the codename is never repeated
    Case("invisible-zero-width-space", [("name: {uk: Коваленко Ірина", 'name: {uk: "Коваленко\\u200b Ірина')
                                        , ("Петрівна, en: Iryna", 'Петрівна", en: Iryna')],
         "name: {uk: \"Коваленко", "shareholders.0.signatory.name.uk",
         r"invisible control character U\+200B \(zero width space\)"),
    Case("invisible-word-joiner", [("    en: Danforge Defence Ukraine", '    en: "Danforge\\u2060Defence Ukraine"')],
         "Danforge\\u2060", "venture.name.en", r"invisible control character U\+2060 \(word joiner\)"),
    Case("invisible-soft-hyphen", [("uk: Данфордж Дефенс А/С", "uk: Дан\u00adфордж Дефенс А/С")],
         "Дефенс А/С", "shareholders.1.name.uk", r"invisible control character U\+00AD \(soft hyphen\)"),
    Case("invisible-bom-inside", [("en: Søren Holm Jensen}", 'en: "Søren\\ufeff Holm Jensen"}')],
         "en: \"Søren", "shareholders.1.signatory.name.en",
         r"invisible control character U\+FEFF \(zero width no-break space\)"),
    Case("text-uk-not-cyrillic", [("    uk: Данфордж Дефенс Юкрейн", "    uk: Danforge Defence Ukraine")],
         "uk: Danforge Defence Ukraine", "venture.name.uk", r"no Cyrillic"),
    Case("text-not-bilingual", [("  name:\n    uk: Данфордж Дефенс Юкрейн\n    en: Danforge Defence Ukraine",
                                 "  name: Danforge Defence Ukraine")],
         "name: Danforge Defence Ukraine", "venture.name", r"both languages.*uk.*en"),
    # --- country, governing_law, region, currency ----------------------------------------
    Case("country-alpha3", [(VENTURE_COUNTRY, "country: UKR                  # ISO 3166-1")],
         "country: UKR", "venture.country", r"'UKR' is not an ISO 3166-1 alpha-2 country code"),
    Case("country-lowercase", [("country: UA\n    registration", "country: ua\n    registration")],
         "country: ua", "shareholders.0.country", r"'ua' is not an ISO 3166-1 alpha-2"),
    Case("country-unknown", [("country: DK", "country: XK")], "country: XK",
         "shareholders.1.country", r"'XK' is not an ISO 3166-1 alpha-2"),
    Case("governing-law", [("governing_law: UA ", "governing_law: EU ")], "governing_law: EU",
         "governing_law", r"'EU' is not an ISO 3166-1 alpha-2"),
    Case("region-unknown", [("region: UA-18", "region: UA-99")], "region: UA-99", "site.region",
         r"^the value given is not an ISO 3166-2:UA region code"),  # a site's region is never repeated
    Case("region-other-country", [("region: UA-18", "region: DK-84")], "region: DK-84", "site.region",
         r"^the value given is not an ISO 3166-2:UA"),
    Case("currency-unknown", [("currency: EUR               #", "currency: EUX               #")],
         "currency: EUX", "venture.capital.currency", r"'EUX' is not an ISO 4217 currency code"),
    Case("currency-lowercase", [('{amount: "6375000.00", currency: EUR}', '{amount: "6375000.00", currency: eur}')],
         "currency: eur", "shareholders.0.contribution.value.currency", r"'eur' is not an ISO 4217"),
    # --- money -------------------------------------------------------------------------
    Case("money-float", [(CAPITAL_AMOUNT, "amount: 12500000.00")], "amount: 12500000.00",
         "venture.capital.amount", r"string in quotes.*never a floating-point number"),
    Case("money-int", [(CAPITAL_AMOUNT, "amount: 12500000")], "amount: 12500000 ",
         "venture.capital.amount", r"decimal string in quotes"),
    Case("money-3-places", [(CAPITAL_AMOUNT, 'amount: "12500000.001"')], '"12500000.001"',
         "venture.capital.amount", r"more than 2 decimal places"),
    Case("money-negative", [(CAPITAL_AMOUNT, 'amount: "-12500000.00"')], '"-12500000.00"',
         "venture.capital.amount", r"negative.*must be positive"),
    Case("money-zero", [(CAPITAL_AMOUNT, 'amount: "0.00"')], 'amount: "0.00"',
         "venture.capital.amount", r"must be positive"),
    Case("money-separators", [(CAPITAL_AMOUNT, 'amount: "12,500,000.00"')], '"12,500,000.00"',
         "venture.capital.amount", r"not a plain decimal number"),
    Case("money-float-in-flow", [('{amount: "6375000.00", currency: EUR}', "{amount: 6375000.00, currency: EUR}")],
         "amount: 6375000.00", "shareholders.0.contribution.value.amount", r"floating-point"),
    Case("percent-float", [('share_percent: "51"', "share_percent: 51.0")], "share_percent: 51.0",
         "shareholders.0.share_percent", r"floating-point"),
    Case("percent-over-100", [('share_percent: "51"', 'share_percent: "151"')], 'share_percent: "151"',
         "shareholders.0.share_percent", r"at most 100"),
    # --- registration, ministry EDRPOU, bank --------------------------------------------
    Case("scheme-unknown", [("scheme: dk.cvr", "scheme: dk.nothing")], "scheme: dk.nothing",
         "shareholders.1.registration.scheme", r"'dk.nothing' is not a python-stdnum validator"),
    Case("scheme-not-a-validator", [("scheme: dk.cvr", "scheme: util")], "scheme: util",
         "shareholders.1.registration.scheme", r"'util' is not a python-stdnum validator"),
    Case("scheme-malformed", [("scheme: dk.cvr", "scheme: DK.CVR")], "scheme: DK.CVR",
         "shareholders.1.registration.scheme", r"'DK.CVR' is not a python-stdnum validator"),
    Case("registration-cvr", [('number: "39170000"', 'number: "39170001"')], '"39170001"',
         "shareholders.1.registration.number", r"'39170001' is not a valid .*\(dk\.cvr\)"),
    Case("registration-edrpou", [('number: "44710005"', 'number: "44710006"')], '"44710006"',
         "shareholders.0.registration.number", r"'44710006' is not a valid .*EDRPOU.*\(ua\.edrpou\)"),
    Case("ministry-edrpou", [('edrpou: "00034022"', 'edrpou: "00034023"')], 'edrpou: "00034023"',
         "ministry.edrpou", r"'00034023' is not a valid EDRPOU code"),
    Case("ministry-edrpou-unquoted", [('edrpou: "00034022"', "edrpou: 00034022")], "edrpou: 00034022",
         "ministry.edrpou", r"must be text; put it in quotes"),
    Case("iban-check-digits", [("iban: DK5000400440116243", "iban: DK5100400440116243")],
         "DK5100400440116243", "shareholders.1.bank.iban", r"'DK5100400440116243' is not a valid IBAN"),
    Case("bic-short", [("bic: PBANUA2X", "bic: PBAN")], "bic: PBAN}", "shareholders.0.bank.bic",
         r"'PBAN' is not a valid BIC"),
    Case("bic-9-chars", [("bic: DABADKKK", "bic: DABADKKKX")], "bic: DABADKKKX",
         "shareholders.1.bank.bic", r"not a valid BIC"),
    # --- shares and contributions -------------------------------------------------------
    Case("shares-99", [('share_percent: "49"', 'share_percent: "48"')], SHAREHOLDERS_KEY,
         "shareholders", r"share_percent values add up to 99, not exactly 100"),
    Case("shares-100.5", [('share_percent: "49"', 'share_percent: "49.5"')], SHAREHOLDERS_KEY,
         "shareholders", r"add up to 100\.5, not exactly 100"),
    Case("contributions-sum", [('{amount: "6125000.00", currency: EUR}', '{amount: "6125000.01", currency: EUR}')],
         CAPITAL_AMOUNT, "venture.capital.amount",
         r"contributions add up to 12500000\.01, not the capital 12500000\.00"),
    Case("contribution-currency", [('{amount: "6125000.00", currency: EUR}', '{amount: "6125000.00", currency: USD}')],
         "currency: USD", "shareholders.1.contribution.value.currency",
         r"USD differs from the capital's currency EUR"),
    # --- placement ----------------------------------------------------------------------
    Case("ukraine-country-dk", [(VENTURE_COUNTRY, "country: DK                   # ISO 3166-1")],
         "country: DK                   # ISO 3166-1", "venture.country",
         r"placement 'ukraine' requires country UA"),
    Case("abroad-country-ua", [(PLACEMENT, "placement: abroad             #"), ("SITE", "")],
         VENTURE_COUNTRY, "venture.country", r"placement 'abroad' requires a country other than UA"),
    # --- dates --------------------------------------------------------------------------
    Case("agreement-before-memorandum", [("agreement: 2026-10-15", "agreement: 2026-08-31")],
         "agreement: 2026-08-31", "dates.agreement", r"is before dates\.memorandum"),
    Case("term-0", [("term_years: 10", "term_years: 0")], "term_years: 0", "dates.term_years",
         r"must be at least 1"),
    Case("term-51", [("term_years: 10", "term_years: 51")], "term_years: 51", "dates.term_years",
         r"must be at most 50"),
    Case("term-quoted", [("term_years: 10", 'term_years: "10"')], 'term_years: "10"', "dates.term_years",
         r"whole number"),
    Case("date-impossible", [("memorandum: 2026-09-01", "memorandum: 2026-02-30")], "memorandum: 2026-02-30",
         "dates.memorandum", r"'2026-02-30' is not a real date"),
    Case("date-as-number", [("memorandum: 2026-09-01", "memorandum: 0")], "memorandum: 0",
         "dates.memorandum", r"not a date in the form YYYY-MM-DD"),
    Case("date-in-words", [("memorandum: 2026-09-01", "memorandum: 1 вересня 2026")], "memorandum: 1 вер",
         "dates.memorandum", r"not a date in the form YYYY-MM-DD"),
    Case("date-with-time", [("memorandum: 2026-09-01", "memorandum: 2026-09-01T10:00:00")],
         "memorandum: 2026-09-01T", "dates.memorandum", r"not a date in the form YYYY-MM-DD"),
    # --- powers of attorney -------------------------------------------------------------
    Case("poa-ministry", [(MINISTRY_AUTHORITY, MINISTRY_POA)], MINISTRY_SIGNATORY.splitlines()[2],
         "ministry.signatory.power_of_attorney",
         r"required \(number and date\) where the signatory acts under a power of attorney", offset=-2),
    Case("poa-shareholder", [("authority: {uk: Статут, en: the Charter}",
                              "authority: {uk: довіреність, en: power of attorney}")],
         "name: {uk: Коваленко", "shareholders.0.signatory.power_of_attorney",
         r"required \(number and date\).*power of attorney", offset=-1),
    Case("poa-shareholder-uk-only", [("authority: {uk: Статут, en: the Articles of Association}",
                                      "authority: {uk: Довіреність № 17, en: authorisation No. 17}")],
         "name: {uk: Сьорен", "shareholders.1.signatory.power_of_attorney", r"required", offset=-1),
    Case("poa-shareholder-en-only", [("authority: {uk: Статут, en: the Articles of Association}",
                                      "authority: {uk: доручення, en: a Power of Attorney dated 1 May}")],
         "name: {uk: Сьорен", "shareholders.1.signatory.power_of_attorney", r"required", offset=-1),
    # --- unknown values and fields ------------------------------------------------------
    Case("product-unknown", [("products: [drones, artillery_ammunition]", "products: [drones, tanks]")],
         "products: [drones, tanks]", "venture.products.1",
         r"'tanks' is not allowed; it must be 'drones', 'missiles'"),
    Case("products-empty", [("products: [drones, artillery_ammunition]", "products: []")],
         "products: []", "venture.products", r"at least 1 entry"),
    Case("purpose-unknown", [("    - technology_access ", "    - cheap_labour ")], "- cheap_labour",
         "venture.purposes.2", r"'cheap_labour' is not allowed"),
    Case("stage-unknown", [("stage: negotiation ", "stage: draft ")], "stage: draft", "stage",
         r"'draft' is not allowed; it must be 'negotiation', 'agreed' or 'signed'"),
    Case("contribution-kind-unknown", [("kind: [premises, workforce]", "kind: [premises, goodwill]")],
         "kind: [premises, goodwill]", "shareholders.0.contribution.kind.1", r"'goodwill' is not allowed"),
    Case("field-typo-top", [("shareholders:  ", "shareholdres:  ")], "shareholdres:", "shareholdres",
         r"unknown field.*check the spelling", problems=2, extra=["1: shareholders: required field is missing"]),
    Case("field-unknown-in-site", [("  classification: restricted", "  colour: red\n  classification: restricted")],
         "colour: red", "site.colour", r"unknown field"),
    Case("field-unknown-in-flow", [("bic: PBANUA2X}", "bic: PBANUA2X, swift: PBANUA2X}")], "swift:",
         "shareholders.0.bank.swift", r"unknown field"),
    Case("jobs-quoted", [("ukrainian_jobs: 180", 'ukrainian_jobs: "180"')], "ukrainian_jobs:",
         "venture.ukrainian_jobs", r"whole number"),
    Case("flag-yes", [("guarded_perimeter: true", "guarded_perimeter: yes")], "guarded_perimeter: yes",
         "site.protection.guarded_perimeter", r"must be true or false"),
]


def _apply(text: str, case: Case) -> str:
    for old, new in case.changes:
        text = mutate(text, _site_block(text) if old == "SITE" else old, new)
    return text


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_rule_is_reported_with_line_path_and_message(case: Case, example_text, tmp_path):
    text = _apply(example_text, case)
    path = write_record(tmp_path, text)

    result = run_validate(path)

    line = line_no(text, case.at) + case.offset
    assert_problem(result, path, line, case.field, case.message)
    lines = problem_lines(result.stderr, path)
    assert len(lines) == case.problems, "\n".join(lines)
    for tail in case.extra:
        assert any(ln.endswith(tail) or f":{tail}" in ln for ln in lines), (tail, lines)
    assert "ok" not in result.stdout


def test_ukraine_without_site_is_reported(example_text, tmp_path):
    text = mutate(example_text, _site_block(example_text), "")
    path = write_record(tmp_path, text)
    result = run_validate(path)
    # a missing top-level field has no line of its own: the record's first line
    assert_problem(result, path, 1, "site", r"required where placement is 'ukraine'")
    assert len(problem_lines(result.stderr, path)) == 1


def test_poa_date_after_agreement_is_reported(fixture_dir, tmp_path):
    text = (fixture_dir / "DC-2026-021.yaml").read_text(encoding="utf-8")
    text = mutate(text, 'date: 2026-05-12}', 'date: 2026-08-12}')
    path = write_record(tmp_path, text)
    result = run_validate(path)
    assert_problem(result, path, line_no(text, "2026-08-12"),
                   "ministry.signatory.power_of_attorney.date", r"after the agreement date")


def test_poa_without_date_is_reported(fixture_dir, tmp_path):
    text = (fixture_dir / "DC-2026-021.yaml").read_text(encoding="utf-8")
    text = mutate(text, '{number: "220/1/47", date: 2026-05-12}', '{number: "220/1/47"}')
    path = write_record(tmp_path, text)
    result = run_validate(path)
    assert_problem(result, path, line_no(text, '"220/1/47"'),
                   "ministry.signatory.power_of_attorney.date", r"required field is missing")


@pytest.mark.parametrize(
    "old,new",
    [
        ("agreement: 2026-10-15", "agreement: 2026-09-01"),  # same day as the memorandum
        ("term_years: 10", "term_years: 1"),
        ("term_years: 10", "term_years: 50"),
        ('share_percent: "51"', "share_percent: 51"),  # a whole percentage may be a number
        ('share_percent: "51"', 'share_percent: "51.00"'),
        ("country: DK", "country: NO"),  # YAML 1.2: NO is the text "NO" (Norway), not false
        ("iban: DK5000400440116243", "iban: DK50 0040 0440 1162 43"),  # spaced IBAN
        (MINISTRY_AUTHORITY, MINISTRY_POA + '\n    power_of_attorney: {number: "220/1/15", date: 2026-08-20}'),
    ],
    ids=["same-day", "term-1", "term-50", "percent-int", "percent-2dp", "country-NO", "iban-spaced",
         "poa-given"],
)
def test_edge_values_that_are_valid(example_text, tmp_path, old, new):
    path = write_record(tmp_path, mutate(example_text, old, new))
    result = run_validate(path)
    assert result.exit_code == 0, result.stderr
    assert f"{path}: ok (DC-2026-014)" in result.stdout


def test_unquoted_no_is_norway_in_an_abroad_record(fixture_dir, tmp_path):
    text = (fixture_dir / "DC-2026-030.yaml").read_text(encoding="utf-8")
    text = mutate(text, 'placement: abroad\n  country: "NO"', "placement: abroad\n  country: NO")
    text = mutate(text, '    country: "NO"\n', "    country: NO\n")
    result = run_validate(write_record(tmp_path, text))
    assert result.exit_code == 0, result.stderr


def test_yaml_1_1_no_is_refused_as_not_text(example_text, tmp_path):
    """Under an explicit ``%YAML 1.1`` NO means false; the officer is told to quote it."""
    text = "%YAML 1.1\n---\n" + mutate(example_text, "country: DK", "country: NO")
    path = write_record(tmp_path, text)
    result = run_validate(path)
    assert_problem(result, path, line_no(text, "country: NO"), "shareholders.1.country",
                   r"must be text; put it in quotes")


def test_several_errors_are_reported_at_once(example_text, tmp_path):
    changes = [
        ("id: DC-2026-014 ", "id: dc-2026-014 "),
        ("    en: Danforge Defence Ukraine", '    en: ""'),
        ("products: [drones, artillery_ammunition]", "products: [drones, tanks]"),
        ("iban: DK5000400440116243", "iban: DK5100400440116243"),
        ("region: UA-18", "region: UA-99"),
        ("term_years: 10", "term_years: 0"),
        ("memorandum: 2026-09-01", "memorandum: 2026-02-30"),
    ]
    text = example_text
    for old, new in changes:
        text = mutate(text, old, new)
    path = write_record(tmp_path, text)
    result = run_validate(path)
    expected = [
        (line_no(text, "id: dc-2026-014"), "id"),
        (line_no(text, '    en: ""'), "venture.name.en"),
        (line_no(text, "products: [drones, tanks]"), "venture.products.1"),
        (line_no(text, "DK5100400440116243"), "shareholders.1.bank.iban"),
        (line_no(text, "region: UA-99"), "site.region"),
        (line_no(text, "term_years: 0"), "dates.term_years"),
        (line_no(text, "memorandum: 2026-02-30"), "dates.memorandum"),
    ]
    lines = problem_lines(result.stderr, path)
    assert len(lines) == len(changes), "\n".join(lines)
    for line, field_path in expected:
        assert_problem(result, path, line, field_path, r".")


# --- the models directly --------------------------------------------------------------


def _example_record(text: str) -> Record:
    return Record.model_validate(yaml_data(text))


def test_example_as_model(example_text):
    record = _example_record(example_text)
    assert check_rules(record) == []
    assert record.id == "DC-2026-014"
    assert record.venture.capital.amount == Decimal("12500000.00")
    assert isinstance(record.venture.capital.amount, Decimal)
    assert record.dates.memorandum == dt.date(2026, 9, 1)
    assert record.shareholders[1].bank.iban == "DK5000400440116243"
    assert record.venture.name["uk"] == "Данфордж Дефенс Юкрейн"
    assert record.agreement_no == "DC-2026-014" and record.is_draft
    with pytest.raises(KeyError):
        record.venture.name["de"]


@pytest.mark.parametrize("bad_id", ["DC-2026-014\n", "DC-2026-014 ", "-DC-2026", "DC_2026", "ДЦ-2026", "DC.2026"])
def test_id_pattern_is_anchored(example_text, bad_id):
    data = yaml_data(example_text)
    data["id"] = bad_id
    with pytest.raises(ValidationError) as exc:
        Record.model_validate(data)
    assert [e["loc"] for e in exc.value.errors()] == [("id",)]


@pytest.mark.parametrize(
    "uk,en,expected",
    [
        ("Статут", "the Charter", False),
        ("Положення про Міністерство оборони України", "the Regulations", False),
        ("довіреність", "power of attorney", True),
        ("Довіреність від 20.08.2026 № 220/1/15", "Power of Attorney No. 220/1/15", True),
        ("довіреності", "the power of attorney", True),
    ],
)
def test_acts_under_power_of_attorney(uk, en, expected):
    sig = Signatory.model_validate(
        {"name": {"uk": "Іван", "en": "Ivan"}, "position": {"uk": "Директор", "en": "Director"},
         "authority": {"uk": uk, "en": en}}
    )
    assert sig.acts_under_power_of_attorney() is expected


def test_json_schema_has_the_draft(example_text):
    from dcity_docs.record.models import json_schema

    schema = json_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert "id" in schema["properties"] and schema["additionalProperties"] is False


def test_cyrillic_in_an_english_text_is_refused_with_the_official_transliteration(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dcity_docs.cli import cli

    text = (FIXTURE_DIR / "DC-2026-014.yaml").read_text(encoding="utf-8")
    old = "name: {uk: Коваленко Ірина Петрівна, en: Iryna Kovalenko}"
    assert text.count(old) == 1
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace(old, "name: {uk: Коваленко Ірина Петрівна, en: Коваленко Ірина}"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 1
    line = text[: text.index(old)].count("\n") + 1
    assert f"{bad}:{line}: shareholders.0.signatory.name.en: the English text contains Cyrillic letters" in result.stderr
    assert "'Kovalenko Iryna'" in result.stderr


def test_cross_field_rules_are_reported_together_with_field_errors(tmp_path: Path) -> None:
    """A bad BIC must not hide that the shares add up to 99 or that the dates are in the wrong order."""
    from click.testing import CliRunner

    from dcity_docs.cli import cli

    text = (FIXTURE_DIR / "DC-2026-014.yaml").read_text(encoding="utf-8")
    for old, new in (("DABADKKK", "XX"), ('share_percent: "49"', 'share_percent: "48"'),
                     ("agreement: 2026-10-15", "agreement: 2026-08-15")):
        assert text.count(old) == 1
        text = text.replace(old, new)
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert any("shareholders.1.bank.bic: 'XX' is not a valid BIC" in line for line in lines)
    assert any(": shareholders: share_percent values add up to 99, not exactly 100" in line for line in lines)
    assert any(": dates.agreement: is before dates.memorandum" in line for line in lines)
