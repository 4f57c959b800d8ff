"""The learned reference tagger: spans that give back the input, the key fields of references in
each panel style (written here by hand, not rendered by us), and the parser choice."""

from __future__ import annotations

import json
import re

import pytest

import convert
from convert.reflist.api import choose_parser


def assert_fields(item: dict, expected: dict) -> None:
    """Each expected variable has the expected value (None: absent)."""
    for key, value in expected.items():
        assert item.get(key) == value, (key, item)


@pytest.mark.parametrize("text", [
    "Cook, L. (2017, May 25). NATO explained. Military Times. https://example.org/nato",
    "[1] T. Cover and P. Hart, “Nearest neighbor pattern classification,” IEEE Trans. Inf. Theory, vol. 13, 1967.",
    "  odd   spacing\tand\ttabs  ",
    "",
])
def test_spans_concatenate_back_to_the_input(text: str) -> None:
    spans = convert.tag_reference(text)
    assert "".join(piece for _, piece in spans) == text


# (style, reference, expected fields): references written by hand in each panel style.
PANEL = [
    ("apa", "Shannon, C. E. (1948). A mathematical theory of communication. Bell System Technical Journal, "
            "27(3), 379–423. https://doi.org/10.1002/j.1538-7305.1948.tb01338.x",
     {"author": ["Shannon"], "year": 1948, "title": "A mathematical theory of communication",
      "container-title": "Bell System Technical Journal", "volume": "27", "issue": "3", "page": "379-423",
      "DOI": "10.1002/j.1538-7305.1948.tb01338.x", "type": "article-journal"}),
    ("chicago", "Kaplan, Lawrence S. 2007. NATO 1948: The Birth of the Transatlantic Alliance. Lanham, MD: "
                "Rowman & Littlefield.",
     {"author": ["Kaplan"], "year": 2007, "title": "NATO 1948: The Birth of the Transatlantic Alliance",
      "publisher-place": "Lanham, MD", "publisher": "Rowman & Littlefield", "type": "book"}),
    ("mla", "Fukuyama, Francis. “The End of History?” The National Interest, no. 16, 1989, pp. 3–18.",
     {"author": ["Fukuyama"], "year": 1989, "title": "The End of History?", "container-title": "The National Interest",
      "issue": "16", "page": "3-18"}),
    ("harvard", "Beard, M. (2015) SPQR: a history of ancient Rome. London: Profile Books.",
     {"author": ["Beard"], "year": 2015, "title": "SPQR: a history of ancient Rome", "publisher-place": "London",
      "publisher": "Profile Books", "type": "book"}),
    ("ieee", "Y. LeCun, Y. Bengio, and G. Hinton, “Deep learning,” Nature, vol. 521, no. 7553, pp. 436–444, "
             "May 2015.",
     {"author": ["LeCun", "Bengio", "Hinton"], "year": 2015, "title": "Deep learning", "container-title": "Nature",
      "volume": "521", "issue": "7553", "page": "436-444", "type": "article-journal"}),
    ("vancouver", "Watson JD, Crick FH. Molecular structure of nucleic acids. Nature. 1953;171(4356):737-8.",
     {"author": ["Watson", "Crick"], "year": 1953, "title": "Molecular structure of nucleic acids",
      "container-title": "Nature", "volume": "171", "issue": "4356", "page": "737-738", "type": "article-journal"}),
    ("nature", "Jumper, J. et al. Highly accurate protein structure prediction with AlphaFold. Nature 596, "
               "583–589 (2021).",
     {"author": ["Jumper"], "year": 2021, "title": "Highly accurate protein structure prediction with AlphaFold",
      "container-title": "Nature", "volume": "596", "page": "583-589", "type": "article-journal"}),
    ("ama", "Smith JA, Jones M. Effects of exercise on sleep quality. Sleep. 2021;44(11):zsab152. "
            "doi:10.1093/sleep/zsab152",
     {"author": ["Smith", "Jones"], "year": 2021, "title": "Effects of exercise on sleep quality",
      "container-title": "Sleep", "volume": "44", "issue": "11", "page": "zsab152", "DOI": "10.1093/sleep/zsab152",
      "type": "article-journal"}),
]


@pytest.mark.parametrize("style,text,expected", PANEL, ids=[p[0] for p in PANEL])
def test_tagger_reads_the_key_fields_of_each_panel_style(style: str, text: str, expected: dict) -> None:
    assert choose_parser(text) == "tagger"
    item = convert.parse_reference(text)
    for key, value in expected.items():
        if key == "author":
            assert [p.get("family") for p in item.get("author", [])] == value, item
        elif key == "year":
            assert item["issued"]["date-parts"][0][0] == value, item
        else:
            assert str(item.get(key, "")).rstrip(".") == value, (key, item)


def test_an_issue_number_before_the_page_is_no_short_citation() -> None:
    # ABNT's "n. 7553, p. 436" is no CS1 short citation "Smith 2010, p. 5" (a year before the page)
    abnt = "OKAFOR, Bisi; LUND, Karl. Barges at night. Canal Review, v. 52, n. 7553, p. 436–444, maio 2015."
    assert choose_parser(abnt) == "tagger"
    assert choose_parser("Okafor 2010, p. 5.") == "cs1"


@pytest.mark.parametrize("text,parser", [
    # ISO 690 and DIN 1505 print an ISBN too: capitals or a dash before it tell them from CS1
    ("OKAFOR, Bisi, 2007. Barge atlas. Leeds: Harbour Press. ISBN 978-0-00-000000-2.", "tagger"),
    ("Okafor, Bisi: Barge atlas. Leeds : Harbour Press, 2007 — ISBN 978-0-00-000000-2", "tagger"),
    ("Okafor, Bisi, ed. (2007). Barge Atlas. Harbour Press. ISBN 978-0-00-000000-2.", "cs1"),
])
def test_an_isbn_is_a_sign_of_cs1_only_in_its_shape(text: str, parser: str) -> None:
    assert choose_parser(text) == parser


@pytest.mark.parametrize("text,parser", [
    # A full given name before "(date)." is CS1's head; a series number in parentheses three
    # sentences later is not (Unified Style Sheet: "Name. Year. Title (Series 50). Place: Publisher.")
    ("Okafor, Bisi Adaeze von. 1986. Barges (Harbour-Taschenbuch 50). Frankfurt am Main: Insel.", "tagger"),
    ("Okafor, Bisi Adaeze (3 May 1986). Barges. Frankfurt am Main: Insel.", "cs1"),
])
def test_a_parenthesis_after_the_year_is_no_cs1_head(text: str, parser: str) -> None:
    assert choose_parser(text) == parser


@pytest.mark.parametrize("text,parser", [
    # Frontiers' head is CS1's, but its curly-quoted title holds the comma after it; CS1's is followed by it
    ("Lund, K. (2008). “Barge registers of the north,” in Essays on Rivers, eds. B. Okafor and R. Roe (Leeds: "
     "Harbour Press), 15–29.", "tagger"),
    ("Lund, K. (2008). “Barge registers of the north”. Essays on Rivers. Leeds: Harbour Press. pp. 15–29.", "cs1"),
])
def test_a_curly_title_holding_its_comma_is_no_cs1_sign(text: str, parser: str) -> None:
    assert choose_parser(text) == parser


@pytest.mark.parametrize("text,expected", [
    # Frontiers' chapter: the editors after the book, given names first, then "(Place: Publisher)" and the pages
    ("Lund, K. (2008). “Barge registers of the north,” in Essays on Rivers: In Honour of Ada Roe, eds. B. Okafor "
     "and R. Roe (Leeds: Harbour Press), 15–29.",
     {"title": "Barge registers of the north", "container-title": "Essays on Rivers: In Honour of Ada Roe",
      "editor": [{"family": "Okafor", "given": "B."}, {"family": "Roe", "given": "R."}],
      "publisher": "Harbour Press", "publisher-place": "Leeds", "page": "15-29", "type": "chapter"}),
    ("Lund, K. (1995). “Barge registers,” in Advances in River Systems 7, eds. B. Okafor, R. Roe, and "
     "D. S. Tesauro (Harbour Press).",
     {"container-title": "Advances in River Systems 7", "publisher": "Harbour Press", "volume": None}),
    # a bracket holding a known town alone is the place, and the record names no publisher
    ("Lund, K. (2008). “Barge registers,” in Essays on Rivers, eds. B. Okafor and R. Roe (Oxford), 15–29.",
     {"publisher-place": "Oxford", "publisher": None, "page": "15-29"}),
])
def test_frontiers_chapter_with_editors_after_the_book(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text), expected)


@pytest.mark.parametrize("text", [
    "Okafor, B. (Ed.). (1991). Lock Gate Option. Harbour Engineering Task Force, Canal Working Group.",
    "Okafor B, editor. Lock Gate Option. Harbour Engineering Task Force, Canal Working Group; 1991.",
])
def test_a_body_before_its_unit_is_the_publisher_not_the_title(text: str) -> None:
    item = convert.parse_reference(text)
    assert item["title"] == "Lock Gate Option"
    assert item["publisher"] == "Harbour Engineering Task Force, Canal Working Group"


@pytest.mark.parametrize("text,container,volume,issue", [
    ("Mbeki, T., & Varga, L. (2011). Tidal mixing in shallow estuaries. IEEE Transactions on Rivers, Coasts, and "
     "Estuaries: Special Issue on Sediments, Salinity, and Flow, 14(3).",
     "IEEE Transactions on Rivers, Coasts, and Estuaries: Special Issue on Sediments, Salinity, and Flow", "14", "3"),
    ("Mbeki, T., Varga, L. (2011). Tidal mixing in shallow estuaries with a very long title about the "
     "offspring of the river: 9-year follow-up of the tidal cohort. Estuar Rev, 41(41).", "Estuar Rev", "41", "41"),
])
def test_volume_and_issue_closing_an_article_are_no_pages_or_note(text: str, container: str, volume: str,
                                                                  issue: str) -> None:
    item = convert.parse_reference(text)
    assert (item["container-title"], item.get("volume"), item.get("issue")) == (container, volume, issue)
    assert "page" not in item and "note" not in item


@pytest.mark.parametrize("text", [
    "K. Osei, in Handbook of the Person-Centered Approach, eds J. H. D. Harlow, R. Ikeda-Pitrik and M. Dunmore, "
    "Springer, New York, 2013, pp. 63–78.",
    "K. Osei and L. Brandt, in Advances in Coastal Sediment Dynamics 12, eds J. H. D. Harlow, R. Ikeda-Pitrik and "
    "M. Dunmore, Springer, 2016.",
])
def test_given_first_names_after_eds_are_the_editors(text: str) -> None:
    item = convert.parse_reference(text)
    assert [person["family"] for person in item["editor"]] == ["Harlow", "Ikeda-Pitrik", "Dunmore"]
    assert "Harlow" not in str(item["author"]) and item["publisher"] == "Springer"


@pytest.mark.parametrize("text,book", [
    ("K. Osei and L. Brandt, in Advances in Coastal Sediment Dynamics 14, Meridian Press, Cambridge, MA, 2002, "
     "pp. 841–848.", "Advances in Coastal Sediment Dynamics 14"),
    ("K. Osei, in Reasoning about Tides and Plans: Proceedings of the 1986 Workshop (Timberline, OR, 1987).",
     "Reasoning about Tides and Plans: Proceedings of the 1986 Workshop"),
])
def test_a_chapter_printed_without_its_title_is_the_book_after_in(text: str, book: str) -> None:
    item = convert.parse_reference(text)
    assert item["container-title"] == book and "title" not in item


def test_editors_cut_at_their_and_stay_editors() -> None:
    item = convert.parse_reference("K. Osei and L. Brandt, in A Manual of Tidal Flats, edited by M. Harlow and "
                                   "D. E. Walter, Third Edition (Texas Tech University Press, Lubbock, 2009), pp. 124–232.")
    assert [person["family"] for person in item["author"]] == ["Osei", "Brandt"]
    assert [person["family"] for person in item["editor"]] == ["Harlow", "Walter"]
    assert item["publisher"] == "Texas Tech University Press" and "title" not in item


def test_an_unknown_publisher_before_a_known_place_closes_no_title() -> None:
    item = convert.parse_reference("K. Osei and L. Brandt, Refugees and regional settlement: balancing priorities, "
                                   "Brotherhood of St Laurence, Melbourne, 2005.")
    assert item["title"] == "Refugees and regional settlement: balancing priorities"
    assert (item["publisher"], item["publisher-place"]) == ("Brotherhood of St Laurence", "Melbourne")
    # a publisher printed beside its town is no place: the subtitle stays the title's
    kept = convert.parse_reference("K. Osei, De la contraception à l’avortement. Sociologie des grossesses non "
                                   "prévues, Inserm, Paris, 2002.")
    assert kept["title"] == "De la contraception à l’avortement. Sociologie des grossesses non prévues"


def test_wikipedia_references_keep_the_cs1_grammar() -> None:
    cs1 = 'Cook, Lorne (25 May 2017). "NATO explained". Military Times. Retrieved 3 March 2022.'
    assert choose_parser(cs1) == "cs1"
    assert convert.parse_reference(cs1)["accessed"] == {"date-parts": [[2022, 3, 3]]}


def test_parser_option_reaches_the_text_reader() -> None:
    text = "References\n\nFukuyama, Francis. “The End of History?” The National Interest, no. 16, 1989, pp. 3–18.\n"
    tagged = convert.read(text, format="text", parser="tagger").items[0]
    grammar = convert.read(text, format="text", parser="cs1").items[0]
    assert tagged["container-title"].rstrip(".") == "The National Interest"
    assert tagged != grammar


