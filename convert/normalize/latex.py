r"""LaTeX field values to Unicode and CSL rich text.

BibTeX values are small LaTeX fragments: accents (``\'e``, ``{\"o}``), symbols (``\ss``, ``--``,
``~``), formatting (``\emph``, ``\textsc``), math (``$\alpha$``) and case-protecting braces
(``{NATO}``).  A general LaTeX parser (pylatexenc) costs ~200 µs per field, which alone would make
a 20,000-entry file slower than the peers, so this module is a single-pass scanner for the
constructs bibliographies use.  pylatexenc still supplies the *table* of symbol macros (``\alpha``,
``\textregistered``...) so its coverage is ours without its parsing cost.  Values without any
LaTeX character skip the scanner entirely.

``rich=True`` (titles) keeps case protection as ``<span class="nocase">`` and formatting as CSL's
HTML subset; ``rich=False`` (names, publishers, notes) yields plain text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..mappings.bibtex import BIBSTRINGS

_NEEDS_WORK = re.compile(r"[\\{}$~`]|--|''|\s\s|\n")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # ASCII only: a no-break space in the data is kept

# Accent commands -> combining character.  Letter-named ones need a separator before their argument.
ACCENTS: dict[str, str] = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307",
    "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "d": "\u0323", "b": "\u0331", "r": "\u030a",
    "k": "\u0328", "t": "\u0361", "G": "\u030f", "h": "\u0309", "U": "\u030e", "f": "\u0311",
}
# Symbols bibliographies use most; anything else is looked up in pylatexenc's table.
SYMBOLS: dict[str, str] = {
    "ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
    "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "dj": "đ", "DJ": "Đ",
    "ng": "ŋ", "NG": "Ŋ", "textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…",
    "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
    "guillemotleft": "«", "guillemotright": "»", "textbackslash": "\\", "textbraceleft": "{", "textbraceright": "}",
    "textasciitilde": "~", "textasciicircum": "^", "textunderscore": "_", "textbar": "|", "textless": "<",
    "textgreater": ">", "textdollar": "$", "textperiodcentered": "·", "textdegree": "°", "S": "§", "P": "¶",
    "pounds": "£", "euro": "€", "copyright": "©", "textcopyright": "©", "textregistered": "®",
    "texttrademark": "™", "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2e",
    "slash": "/", "textslash": "/", "nobreakspace": "\u00a0", "quad": " ", "qquad": " ", "space": " ",
    "textnumero": "№", "textsection": "§", "textdagger": "†", "textdaggerdbl": "‡", "textbullet": "•",
    "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ", ",": "\u2009", ";": " ",
    "@": "", "/": "", "-": "", "\\": " ", "textsubscript": "", "relax": "", "noopsort": "", "hspace": "",
    "hyphen": "-", "texthyphen": "-", "allowbreak": "", "break": "", "newline": " ", "linebreak": " ", "par": " ", "ensuremath": "",
}
# Formatting commands with one argument -> (opening, closing) rich-text tags.
FORMATTING: dict[str, tuple[str, str]] = {
    "emph": ("<i>", "</i>"), "textit": ("<i>", "</i>"), "textsl": ("<i>", "</i>"), "mkbibemph": ("<i>", "</i>"),
    "mkbibitalic": ("<i>", "</i>"), "textbf": ("<b>", "</b>"), "mkbibbold": ("<b>", "</b>"),
    "textsc": ('<span style="font-variant:small-caps;">', "</span>"),
    "textsuperscript": ("<sup>", "</sup>"), "mkbibsuperscript": ("<sup>", "</sup>"),
    "textsubscript": ("<sub>", "</sub>"), "mkbibsubscript": ("<sub>", "</sub>"),
    "enquote": ("“", "”"), "mkbibquote": ("“", "”"),
}
# Commands whose single argument is kept as plain content (no markup).
TRANSPARENT = frozenset({"textrm", "textsf", "texttt", "textnormal", "textup", "textmd", "mbox", "hbox", "text",
                         "url", "nolinkurl", "NoCaseChange", "textlatin", "foreignlanguage", "uppercase",
                         "lowercase", "MakeUppercase", "MakeLowercase", "ensuremath", "mathrm", "mathit",
                         "mathbf", "mathsf", "mathtt", "mathcal", "operatorname"})
# Declarations that switch formatting until the end of the enclosing group.
SWITCHES: dict[str, tuple[str, str]] = {
    "em": ("<i>", "</i>"), "it": ("<i>", "</i>"), "itshape": ("<i>", "</i>"), "sl": ("<i>", "</i>"),
    "bf": ("<b>", "</b>"), "bfseries": ("<b>", "</b>"), "sc": ('<span style="font-variant:small-caps;">', "</span>"),
    "scshape": ('<span style="font-variant:small-caps;">', "</span>"), "rm": ("", ""), "normalfont": ("", ""),
    "upshape": ("", ""), "tt": ("", ""), "sf": ("", ""),
}
_DOTLESS = {"ı": "i", "ȷ": "j"}  # \'{\i} is an accented i, not an accented dotless i
_LIGATURE_TEXT = {"---": "—", "--": "–", "``": "“", "''": "”", "!`": "¡", "?`": "¿",
                  "~": " "}  # a tie is a space that does not break; in a value it is just a space
_TOKEN = re.compile(r"[\\{}$~]|---|--|``|''|[!?]`")
_MATH_TOKEN = re.compile(r"[\\{}$~_^]")  # in math, "_" and "^" open a subscript and a superscript
_SUB = str.maketrans("0123456789+-=()aeoxhklmnpst", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ")
_SUP = str.maketrans("0123456789+-=()in", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿ")


@lru_cache(maxsize=4096)
def _table_symbol(name: str) -> str | None:
    """pylatexenc's replacement text for a symbol macro without arguments, if it has a plain one."""
    spec = _context_db().get_macro_spec(name)
    repl = getattr(spec, "simplify_repl", None) if spec is not None else None
    if isinstance(repl, str) and "%" not in repl and "<" not in repl:  # not "<cit.>" for \cite: kept as written
        return repl
    return None


