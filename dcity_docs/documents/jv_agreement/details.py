"""Section Details of the Parties: name, address, registration number and bank of each Party."""

from __future__ import annotations

from dcity_docs.language.money import format_iban
from dcity_docs.wording.catalogs import Bi
from dcity_docs.record.models import Record
from dcity_docs.documents import common as c
from dcity_docs.draft.base import Writer


def _detail_lines(w: Writer, address: Bi, label: Bi, number: str, bank: tuple[str, str] | None,
                  email: str | None = None) -> None:
    # TRANSLATORS: a line of a Party's details: its address.
    w.detail(w.T("jv-agreement|details", "Address: {address}", address=c.value(address)))
    if email:
        # TRANSLATORS: a line of a Party's details: its e-mail address for notices.
        w.detail(w.T("jv-agreement|details", "E-mail: {email}", email=email))
    # TRANSLATORS: a line of a Party's details: {label} is the name of its registration number
    # ("EDRPOU code", "CVR number"), {number} the number as the record gives it.
    w.detail(w.T("jv-agreement|details", "{label}: {number}", label=c.capitalised(label), number=number))
    if bank is not None:
        iban, bic = bank
        # TRANSLATORS: a line of a Party's details: {iban} printed in groups of four.
        w.detail(w.T("jv-agreement|details", "IBAN: {iban}", iban=format_iban(iban)))
        # TRANSLATORS: a line of a Party's details: the bank's BIC (SWIFT code) as given.
        w.detail(w.T("jv-agreement|details", "BIC: {bic}", bic=bic))


def details(w: Writer, record: Record) -> None:
    w.heading("details", w.T("jv-agreement|details", "Details of the Parties"))
    ministry = record.ministry
    # TRANSLATORS: first line of a Party's details: {term} is its defined term ("Ministry",
    # "Shareholder 1"), {name} its name.
    w.clause(
        w.T(
            "jv-agreement|details",
            "{term}: {name}",
            term=w.T("jv-agreement|details", "Ministry"),
            name=c.value(ministry.name),
        )
    )
    # The ministry's details are its name, address and EDRPOU code: the record has no bank details
    # for it, and none are invented.
    _detail_lines(w, ministry.address, c.registration_label(w, "ua.edrpou"), ministry.edrpou, None, ministry.email)
    for i, holder in enumerate(record.shareholders):
        w.clause(
            w.T(
                "jv-agreement|details",
                "{term}: {name}",
                term=c.shareholder_term(w, i),
                name=c.value(holder.name),
            )
        )
        if holder.incorporation is not None:
            # TRANSLATORS: a line of a Party's details, where the record gives it: {incorporated_in}
            # "England and Wales" (uk genitive «Англії та Уельсу»), {number} the company number.
            w.detail(w.T("jv-agreement|details", "Incorporated in {incorporated_in}, company number {number}",
                         incorporated_in=c.value(holder.incorporation.place), number=holder.incorporation.number))
        bank = (holder.bank.iban, holder.bank.bic) if holder.bank is not None else None
        _detail_lines(
            w,
            holder.address,
            c.registration_label(w, holder.registration.scheme),
            holder.registration.number,
            bank,
            holder.email,
        )
