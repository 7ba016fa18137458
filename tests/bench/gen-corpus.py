#!/usr/bin/env python3
"""gen-corpus.py: diglot's deterministic benchmark corpus.

    tests/bench/gen-corpus.py OUT N [--seed S]

Writes OUT/articles/<dir>/NNNNNNN.txt (one article per file, 1000 per
folder), OUT/feeds/all.xml (the same articles as one RSS feed, for
newsboat) and OUT/manifest.json (counts, raw text bytes, the search words
with their document frequency).  Article i depends only on (seed, i), so
the N=1000 corpus is a prefix of the N=10000 one.

Sentences come from Debian text packages (fortunes, fortunes-de/-it/-es/
-zh, manpages-fr); each article has 300-3000 characters, a title line, a
'Source:' line naming one of 60 outlets, a date over six years (as the
file's mtime and a dateline), and about 5 % are bilingual (paragraphs in
two languages, interleaved).  Nothing here is ever committed.
"""
import gzip
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from email.utils import formatdate
from xml.sax.saxutils import escape

LANGS = [("en", 35), ("fr", 15), ("de", 15), ("it", 10), ("es", 10), ("zh", 15)]
PKGS = {"en": "fortunes", "fr": "manpages-fr", "de": "fortunes-de", "it": "fortunes-it",
        "es": "fortunes-es", "zh": "fortunes-zh"}
BILINGUAL = 0.05
EPOCH0 = 1546300800          # 2019-01-01
SPAN = 6 * 365 * 86400       # six years
OUTLETS = ["%s %s" % (a, b) for a in ("Northern", "Harbor", "Evening", "Metro", "Valley",
                                       "Global", "Coastal", "Mountain", "River", "Capital")
           for b in ("Chronicle", "Gazette", "Ledger", "Courier", "Review", "Wire")]


def pkg_files(pkg):
    try:
        out = subprocess.run(["dpkg", "-L", pkg], capture_output=True, text=True).stdout
    except OSError:
        return []
    return sorted(p for p in out.split("\n") if os.path.isfile(p))


def fortune_units(path):
    with open(path, "rb") as f:
        raw = f.read().decode("utf-8", "replace")
    out = []
    for chunk in raw.split("\n%\n"):
        lines = [l.strip() for l in chunk.split("\n") if l.strip()]
        # attribution lines and ASCII art are not prose
        lines = [l for l in lines if not l.startswith("--") and sum(c.isalpha() for c in l) > len(l) / 2]
        s = " ".join(lines) if not any("\u4e00" <= c <= "\u9fff" for c in chunk) else "".join(lines)
        if 20 <= len(s) <= 600:
            out.append(s)
    return out


def manpage_units(path):
    with gzip.open(path, "rb") as f:
        raw = f.read().decode("utf-8", "replace")
    text = []
    for l in raw.split("\n"):
        if l.startswith((".", "'")) and not l.startswith((".B ", ".I ")):
            continue
        l = re.sub(r"\\f[BIRP]|\\\(..|\\[-&e]|^\.[BI] ", "", l).strip()
        if l:
            text.append(l)
    out = re.split(r"(?<=[.!?])\s+", " ".join(text))
    return [s for s in out if 30 <= len(s) <= 400 and sum(c.isalpha() for c in s) > len(s) * 0.7]


def pools():
    res = {}
    for lang, pkg in PKGS.items():
        files = pkg_files(pkg)
        if lang == "fr":
            units = [u for p in files if p.endswith(".gz") and "/man/fr/" in p for u in manpage_units(p)]
        else:
            sub = {"de": "/fortunes/de/", "it": "/fortunes/it/", "es": "/fortunes/es/"}.get(lang, "/fortunes/")
            keep = [p for p in files if sub in p and not p.endswith(".dat") and "/off/" not in p
                    and not re.search(r"/(ascii-?art|art|banner)(\.u8)?$", p)]
            # the .u8 twin is the UTF-8 one
            keep = [p for p in keep if p.endswith(".u8") or p + ".u8" not in keep]
            units = [u for p in keep for u in fortune_units(p)]
        units = list(dict.fromkeys(units))
        if len(units) < 50:
            sys.exit("gen-corpus: %s gives no text: apt-get install -y %s" % (pkg, pkg))
        res[lang] = units
    return res


