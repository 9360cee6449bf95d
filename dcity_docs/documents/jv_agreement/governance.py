"""Section Management of the Venture: the venture's bodies, and the reference to the shareholders'
agreement, which holds governance, transfers, deadlock and exit.

A founding agreement with the Ministry names the venture's bodies and no more: the shareholders'
voting bargain is their corporate agreement (art. 7 of the Law of Ukraine «Про товариства з
обмеженою та додатковою відповідальністю»), which binds only them, so that the Ministry's
undertakings here do not make it onerous. What the Ministry itself needs (its consent to a
transfer of a share to a third party) stays here.
"""

from __future__ import annotations

from dcity_docs.documents import common as c
from dcity_docs.draft.base import Writer
from dcity_docs.record.models import Record


def governance(w: Writer, record: Record) -> None:
    w.heading("governance", w.T("jv-agreement|governance", "Management of the Venture"))
    board = record.terms.board_seats > 0
    if record.venture.placement == "ukraine":
        if board:
            # TRANSLATORS: clause Management, the bodies of a venture in Ukraine with a supervisory board.
            w.clause(w.T("jv-agreement|governance",
                         "The bodies of the Venture are its general meeting of shareholders (the "
                         "highest governing body), its supervisory board and its director (the sole executive body)."))
        else:
            # TRANSLATORS: clause Management, the bodies of a venture in Ukraine without a supervisory board.
            w.clause(w.T("jv-agreement|governance",
                         "The bodies of the Venture are its general meeting of shareholders (the "
                         "highest governing body) and its director (the sole executive body)."))
        # TRANSLATORS: clause Management; defines the term “Shareholders’ Agreement” (uk «Корпоративний
        # договір», art. 7 of the Law «Про товариства з обмеженою та додатковою відповідальністю»).
        w.clause(w.T("jv-agreement|governance",
                     "The governance of the Venture, the transfer of shares, deadlock and exit are governed "
                     "by the corporate agreement within the meaning of Article 7 of the Law of Ukraine “On "
                     "Limited and Additional Liability Companies” (the “Shareholders’ Agreement”), which the "
                     "Shareholders shall conclude among themselves on the signing of this Agreement and in "
                     "any event before they file the documents for the state registration of the Venture."))
    else:
        country = c.country(record.venture.country, "genitive")
        # TRANSLATORS: clause Management, a venture abroad; {country}: the country of incorporation
        # (uk genitive, after «законодавства»).
        w.clause(w.T("jv-agreement|governance",
                     "The bodies of the Venture, including its general meeting of shareholders and its "
                     "director, are formed and act in accordance with the laws of {country}.", country=country))
        if board:
            # TRANSLATORS: clause Management, a venture abroad with a supervisory board.
            w.clause(w.T("jv-agreement|governance",
                         "The Venture shall have a supervisory board, to the extent that the laws of "
                         "{country} permit.", country=country))
        # TRANSLATORS: clause Management, a venture abroad; defines the term “Shareholders’ Agreement”;
        # {country}: the country of incorporation (uk genitive).
        w.clause(w.T("jv-agreement|governance",
                     "The governance of the Venture, the transfer of shares, deadlock and exit are governed "
                     "by the shareholders’ agreement (the “Shareholders’ Agreement”), which the Shareholders "
                     "shall conclude among themselves on the signing of this Agreement and in any event "
                     "before they apply for the registration of the Venture; its provisions apply as far as "
                     "the laws of {country} permit.", country=country))
    # TRANSLATORS: clause Management: the Ministry is not a party to the shareholders' agreement.
    w.clause(w.T("jv-agreement|governance",
                 "The Shareholders’ Agreement binds only the Shareholders. The Ministry is not a party to it, "
                 "and it neither creates rights or obligations of the Ministry nor limits the Shareholders’ "
                 "obligations to the Ministry under this Agreement."))
    # TRANSLATORS: clause Management: the Ministry's consent to a transfer of a share.
    w.clause(w.T("jv-agreement|governance",
                 "No Shareholder shall transfer all or part of its share to a third party without the prior "
                 "written consent of the Ministry. The rights of the other Shareholders on such a transfer "
                 "are set out in the Shareholders’ Agreement."))
