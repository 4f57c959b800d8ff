"""Personal and corporate names from free text into CSL name objects.

Handles "Last, First", "Last, F. M.", "First Last", particles ("van der Eyden", "de Gaulle"),
suffixes ("Jr.", "III") and organisations (kept whole as ``literal``: splitting "World Health
Organization" into family/given corrupts every citation of it).
"""

from __future__ import annotations

import re
from typing import Any

PARTICLES = frozenset(
    """van von zu der den de del della di da dos das du la le les ten ter vom zum zur af av el al bin ibn
    op het 't""".split()
)
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "2nd", "3rd", "jnr", "snr"})

ORGANISATION_WORDS = frozenset(
    """organization organisation association institute institution university college society agency
    department ministry office council committee commission bureau board foundation company corporation
    corp inc ltd llc gmbh press news group force laboratories centre center service services government nations union
    league party bank fund federation network museum library archive archives agency times post reuters
    staff team project consortium alliance treaty nato un who oecd imf collaboration collective initiative
    observatory laboratory telescope programme program secretariat parliament senate national statistics
    survey instituto institut istituto instytut nacional nazionale nationale ministério ministerio ministère
    ministero ministerium departamento département agência agencia agence agenzia universidade universidad
    université universität università uniwersytet fundação fundación fondation fondazione stiftung
    sociedade sociedad société società gesellschaft verein verband comité comisión comissão commissione
    kommission conselho consejo conseil consiglio secretaría secretaria gobierno governo gouvernement
    bundesamt bundesministerium landesamt ufficio oficina escritório centro zentrum museo musée biblioteca
    bibliothèque archivo archivio academia académie akademie accademia asociación associação associazione
    ag plc llp nv bv spa srl sarl kgaa"""
    .split()
)


def is_organisation(text: str) -> bool:
    """True for names that are clearly not persons: acronyms, or containing institutional words."""
    stripped = text.strip()
    if not stripped:
        return False
    words = re.findall(r"[^\W\d_]+", stripped.lower())
    if any(w in ORGANISATION_WORDS for w in words):
        return True
    if stripped.startswith("The ") and "," not in stripped:  # "The Beatles", "The Economist": no person's name
        return True
    letters = re.sub(r"[^A-Za-z]", "", stripped)
    return len(letters) >= 2 and letters.isupper() and " " not in stripped and "," not in stripped


def split_particle(family: str) -> tuple[str | None, str]:
    """``van der Eyden`` -> (``van der``, ``Eyden``): lowercase leading words are a particle.  In a
    name printed in capitals (ISO 690's and ABNT's ``VAN DER EYDEN``) case says nothing, so the
    words themselves do, and the particle is given back in lower case."""
    words = family.split()
    capitals = family.isupper()
    index = 0
    while index < len(words) - 1 and words[index].lower() in PARTICLES and (capitals or words[index][:1].islower()):
        index += 1
    if index == 0:
        return None, family
    particle = " ".join(words[:index])
    return particle.lower() if capitals else particle, " ".join(words[index:])


# Given names as initials: "J.", "J.-P.", "A. T." (a word or a run of them)
GIVEN_INITIALS = re.compile(r"(?:[A-Z]\.[\s-]?){1,4}")


