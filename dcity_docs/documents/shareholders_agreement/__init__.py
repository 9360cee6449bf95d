"""Shareholders' agreement (корпоративний договір): the shareholders' own bargain on governance,
transfers, deadlock, default and exit, information and dividends, and restrictive covenants, from
the record's terms (the programme's defaults unless negotiated).

Only the shareholders are parties: the Ministry's undertakings stay in the joint-venture agreement
so that they do not make this agreement onerous (art. 7 of the Law of Ukraine on Limited and
Additional Liability Companies: made in writing, gratuitous, no vote on the instructions of the
company's bodies). For a venture placed abroad the law of its country of incorporation governs
its corporate matters and this agreement applies as far as that law permits.

One module per group of sections, named after them: :mod:`.frame` (title, parties, governing law,
final provisions, signatures), :mod:`.nature`, :mod:`.governance`, :mod:`.transfers`,
:mod:`.deadlock`, :mod:`.default`, :mod:`.information` (information and dividends),
:mod:`.covenants` (non-competition and non-solicitation); :mod:`.outline` has the key and the
table of sections, :mod:`.figures` the way the terms' numbers are written. :func:`draft` puts them
together.
"""

from __future__ import annotations

from dcity_docs.documents import common as c
from dcity_docs.draft.base import Draft, Writer
from dcity_docs.record.models import Record
from dcity_docs.wording.catalogs import Catalogs

# In the order the catalogs list the agreement's wording (translation.extraction.source_files reads
# a package's modules in the order its __init__ imports them): keep new modules in reading order.
from dcity_docs.documents.shareholders_agreement import (  # noqa: I001 - reading order, not alphabetical
    frame,
    nature,
    governance,
    transfers,
    deadlock,
    default,
    information,
    covenants,
)
from dcity_docs.documents.shareholders_agreement.outline import KEY, SECTIONS

__all__ = ["KEY", "SECTIONS", "draft"]


def draft(record: Record, catalogs: Catalogs) -> Draft:
    w = Writer(catalogs, KEY, SECTIONS)
    t = record.terms
    venture = c.value(record.venture.name)
    instrument = frame.instrument(w)

    frame.title_and_parties(w, record, venture)
    nature.nature(w, record)
    governance.governance(w, record, t)
    transfers.transfers(w, t)
    deadlock.deadlock(w, t)
    default.default(w, t)
    information.information(w, t)
    covenants.covenants(w, t)
    frame.closing(w, record, instrument)
    return frame.finish(w, record, venture)