@pytest.mark.parametrize("spans,expected", [
    ([("author", "Shannon, C. E. "), ("date", "(1948b). "), ("title", "The second paper.")],
     {"issued": {"date-parts": [[1948]]}, "title": "The second paper"}),
    ([("title", "Member countries [Internet]. "), ("accessed", "[cited 2024 Mar 5]. "),
      ("url", "Available from: https://www.nato.int/x.htm")],
     {"accessed": {"date-parts": [[2024, 3, 5]]}, "URL": "https://www.nato.int/x.htm"}),
    ([("container-title", "Sleep, "), ("volume", "vol. 44, "), ("issue", "no. 11, "), ("pages", "pp. 3–18.")],
     {"volume": "44", "issue": "11", "page": "3-18"}),
    # Vancouver's glued "date;volume:pages", even when the tagger cut it in the wrong places
    ([("container-title", "Nature. "), ("date", "2019 Oct "), ("pages", "23;574:505–10. ")],
     {"issued": {"date-parts": [[2019, 10, 23]]}, "volume": "574", "page": "505-510"}),
    ([("container-title", "The National Interest. "), ("date", "1989;3–18.")], {"page": "3-18", "volume": None}),
    # capitalised words after a sentence-case title, right before the journal, are the journal's
    ([("title", "A mathematical theory of communication. Bell System "), ("container-title", "Technical Journal "),
      ("volume", "27, "), ("pages", "379–423 (1948).")],
     {"title": "A mathematical theory of communication", "container-title": "Bell System Technical Journal"}),
    ([("title", "Effects of exercise. A randomized trial. "), ("container-title", "Sleep ")],
     {"title": "Effects of exercise. A randomized trial", "container-title": "Sleep"}),
    # Vancouver/BMJ: the journal is the last sentence before "year;"
    ([("title", "Zwei neue Collembolen-Gattungen. Wiener Entomologische "), ("container-title", "Zeitung. "),
      ("date", "1907;26:9.")], {"title": "Zwei neue Collembolen-Gattungen", "container-title": "Wiener Entomologische Zeitung",
                                "volume": "26", "page": "9"}),
    ([("title", "High fructose corn syrup. "), ("container-title", "New sweetener for the baker. Bakers Dig. "),
      ("date", "1976;52:25–30.")], {"title": "High fructose corn syrup. New sweetener for the baker",
                                    "container-title": "Bakers Dig"}),
    ([("container-title", "The National Interest. "), ("date", "1989;(16):3–18.")],
     {"issue": "16", "page": "3-18"}),
    ([("author", "Ford H Jr, Smith AB, O’Brien C. ")],
     {"author": [{"family": "Ford", "given": "H.", "suffix": "Jr"}, {"family": "Smith", "given": "A. B."},
                 {"family": "O'Brien", "given": "C."}]}),
    ([("container-title", "Military Times [Internet]. ")], {"container-title": "Military Times"}),
    ([("container-title", "Eng Struct. "), ("date", "1998 Jan;20"), ("note", "(12):1424.")],
     {"volume": "20", "issue": "12", "page": "1424", "note": None}),
    # AMA/Vancouver books and chapters: "Publisher; year" and "year:pages"
    ([("author", "Fisher I. "), ("title", "Stable Money. Allen & Unwin; "), ("date", "1934.")],
     {"title": "Stable Money", "publisher": "Allen & Unwin", "type": "book"}),
    ([("container-title", "In: Proceedings of the Workshop. New York: Morgan Kaufmann; "), ("date", "1987:24-30.")],
     {"container-title": "Proceedings of the Workshop", "publisher": "Morgan Kaufmann", "publisher-place": "New York",
      "page": "24-30", "issued": {"date-parts": [[1987]]}}),
    ([("container-title", "NATO "), ("date", "1948: "), ("title", "The birth. "), ("note", "2nd ed. "),
      ("date", "2007.")], {"issued": {"date-parts": [[2007]]}, "edition": "2", "note": None}),
    ([("author", "Echevarria, M. & Ilundain, A. A. Aquaporins. "), ("container-title", "J Physiol Biochem ")],
     {"title": "Aquaporins", "author": [{"family": "Echevarria", "given": "M."}, {"family": "Ilundain", "given": "A. A."}]}),
    ([("author", "Ford, H., Jr. "), ("container-title", "Security Studies ")],
     {"author": [{"family": "Ford", "given": "H.", "suffix": "Jr"}], "title": None}),
    # Nature's chapters
    ([("author", "Doe, J. "), ("title", "Anglo-Saxon origin legends. in Myth and Charters "), ("editor", "(ed. Barrow, J.) ")],
     {"title": "Anglo-Saxon origin legends", "container-title": "Myth and Charters",
      "editor": [{"family": "Barrow", "given": "J."}], "type": "chapter"}),
    ([("container-title", "MNRAS "), ("pages", "267: 333.")], {"volume": "267", "page": "333"}),
    # MLA: theses, a year range before "pp."
    ([("title", "Small States in "), ("container-title", "NATO. "), ("date", "2019. "), ("publisher", "University of Oslo, "),
      ("location", "Master’s thesis.")], {"title": "Small States in NATO", "publisher": "University of Oslo",
                                          "genre": "Master’s thesis", "type": "thesis", "container-title": None}),
    ([("author", "Ramer, Ulrike. "), ("title", "Alliance Politics. "), ("date", "2015. "), ("author", "Universität Wien, "),
      ("genre", "PhD thesis.")], {"author": [{"family": "Ramer", "given": "Ulrike"}], "publisher": "Universität Wien"}),
    ([("container-title", "Zeitschrift Für Politik, "), ("volume", "vol. 12, "), ("pages", "2001–2003, pp. 1–20.")],
     {"volume": "12", "page": "1-20", "issued": {"date-parts": [[2001], [2003]]}}),
    # Nature's and Chicago notes' "(Publisher, Place, Year)" / "(Place: Publisher, Year)" imprints
    ([("title", "Alliance politics. "), ("publisher", "(Universität "), ("location", "Wien, Wien, "), ("date", "2015).")],
     {"publisher": "Universität Wien", "publisher-place": "Wien"}),
    ([("title", "Faust. "), ("location", "(Frankfurt am Main: "), ("publisher", "Insel, 1986).")],
     {"publisher": "Insel", "publisher-place": "Frankfurt am Main"}),
    # Chicago/MLA: the end of a name list read as the start of a quoted title
    ([("author", "LeCun, Yann, "), ("title", "Yoshua Bengio, and Geoffrey Hinton. “Deep Learning.” "),
      ("container-title", "Nature ")],
     {"title": "Deep Learning", "author": [{"family": "LeCun", "given": "Yann"}, {"family": "Bengio", "given": "Yoshua"},
                                           {"family": "Hinton", "given": "Geoffrey"}]}),
    ([("title", "NATO. “Member Countries.” ")], {"author": [{"literal": "NATO"}], "title": "Member Countries"}),
    # ...but a head ending in a colon with a common word in it opens the title: a comment on a paper
    ([("author", "K. Lund, B. Okafor, and R. Roe, "), ("title", "Reply to: “Barge registers of the north,” "),
      ("container-title", "Inland Shipping ")],
     {"title": "Reply to: “Barge registers of the north”", "author": [{"family": "Lund", "given": "K."},
                                                                      {"family": "Okafor", "given": "B."},
                                                                      {"family": "Roe", "given": "R."}]}),
    # MLA: the container after a quoted title, "edited by ... et al., Publisher"; role words as whole words
    ([("author", "Manns, M. P. "), ("title", "“Autoimmune Hepatitis.” Schiff’s Diseases of the Liver, "),
      ("editor", "edited by E. R. Schiff et al., Lippincott-Raven Publishers, "), ("date", "1999, ")],
     {"title": "Autoimmune Hepatitis", "container-title": "Schiff’s Diseases of the Liver",
      "editor": [{"family": "Schiff", "given": "E. R."}], "publisher": "Lippincott-Raven Publishers"}),
    ([("title", "“Deep learning,” in Proc. of X, ")], {"title": "Deep learning", "container-title": "Proc. of X"}),
    ([("author", "Compton, A., Kubrick, Stanley, director. ")],
     {"author": [{"family": "Compton", "given": "A."}, {"family": "Kubrick", "given": "Stanley"}]}),
    # Springer: "In: Editors (eds) Book", "Title. Master's thesis, University", "Review 3:7"
    ([("title", "Sovereignty and the alliance. "), ("editor", "In: Hall P, Lee A (eds) "),
      ("title", "The Oxford handbook of NATO. "), ("publisher", "Oxford University Press, ")],
     {"title": "Sovereignty and the alliance", "container-title": "The Oxford handbook of NATO", "type": "chapter"}),
    ([("title", "Small states in NATO. Master’s thesis, "), ("publisher", "University of Oslo")],
     {"title": "Small states in NATO", "genre": "Master’s thesis", "publisher": "University of Oslo", "type": "thesis"}),
    ([("container-title", "Irish Studies Review "), ("volume", "3:7")], {"volume": "3", "page": "7"}),
    # Elsevier Harvard and Cell: "Sleep 44, zsab152.", "[WWW Document]", "NATO. URL https://..."
    ([("container-title", "Sleep "), ("pages", "44, zsab152.")], {"volume": "44", "page": "zsab152"}),
    ([("title", "Member countries [WWW Document]. "), ("container-title", "NATO. URL "), ("url", "https://x.org/a")],
     {"title": "Member countries", "container-title": "NATO", "URL": "https://x.org/a"}),
    ([("container-title", "Bell "), ("volume", "27(3):379–423")], {"volume": "27", "issue": "3", "page": "379-423"}),
    # Chicago notes: "Journal 85 (1995): 268–74", the volume read as pages
    ([("container-title", "Blood "), ("pages", "85 "), ("date", "(1995): "), ("pages", "268–74.")],
     {"volume": "85", "page": "268-274"}),
    ([("container-title", "The National Interest, "), ("issue", "no. 16 "), ("date", "(Summer 1989): "),
      ("pages", "3–18.")], {"issue": "16", "page": "3-18", "volume": None}),
    # a book's publisher read as a journal; a title cut at a year
    ([("title", "World report on disability. "), ("container-title", "Geneva: World Health Organization; "),
      ("date", "2011.")], {"publisher": "World Health Organization", "publisher-place": "Geneva",
                          "container-title": None, "type": "book"}),
    ([("author", "Goethe, J. W. von. "), ("date", "(1986). "), ("container-title", "Faust. Oxford University Press.")],
     {"title": "Faust", "publisher": "Oxford University Press", "type": "book"}),
    ([("author", "Kaplan LS. "), ("container-title", "NATO "), ("date", "1948: "), ("title", "The birth. "),
      ("publisher", "Insel; "), ("date", "2007.")], {"title": "NATO 1948: The birth", "container-title": None}),
    ([("title", "Attention. "), ("container-title", "The New York Times. ")], {"container-title": "The New York Times"}),
    # Vancouver's "In: Editors, eds. Book" read as one container; a journal the tagger called a series
    ([("title", "Diffusion of credit. "), ("container-title", "In: Tesauro G, Touretzky DS, eds. Advances in NIPS "),
      ("volume", "7. "), ("publisher", "MIT Press "), ("date", "1995.")],
     {"container-title": "Advances in NIPS", "editor": [{"family": "Tesauro", "given": "G."},
                                                       {"family": "Touretzky", "given": "D. S."}], "type": "chapter"}),
    ([("title", "Overqualification. "), ("collection-title", "Oxford Economic Papers, New Series. "),
      ("pages", "2010;62:740–63.")],
     {"container-title": "Oxford Economic Papers, New Series", "volume": "62", "collection-title": None}),
    # ACS: the title's first word after the list's last initials goes back to the title
    ([("author", "Shin, H.; King, C.-C.; Hu, C. Thin "), ("title", "Oxide Damage by Plasma Etching. "),
      ("container-title", "Proc. IEEE/IRPS "), ("date", "1992, "), ("pages", "37–41.")],
     {"title": "Thin Oxide Damage by Plasma Etching", "author": [
         {"family": "Shin", "given": "H."}, {"family": "King", "given": "C.-C."}, {"family": "Hu", "given": "C."}]}),
    ([("author", "Doe, J., Jr. "), ("title", "Essays. ")], {"title": "Essays"}),
    # a title that starts with a name and a year, cut after the initials; a title with no author at all
    ([("author", "Kaplan, L. S. NATO "), ("date", "1948: "), ("title", "The Birth. "), ("publisher", "(Rowman, "),
      ("date", "2007).")], {"title": "NATO 1948: The Birth", "author": [{"family": "Kaplan", "given": "L. S."}]}),
    ([("author", "MacFarlane, J. pandoc. "), ("date", "(2023).")],
     {"title": "pandoc", "author": [{"family": "MacFarlane", "given": "J."}]}),
    ([("author", "Goethe, J. W. von. "), ("date", "(1986).")], {"title": None}),
    # an institution's name as the first sentence of an authorless title is the author
    ([("title", "World Health Organization. World Report on Disability. "), ("publisher", "(WHO, "),
      ("date", "2011).")],
     {"author": [{"literal": "World Health Organization"}], "title": "World Report on Disability"}),
    # Springer's "Journal 340:" for a record without pages: the volume
    ([("title", "Understanding variations. "), ("container-title", "N Engl J "), ("pages", "340:")],
     {"container-title": "N Engl J", "volume": "340", "page": None}),
    ([("title", "Dialogue and being. "), ("container-title", "Gestalt! 4:")], {"container-title": "Gestalt!", "volume": "4"}),
    # no title, a "container" with an edition and a publisher: the book's own title
    ([("author", "Bordman GM "), ("date", "(2004) "), ("container-title", "The Oxford Companion, "), ("note", "3rd edn. "),
      ("publisher", "Oxford University Press, "), ("location", "New York")],
     {"title": "The Oxford Companion", "container-title": None, "edition": "3", "type": "book"}),
    # a bracket one span opens and the next closes is one descriptor
    ([("title", "Small states in NATO [Master’s "), ("genre", "thesis]. "), ("publisher", "University of Oslo.")],
     {"title": "Small states in NATO", "genre": "Master’s thesis", "type": "thesis", "publisher": "University of Oslo"}),
    ([("title", "Small states in NATO (Master’s "), ("genre", "thesis). "), ("publisher", "University of Oslo.")],
     {"title": "Small states in NATO", "genre": "Master’s thesis", "type": "thesis"}),
    # a year (or range) read into the title is the date; "n.d." is no part of a title
    ([("author", "Müller, J., "), ("title", "2001–2003. Range of years in a volume. "),
      ("container-title", "Zeitschrift für Politik "), ("volume", "12, "), ("pages", "1–20.")],
     {"title": "Range of years in a volume", "issued": {"date-parts": [[2001], [2003]]}}),
    ([("title", "Member countries [WWW Document], n.d. [WWW Document]. "), ("container-title", "NATO.")],
     {"title": "Member countries"}),
    # films: Chicago's "Kubrick, Stanley, dir." and MLA's "Title. Directed by ..." read as names
    ([("author", "Kubrick, Stanley, dir. "), ("date", "1964. "), ("publisher", "Dr. Strangelove. Columbia Pictures.")],
     {"director": [{"family": "Kubrick", "given": "Stanley"}], "title": "Dr. Strangelove",
      "publisher": "Columbia Pictures", "type": "motion_picture", "author": None}),
    ([("author", "Dr. Strangelove. Directed by Stanley Kubrick, "), ("container-title", "Columbia Pictures, "),
      ("date", "1964.")],
     {"director": [{"family": "Kubrick", "given": "Stanley"}], "title": "Dr. Strangelove",
      "publisher": "Columbia Pictures", "type": "motion_picture"}),
    ([("author", "Smith, J. "), ("date", "2001. "), ("publisher", "Oxford Univ. Press.")],
     {"publisher": "Oxford Univ. Press", "title": None}),
    # Chicago: a news item's month and day after the paper, a status after the journal, "3 (March): 7"
    ([("author", "Cook, Lorne. "), ("date", "2017. "), ("title", "“NATO, Explained.” "),
      ("container-title", "Military Times, May 25. ")],
     {"container-title": "Military Times", "issued": {"date-parts": [[2017, 5, 25]]}}),
    ([("title", "“An Accepted Manuscript.” "), ("container-title", "Journal of Things, In "), ("note", "press.")],
     {"container-title": "Journal of Things", "status": "In press", "note": None}),
    ([("title", "“One Page Article.” "), ("container-title", "Irish Studies Review "), ("volume", "3 "),
      ("date", "(March): "), ("pages", "7.")], {"volume": "3", "page": "7"}),
    # Chicago's "edited by Jane Smith. Stanford | University Press"
    ([("title", "“Between Threats.” "), ("container-title", "In U.S. Operations, "),
      ("editor", "edited by Jane Smith. Stanford "), ("publisher", "University Press, "), ("date", "2010.")],
     {"editor": [{"family": "Smith", "given": "Jane"}], "publisher": "Stanford University Press"}),
    # ACS's "Publisher: Town, ST" however the tagger labelled it
    ([("title", "The Art of Computer Programming, "), ("edition", "3rd ed.; "),
      ("location", "Addison-Wesley: Reading, MA, "), ("date", "1997.")],
     {"publisher": "Addison-Wesley", "publisher-place": "Reading, MA"}),
    ([("title", "NATO 1948, "), ("publisher", "Rowman & Littlefield: Lanham, MD, "), ("date", "2007.")],
     {"publisher": "Rowman & Littlefield", "publisher-place": "Lanham, MD"}),
    # a title cannot end on "and": the container's first sentence finishes it (an acronym can end a sentence)
    ([("title", "Strategic culture and "), ("container-title", "NATO. Security Studies, "), ("volume", "5")],
     {"title": "Strategic culture and NATO", "container-title": "Security Studies"}),
    ([("author", "Ford H Jr. "), ("title", "Strategic culture and "), ("container-title", "NATO. Security Studies. "),
      ("date", "1999;"), ("volume", "5"), ("issue", "(2):"), ("pages", "200–15.")],
     {"title": "Strategic culture and NATO", "container-title": "Security Studies", "page": "200-215"}),
    # a "journal" after an edition, or named like a firm, is the book's publisher
    ([("title", "NATO 1948 "), ("edition", "(2nd ed.). "), ("container-title", "Rowman & Littlefield.")],
     {"publisher": "Rowman & Littlefield", "container-title": None, "edition": "2"}),
    ([("title", "Letters. "), ("container-title", "Farrar, Straus & Giroux, "), ("date", "1990.")],
     {"publisher": "Farrar, Straus & Giroux", "container-title": None}),
    # ACS: "Publisher: Place, Year; pp 133–134", "In Book;" and bare "(1)"/"1" numbers
    ([("citation-number", "(19) "), ("author", "Zenko, M. "), ("title", "Between Threats and War. In U.S. operations; "),
      ("publisher", "Stanford University Press: Stanford, "), ("location", "CA, "), ("date", "2010; "),
      ("pages", "pp 133–134.")],
     {"title": "Between Threats and War", "container-title": "U.S. operations", "publisher": "Stanford University Press",
      "publisher-place": "Stanford, CA", "page": "133-134", "type": "chapter"}),
    ([("author", "1 Münch P. "), ("title", "Creating common sense. ")], {"author": [{"family": "Münch", "given": "P."}]}),
    ([("note", "3rd ed.; "), ("publisher", "Oxford: Clarendon Press, ")],
     {"edition": "3", "publisher": "Clarendon Press", "publisher-place": "Oxford"}),
    ([("author", "Shin H, King C-C, Hu C. Thin "), ("title", "Oxide Damage by Plasma Etching. ")],
     {"title": "Thin Oxide Damage by Plasma Etching", "author": [
         {"family": "Shin", "given": "H."}, {"family": "King", "given": "C.-C."}, {"family": "Hu", "given": "C."}]}),
    ([("author", "Echevarria M, Ilundain AA. Aquaporins. "), ("container-title", "J Physiol Biochem. ")],
     {"title": "Aquaporins", "author": [{"family": "Echevarria", "given": "M."}, {"family": "Ilundain", "given": "A. A."}]}),
    # APA's descriptors after a title
    ([("title", "Small states in NATO [Master’s thesis]. ")], {"title": "Small states in NATO", "type": "thesis",
                                                             "genre": "Master’s thesis"}),
    ([("title", "pandoc (Version 3.1) [Computer software]. ")], {"title": "pandoc", "version": "3.1",
                                                                 "type": "software"}),
    ([("title", "Les rites de passage (M. B. Vizedom, Trans.). ")],
     {"title": "Les rites de passage", "translator": [{"family": "Vizedom", "given": "M. B."}]}),
    ([("title", "Democracy (in America). ")], {"title": "Democracy (in America)"}),
    # a one-word title run into the journal; a journal's lone number is its volume, not a page
    ([("author", "Echevarria, M., Ilundain, A.A., "), ("date", "1998. "),
      ("container-title", "Aquaporins. J Physiol Biochem "), ("volume", "54, "), ("pages", "107–118.")],
     {"title": "Aquaporins", "container-title": "J Physiol Biochem", "volume": "54", "page": "107-118"}),
    ([("author", "Gayle, R. "), ("container-title", "Surveiller et jouir. Anthropologie. "), ("publisher", "EPEL.")],
     {"title": "Surveiller et jouir. Anthropologie", "container-title": None}),
    ([("title", "“RNA Polymerase II Subunit RPB10 Is Essential.” "), ("container-title", "J Biol Chem "),
      ("pages", "268 "), ("date", "(1993).")], {"volume": "268", "page": None}),
    ([("title", "“Understanding Variations.” "), ("container-title", "N Engl J 340. ")],
     {"container-title": "N Engl J", "volume": "340"}),
    ([("title", "Diffusion of credit, "), ("editor", "in: Tesauro, G. (Eds.), "),
      ("container-title", "Advances in Neural Information Processing Systems 7. "), ("publisher", "MIT Press.")],
     {"container-title": "Advances in Neural Information Processing Systems 7", "volume": None}),
    # ACS's title-case titles: the title's last words read as the journal's first
    ([("title", "A Putative Modular Domain Present in Diverse "), ("container-title", "Signaling Proteins. Cell "),
      ("date", "1993, "), ("volume", "73, "), ("pages", "629–630.")],
     {"title": "A Putative Modular Domain Present in Diverse Signaling Proteins", "container-title": "Cell"}),
    ([("title", "Inelastic Behavior of Sand-Lime Mortar "), ("container-title", "Joint Masonry Arches. Eng. Struct "),
      ("date", "1998, "), ("volume", "20 "), ("issue", "(12), "), ("pages", "1424.")],
     {"title": "Inelastic Behavior of Sand-Lime Mortar Joint Masonry Arches", "container-title": "Eng. Struct"}),
    ([("title", "Tracking dynamic team activity, "), ("container-title", "in: Proceedings of the Conference. AAAI.")],
     {"title": "Tracking dynamic team activity"}),
    # MLA's "names, editors. Title", the Lancet's "Title, 2nd edn.", a translator's family name cut off
    ([("author", "Smith, Jane, and John Doe, "), ("title", "editors. Collected Essays. "),
      ("publisher", "Oxford University Press, "), ("date", "2010.")],
     {"editor": [{"family": "Smith", "given": "Jane"}, {"family": "Doe", "given": "John"}], "author": None,
      "title": "Collected Essays"}),
    ([("author", "Kaplan LS. "), ("title", "NATO 1948: The birth of the alliance, 2nd edn. "),
      ("publisher", "Rowman & Littlefield, ")], {"title": "NATO 1948: The birth of the alliance", "edition": "2"}),
    ([("title", "Les Rites de Passage. "), ("translator", "Translated by Monika B. "),
      ("publisher", "Vizedom, University of Chicago Press, "), ("date", "1960.")],
     {"translator": [{"family": "Vizedom", "given": "Monika B."}], "publisher": "University of Chicago Press"}),
    # APA: a particle opens the second name; a last initial is no title
    ([("author", "Koenderink, J. J., & van Doorn, A. J. "), ("date", "(1987). "), ("title", "Representation. ")],
     {"author": [{"family": "Koenderink", "given": "J. J."},
                 {"family": "Doorn", "given": "A. J.", "non-dropping-particle": "van"}]}),
    ([("author", "Bordman, G. M., & Hischak, T. S. "), ("date", "(2004). "),
      ("container-title", "The Oxford Companion to American Theatre "), ("edition", "(3rd ed.). "),
      ("publisher", "Oxford University Press.")],
     {"title": "The Oxford Companion to American Theatre", "type": "book",
      "author": [{"family": "Bordman", "given": "G. M."}, {"family": "Hischak", "given": "T. S."}]}),
    # MLA's "Mitchell, C., editor. Clinical | Gynecologic...", "DuVal, P. Homographies, | Quaternions..."
    ([("editor", "Mitchell, C., editor. Clinical "), ("title", "Gynecologic Endocrinology. "),
      ("publisher", "Williams and Wilkins, "), ("date", "1994.")],
     {"editor": [{"family": "Mitchell", "given": "C."}], "title": "Clinical Gynecologic Endocrinology"}),
    ([("author", "DuVal, P. Homographies, "), ("title", "Quaternions and Rotations. "),
      ("publisher", "Clarendon Press, "), ("date", "1964.")],
     {"author": [{"family": "DuVal", "given": "P."}], "title": "Homographies, Quaternions and Rotations"}),
    # AMA's chapter: the book's first words after "ed.", and "2008:15-28" is a year and pages
    ([("author", "Yorke B. Anglo-Saxon "), ("title", "Origin Legends. "),
      ("editor", "In: Julia Barrow AW, ed. Myth, Rulership, "),
      ("container-title", "Church and Charters: Essays in Honour of Nicholas Brooks. "), ("volume", "2008:"),
      ("pages", "15-28.")],
     {"title": "Anglo-Saxon Origin Legends", "volume": None, "page": "15-28",
      "container-title": "Myth, Rulership, Church and Charters: Essays in Honour of Nicholas Brooks"}),
    # BMJ: a Vancouver name with its particle read into the title; a one-sentence "journal" after "in"
    ([("citation-number", "17  "), ("title", "Goethe JW von. Faust. "), ("location", "Frankfurt am Main: "),
      ("publisher", "Insel "), ("date", "1986.")],
     {"author": [{"family": "Goethe", "given": "J. W.", "dropping-particle": "von"}], "title": "Faust"}),
    ([("title", "Star Wars IV. A New Hope. "), ("publisher", "Lucasfilm, "), ("date", "1977.")],
     {"author": None, "title": "Star Wars IV. A New Hope"}),
    ([("author", "Berg A. "), ("title", "Small states in "), ("container-title", "NATO. "), ("date", "2019.")],
     {"title": "Small states in NATO", "container-title": None}),
    # Chicago's "A. Wegrzyn, et al. “Title.”": names before a quoted title stay names
    ([("author", "Glinkowska, M., G. Konopa, A. Wegrzyn, et al. "), ("title", "“The Double Mechanism.” "),
      ("container-title", "Microbiology "), ("volume", "147 "), ("date", "(2001): "), ("pages", "2195–2201.")],
     {"title": "The Double Mechanism", "author": [{"family": "Glinkowska", "given": "M."},
                                                  {"family": "Konopa", "given": "G."},
                                                  {"family": "Wegrzyn", "given": "A."}]}),
    # IEEE: given names first, a family name of three words (a particle inside it after given
    # initials keeps it whole: "Van" is no given name)
    ([("author", "J. Hermans, J. D. F. Habbema, and A. T. Van der Burght, "), ("title", "“Cases of doubt,” ")],
     {"author": [{"family": "Hermans", "given": "J."}, {"family": "Habbema", "given": "J. D. F."},
                 {"family": "Van der Burght", "given": "A. T."}]}),
    ([("author", "C. Klotz, N. Garreau de Loubresse, and J. Beisson, "), ("title", "“Centrin,” ")],
     {"author": [{"family": "Klotz", "given": "C."}, {"family": "Garreau de Loubresse", "given": "N."},
                 {"family": "Beisson", "given": "J."}]}),
])
def test_spans_become_csl_variables(spans: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item(spans), expected)


