#!/usr/bin/env python3
"""mkbidocs.py OUTDIR [SEED]: whole bilingual documents, laid out the way real
bilingual pages are, with known paragraph pairs, for bidoc-bench.c.

Sources: the gettext catalogues Debian installs (/usr/share/locale/*/
LC_MESSAGES/*.mo, written by each package's translators), as in mkdocs.py.
Pairs: zh, ja, ru, de, fr, it, es, pt, nl with English (the msgid), and
fr/it, pt/es, zh/fr joined on the msgid of the same catalogue.

Layouts (the document's text, as a user would import it):
  block    title, title, A paragraphs, B paragraphs
  titles2  the same with the two titles on adjacent lines (no blank line)
  para     interleaved by paragraph: A B A B ...
  unit     interleaved by unit: 1-3 paragraphs, then their 1-3 translations
  lines    line-by-line: each paragraph a line and its translation's line
  sent     sentence-interleaved: a sentence then its translation, inside one
           paragraph (zh, ja, ru with English only: a change of script)
  quotes   monolingual, quoting foreign sentences (must stay monolingual)
  brands   Chinese full of Latin brand names (must stay monolingual)
Damage, on one side: none, merged (two paragraphs joined), split (one
paragraph cut in two), omit (one dropped), note (an untranslated note or
keywords line).

For each document N: OUTDIR/<layout>-<damage>-<pair>-N.txt (the text) and
.gold: "U\t<side 0 or 1>\t<message ids, comma-separated>\t<text>" per unit (a
paragraph of the document, or a line or sentence of a mixed one).  Two units
of different languages sharing a message id are a gold pair.
"""
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mkdocs  # noqa: E402  (catalogues)

PAIRS = [("zh_CN", None), ("ja", None), ("ru", None), ("de", None), ("fr", None),
         ("it", None), ("es", None), ("pt_BR", None), ("nl", None),
         ("fr", "it"), ("pt_BR", "es"), ("zh_CN", "fr")]
LAYOUTS = ["block", "titles2", "para", "unit", "lines", "sent"]
DAMAGE = ["none", "merged", "split", "omit", "note"]
DOCS = 3  # per pair, layout and damage
END = re.compile(r"[.!?。！？]$")
CJK_STOP = {"zh": "。", "ja": "。"}
BRANDS = ["iPhone 15 Pro", "Microsoft Teams", "Tesla Model Y", "Google Pixel", "ChatGPT",
          "Apple Watch", "Samsung Galaxy S24", "Nvidia GeForce RTX", "Netflix", "YouTube Shorts",
          "Windows 11", "MacBook Air", "OpenAI", "Amazon Prime Video", "PlayStation 5"]


def code(locale):
    return {"zh_CN": "zh", "pt_BR": "pt"}.get(locale, locale)


def messages(la, lb):
    """Lists of (a, b) message pairs per catalogue, by msgid."""
    cats = {}
    for name, pairs in mkdocs.catalogues(la):
        cats[name] = dict((en, tr) for tr, en in pairs)
    if lb is None:
        return [[(tr, en) for en, tr in c.items()] for c in cats.values()]
    out = []
    for name, pairs in mkdocs.catalogues(lb):
        if name in cats:
            both = [(cats[name][en], tr) for tr, en in pairs if en in cats[name]]
            if len(both) >= 5:
                out.append(both)
    return out


def usable(t):
    # markup and placeholders make neither prose nor a fair test
    return "\t" not in t and "<" not in t and "%" not in t and not t.startswith("-")


def short_title(msg, lang):
    """A title: the first words of a message, no final stop."""
    if lang in ("zh", "ja"):
        t = re.split(r"[，。、：；,:;「」“”\"(（]", msg)[0][:20]
    else:
        t = " ".join(re.split(r"[,.:;]", msg)[0].split()[:7])
    return t.strip() or msg[:30]


