"""Section Force Majeure: the events of a war economy (war, martial law, hostilities and strikes on
or near the site, mobilisation, a State refusing or revoking a licence), notice within a stated
number of days, the proof a Ukrainian counterparty and court need (a certificate of the Chamber of
Commerce and Industry of Ukraine, or other evidence of the event and its effect on the obligation),
suspension, and termination after a stated number of days. Every number is a term.

Martial law was in force when the agreement was signed, so it excuses only effects that could not
be foreseen then: Ukrainian courts refuse a general reference to it.
"""

from __future__ import annotations

from dcity_docs.record.models import Record
from dcity_docs.documents import common as c
from dcity_docs.draft.base import Writer



def force_majeure(w: Writer, record: Record) -> None:
    t = record.terms
    w.heading("force-majeure", w.T("jv-agreement|force-majeure", "Force Majeure"))
    if record.venture.placement == "ukraine":
        # TRANSLATORS: clause: force majeure (events), venture in Ukraine; «Майданчик»: the Site.
        place = w.T("jv-agreement|force-majeure", "on or near the Site")
    else:
        # TRANSLATORS: clause: force majeure (events), venture abroad.
        place = w.T("jv-agreement|force-majeure", "on or near the Venture’s production facilities")
    if record.governing_law == "UA":
        # TRANSLATORS: clause: force majeure (definition), under the law of Ukraine; {place}: as
        # drafted («на Майданчику або поблизу нього»).
        text = w.T(
            "jv-agreement|force-majeure",
            "A Party is not liable for a failure or delay in performing an obligation under this "
            "Agreement to the extent that it is caused by force majeure (Article 617 of the Civil "
            "Code of Ukraine), that is an extraordinary and unavoidable event beyond the Party’s "
            "control, including war, martial law, hostilities, missile, drone or other strikes "
            "{place}, the mobilisation of the Party’s or the Venture’s employees, and the refusal, "
            "suspension or revocation by a State of a licence or permit needed for the obligation, "
            "unless the Party’s own breach caused it.",
            place=place,
        )
    else:
        # TRANSLATORS: clause: force majeure (definition), under a foreign governing law; {place}:
        # as drafted.
        text = w.T(
            "jv-agreement|force-majeure",
            "A Party is not liable for a failure or delay in performing an obligation under this "
            "Agreement to the extent that it is caused by force majeure, that is an extraordinary "
            "and unavoidable event beyond the Party’s control, including war, martial law, "
            "hostilities, missile, drone or other strikes {place}, the mobilisation of the Party’s "
            "or the Venture’s employees, and the refusal, suspension or revocation by a State of a "
            "licence or permit needed for the obligation, unless the Party’s own breach caused it.",
            place=place,
        )
    w.clause(text)
    w.clause(
        w.T(
            "jv-agreement|force-majeure",
            "An event that exists on the date of this Agreement, including the martial law then in "
            "force in Ukraine, is force majeure only to the extent that its effect on the obligation "
            "concerned could not reasonably have been foreseen on that date.",
        )
    )
    # TRANSLATORS: clause: force majeure (notice). {days}: "10 (ten) calendar days" (uk genitive,
    # after «протягом»).
    w.clause(
        w.T(
            "jv-agreement|force-majeure",
            "The affected Party shall notify the other Parties in writing within {days} of the day on "
            "which it learnt of the event, stating the event, the obligations affected and how long "
            "the effect is expected to last. A Party that does not give notice in time may not rely "
            "on the event for the period before its notice.",
            days=c.count(t.force_majeure_notice_days, "calendar_day", "genitive"),
        )
    )
    # TRANSLATORS: clause: force majeure (evidence). {days}: "30 (thirty) calendar days" (uk
    # genitive). The Chamber: «Торгово-промислова палата України»; the Law: «Про торгово-промислові
    # палати в Україні» (Article 14-1).
    w.clause(
        w.T(
            "jv-agreement|force-majeure",
            "Within {days} of its notice the affected Party shall give the other Parties evidence of "
            "the event and of its effect on each obligation concerned: for an event in Ukraine, a "
            "certificate of the Chamber of Commerce and Industry of Ukraine or of a regional chamber "
            "authorised by it, issued under Article 14-1 of the Law of Ukraine “On Chambers of "
            "Commerce and Industry in Ukraine”; for an event elsewhere, a certificate of the "
            "competent chamber of commerce or authority of that State; or, in either case, other "
            "evidence that shows the event and its effect on that obligation. A general reference to "
            "martial law is not such evidence.",
            days=c.count(t.force_majeure_evidence_days, "calendar_day", "genitive"),
        )
    )
    w.clause(
        w.T(
            "jv-agreement|force-majeure",
            "The obligations affected are suspended for as long as the force majeure and its effect "
            "last, and the time for their performance is extended by that period. The affected Party "
            "shall use reasonable endeavours to limit the effect, keep the other Parties informed, "
            "and resume performance as soon as it can, notifying the other Parties when the force "
            "majeure ends.",
        )
    )
    # TRANSLATORS: clause: force majeure (termination). {period}: "180 (one hundred and eighty)
    # calendar days" (uk accusative after «понад»: «понад 180 (сто вісімдесят) календарних днів»).
    w.clause(
        w.T(
            "jv-agreement|force-majeure",
            "If force majeure prevents a Party from performing a material obligation for more than "
            "{period} in total, any Party may terminate this Agreement by written notice to the other "
            "Parties, without liability for the termination and without prejudice to the rights "
            "accrued before it.",
            period=c.count(t.force_majeure_termination_days, "calendar_day", "accusative"),
        )
    )
