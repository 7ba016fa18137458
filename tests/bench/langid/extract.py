#!/usr/bin/env python3
"""extract.py: build the language-identification test set from the
translated manual pages Debian ships (manpages, manpages-fr, -de, -es,
-it, -pt, -nl, -ja, -zh, -ru).  Text written by translators, not by us.

Writes "lang<TAB>paragraph" lines to the file named on the command line.
Paragraphs are prose only: man markup stripped, headings, option tags and
no-fill (code) blocks dropped, paragraphs that are mostly punctuation or
look like code skipped.  A translated paragraph left identical to an
English one (po4a keeps untranslated strings), or sharing most of its
word 4-grams with the English pages (an untranslated string of another
version), or made of English function words rather than the language's
own (the 50 most frequent words of each corpus), is dropped: its label
would be wrong.  Only the "test" half of the pages (split by page name,
see part_of) is sampled; train.py learns from a quarter, the last quarter
("dev") tunes thresholds.  Sampling uses a fixed seed, so the set is the
same on every machine with the same packages.
"""
import gzip
import os
import random
import re
import sys
import unicodedata
import zlib

MAN = "/usr/share/man"
LANGS = {
    "en": [""],
    "fr": ["fr"], "de": ["de"], "es": ["es"], "it": ["it"],
    "pt": ["pt", "pt_BR"], "nl": ["nl"], "ja": ["ja"],
    "zh": ["zh_CN", "zh_TW"], "ru": ["ru"],
}
PER_LANG = 200
SEED = 20240601
MIN_CHARS, MAX_CHARS = 30, 800

BREAK = {"PP", "P", "LP", "TP", "IP", "HP", "SH", "SS", "sp", "TQ", "RS", "RE",
         "in", "ti", "bp", "ne", "TH", "Sh", "Ss", "Pp", "It", "Bl", "El", "Bd", "Ed"}
FONT = {"B", "I", "BR", "RB", "IR", "RI", "BI", "IB", "SM", "SB", "UR", "UE", "MT", "ME"}
NAMED = {"em": "—", "en": "–", "lq": "“", "rq": "”", "aq": "'", "dq": '"', "oq": "‘",
         "cq": "’", "bu": "•", "co": "©", "rg": "®", "tm": "™", "hy": "-", "mi": "-",
         "ga": "`", "ha": "^", "ti": "~", "Fo": "«", "Fc": "»", "fo": "‹", "fc": "›",
         "ua": "↑", "da": "↓", "ra": "→", "la": "←", "de": "°", "mu": "×", "di": "÷",
         "R": "®", "lB": "[", "rB": "]", "rs": "\\", "sl": "/"}


# groff composite glyphs: \('e is é, \(:u ü, \(,c ç, \(~a ã ...  Dropping
# them (as an earlier version did) turned "configuração" into "configurao"
# and "für" into "fr": the test set lost its accents, not the pages.
ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", ":": "\u0308",
           "~": "\u0303", ",": "\u0327", "v": "\u030c"}
LETTERS = {"ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "/o": "ø",
           "/O": "Ø", "oa": "å", "oA": "Å", "-D": "Ð", "Sd": "ð", "TP": "Þ",
           "Tp": "þ", "ij": "ĳ", "IJ": "Ĳ", "r!": "¡", "r?": "¿", "Aq": "'",
           "Bq": "„", "bq": "‚", "at": "@", "sh": "#", "Do": "$", "ct": "¢",
           "Eu": "€", "eu": "€", "Po": "£", "Ye": "¥", "ps": "¶", "sc": "§",
           "pl": "+", "eq": "=", "<=": "≤", ">=": "≥", "!=": "≠", "**": "*",
           "ul": "_", "ba": "|", "br": "|", "fm": "′", "sd": "″", "dg": "†",
           "lh": "☜", "rh": "☞", "OK": "✓", "+-": "±", "12": "½", "14": "¼"}
GREEK = dict(zip("abgdezyhiklmncoprstufxqw", "αβγδεζηθικλμνξοπρστυφχψω"))


