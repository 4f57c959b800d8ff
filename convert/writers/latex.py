r"""CSL rich text to LaTeX for BibTeX values, with braces balanced whatever the input.

CSL-JSON titles may carry a small HTML subset (``<i>``, ``<b>``, ``<sup>``, ``<sub>``,
``<span class="nocase">``, small caps).  Literal braces become ``\textbraceleft{}`` because
BibTeX counts ``\{`` as a brace too.  We tokenise it, turn recognised tags into LaTeX commands,
escape everything else as text, and close anything left open: a stray ``{`` or ``</i>`` in the
data can never unbalance the output.
"""

from __future__ import annotations

import re

from pylatexenc.latexencode import UnicodeToLatexEncoder

_TAG = re.compile(r"<(/?)(i|b|em|strong|sup|sub|sc|span)(?:\s+(?:class|style)=\"([^\"<>]{0,80})\")?\s*>", re.IGNORECASE)
_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
    "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile(r"[\\{}&%$#_~^]")
_LIGATURE_RE = re.compile(r"-{2,}|`{2,}|'{2,}|[?!]`")
_COMMANDS = {"i": r"\emph{", "em": r"\emph{", "b": r"\textbf{", "strong": r"\textbf{", "sup": r"\textsuperscript{",
             "sub": r"\textsubscript{", "sc": r"\textsc{"}
_encoder = UnicodeToLatexEncoder(non_ascii_only=True, replacement_latex_protection="braces-all",
                                 unknown_char_policy="keep")


def escape_text(text: str, ascii_only: bool = False) -> str:
    """Escape LaTeX specials; with ``ascii_only`` also non-ASCII characters (``é`` -> ``{\\'e}``)."""
    escaped = _SPECIAL_RE.sub(lambda m: _SPECIALS[m.group(0)], text)
    if "--" in escaped or "``" in escaped or "''" in escaped or "?`" in escaped or "!`" in escaped:
        # TeX ligatures would turn these into dashes and quotes on the way back: break them up.
        escaped = _LIGATURE_RE.sub(lambda m: "{}".join(m.group(0)), escaped)
    if ascii_only and not escaped.isascii():
        escaped = _encoder.unicode_to_latex(escaped)
    return escaped


_WORD = re.compile(r"\S+")


def _escape_protecting_case(text: str, ascii_only: bool, at_start: bool) -> str:
    """Escape ``text``, bracing each word with a capital that BibTeX's ``change.case$`` would
    lower: any capital, except the first character of the field and of a word after ``: `` (which
    sentence-casing styles keep).  "A Short History of NATO" -> ``A {Short} {History} of {NATO}``,
    printed as written by plain, abbrv, ieeetr and every other style that lowercases titles."""
    out: list[str] = []
    position = 0
    previous = ""  # the word before (only it decides, so a long title stays linear)
    for m in _WORD.finditer(text):
        out.append(escape_text(text[position:m.start()], ascii_only))
        position = m.end()
        word = m.group(0)
        kept_first = (at_start and not previous) or previous.endswith(":")
        previous = word
        colon = ":" if word.endswith(":") and len(word) > 1 else ""  # outside the braces, or the
        word = word[:-1] if colon else word                          # next word is not kept
        escaped = escape_text(word, ascii_only)
        if any(c.isupper() for c in (word[1:] if kept_first else word)):
            # A group that starts with a command is a BibTeX "special character", whose letters
            # are recased: the second pair of braces makes it an ordinary protected group.
            escaped = "{{" + escaped + "}}" if escaped.startswith("\\") else "{" + escaped + "}"
        out.append(escaped + colon)
    out.append(escape_text(text[position:], ascii_only))
    return "".join(out)


def rich_to_latex(text: str, ascii_only: bool = False, protect_case: bool = False) -> str:
    """CSL rich text to LaTeX; ``nocase`` spans become case-protecting braces.  ``protect_case``
    also braces the capitalised words outside any markup (see ``_escape_protecting_case``)."""
    if "<" not in text:
        return _escape_protecting_case(text, ascii_only, True) if protect_case else escape_text(text, ascii_only)
    out: list[str] = []
    stack: list[str] = []
    position = 0
    for m in _TAG.finditer(text):
        segment = text[position:m.start()]
        if protect_case and not stack:  # inside markup the LaTeX group already protects the case
            out.append(_escape_protecting_case(segment, ascii_only, position == 0))
        else:
            out.append(escape_text(segment, ascii_only))
        position = m.end()
        closing, tag, attribute = m.group(1), m.group(2).lower(), (m.group(3) or "").lower()
        if closing:
            if tag in stack:
                while stack:
                    out.append("}")
                    if stack.pop() == tag:
                        break
            continue
        if tag == "span":
            if "nocase" in attribute:
                out.append("{")
            elif "small-caps" in attribute:
                out.append(r"\textsc{")
            else:
                out.append("{")
            stack.append("span")
        else:
            out.append(_COMMANDS[tag])
            stack.append(tag)
    tail = text[position:]
    out.append(_escape_protecting_case(tail, ascii_only, False) if protect_case and not stack
               else escape_text(tail, ascii_only))
    out.extend("}" for _ in stack)
    return "".join(out)
