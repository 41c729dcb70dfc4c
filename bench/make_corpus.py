"""A deterministic synthetic corpus of news articles on Japan-US relations, for benchmarks.

    python -m bench.make_corpus N OUT_DIR [--seed S] [--format files|csv|jsonl|all] [--until YYYY-MM-DD]

writes OUT_DIR/files/0000001.txt ... (in subfolders of 1,000 when N > 5,000), OUT_DIR/corpus.csv
(columns text,title,date,source,url) and/or OUT_DIR/corpus.jsonl (the same keys), streaming: one
article is in memory at a time, so a million articles take minutes, not gigabytes.

The articles are composed from sentence templates in general English and the domain's vocabulary,
never from real articles. They look like what the library is fed in practice:
- 220 to 1,500 words (lognormal, median about 620), topics mixed per article with varying weights:
  security, trade, tariffs, defense spending, and neutral sentences about diplomacy and politics;
- the prime minister and US president in office on the article's date (lib.reference.tenures), so dates and
  actors agree; predecessors appear as "former Prime Minister ...";
- dates from 2012-01-01 to `until` (today by default), about 15% undated; a date is given in the
  metadata column or in the text ("date 2024-01-18 ...", "Published on March 3, 2025", a header
  line, a wire dateline "Tokyo, Nov. 6 (Pacific Wire)--" with a full date elsewhere);
- site furniture at the top, middle and bottom of some pages, and mojibake in about 5%.

Same seed and `until`, same bytes. `generate_articles(n, seed)` yields the articles as dicts.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from bisect import bisect
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from random import Random

from lib.reference.tenures import JAPAN_PRIME_MINISTERS, US_PRESIDENTS, Term, term_on

FIRST_DAY = date(2012, 1, 1)
UNDATED_SHARE = 0.15
MOJIBAKE_SHARE = 0.05
MIN_WORDS, MEDIAN_WORDS, MAX_WORDS = 220, 620, 1500
FILES_PER_FOLDER = 1_000
SHARD_ABOVE = 5_000  # shard the files into folders only for corpora larger than this
CSV_COLUMNS = ("text", "title", "date", "source", "url")

# How a dated article says when it was published (shares of the dated articles).
DATE_STYLES = (
    ("metadata", 0.40),  # the date column only (files: a date line under the title)
    ("labelled_iso", 0.10),  # "date 2024-01-18 Prime Minister ..." glued to the lead
    ("published_on", 0.13),  # "Published on March 3, 2025" / "Posted on ..." / "Published: 2025-03-03"
    ("header", 0.15),  # a date alone near the top: "March 3, 2025", "Thu, 11/07/2024 - 00:35"
    ("wire_header", 0.10),  # "Tokyo, Nov. 6 (Pacific Wire)--" under a header date
    ("wire_body", 0.08),  # a dateline whose year comes from a full date in the body
    ("wire_crawled", 0.04),  # a dateline under a crawl date weeks later: the dateline is right
)
TOPIC_SHARES = (("security", 0.35), ("trade", 0.25), ("tariffs", 0.2), ("defense_spending", 0.2))

OUTLETS = (
    ("Pacific Ledger", "pacificledger.com"),
    ("The Tokyo Courier", "tokyocourier.jp"),
    ("Meridian News Service", "meridiannews.net"),
    ("East Asia Monitor", "eastasiamonitor.com"),
    ("Capitol Asia Report", "capitolasiareport.com"),
    ("Kanto Herald", "kantoherald.jp"),
    ("Trans-Pacific Review", "transpacificreview.org"),
    ("The Alliance Observer", "allianceobserver.com"),
    ("Harbor City Times", "harborcitytimes.com"),
    ("Pacific Wire", "pacificwire.net"),
    ("Ginza Business Journal", "ginzabusiness.jp"),
    ("Potomac Asia Desk", "potomacasia.com"),
)
WIRE_AGENCIES = ("Pacific Wire", "Meridian News", "Kanto Press", "Asia Wire")
DATELINE_CITIES = ("Tokyo", "TOKYO", "Washington", "WASHINGTON", "Osaka", "Naha", "Yokosuka", "Honolulu")

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS_AP = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Fictional people; no surname of a prime minister in lib.reference.tenures, which the library would read
# as a mention of that prime minister.
JP_GIVEN = (
    "Kenji",
    "Haruka",
    "Takumi",
    "Yuki",
    "Hiroshi",
    "Aiko",
    "Daisuke",
    "Emi",
    "Kazuo",
    "Mariko",
    "Noboru",
    "Sayaka",
    "Tomohiro",
    "Yoko",
    "Ryota",
    "Keiko",
    "Shunsuke",
    "Naomi",
    "Masato",
    "Chihiro",
)
JP_SURNAMES = (
    "Watanabe",
    "Tanaka",
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Saito",
    "Matsumoto",
    "Inoue",
    "Kimura",
    "Hayashi",
    "Shimizu",
    "Yamazaki",
    "Ikeda",
    "Hashimoto",
    "Ishikawa",
    "Ogawa",
    "Okada",
    "Hasegawa",
    "Fujita",
    "Murakami",
)
US_GIVEN = (
    "Emily",
    "Michael",
    "Sarah",
    "David",
    "Laura",
    "James",
    "Rachel",
    "Daniel",
    "Megan",
    "Robert",
    "Karen",
    "Thomas",
    "Olivia",
    "Brian",
    "Hannah",
    "Steven",
)
US_SURNAMES = (
    "Carter",
    "Reyes",
    "Whitman",
    "Brennan",
    "Chen",
    "Holloway",
    "Ortiz",
    "Kessler",
    "Price",
    "Alvarez",
    "Doyle",
    "Greer",
    "Lindqvist",
    "Okafor",
    "Sullivan",
    "Marsh",
)

# Pool-level slots, written [name]: filled when the sentence pools are built.
VOCABULARY: dict[str, tuple[str, ...]] = {
    "jp_city": ("Tokyo", "Osaka", "Nagoya", "Fukuoka", "Sapporo", "Hiroshima", "Naha", "Yokohama", "Kobe", "Sendai"),
    "us_city": ("Washington", "New York", "Honolulu", "San Francisco", "Chicago", "Seattle", "Los Angeles", "Detroit"),
    "us_state": (
        "Kentucky",
        "Tennessee",
        "Ohio",
        "Indiana",
        "Alabama",
        "Texas",
        "Georgia",
        "Mississippi",
        "Arizona",
        "North Carolina",
    ),
    "jp_role": (
        "a senior Foreign Ministry official",
        "a government spokesperson",
        "a ruling party lawmaker",
        "the chief cabinet secretary",
        "a senior government official",
        "an aide to the prime minister",
        "a veteran diplomat",
        "a Japanese negotiator",
    ),
    "us_role": (
        "a senior State Department official",
        "the U.S. ambassador to Japan",
        "a White House spokesperson",
        "a senior administration official",
        "a member of the Senate Foreign Relations Committee",
        "a U.S. embassy spokesperson",
    ),
    "analyst": (
        "an analyst at the Pacific Policy Institute",
        "a professor at Keio University",
        "a researcher at the Center for Alliance Studies",
        "a fellow at the Harbor Institute",
        "a political scientist at Waseda University",
        "an economist at Meridian Research",
        "a former diplomat now at Sophia University",
        "a scholar at Georgetown University",
    ),
    # Before a clause ("officials [says] the talks ...") and after a quotation ("...,” X [said]).
    "says": ("said", "noted", "stressed", "told reporters", "acknowledged", "argued", "warned"),
    "said": ("said", "noted", "added", "told reporters", "said in an interview", "told a news conference"),
    "when": (
        "on Monday",
        "on Tuesday",
        "on Wednesday",
        "on Thursday",
        "on Friday",
        "last week",
        "earlier this month",
        "in recent weeks",
        "over the weekend",
        "this week",
    ),
    "mood": ("cautious", "businesslike", "warm", "tense", "cordial", "guarded", "upbeat", "sober"),
    "threat": (
        "North Korea's missile launches",
        "China's growing military activity",
        "tensions in the Taiwan Strait",
        "Chinese pressure in the East China Sea",
        "Russia's war in Ukraine",
        "North Korea's nuclear program",
        "coercion in the South China Sea",
    ),
    "sec_coop": (
        "joint exercises",
        "missile defense cooperation",
        "intelligence sharing",
        "command and control ties",
        "cooperation in space and cyber defense",
        "joint production of interceptor missiles",
        "maritime patrols",
    ),
    "sector": (
        "automobiles",
        "auto parts",
        "steel",
        "aluminum",
        "semiconductors",
        "machinery",
        "electronics",
        "pharmaceuticals",
        "chemicals",
        "machine tools",
    ),
    "farm_goods": ("beef", "pork", "rice", "wheat", "corn", "soybeans", "dairy products", "oranges"),
    "firms": (
        "Japanese automakers",
        "Japanese chipmakers",
        "Japanese steelmakers",
        "Japanese electronics makers",
        "Japanese trading houses",
        "Japanese machinery makers",
    ),
    "sea": (
        "near Okinawa",
        "in the East China Sea",
        "off the coast of Kyushu",
        "in the Philippine Sea",
        "near the Nansei Islands",
        "in waters off Hokkaido",
    ),
    "ministry": (
        "the Cabinet Office",
        "the Foreign Ministry",
        "the prime minister's office",
        "the Japanese Embassy in Washington",
        "the Chief Cabinet Secretary's office",
    ),
    "pollster": ("a national broadcaster", "a major newspaper", "a Kyoto research group", "a Tokyo polling firm"),
    "building": (
        "the prime minister's office",
        "the White House",
        "a hotel in central Tokyo",
        "the State Guest House",
        "the U.S. Embassy in Tokyo",
        "the Diet building",
    ),
    "venue": (
        "the prime minister's office",
        "the White House",
        "a hotel in central Tokyo",
        "the State Guest House",
        "the sidelines of the Group of Seven summit",
        "the sidelines of the APEC meeting",
        "Camp David",
    ),
}

LEADS: dict[str, tuple[str, ...]] = {
    "security": (
        "Prime Minister {pm} said {weekday} that Japan and the United States would deepen [sec_coop]"
        " in response to [threat].",
        "Prime Minister {pm} and President {pres} agreed to strengthen the alliance between their"
        " countries, officials in [jp_city] [said], citing [threat].",
        "Japan will step up [sec_coop] with the United States as concern over [threat] grows,"
        " Prime Minister {pm} told lawmakers {weekday}.",
        "The Japan-U.S. alliance faces one of its biggest tests in years, and Prime Minister {pm} is"
        " under pressure to show that Tokyo can do more for its own security.",
    ),
    "trade": (
        "Prime Minister {pm} said {weekday} that Japan would seek a stable trade relationship with the"
        " United States, as [firms] worry about demands from Washington.",
        "Japanese exporters of [sector] are watching Washington closely, and Prime Minister {pm} said"
        " {weekday} that the government would defend their interests in talks on trade.",
        "Prime Minister {pm} met business leaders in [jp_city] {weekday} to discuss investment in the"
        " United States and the future of economic ties with the administration of President {pres}.",
        "Trade between Japan and the United States was at the center of talks between Prime Minister"
        " {pm} and President {pres}, officials [said].",
    ),
    "tariffs": (
        "Prime Minister {pm} said {weekday} that Japan would press Washington to lift the tariff on"
        " [sector], which now stands at {tariff} percent.",
        "President {pres}'s threat of new tariffs on [sector] has put Prime Minister {pm} in a"
        " difficult position before talks at [venue].",
        "Japanese officials scrambled {weekday} to assess the damage from U.S. tariffs on [sector],"
        " and Prime Minister {pm} called the measures deeply regrettable.",
        "Prime Minister {pm} said Japan would seek an exemption from tariffs of {tariff} percent on"
        " [sector], warning that the levies would hurt workers on both sides of the Pacific.",
    ),
    "defense_spending": (
        "Prime Minister {pm} said {weekday} that Japan would raise defense spending to {pct_gdp} percent"
        " of GDP by fiscal {target_year}, a step welcomed in Washington.",
        "The government of Prime Minister {pm} approved a record defense budget of {yen_tn} trillion yen"
        " {weekday}, as the United States presses its allies to spend more.",
        "Prime Minister {pm} defended plans to buy Tomahawk cruise missiles from the United States,"
        " telling lawmakers {weekday} that the purchases were needed to deter attacks.",
        "Washington wants Japan to pay more for its own defense, and Prime Minister {pm} has signaled"
        " that Tokyo is ready to increase military spending further.",
    ),
}

SENTENCES: dict[str, tuple[str, ...]] = {
    "security": (
        "Officials [says] the talks focused on deterrence against [threat].",
        "The alliance remains the cornerstone of Japan's security policy, [jp_role] [said].",
        "Japan's Self-Defense Forces will expand joint exercises with U.S. forces [sea].",
        "About {troops} U.S. troops are stationed in Japan, most of them on Okinawa.",
        "Tokyo and Washington agreed to deepen cooperation on missile defense and [sec_coop].",
        "“The alliance has never been stronger,” [us_role] said in [jp_city].",
        "Analysts warned that [threat] posed a growing threat to regional stability.",
        "The two sides reaffirmed that the security treaty covers the Senkaku Islands.",
        "North Korea fired a ballistic missile that landed [sea], the Defense Ministry said.",
        "Japan has also deepened security ties with Australia, India and the Philippines.",
        "Concerns about [threat] have pushed security to the top of the agenda.",
        "U.S. officials praised Japan's decision to acquire counterstrike capabilities.",
        "The new joint command structure would allow allied forces to respond faster in a crisis.",
        "{analyst_name}, {analyst_role}, said Japan was “moving from a shield toward a more active role.”",
        "The joint statement criticized coercion in the East China Sea and the South China Sea.",
        "Military planners on both sides have studied how to defend remote islands.",
        "Officials said extended deterrence, the U.S. nuclear umbrella over Japan, was a central topic.",
        "Chinese warships were seen [sea] {ships} times in the past month, the coast guard said.",
        "The Marines on Okinawa will be reorganized into a more mobile unit, officials [said].",
        "Tokyo sees the alliance as its best insurance against aggression in the Indo-Pacific.",
        "[us_role] [says] the United States would defend Japan “with the full range of its capabilities.”",
        "Some lawmakers questioned whether the allies were ready for a conflict over Taiwan.",
        "The armed forces of the two countries held {drills} drills together last year, a record.",
        "Officials [says] the threat from [threat] could no longer be treated as distant.",
    ),
    "trade": (
        "Japan is the largest foreign investor in the United States, with holdings of more than ${fdi_bn} billion.",
        "Japanese automakers employ tens of thousands of workers at plants in [us_state].",
        "Two-way trade between the countries reached about ${trade_bn} billion last year.",
        "[firms] have expanded investment in [us_state] to secure supply chains for [sector].",
        "The trade deficit with Japan has long been a source of friction in Washington.",
        "Negotiators met in [us_city] to discuss market access for American [farm_goods].",
        "Business groups urged both governments to keep economic ties on a steady footing.",
        "“We want a trade relationship that is fair and predictable,” [jp_role] [said].",
        "Exports of [sector] to the United States rose {export_pct} percent from a year earlier.",
        "Semiconductor cooperation has become a pillar of the economic relationship.",
        "The Keidanren business lobby said its members would keep investing in [us_state].",
        "[us_role] [says] Washington wanted Japan to buy more American [farm_goods].",
        "Economists said free trade had served both economies well for decades.",
        "Japan has long argued for trade rules set by the World Trade Organization.",
        "Officials discussed export controls on advanced chipmaking equipment.",
        "Imports of American liquefied natural gas have climbed in recent years.",
        "The two governments signed a memorandum on economic cooperation in [sector].",
        "{analyst_name}, {analyst_role}, said the trade talks would test the personal rapport of the leaders.",
        "Japanese companies announced ${invest_bn} billion in new investment in American factories.",
        "Exporters in [jp_city] said orders from American customers had slowed.",
        "Toyota, Honda and Nissan together build millions of cars a year in North America.",
        "The trade surplus with the United States narrowed to {surplus_tn} trillion yen.",
        "[us_role] [says] the United States welcomed Japanese investment in [us_state].",
        "The two sides agreed to work together on secure supply chains for critical minerals.",
        "American farm exporters complained that Japan's market for [farm_goods] was still hard to enter.",
    ),
    "tariffs": (
        "Washington imposed a {tariff} percent tariff on imports of [sector] from Japan.",
        "Japanese officials argued that the tariffs would hurt American consumers as much as Japanese firms.",
        "[firms] are among the companies most exposed to the tariffs.",
        "Tokyo sought an exemption from the Section 232 duties on steel and aluminum.",
        "A tariff of {tariff} percent would cut profits at [firms] by about ${loss_bn} billion, analysts estimated.",
        "{analyst_name}, {analyst_role}, said the threat of tariffs was being used as leverage.",
        "“Tariffs are not in the interest of either country,” [jp_role] [said].",
        "The government set up a help desk for small firms hit by the import duties.",
        "Negotiators agreed to lower the tariff on [sector] to {tariff_low} percent.",
        "U.S. customs duties on Japanese [sector] were raised in two stages.",
        "Farmers in Japan worried that cutting tariffs on [farm_goods] would flood the market.",
        "The administration said the tariffs were needed to protect American jobs.",
        "Economists estimated that the tariffs would shave {gdp_hit} percentage points off Japan's growth.",
        "Shares of [firms] fell after the tariff announcement.",
        "Some officials in [jp_city] privately hoped the tariff threat would fade after the talks.",
        "The tariffs took effect at midnight Washington time.",
        "Japanese negotiators proposed a package of investment pledges in return for lower tariffs.",
        "Dealers in [us_state] warned that the tariffs would raise car prices.",
        "The Commerce Department opened an anti-dumping inquiry into Japanese [sector].",
        "[jp_role] [says] Japan would respond calmly to the tariff measures.",
        "A tariff on [sector] would ripple through supply chains across Asia, economists warned.",
        "The import tax on Japanese cars was first raised during a previous round of talks.",
        "Officials [says] the talks had narrowed differences over tariffs on [farm_goods].",
    ),
    "defense_spending": (
        "Japan plans to raise defense spending to {pct_gdp} percent of GDP by fiscal {target_year}.",
        "The defense budget for the coming fiscal year is a record {yen_tn} trillion yen.",
        "Burden sharing has long been a sensitive subject between the two governments.",
        "Japan pays about {hns_bn} billion yen a year in host nation support for U.S. forces.",
        "The government will buy {tomahawks} Tomahawk missiles from the United States.",
        "Japan is also buying more F-35 fighter jets, bringing its planned fleet to {jets}.",
        "Critics asked how the higher defense spending would be paid for without new taxes.",
        "[us_role] urged Tokyo to spend more, pointing to the cost of stationing American troops.",
        "Arms purchases from the United States have risen sharply in recent years.",
        "{analyst_name}, {analyst_role}, said the defense budget debate had exposed divisions in the ruling party.",
        "The cost of the U.S. forces in Japan is shared under an agreement renewed every five years.",
        "Finance Ministry officials warned that defense expenditure was outpacing revenue.",
        "“Japan must be able to pay more for its own defense,” [jp_role] [said].",
        "Washington has asked allies to lift military spending well above past levels.",
        "The plan would make Japan one of the biggest military spenders in the world.",
        "Officials said part of the defense budget would go to ammunition and repairs.",
        "Lawmakers debated whether to raise corporate taxes to cover defense costs.",
        "The Pentagon welcomed the increase but said more would be needed over time.",
        "Japan's share of the cost of U.S. bases has been a point of friction since the 1970s.",
        "{analyst_name}, {analyst_role}, said the target of {pct_gdp} percent of GDP was ambitious but achievable.",
        "Defense procurement has been slowed by a weak yen, which makes U.S. equipment more expensive.",
        "Some in [jp_city] worried that arms purchases would crowd out social spending.",
        "The government said defense spending would rise for the {streak}th year in a row.",
        "[us_role] [says] Japan's higher defense budget showed it was a reliable partner.",
    ),
    # Neutral sentences: no term of any topic in lib/reference/data/taxonomy.toml (a test checks this).
    "filler": (
        "The two governments have held regular consultations at the working level since {past_year}.",
        "Officials in [jp_city] said preparations for the visit had been unusually detailed.",
        "{analyst_name}, {analyst_role}, said the tone of the talks mattered more than any single announcement.",
        "Public approval of the cabinet stood at {poll} percent in a recent survey by [pollster].",
        "Opposition lawmakers in the Diet asked whether the government had consulted them in advance.",
        "The yen moved sharply against the dollar during the week, a reminder of how closely markets"
        " follow Washington.",
        "One lawmaker described the mood in Nagatacho, the heart of Japanese politics, as [mood].",
        "Diplomats on both sides spent much of the week drafting a joint communiqué.",
        "Bad weather delayed the arrival of the delegation in [jp_city] by several hours.",
        "A light rain fell in [jp_city] as the motorcade passed the prime minister's office.",
        "Both sides described the atmosphere of the meeting as [mood].",
        "Television networks broadcast the press conference live.",
        "Commentators noted that the relationship has weathered many storms over the decades.",
        "A spokesperson for [ministry] declined to comment on the details.",
        "Officials said further talks would be held in [us_city] later in the year.",
        "The schedule also included a dinner with business leaders and a visit to a memorial.",
        "The ruling coalition has struggled to hold on to its majority in the upper house.",
        "Critics argued that the government had promised more than it could deliver.",
        "The meeting lasted about {minutes} minutes, longer than planned.",
        "Reporters waiting outside [building] were given only a short briefing.",
        "Editorials in the major newspapers were [mood] in tone.",
        "Polls suggest most voters see the relationship with Washington as stable, if not always comfortable.",
        "Speaking to reporters, [jp_role] said the government was “carefully watching” events in Washington.",
        "The U.S. ambassador, speaking at a reception in [jp_city], called the relationship “one of the"
        " most important in the world.”",
        "Former Prime Minister {prev_pm} also weighed in, urging the government to stay the course.",
        "{prev_pm}, the former prime minister, has kept a lower profile since leaving office.",
        "President {pres} is expected to visit Asia later in the year.",
        "{pm_sur} told reporters that the conversation with {pres_sur} had been [mood] and productive.",
        "The {pm_sur} administration has made the relationship with Washington a priority.",
        "The talks – the first of their kind in {gap} years – ended without a press conference.",
        "Markets in Tokyo were calm, and the Nikkei average closed {nikkei} percent higher.",
        "The dollar bought about {yen} yen, close to its level a month earlier.",
        "Diplomacy between the two capitals often moves slowly, and this week was no exception.",
        "{us_official}, [us_role], said the two leaders had spoken by phone {calls} times this year.",
        "The prime minister's office released photographs of the two leaders shaking hands.",
        "A détente of sorts has settled over the region, although few expect it to last.",
        "Officials said the leaders would meet again at [venue].",
        "Some observers in [jp_city] said the government had been caught off guard.",
        "{jp_official}, [jp_role], said the details would be worked out by officials over the summer.",
        "The visit drew protests from a small group outside [building].",
        "The newspaper's poll of {poll_size} voters had a margin of error of three points.",
        "Local leaders in Okinawa have long opposed plans for a new base at Henoko.",
        "The foreign ministers of the two countries spoke by phone for {minutes} minutes.",
        "Students in [jp_city] followed the summit closely on social media.",
        "The government plans to publish a summary of the talks on its website.",
        "Turnout in the last general election was among the lowest since the war.",
        "Cabinet ministers gathered for an unscheduled meeting late in the evening.",
        "Aides said the prime minister had read widely on American politics before the trip.",
        "A heat wave in [jp_city] kept officials indoors for much of the afternoon.",
        "Snow in [us_city] forced organizers to move one event indoors.",
        "The opposition leader called for a debate in the Diet before any agreement is signed.",
        "Several governors urged Tokyo to explain the outcome to local communities.",
        "The two leaders exchanged gifts, including a set of golf clubs and a samurai helmet.",
        "Interpreters on both sides worked late into the night on the final wording.",
        "[jp_role] said the government would keep the public informed “at every step.”",
        "Newspapers in [us_city] gave the visit only modest coverage.",
        "The economy grew {growth} percent in the last quarter, according to the Cabinet Office.",
        "Consumer prices rose {cpi} percent from a year earlier, the fastest pace in months.",
        "The Bank of Japan kept interest rates unchanged at its latest meeting.",
        "Officials played down reports of disagreements within the delegation.",
        "The Group of Seven leaders are due to meet again next year.",
        "Both leaders spoke warmly of the friendship between their peoples.",
    ),
}

SUBHEADINGS = (
    "A Delicate Balance",
    "What Comes Next",
    "Pressure from Washington",
    "Reaction in [jp_city]",
    "The View from [us_city]",
    "Markets React",
    "Old Partners, New Questions",
    "Behind Closed Doors",
    "Tokyo's Calculations",
    "A Test for {pm_sur}",
    "The Road Ahead",
    "Voices of Caution",
)
TITLES: dict[str, tuple[str, ...]] = {
    "security": (
        "{pm_sur} and {pres_sur} Vow to Strengthen Alliance",
        "Japan, U.S. Step Up Defense Cooperation Amid Regional Tensions",
        "Tokyo Seeks Reassurance from Washington on Deterrence",
        "Alliance Under Strain as {pm_sur} Meets {pres_sur}",
    ),
    "trade": (
        "{pm_sur} Seeks Stable Trade Ties with Washington",
        "Japanese Firms Weigh New Investment in the United States",
        "Trade Talks Test Japan-U.S. Relationship",
        "{pres_sur} Presses Japan on Market Access",
    ),
    "tariffs": (
        "Japan Braces for U.S. Tariffs on [sector_title]",
        "{pm_sur} Seeks Exemption from {pres_sur} Tariffs",
        "Tariff Threat Hangs Over Japan-U.S. Talks",
        "Tokyo Weighs Response to New Import Duties",
    ),
    "defense_spending": (
        "Japan Plans Record Defense Budget",
        "{pm_sur} Pledges Higher Defense Spending",
        "Washington Presses Tokyo to Pay More for Defense",
        "Japan to Buy More U.S. Missiles as Costs Rise",
    ),
}
VOCABULARY["sector_title"] = ("Autos", "Steel", "Chips", "Machinery", "Auto Parts", "Electronics")

FURNITURE_TOP = (
    "Skip to content",
    "Menu",
    "Connect with us",
    "Advertisement",
    "Trending Now",
    "Search",
    "World",
    "Japan",
    "Politics",
    "Asia",
)
FURNITURE_MIDDLE = ("Advertisement", "Advertisment", "ADVERTISEMENT", "Related Articles", "Sponsored")
FURNITURE_BOTTOM = (
    "Share this article",
    "Leave a Comment",
    "Trending",
    "You may also like",
    "Subscribe now",
    "Related Stories",
    "END",
    "X",
    "Share your thoughts in the comments below.",
    "Most Popular",
    "Print this article",
    "Tags:",
)
SECTIONS = ("world", "World", "Asia", "politics", "Japan", "news")

# Characters that mojibake mangles, and what UTF-8 read as Windows-1252 makes of them (bytes that
# cp1252 leaves undefined, like the 0x9D of ”, come through as C1 controls, as browsers do).
MOJIBAKE_CHARACTERS = "“”’–—é»"
_SLOT = re.compile(r"\[(\w+)\]")
_POOL_SEED = "alliance-lens synthetic pools v1"
_VARIANTS_PER_TEMPLATE = 40


def _mojibake(char: str) -> str:
    out = []
    for byte in char.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


MOJIBAKE = {char: _mojibake(char) for char in MOJIBAKE_CHARACTERS}


def _expand(template: str, rng: Random) -> str:
    return _SLOT.sub(lambda m: rng.choice(VOCABULARY[m.group(1)]), template)


def _variants(templates: tuple[str, ...], rng: Random) -> tuple[tuple[str, int, int], ...]:
    """Each template with its pool slots filled in several ways:
    (sentence template, word count, index of the template it came from)."""
    found: dict[str, tuple[int, int]] = {}
    for number, template in enumerate(templates):
        tries = _VARIANTS_PER_TEMPLATE if _SLOT.search(template) else 1
        for _ in range(tries):
            text = _expand(template, rng)
            text = text[0].upper() + text[1:]  # "[us_role] said" starts a sentence
            found.setdefault(text, (len(text.split()), number))
    return tuple((text, words, number) for text, (words, number) in found.items())


@lru_cache(maxsize=1)
def sentence_pools() -> dict[str, tuple[tuple[str, int, int], ...]]:
    """Pools of sentence templates whose remaining {slots} are filled per article.

    Built once from a fixed seed: the article seed picks from the pools, so the vocabulary is the
    same for every corpus and only the articles differ.
    """
    rng = Random(_POOL_SEED)
    pools = {kind: _variants(templates, rng) for kind, templates in SENTENCES.items()}
    pools.update({f"lead:{kind}": _variants(templates, rng) for kind, templates in LEADS.items()})
    pools.update({f"title:{kind}": _variants(templates, rng) for kind, templates in TITLES.items()})
    pools["subheading"] = _variants(SUBHEADINGS, rng)
    return pools


def _weighted(rng: Random, options: tuple[tuple[str, float], ...]) -> str:
    point, total = rng.random(), 0.0
    for name, share in options:
        total += share
        if point < total:
            return name
    return options[-1][0]


def _predecessor(term: Term) -> Term:
    index = JAPAN_PRIME_MINISTERS.index(term)
    return next(t for t in reversed(JAPAN_PRIME_MINISTERS[:index]) if t.surname != term.surname)


def _person(rng: Random, given: tuple[str, ...], surnames: tuple[str, ...]) -> str:
    return f"{rng.choice(given)} {rng.choice(surnames)}"


def _article_slots(rng: Random, published: date) -> dict[str, str]:
    """The {slots} of one article: actors in office on its date, and numbers of its own."""
    pm = term_on(JAPAN_PRIME_MINISTERS, published)
    president = term_on(US_PRESIDENTS, published)
    random = rng.random

    def randint(low: int, high: int) -> int:  # Random.randint is slow, and this is the hot path
        return low + int(random() * (high - low + 1))

    def uniform(low: float, high: float) -> float:
        return low + (high - low) * random()

    return {
        "pm": pm.full_name,
        "pm_sur": pm.surname,
        "prev_pm": _predecessor(pm).full_name,
        "pres": president.full_name,
        "pres_sur": president.surname,
        "weekday": f"on {WEEKDAYS[randint(0, 4)]}",
        "past_year": str(published.year - randint(2, 15)),
        "target_year": str(published.year + randint(2, 5)),
        "troops": f"{randint(50, 56)},{randint(0, 9)}00",
        "ships": str(randint(3, 14)),
        "drills": str(randint(20, 90)),
        "fdi_bn": f"{uniform(480, 820):.0f}",
        "trade_bn": f"{uniform(190, 240):.1f}",
        "export_pct": f"{uniform(0.5, 14):.1f}",
        "invest_bn": f"{uniform(0.4, 12):.1f}",
        "tariff": str(rng.choice((10, 15, 20, 24, 25, 27.5))),
        "tariff_low": str(randint(2, 15)),
        "loss_bn": f"{uniform(0.8, 19):.1f}",
        "gdp_hit": f"{uniform(0.1, 0.9):.1f}",
        "pct_gdp": f"{uniform(1.0, 2.0):.1f}",
        "yen_tn": f"{uniform(4.9, 9.9):.2f}",
        "hns_bn": str(randint(180, 220)),
        "tomahawks": str(randint(200, 400)),
        "jets": str(randint(105, 147)),
        "poll": str(randint(18, 62)),
        "poll_size": f"{randint(1, 3)},{randint(0, 999):03d}",
        "minutes": str(randint(20, 110)),
        "gap": str(randint(2, 12)),
        "calls": str(randint(2, 9)),
        "nikkei": f"{uniform(0.1, 2.4):.2f}",
        "yen": f"{uniform(77, 160):.1f}",
        "growth": f"{uniform(-0.8, 1.6):.1f}",
        "cpi": f"{uniform(0.1, 3.9):.1f}",
        "streak": str(randint(4, 12)),
        "surplus_tn": f"{uniform(4, 9):.1f}",
        "analyst_name": _person(rng, JP_GIVEN + US_GIVEN, JP_SURNAMES + US_SURNAMES),
        "analyst_role": rng.choice(VOCABULARY["analyst"]),
        "us_official": _person(rng, US_GIVEN, US_SURNAMES),
        "jp_official": _person(rng, JP_GIVEN, JP_SURNAMES),
    }


def _topic_weights(rng: Random) -> tuple[str, list[str], list[float]]:
    """The article's main topic, and weights of every sentence kind: a main topic, a few others."""
    main = _weighted(rng, TOPIC_SHARES)
    kinds, weights = ["filler"], [rng.uniform(0.7, 1.6)]
    for topic, _share in TOPIC_SHARES:
        kinds.append(topic)
        if topic == main:
            weights.append(1.0)
        else:
            weights.append(rng.uniform(0.05, 0.4) if rng.random() < 0.3 else 0.0)
    return main, kinds, weights


