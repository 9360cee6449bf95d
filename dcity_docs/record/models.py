"""The venture record (``../shared/contract``) as pydantic v2 models, and its cross-field rules.

Field-level rules live on the models so that pydantic reports all of them at once; rules that
compare fields (shares, contributions, placement, dates, powers of attorney) run in
:func:`check_rules` once the fields themselves are valid, each with the exact path it concerns.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
import unicodedata
from dataclasses import dataclass
from dataclasses import field as dc_field
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import (
    TypeAdapter,
    ValidationError,
    BaseModel,
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    WithJsonSchema,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from stdnum import bic as stdnum_bic
from stdnum import iban as stdnum_iban
from stdnum.ua import edrpou as stdnum_edrpou

from dcity_docs.errors import brief
from dcity_docs.language.langs import LANGS, Lang
from dcity_docs.record.seats import seat_country
from dcity_docs.record.terms import Terms, terms_problems
from dcity_docs.record.codes import CountryCode, CurrencyCode, RegionCode
from dcity_docs.record.texts import (
    MAX_NAME_CHARS, MAX_TEXT_CHARS, bounded, only_printable, plain_string, schema_rules,
)

ID_PATTERN = r"^[A-Z0-9][A-Z0-9-]{2,31}$"
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


class Strict(BaseModel):
    """Unknown fields are refused so that a typo in a key is caught, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


# --- scalar types -------------------------------------------------------------------------


def _no_control_chars(value: str) -> str:
    """No control character, and none of the invisible ones (Unicode category Cf: zero-width
    space, word joiner, soft hyphen, byte-order mark, direction marks): typed by accident or
    pasted from a PDF, they make the name in the agreement differ from the name in the register
    and hide it from a search."""
    for ch in value:
        category = unicodedata.category(ch)
        if category == "Cc":
            raise ValueError(f"contains a control character U+{ord(ch):04X}")
        if category == "Cf":
            name = unicodedata.name(ch, "").lower() or "format character"
            raise ValueError(f"contains an invisible control character U+{ord(ch):04X} ({name}); "
                             "delete it (retype the text around it if you cannot see it)")
        if category == "Cs" or ch in "\ufffe\uffff":
            # A "\ud800" or "\uffff" escape in JSON or YAML: no character at all, and a Word file
            # (XML) cannot hold it.
            raise ValueError(f"contains U+{ord(ch):04X}, which is not a character (a broken \\u escape?)")
    return value


_WORD = re.compile(r"[^\W\d_]+")


def _script(ch: str) -> str | None:
    """The script of a letter, for the scripts whose letters look alike."""
    name = unicodedata.name(ch, "")
    for script in ("CYRILLIC", "LATIN", "GREEK"):
        if name.startswith(script):
            return script
    return None


def _no_mixed_script_words(value: str) -> str:
    """A word of Cyrillic letters with a Latin (or Greek) look-alike inside («Кoваленко» with a
    Latin o) prints the same and is another name: the register, a search and a signature check
    do not find it. Words wholly in Latin inside Ukrainian text (DC-2026-014, CVR, A/S) are fine."""
    for match in _WORD.finditer(value):
        word = match.group()
        scripts = [_script(ch) for ch in word]
        present = {s for s in scripts if s}
        if len(present) < 2:
            continue
        counts = {s: scripts.count(s) for s in present}
        main = max(sorted(present), key=lambda s: counts[s])  # a tie: Cyrillic, then Greek
        strays = [ch for ch, s in zip(word, scripts) if s and s != main]
        shown = ", ".join(f"{_script(ch).title()} {ch!r} (U+{ord(ch):04X})"  # type: ignore[union-attr]
                          for ch in dict.fromkeys(strays))
        raise ValueError(f"{shown} in «{word}», a word in {main.title()} letters: a look-alike letter "
                         f"from another script; retype the word in {main.title()}")
    return value


def _text_type(limit: int, what: str) -> Any:
    """A text printed in the documents: not empty, at most ``limit`` characters, no word too long to
    break, no control or invisible character, only characters the fonts print, no look-alike letters."""
    return Annotated[
        str,
        BeforeValidator(plain_string),
        StringConstraints(min_length=1),
        AfterValidator(bounded(limit, what.lower())),
        AfterValidator(_no_control_chars),
        AfterValidator(only_printable),
        AfterValidator(_no_mixed_script_words),
        WithJsonSchema(schema_rules(limit, what)),
    ]


