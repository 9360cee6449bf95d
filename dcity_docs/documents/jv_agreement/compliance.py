"""Section Sanctions and Anti-Corruption: each party's warranties and undertakings on the sanctions
and anti-corruption laws that bind it, no goods or technology to the Russian Federation or Belarus
(with the "no re-export to Russia" clause Article 12g of Council Regulation (EU) No 833/2014 asks of
EU exporters), no owner from the aggressor state, disclosure of beneficial owners, an audit right,
and termination and forced sale on breach (through the shareholders' agreement's call option)."""

from __future__ import annotations

from dcity_docs.record.models import Record
from dcity_docs.documents import common as c
from dcity_docs.documents.jv_agreement.undertakings import EU_MEMBER_STATES
from dcity_docs.draft.base import Writer

#: Partner countries listed in Annex VIII to Council Regulation (EU) No 833/2014: Article 12g(3)
#: does not require the "no re-export to Russia" clause in contracts with them.
ANNEX_VIII_PARTNERS = frozenset({"US", "JP", "GB", "KR", "AU", "CA", "NZ", "NO", "CH"})


def needs_article_12g(exporter: str, destination: str) -> bool:
    """Whether an exporter established in ``exporter`` must contract out re-export to Russia for
    goods it sends to ``destination`` (an EU exporter, a destination outside the EU and Annex VIII)."""
    return (exporter in EU_MEMBER_STATES and destination not in EU_MEMBER_STATES
            and destination not in ANNEX_VIII_PARTNERS)


