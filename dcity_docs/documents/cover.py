"""The cover sheet of a venture's document pack: what the pack holds and for which venture."""

from __future__ import annotations

from collections.abc import Sequence

from dcity_docs.wording.catalogs import Bi, Catalogs
from dcity_docs.record.models import Record
from dcity_docs.documents import common as c
from dcity_docs.draft.base import Draft, Writer

KEY = "pack-cover"


def draft(record: Record, catalogs: Catalogs, titles: list[Bi], separately: Sequence[Bi] = ()) -> Draft:
    """``titles``: the documents in the pack, in order, as their titles read; ``separately``: those
    left out of the merged pack and issued on their own (a restricted annex, ``--without-restricted``)."""
    w = Writer(catalogs, KEY)
    venture = c.value(record.venture.name)
    w.title(w.T("cover|title", "DOCUMENT PACK"))
    # TRANSLATORS: under the cover's title; {venture}: the venture's name.
    w.subtitle(w.T("cover|title", "Joint venture “{venture}”", venture=venture))
    # TRANSLATORS: {id}: the venture's register number, e.g. DC-2026-014.
    w.para(w.T("cover|details", "Register number: {id}", id=record.id))
    w.para(w.T("cover|details", "Stage: {stage}", stage=c.stage_name(w, record.stage)))
    w.para(w.T("cover|details", "Placement of production: {placement}", placement=c.placement(w, record)))
    w.para(w.T("cover|details", "Date of the agreement: {date}", date=c.date(record.dates.agreement)))
    w.heading("contents", w.T("cover|contents", "Contents of the pack"))
    for title in titles:
        w.clause(title)
    for title in separately:
        # TRANSLATORS: on the cover of a pack made without its restricted annex; {title}: the
        # annex's title («Додаток № 1 ...»).
        w.para(w.T("cover|contents", "{title} is issued separately and is not included in this pack.",
                   title=title))
    w.para(
        w.T(
            "cover|contents",
            "Each document is given in Ukrainian, in English and in both languages side by side. "
            "Where the texts differ, the language named in the document prevails.",
        )
    )
    return c.finish(
        w,
        record,
        title=w.T("cover|title", "Document pack"),
        subject=w.T("cover|title", "Joint venture “{venture}”", venture=venture),
        reference=w.T("footer", "{id} · Document pack", id=record.id),
    )
