"""CSL-styled bibliographies: ``html`` and ``text`` writers.

Rendering is :mod:`convert.render.engine` (citeproc-py plus our fixes).  The HTML fragment is the
markup citeproc-js produces (``<div class="csl-bib-body">`` with one ``csl-entry`` per reference);
``--standalone`` makes a complete page built with lxml, so it is well formed whatever the data
holds.  URLs and DOIs in entries become links.  Every value reaches the page escaped: field text is
escaped before rendering and only CSL's rich-text tags survive as markup.
"""

from __future__ import annotations

import html
import re

from ..csl import Item
from ..registry import WriteContext, writer
from ..render.engine import Bibliography, render

_URL = re.compile(r"(?<![\"'=])\b(https?://[^\s<>\"]+[^\s<>\".,;:)\]])")
_DOI = re.compile(r"(?<![/\w])doi:\s?(10\.\d{4,9}/[^\s<>\"]+[^\s<>\".,;:)\]])", re.IGNORECASE)


def _render(items: list[Item], context: WriteContext, output: str) -> Bibliography:
    return render(items, context.options.get("style"), context.options.get("locale"), output=output)


def linkify(entry: str) -> str:
    """URLs and ``doi:`` identifiers in rendered HTML text become links (text outside tags only)."""
    def url_link(m: re.Match[str]) -> str:
        shown = m.group(1)
        return f'<a href="{html.escape(html.unescape(shown), quote=True)}">{shown}</a>'

    def doi_link(m: re.Match[str]) -> str:
        target = "https://doi.org/" + html.unescape(m.group(1))
        return f'<a href="{html.escape(target, quote=True)}">{m.group(0)}</a>'

    pieces = re.split(r"(<[^<>]*>)", entry)
    inside_link = False
    for index, piece in enumerate(pieces):
        if piece.startswith("<"):
            inside_link = piece.startswith("<a ") or (inside_link and piece != "</a>")
            continue
        if not inside_link:
            piece = _URL.sub(url_link, piece)
            piece = _DOI.sub(doi_link, piece)
            pieces[index] = piece
    return "".join(pieces)


def html_fragment(bibliography: Bibliography) -> str:
    entries = "".join(f'  <div class="csl-entry">{linkify(e)}</div>\n' for e in bibliography.entries)
    return f'<div class="csl-bib-body">\n{entries}</div>\n'


_CSS = """body { font-family: Georgia, "Times New Roman", serif; max-width: 48em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; color: #111; }
h1 { font-size: 1.4em; }
.csl-entry { margin: 0 0 %(spacing)sem 0; }
.csl-bib-body.hanging-indent .csl-entry { padding-left: 2em; text-indent: -2em; }
.csl-left-margin { float: left; min-width: 2.5em; padding-right: 0.5em; }
.csl-right-inline { margin-left: 3em; }
.csl-block { font-weight: normal; }
.csl-indent { margin: 0.25em 0 0.25em 2em; }
a { color: #1a4c8b; word-break: break-all; }
"""


def standalone_page(bibliography: Bibliography, title: str, lang: str) -> str:
    """A complete HTML5 page, assembled with lxml so that it is always well formed."""
    from lxml import etree
    from lxml import html as lxml_html

    page = lxml_html.document_fromstring("<html><head></head><body></body></html>")
    page.set("lang", lang)
    head, body = page.find("head"), page.find("body")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    title_element = etree.SubElement(head, "title")
    title_element.text = title
    style = etree.SubElement(head, "style")
    style.text = _CSS % {"spacing": max(0.3, 0.6 * bibliography.entry_spacing)}
    heading = etree.SubElement(body, "h1")
    heading.text = title
    fragment = lxml_html.fragment_fromstring(html_fragment(bibliography))
    if bibliography.hanging_indent:
        fragment.set("class", "csl-bib-body hanging-indent")
    body.append(fragment)
    return "<!DOCTYPE html>\n" + etree.tostring(page, encoding="unicode", method="html") + "\n"


@writer("html", extensions=(".html", ".htm"), description="CSL-styled bibliography as HTML (--style, --locale)",
        options=("style", "locale", "standalone"))
def write_html(items: list[Item], context: WriteContext) -> str:
    bibliography = _render(items, context, "html")
    if context.options.get("standalone"):
        from ..render.styles import resolve_style

        ref = resolve_style(context.options.get("style"))
        lang = context.options.get("locale") or ref.default_locale or "en-US"
        return standalone_page(bibliography, f"Bibliography ({ref.title})", lang)
    return html_fragment(bibliography)


@writer("text", extensions=(".txt",), aliases=("plain", "txt"),
        description="CSL-styled bibliography as plain text, one entry per line (--style, --locale)",
        options=("style", "locale"))
def write_text(items: list[Item], context: WriteContext) -> str:
    bibliography = _render(items, context, "text")
    lines = [" ".join(html.unescape(entry).split()) for entry in bibliography.entries]
    return "".join(line + "\n" for line in lines)