Text = _text_type(MAX_TEXT_CHARS, "A text")
Name = _text_type(MAX_NAME_CHARS, "A name")
"""A name (of a venture, a party, a signatory, a site): a text, shorter."""
Email = Annotated[str, BeforeValidator(plain_string),
                  StringConstraints(pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$", max_length=254)]
"""An e-mail address for notices (plain ASCII: it is printed and typed, never looked up)."""


def _decimal_string(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(f"{brief(value)} is not a number; write it in quotes, e.g. \"51\" or \"12500000.00\"")
    if isinstance(value, float):
        raise ValueError(
            "must be a decimal written as a string in quotes (e.g. \"12500000.00\"), "
            "never a floating-point number"
        )
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if not isinstance(value, str):
        raise ValueError("must be a decimal string such as \"12500000.00\"")
    text = value.strip()
    if text.startswith("-"):
        raise ValueError(f"{brief(value)} is negative; it must be positive")
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", text):
        raise ValueError(f"{brief(value)} is not a plain decimal number (digits, optional '.' and decimals)")
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the regex above already guards
        raise ValueError(f"{brief(value)} is not a decimal number") from exc


MAX_MONEY = Decimal(10) ** 15
"""Amounts are spelled out in words up to trillions (money.amount_in_words)."""
MAX_COUNT = 1_000_000_000
"""Counts printed in figures and words (jobs, shelter places): a mistake long before this."""


def _money_amount(value: Any) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError('money must be a decimal string in quotes, e.g. "12500000.00"')
    amount = _decimal_string(value)
    if amount <= 0:
        raise ValueError("must be positive")
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValueError("has more than 2 decimal places")
    if amount >= MAX_MONEY:
        raise ValueError(f"{brief(value)} is too large: amounts are written out in words up to 999999999999999.99")
    return amount


MoneyAmount = Annotated[
    Decimal,
    BeforeValidator(_money_amount),
    WithJsonSchema({"type": "string", "pattern": r"^[0-9]+(\.[0-9]{1,2})?$"}),
]
Percent = Annotated[
    Decimal,
    BeforeValidator(_decimal_string),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "pattern": r"^[0-9]+(\.[0-9]{1,2})?$"}, {"type": "integer"}],
            "description": "A percentage, with at most two decimal places: the agreements print it "
            "exactly as given, and print no more than two",
        }
    ),
]


def _whole_number(value: Any) -> Any:
    if isinstance(value, (bool, float)):
        raise ValueError(f"{brief(value)} is not allowed; it must be a whole number, written without quotes")
    return value


def _date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise ValueError("must be a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, (bool, int, float, list, dict)):
        # pydantic would read a number as a Unix timestamp (0 -> 1 January 1970).
        raise ValueError(f"{brief(value)} is not a date in the form YYYY-MM-DD")
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError(f"{brief(value)} is not a date in the form YYYY-MM-DD")
    return value


Date = Annotated[
    dt.date, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})
]


# --- composite parts ----------------------------------------------------------------------


