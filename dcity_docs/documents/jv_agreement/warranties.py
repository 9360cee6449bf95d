"""Sections Warranties and Liability: capacity and authority, title to every contribution and
non-infringement of licensed technology; the liability cap (a term: a share of the capital, as an
amount too), the exclusion of indirect loss and lost profit, and what no limit ever covers.

Under the law of Ukraine the cap and the exclusion are agreed as Article 22(3) of the Civil Code
allows (compensation in a lesser amount), and the carve-out for wilful breach is the one Article
614(3) makes mandatory; under another governing law the clauses stand without those citations.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from dcity_docs.wording.catalogs import Bi
from dcity_docs.record.models import ContributionKind, Record
from dcity_docs.documents import common as c
from dcity_docs.documents.jv_agreement.capital import contribution_kinds
from dcity_docs.documents.jv_agreement.outline import SECTIONS
from dcity_docs.draft.base import Writer

#: Contributions that consist of technology or intellectual property (licensed or transferred).
TECHNOLOGY_KINDS = frozenset({ContributionKind.technology_licence, ContributionKind.intellectual_property})


def cap_amount(record: Record) -> Decimal:
    """The liability cap as an amount of the venture's capital (rounded to the cent)."""
    capital = record.venture.capital.amount
    share = Decimal(record.terms.liability_cap_percent) / Decimal(100)
    return (capital * share).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def capital_name(w: Writer, record: Record) -> Bi:
    """What the venture's capital is called (genitive in Ukrainian, after «від»)."""
    if record.venture.placement == "ukraine":
        # TRANSLATORS: clause: liability (the cap); the charter capital of a Ukrainian LLC, in the
        # genitive in Ukrainian («від статутного капіталу»).
        return w.T("jv-agreement|liability", "the charter capital")
    # TRANSLATORS: clause: liability (the cap); the share capital of a company abroad, in the
    # genitive in Ukrainian («від акціонерного капіталу»); not «статутний».
    return w.T("jv-agreement|liability", "the share capital")


def warranties(w: Writer, record: Record) -> None:
    w.heading("warranties", w.T("jv-agreement|warranties", "Warranties"))
    w.clause(
        w.T(
            "jv-agreement|warranties",
            "Each Shareholder warrants to the other Parties, on the date of this Agreement and on the "
            "date on which it makes its contribution, that it is a legal entity duly established and "
            "existing under the laws of the State of its registration, that it has the capacity to "
            "conclude and perform this Agreement, that its signatory is duly authorised to sign it, "
            "and that it has every corporate approval and every consent of a public authority that "
            "it needs for this.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|warranties",
            "The Ministry warrants that it concludes this Agreement within the powers conferred on it "
            "by the laws of Ukraine and that its signatory is duly authorised to sign it.",
        )
    )
    for i, holder in enumerate(record.shareholders):
        # TRANSLATORS: clause: warranties (title to a contribution). {term}: «Учасник 1»
        # (nominative); {kinds}: the contribution's kinds («технологію та обладнання», accusative
        # of the shares table's list).
        w.clause(
            w.T(
                "jv-agreement|warranties",
                "{term} warrants that it is entitled to contribute the property and property rights "
                "that make up its contribution ({kinds}), that they are free from any pledge, arrest, "
                "lien or other encumbrance and from any right or claim of a third party, that they "
                "are not the subject of a dispute, and that it will transfer them to the Venture in "
                "that condition.",
                term=c.shareholder_term(w, i),
                kinds=contribution_kinds(w, holder),
            )
        )
    for i, holder in enumerate(record.shareholders):
        if not TECHNOLOGY_KINDS & set(holder.contribution.kind):
            continue
        # TRANSLATORS: clause: warranties (non-infringement of the licensed technology). {term}:
        # «Учасник 2» (nominative); {section}: the number of the section on the technology licence.
        w.clause(
            w.T(
                "jv-agreement|warranties",
                "{term} warrants that it holds the rights in the technology that it licenses or "
                "transfers to the Venture under Section {section} that it needs to do so, and that "
                "the use of that technology by the Venture for the Products in accordance with this "
                "Agreement does not infringe the intellectual property rights of any third party. If "
                "a third party claims such an infringement, {term} shall, at its own cost, defend "
                "the claim, compensate the losses that the other Shareholders and the Venture suffer "
                "from it, and obtain for the Venture the right to continue using the technology or "
                "modify it so that it no longer infringes without loss of function.",
                term=c.shareholder_term(w, i),
                section=SECTIONS.no("licence"),
            )
        )
    # TRANSLATORS: clause: warranties (breach). {period}: "60 (sixty) calendar days" (uk genitive,
    # after «протягом»); {section}: the number of the section on liability.
    w.clause(
        w.T(
            "jv-agreement|warranties",
            "A Party that learns that a warranty given in this Section is or has become untrue shall "
            "notify the other Parties in writing without delay. The Party that gave the warranty "
            "shall put the matter right within {period} of a written notice from another Party, "
            "failing which it shall compensate the losses caused, subject to Section {section}.",
            period=c.count(record.terms.cure_days, "calendar_day", "genitive"),
            section=SECTIONS.no("liability"),
        )
    )


