"""lib/reference/countries.py names every country the outlet gazetteer uses."""

from __future__ import annotations

from lib.reference.countries import country_name, country_names
from lib.reference.outlets import default_outlets


def test_every_outlet_country_has_a_name():
    missing = {o.country for o in default_outlets().outlets} - set(country_names())
    assert not missing


def test_an_unknown_code_is_shown_as_itself():
    assert country_name("JP") == "Japan"
    assert country_name("XX") == "XX"
