"""The terms a venture negotiates (governance, transfers, deadlock, default, information, dividends,
restrictive covenants): each with the programme's default and its range, and the rules that compare
them (a drag-along below the tag-along, board seats that do not add up).

The defaults here are the bundled programme file's (data/programme.yaml; a test keeps them equal);
a programme file may change them, and a record's ``terms:`` block may override any of them.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

Path_ = tuple[str | int, ...]
TermProblem = tuple[Path_, str]


def _whole(low: int, high: int) -> object:
    return Field(ge=low, le=high, strict=True)


def _plain_date(value: object) -> object:
    """A date only: pydantic would read a number as a Unix timestamp, a datetime as a date."""
    if isinstance(value, (bool, int, float, dt.datetime)):
        raise ValueError("must be a date (YYYY-MM-DD)")
    return value


Years = Annotated[int, _whole(0, 10)]
Days = Annotated[int, _whole(1, 365)]
PercentWhole = Annotated[int, _whole(0, 100)]


class ReservedMatter(str, Enum):
    """Decisions of the shareholders that need the reserved majority."""

    charter_changes = "charter_changes"
    capital_changes = "capital_changes"
    business_plan = "business_plan"
    major_transactions = "major_transactions"
    related_party_transactions = "related_party_transactions"
    new_shareholders = "new_shareholders"
    reorganisation = "reorganisation"
    winding_up = "winding_up"
    dividends = "dividends"
    director = "director"


class DefaultEvent(str, Enum):
    """What makes a shareholder a defaulting shareholder."""

    material_breach = "material_breach"
    insolvency = "insolvency"
    sanctions = "sanctions"
    change_of_control = "change_of_control"


class Terms(BaseModel):
    """Every negotiated term; unknown ones are refused (a misspelt term is not silently ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # transfers
    lock_up_years: Years = Field(default=3, description="No transfer of a share for this many years")
    pre_emption: Annotated[bool, Field(strict=True)] = Field(
        default=True, description="The other shareholders may buy first on any transfer")
    tag_along_percent: Annotated[int, _whole(1, 100)] = Field(
        default=50, description="A sale of more than this share of the capital lets the others sell too")
    drag_along_percent: Annotated[int, _whole(50, 100)] = Field(
        default=75, description="Holders of at least this share may make the others sell on the same terms")
    change_of_control_is_transfer: Annotated[bool, Field(strict=True)] = Field(
        default=True, description="A change of control of a shareholder counts as a transfer of its share")
    # governance
    director_nominated_by: Literal["largest_shareholder", "all_shareholders"] = Field(
        default="largest_shareholder", description="Who nominates the director")
    board_seats: Annotated[int, _whole(0, 15)] = Field(
        default=0, description="Members of a supervisory board (0: no board)")
    board_seats_per_shareholder: list[Annotated[int, _whole(0, 15)]] | None = Field(
        default=None, description="Seats each shareholder nominates, in the order of shareholders; "
        "they must add up to board_seats (none given: one seat each, where that adds up)")
    board_chair: Literal["largest_shareholder", "board_elects"] = Field(
        default="largest_shareholder", description="Who nominates the chair of the board")
    quorum_percent: PercentWhole = Field(
        default=10, description="A meeting is quorate only with every shareholder holding at least this share")
    reserved_matters: Annotated[list[ReservedMatter], Field(min_length=1)] = Field(
        default_factory=lambda: list(ReservedMatter), description="Decisions needing the reserved majority")
    reserved_majority_percent: Annotated[int, _whole(51, 100)] = Field(
        default=75, description="Votes needed for a reserved matter")
    # deadlock
    deadlock_meetings: Annotated[int, _whole(2, 5)] = Field(
        default=2, description="A reserved matter not carried at this many meetings in a row is a deadlock")
    escalation_days: Days = Field(default=30, description="Days for the shareholders' chief executives")
    mediation_days: Days = Field(default=60, description="Days for mediation after escalation")
    deadlock_resolution: Literal["buy_sell", "put_call", "winding_up"] = Field(
        default="put_call", description="The way out once mediation fails")
    # default
    default_events: Annotated[list[DefaultEvent], Field(min_length=1)] = Field(
        default_factory=lambda: list(DefaultEvent), description="Events that make a shareholder defaulting")
    cure_days: Days = Field(default=30, description="Days to cure a material breach after notice")
    default_discount_percent: Annotated[int, _whole(0, 50)] = Field(
        default=20, description="The others' call option: fair value less this discount")
    # information and dividends
    monthly_accounts_days: Annotated[int, _whole(1, 60)] = Field(
        default=20, description="Days after the month's end for the management accounts")
    annual_accounts_months: Annotated[int, _whole(1, 12)] = Field(
        default=4, description="Months after the year's end for the audited accounts")
    audit_access: Annotated[bool, Field(strict=True)] = Field(
        default=True, description="Each shareholder may have the books examined by its own auditor")
    dividend_percent: PercentWhole = Field(
        default=50, description="Share of the distributable profit paid out each year, as far as the law permits")
    # restrictive covenants
    non_compete_years: Years = Field(default=2, description="No competing business in the Products")
    non_solicit_years: Years = Field(default=2, description="No soliciting of the venture's staff")
    # conditions precedent and closing (joint-venture agreement)
    long_stop_months: Annotated[int, _whole(1, 24)] = Field(
        default=6, description="Months from signing by which the conditions must be met or waived")
    condition_filing_days: Days = Field(
        default=30, description="Days from signing to apply for the merger clearance and export permits")
    condition_notice_days: Annotated[int, _whole(1, 30)] = Field(
        default=5, description="Working days to tell the others that a condition is met or cannot be")
    ukrainian_merger_clearance: Literal["where_required", "required", "not_required"] = Field(
        default="where_required", description="Antimonopoly Committee of Ukraine clearance as a condition: "
        "where_required (a venture in Ukraine: if the law requires it; abroad: no condition), required "
        "(a Ukrainian filing is needed, wherever the venture is), not_required (none)")
    site_agreement_days: Days = Field(
        default=30, description="Days from registration for the venture to sign the site-use agreement")
    # sanctions and anti-corruption (joint-venture agreement)
    beneficial_owner_notice_days: Days = Field(
        default=10, description="Days to disclose a change of a shareholder's beneficial owners")
    compliance_audit_notice_days: Days = Field(
        default=10, description="Days' notice of a compliance audit")
    # warranties and liability (the joint-venture agreement)
    liability_cap_percent: Annotated[int, _whole(1, 100)] = Field(
        default=50, description="A party's aggregate liability under the agreement: this share of the capital")
    # technology licence (the joint-venture agreement, for each technology contribution)
    licence_exclusive: Annotated[bool, Field(strict=True)] = Field(
        default=True, description="The venture's licence is exclusive in the field of the Products")
    licence_territory: Literal["worldwide", "country_of_placement"] = Field(
        default="worldwide", description="Where the venture may use the licensed technology")
    licence_term_years: Years = Field(
        default=0, description="Years the licence runs (0: for the term of the agreement)")
    licence_sublicensing: Annotated[bool, Field(strict=True)] = Field(
        default=False, description="The venture may sublicense to its subcontractors without the licensor's consent")
    know_how_days: Days = Field(
        default=60, description="Days from the licence within which the licensor hands over the know-how")
    training_days: Days = Field(
        default=30, description="Working days of training of the venture's staff the licensor gives")
    improvement_notice_days: Days = Field(
        default=30, description="Days within which an improvement is disclosed to the other side")
    licence_run_off_months: Annotated[int, _whole(0, 60)] = Field(
        default=12, description="Months the licence runs on after the licensor leaves or the agreement ends")
    # force majeure (the joint-venture agreement)
    force_majeure_notice_days: Annotated[int, _whole(1, 60)] = Field(
        default=10, description="Days from the event within which the affected party gives notice")
    force_majeure_evidence_days: Annotated[int, _whole(1, 90)] = Field(
        default=30, description="Days from the notice within which it gives the certificate or other evidence")
    force_majeure_termination_days: Annotated[int, _whole(30, 730)] = Field(
        default=180, description="Days of force majeure after which any party may terminate")
    # disputes
    arbitration_language: Literal["en", "uk"] = Field(
        default="en", description="The language of the arbitration (en | uk)")
    # establishment and capital (joint-venture agreement)
    filing_days: Days = Field(
        default=30, description="Days from the Closing Date to file for the registration of the venture")
    contribution_days: Annotated[int, _whole(1, 180)] = Field(
        default=90, description="Days from the later of registration and the licences to make each "
        "contribution in full (within the six months the Law of Ukraine on LLCs allows)")
    details_change_days: Days = Field(
        default=10, description="Days to tell the other parties of a change in a party's details")
    # term and termination
    registration_months: Annotated[int, _whole(1, 24)] = Field(
        default=6, description="Months from the Closing Date after which any party may terminate if the "
        "venture is not registered")
    return_days: Days = Field(
        default=90, description="Days after termination within which the premises and the Site are returned")
    defence_city_regime_ends: Annotated[dt.date | None, BeforeValidator(_plain_date)] = Field(
        default=None, description="The last day of the Defence City regime, where the law fixes one "
        "(a programme field); a term running past it says what happens then")
    # the memorandum
    memorandum_confidentiality_years: Annotated[int, _whole(1, 10)] = Field(
        default=3, description="Years the memorandum's confidentiality survives its end")
    # the site-protection annex: who bears the cost of each measure
    guarding_cost: Literal["ministry", "shareholders"] = Field(
        default="ministry", description="Who bears the cost of guarding the perimeter of the Site")
    air_defence_cost: Literal["ministry", "shareholders"] = Field(
        default="ministry", description="Who bears the cost of coordination with air defence")
    shelter_cost: Literal["ministry", "shareholders"] = Field(
        default="shareholders", description="Who bears the cost of building and keeping the shelter")
    access_request_days: Annotated[int, _whole(1, 60)] = Field(
        default=10, description="Days before a first visit by which a foreign partner's staff are put forward for access")
    access_decision_days: Annotated[int, _whole(1, 60)] = Field(
        default=5, description="Days within which the Ministry decides on their access to the Site")


def terms_problems(terms: Terms, shareholders: int | None, where: Path_ = ("terms",)) -> list[TermProblem]:
    """Rules between terms (and the number of shareholders, where known)."""
    problems: list[TermProblem] = []
    if terms.drag_along_percent < terms.tag_along_percent:
        problems.append((where + ("drag_along_percent",),
                         f"{terms.drag_along_percent} is below tag_along_percent {terms.tag_along_percent}: "
                         "a drag-along must need at least the share that triggers the tag-along"))
    seats = terms.board_seats_per_shareholder
    if seats is not None:
        if terms.board_seats == 0:
            problems.append((where + ("board_seats_per_shareholder",),
                             "given although board_seats is 0 (no supervisory board)"))
        elif sum(seats) != terms.board_seats:
            problems.append((where + ("board_seats_per_shareholder",),
                             f"the seats add up to {sum(seats)}, not board_seats {terms.board_seats}"))
        if shareholders is not None and len(seats) != shareholders:
            problems.append((where + ("board_seats_per_shareholder",),
                             f"{len(seats)} entries for {shareholders} shareholder(s); give one per shareholder"))
    elif terms.board_seats and shareholders is not None and terms.board_seats != shareholders:
        problems.append((where + ("board_seats",),
                         f"{terms.board_seats} seats cannot be one per shareholder ({shareholders}); "
                         "give board_seats_per_shareholder"))
    if terms.condition_filing_days >= terms.long_stop_months * 30:
        problems.append((where + ("condition_filing_days",),
                         f"{terms.condition_filing_days} days is not before the long-stop date "
                         f"(long_stop_months {terms.long_stop_months}): the applications must be filed "
                         "before the conditions fall due"))
    if len(set(terms.reserved_matters)) != len(terms.reserved_matters):
        problems.append((where + ("reserved_matters",), "names a matter twice"))
    if len(set(terms.default_events)) != len(terms.default_events):
        problems.append((where + ("default_events",), "names an event twice"))
    return problems


def seats_of(terms: Terms, shareholders: int) -> list[int]:
    """Board seats each shareholder nominates (one each unless the terms say otherwise)."""
    if not terms.board_seats:
        return [0] * shareholders
    return list(terms.board_seats_per_shareholder or [1] * shareholders)