def glyph(name):
    """The character of a groff glyph or string name; "" when unknown."""
    if name in NAMED:
        return NAMED[name]
    if name in LETTERS:
        return LETTERS[name]
    if len(name) == 2 and name[0] in ACCENTS and name[1].isalpha():
        return unicodedata.normalize("NFC", name[1] + ACCENTS[name[0]])
    if len(name) == 2 and name[0] == "*" and name[1].lower() in GREEK:
        g = GREEK[name[1].lower()]
        return g.upper() if name[1].isupper() else g
    m = re.fullmatch(r"u([0-9A-Fa-f]{4,6})((?:_[0-9A-Fa-f]{4,6})*)", name)
    if m:
        cps = [m.group(1)] + [x for x in m.group(2).split("_") if x]
        return unicodedata.normalize("NFC", "".join(chr(int(c, 16)) for c in cps))
    parts = name.split()  # \[e aa]: base letter and accent names
    if len(parts) == 2 and len(parts[0]) == 1:
        acc = {"aa": "'", "ga": "`", "ha": "^", "ad": ":", "a~": "~", "ac": ",",
               "ah": "v"}.get(parts[1])
        if acc:
            return glyph(acc + parts[0])
    return ""


def unescape(s):
    """Turn roff inline escapes into plain characters."""
    s = re.sub(r"\\f(\(..|\[[^]]*\]|.)", "", s)       # fonts
    s = re.sub(r"\\s[-+]?\d", "", s)                    # sizes
    s = re.sub(r"\\\*\((..)", lambda m: glyph(m.group(1)), s)
    s = re.sub(r"\\\*\[([^]]*)\]", lambda m: glyph(m.group(1)), s)
    s = re.sub(r"\\\*(.)", lambda m: glyph(m.group(1)), s)
    s = re.sub(r"\\\((..)", lambda m: glyph(m.group(1)), s)
    s = re.sub(r"\\\[([^]]*)\]", lambda m: glyph(m.group(1)), s)
    s = re.sub(r"\\N'(\d+)'", lambda m: chr(int(m.group(1))), s)
    s = re.sub(r"\\[Nn]'[^']*'", "", s)
    s = re.sub(r"\\[hvwo]'[^']*'", "", s)
    s = s.replace("\\-", "-").replace("\\e", "\\").replace("\\ ", " ").replace("\\~", " ")
    s = re.sub(r"\\[&%|^,/c:)]", "", s)
    s = s.replace("\\'", "'").replace("\\`", "`").replace('\\"', "")
    return s


