"""Damaged text: characters that are probably conversion damage.

Reported with line and column, never corrected silently: corrections belong
to the editor, pinned in the transcript's overrides file (``[corrections]``,
encoded as ``choice/sic+corr``) or made by hand in the TEI. Mojibake (UTF-8
read as Windows-1252, "cafÃ©") is recognised with ``ftfy``, which also
suggests the repair. Suspect are: U+FFFD (a decoder gave up), C0/C1 control
characters, private-use characters, and a letter or symbol from the
Windows-1252 upper range glued to an otherwise plain English word
("IslandsŠ": a dash turned into Š by a wrong code page).
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from wordfreq import zipf_frequency

_SUSPECT_GLUED = re.compile(r"\b([A-Za-z]{3,})([ŠšŽžŒœŸƒ‰ˆ˜Ã‚„†‡‹›])|([ŠšŽžŒœŸƒ‰ˆ˜‚„†‡‹›])([A-Za-z]{3,})\b")


def find_damage(text: str) -> list[tuple[int, str]]:
    """Return ``(offset, description)`` for each suspect character in ``text``."""
    found: list[tuple[int, str]] = []
    for offset, char in enumerate(text):
        category = unicodedata.category(char)
        if char == "\ufffd":
            found.append((offset, "U+FFFD replacement character (undecodable byte in the source)"))
        elif (category == "Cc" and char not in "\n\t") or category == "Co":
            found.append((offset, f"control or private-use character U+{ord(char):04X}"))
    for match in _SUSPECT_GLUED.finditer(text):
        word = match.group(1) or match.group(4)
        char = match.group(2) or match.group(3)
        if zipf_frequency(word, "en") >= 3.0:
            offset = match.start(2) if match.group(2) else match.start(3)
            found.append((offset, f"{char!r} (U+{ord(char):04X}) glued to the English word {word!r}: "
                                  "probably mis-decoded punctuation; kept as is (pin a correction under "
                                  "[corrections] in the transcript's .toml overrides file)"))
    for match in re.finditer(r"\S*[^\x00-\x7f]\S*", text):
        word = match.group()
        if ftfy.badness.is_bad(word) and (repaired := ftfy.fix_encoding(word)) != word:
            found.append((match.start(), f"mojibake {word!r}: probably {repaired!r} (UTF-8 read as another "
                                          "code page); pin it under [corrections] in the overrides file"))
    return sorted(found)
