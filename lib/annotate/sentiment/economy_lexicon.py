"""The vocabulary of the economic-direction rules, declared once as data.

Written from general economic reporting, not from any evaluation set: a news report's tone about
the economy often lies in the direction a quantity moves, not in an opinion word ("unemployment
falls" is good news; "exports fall" is bad news; "cut taxes" and "cut jobs" differ in sign).

- A *quantity* is something reported as moving; its valence says whether more of it is good (+1)
  for the economy and the people in it or bad (-1). Quantities whose good direction depends on
  who is asking (imports, house prices, the exchange rate) are left out: no rule fires on them.
- A *direction* word says a quantity goes up (+1) or down (-1); its reach says how many content
  words before and after it the quantity may stand ("exports to China rose": before; "a rise in
  unemployment", "cut 500 jobs": after).
- *Tone words* carry economic tone on their own ("recession", "recovery") and are added to the
  general lexicon (VADER's valence scale, -4..+4) where it lacks them.
"""

from __future__ import annotations


def _forms(*groups: str) -> frozenset[str]:
    """Word forms given as space-separated groups ("rise rises rising rose risen")."""
    return frozenset(word for group in groups for word in group.split())


# More of these is good news.
GOOD_WHEN_MORE = _forms(
    "economy economies gdp growth output production productivity",
    "export exports sales turnover orders demand consumption spending investment investments",
    "profit profits earnings revenue revenues income incomes dividend dividends surplus surpluses",
    "wage wages salary salaries pay employment job jobs hiring vacancies",
    "confidence optimism purchasing pension pensions benefits allowance allowances budget budgets",
    "stock stocks share shares market markets bourse",
    "customers passengers tourists visitors buyers trade activity industry manufacturing construction",
    "lending credit savings reserves returns outlook expectations forecast forecasts",
    "morale mood trust hopes",
)

# More of these is bad news.
BAD_WHEN_MORE = _forms(
    "unemployment unemployed jobless joblessness layoffs redundancies",
    "inflation price prices cost costs tax taxes levy levies premium premiums rent rents fee fees",
    "debt debts deficit deficits loss losses arrears",
    "bankruptcy bankruptcies insolvency insolvencies foreclosure foreclosures default defaults",
    "poverty shortage shortages risk risks uncertainty interest",
    "burden bills charges tariff tariffs duties vat excise claims shortfall gap inequality spread spreads",
    "strikes evictions pressure tension tensions fears worries concerns doubts",
)

# Nouns whose direction is that of the quantity named before them, when there is one ("share
# prices" move with shares; "prices" alone are what people pay).
MEASURES = _forms("price prices value values")

# Words between a direction and its quantity that do not count towards the reach:
# function words, numbers and the nouns that only measure a quantity ("the number of", "rate").
FILLERS = _forms(
    "the a an of in on at to for from by with its their his her our this that these those",
    "and than as per cent percent % rate rates level levels number numbers figure figures",
    "amount volume total annual yearly monthly quarterly further again sharply",
    "slightly strongly steeply substantially significantly considerably somewhat",
)

# (direction, before, after): how many content words before and after the quantity may stand.
_VERB_REACH = (3, 3)
_COMPARATIVE_REACH = (2, 2)
_DETERMINER_REACH = (0, 2)
_PARTICLE_REACH = (2, 0)

