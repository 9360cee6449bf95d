"""Section Dispute Resolution: the forum shared with the memorandum and the shareholders'
agreement (documents.common.dispute_clauses), and what only this agreement holds: the Ministry's
waiver of immunity for Ukraine, the Venture's accession once registered, and the site-use
agreement sent to the same forum so that the two can be consolidated."""

from __future__ import annotations

from dcity_docs.wording.catalogs import Bi
from dcity_docs.record.models import Record
from dcity_docs.documents import common as c
from dcity_docs.draft.base import Writer


def disputes(w: Writer, record: Record, instrument: Bi) -> None:
    w.heading("disputes", w.T("jv-agreement|disputes", "Dispute Resolution"))
    clauses = c.dispute_clauses(w, record, instrument)
    first = w.clause(clauses[0])
    for text in clauses[1:]:
        w.clause(text)
    if record.disputes.forum == "ua_courts":
        return
    # TRANSLATORS: the Ministry's waiver of immunity; {clause}: the number of the arbitration
    # clause (12.1). Laws by their official titles.
    w.clause(
        w.T(
            "jv-agreement|disputes",
            "The Ministry, acting for Ukraine, irrevocably waives, to the extent that the laws of "
            "Ukraine, including the Law of Ukraine “On Private International Law”, allow, any immunity "
            "of Ukraine from the jurisdiction of the arbitral tribunal constituted under clause "
            "{clause} and from the recognition and enforcement of its award in any State. The waiver "
            "does not extend to execution against property of Ukraine that is used or intended for "
            "use for sovereign or defence purposes.",
            clause=c.ref(first),
        )
    )
    # TRANSLATORS: {clause}: the number of the arbitration clause.
    w.clause(
        w.T(
            "jv-agreement|disputes",
            "The Shareholders shall procure that the Venture, once registered and before it receives "
            "any contribution, accedes in writing to this Section, so that disputes between the Venture and any "
            "Party arising out of or in connection with this Agreement are resolved under clause "
            "{clause}.",
            clause=c.ref(first),
        )
    )
    if record.venture.placement == "ukraine":
        w.clause(
            w.T(
                "jv-agreement|disputes",
                "The Ministry and the Shareholders shall procure that the agreement on the use of the "
                "Site refers its disputes to arbitration under the same rules, with the same seat and "
                "language, so that disputes under it and under this Agreement may be consolidated in "
                "one arbitration as those rules allow.",
            )
        )
