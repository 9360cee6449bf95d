"""``dcity-docs new ID``: a commented record for a new venture, to fill in.

Each value a legal officer must give is a quoted placeholder ``"__field.path__"`` (so a record not
yet filled in is refused by name, never drafted); the terms they may negotiate are shown commented
out with the programme's value; there is no Ministry block where the programme gives one.
"""

from __future__ import annotations

import json
import re
from typing import Any

from dcity_docs.errors import InputError
from dcity_docs.record.models import ID_PATTERN
from dcity_docs.record.programme import Programme

PLACEHOLDER = re.compile(r'"__([a-z0-9_.]+)__"')
"""A placeholder in the starter record: the dotted path of the field it stands for."""

_SHAREHOLDER = """\
  - name:
      uk: "__shareholders.{i}.name.uk__"
      en: "__shareholders.{i}.name.en__"
    country: "__shareholders.{i}.country__"      # ISO 3166-1 alpha-2
    registration:
      scheme: "__shareholders.{i}.registration.scheme__"   # python-stdnum: ua.edrpou, dk.cvr, no.orgnr ...
      number: "__shareholders.{i}.registration.number__"
    address:
      uk: "__shareholders.{i}.address.uk__"
      en: "__shareholders.{i}.address.en__"
    signatory:
      name: {{uk: "__shareholders.{i}.signatory.name.uk__", en: "__shareholders.{i}.signatory.name.en__"}}
      position: {{uk: "__shareholders.{i}.signatory.position.uk__", en: "__shareholders.{i}.signatory.position.en__"}}
      authority: {{uk: "__shareholders.{i}.signatory.authority.uk__", en: "__shareholders.{i}.signatory.authority.en__"}}
    share_percent: "__shareholders.{i}.share_percent__"    # the shares add up to exactly 100
    contribution:
      kind: "__shareholders.{i}.contribution.kind__"       # a list: money, equipment, premises, ...
      value:
        amount: "__shareholders.{i}.contribution.value.amount__"   # "6375000.00": money in quotes
        currency: "__shareholders.{i}.contribution.value.currency__"
"""

_HEAD = """\
# A new Defence City venture record. Replace every quoted __field.path__ placeholder (quotes included
# where the value is not text), then run `dcity-docs validate` on this file.
id: {id}
stage: negotiation              # negotiation | agreed | signed

venture:
  name:
    uk: "__venture.name.uk__"
    en: "__venture.name.en__"
  placement: "__venture.placement__"      # ukraine | abroad
  country: "__venture.country__"          # ISO 3166-1 alpha-2 of the production site
  products: "__venture.products__"        # a list: drones, missiles, artillery, artillery_ammunition, ...
  purposes: "__venture.purposes__"        # a list: western_government_orders, eu_nato_market_access, technology_access
  capital:
    amount: "__venture.capital.amount__"  # decimal in quotes, e.g. "12500000.00"
    currency: "__venture.capital.currency__"
  ukrainian_jobs: "__venture.ukrainian_jobs__"   # a whole number

# The Ministry is the programme file's ({minister}); give a `ministry:` block only to differ.

shareholders:
"""

_TAIL = """
site:                           # where placement is ukraine; delete this block where it is abroad
  codename:
    uk: "__site.codename.uk__"
    en: "__site.codename.en__"
  region: "__site.region__"               # ISO 3166-2:UA, e.g. UA-18
  classification: "__site.classification__"   # public | restricted | secret
  protection:
    guarded_perimeter: "__site.protection.guarded_perimeter__"   # true | false
    air_defence_coordination: "__site.protection.air_defence_coordination__"
    shelter_capacity: "__site.protection.shelter_capacity__"
    incident_notice_hours: "__site.protection.incident_notice_hours__"

dates:
  memorandum: "__dates.memorandum__"      # YYYY-MM-DD
  agreement: "__dates.agreement__"        # not before the memorandum
  term_years: "__dates.term_years__"

governing_law: "__governing_law__"
disputes:
  forum: "__disputes.forum__"             # icc | scc | lcia | ua_courts
  seat: {{uk: "__disputes.seat.uk__", en: "__disputes.seat.en__"}}
prevailing_language: "__prevailing_language__"   # uk | en
# place_of_signing: {place}   # the programme's; uncomment to differ

# Negotiated terms: uncomment a line to differ from the programme's value shown.
# terms:
{terms}"""


def _yaml_value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def new_record(record_id: str, programme: Programme, shareholders: int = 2) -> str:
    """The starter record's text (YAML with comments)."""
    if not re.fullmatch(ID_PATTERN, record_id):
        raise InputError(f"{record_id!r} is not a valid register number (capitals, digits and hyphens, "
                         "3 to 32 characters, e.g. DC-2026-014)")
    if not 1 <= shareholders <= 20:
        raise InputError("a venture has 1 to 20 shareholders")
    terms = programme.terms.model_dump(mode="json")
    lines = "".join(f"#   {name}: {_yaml_value(value)}\n" for name, value in terms.items() if value is not None)
    holders = "".join(_SHAREHOLDER.format(i=i) for i in range(shareholders))
    return (_HEAD.format(id=record_id, minister=programme.ministry.signatory.name.en) + holders
            + _TAIL.format(terms=lines, place=_place(programme)))


def _place(programme: Programme) -> str:
    place = programme.place_of_signing
    return f"{{uk: {_yaml_value(place.uk)}, en: {_yaml_value(place.en)}}}"