def compliance(w: Writer, record: Record) -> None:
    terms = record.terms
    destination = record.venture.country
    w.heading("compliance", w.T("jv-agreement|compliance", "Sanctions and Anti-Corruption"))
    # TRANSLATORS: clause Sanctions, the definition and the warranty. uk: «Закону України «Про
    # санкції»», «Санкції» as a defined term.
    w.clause(w.T(
        "jv-agreement|compliance",
        "In this Agreement “Sanctions” means the sanctions and restrictive measures imposed under the "
        "Law of Ukraine “On Sanctions”, by the European Union, by the United Kingdom and by the United "
        "States of America. Each Party warrants that it complies with the Sanctions as far as they "
        "apply to it and undertakes to comply with them in performing this Agreement.",
    ))
    w.clause(w.T(
        "jv-agreement|compliance",
        "Each Shareholder warrants that neither it, nor any of its directors or beneficial owners, nor "
        "any person controlling it, is subject to Sanctions or owned or controlled by a person subject "
        "to Sanctions, and shall notify the other Parties in writing without delay if that ceases to be "
        "true.",
    ))
    # TRANSLATORS: clause Sanctions, the aggressor state. uk «держава, що здійснює збройну агресію
    # проти України», the defined term «держава-агресор».
    w.clause(w.T(
        "jv-agreement|compliance",
        "Each Shareholder warrants and undertakes that none of its shareholders, beneficial owners or "
        "controlling persons is or will become the Russian Federation, as the state carrying out armed "
        "aggression against Ukraine (the “Aggressor State”), a citizen or resident of the Aggressor "
        "State, or a legal person registered or having its principal place of business in the Aggressor "
        "State or controlled by any of them. The Shareholders shall ensure that no such person becomes a "
        "shareholder or beneficial owner of the Venture.",
    ))
    w.clause(w.T(
        "jv-agreement|compliance",
        "The Shareholders shall ensure that no goods, technology, technical data, software or services "
        "of the Venture, or received by it from a Party, are sold, supplied, transferred or exported, "
        "directly or indirectly, including through third countries, to the Russian Federation or the "
        "Republic of Belarus or for use in either of them, or to any natural or legal person, entity or "
        "body in either of them or acting for or on behalf of either of them or of such a person.",
    ))
    for i, holder in enumerate(record.shareholders):
        if holder.country == destination or not needs_article_12g(holder.country, destination):
            continue
        # TRANSLATORS: clause Sanctions, "no re-export to Russia" for an EU exporter; {term}:
        # «Учасник 2» (nominative). uk title: «Регламенту Ради (ЄС) № 833/2014 від 31 липня 2014 р.
        # щодо обмежувальних заходів у зв’язку з діями Росії, що дестабілізують ситуацію в Україні».
        w.clause(w.T(
            "jv-agreement|compliance",
            "{term}, as an exporter from the European Union, shall include in each contract by which it "
            "sells, supplies, transfers or exports to the Venture goods or technology covered by Article "
            "12g of Council Regulation (EU) No 833/2014 of 31 July 2014 concerning restrictive measures "
            "in view of Russia’s actions destabilising the situation in Ukraine the prohibition of "
            "re-exporting them to the Russian Federation and for use in the Russian Federation that that "
            "Article requires, with adequate remedies for its breach; the Shareholders shall ensure that "
            "the Venture accepts that prohibition and complies with it.",
            term=c.shareholder_term(w, i),
        ))
    # TRANSLATORS: clause Anti-Corruption, every Party. uk: «Закону України «Про запобігання
    # корупції»».
    w.clause(w.T(
        "jv-agreement|compliance",
        "Each Party warrants that neither it nor, to its knowledge, any of its officers, employees or "
        "representatives has offered, promised, given, requested or accepted any undue advantage in "
        "connection with this Agreement or the Venture, and undertakes to comply with the "
        "anti-corruption laws that bind it, including, for the Ministry and each Shareholder "
        "established in Ukraine, the Law of Ukraine “On Prevention of Corruption”.",
    ))
    for i, holder in enumerate(record.shareholders):
        if holder.country == "UA":
            continue
        term = c.shareholder_term(w, i)
        if holder.country == "GB":
            # TRANSLATORS: clause Anti-Corruption, a UK shareholder; {term}: «Учасник 2»
            # (nominative). The Act's English title stays in brackets in Ukrainian.
            text = w.T(
                "jv-agreement|compliance",
                "{term} shall also comply with the Bribery Act 2010 of the United Kingdom and maintain "
                "the adequate procedures to prevent bribery referred to in section 7 of that Act.",
                term=term,
            )
        else:
            # TRANSLATORS: clause Anti-Corruption, a foreign shareholder; {term}: «Учасник 2»
            # (nominative); {country}: its State (uk genitive, after «законодавства»).
            text = w.T(
                "jv-agreement|compliance",
                "{term} shall also comply with the criminal law of {country} on bribery and corruption.",
                term=term,
                country=c.country(holder.country, "genitive"),
            )
        w.clause(text)
    # TRANSLATORS: clause Sanctions, beneficial owners; {period}: "10 (ten) calendar days" (uk
    # genitive, after «протягом»); {country}: the country of placement (uk genitive).
    w.clause(w.T(
        "jv-agreement|compliance",
        "Each Shareholder has disclosed to the other Parties, before signing this Agreement, its "
        "ownership structure and its ultimate beneficial owners, and shall notify the other Parties in "
        "writing of any change in them within {period} of the change. The Shareholders shall ensure "
        "that the Venture discloses its ultimate beneficial owners as the laws of {country} require.",
        period=c.count(terms.beneficial_owner_notice_days, "calendar_day", "genitive"),
        country=c.country(destination, "genitive"),
    ))
    # TRANSLATORS: clause Sanctions and Anti-Corruption, audit; {period}: "10 (ten) calendar days"
    # (uk accusative, after «щонайменше за»).
    w.clause(w.T(
        "jv-agreement|compliance",
        "To verify compliance with this Section, any Shareholder and the Ministry may, by a written "
        "notice given at least {period} in advance, have an independent auditor bound by "
        "confidentiality examine the books, records and export documents of another Shareholder that "
        "relate to the Venture, and those of the Venture; the Shareholders shall ensure that the Venture "
        "gives the auditor access to them. The examination is at the cost of the Party that asks for it "
        "unless it reveals a breach, in which case the Party in breach bears its cost.",
        period=c.count(terms.compliance_audit_notice_days, "calendar_day", "accusative"),
    ))
    # TRANSLATORS: clause Sanctions and Anti-Corruption, consequences of a breach; items «а)», «б)»,
    # «в)»; the defined term «Корпоративний договір».
    w.clause(w.T(
        "jv-agreement|compliance",
        "If a Shareholder breaches this Section, a warranty it gives in this Section proves untrue, or "
        "it becomes subject to Sanctions or owned or controlled by a person subject to Sanctions or by a "
        "person of the Aggressor State: (a) any other Party may terminate this Agreement as regards that "
        "Shareholder by a written notice with immediate effect; (b) that Shareholder is a defaulting "
        "Shareholder under the shareholders’ agreement concluded between the Shareholders (the "
        "“Shareholders’ Agreement”), whatever default events it lists, and the other Shareholders may "
        "buy its share under the call option it gives them, as far as the Sanctions allow; and (c) that "
        "Shareholder shall compensate the other Parties for the losses the breach causes them.",
    ))