def test_training_labels_follow_one_convention() -> None:
    """GROBID and our synthetic references leave "In", "pp." and "(eds.)" outside every field;
    AnyStyle puts them inside.  The training data is harmonised to AnyStyle's way."""
    from convert.tagger.corpora import harmonise

    words = "Doe, J. and Roe, P. 2001. Title. In J. Poe (eds.), Book, pp. 3-5. Retrieved from http://x.org".split()
    labels = ["author", "author", "other", "author", "author", "date", "title", "other", "editor", "editor",
              "other", "container-title", "other", "pages", "other", "other", "url"]
    assert harmonise(words, labels) == [
        "author", "author", "author", "author", "author", "date", "title", "editor", "editor", "editor", "editor",
        "container-title", "pages", "pages", "url", "url", "url"]


def test_corpus_labels_are_mapped_to_ours_alike(tmp_path) -> None:
    """The two corpora name the same things differently; training needs one name for each:
    AnyStyle's volume spans hold the issue, GROBID's <orgName> is a thesis's university (AnyStyle's
    publisher) unless it is a collaboration, its report numbers are AnyStyle's genre, and a
    proceedings title with no paper title beside it is the container."""
    from convert.tagger.corpora import read_anystyle, read_grobid

    anystyle = tmp_path / "core.xml"
    anystyle.write_text("""<?xml version="1.0"?><dataset><sequence><author>Doe, J.</author><date>(2001).</date>
<title>Title.</title><journal>Journal,</journal><volume>12(3),</volume><pages>4-5.</pages></sequence>
<sequence><journal>Review,</journal><volume>vol. 5, no. 3,</volume></sequence></dataset>""", encoding="utf-8")
    spans = [spans for _, spans in read_anystyle(anystyle)]
    assert spans[0][-3:] == [("volume", "12"), ("issue", "(3),"), ("pages", "4-5.")]
    assert spans[1][-2:] == [("volume", "vol. 5,"), ("issue", "no. 3,")]
    grobid = tmp_path / "corpus"
    grobid.mkdir()
    (grobid / "a.xml").write_text("""<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><listBibl>
<bibl><author>R. Roe</author>, <note type="report">PhD thesis</note>, <orgName>Univ. Paris</orgName>, <date>2005</date>.</bibl>
<bibl><orgName type="collaboration">ATLAS Collaboration</orgName>, <idno type="report">ATLAS-CONF-2015-055</idno>.</bibl>
<bibl><author>V. Poe</author>, <title level="m">Proc. 30th ICRC</title>, <date>2007</date>.</bibl>
<bibl><author>V. Poe</author>, <title level="m">Gravitation and Cosmology</title>, <date>1972</date>.</bibl>
</listBibl></TEI>""", encoding="utf-8")
    labels = [dict((text, label) for label, text in spans) for _, spans in read_grobid(grobid)]
    assert labels[0]["Univ. Paris,"] == "publisher" and labels[1]["ATLAS Collaboration,"] == "author"
    assert labels[1]["ATLAS-CONF-2015-055."] == "genre"
    assert labels[2]["Proc. 30th ICRC,"] == "container-title"
    assert labels[3]["Gravitation and Cosmology,"] == "title"


def test_glued_volume_issue_and_pages_keep_their_own_labels(tmp_path) -> None:
    """GROBID marks "31(1):114-127" as three fields with no space between them.  Labelled as one
    whitespace run it was all pages (2,566 of GROBID's 8,678 references had such a run), which
    taught the model that a volume glued to its pages is pages."""
    from convert.tagger.corpora import read_grobid, tokens_and_labels

    grobid = tmp_path / "corpus"
    grobid.mkdir()
    (grobid / "a.xml").write_text("""<?xml version="1.0"?><TEI><listBibl>
<bibl><author>N. Megiddo</author>. <title level="a">Linear programming</title>. <title level="j">J. ACM</title>,
<biblScope type="vol">31</biblScope>(<biblScope type="issue">1</biblScope>):<biblScope type="pp">114-127</biblScope>,
<date>1984</date>.</bibl>
<bibl><author>T. Doe</author>. <title level="a">Ca(2+) in cells</title>. <title level="j">Cell</title>
<date>2000</date>;<biblScope type="vol">7</biblScope>:<biblScope type="pp">234-245</biblScope>.</bibl>
</listBibl></TEI>""", encoding="utf-8")
    first, second = (spans for _, spans in read_grobid(grobid))
    assert first[-4:] == [("volume", "31"), ("issue", "(1):"), ("pages", "114-127,"), ("date", "1984.")]
    assert ("title", "Ca(2+) in cells.") in second  # a word inside one field stays whole
    assert second[-3:] == [("date", "2000;"), ("volume", "7:"), ("pages", "234-245.")]
    words, labels = tokens_and_labels(first)
    assert list(zip(words, labels))[-4:] == [("31", "volume"), ("(1):", "issue"), ("114-127,", "pages"),
                                             ("1984.", "date")]


def test_caseless_scripts_share_one_shape() -> None:
    """Chinese, Japanese and Korean letters have no case: each character was its own shape feature,
    never seen twice, so the model could not learn where such a title or journal sits."""
    from convert.tagger.features import shape, word_features

    assert shape("李龙彬.") == shape("铁岭境内高句丽山城的几个问题.") == shape("목회와") + "." == "C."
    assert shape("Smith,") == "Xx," and shape("2008;") == "d;"
    assert "first=C" in word_features("东北史地").own
    assert "first=A" in word_features("Smith").own and "first=0" in word_features("2008").own


def test_a_head_that_only_looks_like_cs1_falls_back_to_the_tagger() -> None:
    """Cell and APA print "Organisation (2015). Title." as CS1 does; when the CS1 grammar then cannot
    place the rest ("Phys. Rev. Lett 114, 072302"), the tagger's reading is taken."""
    item = convert.parse_reference("ATLAS collaboration (2015). Measurements of the nuclear modification factor. "
                                   "Phys. Rev. Lett 114, 072302.")
    assert (item["container-title"], item["volume"], item["page"]) == ("Phys. Rev. Lett", "114", "072302")
    assert "note" not in item and item["type"] == "article-journal"
    cs1 = convert.parse_reference("Cook, Lorne (25 May 2017). \"NATO explained\". Military Times. Retrieved 3 March 2022.")
    assert cs1["container-title"] == "Military Times" and cs1["accessed"] == {"date-parts": [[2022, 3, 3]]}


@pytest.mark.parametrize("text,expected", [
    # OSCOLA and MHRA quote titles with single quotes; an apostrophe inside one is no closing quote
    ("Echevarria M and Ilundain AA, ‘Aquaporins’ (1998) 54 J Physiol Biochem 107",
     {"author": [{"family": "Echevarria", "given": "M."}, {"family": "Ilundain", "given": "A. A."}],
      "title": "Aquaporins", "container-title": "J Physiol Biochem", "volume": "54", "page": "107"}),
    ("Cook L, ‘NATO, the World’s Biggest Military Alliance, Explained’ Military Times (25 May 2017)",
     {"title": "NATO, the World’s Biggest Military Alliance, Explained"}),
    ("Fukuyama F, ‘The End of History?’ [1989] The National Interest 3",
     {"title": "The End of History?", "container-title": "The National Interest", "page": "3", "volume": None}),
    ("LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton, ‘Deep Learning’, Nature, 521.7553 (2015), pp. 436–44",
     {"title": "Deep Learning", "container-title": "Nature", "volume": "521", "issue": "7553", "page": "436-444"}),
    # DIN 1505: "Place : Publisher", the volume's label "Bd." after the journal, "(Hrsg.)" editors
    ("Mitchell, C. (Hrsg.): Clinical Gynecologic Endocrinology and Infertility. Baltimore : Williams and Wilkins, 1994",
     {"editor": [{"family": "Mitchell", "given": "C."}], "author": None,
      "title": "Clinical Gynecologic Endocrinology and Infertility", "publisher-place": "Baltimore",
      "publisher": "Williams and Wilkins"}),
    ("de Maat, M. P. ; Kluft, C.: Determinants of C-reactive protein concentration in blood. In: Ital Heart J Bd. 2 "
     "(2001), S. 189–195", {"container-title": "Ital Heart J", "volume": "2", "page": "189-195"}),
    # ABNT's "v. 331, n. 6023, p. 1447–1451"
    ("WALTON, G. M.; COHEN, G. L. A brief social-belonging intervention improves academic and health outcomes of "
     "minority students. Science, v. 331, n. 6023, p. 1447–1451, 2011.",
     {"container-title": "Science", "volume": "331", "issue": "6023", "page": "1447-1451"}),
])
def test_single_quoted_titles_and_din_shapes(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text, parser="tagger"), expected)


@pytest.mark.parametrize("text,expected", [
    # MLA: a straight-quoted title with the period inside is no CS1; the URL without its scheme; the day
    ('"Climate Change." National Geographic, 12 Mar. 2019, www.nationalgeographic.com/environment/climate-change. '
     "Accessed 5 Apr. 2021.",
     {"title": "Climate Change", "container-title": "National Geographic", "issued": {"date-parts": [[2019, 3, 12]]},
      "accessed": {"date-parts": [[2021, 4, 5]]}, "URL": "www.nationalgeographic.com/environment/climate-change",
      "type": "webpage"}),
    # IEEE: the quoted title the tagger filed as a date, "[Accessed: ...]"
    ('[5] GitHub, "Octoverse 2022," 2022. [Online]. Available: https://octoverse.github.com/. [Accessed: Jan. 10, 2023].',
     {"title": "Octoverse 2022", "accessed": {"date-parts": [[2023, 1, 10]]}, "URL": "https://octoverse.github.com/",
      "note": None}),
    # APA 6's "Retrieved ..., from" is no CS1 access date
    ("World Health Organization. (2023, March 15). Tuberculosis fact sheet. Retrieved April 2, 2023, from "
     "https://www.who.int/news-room/fact-sheets/detail/tuberculosis",
     {"title": "Tuberculosis fact sheet", "accessed": {"date-parts": [[2023, 4, 2]]}, "note": None,
      "issued": {"date-parts": [[2023, 3, 15]]}}),
    # APA's "Title. Publisher." after a sentence-case title (not a title-case second sentence)
    ("North Atlantic Treaty Organization. (2023). Annual report 2022. NATO Public Diplomacy Division. "
     "https://www.nato.int/cps/en/natohq/opinions_212795.htm",
     {"title": "Annual report 2022", "publisher": "NATO Public Diplomacy Division"}),
    ("Kubrick, S. (Director). (1964). Dr. Strangelove [Video recording]. Columbia Pictures.",
     {"title": "Dr. Strangelove", "publisher": "Columbia Pictures", "type": "motion_picture"}),
    # Chicago's book with no place: the last short sentence after an author-date title is its publisher
    ("Rossi, Paola. 2010. Surveiller les Fleuves. Anthropologie Politique Du Paysage. EPEL.",
     {"title": "Surveiller les Fleuves. Anthropologie Politique Du Paysage", "publisher": "EPEL", "type": "book"}),
    ("Okafor, B., and D. Lund. 2005. Farmers and Regional Markets: Balancing Needs. Brotherhood of St Brigid. "
     "http://www.example.org/farmers.pdf.",
     {"title": "Farmers and Regional Markets: Balancing Needs", "publisher": "Brotherhood of St Brigid",
      "URL": "http://www.example.org/farmers.pdf"}),
    # Harvard's "Military Times, 25 May." (the year is in the head)
    ("Cook, L. (2017) ‘NATO, the world’s biggest military alliance, explained’, Military Times, 25 May. Available at: "
     "https://www.militarytimes.com/news/2017/05/25/nato-explained/ (Accessed: 3 March 2022).",
     {"container-title": "Military Times", "issued": {"date-parts": [[2017, 5, 25]]},
      "accessed": {"date-parts": [[2022, 3, 3]]}}),
    # Vancouver: the date before "[cited ...]" is the issue date
    ("NATO. NATO [Internet]. 1949 [cited 2021 Oct 5]. The North Atlantic Treaty. Available from: "
     "https://www.nato.int/cps/en/natolive/official_texts_17120.htm",
     {"issued": {"date-parts": [[1949]]}, "accessed": {"date-parts": [[2021, 10, 5]]}, "note": None}),
])
def test_web_references_in_paper_styles(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text, parser="tagger"), expected)


def test_a_genre_in_parentheses_is_no_sign_of_wikipedia() -> None:
    """Elsevier's Harvard prints "(PhD thesis)" as CS1 does; the reference still goes to the tagger."""
    item = convert.parse_reference("Ramer, U., 2015. Alliance politics and the Cold War (PhD thesis). "
                                   "Universität Wien, Wien.")
    assert item["author"] == [{"family": "Ramer", "given": "U."}] and item["genre"] == "PhD thesis"
    assert (item["title"], item["publisher"], item["type"]) == ("Alliance politics and the Cold War", "Universität Wien",
                                                               "thesis")


def test_a_list_numbered_without_punctuation_loses_its_numbers() -> None:
    """BMJ and the Lancet print "169  Anderson J. ..."; numbers that go up through the list are taken
    off, a lone reference that starts with a number keeps it."""
    from convert.reflist.api import strip_list_numbers

    bmj = ["168  Megiddo N. Linear programming. Journal of the ACM. 1984;31:114–27.",
           "169  Anderson J. Composite Registers. Distributed Computing. 1993;6:141–54."]
    assert strip_list_numbers(bmj)[1].startswith("Anderson J.")
    second = convert.parse_references(bmj)[1]
    assert (second["title"], second["container-title"], second["volume"]) == ("Composite Registers", "Distributed Computing", "6")
    assert strip_list_numbers(["12 Angry Men. 1957. Orion-Nova."]) == ["12 Angry Men. 1957. Orion-Nova."]
    assert strip_list_numbers(["1984 Revisited. A.", "2001 Odyssey. B."]) == ["1984 Revisited. A.", "2001 Odyssey. B."]


def test_a_substituted_author_list_repeats_the_one_before() -> None:
    first, second = convert.parse_references([
        "Shannon, Claude E. “A Mathematical Theory of Communication.” Bell System Technical Journal, vol. 27, "
        "no. 3, 1948, pp. 379–423.",
        "———. “The Second Paper of the Same Year.” Bell System Technical Journal, vol. 27, no. 4, Oct. 1948, "
        "pp. 623–56."])
    assert second["author"] == first["author"] == [{"family": "Shannon", "given": "Claude E."}]
    assert second["title"] == "The Second Paper of the Same Year"
    assert "custom" not in second


def test_a_model_of_your_own_is_loaded_from_the_environment(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from convert.diagnostics import BibconvertError
    from convert.tagger import MODEL_PATH, model_path

    own = tmp_path / "own.crfsuite"
    shutil.copyfile(MODEL_PATH, own)
    monkeypatch.setenv("BIBCONVERT_TAGGER_MODEL", str(own))
    assert model_path() == own
    assert convert.tag_reference("Watson JD, Crick FH. Molecular structure. Nature. 1953;171:737.")[0][0] == "author"
    broken = tmp_path / "broken.crfsuite"
    broken.write_text("not a model", encoding="utf-8")
    monkeypatch.setenv("BIBCONVERT_TAGGER_MODEL", str(broken))
    with pytest.raises(BibconvertError, match="broken.crfsuite"):
        convert.tag_reference("Watson JD. Title. Nature. 1953.")


def test_list_numbers_and_a_publisher_in_parentheses() -> None:
    """Cell's numbered entries: the number is not data, and "(World Health Organization)" after a
    book's title is its publisher, whichever parser reads the reference."""
    item = convert.parse_reference("16. World Health Organization (2011). World report on disability "
                                   "(World Health Organization).")
    assert item["author"] == [{"literal": "World Health Organization"}]
    assert item["title"] == "World report on disability"
    assert item["publisher"] == "World Health Organization" and item["type"] == "book"


def test_token_features_are_those_the_shipped_model_was_trained_with() -> None:
    """The model file only knows feature strings: a change in their spelling, order or set would
    quietly lower accuracy without any error.  The expected lists were written by the dict-based
    feature code the shipped model was trained with."""
    from conftest import FIXTURES

    from convert.tagger.features import sequence_features, tokenize, word_features

    golden = json.loads((FIXTURES / "tagger" / "token features of one reference.json").read_text(encoding="utf-8"))
    assert tokenize("Müller, J. (2020). “NATO’s Future.” J. Strat. 5(2): 1–20. doi:10.1/x") == golden["words"]
    word_features.cache_clear()
    assert sequence_features(golden["words"]) == golden["features"]  # cold
    assert sequence_features(golden["words"]) == golden["features"]  # from the per-word cache


@pytest.mark.parametrize("text,expected", [
    # BMJ and the Lancet: "Title. Place: Publisher, Year." with a publisher the tagger does not know
    ("Durand C. Manuel pratique de droit fluvial et maritime comparé. New Jersey: Harbour Tide Exchange Ltd, 2009.",
     {"title": "Manuel pratique de droit fluvial et maritime comparé", "publisher-place": "New Jersey",
      "publisher": "Harbour Tide Exchange Ltd"}),
    # BMJ has no comma before the year
    ("Durand C. Manuel pratique de droit fluvial et maritime comparé. New Jersey: Harbour Tide Exchange Ltd 2009.",
     {"title": "Manuel pratique de droit fluvial et maritime comparé", "publisher-place": "New Jersey",
      "publisher": "Harbour Tide Exchange Ltd", "issued": {"date-parts": [[2009]]}}),
    ("Marsh T. Strategy in the nuclear age. Volume II: The Cold War 2005.", {"publisher-place": None}),
    ("Souza MR. A escola e o rio. In: Lima K, ed. Educação ribeirinha no Brasil. Belém: Secretaria de Educação do "
     "Estado, Coordenação de Ensino Rural, 2011: 45–60.",
     {"container-title": "Educação ribeirinha no Brasil", "publisher-place": "Belém",
      "publisher": "Secretaria de Educação do Estado, Coordenação de Ensino Rural", "page": "45-60"}),
    # ACS: "Title; Publisher: Place, Year.", the publisher unknown or an acronym beside a known town
    ("(4) Durand, C. Manuel Pratique de Droit Fluvial et Maritime; Harbour Tide Exchange Ltd: New Jersey, 2009.",
     {"title": "Manuel Pratique de Droit Fluvial et Maritime", "publisher": "Harbour Tide Exchange Ltd",
      "publisher-place": "New Jersey"}),
    ("(9) Okafor, B. Field Theory of Lattices: A Primer; AIP: New York, 1993.",
     {"publisher": "AIP", "publisher-place": "New York"}),
    # IEEE's short conference paper: "in Proceedings, Year" after the quoted title is the container
    ("J. Smith and K. Doe, “A study of small islands in the north,” in MRS Proceedings, 1995.",
     {"container-title": "MRS Proceedings", "note": None, "type": "paper-conference"}),
    # MLA's book: the short sentence before ", Year" is a publisher the tagger did not know
    ("Rossi, Paola. Surveiller les Fleuves. Anthropologie Politique Du Paysage. EPEL, 2010.",
     {"title": "Surveiller les Fleuves. Anthropologie Politique Du Paysage", "publisher": "EPEL",
      "container-title": None, "type": "book"}),
    ("Okafor, B. Field Theory of Lattices: A Primer. AIP, 1993.", {"publisher": "AIP", "container-title": None}),
    ("MONTGOMERY, Susan. Hopf Algebras and Their Actions on Rings. In: American Mathematical Society, 1993.",
     {"publisher": "American Mathematical Society", "publisher-place": None}),  # ABNT's "In:"
    ("Marsh, T. Strategy in the Nuclear Age. Europe: A Divided Continent, 2005.", {"publisher": None}),
    # ... but a quoted title is a paper's: "COLING" is its conference
    ("H. Liu and J. Tang, “Does gender matter? Towards fairness in dialogue,” COLING, 2020.",
     {"publisher": None}),
    # APA: "(Vol. | 220)" cut by the tagger; a sentence-case second sentence of the title read into the
    # title-case journal
    ("Kato, J. (2002). Smooth Manifolds and Their Maps (Vol. 220). Springer.",
     {"title": "Smooth Manifolds and Their Maps", "volume": "220", "publisher": "Springer"}),
    ("Lund, K. E. (1980). Sugar beet in the north. A new crop for small farms. Farming Digest, 12, 5–9.",
     {"title": "Sugar beet in the north. A new crop for small farms", "container-title": "Farming Digest"}),
    # a part and its subtitle are no place and publisher
    ("Marsh T. Strategy in the nuclear age. Volume II: The Cold War. Oxford: Clarendon Press, 2005.",
     {"publisher-place": "Oxford", "publisher": "Clarendon Press"}),
    ("Marsh T. Strategy in the nuclear age. Europe: A divided continent, 2005.", {"publisher": None}),
])
def test_a_book_imprint_left_at_the_end_of_its_title(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text, parser="tagger"), expected)


