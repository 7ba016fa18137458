#!/usr/bin/env python3
"""train.py: learn the character n-gram model langid.c uses for short
Latin text and write it as C (src/text/generated/langid_model.c).

Training text, none of it from the benchmark's test pages:
  - the gettext catalogues Debian installs under /usr/share/locale
    (msgstr of each language; English from the msgids of the French
    catalogues), a different source from the man pages altogether;
  - the "train" quarter of the translated man pages (extract.part_of
    splits pages by name: test half, train quarter, dev quarter).
Each language gets at most CAP characters of each source, so a language
with more translations does not get a larger prior.

Model: lower-cased letters, a space for every run of non-letters; the
1-, 2- and 3-grams of " word " with the padding spaces.  The NGRAMS most
useful grams (the most frequent of each language, then overall) are
kept; each gets a cost per language, -log P(gram | language) with add-one
smoothing, in tenths of a nat, capped at 255.
  usage: train.py OUT.c
"""
import glob
import math
import os
import re
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extract  # noqa: E402

LANGS = ["en", "fr", "de", "es", "it", "pt", "nl"]
LOCALES = {"en": ["fr"], "fr": ["fr"], "de": ["de"], "es": ["es"], "it": ["it"],
           "pt": ["pt", "pt_BR"], "nl": ["nl"]}
CAP = 1500000
NGRAMS = 6000
PER_LANG = 1200
SCALE = 10.0


def mo_strings(path, want_msgid):
    """The msgstr (or msgid) strings of a .mo catalogue."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 28:
        return
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic == 0x950412de else ">"
    n, oid, ostr = struct.unpack(end + "3I", data[8:20])
    table = oid if want_msgid else ostr
    for i in range(1, n):  # entry 0 is the header
        ln, off = struct.unpack(end + "2I", data[table + 8 * i:table + 8 * i + 8])
        for s in data[off:off + ln].split(b"\0"):  # plural forms
            try:
                yield s.decode("utf-8")
            except UnicodeDecodeError:
                pass


def clean_ui(s):
    """A UI string as prose: no format directives, accelerators, markup."""
    s = re.sub(r"%(\d+\$)?[-+ #0]*\d*(\.\d+)?[hlLqjzt]*[a-zA-Z%]", " ", s)
    s = re.sub(r"\{[^}]*\}|<[^>]*>|\\[nt]", " ", s)
    s = s.replace("_", "").replace("&", "")
    return s


def catalogue_text(lang):
    out, size = [], 0
    for loc in LOCALES[lang]:
        for path in sorted(glob.glob(f"/usr/share/locale/{loc}/LC_MESSAGES/*.mo")):
            for s in mo_strings(path, lang == "en"):
                s = clean_ui(s)
                if sum(c.isalpha() for c in s) < 3:
                    continue
                out.append(s)
                size += len(s)
                if size >= CAP:
                    return out
    return out


def manpage_text(lang):
    out, size = [], 0
    for p in extract.collect(lang, "train"):
        out.append(p)
        size += len(p)
        if size >= CAP:
            break
    return out


def words(text):
    """Lower-cased runs of Latin letters, as langid.c cuts them."""
    cur = []
    for c in text.lower():
        if c.isalpha() and ord(c) < 0x250:
            cur.append(c)
        elif cur:
            yield "".join(cur)
            cur = []
    if cur:
        yield "".join(cur)


def grams(word):
    w = " " + word + " "
    for n in (1, 2, 3):
        for i in range(len(w) - n + 1):
            g = w[i:i + n]
            if g != " ":
                yield g


def key(g):
    k = 0
    for c in g:
        k = (k << 10) | ord(c)
    return k


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: train.py OUT.c")
    counts, totals = {}, {}
    for li, lang in enumerate(LANGS):
        texts = catalogue_text(lang) + manpage_text(lang)
        c = {}
        for t in texts:
            for w in words(t):
                for g in grams(w):
                    c[g] = c.get(g, 0) + 1
        counts[lang] = c
        totals[lang] = sum(c.values())
        print(f"{lang}: {len(texts)} strings, {totals[lang]} grams", file=sys.stderr)
    keep = set()
    for lang in LANGS:
        c = counts[lang]
        keep |= set(sorted(c, key=lambda g: (-c[g], g))[:PER_LANG])
    overall = {}
    for lang in LANGS:
        for g, n in counts[lang].items():
            overall[g] = overall.get(g, 0) + n / totals[lang]
    for g in sorted(overall, key=lambda g: (-overall[g], g)):
        if len(keep) >= NGRAMS:
            break
        keep.add(g)
    vocab = len(overall)
    rows = []
    for g in sorted(keep, key=key):
        costs = []
        for lang in LANGS:
            p = (counts[lang].get(g, 0) + 1) / (totals[lang] + vocab)
            costs.append(min(255, round(-math.log(p) * SCALE)))
        rows.append((key(g), costs))
    write_c(sys.argv[1], rows)


def write_c(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("/*\n * langid_model.c: GENERATED by tests/bench/langid/train.py; do not edit.\n"
                " * Regenerate: apt-get install manpages-{fr,de,es,it,pt,nl} and the\n"
                " * locales' gettext catalogues, then\n"
                " *   python3 tests/bench/langid/train.py src/text/generated/langid_model.c\n"
                " * Inputs: the msgstr of /usr/share/locale/LANG/LC_MESSAGES/NAME.mo (English:\n"
                " * the msgids of the French ones) and the \"train\" quarter of the\n"
                " * translated man pages (extract.py); the benchmark tests on the other half.\n"
                " * Character 1-3-gram costs of Latin-script languages (see langid.c):\n"
                " * key = code points packed 10 bits each, cost = -log P in tenths of a nat.\n */\n")
        f.write('#include "langid_model.h"\n\n')
        f.write("const char *const langid_model_langs[LANGID_MODEL_NLANG] = {")
        f.write(", ".join(f'"{lang}"' for lang in LANGS) + "};\n\n")
        f.write(f"const size_t langid_model_ngrams = {len(rows)};\n\n")
        f.write("const uint32_t langid_model_keys[] = {\n")
        for i in range(0, len(rows), 8):
            f.write("\t" + ", ".join(f"{k:#x}" for k, _ in rows[i:i + 8]) + ",\n")
        f.write("};\n\nconst uint8_t langid_model_costs[][LANGID_MODEL_NLANG] = {\n")
        for i in range(0, len(rows), 4):
            f.write("\t" + " ".join("{" + ",".join(map(str, c)) + "}," for _, c in rows[i:i + 4]) + "\n")
        f.write("};\n")


if __name__ == "__main__":
    main()