class BiText(Strict):
    """A text printed in an agreement, in both languages."""

    uk: Text
    en: Text

    @field_validator("uk", "en")
    @classmethod
    def _clean(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return _no_control_chars(value)

    @field_validator("uk")
    @classmethod
    def _cyrillic(cls, value: str) -> str:
        if not _CYRILLIC.search(value):
            raise ValueError("the Ukrainian text contains no Cyrillic letters")
        return value

    @field_validator("en")
    @classmethod
    def _latin(cls, value: str) -> str:
        if _CYRILLIC.search(value):
            from dcity_docs.language.declension import transliterate

            raise ValueError(
                "the English text contains Cyrillic letters; Ukrainian names are written in the "
                f"official transliteration (Cabinet Resolution No. 55 of 2010): {transliterate(value)!r}"
            )
        return value

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGS:
            raise KeyError(lang)
        return getattr(self, lang)


class BiName(BiText):
    """A name printed in an agreement, in both languages (the rules of BiText, a shorter limit)."""

    uk: Name
    en: Name


class Money(Strict):
    amount: MoneyAmount
    currency: CurrencyCode


class PowerOfAttorney(Strict):
    number: Text
    date: Date


class Signatory(Strict):
    name: BiName
    position: BiText
    authority: BiText
    power_of_attorney: PowerOfAttorney | None = None
    gender: Literal["female", "male"] | None = Field(
        default=None,
        description="Only where the name does not tell: no patronymic, and a Latin given name that "
        "the names dictionary does not know or knows as both a man's and a woman's (e.g. Dominique)",
    )
    # Optional overrides where automatic Ukrainian declension gets a form wrong.
    name_genitive: Name | None = Field(default=None, description="Name in the genitive (uk)")
    position_genitive: Text | None = Field(default=None, description="Position in the genitive (uk)")
    authority_genitive: Text | None = Field(default=None, description="Authority in the genitive (uk)")

    def acts_under_power_of_attorney(self) -> bool:
        uk = self.authority.uk.strip().lower()
        en = self.authority.en.strip().lower()
        return uk.startswith("довірен") or "power of attorney" in en


class Registration(Strict):
    scheme: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)?$")] = Field(
        description="A python-stdnum validator, e.g. ua.edrpou, dk.cvr, no.orgnr, gb.vat, lei"
    )
    number: Text

    @field_validator("number")
    @classmethod
    def _number(cls, value: str) -> str:
        return _no_control_chars(value)


class Incorporation(Strict):
    """Where a company was incorporated and its number in that register: a UK company is
    "incorporated in England and Wales with company number …", not "registered under the laws of
    the United Kingdom"."""

    place: BiText = Field(
        description="The place of incorporation: en as it reads after “incorporated in” (England and "
        "Wales), uk in the genitive, after «відповідно до законодавства» (Англії та Уельсу)"
    )
    number: Text = Field(description="The company number in that place's register, e.g. 01234567")


class ContributionKind(str, Enum):
    money = "money"
    equipment = "equipment"
    premises = "premises"
    land_use_rights = "land_use_rights"
    technology_licence = "technology_licence"
    intellectual_property = "intellectual_property"
    workforce = "workforce"


class Contribution(Strict):
    kind: Annotated[list[ContributionKind], Field(min_length=1)]
    value: Money


class Bank(Strict):
    iban: Text
    bic: Text

    @field_validator("iban")
    @classmethod
    def _iban(cls, value: str) -> str:
        if not stdnum_iban.is_valid(value):
            raise ValueError(f"{brief(value)} is not a valid IBAN (check digits or length)")
        return stdnum_iban.compact(value)

    @field_validator("bic")
    @classmethod
    def _bic(cls, value: str) -> str:
        if not stdnum_bic.is_valid(value):
            raise ValueError(f"{brief(value)} is not a valid BIC (8 or 11 characters, e.g. PBANUA2X)")
        return stdnum_bic.compact(value)


class Shareholder(Strict):
    name: BiName
    country: CountryCode
    registration: Registration
    incorporation: Incorporation | None = Field(
        default=None, description="Optional: the place of incorporation and company number, printed "
        "with the company's name in the preamble and in the Parties' details")
    address: BiText
    signatory: Signatory
    email: Email | None = Field(default=None, description="Where notices may also be sent by e-mail")
    share_percent: Percent
    contribution: Contribution
    bank: Bank | None = None

    @field_validator("share_percent")
    @classmethod
    def _share(cls, value: Decimal) -> Decimal:
        problem = share_problem(value)
        if problem:
            raise ValueError(problem)
        return value


SHARE_PLACES = 2
"""Decimal places of a share: the agreements print a share exactly as given, so no more than they
print (formatting.format_percent: at most two). 33.333 would print as 33.33 beside a total of 100."""


def share_problem(value: Decimal) -> str | None:
    """Why ``value`` cannot be a share, or None."""
    if not Decimal(0) < value <= Decimal(100):
        return "must be more than 0 and at most 100"
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -SHARE_PLACES:
        return (f"{value} has more than {SHARE_PLACES} decimal places; the agreements print a share with at "
                f"most {SHARE_PLACES} (e.g. 33.33), so that the shares printed add up to the total printed")
    return None