@lru_cache(maxsize=1)
def _context_db():  # type: ignore[no-untyped-def]
    from pylatexenc import latex2text  # imported lazily: only rare macros get here

    return latex2text.get_default_latex_context_db()


@lru_cache(maxsize=65536)
def latex_to_unicode(value: str, rich: bool = False, protect_case: bool | None = None) -> str:
    """Decode one field value (cached: journal names, publishers and authors repeat across a file).  ``rich`` keeps formatting as CSL rich text; ``protect_case``
    (default: same as ``rich``) turns top-level brace groups into ``nocase`` spans."""
    if not _NEEDS_WORK.search(value):
        return value.strip()
    protect = rich if protect_case is None else protect_case
    if not _BEYOND_FLAT_GROUPS.search(value):  # "The {NATO} {Summit}": flat groups are all there is
        out = _FLAT_GROUP.sub(_protected if protect and rich else _unbraced, value)
    else:
        out = _Scanner(value, rich, protect).run()
    return _SPACES.sub(" ", out).strip()


# Values whose only LaTeX is brace groups without braces inside (the common case-protected title)
# are decoded with one substitution; anything else (commands, math, ties, ligatures, nested or
# unbalanced braces) goes through the scanner.  Both give the same text (a test checks).
_BEYOND_FLAT_GROUPS = re.compile(r"[\\$~`]|--|''|[!?]`|\{[^{}]*\{|\}[^{}]*\}|^[^{]*\}|\{[^}]*$")
_FLAT_GROUP = re.compile(r"\{([^{}]*)\}")


def _unbraced(match: re.Match[str]) -> str:
    return match.group(1)


def _protected(match: re.Match[str]) -> str:
    inner = match.group(1)
    if inner.strip() and inner.lower() != inner.upper():
        return f'<span class="nocase">{inner}</span>'
    return inner