@pytest.mark.parametrize("title, split", [
    ("Manuel pratique de droit fluvial. New Jersey: Harbour Tide Exchange Ltd,", True),
    ("Manuel pratique de droit fluvial; Harbour Tide Exchange Ltd: New Jersey,", True),
    ("Manuel pratique de droit fluvial; Volume II: The Cold War", False),
    ("Strategy in the nuclear age. Volume II: The Cold War", False),
    ("Strategy in the nuclear age. Part One: Beginnings", False),
    ("Strategy in the nuclear age. Europe: A divided continent", False),
    ("Strategy. Europe: The Cold War", False),  # one word of title before the period is too little
])
def test_the_imprint_repair_leaves_parts_and_subtitles_alone(title: str, split: bool) -> None:
    from convert.tagger.repair.item_imprint import _imprint_inside_title

    item = {"type": "book", "title": title}
    _imprint_inside_title(item)
    assert ("publisher" in item) is split, item


@pytest.mark.parametrize("spans,expected", [
    # a year closing a title, cut out by the tagger, when the reference's own date comes later
    ([("author", "Brandt K. "), ("title", "Haushalte in Sachsen. Ergebnisse der Erhebung "), ("date", "2004. "),
      ("container-title", "Statistische Monatshefte. "), ("date", "2006;"), ("volume", "12:"), ("pages", "40-51.")],
     {"title": "Haushalte in Sachsen. Ergebnisse der Erhebung 2004", "container-title": "Statistische Monatshefte",
      "issued": {"date-parts": [[2006]]}}),
    # ... a place before it, and the "title" left between it and the journal is the journal's first part
    ([("author", "Brandt K. "), ("title", "Vortrag auf dem 3. Kongress der Gesellschaft, "), ("location", "Dresden "),
      ("date", "1979. "), ("title", "Jahrbuch f "), ("container-title", "Psychol. "), ("date", "1980;"),
      ("volume", "4:"), ("pages", "1-9.")],
     {"title": "Vortrag auf dem 3. Kongress der Gesellschaft, Dresden 1979", "container-title": "Jahrbuch f Psychol",
      "issued": {"date-parts": [[1980]]}}),
    # ... or the bracket it closes
    ([("author", "Kato J. "), ("title", "Thin films grown slowly "), ("container-title", "(vol "), ("volume", "3, "),
      ("collection-title", "pg "), ("volume", "10, "), ("date", "2001). "), ("container-title", "Surf Sci. "),
      ("date", "2002;"), ("volume", "7:"), ("pages", "5-5.")],
     {"title": "Thin films grown slowly (vol 3, pg 10, 2001)", "issued": {"date-parts": [[2002]]}}),
    # a year running on from the title's last word belongs to it whatever follows, even when the
    # tagger called the title a journal
    ([("container-title", "Harbour Board. Annual report "), ("date", "2019. "), ("location", "Leeds: "),
      ("publisher", "Harbour Press; "), ("date", "2020.")],
     {"title": "Annual report 2019", "author": [{"literal": "Harbour Board"}], "issued": {"date-parts": [[2020]]}}),
    # ... but a year after the title's period is a date (MLA's original date)
    ([("author", "Durand, Claire. "), ("title", "Les Fleuves. "), ("date", "1909. "), ("translator", "Translated by "
      "T. Marsh, "), ("publisher", "Harbour Press, "), ("date", "1960.")],
     {"title": "Les Fleuves", "issued": {"date-parts": [[1960]]}, "original-date": {"date-parts": [[1909]]}}),
    # author-date: the head's date, then a year going on the title's last word before the journal
    ([("author", "Brandt, K. "), ("date", "(2006). "), ("title", "Haushalte in Sachsen. Ergebnisse der Erhebung "),
      ("date", "2004. "), ("container-title", "Statistische Monatshefte, "), ("volume", "12, "), ("pages", "40-51.")],
     {"title": "Haushalte in Sachsen. Ergebnisse der Erhebung 2004", "issued": {"date-parts": [[2006]]}}),
    # one date only, or the date before the title (author-date) and a year after its period: nothing moves
    ([("author", "Brandt K. "), ("title", "Haushalte in Sachsen. "), ("date", "2004. "),
      ("container-title", "Statistische Monatshefte "), ("volume", "12, "), ("pages", "40-51.")],
     {"title": "Haushalte in Sachsen", "issued": {"date-parts": [[2004]]}}),
    ([("author", "Brandt, K. "), ("date", "(2004). "), ("title", "Haushalte in Sachsen. "), ("date", "1999. "),
      ("container-title", "Statistische Monatshefte, "), ("volume", "12, "), ("pages", "40-51.")],
     {"title": "Haushalte in Sachsen", "issued": {"date-parts": [[2004]]}}),
    # a year between two parts of a proceedings name is the name's when the date is elsewhere
    ([("author", "Lund, K. "), ("date", "(2001). "), ("title", "Barge control. "),
      ("container-title", "River Control, "), ("date", "2001. "), ("container-title", "Proceedings of the 4th "
      "Conference on, "), ("volume", "5, "), ("pages", "42–48.")],
     {"container-title": "River Control, 2001. Proceedings of the 4th Conference on", "issued": {"date-parts": [[2001]]}}),
    # ... alone, it is the date
    ([("author", "Lund, K. "), ("title", "Barge control. "), ("container-title", "River Control, "),
      ("date", "2001. "), ("container-title", "Proceedings, "), ("pages", "42–48.")],
     {"issued": {"date-parts": [[2001]]}}),
])
def test_a_year_cut_out_of_a_title_goes_back(spans: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item(spans), expected)


def test_a_year_inside_a_title_in_a_paper_style() -> None:
    item = convert.parse_reference("Kato J. Thin films grown slowly on glass (vol 3, pg 10, 2001). Surf Sci. "
                                   "2002;7:5-5.", parser="tagger")
    assert item.get("title") == "Thin films grown slowly on glass (vol 3, pg 10, 2001)", item
    assert item.get("issued") == {"date-parts": [[2002]]}, item
    assert item.get("container-title") == "Surf Sci", item


_RICE = {"author": [{"literal": "王小明"}], "title": "长江流域的水稻种植", "container-title": "农业学报",
         "volume": "12", "page": "33-41", "issued": {"date-parts": [[2018]]}, "type": "article-journal"}


@pytest.mark.parametrize("text,expected", [
    # Chinese, Japanese and Korean sentences come as author, title, journal in every style
    ("王小明. 长江流域的水稻种植. 农业学报 2018, 12, 33–41.", _RICE),  # ACS
    ("王小明. 长江流域的水稻种植. 农业学报. 2018;12:33–41.", _RICE),  # Vancouver
    ("[4] 王小明, “长江流域的水稻种植,” 农业学报, vol. 12, pp. 33–41, 2018.", _RICE),  # IEEE
    ("王小明. 2018. “长江流域的水稻种植.” 农业学报 12: 33–41.", _RICE),  # Chicago
    ("王小明: 长江流域的水稻种植. In: 农业学报 Bd. 12 (2018), S. 33–41", _RICE),  # DIN: a colon after the name
    ("Wang, X. 长江流域的水稻种植. 农业学报 2018, 12, 33–41.",  # names in Latin letters
     {**_RICE, "author": [{"family": "Wang", "given": "X."}]}),
    ("김철수 (2019). 도시 공원의 사회적 가치: 서울의 사례. 도시연구 7.",  # Cell; the CS1-like head is no CS1 book
     {"author": [{"literal": "김철수"}], "title": "도시 공원의 사회적 가치: 서울의 사례", "container-title": "도시연구",
      "volume": "7", "publisher": None}),
    # a list of Korean names, each one name; "제12권" is a volume, no sentence
    ("박민수, 이지은, 최유진. 도시 농업의 경제적 효과 분석. 한국농업경제학회지. 31 (2), 101-120, 2016.",
     {"author": [{"literal": "박민수"}, {"literal": "이지은"}, {"literal": "최유진"}], "title": "도시 농업의 경제적 효과 분석",
      "container-title": "한국농업경제학회지", "volume": "31", "issue": "2"}),
    ("김하늘, 박준, '도시 숲의 변화와 관리 방안,' 한국산림학회지, 제12권, 제3호, pp.45-60, 2019.",
     {"author": [{"literal": "김하늘"}, {"literal": "박준"}], "title": "도시 숲의 변화와 관리 방안",
      "container-title": "한국산림학회지", "volume": "12", "issue": "3", "page": "45-60"}),
    ("田中太郎. 日本の森林と水. 東京: 岩波書店, 2005.",  # a book's imprint
     {"title": "日本の森林と水", "publisher-place": "東京", "publisher": "岩波書店", "type": "book",
      "container-title": None}),
])
def test_references_in_chinese_japanese_and_korean(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text), expected)


@pytest.mark.parametrize("spans,publisher", [
    ([("author", "Rossi, P. "), ("date", "2010. "), ("container-title", "Fleuves. Anthropologie du paysage. EPEL.")],
     "EPEL."),
    # a sentence the tagger read alone as a journal or conference stays one
    ([("author", "Liu, H. "), ("date", "(2020). "), ("title", "Does gender matter? Towards fairness. "),
      ("container-title", "COLING.")], None),
    # a proceedings' name before it, an imprint inside, a quoted title: no publisher sentence
    ([("author", "Tambe, M. "), ("date", "(1996). "), ("title", "Tracking team activity. Proceedings of the "
      "National Conference on Reasoning. AAAI.")], None),
    ([("author", "MOLEV, A., "), ("date", "2007. "), ("title", "Yangians and algebras. Providence, RI: American "
      "Mathematical Society. Mathematical Surveys.")], None),
    ([("author", "Smith, J. "), ("date", "2005. "), ("title", "“Rivers and Towns.” Fieldwork Notes.")], None),
])
def test_the_publisher_closing_an_author_date_book(spans: list, publisher: str | None) -> None:
    from convert.tagger.repair.span_imprint import _publisher_closing_author_date_book

    repaired = _publisher_closing_author_date_book(spans)
    assert "".join(text for _, text in repaired) == "".join(text for _, text in spans)
    assert next((text for label, text in repaired if label == "publisher"), None) == publisher, repaired


@pytest.mark.parametrize("text,expected", [
    # ACS's book: "Title; Names, Eds.;" and "Author, A. Title; Names, Translator;"
    ("(3) Essays on River Trade; Lund, K., Okafor, B., Eds.; Harbour Press: Leeds, 2011.",
     {"title": "Essays on River Trade", "editor": [{"family": "Lund", "given": "K."}, {"family": "Okafor", "given": "B."}],
      "author": None, "publisher": "Harbour Press", "publisher-place": "Leeds"}),
    ("(4) Durand, C. Les Fleuves de France; Marsh, T. R., Translator; Harbour Press: Leeds, 1971.",
     {"author": [{"family": "Durand", "given": "C."}], "title": "Les Fleuves de France",
      "translator": [{"family": "Marsh", "given": "T. R."}], "publisher": "Harbour Press"}),
    ("(5) Lund, K.; Okafor, B. Essays on River Trade; Marsh, T., Durand, C., Eds.; Harbour Press: Leeds, 2011.",
     {"author": [{"family": "Lund", "given": "K."}, {"family": "Okafor", "given": "B."}],
      "editor": [{"family": "Marsh", "given": "T."}, {"family": "Durand", "given": "C."}],
      "title": "Essays on River Trade"}),
    # ACS's chapter: "In Book; Names, Eds.; Publisher: Place, Year; pp"
    ("(6) Okafor, B. T. Inland Hepatitis. In Durand’s Diseases of the River; Lund, K. R., Marsh, T. F., Eds.; "
     "Harbour-Raven Publishers: Leeds, 1999; pp 919–935.",
     {"title": "Inland Hepatitis", "container-title": "Durand’s Diseases of the River",
      "publisher": "Harbour-Raven Publishers", "publisher-place": "Leeds", "page": "919-935",
      "editor": [{"family": "Lund", "given": "K. R."}, {"family": "Marsh", "given": "T. F."}],
      "issued": {"date-parts": [[1999]]}, "type": "chapter"}),
    ("(7) River Gynecologic Endocrinology and Barges; Marsh, C., Ed.; Harbour and Wilkins: Leeds, 1994; pp 651–666.",
     {"title": "River Gynecologic Endocrinology and Barges", "editor": [{"family": "Marsh", "given": "C."}],
      "publisher": "Harbour and Wilkins", "publisher-place": "Leeds"}),
])
def test_acs_editors_and_translators_after_the_title(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text, parser="tagger"), expected)


@pytest.mark.parametrize("text,expected", [
    # an unsigned entry: its title stands where a group author would, before "In"
    ("Harbour Board of Leeds. (2021). In Encyclopaedia of Inland Shipping. https://www.example.org/harbour-board",
     {"title": "Harbour Board of Leeds", "author": None, "container-title": "Encyclopaedia of Inland Shipping",
      "type": "entry-encyclopedia"}),
    ("4. Harbour Board of Leeds. In: Encyclopaedia of Inland Shipping. 2021. https://www.example.org/harbour-board",
     {"title": "Harbour Board of Leeds", "container-title": "Encyclopaedia of Inland Shipping"}),
    # a group author with a title of its own stays the author
    ("Harbour Board of Leeds. (2021). Annual barge census. https://www.example.org/census",
     {"author": [{"literal": "Harbour Board of Leeds"}], "title": "Annual barge census"}),
])
def test_an_unsigned_encyclopedia_entry(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text, parser="tagger"), expected)


@pytest.mark.parametrize("text,expected", [
    # Harvard's "(no date)" is no part of the title; a title's own "no date" is
    ("Roe, R. (2001). A river with no date. Harbour Press.", {"title": "A river with no date"}),
    # Harvard's "in J. Smith (ed.) Book": the editor's name is no part of the book's title
    ("Okafor, B. (2010) ‘Tracing barges’, in K. Lund (ed.) Inland waterways. Leeds: Harbour Press, pp. 3–9.",
     {"editor": [{"family": "Lund", "given": "K."}], "container-title": "Inland waterways"}),
])
def test_harvard_no_date_and_editors(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text, parser="tagger"), expected)


@pytest.mark.parametrize("title,cleaned", [
    ("Barge registers (no date)", "Barge registers"), ("Barge registers, n.d.", "Barge registers"),
    ("Binnenschiffe (o. J.)", "Binnenschiffe"), ("Barcos fluviales [s.f.]", "Barcos fluviales"),
    ("A river with no date", "A river with no date"),
])
def test_a_no_date_mark_leaves_the_title(title: str, cleaned: str) -> None:
    from convert.tagger.repair.item_titles import _date_inside_title

    item = {"title": title}
    _date_inside_title(item)
    assert item["title"] == cleaned


def test_an_edition_in_an_edited_books_title() -> None:
    item = convert.parse_reference("Okafor, B. 2009. “Barges.” In A Manual of River Trade, Third Edition, edited by "
                                   "K. Lund. Harbour Press.", parser="tagger")
    assert item.get("container-title") == "A Manual of River Trade", item
    assert item.get("edition") == "3", item


@pytest.mark.parametrize("text,expected", [
    # GB/T 7714: the mark after the title gives the type and leaves the title
    ("王小明. 长江流域的水稻种植[J]. 农业学报, 2018, 12(3): 33-41.",
     {"title": "长江流域的水稻种植", "container-title": "农业学报", "volume": "12", "issue": "3", "page": "33-41",
      "type": "article-journal"}),
    ("王小明. 长江流域的水稻种植[M]. 北京: 科学出版社, 2005.",
     {"title": "长江流域的水稻种植", "publisher": "科学出版社", "publisher-place": "北京", "type": "book"}),
    ("Lund K, Okafor B. Rivers of the north[J]. Journal of Rivers, 2015, 12(3): 27-35.",
     {"title": "Rivers of the north", "container-title": "Journal of Rivers", "type": "article-journal"}),
    ("张三. 河流研究[D]. 北京: 北京大学, 2010.", {"title": "河流研究", "publisher": "北京大学", "type": "thesis"}),
    # ... and an online work's "(issued)[cited]"
    ("国家统计局. 2020年统计公报[EB/OL]. (2021-02-28)[2021-03-01]. http://www.stats.gov.cn/x.html.",
     {"title": "2020年统计公报", "issued": {"date-parts": [[2021, 2, 28]]}, "accessed": {"date-parts": [[2021, 3, 1]]},
      "URL": "http://www.stats.gov.cn/x.html", "type": "webpage"}),
])
def test_gb_t_7714_references(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text), expected)


@pytest.mark.parametrize("text,expected", [
    # MHRA author-date: "Journal, 6.3, pp. 141–54" is a volume and an issue
    ("Lund, K. 1993. ‘Barge Registers’, Inland Shipping Review, 6.3, pp. 141–54",
     {"title": "Barge Registers", "container-title": "Inland Shipping Review", "volume": "6", "issue": "3",
      "page": "141-154"}),
    ("Lund, K. 1998. ‘Barge Registers’, Journal of Inland Shipping, 4.2, doi:10.1234/jis.4.2",
     {"volume": "4", "issue": "2", "DOI": "10.1234/jis.4.2"}),
    # Cultural Geographies: ", Journal, 84, 1994, 4164–4173.", the year between the volume and the pages
    ("K. Lund and B. Okafor,  ‘Barge registers on northern rivers’, Inland Shipping Review, 84, 1994, 4164–4173.",
     {"title": "Barge registers on northern rivers", "container-title": "Inland Shipping Review", "volume": "84",
      "page": "4164-4173", "issued": {"date-parts": [[1994]]}}),
    # Water Science and Technology's "Title, Town, ST, Publisher.": the state code belongs to the town
    ("Lund, K. and Okafor, B. (1983) Barge registers of northern rivers, Providence, RI, Harbour Society.",
     {"title": "Barge registers of northern rivers", "publisher": "Harbour Society", "publisher-place": "Providence, RI"}),
    ("Lund, K. and Okafor, B. (1994) Computational methods for barge registers, Murray Hill, NJ, AT&T Bell Laboratories.",
     {"title": "Computational methods for barge registers", "publisher": "AT&T Bell Laboratories",
      "publisher-place": "Murray Hill, NJ"}),
    # ...and "Publisher, Department, Town, ST.": the town before the state code is the place's, not the publisher's
    ("Lund, K. and Okafor, B. 1994. Computational Methods for Barge Registers. Harbour Laboratories, Statistics "
     "Department, Murray Hill, NJ.",
     {"publisher": "Harbour Laboratories, Statistics Department", "publisher-place": "Murray Hill, NJ"}),
    # Cultural Geographies' "(Publisher: Place, Year)": the known town or the publisher's word settles the order
    ("J. Lund,  Barge registers of the north, 2nd edn (Harbour Press: Bratislava, 2007).",
     {"publisher": "Harbour Press", "publisher-place": "Bratislava", "edition": "2"}),
    ("H. Okafor,  Advanced barge theory (AIP: New York, 1993).", {"publisher": "AIP", "publisher-place": "New York"}),
    ("Smith, J. Barges and locks (Lanham, MD: Rowman & Littlefield, 2007).",
     {"publisher": "Rowman & Littlefield", "publisher-place": "Lanham, MD"}),
    # Chemical Engineering Progress' "“Title,” Body, Town (Year).": the known town after the body is the place
    ("26.  North Atlantic Barge Council, “Annual report 2022,” NABC Public Diplomacy Division, Brussels (2023).",
     {"publisher": "NABC Public Diplomacy Division", "publisher-place": "Brussels"}),
    # Vancouver's place supplied in brackets, "[Oslo]: Publisher, 2015." (ABNT's "[S.l.]:" is no place)
    ("Lund K. Barge registers of the north [PhD thesis]. [Oslo]: Universitetet i Oslo, 2015.",
     {"genre": "PhD thesis", "publisher": "Universitetet i Oslo", "publisher-place": "Oslo", "type": "thesis"}),
    # Lethaia's web page: "Site. Downloaded from URL on 5 October 2021.", the date after the link accessed
    ("Harbour Board. 1962: The river barge charter. Harbour Board. Downloaded from https://harbour.example.org/charter.htm on 5 October 2021.",
     {"title": "The river barge charter", "container-title": "Harbour Board", "issued": {"date-parts": [[1962]]},
      "accessed": {"date-parts": [[2021, 10, 5]]}, "URL": "https://harbour.example.org/charter.htm"}),
    # OSCOLA's book: names with bare initials, the title, "(Publisher Year)"
    ("Okafor B and Lund KR, Tracing Barges on Northern Rivers, vol 12 (Harbour Press 1983)",
     {"author": [{"family": "Okafor", "given": "B."}, {"family": "Lund", "given": "K. R."}],
      "title": "Tracing Barges on Northern Rivers", "volume": "12", "publisher": "Harbour Press",
      "issued": {"date-parts": [[1983]]}, "type": "book", "container-title": None}),
    ("Durand C, Manuel de Droit Fluvial (2nd edn, Harbour Press 2009)",
     {"title": "Manuel de Droit Fluvial", "edition": "2", "publisher": "Harbour Press"}),
    # ...but Future Medicine's Vancouver list, "Lund KR, Okafor B. Title, Publisher, (1994).", is no OSCOLA book:
    # the "title" after the first comma would open with the last name and its initials
    ("60 Lund KR, Okafor B. Computational Methods for Barge Registers, Harbour Laboratories, Murray Hill, NJ, (1994).",
     {"author": [{"family": "Lund", "given": "K. R."}, {"family": "Okafor", "given": "B."}]}),
])
def test_mhra_issues_and_oscola_books(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text), expected)


