"""HTML reference pages: a saved Wikipedia article, or any page with a reference list.

A Wikipedia page carries more than its text: each CS1 citation is a ``<cite class="citation web">``
(its class names the template), its title links to the source URL, DOIs and ISBNs are links, and a
COinS span (``<span class="Z3988" title="ctx_ver=...">``) repeats the metadata as an OpenURL. The
reader parses the rendered text of each reference with the reference-list parser and then lets the
markup settle what text alone leaves open: the type from the template class, the URL from the title
link, identifiers from their links, and authors, dates and numbers from COinS when the text
parse missed them.  Pages without such markup are turned into text (one block a line) and read like
a pasted list.

lxml parses with network access off and no entity resolution; nothing in the page is fetched.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, unquote

from ..csl import Item, date_to_csl
from ..diagnostics import Diagnostics
from ..normalize.dates import parse_date
from ..normalize.identifiers import isbn_is_valid, normalise_doi, normalise_isbn
from ..normalize.names import parse_name
from ..registry import ReadContext, reader
from ..reflist.api import _finish, _parse_one, parse_document

_SNIFF = re.compile(r"<!doctype html|<html[\s>]|<ol class=\"references\"|<body[\s>]", re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "li", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "blockquote", "section",
               "ol", "ul", "table", "article", "header", "footer"}
# CS1/CS2 template classes on <cite class="citation ..."> -> CSL type.
CITE_CLASS_TYPES: dict[str, str] = {
    "web": "webpage", "news": "article-newspaper", "newspaper": "article-newspaper", "book": "book",
    "journal": "article-journal", "magazine": "article-magazine", "conference": "paper-conference",
    "thesis": "thesis", "encyclopaedia": "entry-encyclopedia", "encyclopedia": "entry-encyclopedia",
    "report": "report", "techreport": "report", "pressrelease": "report", "av-media": "motion_picture",
    "episode": "broadcast", "serial": "broadcast", "map": "map", "interview": "interview", "speech": "speech",
    "podcast": "song", "mailinglist": "post", "arxiv": "article", "biorxiv": "article", "medrxiv": "article",
    "ssrn": "article", "document": "document", "patent": "patent", "sign": "graphic",
}
COINS_GENRE_TYPES = {"article": "article-journal", "book": "book", "bookitem": "chapter", "proceeding": "paper-conference",
                     "conference": "paper-conference", "report": "report", "unknown": None, "preprint": "article"}


def looks_like_html(text: str) -> bool:
    return _SNIFF.search(text[:4096]) is not None


# C0 control characters (and references to them) are not text in HTML; lxml keeps some in the tree
# and then refuses to set them back on an element, so they go before parsing.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|&#(?:0*(?:[0-8]|1[124-9]|2\d|3[01]|127)|[xX]0*(?:[0-8]|[bBcCeEfF]|1[0-9a-fA-F]|7[fF]));")


def _parse_html(text: str) -> Any:
    from lxml import html

    text = _CONTROL.sub("", text)
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True,
                             huge_tree=False)
    try:
        return html.document_fromstring(text, parser=parser)
    except ValueError:  # a str with an XML encoding declaration: hand lxml UTF-8 bytes and say so
        utf8 = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True,
                               encoding="utf-8")
        return html.document_fromstring(text.encode("utf-8"), parser=utf8)


def page_text(element: Any) -> str:
    """Visible text with block elements on their own lines (scripts and styles dropped)."""
    pieces: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style", "noscript", "template"):
            if node.tail:
                pieces.append(node.tail)
            return
        block = tag.lower() in _BLOCK_TAGS
        if block:
            pieces.append("\n")
        if node.text:
            pieces.append(node.text)
        for child in node:
            walk(child)
        if block:
            pieces.append("\n")
        if node.tail:
            pieces.append(node.tail)

    walk(element)
    text = "".join(pieces)
    return re.sub(r"(?<![ \t\r\f\v])[ \t\r\f\v]*\n[ \t\r\f\v\n]*", "\n", text).strip()


def _reference_nodes(root: Any) -> list[Any]:
    """Wikipedia's reference list items (``ol.references > li``), else ``li`` that hold a ``cite``."""
    nodes = root.xpath('//ol[contains(concat(" ", normalize-space(@class), " "), " references ")]/li')
    if nodes:
        return nodes
    return [li for li in root.xpath("//li") if li.xpath(".//cite")]


def _reference_text(node: Any) -> str:
    """The rendered reference without backlinks ("^ a b"), COinS, hidden and script content."""
    target = node.xpath('.//span[contains(@class, "reference-text")]')
    body = target[0] if target else node
    clone = _copy(body)
    for junk in clone.xpath('.//span[contains(@class, "Z3988")] | .//span[contains(@class, "mw-cite-backlink")]'
                            ' | .//*[contains(@style, "display:none")] | .//style | .//script'
                            ' | .//span[contains(@class, "cs1-hidden-error")]'):
        _drop_keep_tail(junk)
    return " ".join(page_text(clone).split())


def _copy(element: Any) -> Any:
    from copy import deepcopy

    return deepcopy(element)


def _drop_keep_tail(element: Any) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def parse_coins(title: str) -> dict[str, list[str]]:
    """An OpenURL ContextObject (COinS ``title``) as key -> values."""
    values: dict[str, list[str]] = {}
    for key, value in parse_qsl(title.replace("&amp;", "&"), keep_blank_values=False):
        values.setdefault(key, []).append(unquote(value).strip())
    return values