UP = _forms(
    "rise rises rising rose risen increase increases increased increasing",
    "grow grows growing grew grown climb climbs climbing climbed gain gains gaining gained",
    "jump jumps jumping jumped soar soars soaring soared surge surges surging surged",
    "rebound rebounds rebounding rebounded expand expands expanding expanded expansion",
    "boost boosts boosting boosted raise raises raising raised hike hikes hiking hiked",
    "double doubles doubling doubled accelerate accelerates accelerating accelerated",
    "strengthen strengthens strengthening strengthened improve improves improving improved",
    "upswing upturn upward widen widens widening widened spike spikes spiking spiked",
    "skyrocket skyrockets skyrocketing skyrocketed lift lifts lifting lifted",
    "create creates creating created",
)
DOWN = _forms(
    "fall falls falling fell fallen drop drops dropping dropped decline declines declining declined",
    "decrease decreases decreasing decreased shrink shrinks shrinking shrank shrunk",
    "contracted contracting contraction slump slumps slumping slumped plunge plunges plunging plunged",
    "tumble tumbles tumbling tumbled slide slides sliding slid sink sinks sinking sank sunk",
    "cut cuts cutting reduce reduces reducing reduced reduction reductions",
    "lower lowers lowering lowered weaken weakens weakening weakened slow slows slowing slowed",
    "slowdown dip dips dipping dipped halve halves halving halved shed sheds shedding",
    "lose loses losing lost ease eases easing eased downward downturn",
    "narrow narrows narrowing narrowed sag sags sagging sagged slip slips slipping slipped",
    "recede recedes receding receded retreat retreats retreating retreated",
    "stall stalls stalling stalled freeze freezes freezing froze frozen slash slashes slashing slashed",
    "scrap scraps scrapping scrapped abolish abolishes abolishing abolished",
)
COMPARATIVE_UP = _forms("higher highest bigger biggest larger largest record")
COMPARATIVE_DOWN = _forms("lowest smaller smallest weaker weakest")
DETERMINER_UP = _forms("more")
DETERMINER_DOWN = _forms("fewer less")
PARTICLE_UP = _forms("up")
PARTICLE_DOWN = _forms("down")


def _directions() -> dict[str, tuple[int, int, int]]:
    table: dict[str, tuple[int, int, int]] = {}
    for words, sign, reach in (
        (UP, +1, _VERB_REACH),
        (DOWN, -1, _VERB_REACH),
        (COMPARATIVE_UP, +1, _COMPARATIVE_REACH),
        (COMPARATIVE_DOWN, -1, _COMPARATIVE_REACH),
        (DETERMINER_UP, +1, _DETERMINER_REACH),
        (DETERMINER_DOWN, -1, _DETERMINER_REACH),
        (PARTICLE_UP, +1, _PARTICLE_REACH),
        (PARTICLE_DOWN, -1, _PARTICLE_REACH),
    ):
        for word in words:
            table[word] = (sign, *reach)
    return table


# word -> (sign, content words before, content words after)
DIRECTIONS = _directions()

# Economic tone on its own, where VADER's lexicon has no entry (VADER's scale: "good" is 1.9).
TONE_WORDS = {
    "bankruptcy": -2.5,
    "bankruptcies": -2.5,
    "insolvency": -2.5,
    "insolvent": -2.5,
    "layoffs": -2.0,
    "redundancies": -2.0,
    "downturn": -2.0,
    "slump": -2.0,
    "stagnation": -1.8,
    "stagnates": -1.5,
    "stagnant": -1.5,
    "austerity": -1.5,
    "crises": -3.1,
    "foreclosure": -2.0,
    "foreclosures": -2.0,
    "contraction": -1.5,
    "deflation": -1.0,
    "unemployed": -1.5,
    "jobless": -1.5,
    "plunge": -2.0,
    "plunges": -2.0,
    "tumbles": -1.5,
    "slumps": -2.0,
    "recovery": 2.0,
    "recovers": 1.8,
    "recovering": 1.5,
    "recovered": 1.5,
    "upturn": 2.0,
    "upswing": 2.0,
    "boom": 2.0,
    "booming": 2.0,
    "prosperity": 2.0,
    "rally": 1.5,
    "rallies": 1.5,
    "stability": 1.5,
    "expensive": -1.0,
    "cheaper": 1.0,
    "closure": -1.5,
    "closures": -1.5,
    "shutdown": -1.5,
    "restructuring": -1.0,
    "dismissals": -1.5,
    "fined": -1.5,
    "fines": -1.0,
    "sanctions": -1.5,
    "tariff": -1.0,
    "tariffs": -1.0,
    "protectionism": -1.5,
    "breakthrough": 2.0,
    "lucrative": 1.5,
    "thriving": 2.0,
    "flourishing": 2.0,
    "fragile": -1.5,
    "volatile": -1.0,
    "jitters": -1.5,
    "headwinds": -1.5,
    "bubble": -1.0,
    "setback": -2.0,
    "shortfall": -1.5,
    "deteriorate": -2.0,
    "deteriorates": -2.0,
    "deteriorated": -2.0,
    "deteriorating": -2.0,
    "concern": -1.0,
    "concerns": -1.0,
}

# The valence a direction rule gives its sentence (VADER's scale): that of a plainly evaluative
# word ("good" 1.9, "bad" -2.5), fixed in advance rather than fitted.
RULE_VALENCE = 2.0
