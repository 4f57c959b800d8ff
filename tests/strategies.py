"""Hypothesis strategies that generate valid CSL-JSON items (shared by the round-trip tests)."""

from __future__ import annotations

import string

from hypothesis import strategies as st

from convert.csl import ITEM_TYPES

# Printable text without control characters; includes accents, CJK, quotes and LaTeX specials.
_ALPHABET = st.characters(
    blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"),
    blacklist_characters="\u2028\u2029",
)
text = st.text(_ALPHABET, min_size=1, max_size=40).map(lambda s: " ".join(s.split())).filter(bool)
words = st.lists(st.sampled_from(["Nato", "Treaty", "Über", "Çağ", "café", "the", "of", "Ǆemal", "Ωmega",
                                  "data", "R&D", "50%", "C#", "x_y", "{braced}", "a~b", "Ïle"]),
                 min_size=1, max_size=6).map(" ".join)
year = st.integers(min_value=1000, max_value=2099)
month = st.integers(min_value=1, max_value=12)
day = st.integers(min_value=1, max_value=28)

date_parts = st.one_of(
    st.tuples(year).map(list),
    st.tuples(year, month).map(list),
    st.tuples(year, month, day).map(list),
)
date = st.one_of(
    date_parts.map(lambda p: {"date-parts": [p]}),
    st.tuples(date_parts, date_parts).map(lambda pair: {"date-parts": [pair[0], pair[1]]}),
    st.builds(lambda p: {"date-parts": [p], "circa": True}, date_parts),
    st.builds(lambda y, s: {"date-parts": [[y]], "season": s}, year, st.integers(1, 4)),
    text.map(lambda t: {"literal": t}),
    text.map(lambda t: {"raw": t}),
)
FAMILIES = ["Doe", "Müller", "O'Brien", "García Márquez", "Łukasz", "Smith-Jones", "Zenko"]
given = st.sampled_from(["Jane", "J. R.", "Zoë", "Jean-Paul", "Ólafur", "A."])


def _names(family: st.SearchStrategy) -> st.SearchStrategy:
    name = st.one_of(
        st.builds(lambda f, g: {"family": f, "given": g}, family, given),
        st.builds(lambda f: {"family": f}, family),
        st.builds(lambda f, g, p: {"family": f, "given": g, "non-dropping-particle": p}, family, given,
                  st.sampled_from(["van", "de", "van der", "von"])),
        st.builds(lambda f, g: {"family": f, "given": g, "suffix": "Jr."}, family, given),
        st.sampled_from(["NATO", "World Health Organization", "Associated Press"]).map(lambda t: {"literal": t}),
    )
    return st.lists(name, min_size=1, max_size=4)


names = _names(st.sampled_from(FAMILIES))
# A family name with lowercase words that is no particle ("de la Cruz" kept whole, as a source's
# "{de la Cruz}" gives it): BibTeX can hold one (braced); RIS cannot, its readers (and Zotero) split
# the particle off.
bibtex_names = _names(st.sampled_from(FAMILIES + ["de la Cruz"]))
number = st.one_of(st.integers(1, 999).map(str), st.integers(1, 999))
page = st.one_of(st.integers(1, 999).map(str),
                 st.tuples(st.integers(1, 500), st.integers(501, 999)).map(lambda p: f"{p[0]}-{p[1]}"))
key = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=12)


@st.composite
def csl_items(draw, types=tuple(sorted(ITEM_TYPES)), text_variables=("title", "container-title", "publisher",
              "publisher-place", "note", "abstract", "collection-title", "genre", "language", "medium"),
              name_variables=("author", "editor", "translator"), date_variables=("issued", "accessed"),
              number_variables=("volume", "issue", "edition"), rich=True, name_lists=names):
    """A valid CSL item with a random selection of the given variables."""
    item = {"id": draw(key), "type": draw(st.sampled_from(types))}
    for variable in text_variables:
        if draw(st.booleans()):
            item[variable] = draw(st.one_of(text, words)) if rich else draw(words)
    for variable in name_variables:
        if draw(st.booleans()):
            item[variable] = draw(name_lists)
    for variable in date_variables:
        if draw(st.booleans()):
            item[variable] = draw(date)
    for variable in number_variables:
        if draw(st.booleans()):
            item[variable] = draw(number)
    if draw(st.booleans()):
        item["page"] = draw(page)
    if draw(st.booleans()):
        item["DOI"] = "10." + str(draw(st.integers(1000, 99999))) + "/" + draw(key)
    if draw(st.booleans()):
        item["URL"] = "https://example.org/" + draw(key)
    if rich and draw(st.booleans()):
        item["custom"] = {draw(key): draw(st.one_of(text, st.integers(), st.booleans()))}
    return item