def apply_markup(node: Any, item: Item) -> None:
    """Settle what the text parse left open from the citation's markup (see the module docstring)."""
    cite = node.xpath(".//cite[contains(@class, 'citation')]")
    if cite:
        classes = set((cite[0].get("class") or "").split())
        for name, csl_type in CITE_CLASS_TYPES.items():
            if name in classes:
                if not (csl_type == "book" and item.get("container-title") and item.get("type") == "chapter"):
                    item["type"] = csl_type
                break
        links = cite[0].xpath(".//a[contains(@class, 'external')]/@href")
        archive = [h for h in links if "web.archive.org" in h or "archive.today" in h or "archive.org/web" in h]
        sources = [h for h in links if h not in archive and "doi.org/" not in h]
        if sources and "URL" not in item:
            item["URL"] = sources[0]
        if archive:
            item.setdefault("custom", {}).setdefault("archive-url", archive[0])
    for href in node.xpath(".//a/@href"):
        if "doi.org/10." in href and "DOI" not in item:
            item["DOI"] = normalise_doi(unquote(href))
        elif "BookSources/" in href and "ISBN" not in item:
            candidate = href.rsplit("/", 1)[-1]
            if isbn_is_valid(candidate):
                item["ISBN"] = normalise_isbn(candidate)
    coins = node.xpath('.//span[contains(@class, "Z3988")]/@title')
    if coins:
        _apply_coins(parse_coins(coins[0]), item)


def _apply_coins(values: dict[str, list[str]], item: Item) -> None:
    first = {k: v[0] for k, v in values.items() if v}
    genre = first.get("rft.genre", "")
    if "type" not in item or item.get("type") in ("document", "webpage"):
        implied = COINS_GENRE_TYPES.get(genre)
        if implied and item.get("type") not in ("webpage",):
            item["type"] = implied
    if first.get("rft.pub") and item.get("container-title") == first["rft.pub"] and "rft.jtitle" not in first:
        del item["container-title"]  # COinS says the name after the title is the publisher, not the work
    for key, variable in (("rft.atitle", "title"), ("rft.btitle", "title" if genre == "book" else "container-title"),
                          ("rft.jtitle", "container-title"), ("rft.volume", "volume"), ("rft.issue", "issue"),
                          ("rft.pages", "page"), ("rft.pub", "publisher"), ("rft.place", "publisher-place"),
                          ("rft.edition", "edition")):
        if key in first and variable not in item and first[key] != item.get("title"):
            item[variable] = first[key]
    if "title" not in item and "rft.btitle" in first:
        item["title"] = first["rft.btitle"]
    if "issued" not in item and "rft.date" in first:
        date = parse_date(first["rft.date"])
        if date is not None:
            item["issued"] = date_to_csl(date)
    if "author" not in item:
        people = []
        if "rft.aulast" in first:
            person = {"family": first["rft.aulast"]}
            if first.get("rft.aufirst"):
                person["given"] = first["rft.aufirst"]
            people.append(person)
        for author in values.get("rft.au", []):
            parsed = parse_name(author)
            if parsed not in people and not any(p.get("family") == parsed.get("family") for p in people):
                people.append(parsed)
        if people:
            item["author"] = people
    for identifier in values.get("rft_id", []):
        if identifier.startswith("info:doi/") and "DOI" not in item:
            item["DOI"] = normalise_doi(identifier[len("info:doi/"):])
        elif identifier.startswith(("http://", "https://")) and "URL" not in item:
            item["URL"] = identifier
        elif identifier.startswith("info:pmid/") and "PMID" not in item:
            item["PMID"] = identifier[len("info:pmid/"):]
    if "rft.isbn" in first and "ISBN" not in item and isbn_is_valid(first["rft.isbn"]):
        item["ISBN"] = normalise_isbn(first["rft.isbn"])
    if "rft.issn" in first and "ISSN" not in item:
        item["ISSN"] = first["rft.issn"]


def read_html_document(text: str, report: Diagnostics) -> list[Item]:
    try:
        root = _parse_html(text)
    except Exception as exc:  # lxml's errors for hopeless markup: a diagnostic, not a traceback
        report.error(f"not readable as HTML ({type(exc).__name__}: {exc})")
        return []
    nodes = _reference_nodes(root)
    if not nodes:
        return parse_document(page_text(root), report)
    items: list[Item] = []
    for node in nodes:
        raw = _reference_text(node)
        if not raw:
            continue
        item, leftovers = _parse_one(raw)
        if leftovers:
            report.warning(f"could not place {'; '.join(leftovers)[:120]!r}; kept in note",
                           line=getattr(node, "sourceline", None))
        apply_markup(node, item)
        items.append(item)
    _finish(items)
    return items


@reader("html", extensions=(".html", ".htm", ".xhtml"), aliases=("htm", "wikipedia-html"), sniff=looks_like_html,
        priority=40, description="HTML page with a reference list (Wikipedia's COinS and cite markup used)")
def read_html(text: str, context: ReadContext) -> list[Item]:
    items = read_html_document(text, context.diagnostics)
    if not items and not context.diagnostics.has_errors:
        context.diagnostics.error("no references found in the page")
    return items