class _Scanner:
    """One pass over a value; ``depth`` counts braces so only top-level groups protect case."""

    __slots__ = ("text", "pos", "rich", "protect", "out")

    def __init__(self, text: str, rich: bool, protect: bool) -> None:
        self.text = text
        self.pos = 0
        self.rich = rich
        self.protect = protect
        self.out: list[str] = []

    def run(self) -> str:
        self.out = []
        self._sequence(0, None)
        # No NFC over the whole value: it would also rewrite characters the data holds on purpose
        # (CJK compatibility ideographs); only the accents composed here are normalised.
        return "".join(self.out)

    def _emit(self, piece: str) -> None:
        self.out.append(piece)

    def _tag(self, piece: str) -> None:
        if self.rich and piece:
            self.out.append(piece)

    def _sequence(self, depth: int, closer: str | None) -> None:
        """Scan until ``closer`` (``}`` or ``$``) at this level or the end of the text.  Plain runs
        between special tokens are copied in one slice (the scanner's hot path)."""
        text = self.text
        length = len(text)
        out = self.out
        search = _MATH_TOKEN.search if closer == "$" else _TOKEN.search
        open_switches: list[str] = []
        while self.pos < length:
            m = search(text, self.pos)
            if m is None:
                out.append(text[self.pos:])
                self.pos = length
                break
            start = m.start()
            if start > self.pos:
                out.append(text[self.pos:start])
            token = m.group(0)
            self.pos = m.end()
            if token == closer:
                break
            if token == "\\":
                self.pos = start
                self._command(depth, open_switches)
            elif token == "{":
                self._group(depth)
            elif token == "$":
                self._sequence(depth + 1, "$")
            elif token == "}":  # unbalanced: keep it as a character rather than lose it
                out.append("}")
            elif token in "_^":
                self._script(depth, token)
            else:
                out.append(_LIGATURE_TEXT[token])
        for closing in reversed(open_switches):
            self._tag(closing)

    def _script(self, depth: int, mark: str) -> None:
        """"CO$_2$", "$^{13}$C": rich text gets <sub>/<sup>; plain text the Unicode sub- or
        superscript characters when all of them exist, else the characters themselves."""
        inner = self._argument(depth)
        if self.rich:
            tag = "sub" if mark == "_" else "sup"
            self.out.append(f"<{tag}>{inner}</{tag}>")
            return
        table = _SUB if mark == "_" else _SUP
        converted = inner.translate(table)
        whole = all(a != b or a.isspace() for a, b in zip(inner, converted))
        self.out.append(converted if whole else mark + inner)  # "a_ij": the subscript stays visible

    def _group(self, depth: int) -> None:
        """A brace group.  ``{\\'e}``-style groups (starting with a command) are special characters,
        not case protection, exactly as BibTeX's own purify/change.case treat them."""
        starts_with_command = self.text.startswith("\\", self.pos)
        nocase = self.protect and depth == 0 and not starts_with_command
        mark = len(self.out)
        self._sequence(depth + 1, "}")
        if nocase and len(self.out) > mark:
            inner = "".join(self.out[mark:])
            del self.out[mark:]
            if inner.strip() and inner.lower() != inner.upper():
                self._tag('<span class="nocase">')
                self._emit(inner)
                self._tag("</span>")
            else:
                self._emit(inner)

    def _argument(self, depth: int) -> str:
        """The next argument as decoded text: a braced group or a single character."""
        text = self.text
        while self.pos < len(text) and text[self.pos] in " \t\n":
            self.pos += 1
        if self.pos >= len(text):
            return ""
        mark = len(self.out)
        if text[self.pos] == "{":
            self.pos += 1
            self._sequence(depth + 1, "}")
        elif text[self.pos] == "\\":
            self._command(depth + 1, [])
        else:
            self._emit(text[self.pos])
            self.pos += 1
        inner = "".join(self.out[mark:])
        del self.out[mark:]
        return inner

    def _skip_argument(self) -> None:
        self._argument(1)

    def _command(self, depth: int, open_switches: list[str]) -> None:
        text = self.text
        start = self.pos + 1
        end = start
        while end < len(text) and text[end].isalpha():
            end += 1
        if end == start:  # a control symbol: \' \& \{ ...
            name = text[start:start + 1]
            end = start + 1
        else:
            name = text[start:end]
        self.pos = end
        if name in ACCENTS:
            if name.isalpha() and self.pos < len(text) and text[self.pos].isalpha():
                # "\u" followed directly by a letter would be a different macro; treat as unknown.
                self._emit("\\" + name)
                return
            base = self._argument(depth)
            if base[:1] in _DOTLESS:
                base = _DOTLESS[base[0]] + base[1:]
            composed = unicodedata.normalize("NFC", base[:1] + ACCENTS[name]) + base[1:] if base else ACCENTS[name]
            self._emit(composed)
            return
        if name.isalpha():
            while self.pos < len(text) and text[self.pos] in " \t\n":  # TeX eats spaces after a word macro
                self.pos += 1
        if name in ("enquote", "mkbibquote") and text.startswith("*", self.pos):
            self.pos += 1
            self._emit("‘" + self._argument(depth) + "’")
            return
        if name == "bibstring":
            key = self._argument(depth)
            self._emit(BIBSTRINGS.get(key.strip().lower(), key))
            return
        if name in FORMATTING:
            opening, closing = FORMATTING[name]
            inner = self._argument(depth)
            if opening.startswith("<"):
                self._tag(opening)
                self._emit(inner)
                self._tag(closing)
            else:
                self._emit(opening + inner + closing)
            return
        if name in TRANSPARENT:
            self._emit(self._argument(depth))
            return
        if name == "href":
            url = self._argument(depth)
            label = self._argument(depth)
            self._emit(label or url)
            return
        if name in SWITCHES:
            opening, closing = SWITCHES[name]
            self._tag(opening)
            if closing:
                open_switches.append(closing)
            return
        if name in SYMBOLS:
            if name in ("hspace", "noopsort"):
                self._skip_argument()
            self._emit(SYMBOLS[name])
            if name.isalpha() and self.pos < len(text) and text.startswith("{}", self.pos):
                self.pos += 2
            return
        replacement = _table_symbol(name) if name.isalpha() else None
        if replacement is not None:
            self._emit(replacement)
            if self.pos < len(text) and text.startswith("{}", self.pos):
                self.pos += 2
            return
        self._emit("\\" + name)  # unknown: keep it as written rather than drop or guess
        if name.isalpha() and text.startswith("{", self.pos):
            self._emit("{" + self._argument(depth) + "}")
        elif name.isalpha() and self.pos < len(text) and text[self.pos].isalnum():
            self._emit(" ")


def strip_rich_text(value: str) -> str:
    """Plain text of a rich-text value (tags removed)."""
    return re.sub(r"</?(?:i|b|sup|sub|span)(?:\s[^<>]{0,80})?>", "", value)