def split_text(t, rng):
    """Cut a paragraph in two at a sentence end, else at a space."""
    cuts = [m.end() for m in re.finditer(r"[.!?。！？] ?", t) if 10 < m.end() < len(t) - 10]
    if not cuts:
        cuts = [m.start() for m in re.finditer(" ", t) if 20 < m.start() < len(t) - 20]
    if not cuts:
        return None
    k = rng.choice(cuts)
    return t[:k].strip(), t[k:].strip()


def joiner(lang):
    return "" if lang in ("zh", "ja") else " "


def damage(side, kind, langs, extra, rng):
    """side: lists of [text, ids] for side 0 and 1; damage one of them."""
    s = rng.randrange(2)
    p = side[s]
    if kind == "merged" and len(p) >= 2:
        i = rng.randrange(len(p) - 1)
        p[i:i + 2] = [[p[i][0] + joiner(langs[s]) + p[i + 1][0], p[i][1] + p[i + 1][1]]]
    elif kind == "split":
        for i in rng.sample(range(len(p)), len(p)):
            cut = split_text(p[i][0], rng)
            if cut:
                p[i:i + 1] = [[cut[0], p[i][1]], [cut[1], p[i][1]]]
                break
    elif kind == "omit" and len(p) >= 3:
        del p[rng.randrange(1, len(p))]
    elif kind == "note":
        note = extra[s]
        if rng.random() < 0.5:
            note = ("Keywords: " if langs[s] != "zh" else "关键词：") + short_title(note, langs[s])
        p.insert(rng.randrange(1, len(p) + 1), [note, [-1 - rng.randrange(1000)]])


def group_units(n, rng):
    """Message indexes cut into units of 1-3."""
    units, i = [], 0
    while i < n:
        k = rng.randint(1, 3)
        units.append((i, min(n, i + k)))
        i += k
    return units


def by_unit(paras, lo, hi):
    """Paragraphs of one side whose first message falls in [lo, hi)."""
    out = []
    for p in paras:
        first = min(i for i in p[1] if i >= 0) if any(i >= 0 for i in p[1]) else None
        if first is None:
            continue
        if lo <= first < hi:
            out.append(p)
    return out


def place_notes(order, side):
    """Notes (negative ids) go after the paragraph they followed on their side."""
    for s in (0, 1):
        for k, p in enumerate(side[s]):
            if all(i < 0 for i in p[1]):
                prev = side[s][k - 1] if k else None
                pos = next((j for j, q in enumerate(order) if q[1] is prev), -1)
                order.insert(pos + 1, (s, p))
    return order


def write(out, name, text, units):
    with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(out, name + ".gold"), "w", encoding="utf-8") as f:
        for k, (side, ids, t) in enumerate(units):
            f.write("U\t%d\t%s\t%s\n" % (side, ",".join(str(i) for i in ids), t.replace("\n", " ")))


def make(msgs, langs, layout, dmg, extra, rng):
    """Text and units of one document; msgs are (a, b) pairs."""
    tA, tB = short_title(msgs[0][0], langs[0]), short_title(msgs[0][1], langs[1])
    body = msgs[1:]
    side = [[[m[s], [i]] for i, m in enumerate(body)] for s in (0, 1)]
    if dmg != "none":
        damage(side, dmg, langs, extra, rng)
    units = [(0, [10000], tA), (1, [10000], tB)]
    blocks = []
    if layout == "titles2":
        blocks.append(tA + "\n" + tB)
    else:
        blocks += [tA, tB]
    if layout in ("block", "titles2"):
        for s in (0, 1):
            for p in side[s]:
                blocks.append(p[0])
                units.append((s, p[1], p[0]))
    elif layout in ("para", "unit", "lines", "sent"):
        groups = [(i, i + 1) for i in range(len(body))] if layout != "unit" else group_units(len(body), rng)
        order = []
        for lo, hi in groups:
            for s in (0, 1):
                for p in by_unit(side[s], lo, hi):
                    order.append((s, p))
        order = place_notes(order, side)
        if layout == "para" or layout == "unit":
            for s, p in order:
                blocks.append(p[0])
                units.append((s, p[1], p[0]))
        else:
            # lines: a unit's lines in one block (at most 4 lines);
            # sent: a unit's sentences in one paragraph
            cur = []
            for s, p in order:
                units.append((s, p[1], p[0]))
                cur.append(p[0])
                if s == 1 and len(cur) >= 2 and (layout == "sent" or len(cur) >= 4 or rng.random() < 0.5):
                    blocks.append(("\n" if layout == "lines" else " ").join(cur))
                    cur = []
            if cur:
                blocks.append(("\n" if layout == "lines" else " ").join(cur))
    return "\n\n".join(blocks) + "\n", units


