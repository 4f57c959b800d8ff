"""Tagged spans to a CSL item, with the reference-list parser's normalisers (names, dates, pages,
identifiers); the type is inferred from the labels present.  Text no rule can place goes to
``note``, so nothing the reference holds is lost."""

from __future__ import annotations

import re

from ..csl import Item, date_to_csl
from ..normalize.dates import parse_date
from ..normalize.identifiers import find_identifiers, find_urls, isbn_is_valid, normalise_doi, normalise_isbn
from ..normalize.publishers import PUBLISHER_NAME, is_place
from . import tag_reference
from .cjk import GBT_DATES, cjk_sentences
from .punctuated import (
    acs_chapter_imprint,
    acs_names_before_role,
    din_initials_before_colon,
    double_slash_container,
    japanese_locator_terms,
    names_in_book,
)
from .repair.item_forms import (
    _chapter_with_editors_then_imprint,
    _din_imprint_and_volume_word,
    _oscola_book,
    _parenthesised_imprint,
    _patent_number,
    _report_details,
    _single_quoted_title,
    _unpublished_manuscript,
)
from .repair.item_imprint import (
    _container_that_is_a_publisher,
    _imprint_inside_title,
    _proceedings_publisher,
    _publisher_and_place,
    _publisher_as_last_sentence,
    _publisher_before_semicolon,
    _publisher_comma_place,
)
from .repair.item_titles import (
    _book_series_read_as_container,
    _container_tail,
    _date_inside_title,
    _editors_inside_container,
    _entry_title_before_in,
    _organisation_before_title,
    _role_and_edition_in_title,
    _springer_volume_without_pages,
    _title_descriptors,
    _title_glued_to_container,
    _title_sentence_in_journal,
    _volume_opened_in_title,
)
from .repair.item_type import infer_type
from .repair.item_web import _web_details
from .repair.span_imprint import (
    _body_closing_the_title_before_publisher,
    _book_read_into_place,
    _bracketed_place_before_publisher,
    _closing_parenthesised_imprint,
    _institution_read_as_container,
    _mla_publisher_before_year,
    _publisher_closing_author_date_book,
    _publisher_closing_the_title_before_place,
    _publisher_cut_before_its_place,
    _publisher_spilling_into_a_year,
    _relabel,
    _title_read_into_the_publisher,
)
from .repair.span_names import (
    _bare_initials_after_the_last_family,
    _book_read_into_the_names,
    _editors_bracketed_after_the_book,
    _editors_closing_the_book,
    _film_credits,
    _form_of_address_read_as_author,
    _imprint_read_into_the_editors,
    _names_before_quoted_title,
    _names_spilling_into_imprint,
    _role_names_read_as_authors,
    _role_phrase_closing_the_book,
    _title_after_the_names_colon,
    _unmarked_editors_heading_the_reference,
    _split_vancouver_authors,
    _thesis_read_into_the_names,
    _vancouver_author_in_title,
    _work_read_into_given_first_names,
)
from .repair.span_numbers import (
    _acm_issue_before_bracketed_date,
    _access_date_with_no_access_word,
    _downloaded_from_url_on_date,
    _iso690_repeated_year,
    _issue_without_volume,
    _number_closing_an_edited_book,
    _original_date_before_translation,
    _software_version_read_as_volume,
    _volume_and_issue_read_as_pages_or_note,
    _volume_read_into_place,
    _year_read_into_pages,
    _year_inside_container,
    _title_word_read_into_date,
)
from .repair.span_titles import (
    _book_after_in_read_as_title,
    _book_after_comma_in_inside_title,
    _book_between_in_editors_and_imprint,
    _journal_marked_online_in_title,
    _journal_words_in_title,
    _place_left_in_title,
    _publisher_after_bracketed_book_title,
    _journal_after_the_titles_last_colon,
    _journal_closing_the_title,
    _text_after_quoted_title,
    _title_inside_comma_separated_work,
    _book_cut_after_a_function_word,
    _conference_name_year_acronym,
    _title_cut_after_a_function_word,
    _title_read_as_container,
    _title_words_in_container,
    _unclosed_bracket,
    _vancouver_journal,
    _year_inside_title,
    _title_before_the_journals_comma,
    _journal_as_the_titles_last_sentence,
)
from .repair.text import (
    _ACCESS,
    _EDITOR_ROLE_MARK,
    _IN,
    _UNPUBLISHED_THESIS,
    _YEAR_COLON,
    _YEAR_SPAN,
    _clean,
    _date_parts,
    _has_quoted_title,
    _names,
    _strip_wrapping,
    _year,
    _year_of,
    expand_page_range,
)

