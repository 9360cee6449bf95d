"""Section General Provisions: entire agreement, amendment, severability, assignment, no
partnership or agency, waiver, costs, counterparts and signing with qualified electronic
signatures."""

from __future__ import annotations

from dcity_docs.record.models import Record
from dcity_docs.draft.base import Writer


def general(w: Writer, record: Record) -> None:
    w.heading("general", w.T("jv-agreement|general", "General Provisions"))
    w.clause(
        w.T(
            "jv-agreement|general",
            "This Agreement, with its annexes, constitutes the entire agreement between the Parties on "
            "its subject matter and supersedes the memorandum of understanding between them and all "
            "prior negotiations and arrangements, except the confidentiality obligations of the "
            "memorandum, which remain in force in respect of information disclosed under it.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|general",
            "This Agreement, including its term, may be amended or supplemented only by an instrument "
            "in writing signed by all the Parties.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|general",
            "If any provision of this Agreement is or becomes invalid or unenforceable, the other "
            "provisions remain in force, and the Parties shall replace the invalid provision with a "
            "valid one that comes as close as possible to its purpose.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|general",
            "No Party may assign or otherwise transfer its rights or obligations under this Agreement "
            "without the prior written consent of all the other Parties; a transfer of a share in the "
            "Venture is governed by the Shareholders’ Agreement.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|general",
            "Nothing in this Agreement creates a partnership or a simple partnership between the "
            "Parties, or makes a Party the agent of another; no Party may act in the name of or bind "
            "another Party.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|general",
            "A failure or delay by a Party in exercising a right under this Agreement is not a waiver "
            "of it; a waiver is valid only in writing and only for the case for which it is given.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|general",
            "Each Party bears its own costs of negotiating, preparing and signing this Agreement; the "
            "Shareholders shall procure that the Venture bears the costs of its registration.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|general",
            "This Agreement may be signed in counterparts, each of which is an original and all of "
            "which together are one instrument. The Parties may sign it with qualified electronic "
            "signatures within the meaning of the Law of Ukraine “On Electronic Identification and "
            "Electronic Trust Services”, which have the same legal force as handwritten signatures; "
            "a copy signed in this way is an original.",
        )
    )
