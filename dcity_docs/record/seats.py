"""The countries of the usual seats of arbitration, so that a record naming only the city
(``seat: {uk: Відень, en: Vienna}``, as the contract example does) still gets a seat that names
city and country; a record may give ``disputes.seat_country`` for any other city."""

from __future__ import annotations

SEAT_COUNTRIES: dict[str, str] = {
    "amsterdam": "NL",
    "berlin": "DE",
    "brussels": "BE",
    "copenhagen": "DK",
    "frankfurt": "DE",
    "geneva": "CH",
    "helsinki": "FI",
    "kyiv": "UA",
    "london": "GB",
    "oslo": "NO",
    "paris": "FR",
    "singapore": "SG",
    "stockholm": "SE",
    "the hague": "NL",
    "vienna": "AT",
    "warsaw": "PL",
    "zurich": "CH",
}


def seat_country(city_en: str, given: str | None) -> str | None:
    """The country of the seat: the record's own, else the usual one of that city, else None."""
    return given or SEAT_COUNTRIES.get(" ".join(city_en.split()).lower())
