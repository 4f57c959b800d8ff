"""The learned reference tagger: spans that give back the input, the key fields of references in
each panel style (written here by hand, not rendered by us), and the parser choice."""

from __future__ import annotations

import pytest

import convert
from convert.reflist.api import choose_parser


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
     {"author": ["Shannon"], "year": 1948, "container-title": "Bell System Technical Journal", "volume": "27",
      "DOI": "10.1002/j.1538-7305.1948.tb01338.x"}),
    ("chicago", "Kaplan, Lawrence S. 2007. NATO 1948: The Birth of the Transatlantic Alliance. Lanham, MD: "
                "Rowman & Littlefield.",
     {"author": ["Kaplan"], "year": 2007, "publisher": "Rowman & Littlefield"}),
    ("mla", "Fukuyama, Francis. “The End of History?” The National Interest, no. 16, 1989, pp. 3–18.",
     {"author": ["Fukuyama"], "year": 1989, "container-title": "The National Interest"}),
    ("harvard", "Beard, M. (2015) SPQR: a history of ancient Rome. London: Profile Books.",
     {"author": ["Beard"], "year": 2015, "publisher-place": "London"}),
    ("ieee", "Y. LeCun, Y. Bengio, and G. Hinton, “Deep learning,” Nature, vol. 521, no. 7553, pp. 436–444, "
             "May 2015.",
     {"author": ["LeCun", "Bengio", "Hinton"], "year": 2015, "container-title": "Nature", "volume": "521"}),
    ("vancouver", "Watson JD, Crick FH. Molecular structure of nucleic acids. Nature. 1953;171(4356):737-8.",
     {"author": ["Watson", "Crick"], "year": 1953, "container-title": "Nature"}),
    ("nature", "Jumper, J. et al. Highly accurate protein structure prediction with AlphaFold. Nature 596, "
               "583–589 (2021).",
     {"author": ["Jumper"], "year": 2021, "container-title": "Nature", "volume": "596"}),
    ("ama", "Smith JA, Jones M. Effects of exercise on sleep quality. Sleep. 2021;44(11):zsab152. "
            "doi:10.1093/sleep/zsab152",
     {"author": ["Smith", "Jones"], "year": 2021, "DOI": "10.1093/sleep/zsab152"}),
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