def test_din_last_initials_before_the_colon_stay_with_the_name() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", "Lund, K. "), ("title", "R.: Barges of the north. "),
                          ("container-title", "In: Inland Shipping Bd. "), ("volume", "5 "), ("date", "(2014)")])
    assert item["author"] == [{"family": "Lund", "given": "K. R."}]
    assert item["title"] == "Barges of the north"


@pytest.mark.parametrize("title,edition,rest", [
    ("The River Companion, 2nd edn", "2", "The River Companion"), ("The River Companion. 3. Aufl.", "3", "The River Companion"),
    ("The River Companion, Third Edition", "3", "The River Companion"), ("The Third Edition of Rivers", None, None),
])
def test_an_edition_at_the_end_of_a_title(title: str, edition: str | None, rest: str | None) -> None:
    from convert.tagger.repair.item_titles import _role_and_edition_in_title

    item = {"title": title}
    _role_and_edition_in_title(item)
    assert item.get("edition") == edition
    assert item["title"] == (rest or title)


@pytest.mark.parametrize("text,expected", [
    # ISO 690's article: the year again before the volume follows the journal
    ("LUND, K., 1993. Barge Registers. Inland Shipping Review. 1993. Vol. 6, no. 3, p. 141–154.",
     {"title": "Barge Registers", "container-title": "Inland Shipping Review", "volume": "6", "issue": "3",
      "page": "141-154", "issued": {"date-parts": [[1993]]}}),
    ("LUND, K., 1970. Counting barges on large northern rivers. Journal of River Statistics. 1970. Vol. 24, "
     "no. 111, p. 713–735.",
     {"title": "Counting barges on large northern rivers", "container-title": "Journal of River Statistics"}),
    ("LUND, K., 2008. Barges and trust. Journal of Inland Shipping. Online. 2008. Vol. 20, no. 1, p. 98–103.",
     {"container-title": "Journal of Inland Shipping", "medium": "online"}),
])
def test_iso_690_articles(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text), expected)


def test_a_long_list_of_initials_is_read_in_linear_time() -> None:
    """IEEE's twenty names with initials, a shape one regex over the ACS name list once took
    exponential time on."""
    import time

    names = ", ".join(f"{chr(65 + i % 26)}. {chr(66 + i % 25)}. Lund{i}" for i in range(20))
    text = f"{names}, and K. R. Marsh. Barges of the north. Inland Shipping Review, 50 1211-1217, 1992."
    started = time.perf_counter()
    item = convert.parse_reference(text, parser="tagger")
    assert time.perf_counter() - started < 2.0
    assert item.get("title") == "Barges of the north", item


@pytest.mark.parametrize("text,expected", [
    # Springer's and Elsevier's chapter with no year after the book: "In: Book. Publisher"
    ("Okafor B (1994) Tracing river barges. In: Proceedings of the National Symposium on Inland Shipping. AAIS",
     {"title": "Tracing river barges", "container-title": "Proceedings of the National Symposium on Inland Shipping",
      "publisher": "AAIS"}),
    ("Okafor, B., 1994. Tracing river barges, in: Proceedings of the National Symposium on Inland Shipping. AAIS.",
     {"title": "Tracing river barges", "container-title": "Proceedings of the National Symposium on Inland Shipping",
      "publisher": "AAIS"}),
    # a book series read as the book: "In" opens the book, never a series
    ("Lund K (1993) Lattices and Their Actions on Rivers. In: Regional Lecture Series in Hydrology. Harbour Society",
     {"container-title": "Regional Lecture Series in Hydrology", "publisher": "Harbour Society"}),
    # Nature's imprint with a place alone is no publisher
    ("Durand, C. Les Fleuves de France. (Paris, 1971).",
     {"title": "Les Fleuves de France", "publisher-place": "Paris", "publisher": None}),
    ("Okafor, B. Tracing river barges. in Proceedings of Barges '98 (Orlando, FL, 1998).",
     {"container-title": "Proceedings of Barges '98", "publisher-place": "Orlando, FL", "publisher": None}),
    # ... a publisher and its place still are both
    ("Durand, C. Les Fleuves de France. (Harbour Press, Leeds, 1971).",
     {"publisher": "Harbour Press", "publisher-place": "Leeds"}),
    # a book's series read as the work it sits in
    ("Lund, K. 2007. Lattices of the Inland Waterways. Vol. 143. Harbour Surveys and Monographs. Harbour Press.",
     {"collection-title": "Harbour Surveys and Monographs", "container-title": None, "type": "book",
      "publisher": "Harbour Press"}),
    ("[38] K. Lund, Lattices of the Inland Waterways, vol. 220. in Graduate Texts in Hydrology, vol. 220. "
     "Springer, 2002.", {"collection-title": "Graduate Texts in Hydrology", "type": "book"}),
    # Elsevier's "Title, Series. Publisher."
    ("Lund, K., 2007. Lattices of the inland waterways, Harbour Surveys and Monographs. Harbour Press, Leeds.",
     {"title": "Lattices of the inland waterways", "collection-title": "Harbour Surveys and Monographs"}),
    # a chapter in a series volume keeps its book: it has pages
    ("Okafor, B. 2009. “Tracing Barges.” In Lecture Notes in Hydrology, 54–61. Springer.",
     {"container-title": "Lecture Notes in Hydrology"}),
])
def test_imprints_of_books_and_chapters(text: str, expected: dict) -> None:
    """A chapter's publisher after its book, a place alone, a book's series."""
    assert_fields(convert.parse_reference(text, parser="tagger"), expected)


def test_a_reference_work_read_into_the_publisher() -> None:
    """ACS's "Entry. Dictionary; Publisher, Year." with the dictionary read as the publisher's start."""
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("title", "Barge. "), ("publisher", "River Dictionary of English; Harbour University Press, "),
                          ("date", "2023.")])
    assert_fields(item, {"title": "Barge", "container-title": "River Dictionary of English",
                         "publisher": "Harbour University Press", "type": "entry-dictionary"})


def test_a_year_range_before_the_volume() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", "Lund, K. "), ("title", "Barges over the years. "),
                          ("container-title", "Zeitschrift für Flüsse "), ("volume", "2001–2003, 12, "), ("pages", "1–20.")])
    assert_fields(item, {"issued": {"date-parts": [[2001], [2003]]}, "volume": "12", "page": "1-20"})


def test_cell_editors_read_into_the_book() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", "Okafor, B. "), ("date", "(2010). "), ("title", "Barges. "),
                          ("container-title", "In Inland Waterways, K. Lund and T. R. Marsh, "), ("editor", "eds. "),
                          ("publisher", "(Harbour Press), "), ("pages", "pp. 3–9.")])
    assert_fields(item, {"container-title": "Inland Waterways", "publisher": "Harbour Press",
                         "editor": [{"family": "Lund", "given": "K."}, {"family": "Marsh", "given": "T. R."}]})


@pytest.mark.parametrize("text,expected", [
    # an institution before its date, which the tagger reads as a journal or a publisher, is the author
    ("Inland Waterways Organization (2019) Barge traffic on the Aire. Leeds: Harbour Board.",
     {"author": [{"literal": "Inland Waterways Organization"}], "title": "Barge traffic on the Aire",
      "container-title": None, "issued": {"date-parts": [[2019]]}, "type": "book"}),
    ("International Barge Association. 2018. Canal Freight Statistics. Leeds: Waterways Press.",
     {"author": [{"literal": "International Barge Association"}], "container-title": None,
      "publisher": "Waterways Press"}),
    ("European Canal Agency 2016, Lock gates: a survey, ECA, Brussels.",
     {"author": [{"literal": "European Canal Agency"}], "title": "Lock gates: a survey"}),
    ("Department of Inland Waterways (2012) Freight plan 2012–2020. Dublin: Stationery Office.",
     {"author": [{"literal": "Department of Inland Waterways"}], "publisher": "Stationery Office",
      "publisher-place": "Dublin"}),
    # an unsigned entry titled with an institution's name keeps it as the title
    ("Inland Waterways Organization (2024) Encyclopaedia of Inland Shipping.", {"author": None}),
])
def test_an_institution_read_as_a_journal_is_the_author(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text, parser="tagger"), expected)


@pytest.mark.parametrize("text,expected", [
    # a title that starts with a form of address is no author: with the imprint read into the "name",
    # with its imprint read as the title, or cut mid-sentence
    ("Dr. Lockkeeper. Aire Valley Films, 1971.",
     {"author": None, "title": "Dr. Lockkeeper", "publisher": "Aire Valley Films"}),
    ("12. Mrs. Bargewright. Aire Valley Films; 1968.",
     {"author": None, "title": "Mrs. Bargewright", "publisher": "Aire Valley Films"}),
    ("Mr. Okafor Goes to Leeds. Aire Valley Films; 1975.", {"author": None, "title": "Mr. Okafor Goes to Leeds"}),
    # a pen name with a form of address stays the author when the rest has its own publisher
    ("Dr. Tideway. Barges and Their Keepers. Harbour Press; 1990.",
     {"author": [{"family": "Tideway", "given": "Dr."}], "title": "Barges and Their Keepers"}),
])
def test_a_title_starting_with_a_form_of_address(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text, parser="tagger"), expected)


def test_an_issue_glued_to_a_doi_is_kept() -> None:
    item = convert.parse_reference("Okafor, Bisi, and Karl Lund. 2004. “Barges at Dawn.” Inland Shipping Review 7(3). "
                                   "doi:10.5555/isr.2004.7.3.", parser="tagger")
    assert_fields(item, {"volume": "7", "issue": "3", "DOI": "10.5555/isr.2004.7.3"})


def test_an_edited_book_with_no_chapter_is_the_title() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("editor", "Lund, K., ed. "), ("container-title", "Clinical Canal Engineering. "),
                          ("publisher", "Williams and Wilkins, "), ("date", "1994.")])
    assert_fields(item, {"title": "Clinical Canal Engineering", "container-title": None, "type": "book"})
    chapter = spans_to_item([("editor", "Lund, K., ed. "), ("container-title", "In Clinical Canal Engineering. "),
                             ("publisher", "Williams and Wilkins, "), ("date", "1994.")])
    assert_fields(chapter, {"container-title": "Clinical Canal Engineering"})


def test_a_particle_after_the_first_authors_initials() -> None:
    item = convert.parse_reference("Berg, A. J. van den, and K. Lund. 2001. “Lock Gates.” Canal Journal 2: 18–25.",
                                   parser="tagger")
    assert_fields(item, {"author": [{"family": "Berg", "given": "A. J.", "dropping-particle": "van den"},
                                    {"family": "Lund", "given": "K."}]})


def test_a_thesis_institution_and_genre_in_one_span() -> None:
    item = convert.parse_reference("Okafor, Bisi. Schleusen Und Kanäle Im Ruhrgebiet. 2009. Universität Dortmund, "
                                   "Dissertation.", parser="tagger")
    assert_fields(item, {"publisher": "Universität Dortmund", "genre": "Dissertation", "type": "thesis"})


def test_a_lower_case_word_carries_the_title_past_the_taggers_cut() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Okafor, B.; Lund, K. "), ("title", "A Survey of Lock Gates of Historic Structures "),
             ("container-title", "in Canals. Canals "), ("date", "1999, "), ("volume", "4, "), ("pages", "11–19.")]
    assert_fields(spans_to_item(spans), {"title": "A Survey of Lock Gates of Historic Structures in Canals",
                                         "container-title": "Canals"})
    # Nature's "Title. in Book": the title ended at its period, the book starts with "in"
    nature = [("author", "Okafor, B. & Lund, K. "), ("title", "Lock gates. "), ("container-title", "in Canal Studies. "),
              ("date", "(Harbour Press, 1999).")]
    assert_fields(spans_to_item(nature), {"title": "Lock gates", "container-title": "Canal Studies"})


@pytest.mark.parametrize("text,expected", [
    # a society's acronym after the proceedings it published is the publisher
    ("7. Okafor B. Routing barges by night. In: Proceedings of the Workshop on Inland Logistics. IWLA; 2004.",
     {"container-title": "Proceedings of the Workshop on Inland Logistics", "publisher": "IWLA"}),
    ("[7] B. Okafor, “Routing barges by night,” in Proceedings of the Workshop on Inland Logistics, IWLA, 2004.",
     {"container-title": "Proceedings of the Workshop on Inland Logistics", "publisher": "IWLA"}),
    # the meeting's own acronym in brackets is no publisher
    ("B. Okafor. Routing barges by night. In Proceedings of the Workshop on Inland Logistics (WIL), pages 3-9, "
     "Leeds, 2004.", {"container-title": "Proceedings of the Workshop on Inland Logistics (WIL)", "publisher": None}),
])
def test_an_acronym_closing_the_proceedings_is_their_publisher(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text, parser="tagger"), expected)


def test_nature_in_opens_the_book_before_its_subtitle() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Okafor, B. "), ("title", "Lock gates at night. in Canal Engineering: "),
             ("container-title", "Proceedings of the 1990 Workshop "), ("location", "(Leeds, "), ("date", "1991).")]
    assert_fields(spans_to_item(spans), {"title": "Lock gates at night",
                                         "container-title": "Canal Engineering: Proceedings of the 1990 Workshop"})


def test_unplaced_text_where_the_title_stands_is_the_title() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("citation-number", "(4) "), ("author", "Okafor. "), ("note", "Canal Hydraulics, 2nd ed.; "),
             ("publisher", "Harbour Press, "), ("date", "1994.")]
    assert_fields(spans_to_item(spans), {"title": "Canal Hydraulics", "edition": "2", "note": None})


def test_a_bracketed_genre_then_its_publisher() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Okafor, B. "), ("date", "(1994). "), ("title", "Night routing of barges "),
             ("genre", "[Technical report]. Leeds CS.")]
    assert_fields(spans_to_item(spans), {"genre": "Technical report", "publisher": "Leeds CS", "type": "report"})


@pytest.mark.parametrize("spans,expected", [
    # a title and a short name read as one "journal" with no numbers: the book and its publisher
    ([("author", "Okafor, B. "), ("date", "(1986). "), ("container-title", "Schleusen. Aire.")],
     {"title": "Schleusen", "publisher": "Aire", "container-title": None, "type": "book"}),
    ([("author", "Okafor B "), ("date", "(1986) "), ("container-title", "Schleusen. Aire, Bad Lippstadt")],
     {"title": "Schleusen", "publisher": "Aire", "publisher-place": "Bad Lippstadt"}),
    # an unsigned entry in a reference work keeps the work as its container
    ([("container-title", "Inland Waterways Board. Encyclopaedia of Shipping. "), ("date", "2024.")],
     {"title": "Inland Waterways Board", "container-title": "Encyclopaedia of Shipping"}),
])
def test_a_short_name_after_a_title_in_one_journal_span_is_the_publisher(spans: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item(spans), expected)


def test_unplaced_text_after_the_names_with_no_imprint_stays_a_note() -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item([("author", "B. Okafor, "), ("note", "private communication "), ("date", "(2017).")]),
                  {"title": None, "note": "private communication"})


@pytest.mark.parametrize("spans", [
    [("author", "Okafor, Bisi A. LEEDS "), ("date", "1848: "), ("title", "The Canal Riots. "),
     ("publisher", "Harbour Press, "), ("date", "2007.")],
    [("author", "Okafor BA. "), ("container-title", "LEEDS "), ("date", "1848: "), ("title", "The Canal Riots. "),
     ("publisher", "Harbour Press; "), ("date", "2007.")],
])
def test_a_year_before_a_colon_opens_the_title(spans: list) -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item(spans)
    assert_fields(item, {"title": "LEEDS 1848: The Canal Riots", "publisher": "Harbour Press",
                         "issued": {"date-parts": [[2007]]}})
    assert item["author"][0]["family"] == "Okafor"


def test_a_bare_number_closing_an_edited_books_title_is_part_of_it() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Okafor, B. "), ("date", "(1995). "), ("title", "Barges by night. "),
             ("editor", "In K. Lund (Ed.), "), ("container-title", "Advances in Canal Engineering "), ("issue", "7. "),
             ("publisher", "Harbour Press.")]
    assert_fields(spans_to_item(spans), {"container-title": "Advances in Canal Engineering 7", "issue": None,
                                         "volume": None, "publisher": "Harbour Press"})


def test_a_misprinted_isbn_is_kept() -> None:
    item = convert.parse_reference("OKAFOR, Bisi, 2007. Barge atlas. Leeds: Harbour Press. ISBN 978-0-19-921070-5.",
                                   parser="tagger")
    assert item["custom"]["invalid-isbn"] == "9780199210705" and "ISBN" not in item
    valid = convert.parse_reference("OKAFOR, Bisi, 2007. Barge atlas. Leeds: Harbour Press. ISBN 978-0-19-921070-1.",
                                    parser="tagger")
    assert valid["ISBN"] == "9780199210701" and "custom" not in valid


@pytest.mark.parametrize("spans", [
    [("author", "Okafor, B. "), ("date", "(1989). "), ("title", "Barges. "), ("container-title", "Canal Monthly, "),
     ("volume", "(16), "), ("pages", "3–18.")],
    [("author", "OKAFOR, Bisi. "), ("title", "Barges. "), ("container-title", "Canal Monthly, n. "), ("volume", "16, "),
     ("pages", "p. 3–18, "), ("date", "1989.")],
])
def test_a_magazines_issue_with_no_volume(spans: list) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item(spans), {"container-title": "Canal Monthly", "issue": "16", "volume": None})


def test_an_inverted_first_name_with_a_particle_then_names_in_order() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", "van Berg, D. H., C. W. Okafor, and O. H. Lund. "), ("date", "2001. "),
                          ("title", "“Locks.” "), ("container-title", "Canal Review "), ("volume", "4: "),
                          ("pages", "1–9.")])
    assert [(p.get("non-dropping-particle"), p["family"]) for p in item["author"]] == \
        [("van", "Berg"), (None, "Okafor"), (None, "Lund")]


@pytest.mark.parametrize("spans,issued", [
    ([("author", "OKAFOR, Bisi. "), ("title", "Locks. "), ("container-title", "Canal Monthly, abr. "), ("date", "2019.")],
     [[2019, 4]]),
    ([("author", "Okafor, Bisi. "), ("date", "2019. "), ("title", "“Locks.” "),
      ("container-title", "Canal Monthly, Dec. 3.")], [[2019, 12, 3]]),
])
def test_a_month_left_at_the_end_of_the_journal_completes_the_date(spans: list, issued: list) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item(spans), {"container-title": "Canal Monthly", "issued": {"date-parts": issued}})


def test_a_long_run_of_capitals_before_an_isbn_is_checked_in_linear_time() -> None:
    """The check for ISO 690's family name in capitals once nested two repetitions: 38 capitals
    took two seconds, each one more doubled it."""
    import time

    started = time.perf_counter()
    assert choose_parser("A" * 60 + " barges. Leeds: Harbour Press. ISBN 978-0-19-921070-1.") == "cs1"
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("spans,expected", [
    # AMA's publisher unknown to the tagger before "; Year", read as a journal
    ([("author", "Okafor B. "), ("title", "Canal Engineering: Locks and Weirs. "), ("container-title", "IWA; "),
      ("date", "1993.")], {"publisher": "IWA", "container-title": None, "type": "book"}),
    # a chapter's book before its publisher keeps its place as the book
    ([("author", "Okafor B. "), ("title", "Locks by night. "),
      ("container-title", "In: Proceedings of the Workshop on Locks. IWA, "), ("date", "1996.")],
     {"title": "Locks by night", "container-title": "Proceedings of the Workshop on Locks", "publisher": "IWA"}),
])
def test_a_publisher_the_tagger_does_not_know_before_the_year(spans: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item(spans), expected)


def test_a_publishers_last_words_read_into_its_place() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Okafor, B. "), ("title", "Locks. "), ("container-title", "In Proceedings of Canals; "),
             ("publisher", "Harbour "), ("location", "Press: Leeds, UK, "), ("date", "1987; "), ("pages", "pp 24–30.")]
    assert_fields(spans_to_item(spans), {"publisher": "Harbour Press", "publisher-place": "Leeds, UK"})


def test_a_publisher_read_as_the_place() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Okafor B. "), ("title", "Locks. "), ("editor", "In: Lund K, ed. "),
             ("container-title", "Canal Engineering. "), ("location", "Aire Valley Publishers; "), ("date", "1999:"),
             ("pages", "9-19.")]
    assert_fields(spans_to_item(spans), {"publisher": "Aire Valley Publishers", "publisher-place": None})