def _target_words(rng: Random) -> int:
    words = rng.lognormvariate(math.log(MEDIAN_WORDS), 0.5)
    return int(min(max(words, MIN_WORDS), MAX_WORDS))


def _body(rng: Random, main: str, kinds: list[str], weights: list[float], pools: dict) -> list[str]:
    """Paragraphs of sentence templates (still with {slots}); the first one leads with the PM."""
    target = _target_words(rng)
    cumulative = list(accumulate(weights))
    total = cumulative[-1]
    lead, words, _ = rng.choice(pools[f"lead:{main}"])
    paragraphs, current = [], [lead]
    random = rng.random
    size = 1 + int(random() * 4)
    with_subheadings = random() < 0.3
    used = set()  # templates already in the article: mostly not repeated
    for _ in range(target):  # a bound, never reached: sentences have more than one word
        if words >= target:
            break
        kind = bisect(cumulative, random() * total)
        pool = pools[kinds[kind]]
        sentence, count, template = pool[int(random() * len(pool))]
        if (kind, template) in used and random() < 0.9:
            continue
        used.add((kind, template))
        current.append(sentence)
        words += count
        if len(current) >= size:
            paragraphs.append(" ".join(current))
            current, size = [], 1 + int(random() * 5)
            if with_subheadings and len(paragraphs) > 1 and random() < 0.2:
                heading = pools["subheading"]
                paragraphs.append(heading[int(random() * len(heading))][0])
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _dates_between(rng: Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _long_date(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _ap_date(day: date, *, year: bool = True) -> str:
    return f"{MONTHS_AP[day.month - 1]} {day.day}" + (f", {day.year}" if year else "")


def _header_date(rng: Random, day: date) -> str:
    """A date line as pages print it above an article."""
    style = rng.randint(0, 4)
    if style == 0:
        return _long_date(day)
    if style == 1:
        return (
            f"{WEEKDAYS[day.weekday()][:3]}, {day.month:02d}/{day.day:02d}/{day.year}"
            f" - {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        )
    if style == 2:
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if style == 3:
        return f"{day.isoformat()} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"
    return f"{WEEKDAYS[day.weekday()]}, {_long_date(day)}"


def _metadata_date(rng: Random, day: date) -> str:
    """A date column as feeds and APIs fill it in."""
    style = rng.randint(0, 5)
    hour, minute = rng.randint(0, 14), rng.randint(0, 59)
    if style <= 1:
        return day.isoformat()
    if style == 2:
        return f"{day.isoformat()}T{hour:02d}:{minute:02d}:00+09:00"
    if style == 3:
        return (
            f"{WEEKDAYS[day.weekday()][:3]}, {day.day:02d} {MONTHS[day.month - 1][:3]} {day.year}"
            f" {hour:02d}:{minute:02d}:00 GMT"
        )
    if style == 4:
        return _long_date(day)
    return str((day - date(1970, 1, 1)).days * 86400 + hour * 3600 + minute * 60)


def _dateline(rng: Random, day: date) -> str:
    separator = rng.choice(("--", " -- ", " - ", " — "))
    return f"{rng.choice(DATELINE_CITIES)}, {_ap_date(day, year=False)} ({rng.choice(WIRE_AGENCIES)}){separator}"


def _place_date(rng: Random, style: str, published: date, paragraphs: list[str]) -> list[str]:
    """Put the publication date into the text as `style` says; return the header lines to add."""
    if style == "labelled_iso":
        paragraphs[0] = f"date {published.isoformat()} {paragraphs[0]}"
        return []
    if style == "published_on":
        form = rng.randint(0, 2)
        if form == 0:
            return [f"Published on {_long_date(published)}"]
        if form == 1:
            return [f"Published: {published.isoformat()}"]
        return [f"Posted on {_long_date(published)}"]
    if style == "header":
        return [_header_date(rng, published)]
    if style == "wire_header":
        filed = published - timedelta(days=rng.randint(0, 1))  # wires file the day before
        paragraphs[0] = _dateline(rng, filed) + paragraphs[0]
        return [_header_date(rng, published)]
    if style == "wire_crawled":
        crawled = published + timedelta(days=rng.randint(6, 60))
        paragraphs[0] = _dateline(rng, published) + paragraphs[0]
        return [_header_date(rng, crawled)]
    if style == "wire_body":
        paragraphs[0] = _dateline(rng, published) + paragraphs[0]
        paragraphs.insert(
            1,
            (
                f"In a statement issued on {_ap_date(published)}, the two governments said they would"
                " keep in close contact."
            ),
        )
    return []


def _dates_in_text(rng: Random, style: str, published: date, paragraphs: list[str]) -> list[str]:
    """The publication date as `style` gives it, and sometimes an event date in the body."""
    header_lines = _place_date(rng, style, published, paragraphs)
    # From the third paragraph on: the statement of a "wire_body" article (second paragraph) must
    # stay the full date nearest to the dateline, which takes its year from there.
    if rng.random() < 0.25:
        paragraphs.insert(rng.randint(2, max(2, len(paragraphs))), _event_date_sentence(rng, published))
    elif style == "none" and rng.random() < 0.2:  # a wire story whose page gives no year
        paragraphs[0] = _dateline(rng, published) + paragraphs[0]
    return header_lines


def _event_date_sentence(rng: Random, published: date) -> str:
    """A date in the body that is an event, not the publication date."""
    event = published - timedelta(days=rng.randint(3, 90))
    return f"The two leaders last met on {_ap_date(event)}, at {rng.choice(VOCABULARY['venue'])}."


def _furniture(rng: Random, title: str) -> tuple[list[str], list[str]]:
    top: list[str] = []
    bottom: list[str] = []
    if rng.random() < 0.4:
        top = rng.sample(FURNITURE_TOP, rng.randint(1, 3))
        if rng.random() < 0.5 and title:
            top.append(f"Home » {rng.choice(SECTIONS)} » {title}")
        if rng.random() < 0.3:
            top.append(f"By {_person(rng, US_GIVEN + JP_GIVEN, US_SURNAMES + JP_SURNAMES)}, Staff Writer")
    if rng.random() < 0.45:
        bottom = rng.sample(FURNITURE_BOTTOM, rng.randint(1, 4))
    return top, bottom


def _with_middle_furniture(rng: Random, paragraphs: list[str]) -> list[str]:
    if len(paragraphs) < 4 or rng.random() >= 0.2:
        return paragraphs
    at = rng.randint(2, len(paragraphs) - 1)
    return [*paragraphs[:at], rng.choice(FURNITURE_MIDDLE), *paragraphs[at:]]


def _url(rng: Random, domain: str, title: str, published: date | None) -> str:
    slug = "-".join(re.findall(r"[a-z0-9]+", title.lower())[:8])
    number = rng.randint(100_000, 9_999_999)
    if published and rng.random() < 0.6:
        return f"https://www.{domain}/{published:%Y/%m/%d}/{slug}-{number}"
    return f"https://www.{domain}/news/{slug}-{number}"


def _mangle(rng: Random, texts: list[str]) -> list[str]:
    """Mojibake for a few of the special characters, the same ones in every form of the article."""
    present = [char for char in MOJIBAKE_CHARACTERS if char in texts[0]]
    chosen = rng.sample(present, min(len(present), rng.randint(2, 4)))
    for char in chosen:
        texts = [text.replace(char, MOJIBAKE[char]) for text in texts]
    return texts


def _one_article(rng: Random, first: date, last: date, pools: dict) -> dict:
    published = _dates_between(rng, first, last)
    dated = rng.random() >= UNDATED_SHARE
    style = _weighted(rng, DATE_STYLES) if dated else "none"
    slots = _article_slots(rng, published)
    main, kinds, weights = _topic_weights(rng)
    title_template = rng.choice(pools[f"title:{main}"])[0]
    paragraphs = _body(rng, main, kinds, weights, pools)
    header_lines = _dates_in_text(rng, style, published, paragraphs)
    title = title_template.format_map(slots)
    title_place = (
        "none" if style == "labelled_iso" else _weighted(rng, (("metadata", 0.7), ("heading", 0.15), ("none", 0.15)))
    )
    top, bottom = _furniture(rng, title if title_place != "none" else "")
    if style == "labelled_iso":
        top = []
    body = "\n\n".join(_with_middle_furniture(rng, paragraphs)).format_map(slots)
    if rng.random() < 0.5:
        body = body.replace("'", "’")

    meta_date = ""
    if style == "metadata" or (dated and rng.random() < 0.2):
        meta_date = _metadata_date(rng, published)
    page_date = [_header_date(rng, published)] if style == "metadata" else []
    heading = [title] if title_place == "heading" else []
    text = "\n\n".join([*top, *heading, *header_lines, body, *bottom])
    # The page as a scraper saves it to a .txt file: the metadata title and date are printed on it.
    page_title = [title] if title_place in ("metadata", "heading") else []
    page = "\n\n".join([*top, *page_title, *page_date, *header_lines, body, *bottom])
    if rng.random() < MOJIBAKE_SHARE:
        text, page = _mangle(rng, [text, page])

    outlet, domain = rng.choice(OUTLETS)
    url = _url(rng, domain, title, published if dated else None) if rng.random() < 0.8 else ""
    return {
        "text": text,
        "title": title if title_place == "metadata" else "",
        "date": meta_date,
        "source": outlet if rng.random() < 0.92 else "",
        "url": url,
        "expected_pm": slots["pm_sur"],
        "published": published.isoformat() if dated else "",
        "date_style": style,
        "page": page,
    }


def generate_articles(n: int, seed: int = 0, *, until: date | None = None) -> Iterator[dict]:
    """`n` synthetic articles, one at a time.

    Keys: text, title, date, source, url (the CSV/JSONL columns; title and date may be empty),
    expected_pm (surname of the PM in office on the article's date, named as sitting in its text),
    published (ISO date the article carries, "" when undated), date_style (how it carries it) and
    page (the article as a .txt file: the metadata title and date printed above the text).
    """
    rng = Random(seed)
    last = until or date.today()
    pools = sentence_pools()
    for _ in range(n):
        yield _one_article(rng, FIRST_DAY, last, pools)


class _FilesSink:
    def __init__(self, folder: Path, n: int) -> None:
        self.folder, self.sharded = folder, n > SHARD_ABOVE
        self.width = max(7, len(str(n)))
        self.count = self.bytes = 0
        folder.mkdir(parents=True, exist_ok=True)

    def write(self, article: dict) -> None:
        self.count += 1
        name = f"{self.count:0{self.width}d}.txt"
        folder = self.folder
        if self.sharded:
            folder = folder / f"{(self.count - 1) // FILES_PER_FOLDER:04d}"
            if (self.count - 1) % FILES_PER_FOLDER == 0:
                folder.mkdir(exist_ok=True)
        data = article["page"].encode("utf-8")
        (folder / name).write_bytes(data)
        self.bytes += len(data)

    def close(self) -> int:
        return self.bytes


def csv_line(values: list[str]) -> str:
    """One CSV record with every field quoted (csv.QUOTE_ALL). csv.writer is seven times slower on
    fields of a few kilobytes, which made it the bottleneck of a million-article run."""
    return ",".join(['"' + value.replace('"', '""') + '"' for value in values]) + "\n"


class _TableSink:
    def __init__(self, path: Path, kind: str) -> None:
        self.path, self.kind = path, kind
        self.handle = path.open("w", encoding="utf-8", newline="")
        if kind == "csv":
            self.handle.write(",".join(CSV_COLUMNS) + "\n")

    def write(self, article: dict) -> None:
        row = [article[column] for column in CSV_COLUMNS]
        if self.kind == "csv":
            self.handle.write(csv_line(row))
        else:
            self.handle.write(json.dumps(dict(zip(CSV_COLUMNS, row, strict=True)), ensure_ascii=False) + "\n")

    def close(self) -> int:
        self.handle.close()
        return self.path.stat().st_size


def write_corpus(
    n: int,
    out_dir: Path,
    *,
    seed: int = 0,
    formats: tuple[str, ...] = ("files", "csv", "jsonl"),
    until: date | None = None,
    progress_every: int = 100_000,
) -> dict[str, int]:
    """Generate and write `n` articles; returns bytes written per format."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sinks: dict[str, _FilesSink | _TableSink] = {}
    if "files" in formats:
        sinks["files"] = _FilesSink(out_dir / "files", n)
    for kind in ("csv", "jsonl"):
        if kind in formats:
            sinks[kind] = _TableSink(out_dir / f"corpus.{kind}", kind)
    started = time.perf_counter()
    for count, article in enumerate(generate_articles(n, seed, until=until), start=1):
        for sink in sinks.values():
            sink.write(article)
        if progress_every and count % progress_every == 0:
            rate = count / (time.perf_counter() - started)
            print(f"  {count:,} articles ({rate:,.0f}/s)", file=sys.stderr)
    return {kind: sink.close() for kind, sink in sinks.items()}


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.make_corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out_dir", type=Path, help="folder to write into (created if missing)")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same corpus (default 0)")
    parser.add_argument(
        "--format", choices=("files", "csv", "jsonl", "all"), default="all", help="what to write (default all)"
    )
    parser.add_argument(
        "--until",
        type=date.fromisoformat,
        default=None,
        help="last possible publication date, YYYY-MM-DD (default today; fix it to get the same corpus on another day)",
    )
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be zero or more")
    if args.until and args.until < FIRST_DAY:
        parser.error(f"--until must be on or after {FIRST_DAY.isoformat()}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    formats = ("files", "csv", "jsonl") if args.format == "all" else (args.format,)
    until = args.until or date.today()
    started = time.perf_counter()
    written = write_corpus(args.n, args.out_dir, seed=args.seed, formats=formats, until=until)
    seconds = time.perf_counter() - started
    detail = ", ".join(f"{kind} {size:,}" for kind, size in written.items())
    print(
        f"{args.n:,} articles (seed {args.seed}, dates to {until.isoformat()}) in {seconds:.1f} s:"
        f" {args.n / max(seconds, 1e-9):,.0f} articles/s; {sum(written.values()):,} bytes written"
        f" ({detail}) to {args.out_dir}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