def paragraph(rng, pool, lang):
    n = rng.randint(1, 4)
    sep = "" if lang == "zh" else " "
    return sep.join(rng.choice(pool) for _ in range(n))


def article(seed, i, P):
    rng = random.Random("diglot:%d:%d" % (seed, i))
    names, weights = zip(*LANGS)
    lang = rng.choices(names, weights)[0]
    other = None
    if rng.random() < BILINGUAL:
        other = "en" if lang != "en" else rng.choice(["fr", "de", "zh", "es"])
    target = int(rng.triangular(300, 3000, 900))
    date = EPOCH0 + rng.randrange(SPAN)
    outlet = rng.choice(OUTLETS)
    t = rng.choice(P[lang])
    title = re.split(r"(?<=[.!?。！？])", t)[0][:90].strip() or t[:60]
    paras, size = [], len(title)
    while size < target:
        if other:
            a = paragraph(rng, P[lang], lang)
            b = paragraph(rng, P[other], other)
            paras += [a, b]
            size += len(a) + len(b)
        else:
            p = paragraph(rng, P[lang], lang)
            paras.append(p)
            size += len(p)
    body = "\n\n".join(paras)
    room = 3000 - len(title) - 80
    if len(body) > room:
        body = body[:room].rsplit(" ", 1)[0] if lang != "zh" else body[:room]
    text = "%s\n\n%s\n\nSource: %s\n" % (title, body, outlet)
    return text, title, body, outlet, date, lang, other


def words_of(text):
    latin = set(w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]{5,}", text))
    cjk = set()
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        cjk.update(run[k:k + 2] for k in range(len(run) - 1))
    return latin, cjk


def pick(df, n, frac):
    goal = n * frac
    return min(sorted(df), key=lambda w: (abs(df[w] - goal), w)) if df else ""


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: gen-corpus.py OUT N [SEED]")
    out, n = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    man = os.path.join(out, "manifest.json")
    if os.path.exists(man):
        m = json.load(open(man))
        if m.get("n") == n and m.get("seed") == seed and m.get("version") == 1:
            print("gen-corpus: %s already made" % out)
            return
    P = pools()
    os.makedirs(os.path.join(out, "feeds"), exist_ok=True)
    latin_df, cjk_df, langs = Counter(), Counter(), Counter()
    raw, bilingual, first = 0, 0, None
    feed = open(os.path.join(out, "feeds", "all.xml"), "w", encoding="utf-8")
    feed.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
               "<title>bench</title><link>http://bench.invalid/</link><description>bench</description>\n")
    for i in range(n):
        text, title, body, outlet, date, lang, other = article(seed, i, P)
        d = os.path.join(out, "articles", "%04d" % (i // 1000))
        if i % 1000 == 0:
            os.makedirs(d, exist_ok=True)
        path = os.path.join(d, "%07d.txt" % i)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        os.utime(path, (date, date))
        raw += len(data)
        langs[lang] += 1
        bilingual += other is not None
        la, cj = words_of(text)
        latin_df.update(la)
        cjk_df.update(cj)
        if first is None and lang == "en" and not other:
            first = body
        feed.write("<item><title>%s</title><link>http://bench.invalid/%d</link><guid>bench-%d</guid>"
                   "<pubDate>%s</pubDate><author>%s</author><description>%s</description></item>\n"
                   % (escape(title), i, i, formatdate(date), escape(outlet), escape(body)))
    feed.write("</channel></rss>\n")
    feed.close()
    word = pick({w: c for w, c in latin_df.items() if w.isascii()}, n, 0.01)
    zh = pick(cjk_df, n, 0.01)
    # three words that occur together: the three most common long words of one article
    three = sorted(words_of(first or "")[0], key=lambda w: (-latin_df[w], w))[:3]
    m = {"version": 1, "n": n, "seed": seed, "raw_bytes": raw, "langs": langs,
         "bilingual": bilingual, "outlets": len(OUTLETS),
         "word": word, "word_df": latin_df[word], "zh": zh, "zh_df": cjk_df[zh],
         "prefix": word[:4] + "*", "three": " ".join(three)}
    json.dump(m, open(man, "w"), ensure_ascii=False, indent=1)
    print(json.dumps(m, ensure_ascii=False))


if __name__ == "__main__":
    main()