_PAGES = re.compile(r"(?:pp?\.|pages?|S\.)?\s*([A-Za-z]{0,8}\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]{0,8}\d+[A-Za-z]?)?)")
_NUMBER = re.compile(r"[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?|[IVXLCDM]+\b")
_VANCOUVER = re.compile(r"(?P<year>(?:1[5-9]|20)\d\d)(?:[-–](?:1[5-9]|20)\d\d)?(?:\s(?P<month>[A-Z][a-z]{2})(?:\s(?P<day>\d{1,2}))?)?\s?;\s?(?P<volume>(?=\w{0,5}\d)\w{1,6}|[IVXLC]{1,6}\b)?"
                        r"(?:\s?\((?P<issue>[^)]{1,12})\))?(?:\s?:\s?(?P<page>[A-Za-z]{0,8}\d+[A-Za-z]?(?:[-–]\w+)?))?")
_VOLUME_PAGES = re.compile(r"(\d{1,6})\s?(?:\(([^()]{1,12})\))?(?::|,(?=\s?[A-Za-z]{0,8}\d))\s?([A-Za-z]{0,8}\d+[A-Za-z]?(?:\s?[-–]\s?[A-Za-z]{0,8}\d+)?)\.?$")
_CHICAGO_TAIL = re.compile(r"(?<![\w./-])(?<!no\.\s)(?<!No\.\s)(\d{1,6})(?:,\sno\.\s?(\w{1,8}))?\s"
                           r"\((?:[^()]{0,24}\b\d{4}|[A-Z][a-z]{2,9}\.?(?:[\s/–-][A-Za-z0-9]{1,9}\.?){0,2})\)"
                           r":\s?([A-Za-z]{0,8}\d+[A-Za-z]?(?:\s?[-–]\s?[A-Za-z]{0,8}\d+)?)")
# A volume and its issue joined by a slash (not a range of years: "1998/99")
_VOLUME_SLASH_ISSUE = re.compile(r"\s*(?!(?:1[5-9]|20)\d\d/)(\d{1,4})/(\d{1,4}[A-Za-z]?)[:,.]?\s*")
_YEAR_RANGE = re.compile(r"\(?(?:1[5-9]|20)\d\d\s?[-–]\s?(?:1[5-9]|20)\d\d\)?[.,;]?")  # MLA's "vol. 12, 2001–2003, pp."