@pytest.mark.parametrize("spans,expected", [
    ([("author", "Okafor, B. "), ("title", "Locks and Weirs: A "), ("publisher", "Northern Survey; "),
      ("location", "Leeds, UK, "), ("date", "2011.")],
     {"title": "Locks and Weirs: A Northern Survey", "publisher": None, "publisher-place": "Leeds, UK"}),
    # the rest of the "publisher" after the title's sentence stays the publisher
    ([("author", "Okafor B "), ("date", "(2009) "), ("title", "Locks. "), ("editor", "In: Lund K (ed) "),
      ("title", "A Manual of "), ("publisher", "Canals, Third Edition. Harbour Press, "), ("location", "Leeds")],
     {"container-title": "A Manual of Canals", "publisher": "Harbour Press", "edition": "3"}),
    # after a quoted title the article is the publisher's
    ([("author", "Okafor, B., "), ("date", "2010, "), ("title", '"Locks",The '), ("publisher", "Harbour Press ")],
     {"publisher": "Harbour Press"}),
])
def test_a_title_ending_on_an_article_before_the_publisher(spans: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item(spans), expected)


def test_a_lower_case_headword_is_no_author() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", "lock. "), ("date", "2023. "), ("container-title", "Canal Dictionary.")])
    assert_fields(item, {"title": "lock", "author": None, "container-title": "Canal Dictionary"})


def test_software_version_read_as_a_journals_volume() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", "Okafor, Bisi. "), ("container-title", "Lockmaster. Version "), ("volume", "2.4.1, "),
                          ("date", "2023, "), ("url", "https://lockmaster.example.org.")])
    assert_fields(item, {"title": "Lockmaster", "version": "2.4.1", "container-title": None, "volume": None})


def test_an_access_date_with_no_access_word_and_no_title_is_the_title() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("publisher", "Canal Statistics Office. "), ("date", "2021. "), ("accessed", "Census 2021. "),
             ("location", "Leeds: "), ("publisher", "CSO.")]
    assert_fields(spans_to_item(spans), {"title": "Census 2021", "author": [{"literal": "Canal Statistics Office"}],
                                         "publisher": "CSO", "accessed": None})
    kept = spans_to_item([("author", "Okafor, B. "), ("title", "Locks. "), ("accessed", "Accessed 3 May 2021.")])
    assert kept["accessed"] == {"date-parts": [[2021, 5, 3]]}


def test_a_versioned_work_in_no_container_is_software() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", "Okafor, Bisi. "), ("container-title", "Lockmaster. Version "), ("volume", "2.4.1, "),
                          ("date", "2023, "), ("url", "https://lockmaster.example.org.")])
    assert item["type"] == "software"


@pytest.mark.parametrize("spans,kind", [
    ([("author", "Okafor, B., "), ("date", "2014. "), ("title", "Barges return. "), ("container-title", "The Leeds Post, "),
      ("date", "6 Sept., "), ("pages", "p.A1.")], "article-newspaper"),
    ([("author", "Okafor, Bisi. "), ("title", "“Barges Return.” "), ("container-title", "Canal Life, "),
      ("date", "May 2019.")], "article-magazine"),
    # a journal keeps its type without a volume when its name says so
    ([("author", "Okafor, B. "), ("date", "(2019, May). "), ("title", "Barges. "),
      ("container-title", "Journal of Canals.")], "article-journal"),
])
def test_a_periodical_dated_to_the_day_or_month_with_no_volume(spans: list, kind: str) -> None:
    from convert.tagger.spans import spans_to_item

    assert spans_to_item(spans)["type"] == kind


def test_a_day_and_month_after_the_work_complete_a_year_only_date() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", "Okafor, B., "), ("date", "2014. "), ("title", "Barges return. "),
                          ("container-title", "The Leeds Post, "), ("date", "6 Sept., "), ("pages", "p.A1.")])
    assert_fields(item, {"issued": {"date-parts": [[2014, 9, 6]]}, "note": None})


def test_a_container_before_a_quoted_title_is_not_merged_into_it() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("container-title", "Harbour Board. "), ("title", "“Lock Hours.” "),
                          ("accessed", "Accessed March 5, 2024. "), ("url", "https://harbour.example.org/locks.")])
    assert_fields(item, {"title": "Lock Hours", "container-title": "Harbour Board"})


def test_a_title_case_in_with_no_punctuation_before_it_is_the_titles() -> None:
    from convert.tagger.spans import spans_to_item

    # the tagger cut "In" out of a title-case report title: no book follows, the body is the publisher
    spans = [("author", "Okafor, B. "), ("date", "(2016). "), ("title", "Lock Gates Repaired "),
             ("container-title", "In Three Northern Canals. Inland Waterways Commission.")]
    assert_fields(spans_to_item(spans), {"title": "Lock Gates Repaired In Three Northern Canals",
                                         "publisher": "Inland Waterways Commission", "container-title": None})
    # after a sentence's end "In" opens the book
    chapter = [("author", "Okafor, B. "), ("date", "(2016). "), ("title", "Lock gates repaired. "),
               ("container-title", "In Three Northern Canals. "), ("publisher", "Inland Waterways Commission.")]
    assert_fields(spans_to_item(chapter), {"title": "Lock gates repaired", "container-title": "Three Northern Canals"})


@pytest.mark.parametrize("text,expected", [
    ("Okafor, B. (2011). Sluice gate actuator (Patent No. 7654321).",
     {"type": "patent", "number": "7654321", "title": "Sluice gate actuator", "issue": None, "volume": None}),
    ("Okafor, Bisi. 2011. Sluice gate actuator. Patent 7654321, issued March 3, 2011.",
     {"type": "patent", "number": "7654321", "container-title": None, "volume": None, "issued": {"date-parts": [[2011, 3, 3]]}}),
    ("Okafor, B. (2011). Sluice gate actuator (U.S. Patent No. 7,654,321). U.S. Patent and Trademark Office.",
     {"type": "patent", "number": "7,654,321", "genre": None}),
    # the styles' words for the manuscript type are no note
    ("Okafor, B. (1994). Notes on canal tolls [Unpublished manuscript].", {"type": "manuscript", "note": None}),
    ("Okafor, Bisi. 1994. “Notes on Canal Tolls.” Unpublished manuscript.", {"type": "manuscript", "note": None}),
])
def test_a_patents_number_and_an_unpublished_manuscript(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text, parser="tagger"), expected)


def test_a_second_book_after_the_editors_is_the_publisher_their_sentence_spills_into() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Okafor, Bisi. "), ("date", "2016. "), ("title", "“Lock Gates Repaired.” "),
             ("container-title", "In Canal Histories, "),
             ("editor", "edited by Ada Mensah. Ministry of Transport, "),
             ("container-title", "Department of Inland Waterways.")]
    assert_fields(spans_to_item(spans), {"container-title": "Canal Histories",
                                         "publisher": "Ministry of Transport, Department of Inland Waterways",
                                         "editor": [{"family": "Mensah", "given": "Ada"}]})
    # with a page range after it the second span is no imprint and stays as it was read
    paged = spans[:-1] + [("container-title", "Department of Inland Waterways, "), ("pages", "12–19.")]
    assert "publisher" not in spans_to_item(paged)


def test_the_book_after_vancouvers_editors_role_is_the_container() -> None:
    from convert.tagger.spans import spans_to_item

    # the tagger read the book's first words (with their own periods) into the editors
    spans = [("author", "Okafor B. "), ("title", "Lock gates. "), ("editor", "In: Mensah A, editor. U.K. "),
             ("title", "inland waterways. "), ("location", "Leeds: "), ("publisher", "Canal Press; "),
             ("date", "2016. "), ("pages", "p. 12–19.")]
    assert_fields(spans_to_item(spans), {"container-title": "U.K. inland waterways", "title": "Lock gates",
                                         "editor": [{"family": "Mensah", "given": "A."}]})
    # ... or the whole book, and the place after it
    whole = [("author", "Okafor B. "), ("title", "Lock gates. "),
             ("editor", "In: Mensah A, Lund K, eds. Canal Histories. Leeds: "), ("publisher", "Canal Press; "),
             ("date", "2016:12-19.")]
    assert_fields(spans_to_item(whole), {"container-title": "Canal Histories", "publisher-place": "Leeds",
                                         "publisher": "Canal Press",
                                         "editor": [{"family": "Mensah", "given": "A."}, {"family": "Lund", "given": "K."}]})


def test_ieees_book_read_into_its_editors_is_the_container() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "B. Okafor, "), ("title", "“Lock gates,” "),
             ("editor", "in U.K. inland waterways, A. Mensah and K. Lund, Eds., "), ("location", "Leeds: "),
             ("publisher", "Canal Press, "), ("date", "2016, "), ("pages", "pp. 12–19.")]
    assert_fields(spans_to_item(spans), {
        "container-title": "U.K. inland waterways", "type": "chapter",
        "editor": [{"family": "Mensah", "given": "A."}, {"family": "Lund", "given": "K."}]})
    # a book whose last words are no given-first names keeps the tagger's reading
    unnamed = spans[:2] + [("editor", "in U.K. inland waterways, Eds., ")] + spans[3:]
    assert "container-title" not in spans_to_item(unnamed)


@pytest.mark.parametrize("imprint,variable", [("Canal Ministry, Department of Waterways, ", "publisher"),
                                              ("Oxford, ", "publisher-place")])
def test_a_second_title_after_springers_in_editors_is_the_book(imprint: str, variable: str) -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Okafor B "), ("date", "(2016) "), ("title", "Lock gates. "), ("editor", "In: Mensah A (ed) "),
             ("title", "Canal histories. "), ("container-title", imprint), ("pages", "pp 12–19")]
    assert_fields(spans_to_item(spans), {"title": "Lock gates", "container-title": "Canal histories",
                                         variable: imprint.rstrip(", "), "type": "chapter"})
    # a journal's volume after it: the tagger's container stays
    journal = spans[:-2] + [("container-title", "Canal Review "), ("volume", "12:"), ("pages", "12–19")]
    assert spans_to_item(journal)["container-title"] == "Canal Review"


@pytest.mark.parametrize("place", ["Dordrecht", "Thousand Oaks", "Aldershot", "São Paulo", "Frankfurt am Main", "New Jersey"])
def test_publishing_towns_printed_alone_are_places(place: str) -> None:
    from convert.normalize.publishers import is_place

    assert is_place(place)
    item = convert.parse_reference(f"7. Okafor, B. Canal Histories and Lock Keepers. ({place}, 1968).")
    assert_fields(item, {"publisher-place": place, "publisher": None, "title": "Canal Histories and Lock Keepers"})


def test_a_place_left_at_the_end_of_a_chapters_book_is_the_place() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Okafor, B. "), ("date", "(2016) "), ("title", "“Lock gates,” "),
             ("editor", "in A. Mensah (ed.) "), ("container-title", "Canal Histories of the North. Leeds: "),
             ("publisher", "Canal Press, "), ("pages", "pp. 12–19.")]
    assert_fields(spans_to_item(spans), {"container-title": "Canal Histories of the North", "publisher-place": "Leeds",
                                         "publisher": "Canal Press"})
    # a subtitle after a colon is no place: "Volume II: The North" stays in the book
    volume = spans[:4] + [("container-title", "Canal Histories. Volume II: "), ("publisher", "The North, ")] + spans[6:]
    assert spans_to_item(volume)["container-title"].startswith("Canal Histories. Volume II")


@pytest.mark.parametrize("spans", [
    [("author", "Okafor B. "), ("title", "Why locks leak. Canal Weekly [Internet]. "), ("date", "2019 Mar 4. "),
     ("url", "Available from: https://canalweekly.example.org/locks")],
    [("author", "Okafor B. "), ("title", "Why locks leak. Canal Weekly "), ("note", "[Internet]. 2019 Mar 4. Available from: "),
     ("url", "https://canalweekly.example.org/locks")],
])
def test_the_sentence_vancouvers_internet_mark_closes_is_the_periodical(spans: list) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item(spans), {"title": "Why locks leak", "container-title": "Canal Weekly", "publisher": None})


def test_connecting_words_left_once_the_web_details_are_read_leave_no_note() -> None:
    from convert.tagger.spans import spans_to_item

    # Vancouver: the dates read from the note take their brackets; "[Internet]. Available from" is left
    vancouver = [("author", "Okafor B. "), ("title", "Why locks leak. "), ("container-title", "Canal Weekly "),
                 ("note", "[Internet]. 2019 Mar 4 [cited 2024 Jan 2]. Available from: "),
                 ("url", "https://canalweekly.example.org/locks")]
    item = spans_to_item(vancouver)
    assert_fields(item, {"note": None, "accessed": {"date-parts": [[2024, 1, 2]]},
                         "issued": {"date-parts": [[2019, 3, 4]]}})
    # Harvard's "Available at:" before the URL
    harvard = [("author", "Okafor, B. "), ("date", "(2019) "), ("title", "Why locks leak. "), ("note", "Available at: "),
               ("url", "https://canalweekly.example.org/locks"), ("accessed", "(Accessed: 2 January 2024).")]
    assert_fields(spans_to_item(harvard), {"note": None, "URL": "https://canalweekly.example.org/locks"})
    # a note with words of its own stays, and so does a bracket it opens
    kept = vancouver[:3] + [("note", "[Internet]. 2019 Mar 4 [cited 2024 Jan 2]. Lock keepers’ edition. ")] + vancouver[4:]
    assert spans_to_item(kept)["note"] == "[Internet]. Lock keepers’ edition"


def test_a_translators_name_cut_before_the_middle_initial_is_whole() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Okafor, Bisi. "), ("title", "Canal Histories. "), ("translator", "Translated by Ada "),
             ("author", "K. Mensah. "), ("publisher", "Canal Press, "), ("date", "1990.")]
    assert_fields(spans_to_item(spans), {"translator": [{"family": "Mensah", "given": "Ada K."}],
                                         "author": [{"family": "Okafor", "given": "Bisi"}], "publisher": "Canal Press"})


@pytest.mark.parametrize("text", [
    "Okafor, Bisi. Canal Histories. Translated by Ada K. Mensah. 1931; Canal Press, 1990.",
    "Okafor, Bisi. Canal Histories. Translated by Ada K. Mensah. 1931; Leeds: Canal Press, 1990.",
])
def test_chicagos_year_and_semicolon_after_the_translator_is_the_originals(text: str) -> None:
    assert_fields(convert.parse_reference(text, parser="tagger"),
                  {"issued": {"date-parts": [[1990]]}, "original-date": {"date-parts": [[1931]]}, "volume": None})


@pytest.mark.parametrize("names,expected", [
    ("Transue, W. R. ", [{"family": "Transue", "given": "W. R."}]),
    ("Trani, Ada, and Trask, Bisi. ", [{"family": "Trani", "given": "Ada"}, {"family": "Trask", "given": "Bisi"}]),
])
def test_a_family_name_starting_like_trans_is_no_translators_mark(names: str, expected: list) -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", names), ("date", "(1990). "), ("title", "Canal histories. "), ("publisher", "Canal Press.")]
    assert spans_to_item(spans)["author"] == expected


@pytest.mark.parametrize("text,expected", [
    ("Canal Trust [Internet]. [cited 2024 Jan 2]. Lock keepers. Available from: https://canals.example.org/keepers",
     {"title": "Lock keepers", "container-title": "Canal Trust", "issued": None, "type": "webpage", "note": None,
      "accessed": {"date-parts": [[2024, 1, 2]]}}),
    ("Canal Trust. Canal Trust [Internet]. Leeds: Waterways Press; 2019 [cited 2024 Jan 2]. Why locks leak. "
     "Available from: https://canals.example.org/locks",
     {"author": [{"literal": "Canal Trust"}], "title": "Why locks leak", "container-title": "Canal Trust",
      "publisher": "Waterways Press", "publisher-place": "Leeds", "issued": {"date-parts": [[2019]]}, "type": "webpage"}),
])
def test_vancouvers_part_of_a_web_site(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text, parser="tagger"), expected)


def test_vancouvers_online_article_is_no_part_of_a_web_site() -> None:
    item = convert.parse_reference("Okafor B. Why locks leak. Canal Weekly [Internet]. 2019 Mar 4 [cited 2024 Jan 2]. "
                                   "Available from: https://canalweekly.example.org/locks", parser="tagger")
    assert_fields(item, {"title": "Why locks leak", "container-title": "Canal Weekly",
                         "author": [{"family": "Okafor", "given": "B."}]})


@pytest.mark.parametrize("spans,expected", [
    ([("author", "B. Okafor, "), ("title", "“Lock gates in the north,” "), ("container-title", "Canal Research Office, "),
      ("location", "Leeds, "), ("genre", "CRO Report R1234, "), ("date", "Mar. 2020.")],
     {"genre": "CRO Report", "number": "R1234", "publisher": "Canal Research Office", "container-title": None,
      "type": "report"}),
    ([("author", "Okafor, Bisi. "), ("title", "Lock Gates in the North. "),
      ("genre", "Technical Report no. 11, Canal Research Office, "), ("date", "3 Mar. 2020.")],
     {"genre": "Technical Report", "number": "11", "publisher": "Canal Research Office", "type": "report"}),
])
def test_a_reports_number_and_body_leave_its_genre(spans: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item(spans), expected)


def test_an_institution_before_ieees_quoted_title_is_the_author() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("citation-number", "[4] "), ("container-title", "Inland Waterways Commission, "),
             ("title", "“Annual report 2022,” "), ("publisher", "Canal Press, "), ("location", "Leeds, "),
             ("date", "Mar. 2023.")]
    assert_fields(spans_to_item(spans), {"author": [{"literal": "Inland Waterways Commission"}],
                                         "title": "Annual report 2022", "container-title": None})


@pytest.mark.parametrize("body,variable", [("Canal Research Service, ", "publisher"),
                                           ("Proc. Int. Conf. Canal Engineering, ", "container-title")])
def test_a_body_before_its_place_after_ieees_quoted_title_is_the_publisher(body: str, variable: str) -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("citation-number", "[4] "), ("author", "B. Okafor, "), ("title", "“Annual report 2022,” "),
             ("container-title", body), ("location", "Leeds, "), ("date", "Mar. 2023. "),
             ("url", "[Online]. Available: https://canals.example.org/report")]
    assert spans_to_item(spans)[variable] == body.rstrip(", ")


def test_the_web_page_rule_stays_linear_on_a_long_run_of_white_space() -> None:
    import time

    from convert.tagger.repair.item_web import _vancouver_web_page

    # before (?<!\s) the URL pattern restarted at every space of the run: 74 s for 50,000 spaces
    item: dict = {}
    started = time.perf_counter()
    _vancouver_web_page("Canal Trust [Internet]. [cited 2024 Jan 2]. Lock keepers" + " " * 50_000 + "x", item)
    assert time.perf_counter() - started < 2.0
    assert item["title"].startswith("Lock keepers")


def test_vancouvers_full_date_before_cited_inside_one_date_span() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Okafor B. "), ("title", "Why locks leak. "), ("container-title", "Canal Weekly [Internet]. "),
             ("date", "2019 Mar 4 [cited 2024 Jan 2]. "), ("url", "Available from: https://canalweekly.example.org/locks")]
    assert_fields(spans_to_item(spans), {"issued": {"date-parts": [[2019, 3, 4]]},
                                         "accessed": {"date-parts": [[2024, 1, 2]]}})


@pytest.mark.parametrize("label", ["genre", "note"])
def test_mhras_unpublished_thesis_genre_before_the_university(label: str) -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Okafor, Chidi, "), ("title", "‘Water Rights in the Delta’ "),
             (label, "(unpublished doctoral thesis, "), ("publisher", "University of Lagos, "), ("date", "2011)")]
    assert_fields(spans_to_item(spans), {"publisher": "University of Lagos", "genre": "doctoral thesis",
                                         "title": "Water Rights in the Delta", "type": "thesis"})


@pytest.mark.parametrize("title,expected", [
    ("Coastal erosion models, Lund University, Master’s ",
     {"title": "Coastal erosion models", "publisher": "Lund University", "genre": "Master’s thesis"}),
    # a part with no university's word stays in the title; only the degree leaves it
    ("Rivers, Roads and Rails, Master’s ", {"title": "Rivers, Roads and Rails", "genre": "Master’s thesis"}),
])
def test_dins_university_and_degree_left_in_the_title(title: str, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Lindqvist, Maja: "), ("title", title), ("genre", "thesis, "), ("date", "2018")]
    assert_fields(spans_to_item(spans), {**expected, "type": "thesis"})


def test_dins_place_before_the_university_read_as_one_place() -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Lindqvist, Maja: "), ("title", "Coastal erosion models. "),
             ("location", "Lund, Lund University, "), ("genre", "PhD thesis, "), ("date", "2018")]
    assert_fields(spans_to_item(spans), {"publisher": "Lund University", "publisher-place": "Lund"})