class Ministry(Strict):
    name: BiName
    edrpou: Text
    address: BiText
    signatory: Signatory
    email: Email | None = Field(default=None, description="Where notices may also be sent by e-mail")

    @field_validator("edrpou")
    @classmethod
    def _edrpou(cls, value: str) -> str:
        if not stdnum_edrpou.is_valid(value):
            raise ValueError(f"{brief(value)} is not a valid EDRPOU code (8 digits with a check digit)")
        return value


class Product(str, Enum):
    drones = "drones"
    missiles = "missiles"
    artillery = "artillery"
    artillery_ammunition = "artillery_ammunition"
    electronic_warfare = "electronic_warfare"
    armoured_vehicles = "armoured_vehicles"


class Purpose(str, Enum):
    western_government_orders = "western_government_orders"
    eu_nato_market_access = "eu_nato_market_access"
    technology_access = "technology_access"


class Venture(Strict):
    name: BiName
    placement: Literal["ukraine", "abroad"]
    country: CountryCode
    products: Annotated[list[Product], Field(min_length=1)]
    purposes: Annotated[list[Purpose], Field(min_length=1)]
    capital: Money
    ukrainian_jobs: Annotated[int, Field(ge=0, le=MAX_COUNT, strict=True)]


class Protection(Strict):
    guarded_perimeter: Annotated[bool, Field(strict=True)]
    air_defence_coordination: Annotated[bool, Field(strict=True)]
    shelter_capacity: Annotated[int, Field(ge=0, le=MAX_COUNT, strict=True)]
    incident_notice_hours: Annotated[int, Field(ge=1, le=72, strict=True)]


class Site(Strict):
    codename: BiName
    region: RegionCode
    classification: Literal["public", "restricted", "secret"]
    protection: Protection


class Dates(Strict):
    memorandum: Date
    agreement: Date
    term_years: Annotated[int, Field(ge=1, le=50, strict=True)]


class Disputes(Strict):
    forum: Literal["icc", "scc", "lcia", "ua_courts"]
    seat: BiText
    # YAML's true (== 1 in Python) and 3.0 are not numbers of arbitrators
    arbitrators: Annotated[Literal[1, 3], BeforeValidator(_whole_number)] = Field(
        default=3, description="Number of arbitrators")
    seat_country: CountryCode | None = Field(
        default=None, description="The seat's country (default: the usual one of the city, e.g. Vienna: AT)")

    @model_validator(mode="after")
    def _seat_country(self) -> "Disputes":
        if self.forum != "ua_courts" and seat_country(self.seat.en, self.seat_country) is None:
            raise ValueError(f"the country of the seat {brief(self.seat.en)} is not known; give disputes.seat_country")
        return self

    @property
    def country(self) -> str | None:
        """The seat's country (None for the courts of Ukraine, whose seat is a city in Ukraine)."""
        return None if self.forum == "ua_courts" else seat_country(self.seat.en, self.seat_country)