def spans_to_item(spans: list[tuple[str, str]], repair: bool = True) -> Item:
    """A CSL item from labelled spans.  ``repair`` first re-cuts spans where taggers go wrong (names
    spilling into a title, a journal glued to a title...); spans a person labelled need none."""
    item: Item = {}
    leftovers: list[str] = []
    grouped: dict[str, list[str]] = {}
    if repair:
        spans = _imprint_read_into_the_editors(_book_read_into_the_names(_thesis_read_into_the_names(
            _bare_initials_after_the_last_family(_unmarked_editors_heading_the_reference(spans)))))
        spans = din_initials_before_colon(acs_chapter_imprint(acs_names_before_role(japanese_locator_terms(cjk_sentences(spans)))))
        spans = _form_of_address_read_as_author(_institution_read_as_container(
            _downloaded_from_url_on_date(_access_date_with_no_access_word(spans))))
        spans = _vancouver_journal(_text_after_quoted_title(_names_before_quoted_title(spans)))
        spans = _title_words_in_container(_journal_words_in_title(_journal_marked_online_in_title(spans)))
        spans = _role_names_read_as_authors(_film_credits(_vancouver_author_in_title(spans)))
        spans = _conference_name_year_acronym(_title_cut_after_a_function_word(_unclosed_bracket(
            _names_spilling_into_imprint(spans))))
        spans = _book_cut_after_a_function_word(names_in_book(double_slash_container(_split_vancouver_authors(spans))))
        spans = _editors_bracketed_after_the_book(spans)
        spans = _mla_publisher_before_year(_relabel(_book_between_in_editors_and_imprint(_title_read_as_container(
            _book_after_in_read_as_title(spans)))))
        spans = _publisher_closing_author_date_book(_place_left_in_title(_year_inside_title(spans)))
        spans = _closing_parenthesised_imprint(_bracketed_place_before_publisher(spans))
        spans = _year_inside_container(_book_read_into_place(_original_date_before_translation(spans)))
        spans = _volume_read_into_place(_issue_without_volume(_number_closing_an_edited_book(
            _volume_and_issue_read_as_pages_or_note(spans))))
        spans = _software_version_read_as_volume(_publisher_spilling_into_a_year(_publisher_cut_before_its_place(
            _publisher_closing_the_title_before_place(_title_read_into_the_publisher(
            _body_closing_the_title_before_publisher(spans))))))
        spans = _work_read_into_given_first_names(_editors_closing_the_book(_iso690_repeated_year(spans)))
        spans = _title_inside_comma_separated_work(_acm_issue_before_bracketed_date(spans))
        spans = _book_after_comma_in_inside_title(spans)
        spans = _year_read_into_pages(_journal_closing_the_title(_title_after_the_names_colon(spans)))
        spans = _publisher_after_bracketed_book_title(_journal_after_the_titles_last_colon(spans))
        spans = _title_word_read_into_date(_title_before_the_journals_comma(spans))
        spans = _journal_as_the_titles_last_sentence(spans)
        spans = _role_phrase_closing_the_book(spans)
    for label, text in spans:
        if text.strip():
            grouped.setdefault(label, []).append(text)
    for index, text in enumerate(grouped.get("editor", [])):
        tail = re.search(r"\bet al\.,\s+(.+)$", text)  # MLA's "edited by E. R. Schiff et al., Lippincott-Raven Publishers,"
        if tail and PUBLISHER_NAME.search(tail.group(1)) and "publisher" not in grouped:
            grouped["editor"][index] = text[:tail.start(1)]
            grouped["publisher"] = [tail.group(1)]
    for label in ("author", "editor", "translator", "director"):
        if label in grouped:
            people, et_al = _names(" ".join(grouped[label]))
            if people and label == "author" and "editor" not in grouped \
                    and _EDITOR_ROLE_MARK.search(" ".join(grouped[label])):
                item["editor"] = people  # APA's "Smith, J. (Ed.).", DIN's "Mitchell, C. (Hrsg.):": an edited book
            elif people:
                item[label] = people
            if et_al and label == "author":
                item.setdefault("custom", {})["et-al"] = True
    dates = grouped.get("date", [])
    if len(dates) > 1:  # "NATO 1948: The Birth..." : a year before a colon is part of a title, not the date
        dates = [d for d in dates if not _YEAR_COLON.fullmatch(d)] or dates
    for date_text in dates:
        gbt = GBT_DATES.search(date_text)  # GB/T 7714's online "(2021-02-28)[2021-03-01]": issued, then cited
        if gbt and "accessed" not in grouped:
            cited = parse_date(gbt.group(2))
            if cited is not None:
                item["accessed"] = date_to_csl(cited)
                date_text = date_text[:gbt.start(2) - 1] + date_text[gbt.end(2) + 1:]
        cleaned = re.sub(r"(?<=\d{4})[a-z]\b", "", _clean(date_text).rstrip(")]."))  # "(1948a).": a year suffix
        apa = re.fullmatch(r"(\d{4}),\s*(\w+\.?(?:\s\d{1,2})?)", cleaned)  # APA's "2017, May 25"
        date = (parse_date(f"{apa.group(2)} {apa.group(1)}") if apa else None) or parse_date(cleaned) \
            or parse_date(_year(date_text))
        year_only = _date_parts(item, "issued")
        completed = parse_date(f"{cleaned} {year_only[0]}") if date is None and len(year_only) == 1 \
            and re.fullmatch(r"[^\W\d_]+\.?\s\d{1,2}|\d{1,2}\s[^\W\d_]+\.?|[^\W\d_]+\.?", cleaned) else None
        if date is not None and "issued" not in item:
            item["issued"] = date_to_csl(date)
        elif completed is not None:  # Harvard's "2014. ... The Post, 6 Sept.": the day and month of the year
            item["issued"] = date_to_csl(completed)
        elif date is None:
            leftovers.append(date_text.strip())
    for version_text in grouped.get("version", []):  # from the software repair: "Version 3.1,"
        number = re.search(r"\d[\w.-]*", version_text)
        if number:
            item.setdefault("version", number.group(0).rstrip(".-"))
        else:
            leftovers.append(version_text.strip())
    for original in grouped.get("original-date", []):
        date = parse_date(_year(original))
        if date is not None:
            item["original-date"] = date_to_csl(date)
        else:
            leftovers.append(original.strip())
    for accessed in grouped.get("accessed", []):
        date = parse_date(_clean(_ACCESS.sub("", accessed)).rstrip("]).,"))
        if date is not None:
            item["accessed"] = date_to_csl(date)
    _publisher_before_semicolon(grouped)
    for label, variable in (("title", "title"), ("container-title", "container-title"),
                            ("collection-title", "collection-title"), ("publisher", "publisher"),
                            ("location", "publisher-place"), ("genre", "genre"), ("edition", "edition")):
        if label in grouped:
            value = _strip_wrapping(" ".join(grouped[label]))
            if label in ("container-title", "collection-title"):  # IEEE's "vol. 220. in Graduate Texts"
                value = _strip_wrapping(_IN.sub("", value))
            if label == "genre":
                value = _UNPUBLISHED_THESIS.sub("", value)
            if label == "edition":
                m = re.search(r"(\d+)(?:st|nd|rd|th)?", value)
                value = m.group(1) if m else value
            if value:
                item[variable] = value
    _title_descriptors(item)
    _publisher_and_place(item)
    _parenthesised_imprint(" ".join(" ".join(t for _, t in spans).split()), item)
    if "location" in grouped and "publisher" not in grouped and ":" in item.get("publisher-place", ""):
        item["publisher"] = item.pop("publisher-place")  # "Addison-Wesley: Reading, MA" labelled a place
        _publisher_and_place(item)
    volume_text = " ".join(grouped.get("volume", []))
    years = _YEAR_RANGE.search(volume_text)
    if years and "issued" not in item and re.search(r"\d", volume_text[years.end():]):
        span = parse_date(years.group(0).strip("().,;"))  # ACS's "Zeitschrift 2001–2003, 12, 1–20": years, then volume
        if span is not None:
            item["issued"] = date_to_csl(span)
            grouped["volume"] = [volume_text[:years.start()] + volume_text[years.end():]]
    for label, variable in (("volume", "volume"), ("issue", "issue")):
        if label in grouped:
            joined_number = " ".join(grouped[label])
            both = re.search(r"(\w{1,6})\s?\((\w{1,8}(?:[-–]\w{1,8})?)\)", joined_number)  # "13(1)"
            numbered = re.search(r"\b(?:no|nr|issue|n°|n(?=\.)|núm|num|heft)\.?\s?(\w{1,8})", joined_number, re.IGNORECASE)
            colon = _VOLUME_PAGES.match(" ".join(joined_number.split())) if label == "volume" else None
            if colon and "volume" not in item:  # Springer's "Review 3:7" labelled volume as a whole
                item["volume"] = colon.group(1)
                if colon.group(2):
                    item.setdefault("issue", colon.group(2))
                item.setdefault("page", expand_page_range(re.sub(r"(?<!\s)\s*[-–—]\s*", "-", colon.group(3))))
                continue
            if both and "volume" not in item:
                item["volume"] = both.group(1)
                item.setdefault("issue", both.group(2))
                continue
            slashed = _VOLUME_SLASH_ISSUE.fullmatch(joined_number) if label == "volume" else None
            if slashed and "volume" not in item and "issue" not in grouped:
                item["volume"], item["issue"] = slashed.group(1), slashed.group(2)  # New Hart's Rules' "6/3: 141–54"
                continue
            if label == "volume" and numbered:
                item.setdefault("issue", numbered.group(1))
                joined_number = joined_number[:numbered.start()]
            identifier = re.search(r"(?i)\bdoi\b|://", joined_number)
            if identifier:  # an identifier the tagger glued on ("(2). doi:10..."); found below from the whole text
                joined_number = joined_number[:identifier.start()]
            m = _NUMBER.search(re.sub(r"(?i)\bvol(?:ume)?\.?", "", joined_number))
            if m and variable not in item:
                item[variable] = m.group(0)
    if "issue" not in item:  # "no. 4, Oct. 1948" read as one date span: the number is the issue
        # ABNT's "v. 331, n. 6023" and other languages' "núm.", "Heft"
        numbered = re.search(r"\b(?:no|nr|issue|n(?=\.)|núm|num|heft)\.?\s?(\d{1,6})\b", " ".join(
            t for label, t in spans if label in ("date", "volume", "issue", "pages")), re.IGNORECASE)
        if numbered:
            item["issue"] = numbered.group(1)
    citation = _VANCOUVER.search(" ".join(" ".join(t for label, t in spans if label in ("date", "volume", "issue", "pages")).split()))
    if citation is not None and not any(citation.group(g) for g in ("volume", "issue", "page")):
        citation = None  # a year and a semicolon ("2010; pp 133–134"), nothing glued to it
    if citation is None or citation.group("page") is None:
        # the glued "1998 Jan;20(12):1424" cut by the tagger into date and note: read it from the whole text
        whole = _VANCOUVER.search(" ".join(" ".join(t for _, t in spans).split()))
        if whole is not None and whole.group("page") is not None:
            citation = whole
            if "note" in grouped:
                grouped["note"] = [t for t in grouped["note"] if t.strip(" .,;") not in whole.group(0)]
    if citation:  # "1953;171(4356):737-8": year; volume(issue): pages, glued
        year = parse_date(" ".join(filter(None, (citation.group("day"), citation.group("month"), citation.group("year")))))
        year = year or parse_date(citation.group("year"))
        if year is not None and ("issued" not in item or len(_date_parts(item, "issued")) < len(year.start)):
            item["issued"] = date_to_csl(year)
        after = citation.string[citation.end("volume"):] if citation.group("volume") else ""
        dashed = re.match(r"\s?[-–]\s?([A-Za-z]{0,8}\d+)", after) if not citation.group("page") else None
        if dashed:  # BMJ's "1989;3–18": no volume, the pages right after the year
            item["page"] = expand_page_range(f"{citation.group('volume')}-{dashed.group(1)}")
        elif citation.group("volume"):
            item["volume"] = citation.group("volume")
        if citation.group("issue"):
            item["issue"] = citation.group("issue")
        if citation.group("page"):
            item["page"] = expand_page_range(citation.group("page").replace("\u2013", "-"))
    else:
        # AMA's "Morgan Kaufmann; 1987:24-30" and "Published online 2015:60005": year, colon, pages
        year_pages = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d):\s?([A-Za-z]{0,8}\d+[A-Za-z]?(?:\s?[-–]\s?\w+)?)",
                               " ".join(t for label, t in spans if label in ("date", "pages", "volume")))
        if year_pages:
            item["page"] = expand_page_range(re.sub(r"(?<!\s)\s*[-–—]\s*", "-", year_pages.group(2)))
            if "issued" not in item:
                item["issued"] = date_to_csl(parse_date(year_pages.group(1)))  # type: ignore[arg-type]
        elif "pages" in grouped:
            # Chicago's "Journal 27 (3): 379–423" with the volume read as part of the pages
            volume_pages = _VOLUME_PAGES.match(" ".join(" ".join(grouped["pages"]).split()))
            if volume_pages and "volume" not in item:
                item["volume"] = volume_pages.group(1)
                if volume_pages.group(2):
                    item.setdefault("issue", volume_pages.group(2))
                item["page"] = expand_page_range(re.sub(r"(?<!\s)\s*[-–—]\s*", "-", volume_pages.group(3)))
            else:
                pages = [t for t in grouped["pages"] if not _YEAR_RANGE.fullmatch(t.strip())] or grouped["pages"]
                text = " ".join(pages)
                years = _YEAR_RANGE.search(" ".join(grouped["pages"]))
                if years and "issued" not in item and (len(pages) < len(grouped["pages"]) or re.search(r"\bpp?\.", text)):
                    year_range = parse_date(years.group(0).strip("()[].,; "))
                    if year_range is not None:
                        item["issued"] = date_to_csl(year_range)  # MLA's "vol. 12, 2001–2003, pp. 1–20"
                marked = re.search(r"\bpp?\.\s?(?=[A-Za-z]{0,8}\d)", text)  # "2001–2003, pp. 1–20": after "pp."
                m = _PAGES.search(text, marked.start() if marked else 0)
                if m:
                    item["page"] = expand_page_range(re.sub(r"(?<!\s)\s*[-–—]\s*", "-", m.group(1)))
    joined = " ".join(t for _, t in spans)
    chicago = _CHICAGO_TAIL.search(" ".join(joined.split()))
    if chicago:  # "Blood 85 (1995): 268–74", "13, no. 2 (2000): 295–331" however the tagger cut it
        if "volume" not in item or item.get("page") == chicago.group(1):
            item["volume"] = chicago.group(1)
        if chicago.group(2):
            item.setdefault("issue", chicago.group(2))
        item["page"] = expand_page_range(re.sub(r"(?<!\s)\s*[-–—]\s*", "-", chicago.group(3)))
    doi = re.search(r"(?:doi\.org/|\bdoi:\s?)(10\.\d{4,9}/[^\s\"<>]+)", joined, re.IGNORECASE)
    if doi:
        item["DOI"] = normalise_doi(doi.group(1).rstrip(".,;"))
    if "URL" not in item:
        url = re.search(r"https?://[^\s\"<>]+", joined)
        if url and "doi.org/" not in url.group(0):
            item["URL"] = url.group(0).rstrip(".,;")
    invalid_isbn = None
    for found in find_identifiers(joined):
        if found.valid and found.variable in ("DOI", "ISBN", "ISSN", "PMID", "PMCID") and found.variable not in item:
            item[found.variable] = found.value
        elif found.variable == "ISBN" and not found.valid:
            invalid_isbn = invalid_isbn or found.value
    for label in ("doi",):
        for text in grouped.get(label, []):
            m = re.search(r"10\.\d{4,9}/\S+", text)
            if m and "DOI" not in item:
                item["DOI"] = normalise_doi(m.group(0).rstrip(".,;"))
    for text in grouped.get("isbn", []):
        digits = re.sub(r"[^\dXx]", "", text)
        if isbn_is_valid(digits) and "ISBN" not in item:
            item["ISBN"] = normalise_isbn(digits)
        elif digits:
            invalid_isbn = invalid_isbn or digits
    if invalid_isbn and "ISBN" not in item:  # a misprinted ISBN is kept where the CS1 grammar keeps one
        item.setdefault("custom", {}).setdefault("invalid-isbn", invalid_isbn)
    for text in grouped.get("url", []):
        doi = re.search(r"doi\.org/(10\.\d{4,9}/\S+)", text)
        if doi and "DOI" not in item:
            item["DOI"] = normalise_doi(doi.group(1).rstrip(".,;"))
        urls = find_urls(text)
        if urls and "URL" not in item:
            item["URL"] = urls[0].value
        elif "URL" not in item and text.strip():
            item["URL"] = text.strip().rstrip(".,;")
    notes = []
    for text in grouped.get("note", []):
        edition = re.fullmatch(r"\s*(\d{1,2})(?:st|nd|rd|th)\.? ed(?:ition|n|\.)?[.,;]?\s*", text, re.IGNORECASE)
        bare_year = _YEAR_SPAN.fullmatch(text)  # a bare year, with no other date in the reference
        if edition and "edition" not in item:
            item["edition"] = edition.group(1)  # "2nd ed." the tagger left unlabelled
        elif bare_year and "issued" not in item:
            item["issued"] = {"date-parts": [[int(text.strip()[:4])]]}  # ACS's "...: Brussels, | 2023." left unlabelled
        elif text.strip():
            notes.append(text.strip())
    notes += leftovers
    if notes:
        item["note"] = " ".join(notes)
    if repair:
        _repair_fields(grouped, item)
        reference_text = " ".join(" ".join(t for label, t in spans if label != "citation-number").split())
        _single_quoted_title(reference_text, item)
        _oscola_book(reference_text, item)
        _chapter_with_editors_then_imprint(reference_text, item)
        _web_details(reference_text, grouped, item)
        _patent_number(reference_text, item)
        _unpublished_manuscript(item)
        _report_details(item)
    _container_that_is_a_publisher(item)
    forced_type = item.pop("_type", None)
    item["type"] = forced_type or infer_type(item, grouped)
    if item["type"] == "thesis" and item.get("container-title"):  # a thesis has no container
        if "publisher" not in item:
            item["publisher"] = item.pop("container-title")  # "University of Oslo, Master's thesis"
        elif item.get("title"):
            item["title"] = f"{item['title']} {item.pop('container-title')}"  # "Small States in | NATO"
    return item