def test_the_title_university_degree_cut_stays_linear_on_a_long_title() -> None:
    import time

    from convert.tagger.spans import spans_to_item

    started = time.perf_counter()
    spans_to_item([("title", "A, " * 20_000 + "B" * 30_000 + " Master’s "), ("genre", "thesis")])
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("title,publisher,expected", [
    # DIN's "Author: Title" with a body's name for the author and no person anywhere
    ("Inland Waterways Commission: Annual survey of locks. ", "Canal Press, ",
     {"author": [{"literal": "Inland Waterways Commission"}], "title": "Annual survey of locks"}),
    # no body's word, but the same name publishes it
    ("Canal Research Trust: Annual survey of locks. ", "Canal Research Trust, ",
     {"author": [{"literal": "Canal Research Trust"}], "title": "Annual survey of locks"}),
    # a subject before a title's own colon stays in the title
    ("Canal Locks: A Short History. ", "Canal Press, ", {"author": None, "title": "Canal Locks: A Short History"}),
])
def test_a_bodys_name_before_dins_colon_is_the_author(title: str, publisher: str, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("title", title), ("location", "Leeds : "), ("publisher", publisher), ("date", "2019")]
    assert_fields(spans_to_item(spans), expected)


@pytest.mark.parametrize("spans,expected", [
    # the Lancet: the title's year cut off as a date, the publisher's last word and the year left as a note
    ([("citation-number", "7 "), ("container-title", "Inland Waterways Commission. Canal survey "), ("date", "2019. "),
      ("location", "Leeds: "), ("publisher", "Canal Research "), ("note", "Office, 2020 "),
      ("url", "https://canals.example.org/survey.")],
     {"title": "Canal survey 2019", "issued": {"date-parts": [[2020]]}, "publisher": "Canal Research Office"}),
    # ACS: "Title 2019; Publisher: Place, 2020." with the title's year before a semicolon
    ([("container-title", "Inland Waterways Commission. Canal Survey "), ("date", "2019; "),
      ("title", "Canal Research Office: Leeds, "), ("note", "2020. "), ("url", "https://canals.example.org/survey.")],
     {"title": "Canal Survey 2019", "issued": {"date-parts": [[2020]]}, "publisher": "Canal Research Office"}),
])
def test_a_year_that_closes_a_reports_title_when_the_date_comes_later(spans: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item(spans), {**expected, "author": [{"literal": "Inland Waterways Commission"}]})


def test_a_bare_year_left_as_a_note_is_the_date() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", "Okafor B. "), ("title", "Lock gates of the north. "),
                          ("publisher", "Canal Press; "), ("note", "2020.")])
    assert_fields(item, {"issued": {"date-parts": [[2020]]}, "note": None})


@pytest.mark.parametrize("place", ["Vol. 2. Leeds: ", "Bd. 2. Leeds: ", "Vol. II, Leeds: "])
def test_a_books_volume_read_into_the_place_after_it(place: str) -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("author", "Okafor B. "), ("title", "Inland waterways. "), ("edition", "2nd ed. "),
             ("location", place), ("publisher", "Canal Press; "), ("date", "2019.")]
    assert_fields(spans_to_item(spans), {"volume": place.split()[1].rstrip(".,"), "publisher-place": "Leeds"})


@pytest.mark.parametrize("authors", [
    "A. Okafor, B. Lund, C. E. Marsh, ",            # Science, PNAS: no "and", a comma before the title
    "A. Okafor, B. Lund, C. E. Marsh-Hale, ",
    "A. Okafor, C. E. Marsh, ",
    "A. B. de Okafor, C. E. Marsh, ",                # a particle in the first name (Elsevier: "M.P. de Maat,")
])
def test_given_first_names_keep_the_last_family_name_before_the_title(authors: str) -> None:
    from convert.tagger.spans import spans_to_item

    spans = [("citation-number", "2.  "), ("author", authors), ("title", "Lock gates of the north. "),
             ("container-title", "Canal Stud. "), ("volume", "12, "), ("pages", "101–110 "), ("date", "(2019).")]
    item = spans_to_item(spans)
    families = [name.strip(", ").split()[-1] for name in authors.split(", ") if name.strip(", ")]
    assert [name["family"] for name in item["author"]] == families
    assert item["title"] == "Lock gates of the north"


def test_acs_initials_then_the_titles_first_word_still_go_back_to_the_title() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", "Okafor, A.; Lund, B. Lock "), ("title", "Gates of the North. "),
                          ("container-title", "Canal Stud. "), ("date", "2019, "), ("volume", "12, "),
                          ("pages", "101–110.")])
    assert [name["family"] for name in item["author"]] == ["Okafor", "Lund"]
    assert item["title"] == "Lock Gates of the North"


@pytest.mark.parametrize("spans, expected", [
    # RSC prints no article title: the journal follows the given-first names
    ([("citation-number", "4 "), ("author", "A. Okafor, B. Lund and C. E. Marsh, Canal Studies, "), ("date", "2019, "),
      ("volume", "12, "), ("pages", "101–110.")],
     {"author": [{"family": "Okafor", "given": "A."}, {"family": "Lund", "given": "B."},
                 {"family": "Marsh", "given": "C. E."}], "container-title": "Canal Studies", "volume": "12"}),
    # a book: no numbers follow, so the words are its title
    ([("citation-number", "5 "), ("author", "A. Okafor, Lock Gates, "), ("publisher", "Canal Press, "),
      ("location", "Leeds, "), ("date", "2019.")],
     {"author": [{"family": "Okafor", "given": "A."}], "title": "Lock Gates", "publisher": "Canal Press"}),
])
def test_a_work_read_into_given_first_names(spans: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item(spans), expected)


def test_given_first_names_alone_are_left_as_they_are() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", "A. Okafor, B. Lund and C. E. Marsh, "), ("date", "2019.")])
    assert [name["family"] for name in item["author"]] == ["Okafor", "Lund", "Marsh"]
    assert "title" not in item and "container-title" not in item


@pytest.mark.parametrize("authors, expected", [
    ("Gerald Martin Bordman and Tomas S. Hischak. ", [("Bordman", "Gerald Martin"), ("Hischak", "Tomas S.")]),
    ("Lloyd A. Davidson & Kimberly Douglas. ", [("Davidson", "Lloyd A."), ("Douglas", "Kimberly")]),
    ("Okafor B and Lund KL. ", [("Okafor", "B."), ("Lund", "K. L.")]),
    ("Bordman, Gerald Martin, and Tomas S. Hischak. ", [("Bordman", "Gerald Martin"), ("Hischak", "Tomas S.")]),
])
def test_two_names_joined_by_and_with_no_comma_are_two_people(authors: str, expected: list) -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", authors), ("date", "2004. "), ("title", "Lock gates of the north. "),
                          ("publisher", "Canal Press.")])
    assert [(name.get("family"), name.get("given")) for name in item["author"]] == expected


@pytest.mark.parametrize("body", ["Food and Agriculture Organization", "Department of Health and Human Services"])
def test_a_bodys_name_with_and_stays_one_author(body: str) -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", body + ". "), ("date", "2004. "), ("title", "Lock gates of the north.")])
    assert item["author"] == [{"literal": body}]


def test_given_first_pair_with_a_middle_initial_is_no_vancouver_name() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", "Ada Okafor and Larry L. Lund. "), ("title", "Lock gates of the north. "),
                          ("container-title", "In Proceedings of the Canal Symposium, "), ("pages", "pages 1–10. "),
                          ("date", "1996.")])
    assert [(name["family"], name["given"]) for name in item["author"]] == [("Okafor", "Ada"), ("Lund", "Larry L.")]
    assert item["title"] == "Lock gates of the north"


@pytest.mark.parametrize("authors, expected", [
    ("Divesh Srivastava, Thomas Kirk, and Alon Y. Levy. ", [("Srivastava", "Divesh"), ("Kirk", "Thomas"), ("Levy", "Alon Y.")]),
    ("Ada Okafor, Bea Lund, Cy Marsh. ", [("Okafor", "Ada"), ("Lund", "Bea"), ("Marsh", "Cy")]),
    # still Vancouver and inverted lists
    ("Okafor IA, Lund YM, Marsh K. ", [("Okafor", "I. A."), ("Lund", "Y. M."), ("Marsh", "K.")]),
    ("Okafor, Ada, and Bea Lund. ", [("Okafor", "Ada"), ("Lund", "Bea")]),
])
def test_acms_full_given_first_names_one_per_comma(authors: str, expected: list) -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", authors), ("date", "2004. "), ("title", "Lock gates of the north. "),
                          ("publisher", "Canal Press.")])
    assert [(name.get("family"), name.get("given")) for name in item["author"]] == expected


@pytest.mark.parametrize("numbers, expected", [
    ([("volume", "31, 1 "), ("date", "(1984), "), ("pages", "114–127.")], {"volume": "31", "issue": "1", "page": "114-127"}),
    ([("volume", "19, "), ("pages", "7 "), ("date", "(July 1976), "), ("pages", "395–404.")],
     {"volume": "19", "issue": "7", "page": "395-404"}),
    ([("volume", "46, "), ("date", "(2000), 199–228.")], {"volume": "46", "page": "199-228"}),
    # no pages: the year printed after the names as well marks ACM's issue
    ([("volume", "2, "), ("pages", "12 "), ("date", "(2014).")], {"volume": "2", "issue": "12", "page": None}),
])
def test_acms_volume_issue_and_bracketed_date(numbers: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    year = next(re.search(r"\d{4}", text).group(0) for label, text in numbers if label == "date")
    spans = [("citation-number", "[1] "), ("author", "A. Okafor. "), ("date", f"{year}. "),
             ("title", "Lock gates of the north. "), ("container-title", "Canal Stud. ")] + numbers
    assert_fields(spans_to_item(spans), expected)


def test_sciences_page_before_its_only_bracketed_date_stays_the_page() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("citation-number", "2.  "), ("author", "A. Okafor, B. Lund, "),
                          ("title", "Lock gates of the north. "), ("container-title", "Canal Stud. "),
                          ("volume", "289, "), ("pages", "1724 "), ("date", "(2000).")])
    assert_fields(item, {"volume": "289", "page": "1724", "issue": None})


def test_apss_title_read_into_given_first_names_before_the_journal() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("citation-number", "[101] "), ("author", "A. Okafor and B. B. Lund, Aquaporins, "),
                          ("container-title", "J Canal Stud "), ("volume", "54, "), ("pages", "107 "), ("date", "(1998).")])
    assert_fields(item, {"author": [{"family": "Okafor", "given": "A."}, {"family": "Lund", "given": "B. B."}],
                         "title": "Aquaporins", "container-title": "J Canal Stud"})


@pytest.mark.parametrize("author", ["A. Okafor, Lect. ", "A. Okafor, LCTPC Collaboration, "])
def test_a_journals_first_word_or_a_collaboration_stays_with_the_names(author: str) -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", author), ("container-title", "Notes Phys. "), ("volume", "629, "),
                          ("pages", "1 "), ("date", "(2004).")])
    assert "title" not in item


@pytest.mark.parametrize("spans, expected", [
    ([("author", "A. Okafor, "), ("container-title", "Lock Gates, Canal Computing "), ("volume", "6, "),
      ("pages", "141 "), ("date", "(1993).")], {"title": "Lock Gates", "container-title": "Canal Computing"}),
    ([("author", "A. Okafor, "), ("publisher", "Lock Gates of the North (Canal Press, "), ("location", "Leeds, "),
      ("date", "2009).")], {"title": "Lock Gates of the North", "publisher": "Canal Press", "publisher-place": "Leeds"}),
    # a sentence inside: the period ends the title, not the journal's own comma
    ([("author", "A. Okafor, "), ("container-title", "Lock Gates. Canal Computing, New Series "), ("volume", "6, "),
      ("pages", "141 "), ("date", "(1993).")], {"title": "Lock Gates", "container-title": "Canal Computing, New Series"}),
])
def test_apss_title_inside_the_journal_or_the_imprint(spans: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item([("citation-number", "[7] ")] + spans), expected)


def test_a_container_opened_by_in_stays_the_container_when_no_title_was_printed() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("citation-number", "12 "), ("author", "A. Okafor, "),
                          ("container-title", "in Proceedings of the Canal Conference, "), ("publisher", "Canal Press, "),
                          ("date", "1996.")])
    assert_fields(item, {"container-title": "Proceedings of the Canal Conference", "title": None})


@pytest.mark.parametrize("spans, expected", [
    ([("title", "Lock Gates, in Canal Essays: Studies in Honour of Ada Lund, "), ("editor", "edited by B. Okafor "),
      ("location", "(Leeds, "), ("date", "2008), "), ("pages", "pp. 15–29.")],
     {"title": "Lock Gates", "container-title": "Canal Essays: Studies in Honour of Ada Lund"}),
    ([("title", "On Lock Gates, in Canal Engineering: "), ("container-title", "Proceedings of the 1986 Workshop "),
      ("location", "(Leeds, "), ("date", "1987).")],
     {"title": "On Lock Gates", "container-title": "Canal Engineering: Proceedings of the 1986 Workshop"}),
    # a title's own ", in Hamsters." before the journal stays in the title
    ([("title", "Cytokines Induce Leptin, the Ob Gene Product, in Hamsters. "), ("container-title", "J Clin Invest "),
      ("date", "1996, "), ("volume", "97, "), ("pages", "2152–2157.")],
     {"title": "Cytokines Induce Leptin, the Ob Gene Product, in Hamsters", "container-title": "J Clin Invest"}),
])
def test_apss_book_after_comma_in_inside_the_title(spans: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item([("citation-number", "[22] "), ("author", "A. Okafor, ")] + spans), expected)


def test_iops_spaced_initials_after_the_family_name() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("citation-number", "[2] "), ("author", "Okafor A, Lund B M and Marsh C E J "),
                          ("date", "2000 "), ("title", "Lock gates of the north "), ("container-title", "Canal Stud "),
                          ("volume", "289 "), ("pages", "1724–30")])
    assert [(name["family"], name["given"]) for name in item["author"]] == [
        ("Okafor", "A."), ("Lund", "B. M."), ("Marsh", "C. E. J.")]


@pytest.mark.parametrize("spans, expected", [
    # the journal after the title's last comma, right before the volume
    ([("author", "Okafor, A.: "), ("title", "Lock Gates, Canal Computing, "), ("volume", "6, "), ("pages", "141–154, "),
      ("date", "1993.")], {"title": "Lock Gates", "container-title": "Canal Computing"}),
    # the names end at the colon
    ([("author", "Okafor, A. and Lund, B. B.: Aquaporins, "), ("container-title", "J Canal Stud, "), ("volume", "54, "),
      ("pages", "107–118, "), ("date", "1998.")],
     {"author": [{"family": "Okafor", "given": "A."}, {"family": "Lund", "given": "B. B."}], "title": "Aquaporins"}),
    # the only year, read into the pages
    ([("author", "Okafor, A.: "), ("title", "Lock gates, "), ("container-title", "Canal Zeitung, "), ("volume", "26, "),
      ("pages", "9, 1907.")], {"page": "9", "issued": {"date-parts": [[1907]]}}),
    # a book with its publisher keeps its comma-separated title
    ([("author", "Okafor, A. (1964), "), ("title", "Lock Gates, Weirs and Sluices, "), ("volume", "Vols. 2, "),
      ("publisher", "Canal Press, "), ("location", "Leeds.")], {"title": "Lock Gates, Weirs and Sluices"}),
])
def test_copernicus_comma_separated_article(spans: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item(spans), expected)


@pytest.mark.parametrize("journal", ["Phys. Rev. Lett. ", "ACM Trans. Math. Softw. ", "J. Am. Chem. Soc. "])
def test_ahas_journal_abbreviations_with_periods_stay_whole(journal: str) -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("citation-number", "41.  "), ("author", "Okafor A. "),
                          ("title", "Lock gates of the north. "), ("container-title", journal), ("date", "2015;"),
                          ("volume", "114:"), ("pages", "072302.")])
    assert_fields(item, {"title": "Lock gates of the north", "container-title": journal.strip().rstrip(".")})


@pytest.mark.parametrize("spans, expected", [
    ([("title", "Lock gates: a survey: Wiener Canal "), ("container-title", "Zeitung, "), ("volume", "v. 26, "),
      ("pages", "p. 9.")], {"title": "Lock gates: a survey", "container-title": "Wiener Canal Zeitung"}),
    ([("container-title", "Lock Gates: Canal Computing, "), ("volume", "v. 6, "), ("issue", "no. 3, "),
      ("pages", "p. 141–154.")], {"title": "Lock Gates", "container-title": "Canal Computing"}),
    # ABNT: the subtitle ends a sentence before the journal, so the colon is the title's own
    ([("title", "Lock gates: getting barges to Leeds. "), ("container-title", "Canal Studies, "), ("volume", "v. 19, "),
      ("pages", "p. 138–166.")], {"title": "Lock gates: getting barges to Leeds", "container-title": "Canal Studies"}),
])
def test_aapgs_journal_after_the_titles_last_colon(spans: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item([("author", "Okafor, A., "), ("date", "1907, ")] + spans), expected)


@pytest.mark.parametrize("spans", [
    [("author", "A. Okafor, "), ("pages", "x" * 50_000)],
    [("author", "A. Okafor, "), ("title", "x" * 50_000), ("volume", "v. 2, ")],
])
def test_page_and_colon_journal_rules_stay_linear_on_a_long_word(spans: list) -> None:
    import time

    from convert.tagger.spans import spans_to_item

    start = time.perf_counter()
    spans_to_item(spans)
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize("spans, expected", [
    # LNCS: the last name's initials and its colon read as the title's first word
    ([("citation-number", "9. "), ("author", "Okafor, A., Lund, "), ("title", "B.: Lock gates of the north. "),
      ("container-title", "Canal Stud. "), ("volume", "52, "), ("pages", "469–474 "), ("date", "(1998)")],
     {"author": [{"family": "Okafor", "given": "A."}, {"family": "Lund", "given": "B."}], "title": "Lock gates of the north"}),
    # LNCS: no names found, the title starts with them
    ([("citation-number", "40. "), ("title", "DuVal, P.: Homographies, Quaternions and Rotations. "),
      ("publisher", "Clarendon Press, "), ("location", "Oxford "), ("date", "(1964).")],
     {"author": [{"family": "DuVal", "given": "P."}], "title": "Homographies, Quaternions and Rotations"}),
])
def test_lncs_names_closed_by_a_colon(spans: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item(spans), expected)


def test_a_title_with_a_colon_and_no_initials_is_no_name_list() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("title", "Canal Locks: A Short History. "), ("publisher", "Canal Press, "), ("date", "1964.")])
    assert_fields(item, {"title": "Canal Locks: A Short History", "author": None})


@pytest.mark.parametrize("spans, expected", [
    # Harvard (Deakin): names with no role word, labelled editors, are the authors
    ([("editor", "Okafor, AB & Lund, CD "), ("date", "1968, "), ("title", "Lock Gates, "), ("publisher", "Canal Press.")],
     {"author": [{"family": "Okafor", "given": "AB"}, {"family": "Lund", "given": "CD"}], "editor": None}),
    # ... but "(eds)" after them keeps them editors
    ([("editor", "Okafor, AB & Lund, CD "), ("note", "(eds) "), ("date", "1968, "), ("title", "Lock Gates, "),
      ("publisher", "Canal Press.")], {"author": None}),
    # the last initials without periods before the year
    ([("author", "Okafor, "), ("title", "I 1934, Lock Gates, "), ("publisher", "Canal Press, "), ("location", "Leeds.")],
     {"author": [{"family": "Okafor", "given": "I"}], "title": "Lock Gates", "issued": {"date-parts": [[1934]]}}),
    # SPIE: a bracketed book title, then its publisher
    ([("citation-number", "[42]  "), ("author", "Okafor, A., "), ("title", "[Lock Gates: Weirs and Sluices], Canal Press, "),
      ("location", "Leeds "), ("date", "(1993).")], {"title": "Lock Gates: Weirs and Sluices", "publisher": "Canal Press"}),
])
def test_harvard_bare_initials_and_spies_bracketed_book(spans: list, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    assert_fields(spans_to_item(spans), expected)


@pytest.mark.parametrize("phrase", ["Sous la direction de ", "Herausgegeben von ", "A cura di ", "Edited by "])
def test_a_localised_role_phrase_closing_the_book_goes_with_the_editors(phrase: str) -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", "Okafor, A. "), ("date", "1995. "), ("title", "« Lock gates ». "),
                          ("container-title", "Dans Canal Essays 7. " + phrase), ("editor", "B. Lund, et C. Marsh. "),
                          ("publisher", "Canal Press.")])
    assert_fields(item, {"container-title": "Canal Essays 7",
                         "editor": [{"family": "Lund", "given": "B."}, {"family": "Marsh", "given": "C."}]})