def liability(w: Writer, record: Record) -> None:
    t = record.terms
    ukrainian_law = record.governing_law == "UA"
    w.heading("liability", w.T("jv-agreement|liability", "Liability"))
    limit = {
        "cap": c.count(t.liability_cap_percent, "per_cent", "genitive"),
        "capital_name": capital_name(w, record),
        "section": SECTIONS.no("capital"),
        "amount": c.money(cap_amount(record), record.venture.capital.currency),
    }
    if ukrainian_law:
        # TRANSLATORS: clause: liability (the cap), under the law of Ukraine. {cap}: "50 (fifty) per
        # cent" (uk genitive: «50 (п’ятдесяти) відсотків»); {capital_name}: the capital's name (uk
        # genitive); {amount}: the amount in figures and words.
        cap_text = w.T(
            "jv-agreement|liability",
            "The aggregate liability of each Party to the other Parties under or in connection with "
            "this Agreement, on whatever basis, shall not exceed {cap} of {capital_name} of the "
            "Venture stated in Section {section}, that is {amount}. The Parties agree this limit under "
            "Article 22(3) of the Civil Code of Ukraine.",
            **limit,
        )
        # TRANSLATORS: clause: liability (no indirect loss), under the law of Ukraine: «реальні
        # збитки» and «упущена вигода» are the terms of Article 22(2) of the Civil Code of Ukraine.
        loss_text = w.T(
            "jv-agreement|liability",
            "A Party in breach shall compensate only the actual loss of the other Parties (real "
            "losses within the meaning of Article 22(2)(1) of the Civil Code of Ukraine). No Party is "
            "liable to another for lost profit (Article 22(2)(2) of the Civil Code of Ukraine) or for "
            "indirect or consequential loss.",
        )
    else:
        # TRANSLATORS: clause: liability (the cap), under a foreign governing law. {cap}: «50
        # (п’ятдесяти) відсотків» (genitive); {capital_name}: the capital's name (uk genitive);
        # {amount}: the amount in figures and words.
        cap_text = w.T(
            "jv-agreement|liability",
            "The aggregate liability of each Party to the other Parties under or in connection with "
            "this Agreement, whether in contract, tort or otherwise, shall not exceed {cap} of "
            "{capital_name} of the Venture stated in Section {section}, that is {amount}.",
            **limit,
        )
        # TRANSLATORS: clause: liability (no indirect loss), under a foreign governing law.
        loss_text = w.T(
            "jv-agreement|liability",
            "No Party is liable to another, whether in contract, tort or otherwise, for loss of profit "
            "or for any indirect or consequential loss.",
        )
    cap_clause = w.clause(cap_text)
    loss_clause = w.clause(loss_text)
    values = {
        "cap_clause": c.ref(cap_clause),
        "loss_clause": c.ref(loss_clause),
        "confidentiality": SECTIONS.no("confidentiality"),
        "export": SECTIONS.no("export"),
    }
    if ukrainian_law:
        # TRANSLATORS: clause: liability (exceptions), under the law of Ukraine. {cap_clause},
        # {loss_clause}: clause numbers; {confidentiality}, {export}: section numbers. Article
        # 614(3) of the Civil Code makes void any limit of liability for an intentional breach.
        text = w.T(
            "jv-agreement|liability",
            "Clauses {cap_clause} and {loss_clause} do not limit or exclude liability for fraud or "
            "for an intentional breach of an obligation (wilful misconduct), which Article 614(3) of "
            "the Civil Code of Ukraine does not allow to be limited, nor liability for a breach of "
            "Section {confidentiality}, of Section {export} or of "
            "the sanctions and export control laws that apply to a Party.",
            **values,
        )
    else:
        # TRANSLATORS: clause: liability (exceptions), under a foreign governing law. {cap_clause},
        # {loss_clause}: clause numbers; {confidentiality}, {export}: section numbers.
        text = w.T(
            "jv-agreement|liability",
            "Nothing in clauses {cap_clause} and {loss_clause} limits or excludes liability for fraud "
            "or wilful misconduct, for a breach of Section {confidentiality}, of "
            "Section {export} or of the sanctions and export control laws that "
            "apply to a Party, or any other liability that cannot be limited or excluded by law.",
            **values,
        )
    w.clause(text)