def parse_name(text: str, *, allow_organisation: bool = True) -> dict[str, Any]:
    """One name as written in a reference into a CSL name object."""
    text = " ".join(text.split()).strip(" ,;")
    if not text:
        return {"literal": ""}
    if allow_organisation and is_organisation(text):
        return {"literal": text}
    if "," in text:
        parts = [p.strip() for p in text.split(",")]
        family_part, rest = parts[0], [p for p in parts[1:] if p]
        suffix = None
        if rest and rest[-1].lower() in SUFFIXES:
            suffix = rest.pop()
        given = ", ".join(rest)
        name: dict[str, Any] = {}
        particle, family = split_particle(family_part)
        # "Gaulle, Charles de": a trailing lowercase particle on the given side drops.
        given_words = given.split()
        dropping: list[str] = []
        while given_words and given_words[-1] in PARTICLES and given_words[-1][:1].islower():
            dropping.insert(0, given_words.pop())
        name["family"] = family
        if given_words:
            name["given"] = " ".join(given_words)
        if dropping:
            name["dropping-particle"] = " ".join(dropping)
        if particle:
            name["non-dropping-particle"] = particle
        if suffix:
            name["suffix"] = suffix
        return name
    words = text.split()
    if len(words) == 1:
        return {"literal": text} if allow_organisation else {"family": text}
    suffix = None
    if words[-1].lower().rstrip(",") in SUFFIXES and len(words) > 2:
        suffix = words.pop()
    initials = 0
    while initials < len(words) - 1 and GIVEN_INITIALS.fullmatch(words[initials]):
        initials += 1
    rest = words[initials:]
    opened_by_particle = len(rest) >= 2 and rest[0].lower() in PARTICLES and rest[0][:1].isupper()
    if initials and (opened_by_particle or len(rest) >= 3 and rest[0][:1].isupper() and any(
            w.lower() in PARTICLES and w[:1].islower() for w in rest[1:-1])):
        # "N. Garreau de Loubresse", "A. T. Van der Burght", "Y. Le Calvez": after given initials, a
        # particle inside or opening the words that follow makes them one family name (IEEE prints
        # no given name whole)
        name = {"family": " ".join(rest), "given": " ".join(words[:initials])}
        if suffix:
            name["suffix"] = suffix
        return name
    # First Last, with particles before the last name: "Ludwig van Beethoven".
    index = len(words) - 1
    while index > 1 and words[index - 1].lower() in PARTICLES and words[index - 1][:1].islower():
        index -= 1
    given = " ".join(words[:index])
    particle, family = split_particle(" ".join(words[index:]))
    name = {"family": family, "given": given}
    if particle:
        name["non-dropping-particle"] = particle
    if suffix:
        name["suffix"] = suffix
    return name


def split_name_list(text: str) -> list[str]:
    """Split a written list of names: ``A; B; C``, ``A, B and C``, ``A & B``.

    With semicolons the list is unambiguous.  Without them, ``Last, First, Last, First`` pairs are
    re-joined by counting commas (every second comma separates people).
    """
    text = re.sub(r"(?<!\s)\s+(?:and|&|und|et|y|e)\s+", "; ", text.strip())
    if ";" in text:
        return [p.strip() for p in text.split(";") if p.strip()]
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) >= 4 and len(parts) % 2 == 0:
        return [f"{parts[i]}, {parts[i + 1]}" for i in range(0, len(parts), 2)]
    return [text] if text else []


# (IOP and Copernicus space the initials: "Fischer W M")
_VANCOUVER_NAME = re.compile(r"(?P<family>[^\s,;]+(?:\s[^\s,;]+)*?)\s(?P<initials>[A-Z]{1,3}(?:-[A-Z]{1,2})?(?:\s[A-Z](?:-[A-Z])?){0,2})\.?"
                             r"(?:\s(?P<particle>(?:da|de|do|dos|das|van|von|der|den|di|du|la|le)(?:\s(?:der|den|la|los))?))?")
# Two or three capitals after a name are also how organisations end ("IBM UK", "Reuters US").
_NOT_INITIALS = frozenset("UK US USA EU UN AFP BBC CNN NHS UAE LLC LLP".split())  # company forms: is_organisation


def expand_initials(letters: str) -> str:
    """Vancouver's "JA" -> "J. A.", "C-C" -> "C.-C."."""
    return "-".join(". ".join(part) + "." for part in letters.split("-"))


def vancouver_names(parts: list[str]) -> list[str] | None:
    """Names written "Doe JA", "King C-C" (Vancouver, AMA, Wikipedia's ``|vauthors=``) as "Doe, J. A.",
    or None unless every part has that shape."""
    out = []
    for part in parts:
        m = _VANCOUVER_NAME.fullmatch(part.strip())
        initials = m.group("initials").replace(" ", "") if m else ""
        if not m or initials in _NOT_INITIALS:
            return None
        particle = f" {m.group('particle')}" if m.group("particle") else ""  # "Silva AC da": a particle after
        out.append(f"{m.group('family')}, {expand_initials(initials)}{particle}")
    return out or None
