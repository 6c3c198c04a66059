"""Small built-in word lists: places, organisations, roles and spans of time.

They serve two purposes: recognising names the article does not introduce
("in Ukraine"), and offering distractors when an article has too few of its
own. Kept short on purpose: the article's own words always come first.
"""

from __future__ import annotations

COUNTRIES = tuple(
    """Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bangladesh Belarus Belgium
    Bolivia Brazil Bulgaria Cambodia Cameroon Canada Chile China Colombia Croatia Cuba Cyprus Czechia Denmark Egypt
    England Estonia Ethiopia Finland France Georgia Germany Ghana Greece Hungary Iceland India Indonesia Iran Iraq
    Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kosovo Kuwait Latvia Lebanon Libya Lithuania Luxembourg
    Malaysia Mali Malta Mexico Moldova Mongolia Montenegro Morocco Mozambique Myanmar Nepal Netherlands Nigeria Norway
    Oman Pakistan Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Scotland Senegal Serbia
    Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Tunisia
    Turkey Turkmenistan Uganda Ukraine Uruguay Uzbekistan Venezuela Vietnam Wales Yemen Zambia Zimbabwe""".split()
) + (
    "Hong Kong",
    "North Korea",
    "South Korea",
    "South Africa",
    "Saudi Arabia",
    "New Zealand",
    "United States",
    "United Kingdom",
    "Soviet Union",
    "Sri Lanka",
    "Costa Rica",
    "Ivory Coast",
    "United Arab Emirates",
)
CITIES = tuple(
    """Amsterdam Athens Baghdad Bangkok Barcelona Beijing Belgrade Berlin Bern Brussels Bucharest Budapest Cairo
    Chicago Copenhagen Dalian Delhi Dublin Dubai Edinburgh Geneva Glasgow Guangzhou Hamburg Harbin Havana Helsinki
    Istanbul Jakarta Jerusalem Kabul Kyiv Kiev Lagos Lima Lisbon Liverpool London Madrid Manchester Manila Marseille
    Melbourne Milan Minsk Montreal Moscow Mumbai Munich Nairobi Naples Oslo Ottawa Paris Prague Pyongyang Riga Rome
    Seoul Shanghai Shenyang Shenzhen Singapore Sofia Stockholm Sydney Taipei Tallinn Tashkent Tehran Tianjin Tokyo
    Toronto Turin Valencia Vienna Vilnius Vladivostok Warsaw Washington Wuhan Zurich""".split()
) + ("Hong Kong", "New York", "Los Angeles", "St Petersburg", "Mexico City", "Rio de Janeiro", "Buenos Aires")
REGIONS = tuple(
    """Africa Asia Europe Antarctica Arctic Siberia Crimea Donbas Xinjiang Tibet Kashmir Balkans Caucasus Scandinavia
    Patagonia Sahara Amazon Mediterranean Pacific Atlantic Himalayas Alps""".split()
) + ("Middle East", "Latin America", "North America", "South America", "Central Asia", "East Asia", "Indian Ocean")

PLACES = frozenset(COUNTRIES + CITIES + REGIONS)
WITH_THE = frozenset(
    """Alps Himalayas Balkans Caucasus Amazon Sahara Arctic Mediterranean Pacific Atlantic Netherlands
    Philippines""".split()
) | {"Middle East", "Indian Ocean", "United States", "United Kingdom", "Soviet Union", "United Arab Emirates"}
"""Places English names with "the": swapping one for a place without it would break the sentence."""

PLACE_KINDS = (
    "city town village capital port province region state county district island country republic kingdom "
    "valley river lake mountain desert coast peninsula"
).split()
"""Words in "the northeastern city of Harbin" that say what kind of place follows."""

GOVERNMENT_BODIES = (
    "the Kremlin",
    "the White House",
    "the Pentagon",
    "Downing Street",
    "the United Nations",
    "the European Union",
    "NATO",
    "the European Commission",
)
INTERNATIONAL_BODIES = (
    "the World Health Organization",
    "the International Monetary Fund",
    "the World Bank",
    "the World Trade Organization",
    "the Red Cross",
)
SPORTS_BODIES = ("FIFA", "UEFA", "the International Olympic Committee", "the Premier League")
SCIENCE_BODIES = ("NASA", "the European Space Agency", "the Royal Society", "CERN", "the Royal Institution")
ORGANISATION_GROUPS = (GOVERNMENT_BODIES, INTERNATIONAL_BODIES, SPORTS_BODIES, SCIENCE_BODIES)
"""Organisations by field; distractors come from the answer's own field."""
ORGANISATIONS = GOVERNMENT_BODIES + INTERNATIONAL_BODIES + SPORTS_BODIES + SCIENCE_BODIES
ORG_ENDINGS = frozenset(
    """University Institute Society Academy Ministry Department Council Commission Agency Bank Company Corporation
    Club FC Association Federation League Party Committee Observatory Museum Laboratory Foundation Court Parliament
    Congress Senate Assembly Office Service Group Organization Organisation Fund Alliance Forum Authority
    Board Hospital School College Library Athletic Rovers""".split()
)

ROLES = tuple(
    """President Premier Chancellor King Queen Emperor Empress Pope Governor Mayor Senator Ambassador Chairman
    Chairwoman Chair Director Professor General Admiral Secretary-General Spokesman Spokeswoman Spokesperson
    Minister Secretary CEO Commissioner Prince Princess Archbishop Bishop Judge""".split()
)
MULTIWORD_ROLES = (
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Defense Minister",
    "Finance Minister",
    "Vice President",
    "Deputy Prime Minister",
    "Secretary of State",
    "Chief Executive",
    "head coach",
    "assistant coach",
)
LOWER_ROLES = tuple(
    """coach manager captain striker forward midfielder defender goalkeeper keeper winger substitute referee
    physicist chemist astronomer biologist naturalist mathematician engineer explorer historian botanist geologist
    scientist inventor physician surgeon architect author poet novelist composer painter bacteriologist pathologist
    biochemist physiologist pharmacologist constable nurse doctor""".split()
)

DURATIONS = (
    "just over two years",
    "about three weeks",
    "exactly one year",
    "nearly a decade",
    "less than a month",
    "about eighteen months",
)
NATIONALITIES = frozenset(
    """Russian Chinese American British French German Italian Spanish Japanese Korean Indian Ukrainian Polish Dutch
    Swedish Norwegian Danish Finnish Irish Scottish Welsh English Canadian Australian Brazilian Mexican Turkish
    Iranian Israeli Egyptian Soviet US UK EU European Asian African""".split()
)