def make_mono(msgs, foreign, lang, kind, rng):
    """A monolingual document: quotes of foreign sentences, or brand names."""
    title = short_title(msgs[0], lang)
    paras = list(msgs[1:])
    if kind == "quotes":
        # a quote sits inside a longer paragraph of the article's language,
        # and one paragraph is a quote alone, as news articles quote
        short = [q for q in foreign if len(q) < 90] or foreign
        for k in rng.sample(range(len(paras)), min(len(paras), 2)):
            q = rng.choice(short)
            if len(paras[k]) >= 2 * len(q):
                paras[k] = paras[k] + ' "' + q + '"'
        paras.insert(rng.randrange(1, len(paras)), '"' + rng.choice(short) + '"')
    else:
        for k in range(len(paras)):
            b = rng.sample(BRANDS, 3)
            paras[k] = b[0] + " " + paras[k] + " " + b[1] + "、" + b[2] + "。"
        paras.insert(rng.randrange(1, len(paras)), "、".join(rng.sample(BRANDS, 6)))
    text = "\n\n".join([title] + paras) + "\n"
    return text, [(0, [10000], title)] + [(0, [i], p) for i, p in enumerate(paras)]


def main():
    out = sys.argv[1]
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 20250301)
    os.makedirs(out, exist_ok=True)
    total = 0
    for la, lb in PAIRS:
        langs = (code(la), code(lb) if lb else "en")
        pair = "%s%s" % langs
        msgs = [[m for m in c if usable(m[0]) and usable(m[1])] for c in messages(la, lb)]
        pool = [m for c in msgs for m in c]
        sentlike = [m for m in pool if END.search(m[0]) and END.search(m[1]) and len(m[1]) < 200]
        chunks = []
        for c in msgs:
            # a catalogue is sorted by msgid: neighbours share their first
            # words, which no real article does
            rng.shuffle(c)
            for i in range(0, len(c) - 6, 14):
                chunks.append(c[i:i + rng.randint(6, 14)])
        rng.shuffle(chunks)
        if not chunks:
            continue
        ci = 0
        for layout in LAYOUTS:
            if layout == "sent" and (lb or langs[0] not in ("zh", "ja", "ru")):
                continue
            for dmg in DAMAGE:
                for k in range(DOCS):
                    if layout == "sent":
                        ms = rng.sample(sentlike, rng.randint(6, 12))
                    else:
                        ms = chunks[ci % len(chunks)]
                        ci += 1
                    extra = [m for m in rng.choice(pool)]
                    text, units = make(ms, langs, layout, dmg, extra, rng)
                    write(out, "%s-%s-%s-%d" % (layout, dmg, pair, k), text, units)
                    total += 1
        if lb is None:
            en = [m[1] for m in sentlike] or [m[1] for m in pool]
            for k in range(2 * DOCS):
                ms = chunks[ci % len(chunks)]
                ci += 1
                text, units = make_mono([m[0] for m in ms], en, langs[0], "quotes", rng)
                write(out, "quotes-none-%s-%d" % (pair, k), text, units)
                total += 1
                if langs[0] == "zh":
                    text, units = make_mono([m[0] for m in ms], en, "zh", "brands", rng)
                    write(out, "brands-none-%s-%d" % (pair, k), text, units)
                    total += 1
    print("%d documents in %s" % (total, out), file=sys.stderr)


if __name__ == "__main__":
    main()