def _repair_fields(grouped: dict[str, list[str]], item: Item) -> None:
    """Fields a tagger put in the wrong variable, read from the shape of the whole item."""
    if item.get("director") and item.get("container-title") and "publisher" not in item \
            and not any(item.get(v) for v in ("volume", "issue", "page")):
        item["publisher"] = item.pop("container-title")  # a film's studio, not a work it sits in
    publisher = item.get("publisher")
    if "title" not in item and isinstance(publisher, str) and ". " in publisher:
        head, _, tail = publisher.rpartition(". ")  # "Dr. Strangelove. Columbia Pictures": a title and a studio
        if len(tail.split()) >= 2 and not re.search(r"\b(?:Univ|Co|Inc|Ltd|Pub|Publ|Dept|Assoc|Natl|Intl|St)$", head):
            item["title"], item["publisher"] = head, tail
    _date_inside_title(item)
    _volume_opened_in_title(item)
    if not _has_quoted_title(" ".join(grouped.get("title", []))):  # a quoted title ends at its quote
        _title_sentence_in_journal(item)
    _imprint_inside_title(item)
    _publisher_comma_place(item)
    _publisher_as_last_sentence(item)
    year = _year_of(item, "issued")
    if year is not None and item.get("volume") == str(year) and (item.get("editor") or item.get("publisher")):
        del item["volume"]  # AMA's chapter "2008:15-28": the year and the pages, no volume
    if year is None and re.fullmatch(r"(?:1[5-9]|20)\d\d", str(item.get("volume", ""))) and item.get("page") \
            and (item.get("container-title") or item.get("publisher")):
        item["issued"] = {"date-parts": [[int(item.pop("volume"))]]}  # AMA's "In: Proceedings. 1993:63-70."
    _role_and_edition_in_title(item)
    _din_imprint_and_volume_word(item)
    _title_glued_to_container(item)
    _container_tail(item)
    _proceedings_publisher(item)
    _organisation_before_title(item)
    _springer_volume_without_pages(grouped, item)
    if "title" not in item and item.get("container-title") \
            and (item.get("publisher") or item.get("edition") or item.get("publisher-place")) \
            and not any(item.get(v) for v in ("volume", "issue", "page")) \
            and not _IN.match(grouped.get("container-title", [""])[0]):
        # "(2004) The Oxford Companion..., 3rd edn. Oxford UP" and "Mitchell, C., ed. Clinical Gynecologic
        # Endocrinology. Williams and Wilkins, 1994.": a book (edited), not a chapter ("In" would open its book)
        item["title"] = item.pop("container-title")
    _editors_inside_container(grouped, item)
    container = item.get("container-title")
    online = re.search(r"\.\s(?:Online|\[online\])$", container) if isinstance(container, str) else None
    if online and isinstance(container, str):  # ISO 690's "Journal. Online. 2008. Vol. 20": the journal's medium
        item["container-title"] = container[:online.start()]
        item.setdefault("medium", "online")
    _book_series_read_as_container(grouped, item)
    publisher = item.get("publisher")
    if isinstance(publisher, str) and "; " in publisher and item.get("title") and not item.get("container-title"):
        work, _, name = publisher.partition("; ")  # ACS's "Alliance. Oxford English Dictionary; OUP, 2023."
        if len(work.split()) >= 2 and PUBLISHER_NAME.search(name) and not PUBLISHER_NAME.search(work):
            item["container-title"], item["publisher"] = work, name
    _entry_title_before_in(grouped, item)
    place = item.get("publisher-place")
    if "publisher" not in item and isinstance(place, str) and ":" not in place and PUBLISHER_NAME.search(place) \
            and not is_place(place):
        item["publisher"] = item.pop("publisher-place")  # AMA's "8th ed. Lippincott-Raven Publishers; 1999"
        _publisher_comma_place(item)  # DIN's "Wien, Universität Wien": the place, then the publisher
    if "container-title" not in item and item.get("collection-title") and (item.get("volume") or item.get("page")) \
            and not item.get("publisher") and not item.get("ISBN"):
        item["container-title"] = item.pop("collection-title")  # "Oxford Economic Papers, New Series. 2010;62:740"


def parse_with_tagger(text: str) -> tuple[Item, list[str]]:
    """A reference in any style to a CSL item (and the text it could not place)."""
    spans = tag_reference(text)
    item = spans_to_item(spans)
    leftovers = [t.strip() for label, t in spans if label == "other" and len(t.strip(" .,;:()[]")) > 3]
    return item, leftovers
