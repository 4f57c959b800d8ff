"""What a publisher's name and its town look like, for the reference-list grammar and the
tagger's span rules.

Both parsers decide between "journal", "series", "publisher" and "place" for a segment they cannot
place by position; the words that make a name a firm's or an institution's ("Press", "Verlag",
"Ministry", "& Sons", the large houses) and the "Town, ST" shape of a place settle it.  One pattern
of each for both parsers, so they agree.
"""

from __future__ import annotations

import re

PUBLISHER_NAME = re.compile(
    r"\b(?:Press|University|Universit[äaé]t?|Verlag|Publish(?:ing|ers?)|Publications|Books|Editions?|"
    r"Organi[sz]ation|Institute|Agency|Council|Commission|Ministry|Bureau|Foundation|"
    r"Association|Department|Office|Project|Division|World Bank|United Nations|"
    r"Éditions|Editores|Editore|Editorial|Editrice|Inc|Ltd|LLC|GmbH|& Sons|Company|Wiley|Springer|Elsevier|"
    r"Routledge|Macmillan|Penguin|Harper(?:Collins)?|Random House|Academic|Kluwer|Blackwell|Pearson|Bloomsbury|"
    r"Knopf|Norton|Viking|Pantheon|Palgrave|McGraw[- ]Hill|Prentice[- ]Hall|Addison[- ]Wesley|O'Reilly|"
    r"Gallimard|Suhrkamp|Brill|"
    # institutions that publish, in the languages the corpora cite most after English
    r"Università|Universidad|Universidade|Université|Universiteit|Uniwersytet|Consiglio|Consejo|Conselho|"
    r"Istituto|Instituto|Institut|Ministerio|Ministère|Ministero|Ministério|Edizioni|Ediciones|Edições|Editora|"
    r"Forlag|Förlag)\b")

# A town's name as imprints print it: up to three capitalised words ("Murray Hill")
TOWN = r"[A-Z][\w'.-]{1,20}(?:\s[A-Z][\w'.-]{1,20}){0,2}"
# A United States town and its state's postal code ("Orlando, FL"): a place, never a publisher.
TOWN_AND_STATE = re.compile(rf"{TOWN},\s[A-Z]{{2}}")
# "Berkeley, California", "Gland, Switzerland", "Washington, D.C.", "Lanham, MD": a town and its
# state or country, as imprints print it
PLACE_SHAPE = re.compile(rf"{TOWN},\s(?:[A-Z]{{2}}|D\.\s?C\.|[A-Z][a-z]{{2,20}})")

# Towns and countries that imprints print alone, without a state ("New York: Wiley", "AIP: New York")
KNOWN_PLACES = frozenset(p.strip() for p in """UK|US|USA|U.S.|U.K.|London|New York|Paris|Berlin|Washington|Washington, D.C.|
    Chicago|Boston|Toronto|Sydney|Brussels|Moscow|Tokyo|Beijing|Oxford|Cambridge|Princeton|Amsterdam|Vienna|Rome|
    Madrid|Geneva|Zurich|Munich|Frankfurt|Frankfurt am Main|Hamburg|Stockholm|Oslo|Copenhagen|Helsinki|Warsaw|Prague|Budapest|Kyiv|
    Kiev|Ottawa|Montreal|Los Angeles|San Francisco|Philadelphia|Baltimore|Edinburgh|Dublin|Leiden|Berkeley|Abingdon|
    New Haven|Ithaca|Stanford|Lanham|Westport|Santa Monica|Cham|Heidelberg|Basingstoke|Milton Park|Hoboken|Oxon|
    Aldershot|Farnham|Cheltenham|Thousand Oaks|Newbury Park|Beverly Hills|Englewood Cliffs|Upper Saddle River|
    Dordrecht|Boca Raton|Weinheim|Singapore|Bristol|Manchester|Harlow|Chichester|Basel|Bern|Leipzig|Stuttgart|Tübingen|
    Göttingen|Bonn|Köln|Cologne|Dresden|Freiburg|Wiesbaden|Darmstadt|Münster|Wien|München|Zürich|Lausanne|Utrecht|
    Groningen|Rotterdam|The Hague|Den Haag|Leuven|Louvain|Ghent|Antwerp|Lund|Uppsala|Aarhus|Kraków|Bucharest|Athens|
    Istanbul|Ankara|Jerusalem|Tel Aviv|Cairo|Nairobi|Cape Town|Johannesburg|Pretoria|Melbourne|Brisbane|Perth|Auckland|
    Wellington|Hong Kong|Taipei|Seoul|Shanghai|New Delhi|Delhi|Mumbai|Bangkok|Jakarta|Manila|Kuala Lumpur|
    Mexico City|Buenos Aires|São Paulo|Rio de Janeiro|Brasília|Lisbon|Lisboa|Barcelona|Milan|Milano|Turin|Torino|
    Bologna|Florence|Firenze|Lyon|Glasgow|Cardiff|Belfast|Newcastle|Minneapolis|Pittsburgh|Seattle|Chapel Hill|
    Ann Arbor|Bloomington|Urbana|Iowa City|Baton Rouge|Nashville|Albany|Amherst|New Brunswick|Piscataway|
    Canada|France|Germany|Italy|Spain|Japan|China|India|Australia|Russia|Ukraine|Israel|Switzerland|Austria|
    Netherlands|Belgium|Sweden|Norway|Denmark|Finland|Poland|Brazil|Mexico|Argentina|South Africa|New Zealand|
    New Jersey""".split("|"))


# The states, provinces and nations imprints print after a town ("Boulder, Colorado", "Cambridge,
# Mass."): with these a "Town, Word" is a place, with any other word it may be "Place, Publisher"
REGIONS = frozenset(p.strip() for p in """Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|
    Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|
    Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|
    North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|
    Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|Québec|British Columbia|
    Alberta|Manitoba|Saskatchewan|Nova Scotia|New South Wales|Victoria|Queensland|Tasmania|England|Scotland|Wales|
    Northern Ireland|Ireland|Bavaria|Bayern|Ala|Ariz|Ark|Calif|Cal|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|
    Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nebr|Nev|Okla|Ore|Oreg|Pa|Penn|Tenn|Tex|Va|Vt|Wash|Wis|Wisc|Wyo|Ont|Qc|
    United States|United Kingdom|Korea|South Korea|Taiwan|Portugal|Greece|Turkey|Egypt|Nigeria|Kenya|Chile|Colombia|
    Peru|Czech Republic|Hungary|Romania|Iceland|Luxembourg|Slovenia|Croatia|Serbia|Slovakia|Indonesia|Malaysia|
    Thailand|Vietnam|Philippines|Pakistan|Iran|Iraq|Saudi Arabia|Estonia|Latvia|Lithuania|Bulgaria|Cyprus|Malta""".split("|"))


def is_place(text: str) -> bool:
    """A known town or country, or a "Town, ST" shape."""
    return text in KNOWN_PLACES or bool(PLACE_SHAPE.fullmatch(text))
