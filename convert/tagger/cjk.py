"""References in Chinese, Japanese and Korean, and GB/T 7714 (China's national style).

The tagger's features cannot tell apart the words of caseless scripts, and the corpora hold few
such references, so their sentences are labelled here by the order every style gives them; GB/T
7714's marks after a title ("[J]", "[M]"...) name the kind of work.
"""

from __future__ import annotations

import re

# Han, kana and hangul: scripts whose words the tagger's features cannot tell apart (no case, and
# few such references to learn from).
CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_PIECE_END = re.compile(r"(?<=[.,;。，、；”’\"»])\s+")
# A name in those scripts: two to six characters, no space (the tagger's label decides beyond four).
CJK_NAME = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]{2,6}")
_NAME_COLON = re.compile(r"[^\s:]{0,12}?[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,5}:\s+")
_IMPRINT = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,5}\s?[:：]\s?)\S")
_KEPT = frozenset({"publisher", "location", "editor", "translator", "genre", "url", "doi", "isbn", "issn"})


def cjk_sentences(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"赵波. 宋元袍服研究. 服饰导刊 2015, 27–35.": the tagger labels Chinese, Japanese and Korean
    sentences almost at random (one author span holding the title, a journal read as a date).  In
    every style such a reference is written in, its sentences in those scripts come in the same
    order: author, title, journal.  The text is cut at the tagger's span ends and after sentence
    punctuation; each piece in those scripts takes the next of the three labels (a publisher, place
    or editor the tagger saw keeps its label; a name of a few characters after a comma that the
    tagger gave the label of the piece before, a list of names, stays with it; a "journal" that is
    a town, a colon and a name is a book's imprint), and every other piece keeps the tagger's."""
    text = "".join(t for _, t in spans)
    if len(CJK.findall(text)) < 4:
        return spans
    cuts, starts, position = set(), [], 0
    for label, piece in spans:
        starts.append((position, label))
        position += len(piece)
        cuts.add(position)
    cuts.update(m.end() for m in _PIECE_END.finditer(text))
    name = _NAME_COLON.match(text)
    if name:  # DIN's "李龙彬: Title.": a colon ends a name of a few characters, not a title's main part
        cuts.add(name.end())
    pieces: list[list[str]] = []
    start = span = 0
    for cut in sorted(c for c in cuts if c > 0):
        while span + 1 < len(starts) and starts[span + 1][0] <= start:
            span += 1  # the tagger's span this piece starts in
        pieces.append([starts[span][1], text[start:cut]])
        start = cut
    # (Korean "제8권", "권2" are a volume's number, not a sentence)
    in_script = [index for index, piece in enumerate(pieces)
                 if CJK.search(piece[1]) and not (re.search(r"\d", piece[1]) and len(CJK.findall(piece[1])) <= 3)]
    if len(in_script) < 2:
        return spans
    order = ["author", "title", "container-title"]
    if any(label in ("author", "editor") and re.search(r"[^\W\d_]", piece) for label, piece in pieces[:in_script[0]]):
        order.pop(0)  # "Zhang, W. 宋元袍服研究. 服饰导刊": the names are in Latin letters
    tagged = [label for label, _ in pieces]
    for index in in_script:
        after_comma = index - 1 in in_script and pieces[index - 1][1].rstrip().endswith((",", "，", "、"))
        if after_comma and (tagged[index - 1] == tagged[index] or pieces[index - 1][0] == "author") \
                and CJK_NAME.fullmatch(pieces[index][1].strip(" ,，、.;")):
            pieces[index][0] = pieces[index - 1][0]  # "곽상규, 손기철, 신임희.": a list of names stays one
        elif tagged[index] not in _KEPT and order:
            pieces[index][0] = order.pop(0)
    merged: list[tuple[str, str]] = []
    for label, piece in pieces:
        if merged and merged[-1][0] == label:
            merged[-1] = (label, merged[-1][1] + piece)
        else:
            merged.append((label, piece))
    out: list[tuple[str, str]] = []
    for label, piece in merged:
        imprint = _IMPRINT.match(piece) if label == "container-title" else None
        if imprint:  # a book's "東京: 岩波書店, 2005.": a town of a few characters, a colon, the publisher
            out += [("location", piece[:imprint.end(1)]), ("publisher", piece[imprint.end(1):])]
        else:
            out.append((label, piece))
    return out


# GB/T 7714 (China's national style) marks the kind of work after its title: "Title[J].", "[M]",
# "[C]", "[D]", "[EB/OL]"...
GBT_MARK = re.compile(r"\s?\[(?P<code>[A-Z]{1,2})(?:/OL)?\]\s*$")
GBT_DATES = re.compile(r"\(?(\d{4}-\d{2}-\d{2})\)?\s?\[(\d{4}-\d{2}-\d{2})\]")
GBT_TYPES = {"J": "article-journal", "M": "book", "C": "paper-conference", "D": "thesis", "R": "report",
              "N": "article-newspaper", "P": "patent", "S": "standard", "EB": "webpage", "DB": "dataset",
              "CP": "software", "A": "chapter", "G": "book", "Z": "document"}
