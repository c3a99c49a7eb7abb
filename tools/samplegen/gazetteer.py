"""Place names and division codes (NBS 2023) from crates/gongkai-core/data/gazetteer/.

Provinces (2-digit codes), prefectures (4), counties (6) and townships (9), and the telephone area codes.
Used for the expected records' regions, to check that the names a case prints are the gazetteer's, and by
the bulk mode to pick agencies over the whole country.
"""

import csv
import os
from collections import Counter
from types import MappingProxyType

from .paths import GAZETTEER


def _csv(name):
    """The rows of one gazetteer file as dicts."""
    with open(os.path.join(GAZETTEER, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


PROVINCES = MappingProxyType({r["code"]: r["name"] for r in _csv("provinces.csv")})
CITIES = MappingProxyType({r["code"]: r["name"] for r in _csv("cities.csv")})
AREAS = MappingProxyType({r["code"]: r["name"] for r in _csv("areas.csv")})
STREETS = MappingProxyType({r["code"]: r["name"] for r in _csv("streets.csv")})
STREET_COUNT = MappingProxyType(Counter(STREETS.values()))
PHONE = tuple(_csv("phone_area_codes.csv"))
MUNICIPAL = ("市辖区", "县")  # the placeholder prefectures of the four municipalities


def name_of(code):
    """The gazetteer's name for a 2-, 4-, 6- or 9-digit division code."""
    return {2: PROVINCES, 4: CITIES, 6: AREAS, 9: STREETS}[len(code)][code]


def region(code):
    """The expected region of a division code: the names of each level down to the code's (null below it);
    a municipality's district has no prefecture."""
    city = CITIES[code[:4]] if len(code) >= 4 else None
    return {
        "province": PROVINCES[code[:2]],
        "city": None if city in MUNICIPAL else city,
        "county": AREAS[code[:6]] if len(code) >= 6 else None,
        "code": code,
    }


def check_place(spec):
    """The names a case prints (spec["names"]: code → name) are the gazetteer's, and a township's name is
    unique nationally unless the case is meant to be resolved by its telephone area code (ambiguous_name)."""
    code = spec["code"]
    for level_code, printed in spec.get("names", {}).items():
        assert name_of(level_code) == printed, (spec["name"], level_code, name_of(level_code), printed)
        assert code.startswith(level_code), (spec["name"], level_code)
    if len(code) == 9 and "names" in spec:
        n = STREET_COUNT[STREETS[code]]
        if spec.get("ambiguous_name"):
            same_city = [c for c, v in STREETS.items() if v == STREETS[code] and c[:4] == code[:4]]
            assert n > 1 and same_city == [code], (spec["name"], n, same_city)
            area = spec["contact"]["phone"].split("-")[0]
            rows = [r for r in PHONE if r["area_code"] == area]
            assert [r["place"] for r in rows] == [CITIES[code[:4]]] and rows[0]["shared"] == "0", rows
        else:
            assert n == 1, (spec["name"], STREETS[code], n)


def phone_code(code):
    """A telephone area code for a division: its prefecture's, else its province's capital's (municipalities),
    else None."""
    places = [CITIES.get(code[:4]), PROVINCES[code[:2]]]
    for place in places:
        for r in PHONE:
            if r["place"] == place:
                return r["area_code"]
    return None