class Record(Strict):
    """One venture record: everything the agreements are drafted from."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="Defence City venture record",
        json_schema_extra={"$id": "https://dcity-docs.example/schema/venture.json"},
    )

    id: Annotated[str, StringConstraints(pattern=ID_PATTERN)] = Field(
        description="Register number: capitals, digits and hyphens; it names the output files"
    )
    stage: Literal["negotiation", "agreed", "signed"]
    venture: Venture
    ministry: Ministry | None = Field(
        default=None, description="The Ministry as a party; without it, the programme file's Ministry")
    shareholders: Annotated[list[Shareholder], Field(min_length=1)]
    site: Site | None = None
    dates: Dates
    governing_law: CountryCode
    disputes: Disputes
    prevailing_language: Lang
    place_of_signing: BiText | None = Field(
        default=None, description="Where the agreements are signed, e.g. м. Київ / Kyiv; without it, "
        "the programme file's place of signing")
    agreement_number: Text | None = Field(
        default=None, description="Number of the joint-venture agreement (defaults to the id)"
    )
    terms: Terms = Field(
        default_factory=Terms,
        description="Negotiated terms; each one not given takes the programme file's default",
    )

    @property
    def is_draft(self) -> bool:
        return self.stage != "signed"

    @property
    def agreement_no(self) -> str:
        return self.agreement_number or self.id


# --- cross-field rules --------------------------------------------------------------------

RuleProblem = tuple[tuple[str | int, ...], str]


def _registration_problem(scheme: str, number: str) -> tuple[str, str] | None:
    """(field of ``registration`` at fault, message), or None when the number passes."""
    try:
        module = importlib.import_module(f"stdnum.{scheme}")
    except ImportError:
        return "scheme", (
            f"scheme {brief(scheme)} is not a python-stdnum validator (e.g. ua.edrpou, dk.cvr, no.orgnr)"
        )
    validate = getattr(module, "is_valid", None)
    if validate is None:
        return "scheme", f"scheme {brief(scheme)} is not a python-stdnum validator"
    if not validate(number):
        name = getattr(module, "__doc__", "") or scheme
        return "number", f"{brief(number)} is not a valid {name.splitlines()[0].strip().rstrip('.')} ({scheme})"
    return None


def _signatory_problems(sig: Signatory, where: tuple[str | int, ...], country: str) -> list[RuleProblem]:
    problems: list[RuleProblem] = []
    if sig.acts_under_power_of_attorney() and sig.power_of_attorney is None:
        problems.append(
            (
                where + ("power_of_attorney",),
                "required (number and date) where the signatory acts under a power of attorney",
            )
        )
    name_problem = _name_problem(sig, country)
    if name_problem:
        problems.append((where + ("name", "uk"), name_problem))
    return problems


def _name_problem(sig: Signatory, country: str) -> str | None:
    """The Ukrainian name must give the signature form and, unless ``name_genitive`` is given,
    the genitive, exactly as the documents will ask for them (else rendering would fail later)."""
    from dcity_docs.language import declension

    try:
        declension.signature_name(sig.name.uk)
        if sig.name_genitive is None:
            gender = {"female": "feminine", "male": "masculine"}.get(sig.gender or "")
            declension.genitive_name(sig.name.uk, gender, latin_name=sig.name.en, country=country)
    except ValueError as exc:
        return str(exc)
    return None


@dataclass
class Parts:
    """The parts of a record that are valid on their own, each None where it is not.

    Cross-field rules run on whatever parts are valid, so a record with a bad IBAN still hears
    at once that its shares add up to 99 (every problem of a record in one report).
    """

    venture: Venture | None = None
    ministry: Ministry | None = None
    shareholders: list[Shareholder | None] = dc_field(default_factory=list)
    dates: Dates | None = None
    has_site: bool = False
    shares: list[Decimal | None] = dc_field(default_factory=list)
    contributions: list[Money | None] = dc_field(default_factory=list)
    terms: Terms | None = None

    @classmethod
    def of(cls, record: Record) -> "Parts":
        holders = list(record.shareholders)
        return cls(record.venture, record.ministry, list(holders), record.dates, record.site is not None,
                   [h.share_percent for h in holders], [h.contribution.value for h in holders],
                   record.terms)

    @classmethod
    def salvage(cls, data: Any) -> "Parts":
        """Validate each part of raw data separately (used when the whole record is invalid)."""
        if not isinstance(data, dict):
            return cls()

        def valid(model: type[BaseModel], value: Any) -> Any:
            try:
                return model.model_validate(value)
            except ValidationError:
                return None

        raw = data.get("shareholders")
        raw = raw if isinstance(raw, list) else []
        holders = [valid(Shareholder, h) for h in raw]
        shares: list[Decimal | None] = []
        contributions: list[Money | None] = []
        for holder, item in zip(holders, raw):
            if holder is not None:
                shares.append(holder.share_percent)
                contributions.append(holder.contribution.value)
                continue
            item = item if isinstance(item, dict) else {}
            try:
                share: Decimal | None = _PERCENT.validate_python(item.get("share_percent"))
            except ValidationError:
                share = None
            # the same rule as Shareholder._share: a share it refuses is reported there alone
            shares.append(share if share is not None and share_problem(share) is None else None)
            contribution = item.get("contribution")
            value = contribution.get("value") if isinstance(contribution, dict) else None
            contributions.append(valid(Money, value))
        return cls(
            valid(Venture, data.get("venture")),
            valid(Ministry, data.get("ministry")),
            holders,
            valid(Dates, data.get("dates")),
            data.get("site") is not None,
            shares,
            contributions,
            valid(Terms, data.get("terms")) if data.get("terms") is not None else None,
        )


_PERCENT: TypeAdapter[Decimal] = TypeAdapter(Percent)


def check_rules(record: Record | Parts) -> list[RuleProblem]:
    """Rules that compare fields; each problem carries the path it is about."""
    parts = Parts.of(record) if isinstance(record, Record) else record
    problems: list[RuleProblem] = []
    holders = parts.shareholders
    valid_holders = [(i, h) for i, h in enumerate(holders) if h is not None]

    if parts.shares and all(v is not None for v in parts.shares):
        total_share = sum((v for v in parts.shares if v is not None), Decimal(0))
        if total_share != Decimal(100):
            problems.append(
                (("shareholders",), f"share_percent values add up to {total_share}, not exactly 100")
            )

    capital = parts.venture.capital if parts.venture is not None else None
    from dcity_docs.language.money import SUPPORTED_CURRENCIES

    if capital is not None and capital.currency not in SUPPORTED_CURRENCIES:
        problems.append(
            (
                ("venture", "capital", "currency"),
                f"{capital.currency} is a currency the agreements cannot write amounts of in words yet; "
                f"use one of {', '.join(SUPPORTED_CURRENCIES)}",
            )
        )
    for i, value in enumerate(parts.contributions):
        if value is not None and capital is not None and value.currency != capital.currency:
            problems.append(
                (
                    ("shareholders", i, "contribution", "value", "currency"),
                    f"{value.currency} differs from the capital's currency {capital.currency}",
                )
            )
    for i, holder in valid_holders:
        if all(kind is ContributionKind.workforce for kind in holder.contribution.kind):
            problems.append(
                (
                    ("shareholders", i, "contribution", "kind"),
                    "'workforce' alone cannot be a contribution to charter capital (art. 115(2) of the "
                    "Civil Code of Ukraine: money, securities, property or property rights with a money "
                    "value); add the kind of property or right that the valued contribution consists of",
                )
            )
        problem = _registration_problem(holder.registration.scheme, holder.registration.number)
        if problem:
            problems.append((("shareholders", i, "registration", problem[0]), problem[1]))
        problems += _signatory_problems(holder.signatory, ("shareholders", i, "signatory"), holder.country)
    values = parts.contributions
    total = sum((v.amount for v in values if v is not None), Decimal(0))
    if values and all(v is not None for v in values) and capital is not None and total != capital.amount:
        problems.append(
            (
                ("venture", "capital", "amount"),
                f"contributions add up to {total}, not the capital {capital.amount}",
            )
        )
    if parts.ministry is not None:
        problems += _signatory_problems(parts.ministry.signatory, ("ministry", "signatory"), "UA")

    venture = parts.venture
    if venture is not None and venture.placement == "ukraine":
        if venture.country != "UA":
            problems.append((("venture", "country"), "placement 'ukraine' requires country UA"))
        if not parts.has_site:
            problems.append((("site",), "required where placement is 'ukraine'"))
    elif venture is not None:
        if venture.country == "UA":
            problems.append(
                (("venture", "country"), "placement 'abroad' requires a country other than UA")
            )
        if parts.has_site:
            problems.append((("site",), "given although placement is 'abroad' (production outside Ukraine has no site here)"))

    if parts.terms is not None:
        raw_holders = parts.shareholders
        problems += terms_problems(parts.terms, len(raw_holders) if raw_holders else None)

    dates = parts.dates
    if dates is not None and dates.agreement < dates.memorandum:
        problems.append(
            (("dates", "agreement"), "is before dates.memorandum; the agreement follows the memorandum")
        )
    if dates is not None:
        for sig_path, sig in _all_signatories(parts):
            poa = sig.power_of_attorney
            if poa is not None and poa.date > dates.agreement:
                problems.append(
                    (sig_path + ("power_of_attorney", "date"), "is after the agreement date")
                )
    return problems


def _all_signatories(parts: Parts) -> list[tuple[tuple[str | int, ...], Signatory]]:
    out: list[tuple[tuple[str | int, ...], Signatory]] = []
    if parts.ministry is not None:
        out.append((("ministry", "signatory"), parts.ministry.signatory))
    out += [(("shareholders", i, "signatory"), s.signatory) for i, s in enumerate(parts.shareholders)
            if s is not None]
    return out


def json_schema() -> dict[str, Any]:
    """JSON Schema of the record, for editors' autocompletion and external validators."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