def read_page(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        raw = f.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def paragraphs(text):
    """Yield the prose paragraphs of one roff page."""
    cur, nofill, skip_next, skip_macro = [], False, False, False
    for line in text.split("\n"):
        if skip_macro:
            skip_macro = line.strip() != ".."
            continue
        if line.startswith((".", "'")):
            parts = line[1:].strip().split(None, 1)
            req = parts[0] if parts else ""
            arg = parts[1] if len(parts) > 1 else ""
            if req.startswith('\\"') or req == "":
                continue
            if req in ("de", "am", "ig"):
                skip_macro = True
                continue
            if req in ("nf", "EX", "Vb", "ft CW", "Bd"):
                nofill = True
            if req in ("fi", "EE", "Ve", "Ed"):
                nofill = False
                continue
            if req in BREAK or req in ("nf", "EX", "Vb"):
                if cur:
                    yield " ".join(cur)
                cur = []
                skip_next = req == "TP"
                if req == "IP" or req in ("SH", "SS", "TH"):
                    pass  # tag or heading on the macro line itself: dropped
                continue
            if req in FONT and not nofill:
                if skip_next:
                    skip_next = False
                    continue
                cur.append(re.sub(r'"', "", arg))
            continue  # other requests (.if, .ds, .nr, .so, .br ...) carry no prose
        if nofill:
            continue
        if skip_next:  # the option tag after .TP
            skip_next = False
            continue
        if not line.strip():
            if cur:
                yield " ".join(cur)
            cur = []
            continue
        cur.append(line)
    if cur:
        yield " ".join(cur)


def is_prose(p, lang):
    n = len(p)
    if n < MIN_CHARS or n > MAX_CHARS:
        return False
    nonspace = [c for c in p if not c.isspace()]
    letters = [c for c in nonspace if c.isalpha()]
    if len(letters) < 0.75 * len(nonspace):
        return False
    if sum(c in "{}[]<>=/\\|$#;_@*" for c in p) > 0.03 * n:
        return False
    if p.lstrip().startswith("-"):
        return False
    if lang in ("zh", "ja"):  # a CJK-labelled paragraph must be mostly CJK
        cjk = sum(1 for c in letters if ord(c) >= 0x2E80)
        return cjk >= 0.5 * len(letters)
    if lang == "ru":
        cyr = sum(1 for c in letters if 0x400 <= ord(c) < 0x530)
        return cyr >= 0.7 * len(letters)
    if len(p.split()) < 5:
        return False
    return True


def clean(p):
    p = unescape(p)
    p = unicodedata.normalize("NFC", re.sub(r"\s+", " ", p)).strip()
    return p


def pages(dirs):
    for d in dirs:
        base = os.path.join(MAN, d)
        for sec in sorted(os.listdir(base)):
            if not re.fullmatch(r"man[1-8]", sec):
                continue
            sd = os.path.join(base, sec)
            for name in sorted(os.listdir(sd)):
                path = os.path.join(sd, name)
                if os.path.isfile(path) and not os.path.islink(path):
                    yield path


def part_of(path):
    """"test", "train" or "dev": a deterministic split by page name, so a
    page and its translations fall on the same side and no test paragraph
    comes from a page the model (train.py) learnt from."""
    h = zlib.crc32(os.path.basename(path).encode())
    return "test" if h % 2 == 0 else "dev" if h % 4 == 1 else "train"


def collect(lang, part=None):
    """The prose paragraphs of lang's pages (of one part of the split, or all)."""
    seen, out = set(), []
    for path in pages(LANGS[lang]):
        if part and part_of(path) != part:
            continue
        text = read_page(path)
        if text is None or text.lstrip().startswith(".so "):
            continue
        for p in paragraphs(text):
            p = clean(p)
            if p not in seen and is_prose(p, lang):
                seen.add(p)
                out.append(p)
    return out


def shingles(p):
    """Hashes of the lower-cased word 4-grams of a paragraph."""
    w = re.findall(r"\w+", p.lower())
    return {hash(tuple(w[i:i + 4])) for i in range(len(w) - 3)}


def untranslated(p, english_shingles):
    sh = shingles(p)
    return bool(sh) and sum(h in english_shingles for h in sh) >= 0.5 * len(sh)


def top_words(paras, n=50):
    freq = {}
    for p in paras:
        for w in re.findall(r"\w+", p.lower()):
            freq[w] = freq.get(w, 0) + 1
    return set(sorted(freq, key=lambda w: (-freq[w], w))[:n])


def english_like(p, en_top, own_top):
    w = re.findall(r"\w+", p.lower())
    if not w:
        return False
    en = sum(x in en_top for x in w) / len(w)
    own = sum(x in own_top for x in w) / len(w)
    # "option" or "script" is a top word of French pages too: an English
    # paragraph still shows far more English than own words.
    return en >= 0.2 and (own < 0.05 or own < en / 4)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: extract.py OUT.tsv [test|dev|train]")
    part = sys.argv[2] if len(sys.argv) == 3 else "test"
    rng = random.Random(SEED)
    english = set(collect("en"))  # all pages: only to spot untranslated text
    english_shingles = set()
    for p in english:
        english_shingles |= shingles(p)
    en_top = top_words(english)
    rows = []
    for lang in LANGS:
        if lang == "en":
            paras = sorted(collect("en", part))
        else:
            paras = [p for p in collect(lang, part)
                     if p not in english and not untranslated(p, english_shingles)]
            own_top = top_words(paras) - en_top
            paras = [p for p in paras if not english_like(p, en_top, own_top)]
        rng.shuffle(paras)
        take = paras[:PER_LANG]
        print(f"{lang}: {len(paras)} prose paragraphs, {len(take)} taken", file=sys.stderr)
        rows += [(lang, p) for p in take]
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        for lang, p in rows:
            f.write(f"{lang}\t{p}\n")


if __name__ == "__main__":
    main()
