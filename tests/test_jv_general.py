"""General provisions and notices read back: entire agreement (superseding the memorandum but for
its confidentiality), amendment in writing signed by all, severability, no assignment without
consent, no partnership or agency, waiver, costs, counterparts and qualified electronic signatures
with the force of handwritten ones; notices by e-mail to the addresses a record states, with deemed
receipt, and none where it states none. The Venture is not a party: where it is to act, the
Shareholders procure it."""

from __future__ import annotations

import re

import pytest

from dcity_docs.errors import RecordInvalid

from dcity_docs.documents.jv_agreement import SECTIONS
from clauses import FIXTURES, MODES, fixture_text, langs_of, record

KEY = "jv-agreement"
I = {"uk": 0, "en": 1}
GENERAL = (
    ("замінює меморандум про взаєморозуміння між ними",
     "за винятком зобов’язань щодо конфіденційності за меморандумом",
     "вносяться лише в письмовій формі за підписами всіх Сторін",
     "інші його положення залишаються чинними",
     "без попередньої письмової згоди всіх інших Сторін",
     "не створює між Сторонами товариства чи простого товариства і не робить одну Сторону представником",
     "не є відмовою від нього",
     "Кожна Сторона самостійно несе власні витрати",
     "може бути підписаний в окремих примірниках",
     "кваліфікованими електронними підписами у значенні Закону України «Про електронну ідентифікацію та "
     "електронні довірчі послуги», які мають таку саму юридичну силу, що й власноручні підписи"),
    ("supersedes the memorandum of understanding between them",
     "except the confidentiality obligations of the memorandum",
     "may be amended or supplemented only by an instrument in writing signed by all the Parties",
     "the other provisions remain in force",
     "without the prior written consent of all the other Parties",
     "Nothing in this Agreement creates a partnership or a simple partnership between the Parties, or makes "
     "a Party the agent of another",
     "is not a waiver of it",
     "Each Party bears its own costs",
     "may be signed in counterparts",
     "qualified electronic signatures within the meaning of the Law of Ukraine “On Electronic "
     "Identification and Electronic Trust Services”, which have the same legal force as handwritten signatures"),
)
EMAIL = ("Повідомлення може бути також надіслано електронною поштою на адресу електронної пошти адресата, "
         f"зазначену в розділі {SECTIONS.no('details')}. Повідомлення вважається отриманим у момент його надходження на поштовий "
         "сервер адресата",
         f"A notice may also be sent by e-mail to the e-mail address of the addressee given in Section {SECTIONS.no('details')}. "
         "It is deemed received when it enters the addressee’s mail server")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", FIXTURES)
def test_general_provisions(name: str, mode: str) -> None:
    body = fixture_text(name, KEY, mode)
    for lang in langs_of(mode):
        for words in GENERAL[I[lang]]:
            assert words in body, words
        assert (f"{SECTIONS.no('general')}. Загальні положення", f"{SECTIONS.no('general')}. General Provisions")[I[lang]] in body.splitlines()


@pytest.mark.parametrize("mode", MODES)
def test_notices_by_e_mail_to_the_stated_addresses(mode: str) -> None:
    with_emails = fixture_text("DC-2026-021", KEY, mode)
    for lang in langs_of(mode):
        i = I[lang]
        assert EMAIL[i] in with_emails
        # the Ministry and the British partner stated addresses; the Ukrainian shareholders did not
        label = ("Електронна пошта: ", "E-mail: ")[i]
        assert label + "jv-notices@mod.example.gov.ua" in with_emails
        assert label + "legal@wessex-ordnance.example.co.uk" in with_emails
        assert with_emails.count(label) == 2
        assert (f"отримує повідомлення лише у спосіб, передбачений пунктом {SECTIONS.no('notices')}.1",
                f"receives notices only as provided in clause {SECTIONS.no('notices')}.1")[i] in with_emails
        # a record with no e-mail addresses keeps to delivery by hand, courier or post
        without = fixture_text("DC-2026-014", KEY, mode)
        assert EMAIL[i] not in without and label not in without


def test_an_e_mail_address_is_checked() -> None:
    with pytest.raises(RecordInvalid) as caught:
        record("DC-2026-021", replace=("legal@wessex-ordnance.example.co.uk", "legal at wessex"))
    assert "shareholders.1.email" in str(caught.value.problems[0])


@pytest.mark.parametrize("name", FIXTURES)
def test_the_venture_is_made_to_act_only_through_the_shareholders(name: str) -> None:
    en = fixture_text(name, KEY, "en")
    clauses = [line for line in en.splitlines() if re.match(r"\d+\.\d+\. ", line)]
    # no clause makes the Venture (not a party) the subject of an obligation
    for clause in clauses:
        assert not re.search(r"(^|\. )The Venture shall\b", clause), clause
        assert "shall be employed by the Venture" not in clause
        assert not re.search(r"The charter of the Venture shall\b", clause), clause
    assert "The Shareholders shall procure that the Venture develops and produces" in en
    assert "The Shareholders shall procure that the Venture employs citizens of Ukraine" in en
    uk = fixture_text(name, KEY, "uk")
    assert "Учасники забезпечують здійснення Підприємством розроблення та виробництва" in uk
    assert "Учасники забезпечують, щоб Підприємство працевлаштовувало громадян України" in uk
    if record(name).venture.placement == "ukraine":
        assert "Учасники забезпечують, щоб статут Підприємства передбачав такий строк" in uk
