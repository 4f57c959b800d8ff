"""Our corrections to citeproc-py, kept apart from it: one fix per CSL feature, each with a test
(``tests/test_render_fixes.py``) and each counted by ``bench/csl_conformance.py``.

citeproc-py is used as it is installed; nothing here edits its files.  Two kinds of fix:

* behaviour patches, installed once by :func:`apply` (idempotent), for features citeproc-py does
  not implement: ``second-field-align`` and ``display`` (it renders them as one run of text),
  ``initialize="false"`` (it initialises given names anyway), the year suffixes of
  ``disambiguate-add-year-suffix`` and ``subsequent-author-substitute``;
* output steps, :func:`after_render`, for typography citeproc-js applies to the whole entry:
  punctuation moved inside closing quotes where the locale says so, doubled punctuation
  collapsed, typographic apostrophes, citeproc-js's character references.

``FIXES`` lists them by name; ``BIBCONVERT_CITEPROC_FIXES=none`` (or a comma list of names to
disable) turns them off, which is how the conformance bench measures "before".
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from typing import Any, Iterator

# Markers that survive citeproc-py's formatting (private-use characters) and are turned into the
# markup of CSL's display attribute after rendering.
OPEN = "\ue000"
MID = "\ue001"
CLOSE = "\ue002"
SECOND_FIELD = "\ue003"

FIXES = ("parallel-sort", "title-case", "page-range", "substitution", "localized-date-delimiter", "group-suppression", "text-case-language", "label-needs-variable", "after-inverted-name", "sort-collation", "rich-text", "flip-flop-quotes", "second-field-align", "display", "initialize-false", "year-suffix", "subsequent-author-substitute",
         "punctuation-in-quote", "doubled-punctuation", "apostrophe", "character-references", "date-range-context",
         "season-numeric", "mixed-string", "empty-text-case")
_applied = False


def enabled(name: str) -> bool:
    setting = os.environ.get("BIBCONVERT_CITEPROC_FIXES", "").strip().lower()
    if setting == "none":
        return False
    if setting.startswith("-"):
        return name not in {s.strip() for s in setting[1:].split(",")}
    return True


def apply() -> None:
    """Install the behaviour patches into citeproc-py's classes (once)."""
    global _applied
    if _applied:
        return
    _applied = True
    from citeproc import model

    _patch_xpath_cache(model)
    _patch_citation_item_lookups()
    _patch_layout(model)
    _patch_display(model)
    _patch_initialize(model)
    _patch_sort_keys(model)
    _patch_parallel_sort(model)
    _patch_after_inverted_name(model)
    _patch_label(model)
    _patch_group_suppression(model)
    _patch_text_case_language(model)
    _patch_localized_date_delimiter(model)
    _patch_date_range_context(model)
    _patch_season_numeric(model)
    _patch_mixed_string()
    _patch_title_case(model)
    _patch_page_range(model)
    _patch_substitution(model)
    _register_name_variables()


# --- speed -------------------------------------------------------------------------------------

_XPATH_CACHE: dict[tuple[int, str], Any] = {}
_PINNED: dict[int, Any] = {}


def pin_style(style: Any) -> None:
    """Keep every element of a parsed style (and of its locales) alive, so that lxml reuses the same
    Python objects and the XPath cache below can key on them.  citeproc-py looks up macros, layouts
    and terms with XPath on every use; on APA that was a third of the rendering time."""
    roots = [style.root] + [locale.getroottree().getroot() for locale in getattr(style.root, "locales", [])]
    for root in roots:
        for element in root.iter():
            _PINNED[id(element)] = element


def _patch_citation_item_lookups() -> None:
    """``CitationItem.reference`` walks citation -> bibliography -> source on every variable access
    (about a million times for 2,000 APA entries); the answer never changes for an item."""
    from citeproc.source import CitationItem

    original = CitationItem.reference.fget

    def reference(self: Any) -> Any:
        cached = dict.get(self, "_bibconvert_reference")
        if cached is None:
            cached = original(self)
            dict.__setitem__(self, "_bibconvert_reference", cached)
        return cached

    CitationItem.reference = property(reference)


def _patch_xpath_cache(model: Any) -> None:
    original = model.CitationStylesElement.xpath_search

    def xpath_search(self: Any, expression: str) -> Any:
        key = (id(self), expression)
        cached = _XPATH_CACHE.get(key)
        if cached is not None:
            return cached
        result = original(self, expression)
        if id(self) in _PINNED and _PINNED[id(self)] is self:
            _XPATH_CACHE[key] = result
        return result

    model.CitationStylesElement.xpath_search = xpath_search


# --- second-field-align and display ------------------------------------------------------------

def _patch_layout(model: Any) -> None:
    """Bibliography layout: per-entry state for the fixes below, and ``second-field-align``
    (the first rendered field is marked off so it can become the left-margin column)."""

    def render_bibliography(self: Any, citation_items: list[Any]) -> list[Any]:
        bibliography = self.getparent()
        align = enabled("second-field-align") and bool(bibliography.get("second-field-align"))
        shared: dict[str, Any] = {"previous-names": None,
                                  "substitute": bibliography.get("subsequent-author-substitute"),
                                  "rule": bibliography.get("subsequent-author-substitute-rule", "complete-all")}
        output: list[Any] = []
        for item in citation_items:
            self.repressed = {}
            dict.__setitem__(item, "_bibconvert", {"shared": shared, "names-done": False, "year-suffix-done": False})
            children = list(self.iterchildren())
            if align:
                first = _render_child(children[0], item) if children else None
                rest = [t for t in (_render_child(child, item) for child in children[1:]) if t is not None]
                if first is None and not rest:
                    output.append(None)
                    continue
                combined = (first or "") + SECOND_FIELD + (model.join(rest, self.get("delimiter", "")) if rest else "")
                text = self.format(self.wrap(combined))
            else:
                text = self.format(self.wrap(self.render_children(item)))
            output.append(text)  # None too: the engine pairs entries with items by position
        return output

    model.Layout.render_bibliography = render_bibliography
    _patch_subsequent_author_substitute(model)
    _patch_year_suffix(model)


