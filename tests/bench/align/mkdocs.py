#!/usr/bin/env python3
"""mkdocs.py: build bilingual alignment test documents with known links from
the gettext catalogues installed on this machine (/usr/share/locale/*/
LC_MESSAGES/*.mo, written by the translators of each Debian package).

Each document is 5-20 consecutive long messages of one catalogue: the
translation on the left (zh, fr or de), the English msgid on the right, one
message per paragraph.  Variants: "plain" (all 1-1), "merged" (two adjacent
paragraphs joined on one side), "omit" (one paragraph dropped from one side).

Output: OUTDIR/<lang>-<variant>-<n>.txt with lines "L\ttext", "R\ttext" and
"G\tleft\tright" (gold links, 0-based paragraph indexes)."""
import gettext, glob, os, random, re, sys

LANGS = [("zh_CN", "zh"), ("fr", "fr"), ("de", "de")]
DOCS_PER_VARIANT = 60
MIN_CHARS = 60


def clean(s):
    s = re.sub(r"\s+", " ", s).strip()
    return s


def catalogues(locale):
    for path in sorted(glob.glob("/usr/share/locale/%s/LC_MESSAGES/*.mo" % locale)):
        try:
            with open(path, "rb") as f:
                cat = gettext.GNUTranslations(f)._catalog
        except Exception:
            continue
        pairs = []
        for k, v in cat.items():
            if not isinstance(k, str) or not isinstance(v, str) or not k:
                continue
            en, tr = clean(k), clean(v)
            if len(en) < MIN_CHARS or not tr or tr == en:
                continue
            pairs.append((tr, en))
        if len(pairs) >= 5:
            yield os.path.basename(path), pairs


def make_doc(pairs, variant, rng):
    left = [p[0] for p in pairs]
    right = [p[1] for p in pairs]
    gold = [(i, i) for i in range(len(pairs))]
    n = len(pairs)
    if variant == "merged":
        i = rng.randrange(n - 1)
        if rng.random() < 0.5:  # join on the right: left i, i+1 -> right i
            right[i:i + 2] = [right[i] + " " + right[i + 1]]
            gold = [(l, r if r <= i else r - 1) for l, r in gold]
        else:
            left[i:i + 2] = [left[i] + " " + left[i + 1]]
            gold = [(l if l <= i else l - 1, r) for l, r in gold]
    elif variant == "omit":
        i = rng.randrange(n)
        if rng.random() < 0.5:
            del right[i]
            gold = [(l, r if r < i else r - 1) for l, r in gold if r != i]
        else:
            del left[i]
            gold = [(l if l < i else l - 1, r) for l, r in gold if l != i]
    return left, right, gold


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 20241122)
    total = 0
    for locale, code in LANGS:
        chunks = []
        for name, pairs in catalogues(locale):
            pos = 0
            while pos + 5 <= len(pairs):
                size = rng.randint(5, 20)
                chunk = pairs[pos:pos + size]
                if len(chunk) >= 5:
                    chunks.append(chunk)
                pos += size
        rng.shuffle(chunks)
        for v, variant in enumerate(("plain", "merged", "omit")):
            sel = chunks[v * DOCS_PER_VARIANT:(v + 1) * DOCS_PER_VARIANT]
            for k, chunk in enumerate(sel):
                left, right, gold = make_doc(chunk, variant, rng)
                path = os.path.join(out, "%s-%s-%03d.txt" % (code, variant, k))
                with open(path, "w", encoding="utf-8") as f:
                    for t in left:
                        f.write("L\t%s\n" % t)
                    for t in right:
                        f.write("R\t%s\n" % t)
                    for l, r in gold:
                        f.write("G\t%d\t%d\n" % (l, r))
                total += 1
    print("%d documents in %s" % (total, out), file=sys.stderr)


if __name__ == "__main__":
    main()