@pytest.mark.parametrize("place, expected", [
    ("Paris, Inserm.", {"publisher": "Inserm", "publisher-place": "Paris"}),
    ("London, Allen and Unwin.", {"publisher": "Allen and Unwin", "publisher-place": "London"}),
    # a state, a province, a country or a state's code after the town: still one place
    ("Boulder, Colorado.", {"publisher": None, "publisher-place": "Boulder, Colorado"}),
    ("Cambridge, Mass.", {"publisher": None}),
    ("Amsterdam, The Netherlands.", {"publisher": None}),
    ("Boston, MA.", {"publisher": None}),
])
def test_harvards_place_comma_publisher(place: str, expected: dict) -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("author", "Okafor, A. "), ("date", "(2010) "), ("title", "Lock gates of the north. "),
                          ("location", place)])
    assert_fields(item, expected)


@pytest.mark.parametrize("container, expected", [
    ("In Proceedings of the Proceedings of the Canal Symposium; ", "Proceedings of the Canal Symposium"),
    ("In Proceedings of the MRS Proceedings; ", "MRS Proceedings"),
    ("In Proceedings of the Canal Symposium; ", "Proceedings of the Canal Symposium"),
])
def test_mdpis_own_proceedings_words_before_a_conference_name(container: str, expected: str) -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("citation-number", "1.  "), ("author", "Okafor, A. "), ("title", "Lock Gates. "),
                          ("container-title", container), ("date", "1987; "), ("pages", "pp. 155–162.")])
    assert_fields(item, {"container-title": expected})


def test_amas_presented_at_opens_the_conference() -> None:
    from convert.tagger.spans import spans_to_item

    item = spans_to_item([("citation-number", "12 "), ("author", "Okafor A. "), ("title", "Lock gates. "),
                          ("container-title", "Presented at: Proceedings of the Canal Conference. "),
                          ("publisher", "Canal Press, "), ("date", "1996.")])
    assert_fields(item, {"container-title": "Proceedings of the Canal Conference", "title": "Lock gates"})


@pytest.mark.parametrize("text,expected", [
    ("Aizenberg I. A., Yuzhakov A. P.", [{"family": "Aizenberg", "given": "I. A."}, {"family": "Yuzhakov", "given": "A. P."}]),
    ("Goethe J. W. von", [{"family": "Goethe", "given": "J. W.", "dropping-particle": "von"}]),
    ("Smith J. A. и др.", [{"family": "Smith", "given": "J. A."}]),
])
def test_family_then_dotted_initials(text: str, expected: list) -> None:
    from convert.tagger.repair.text import _names

    people, et_al = _names(text)
    assert people == expected
    assert et_al == ("и др." in text)


@pytest.mark.parametrize("text,expected", [
    # GOST R 7.0.5: "Names Title // Journal. Year. Т. volume. № issue. С. pages."
    ("Lund K. R. Barge registers of the north // Journal of Inland Shipping. 2014. Т. 12. № 3. С. 141–154.",
     {"author": [{"family": "Lund", "given": "K. R."}], "title": "Barge registers of the north",
      "container-title": "Journal of Inland Shipping", "issued": {"date-parts": [[2014]]}, "volume": "12", "issue": "3",
      "page": "141-154", "note": None}),
    ("7. Okafor B., Lund K. Tracing barges upstream // River Studies. 1999. Т. 5. С. 20.",
     {"author": [{"family": "Okafor", "given": "B."}, {"family": "Lund", "given": "K."}], "title": "Tracing barges upstream",
      "container-title": "River Studies", "volume": "5", "page": "20"}),
    ("Durand C. и др. Les péniches du Rhin // Revue fluviale. 2001. № 16. С. 3–18.",
     {"author": [{"family": "Durand", "given": "C."}], "title": "Les péniches du Rhin", "container-title": "Revue fluviale",
      "issue": "16", "page": "3-18"}),
    ("Lund K. Barges in wartime // The river handbook / под ред. P. Hall, A. Lee. Oxford: Harbour Press, 2015. С. 45–67.",
     {"title": "Barges in wartime", "container-title": "The river handbook", "publisher": "Harbour Press",
      "publisher-place": "Oxford", "page": "45-67", "editor": [{"family": "Hall", "given": "P."}, {"family": "Lee", "given": "A."}]}),
])
def test_gost_double_slash_and_cyrillic_numbers(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text), expected)


def test_new_harts_volume_slash_issue() -> None:
    assert_fields(convert.parse_reference("Lund, K. (1993), ‘Barge Registers’, Inland Shipping, 6/3: 141–54."),
                  {"container-title": "Inland Shipping", "volume": "6", "issue": "3", "page": "141-154"})
    # (a range of years stays whole)
    assert convert.parse_reference("Lund, K. (1999), ‘Barge Registers’, Inland Shipping, 1998/99: 141–54.").get("issue") != "99"


@pytest.mark.parametrize("text,expected", [
    # Angewandte Chemie: given-first names, "in" and the book, no title of the part
    ("[12] K. Lund in Proceedings of the Barge Conference, Harbour Society, 1996.",
     {"author": [{"family": "Lund", "given": "K."}], "title": None, "type": "paper-conference"}),
    ("[22] B. Okafor in Rivers and Locks: Essays in Honour of Anna Berg (Eds.: J. Lund, A. Durand), Aldershot, 2008, pp. 15–29.",
     {"author": [{"family": "Okafor", "given": "B."}], "container-title": "Rivers and Locks: Essays in Honour of Anna Berg",
      "editor": [{"family": "Lund", "given": "J."}, {"family": "Durand", "given": "A."}], "publisher-place": "Aldershot",
      "page": "15-29"}),
    ("[50] S. Lund, R. Okafor in Proceedings of the Inland Shipping Symposium (ISS89), 1989, pp. 461–467.",
     {"author": [{"family": "Lund", "given": "S."}, {"family": "Okafor", "given": "R."}], "title": None,
      "page": "461-467"}),
])
def test_angewandte_names_in_book(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text), expected)


@pytest.mark.parametrize("text,expected", [
    # Journal of Finance's and Econometrica's book: the reference closes with "(Publisher, Place)"
    ("Lund, Karin, 2009, Manuel de la navigation fluviale et du droit des ports (Harbour Exchange Ltd, Paris).",
     {"title": "Manuel de la navigation fluviale et du droit des ports", "publisher": "Harbour Exchange Ltd",
      "publisher-place": "Paris", "type": "book"}),
    ("Okafor, B., 2002, Barges of the North. A River History of Small Harbours (Harbour Press, Oxford).",
     {"title": "Barges of the North. A River History of Small Harbours", "publisher": "Harbour Press",
      "publisher-place": "Oxford", "container-title": None}),
])
def test_closing_parenthesised_imprint(text: str, expected: dict) -> None:
    assert_fields(convert.parse_reference(text), expected)


@pytest.mark.parametrize("text", [
    "Lund, K., 1993, Barge Registers, Inland Shipping 6, 141–154.",  # Journal of Finance
    "Lund, K., 1993, Barge Registers, Inland Shipping, 6, no. 3, 141–154.",  # BSSA
])
def test_title_before_the_journals_comma(text: str) -> None:
    assert_fields(convert.parse_reference(text), {"title": "Barge Registers", "container-title": "Inland Shipping",
                                                  "volume": "6", "page": "141-154"})


def test_title_word_read_into_the_date() -> None:
    item = convert.parse_reference("Lund, K., and B. Okafor. 2001. Published registers of river barges often overstate "
                                   "their tonnage. Inland Shipping 6:141–154.")
    assert item["title"] == "Published registers of river barges often overstate their tonnage"
    assert item["issued"] == {"date-parts": [[2001]]}


def test_a_marked_page_stays_a_page() -> None:
    # GOST's "С. 141" after a journal printed with no volume is the page, not the journal's volume
    item = convert.parse_reference("Lund K. Barge registers of the north // Inland Shipping. 2014. С. 141.")
    assert item.get("page") == "141" and "volume" not in item



def test_japanese_volume_issue_and_page_terms() -> None:
    # SIST 02 (and any style rendered with CSL's ja-JP terms): "巻" volume, "号" issue, "ページ" pages
    item = convert.parse_reference("(3) Lund, Karin, Okafor, Ben. Barge registers of the north. Inland Shipping. "
                                   "2014, 巻 12, 号 3, ページ. 141–154.")
    assert_fields(item, {"volume": "12", "issue": "3", "page": "141-154"})
    assert "巻" not in item["title"] and "号" not in item.get("container-title", "")


def test_journal_as_the_titles_last_sentence() -> None:
    item = convert.parse_reference("(3) Lund, Karin, Okafor, Ben. Barge registers of the north. Inland Shipping. "
                                   "2014, 巻 12, 号 3, ページ. 141–154.")
    assert_fields(item, {"title": "Barge registers of the north", "container-title": "Inland Shipping",
                         "type": "article-journal"})


def test_an_imprint_before_the_last_comma_is_no_title() -> None:
    from convert.tagger.repair.span_titles import _title_before_the_journals_comma

    spans = [("author", "Lund, K., "), ("date", "1986, "),
             ("container-title", "Barges: Frankfurt am Main, Harbour Verlag, Barge-Taschenbuch "), ("pages", "50.")]
    assert _title_before_the_journals_comma(spans) == spans


def test_spaced_question_mark_ends_the_titles_sentence() -> None:
    # French typography puts a space before "?": "… rapprochement ? Journal." still ends the title there
    item = convert.parse_reference("59. Lund K. River barges and their crews. A possible census ? Inland Shipping. "
                                   "1984;16:23–6.")
    assert_fields(item, {"title": "River barges and their crews. A possible census ?",
                         "container-title": "Inland Shipping", "volume": "16"})


def test_full_reference_ending_in_year_and_page_is_no_short_citation() -> None:
    # CS1's short citation is "Zenko 2010, p. 5"; MLA's "Publisher, 2007, p. 12." closes a whole
    # reference, whose sentences ("…North. Harbour…") a short citation never has
    item = convert.parse_reference("Lund, K. Barges of the North. Harbour Press, 2007, p. 12.")
    assert_fields(item, {"author": [{"family": "Lund", "given": "K."}], "title": "Barges of the North"})
    assert convert.parse_reference("Lund et al. 2007, p. 12.")["custom"]["short-citation"] is True


def test_suffix_after_initials_is_no_cs1_head() -> None:
    # Cell prints "Johnston, C.C., Jr (1994)." -- no period before the date, as CS1's full given names have
    text = ("57. Lund, K., Okafor, B.A., Mizuno, Y., and Johnston, C.C., Jr (1994). Do barges of the north differ "
            "from those of the south ? Inland Shipping 9, 1071–1076.")
    item = convert.parse_reference(text)
    assert [a.get("family") for a in item["author"]] == ["Lund", "Okafor", "Mizuno", "Johnston"]
    assert item["author"][3].get("suffix") == "Jr"
    assert_fields(item, {"container-title": "Inland Shipping", "volume": "9", "page": "1071-1076"})


def test_book_title_ending_on_of_takes_the_next_sentence() -> None:
    from convert.tagger.repair.span_titles import _book_cut_after_a_function_word

    spans = [("author", "Lund K. "), ("title", "River Barges. "), ("editor", "In: Okafor B, editor. "),
             ("container-title", "Essays in Honour of "), ("publisher", "Karin Lund. Aldershot; "), ("date", "2008.")]
    assert _book_cut_after_a_function_word(spans)[3:5] == [("container-title", "Essays in Honour of Karin Lund. "),
                                                            ("publisher", "Aldershot; ")]
    # a capital article may open the publisher's name, and a title with no dangling word is left alone
    kept = [("container-title", "Essays on The "), ("publisher", "Press Gang. London")]
    assert _book_cut_after_a_function_word(kept) == kept


def test_book_after_trailing_editor_role() -> None:
    # PeerJ: no comma before "eds."
    item = convert.parse_reference("Lund K. 2008. River barges. In: Okafor B, Achebe C eds. Boats, Barges, Rafts and "
                                   "Canoes: Essays in Honour of Ada Smith. Aldershot, 15–29.")
    assert item.get("container-title") == "Boats, Barges, Rafts and Canoes: Essays in Honour of Ada Smith"
    assert [e.get("family") for e in item.get("editor", [])] == ["Okafor", "Achebe"]


def test_book_after_given_first_editors_goes_on_into_the_note() -> None:
    # the Evolution journal's "in J. Barrow and A. Wareham, eds. Myth, Rulership, Church | and Charters…"
    from convert.tagger.repair.span_names import _title_words_read_as_names

    spans = [("pages", "Pp. 15–29 "), ("editor", "in B. Okafor and C. Achebe, eds. Boats, Barges, Rafts "),
             ("note", "and Canoes: Essays. Aldershot.")]
    assert _title_words_read_as_names(spans) == [
        ("pages", "Pp. 15–29 "), ("editor", "in B. Okafor and C. Achebe, eds. "),
        ("container-title", "Boats, Barges, Rafts and Canoes: Essays. "), ("note", "Aldershot.")]


def test_role_after_the_book_does_not_close_names() -> None:
    from convert.tagger.repair.span_names import _IN_NAMES_THEN_BOOK

    assert _IN_NAMES_THEN_BOOK.match("in River Barges of the North, ed. by Okafor, B. ") is None
    assert _IN_NAMES_THEN_BOOK.match("in B. Okafor and C. Achebe, eds. Boats ").group("book") == "Boats "


@pytest.mark.parametrize("spans", [
    [("title", "River barges. "), ("container-title", "in Boats of the north (ed. "), ("container-title", "Okafor, B.) "),
     ("pages", "133–134 ")],
    [("title", "River barges. "), ("editor", "in Boats of the north (ed. Okafor, B.) "), ("pages", "133–134 ")],
])
def test_natures_bracketed_editors_after_the_book(spans: list) -> None:
    from convert.tagger.repair.span_names import _editors_bracketed_after_the_book
    from convert.tagger.spans import spans_to_item

    assert _editors_bracketed_after_the_book(spans) == [
        ("title", "River barges. "), ("container-title", "in Boats of the north "), ("editor", "(ed. Okafor, B.) "),
        ("pages", "133–134 ")]
    item = spans_to_item(spans)
    assert item.get("container-title") == "Boats of the north"
    assert item.get("editor") == [{"family": "Okafor", "given": "B."}]


def test_title_word_read_into_given_first_names_goes_back_to_the_title() -> None:
    from convert.tagger.repair.span_names import _work_read_into_given_first_names

    spans = [("author", "P. DuVal, Homographies, "), ("title", "Quaternions and Rotations "),
             ("publisher", "(Clarendon Press, "), ("date", "1964).")]
    assert _work_read_into_given_first_names(spans)[:2] == [("author", "P. DuVal, "),
                                                            ("title", "Homographies, Quaternions and Rotations ")]
    # the role, a name without spaces and a quoted title are no title words
    for kept in ([("author", "J. Smith and J. Doe, Eds, "), ("title", "Collected essays, "), ("date", "2010.")],
                 [("author", "C.Cartier and M.Gasperini., "), ("title", "Gravitational waves, "), ("date", "2001.")],
                 [("author", "K. Lund, Barges, "), ("title", "“River Barges,” "), ("date", "2001.")]):
        assert _work_read_into_given_first_names(kept) == kept


def test_science_chapter_editors_read_with_the_imprint() -> None:
    from convert.tagger.repair.span_names import _editors_closing_the_book

    spans = [("author", "J. Lund, "), ("title", "“River barges” "),
             ("editor", "in Boats and Barges, K. Okafor, Ed. (Harbour Press, Oxford, "), ("date", "2005), "),
             ("pages", "pp. 21–37.")]
    assert _editors_closing_the_book(spans)[2:5] == [
        ("container-title", "in Boats and Barges, "), ("editor", "K. Okafor, Ed. "),
        ("publisher", "(Harbour Press, Oxford, ")]


def test_form_of_address_does_not_end_the_title() -> None:
    from convert.tagger.repair.item_imprint import _container_that_is_a_publisher

    item = {"container-title": "Dr. Barge. Harbour Pictures", "issued": {"date-parts": [[1964]]}}
    _container_that_is_a_publisher(item)
    assert item.get("title") == "Dr. Barge" and item.get("publisher") == "Harbour Pictures"


@pytest.mark.parametrize("text", [
    "[170] K. Lund, River barge tracking for air traffic, in Digital Barge Systems Conference, 2009. DBSC’09. "
    "IEEE/AIAA 28th (IEEE, 2009), p. 2.",
    "Lund, K. 2009. “River Barge Tracking for Air Traffic.” Digital Barge Systems Conference, 2009. DBSC’09. "
    "IEEE/AIAA 28th, 2009, 2.",
])
def test_xplore_conference_name_year_and_acronym_are_one_container(text: str) -> None:
    item = convert.parse_reference(text)
    assert item.get("container-title") == "Digital Barge Systems Conference, 2009. DBSC’09. IEEE/AIAA 28th"
    assert item["issued"] == {"date-parts": [[2009]]}


def test_xplore_tail_keeps_the_only_date() -> None:
    from convert.tagger.repair.span_titles import _conference_name_year_acronym

    spans = [("author", "K. Lund, "), ("container-title", "in Barge Conference, "), ("date", "2009. "),
             ("title", "BC’09. IEEE 28th.")]
    assert _conference_name_year_acronym(spans) == spans  # the year is printed once: it stays the date


def test_series_bracket_opened_in_the_publisher_span() -> None:
    from convert.tagger.repair.span_titles import _unclosed_bracket

    spans = [("title", "River Barges. "), ("publisher", "Springer (Graduate "),
             ("collection-title", "Texts in Shipping).")]
    assert _unclosed_bracket(spans)[1:] == [("publisher", "Springer "),
                                            ("collection-title", "(Graduate Texts in Shipping).")]


def test_rsc_thesis_read_into_the_names() -> None:
    from convert.tagger.repair.span_names import _thesis_read_into_the_names

    spans = [("citation-number", "13 "), ("author", "K. Lund, PhD thesis, University of Kassel, "), ("date", "2007.")]
    assert _thesis_read_into_the_names(spans) == [
        ("citation-number", "13 "), ("author", "K. Lund, "), ("genre", "PhD thesis, "),
        ("publisher", "University of Kassel, "), ("date", "2007.")]
    from convert.tagger.spans import spans_to_item

    item = spans_to_item(spans)
    assert_fields(item, {"type": "thesis", "genre": "PhD thesis", "publisher": "University of Kassel"})


def test_rsc_chapter_book_read_into_the_names() -> None:
    from convert.tagger.repair.span_names import _book_read_into_the_names

    spans = [("author", "K. Lund, in Boats, Barges, "), ("title", "Rafts and Canoes, "), ("editor", "eds B. Okafor, "),
             ("date", "2008, "), ("pages", "pp. 15–29.")]
    assert _book_read_into_the_names(spans)[:2] == [("author", "K. Lund, "),
                                                    ("container-title", "in Boats, Barges, Rafts and Canoes, ")]
    kept = [("author", "Lund, Karin, in press, "), ("date", "2008.")]  # no given-first names before the "in"
    assert _book_read_into_the_names(kept) == kept


def test_rsc_imprint_read_into_the_editors() -> None:
    from convert.tagger.repair.span_names import _imprint_read_into_the_editors
    from convert.tagger.spans import spans_to_item

    spans = [("author", "K. Lund, "), ("container-title", "in Boats and Barges, "),
             ("editor", "eds B. Okafor and C. Achebe, Aldershot, "), ("date", "2008, "), ("pages", "pp. 15–29.")]
    assert _imprint_read_into_the_editors(spans)[2:4] == [("editor", "eds B. Okafor and C. Achebe, "),
                                                          ("location", "Aldershot, ")]
    item = spans_to_item(spans)
    assert item["editor"] == [{"family": "Okafor", "given": "B."}, {"family": "Achebe", "given": "C."}]
    assert item["publisher-place"] == "Aldershot"
    kept = [("editor", "eds B. Okafor and C. Achebe, Ada Smith, "), ("date", "2008.")]  # a name, not an imprint
    assert _imprint_read_into_the_editors(kept) == kept


def test_title_read_into_the_publisher() -> None:
    from convert.tagger.repair.span_imprint import _title_read_into_the_publisher

    spans = [("author", "K. Lund, "), ("publisher", "Barges of the North and South, Harbour Books Ltd, "),
             ("location", "New Jersey, "), ("date", "2009.")]
    assert _title_read_into_the_publisher(spans)[1:3] == [("title", "Barges of the North and South, "),
                                                          ("publisher", "Harbour Books Ltd, ")]
    kept = [("author", "K. Lund, "), ("publisher", "Ministry of Shipping, Department of Barges, "), ("date", "2009.")]
    assert _title_read_into_the_publisher(kept) == kept  # a body and its unit: both parts name a body


def test_rsc_journal_read_into_a_collaborations_name() -> None:
    from convert.tagger.repair.span_names import _work_read_into_given_first_names

    spans = [("author", "BARGE Collaboration, JINST, "), ("date", "2008, "), ("volume", "3, "), ("pages", "S08003.")]
    assert _work_read_into_given_first_names(spans)[:2] == [("author", "BARGE Collaboration, "),
                                                            ("container-title", "JINST, ")]