def _state(item: Any) -> dict[str, Any] | None:
    """Our per-entry state on a citeproc-py CitationItem (a dict subclass whose attribute access
    raises its own VariableError, so plain getattr defaults do not work)."""
    return dict.get(item, "_bibconvert") if isinstance(item, dict) else None


def _patch_subsequent_author_substitute(model: Any) -> None:
    """``subsequent-author-substitute``: the first names of an entry that repeat the previous
    entry's are replaced by the given string (rules complete-all and complete-each)."""
    original = model.Names.render

    def render(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        text = original(self, item, *args, **kwargs)
        state = _state(item)
        if state is None or state["names-done"] or not enabled("subsequent-author-substitute"):
            return text
        if self.xpath_search("./ancestor::cs:names"):
            return text  # a names element inside a substitute: its outer names decides
        if text is None:
            return text
        state["names-done"] = True
        shared = state["shared"]
        previous, shared["previous-names"] = shared["previous-names"], str(text)
        if shared["substitute"] is not None and previous is not None and previous == str(text):
            return type(text)(shared["substitute"]) if isinstance(text, str) else shared["substitute"]
        return text

    model.Names.render = render


def _patch_year_suffix(model: Any) -> None:
    """``disambiguate-add-year-suffix``: after :func:`after_sort` has given ambiguous items their
    letters, the letter follows the first year rendered from a date, unless the style places the
    ``year-suffix`` variable itself."""
    original = model.Date.process

    def process(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        text = original(self, item, *args, **kwargs)
        state = _state(item)
        if text is None or state is None or state["year-suffix-done"] or self.is_locale_date():
            return text
        suffix = item.reference.get("year_suffix") if hasattr(item.reference, "get") else None
        if not suffix or not enabled("year-suffix") or _style_places_year_suffix(self):
            return text
        new, count = _FIRST_YEAR.subn(lambda m: m.group(1) + suffix, str(text), count=1)
        if count:
            state["year-suffix-done"] = True
            return type(text)(new) if isinstance(text, str) else new
        return text

    model.Date.process = process


_FIRST_YEAR = re.compile(r"(?<!\d)(\d{3,4})(?!\d)")
def _style_places_year_suffix(element: Any) -> bool:
    return bool(element.get_root().xpath_search('.//cs:text[@variable="year-suffix"]'))


def _render_child(child: Any, item: Any) -> Any:
    from citeproc.source import VariableError

    try:
        return child.render(item)
    except VariableError:
        return None


def _patch_display(model: Any) -> None:
    """CSL ``display`` covers the element's output with its affixes, so the markers go around
    ``wrap`` (affixes) rather than ``format`` (fonts)."""
    original = model.Affixed.wrap

    def wrap(self: Any, string: Any) -> Any:
        text = original(self, string)
        display = self.get("display") if hasattr(self, "get") else None
        if display and text and enabled("display") and _in_bibliography(self):
            from citeproc.string import String

            return String(OPEN + display + MID) + text + String(CLOSE)
        return text

    model.Affixed.wrap = wrap


def _in_bibliography(element: Any) -> bool:
    node = element
    while node is not None:
        tag = getattr(node, "tag", "")
        if isinstance(tag, str) and tag.endswith("bibliography"):
            return True
        if isinstance(tag, str) and tag.endswith("citation"):
            return False
        node = node.getparent()
    return True  # macros sit outside both; they are called from the bibliography here


def _patch_initialize(model: Any) -> None:
    """``initialize="false"`` keeps full given names even when ``initialize-with`` is set (CSL 1.0.1
    §Name); citeproc-py initialises whenever ``initialize-with`` is present, which turns Chicago's and
    MLA's "Cook, Lorne" into "Cook, L."."""
    original = model.Name.initialize

    def initialize(self: Any, given: Any, mark: Any, context: Any) -> Any:
        if enabled("initialize-false") and self.get("initialize", "true").lower() == "false":
            return given
        return original(self, given, mark, context)

    model.Name.initialize = initialize


def _patch_after_inverted_name(model: Any) -> None:
    """``delimiter-precedes-last="after-inverted-name"``: a comma before "and" only when the name
    before it is inverted ("Leong, G. B., & Silva, J. A." but "Australian Government Productivity
    Commission & New Zealand ...": an institution is never inverted).  citeproc-py knows only
    always/contextual/never, so the option is set to one of those for the call."""
    original_process = model.Name.process
    original_get_option = model.Name.get_option

    def process(self: Any, item: Any, variable: Any = None, context: Any = None, sort_options: Any = None,
                **kwargs: Any) -> Any:
        option = original_get_option(self, "delimiter-precedes-last", context, sort_options)
        if option != "after-inverted-name" or not enabled("after-inverted-name"):
            return original_process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
        order = original_get_option(self, "name-as-sort-order", context, sort_options)
        people = list(item.reference.get(variable) or []) if hasattr(item.reference, "get") else []
        penultimate = people[-2] if len(people) >= 2 else None
        inverted = penultimate is not None and "family" in penultimate and penultimate.get("given") is not None \
            and (order == "all" or (order == "first" and len(people) == 2))
        had = self.get("delimiter-precedes-last")
        self.set("delimiter-precedes-last", "always" if inverted else "never")
        try:
            return original_process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
        finally:
            if had is None:
                del self.attrib["delimiter-precedes-last"]
            else:
                self.set("delimiter-precedes-last", had)

    model.Name.process = process


def _patch_label(model: Any) -> None:
    """A ``cs:label`` prints nothing when its variable is empty (CSL 1.0.2, §Label); citeproc-py
    prints the term anyway, which gives Chicago's spurious "Edition." after a newspaper article."""
    from citeproc.source import VariableError

    original = model.Label.process

    def process(self: Any, item: Any, variable: Any = None, plural: Any = None, context: Any = None,
                **kwargs: Any) -> Any:
        name = variable if variable is not None else self.get("variable")
        if enabled("label-needs-variable") and variable is None and name and name != "locator":
            try:
                value = item.reference[name.replace("-", "_")]
            except VariableError:
                return None
            if value in (None, ""):
                return None
        return original(self, item, variable, plural, context=context, **kwargs)

    model.Label.process = process


def _patch_group_suppression(model: Any) -> None:
    """A group is suppressed when it calls variables and all of them are empty (CSL 1.0.2,
    §Group).  citeproc-py decides whether a ``cs:choose`` "calls a variable" from *all* its
    branches, so a branch that only prints a term (APA's "Publication" for a thesis) keeps its
    group alive; here only the branch actually taken counts."""
    from citeproc.source import VariableError

    original = model.Group.process

    def process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        if not enabled("group-suppression"):
            return original(self, item, context=context, **kwargs)
        output = []
        called = rendered = False
        delimiter = self.get("delimiter", "")
        for child in self.iterchildren():
            if isinstance(child, model.Choose):
                branch = _taken_branch(model, child, item, context)
                calls = branch.calls_variable() if branch is not None else False
            else:
                calls = child.calls_variable()
            called = called or calls
            try:
                if isinstance(child, model.Choose):
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            if text is not None:
                output.append(text)
                rendered = rendered or calls
        if output and (not called or rendered):
            return self.join(output)
        raise VariableError

    model.Group.process = process


def _taken_branch(model: Any, choose: Any, item: Any, context: Any) -> Any:
    """The cs:if/else-if/else branch whose condition holds (without rendering it)."""
    for branch in choose.getchildren():
        if not isinstance(branch, model.If) or branch.tag.endswith("else"):
            return branch
        try:
            if _condition_holds(branch, item, context):
                return branch
        except Exception:  # a test citeproc-py cannot evaluate: assume it may render
            return branch
    return None


def _condition_holds(branch: Any, item: Any, context: Any) -> bool:
    results: list[bool] = []
    if "type" in branch.attrib:
        results += branch._type(item)
    if "variable" in branch.attrib:
        results += branch._variable(item)
    if "is-numeric" in branch.attrib:
        results += branch._is_numeric(item)
    if "is-uncertain-date" in branch.attrib:
        results += branch._is_uncertain_date(item)
    if "locator" in branch.attrib:
        results += branch._locator(item)
    if "position" in branch.attrib:
        results += branch._position(item, context)
    match = branch.get("match")
    if match == "any":
        return any(results)
    if match == "none":
        return not any(results)
    return all(results)


def _patch_text_case_language(model: Any) -> None:
    """Title case applies to English items, and an item without ``language`` counts as English
    (CSL 1.0.2, §Text-case; citeproc-js does the same).  citeproc-py skips title case whenever it
    is not told the language, so APA's "(Eds.)" label came out "(eds.)"."""
    original = model.TextCased.case

    def case(self: Any, text: Any, language: Any = None) -> Any:
        if language is None and enabled("text-case-language"):
            language = "en"
        if enabled("empty-text-case") and (text is None or not str(text)):
            return text  # an empty or missing name part: capitalize-first raised IndexError or AttributeError
        if type(text) is str and self.get("text-case") and enabled("mixed-string"):
            from citeproc.string import String

            text = String(text)  # a term's text (a plain str) has no .words() for text-case
        return original(self, text, language)

    model.TextCased.case = case


def _patch_localized_date_delimiter(model: Any) -> None:
    """A localized date (``<date form="text">``) joins its parts with its *own* delimiter, the
    one the locale (or the style's ``cs:locale``) defines; citeproc-py used the calling element's,
    which gave NLM/Vancouver's "2021Jun" for "2021 Jun"."""
    original = model.Date.render_single_date

    def render_single_date(self: Any, date: Any, show_parts: Any = None, context: Any = None) -> Any:
        if not enabled("localized-date-delimiter") or not self.is_locale_date() or context is None or context is self:
            return original(self, date, show_parts, context)
        parts = self.parts(date, show_parts, context)
        return self.join(parts) if parts else None

    model.Date.render_single_date = render_single_date


def _patch_date_range_context(model: Any) -> None:
    """Date ranges as CSL 1.0.2 describes them: the parts both ends share are printed once, the
    differing ones twice around the ``range-delimiter`` of the largest differing part ("1997,
    January 15–17", "May 30–June 2, 2001").  citeproc-py dropped the shared year ("( 15– 17January)")
    and raised TypeError when a ``cs:text`` macro called the date."""
    original = model.Date.render_date_range

    def render_date_range(self: Any, date_range: Any, show_parts: Any = None, context: Any = None) -> Any:
        if context is not None and not callable(getattr(context, "join", None)):
            context = self
        if not enabled("date-range-context"):
            return original(self, date_range, show_parts, context)
        text = _render_range(model, self, date_range, list(show_parts or ("year", "month", "day")), context)
        return text if text is not None else original(self, date_range, show_parts, context)

    model.Date.render_date_range = render_date_range


def _patch_mixed_string() -> None:
    """citeproc-py's rich strings (``MixedString``) keep a plain ``str`` when one is added to them
    (a delimiter, an affix); text-case then calls ``.words()`` or ``.capitalize_first()`` on it and
    raises AttributeError, failing the whole bibliography (2 styles of 120 from the catalogue).
    Plain pieces are made ``String`` as they enter (and a term's plain text before text-case)."""
    from citeproc import string as cstring

    if getattr(cstring.MixedString, "_bibconvert_patched", False):
        return
    original_init = cstring.MixedString.__init__

    def __init__(self: Any, iterable: Any = ()) -> None:
        if enabled("mixed-string"):
            iterable = [cstring.String(piece) if type(piece) is str else piece for piece in iterable]
        original_init(self, iterable)

    cstring.MixedString.__init__ = __init__
    cstring.MixedString._bibconvert_patched = True


def _patch_season_numeric(model: Any) -> None:
    """A season in a numeric month form (what sort keys use: APA sorts by year and month) raised
    AssertionError in citeproc-py, and the whole bibliography failed.  A season has no month
    number, so that part is empty: citeproc-js, too, leaves seasons out of the sort.  In the short
    form (IEEE, MLA) the locales have no season term and the season vanished; the long term is used,
    as citeproc-js does."""
    original = model.Date_Part.process

    def process(self: Any, date: Any, context: Any = None) -> Any:
        is_season = self.get("name") == "month" and _date_value(date, "month") is None and _date_value(date, "season")
        try:
            text = original(self, date, context)
        except AssertionError:
            if not enabled("season-numeric") or not is_season:
                raise
            return None
        if not text and is_season and enabled("season-numeric") and self.get("form") == "short":
            # the locales have no short season terms; citeproc-js prints the long one ("Summer 2008")
            term_context = context if context is not None else self
            season = str(_date_value(date, "season")).strip()
            if not season.isdigit():
                return season  # "Winter" written out in the data
            return term_context.get_single_term(name="season-{:02}".format(int(season) % 20 or 1))
        return text

    model.Date_Part.process = process


_GRANULARITY = {"year": 0, "month": 1, "day": 2}


def _date_value(date: Any, unit: str) -> Any:
    """citeproc-py's dates raise VariableError (not AttributeError) for a part they lack."""
    try:
        return getattr(date, unit)
    except Exception:
        return None


def _render_range(model: Any, date: Any, date_range: Any, show: list[str], context: Any) -> Any:
    """The range as one string, or None when its shape is not one this handles (then citeproc-py's)."""
    begin, end = date_range.begin, date_range.end
    printed = {part.get("name") for part in date.iterchildren()} & set(show)
    differing = [unit for unit in ("year", "month", "day")
                 if unit in printed and _date_value(begin, unit) != _date_value(end, unit)]
    if _date_value(begin, "season") or _date_value(end, "season"):
        return None
    rendered = []  # (unit, begin text, end text, prefix, suffix) per date-part, in the style's order
    for part in date.iterchildren():
        unit = part.get("name")
        if unit not in show:
            continue
        try:
            first = part.render(begin, context)
            second = part.render(end, context)
        except (model.VariableError, AttributeError, TypeError):
            return None
        if (first is None) != (second is None):
            return None
        if first is not None:
            rendered.append((unit, first, second, part.get("prefix", ""), part.get("suffix", ""), part))
    if not rendered:
        return None
    if not differing:
        return date.join([r[1] for r in rendered])
    largest = min(_GRANULARITY[u] for u in differing)
    block = [i for i, r in enumerate(rendered) if _GRANULARITY.get(r[0], 0) >= largest]
    if not block or block != list(range(block[0], block[-1] + 1)):
        return None
    delimiter = next(r[5].get("range-delimiter", "\u2013") for r in rendered if _GRANULARITY[r[0]] == largest)

    def inner(which: int) -> Any:
        texts = []
        for position, index in enumerate(block):
            text = str(rendered[index][which])
            prefix, suffix = rendered[index][3], rendered[index][4]
            if position == 0 and prefix and text.startswith(prefix):
                text = text[len(prefix):]
            if position == len(block) - 1 and suffix and text.endswith(suffix):
                text = text[:len(text) - len(suffix)]
            texts.append(text)
        return str(date.join(texts))

    middle = rendered[block[0]][3] + inner(1) + delimiter + inner(2) + rendered[block[-1]][4]
    pieces = [r[1] for r in rendered[:block[0]]] + [middle] + [r[1] for r in rendered[block[-1] + 1:]]
    return date.join(pieces)


# citeproc-js's list of words title case leaves in lower case (CSL 1.0.2 gives the short list;
# citeproc-js, the reference processor, uses this longer one).
TITLE_CASE_STOP_WORDS = frozenset("""
about above across afore after against al along alongside amid amidst among amongst anenst apropos apud around as
aside astride at athwart atop barring before behind below beneath beside besides between beyond but by circa
despite down during et except for forenenst from given in inside into lest like modulo near next notwithstanding
of off on onto out over per plus pro qua sans since than through thru throughout thruout till to toward towards
under underneath until unto up upon versus vs. v. vs v via vis-à-vis with within without or yet so nor a an the
and de d' von van c ca""".split())


def _patch_title_case(model: Any) -> None:
    """CSL title case: stop words in lower case except as first or last word or after a colon;
    each lower-case part of a hyphenated word capitalised ("Multi-Beam")."""
    original = model.TextCased.case

    def case(self: Any, text: Any, language: Any = None) -> Any:
        if self.get("text-case") != "title" or not enabled("title-case"):
            return original(self, text, language)
        if language not in (None, "en") and enabled("text-case-language"):
            return text
        if not hasattr(text, "words"):
            return original(self, text, language)
        words = list(text.words())
        output = []
        previous = ":"
        for index, word in enumerate(words):
            plain = str(word)
            edge = index == 0 or index == len(words) - 1 or previous in (":", "?", "!")
            if "-" in plain and type(word).__name__ == "String" and not (plain in TITLE_CASE_STOP_WORDS and not edge):
                parts = plain.split("-")
                parts = [p[:1].upper() + p[1:] if p[:1].islower() and (i == 0 or p not in TITLE_CASE_STOP_WORDS)
                         and (i > 0 or not (p in TITLE_CASE_STOP_WORDS and not edge)) else p
                         for i, p in enumerate(parts)]
                word = type(word)("-".join(parts))
            elif word.islower():
                if plain in TITLE_CASE_STOP_WORDS and not edge:
                    word = word.soft_lower()
                elif type(word).__name__ == "String" and plain[:1] in "\ue01c\ue01e\ue020\"'\u201c\u2018":
                    word = type(word)(_capitalise_first_letter(plain))  # ‘irreversible’ -> ‘Irreversible’
                else:
                    word = word.capitalize_first()

            if type(word).__name__ == "String" and "." in str(word)[:-1] and not (plain in TITLE_CASE_STOP_WORDS
                                                                                and not edge):
                # citeproc-js treats a period inside a word as a word boundary (Cnn.Com)
                word = type(word)(_DOTTED_LOWER.sub(lambda m: m.group(1) + m.group(2).upper(), str(word)))
            previous = plain[-1:] if plain else previous
            output.append(word)
        return " ".join(output) if all(isinstance(w, str) for w in output) else _join_words(output)

    model.TextCased.case = case


_DOTTED_LOWER = re.compile(r"(\.)([a-z])")


def _capitalise_first_letter(text: str) -> str:
    for index, ch in enumerate(text):
        if ch.isalpha():
            return text[:index] + ch.upper() + text[index + 1:]
    return text


def _join_words(words: list[Any]) -> Any:
    result = words[0]
    for word in words[1:]:
        result = result + " " + word
    return result


def _patch_page_range(model: Any) -> None:
    """Page ranges are abbreviated only when both numbers have the same number of digits
    ("3–18", not "3–8"; "98–102"); citeproc-py compared digit by digit regardless of length."""
    original = model.FormatNumber._format_last_page

    def _format_last_page(self: Any, first: str, last: str) -> str:
        if enabled("page-range") and len(first.strip()) != len(last.strip()):
            return last
        return original(self, first, last)

    model.FormatNumber._format_last_page = _format_last_page


_RECORDERS: list[list[str]] = []


def _patch_substitution(model: Any) -> None:
    """What ``cs:substitute`` rendered is suppressed in the rest of the entry (CSL 1.0.2,
    §Substitute): the variables the substitute actually printed (recorded while it renders), names
    included.  citeproc-py only suppressed a directly substituted text variable, so MLA printed a
    substituted title twice and APA printed substituted editors again as "(J. Smith & J. Doe, Eds.)"."""
    from citeproc.source import VariableError

    original_add = model.Substitute.add_to_repressed_list
    original_render = model.Substitute.render
    original_names = model.Names.process
    original_text_variable = model.Text._variable

    def render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        if not enabled("substitution"):
            return original_render(self, item, context=context, **kwargs)
        text = None
        for child in self.getchildren():
            recorder: list[str] = []
            _RECORDERS.append(recorder)
            try:
                if isinstance(child, model.Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            finally:
                _RECORDERS.pop()
            if text:
                layout = (context if context is not None else self).get_layout()
                for tag in ("text", "names", "number", "date"):
                    key = "{http://purl.org/net/xbiblio/csl}" + tag
                    layout.repressed.setdefault(key, []).extend(recorder)
                for outer in _RECORDERS:  # a substitute inside a substitute
                    outer.extend(recorder)
                break
        return text or None

    def text_variable(self: Any, item: Any, context: Any) -> Any:
        value = original_text_variable(self, item, context)
        if value is not None and _RECORDERS:
            _RECORDERS[-1].append(self.get("variable"))
        return value

    def process(self: Any, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        roles = self.get("variable", "").split()
        if not enabled("substitution") or not roles:
            return original_names(self, item, names_context=names_context, context=context, **kwargs)
        if names_context is None and self.name is None:
            # A bare cs:names anywhere inside cs:substitute (also under cs:choose) formats its names
            # with the cs:name and cs:label of the cs:names being substituted.
            outer = self.xpath_search("./ancestor::cs:substitute[1]/parent::cs:names[1]")
            if outer:
                names_context = outer[0]
        inside_substitute = bool(self.xpath_search("./ancestor::cs:substitute"))
        blocked: set[str] = set()
        if not inside_substitute:
            try:
                repressed = (context if context is not None else self).get_layout().repressed or {}
            except Exception:
                repressed = {}
            blocked = set(repressed.get(self.tag, []))
        allowed = [r for r in roles if r not in blocked]
        if not allowed:
            raise VariableError
        if _RECORDERS:
            _RECORDERS[-1].extend(r for r in allowed if r.replace("-", "_") in item.reference)
        if len(allowed) == len(roles):
            return original_names(self, item, names_context=names_context, context=context, **kwargs)
        self.set("variable", " ".join(allowed))
        try:
            return original_names(self, item, names_context=names_context, context=context, **kwargs)
        finally:
            self.set("variable", " ".join(roles))

    model.Substitute.render = render
    model.Substitute.add_to_repressed_list = original_add
    model.Names.process = process
    model.Text._variable = text_variable


def _variables_called(element: Any) -> list[str]:
    """Every variable an element renders, following macros."""
    found: list[str] = []
    seen: set[str] = set()

    def visit(node: Any) -> None:
        variable = node.get("variable") if hasattr(node, "get") else None
        if variable and not str(node.tag).endswith(("if", "else-if", "key")):
            found.extend(variable.split())
        macro = node.get("macro") if hasattr(node, "get") else None
        if macro and macro not in seen:
            seen.add(macro)
            try:
                visit(node.get_macro(macro))
            except Exception:
                pass
        for child in node.iterchildren():
            visit(child)

    visit(element)
    return found


def _register_name_variables() -> None:
    """CSL 1.0.2 name variables citeproc-py does not list (director, performer, ...) are read as
    names instead of being dropped."""
    import citeproc

    for name in ("chair", "compiler", "contributor", "curator", "director", "executive_producer", "guest", "host",
                 "narrator", "organizer", "performer", "producer", "reviewed_author", "script_writer",
                 "series_creator", "translator", "editorial_director"):
        if name not in citeproc.NAMES:
            citeproc.NAMES.append(name)


def _patch_sort_keys(model: Any) -> None:
    """Sort text as people (and citeproc-js's collator) do: ignoring case, accents, markup and
    punctuation such as quotes and brackets ("[F]linders" between Doe and Roe; "Aaa" before
    "ABC").  citeproc-py compares the raw rendered strings."""
    original = model.Key.sort_keys

    def sort_keys(self: Any, items: list[Any], context: Any) -> list[Any]:
        keys = original(self, items, context)
        if not enabled("sort-collation"):
            return keys
        demote = str(self.get_root().get("demote-non-dropping-particle", "display-and-sort")).lower() != "never"
        return [collation_key(k, demote) if isinstance(k, (str, list)) else k for k in keys]

    model.Key.sort_keys = sort_keys


PARALLEL_SORT_MIN_ITEMS = 800


def _patch_parallel_sort(model: Any) -> None:
    """Sort keys of a long bibliography are computed on several cores (each key renders macros for
    every item); the comparison itself stays citeproc-py's."""
    original_sort = model.Sort.sort

    def sort(self: Any, items: list[Any], context: Any) -> Any:
        from ..parallel import chunk_runner

        if len(items) <= 1:
            return list(items)  # one cite (a year-suffix check) needs no sort keys rendered
        keys = self.findall("cs:key", self.nsmap)
        if len(items) < PARALLEL_SORT_MIN_ITEMS or not keys or not enabled("parallel-sort"):
            return original_sort(self, items, context)
        with chunk_runner(len(items), PARALLEL_SORT_MIN_ITEMS) as runner:
            if not runner.parallel:
                return original_sort(self, items, context)
            slices = runner.map_ranges(_sort_key_slice, len(items), keys=keys, items=items, context=context)
        precomputed = [[value for chunk in slices for value in chunk[index]] for index in range(len(keys))]
        originals = {}
        for key, values in zip(keys, precomputed):
            originals[id(key)] = values
        real = model.Key.sort_keys
        model.Key.sort_keys = lambda key, items_, context_: originals[id(key)]  # type: ignore[assignment]
        try:
            return original_sort(self, items, context)
        finally:
            model.Key.sort_keys = real

    model.Sort.sort = sort


def _sort_key_slice(bounds: tuple[int, int]) -> list[list[Any]]:
    from ..parallel import SHARED

    keys, items, context = SHARED["keys"], SHARED["items"], SHARED["context"]
    start, end = bounds
    return [[_picklable(v) for v in key.sort_keys(items[start:end], context)] for key in keys]


def _picklable(value: Any) -> Any:
    if isinstance(value, (str, int, float, tuple)) or value is None:
        return value if not isinstance(value, str) else str(value)
    if isinstance(value, list):
        return collation_key(value)
    return value


_TAGS = re.compile(r"<[^<>]{1,200}>")
_NOT_WORD = re.compile(r"[^\w\s]+")


_LEADING_PARTICLES = re.compile(r"^(?:(?:van|von|der|den|de|del|della|di|da|dos|das|du|la|le|ter|ten|zu|zur|vom|d|l)\s+)+")


def collation_key(text: Any, demote_particles: bool = True) -> str:
    """A key that sorts as citeproc-js's collator does: case, accents, markup and punctuation
    ignored, and a name's lowercase particle ("van der Eyden") not deciding its place."""
    import unicodedata

    if isinstance(text, list):  # citeproc-py's MixedString
        text = "".join(str(part) for part in text)
    plain = _TAGS.sub("", str(text))
    plain = unicodedata.normalize("NFKD", plain)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = _NOT_WORD.sub("", plain.replace("&#38;", "&"))
    plain = " ".join(plain.split())
    stripped = _LEADING_PARTICLES.sub("", plain) if demote_particles and plain[:1].islower() else plain
    return (stripped or plain).casefold()


# --- hooks around rendering ---------------------------------------------------------------------

_NUMBER_RANGE = re.compile(r"(?<=\d)\s*-\s*(?=\d)")
_RANGED_NUMBERS = ("issue", "volume", "number", "collection-number", "chapter-number", "number-of-volumes",
                   "edition", "part-number", "supplement-number", "citation-number")
_RICH_TAG = re.compile(r"<(/?)(i|b|sup|sub|sc|span)((?:\s+(?:class|style)=\"[^\"<>]{0,80}\")?)\s*>", re.IGNORECASE)


def prepare_items(items: list[dict[str, Any]], style: Any, output: str = "html") -> None:
    """Item-level adjustments before citeproc-py reads the items:

    * ``rich-text``: CSL-JSON's HTML subset in field values (``<i>``, ``<b>``, ``<sup>``, ``<sub>``,
      small caps, ``nodecor``) becomes markup for HTML and is removed for text; everything else is
      escaped.  citeproc-py copies field text into HTML unescaped, so without this a ``&`` or a
      ``<script>`` in a title would reach the page as markup.
    * number ranges (``issue: "3-4"``) get the en dash citeproc-js prints;
    * a family name in double quotes ("\"Van Dyke\"", CSL-JSON's way to say "no particle
      parsing") loses its quotes.
    """
    for item in items:
        for variable, value in list(item.items()):
            if isinstance(value, str) and variable not in ("id", "type", "URL", "DOI"):
                if enabled("rich-text"):
                    value = rich_text(value, output)
                if variable in _RANGED_NUMBERS:
                    value = _NUMBER_RANGE.sub("\u2013", value)
                item[variable] = value
            elif isinstance(value, list):
                for person in value:
                    if isinstance(person, dict):
                        for part in ("family", "given", "literal"):
                            text = person.get(part)
                            if isinstance(text, str):
                                if part == "family" and len(text) > 2 and text[0] == text[-1] == '"':
                                    text = text[1:-1]
                                person[part] = rich_text(text, output) if enabled("rich-text") else text


def rich_text(value: str, output: str) -> str:
    """CSL rich text to citeproc-py input: allowed tags as HTML (or dropped for text), the rest
    escaped; ``nocase`` spans are kept in both, because citeproc-py reads them itself."""
    def escape(t: str) -> str:
        if output == "html":
            t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return _mark_quotes(t)
    out: list[str] = []
    stack: list[str] = []
    position = 0
    for m in _RICH_TAG.finditer(value):
        out.append(escape(value[position:m.start()]))
        position = m.end()
        closing, tag, attributes = m.group(1), m.group(2).lower(), m.group(3).lower()
        if closing:
            if tag in stack or (tag == "span" and any(k.startswith("span") for k in stack)):
                while stack:
                    opened = stack.pop()
                    out.append(_close(opened, output))
                    if opened == tag or (opened.startswith("span") and tag == "span"):
                        break
            continue
        if tag == "span":
            kind = "span-nocase" if "nocase" in attributes else "span-nodecor" if "nodecor" in attributes else \
                "span-sc" if "small-caps" in attributes else "span"
        else:
            kind = tag
        stack.append(kind)
        out.append(_open(kind, output))
    out.append(escape(value[position:]))
    while stack:
        out.append(_close(stack.pop(), output))
    return "".join(out)


# Tags travel through citeproc-py as private-use characters, so its text-case code cannot touch
# them (title case would otherwise turn ``<span style=`` into ``<span Style=``).
_PLACEHOLDERS = {
    "i": ("\ue010", "\ue011"), "b": ("\ue012", "\ue013"), "sup": ("\ue014", "\ue015"),
    "sub": ("\ue016", "\ue017"), "sc": ("\ue018", "\ue019"), "span-sc": ("\ue018", "\ue019"),
    "span-nodecor": ("\ue01a", "\ue01b"), "span": ("", ""),
}
_PLACEHOLDER_HTML = {"\ue010": "<i>", "\ue011": "</i>", "\ue012": "<b>", "\ue013": "</b>", "\ue014": "<sup>",
                     "\ue015": "</sup>", "\ue016": "<sub>", "\ue017": "</sub>",
                     "\ue018": '<span style="font-variant:small-caps;">', "\ue019": "</span>", "\ue01b": "</span>"}
_PLACEHOLDER_RE = re.compile("[\ue010-\ue01b]")


def _open(kind: str, output: str) -> str:
    if kind == "span-nocase":
        return '<span class="nocase">'
    return _PLACEHOLDERS[kind][0] if output == "html" else ""


def _close(kind: str, output: str) -> str:
    if kind == "span-nocase":
        return "</span>"
    return _PLACEHOLDERS[kind][1] if output == "html" else ""


_DOUBLE_PAIR = re.compile(r'(?<![\w"])["\u201c](?=\S)([^"\u201c\u201d]{1,300}?)(?<=\S)["\u201d](?![\w"])')
_SINGLE_PAIR = re.compile(r"(?<![\w'\u2019])['\u2018](?=\S)([^'\u2018\u2019]{1,300}?)(?<=\S)['\u2019](?!\w)")
INNER_OPEN, INNER_CLOSE = "\ue01c", "\ue01d"
# Curly quotes from the data keep their own shape at the top level: \ue01e/\ue01f for “ ”,
# \ue020/\ue021 for ‘ ’.
_CURLY = {"\u201c": ("\ue01e", "\ue01f"), "\u2018": ("\ue020", "\ue021")}
_TOP_LEVEL = {"\ue01e": "\u201c", "\ue01f": "\u201d", "\ue020": "\u2018", "\ue021": "\u2019"}


def _mark_quotes(text: str) -> str:
    """Straight quotes around a phrase in a field become quote placeholders; after rendering they
    are double or single quotes depending on whether the style put the field in quotes (citeproc-js's
    "flip-flop")."""
    if not enabled("flip-flop-quotes") or not any(q in text for q in "\"'\u201c\u2018"):
        return text
    def mark(m: re.Match[str]) -> str:
        opening, closing = _CURLY.get(m.group(0)[0], (INNER_OPEN, INNER_CLOSE))
        return opening + m.group(1) + closing

    text = _DOUBLE_PAIR.sub(mark, text)
    return _SINGLE_PAIR.sub(mark, text)


def resolve_quotes(entry: str, outer: tuple[str, str] = ("\u201c", "\u201d"),
                   inner: tuple[str, str] = ("\u2018", "\u2019")) -> str:
    """Quote placeholders -> the locale's inner quotes inside an outer quotation, else outer quotes."""
    if not any(ch in entry for ch in (INNER_OPEN, "\ue01e", "\ue020")):
        return entry
    openers = (outer[0], INNER_OPEN, "\ue01e", "\ue020")
    closers = (outer[1], INNER_CLOSE, "\ue01f", "\ue021")
    out: list[str] = []
    depth = 0
    for ch in entry:
        if ch in openers:
            nested = depth % 2 == 1
            if ch == outer[0]:
                out.append(ch)
            elif nested:
                out.append(inner[0])
            else:
                out.append(outer[0] if ch == INNER_OPEN else _TOP_LEVEL[ch])
            depth += 1
        elif ch in closers:
            depth = max(0, depth - 1)
            nested = depth % 2 == 1
            if ch == outer[1]:
                out.append(ch)
            elif nested:
                out.append(inner[1])
            else:
                out.append(outer[1] if ch == INNER_CLOSE else _TOP_LEVEL[ch])
        else:
            out.append(ch)
    return "".join(out)


def restore_markup(entry: str) -> str:
    """Placeholders back to HTML; a ``nodecor`` span undoes the formatting it sits in (italic,
    bold or small caps), as citeproc-js renders it."""
    if not _PLACEHOLDER_RE.search(entry):
        return entry
    out: list[str] = []
    stack: list[str] = []
    for piece in re.split(r"(<[^<>]+>|[\ue010-\ue01b])", entry):
        if piece == "\ue01a":
            innermost = next((t for t in reversed(stack) if t in ("i", "b", "sc")), "i")
            style = {"i": "font-style:normal;", "b": "font-weight:normal;", "sc": "font-variant:normal;"}[innermost]
            out.append(f'<span style="{style}">')
        elif piece in _PLACEHOLDER_HTML:
            out.append(_PLACEHOLDER_HTML[piece])
        else:
            out.append(piece)
        tag = piece if piece.startswith("<") else _PLACEHOLDER_HTML.get(piece, "")
        if tag.startswith("</"):
            if stack:
                stack.pop()
        elif tag.startswith("<i") or tag.startswith("<b") or "small-caps" in tag:
            stack.append("i" if tag.startswith("<i") else "b" if tag.startswith("<b") else "sc")
        elif tag.startswith("<") and not tag.endswith("/>"):
            stack.append("other")
    return "".join(out)


def before_sort(bibliography: Any, style: Any) -> None:
    """Hook for fixes that need the registered items before sorting (none needed yet)."""


def after_sort(bibliography: Any, style: Any) -> None:
    """Year suffixes: items an author-date citation cannot tell apart (the same names, as the
    citation's et-al settings shorten them, and the same year) get a, b, c... in bibliography order
    (CSL's ``disambiguate-add-year-suffix``; citeproc-py does no disambiguation)."""
    citation = style.root.citation
    if not enabled("year-suffix") or citation is None:
        return
    if str(citation.get("disambiguate-add-year-suffix", "false")).lower() != "true":
        return
    et_al_min = _int(citation.get("et-al-min"))
    et_al_first = _int(citation.get("et-al-use-first")) or 1
    # Only items that share a year and a first name (or have none) can cite alike; their citations
    # are rendered to decide (rendering every citation doubled the time of a long bibliography).
    candidates: dict[Any, list[Any]] = {}
    for item in bibliography.items:
        names, _, year, _ = _citation_key(item.reference, et_al_min, et_al_first)
        candidates.setdefault((year, names[0] if names else None), []).append(item)
    to_check = [item for members in candidates.values() if len(members) > 1 for item in members]
    rendered_citations = _render_citations(bibliography, style, to_check)
    groups: dict[Any, list[Any]] = {}
    for item, rendered in zip(to_check, rendered_citations):
        key = rendered if rendered else _citation_key(item.reference, et_al_min, et_al_first)
        groups.setdefault(key, []).append(item)
    position = {id(item): index for index, item in enumerate(bibliography.items)}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda item: position[id(item)])  # letters follow the bibliography's order
        for index, item in enumerate(members):
            item.reference["year_suffix"] = _letters(index)


def _render_citations(bibliography: Any, style: Any, items: list[Any]) -> list[str | None]:
    """Citations of many items, on several cores when there are many."""
    from ..parallel import chunk_runner

    with chunk_runner(len(items), PARALLEL_SORT_MIN_ITEMS) as runner:
        if not runner.parallel:
            return [_render_citation(bibliography, style, item) for item in items]
        chunks = runner.map_ranges(_citation_slice, len(items), bibliography=bibliography, style=style,
                                   cite_items=items)
    return [text for chunk in chunks for text in chunk]


def _citation_slice(bounds: tuple[int, int]) -> list[str | None]:
    from ..parallel import SHARED

    bibliography, style, items = SHARED["bibliography"], SHARED["style"], SHARED["cite_items"]
    return [_render_citation(bibliography, style, item) for item in items[bounds[0]:bounds[1]]]


def _render_citation(bibliography: Any, style: Any, item: Any) -> str | None:
    """The item's citation as the style renders it alone ("(NATO 2011)"): two items with the same
    citation need year suffixes.  None when the citation cannot be rendered."""
    from citeproc import Citation, CitationItem

    cite = Citation([CitationItem(item.key)])
    cite.bibliography = bibliography
    try:
        text = str(style.render_citation(cite, [], None))
    except Exception:  # noqa: BLE001 - fall back to the names-and-year key
        return None
    plain = _TAGS.sub("", text).strip(" ()[]")
    return text if plain else None


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _citation_key(reference: Any, et_al_min: int | None, et_al_first: int) -> tuple[Any, ...]:
    people: list[Any] = []
    for role in ("author", "editor", "translator"):
        people = list(reference.get(role) or [])
        if people:
            break
    families = []
    for person in people:
        family = person.get("family") or person.get("literal") or person.get("given") or ""
        families.append(str(family).lower())
    truncated = bool(et_al_min and len(families) >= et_al_min)
    if truncated:
        families = families[:et_al_first]
    issued = reference.get("issued")
    year = None
    if isinstance(issued, dict):  # citeproc-py's Date/DateRange are dicts whose attributes raise
        begin = dict.get(issued, "begin")
        year = dict.get(begin, "year") if isinstance(begin, dict) else dict.get(issued, "year")
    title = "" if families else str(reference.get("title") or "").lower()
    return (tuple(families), truncated, year, title)


def _letters(index: int) -> str:
    """a..z, then aa, ab... as citeproc-js numbers year suffixes."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(97 + remainder) + letters
    return letters


@contextmanager
def rendering(style: Any, output: str) -> Iterator[None]:
    yield


# --- output steps --------------------------------------------------------------------------------

_QUOTE_PERIOD = re.compile(r"([\u201d\u2019]+)((?:</[a-z]+>)*)([.,])")
_QUESTION_QUOTE_PERIOD = re.compile(r"([?!])([\u201d\u2019])((?:</[a-z]+>)*)\.")
_DOUBLED = re.compile(r"([.?!])((?:</(?:i|b|span|sup|sub)>|[\ue002\ue003])*)\.(?!\.)")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")


def after_render(entries: list[str], style: Any, output: str, layout: dict[str, str]) -> list[str]:
    piq = _punctuation_in_quote(style)
    fixed = []
    for entry in entries:
        entry = resolve_quotes(entry, *_quote_terms(style))
        if enabled("punctuation-in-quote"):
            entry = _QUESTION_QUOTE_PERIOD.sub(r"\1\2\3", entry)
            if piq:
                entry = _QUOTE_PERIOD.sub(r"\3\1\2", entry)
        if enabled("doubled-punctuation"):
            entry = _DOUBLED.sub(r"\1\2", entry)
        if enabled("apostrophe"):
            entry = _APOSTROPHE.sub("\u2019", entry)
        if output == "html" and enabled("character-references"):
            entry = entry.replace("&amp;", "&#38;").replace("&lt;", "&#60;").replace("&gt;", "&#62;")
        entry = _display_markup(entry, output)
        if output == "html":
            entry = restore_markup(entry)
        fixed.append(entry)
    return fixed


def _quote_terms(style: Any) -> tuple[tuple[str, str], tuple[str, str]]:
    try:
        root = style.root
        return ((str(root.get_single_term(name="open-quote")), str(root.get_single_term(name="close-quote"))),
                (str(root.get_single_term(name="open-inner-quote")), str(root.get_single_term(name="close-inner-quote"))))
    except Exception:  # terms missing from a custom locale: English quotes
        return ("\u201c", "\u201d"), ("\u2018", "\u2019")


def _punctuation_in_quote(style: Any) -> bool:
    try:
        return str(style.root.get_locale_option("punctuation-in-quote")).lower() == "true"
    except Exception:  # a style without locale information: the CSL default
        return False


_DISPLAY = re.compile(OPEN + r"([a-z-]+)" + MID + r"((?:(?!" + OPEN + r").)*?)" + CLOSE, re.DOTALL)


def _display_markup(entry: str, output: str) -> str:
    """Markers -> citeproc-js's ``csl-left-margin``/``csl-right-inline``/``csl-block``/``csl-indent``
    divs (HTML), or plain spacing (text)."""
    for _ in range(8):  # nested displays: innermost first
        if OPEN not in entry:
            break
        if output == "html":
            entry = _DISPLAY.sub(lambda m: f'<div class="csl-{m.group(1)}">{m.group(2)}</div>', entry)
        else:
            entry = _DISPLAY.sub(lambda m: m.group(2) + (" " if m.group(1) == "left-margin" else ""), entry)
    entry = entry.replace(OPEN, "").replace(MID, "").replace(CLOSE, "")
    if SECOND_FIELD in entry:
        left, _, right = entry.partition(SECOND_FIELD)
        if output == "html":
            entry = f'<div class="csl-left-margin">{left}</div><div class="csl-right-inline">{right}</div>'
        else:
            entry = left + ("" if not right or right[:1].isspace() or not left else " ") + right
    return entry
