#!/usr/bin/python3
"""readability-bench.py PAGESDIR OUTDIR: readability-lxml (Debian's
python3-readability) on every page, written as score.py wants it
(NNN_x.txt, NNN_x.meta.json with its title; it finds no dates).  Prints
the pages and the extraction time (Document, summary, title and the
summary's text; not reading or writing files)."""
import json
import os
import sys
import time

import lxml.html
from readability import Document


def main():
    pages, out = sys.argv[1], sys.argv[2]
    names = sorted(n for n in os.listdir(pages) if n.endswith(".html"))
    total = 0.0
    for name in names:
        raw = open(os.path.join(pages, name), "rb").read()
        best = None
        for _ in range(3):  # the best of three, as html-bench times diglot
            t0 = time.perf_counter()
            try:
                doc = Document(raw)
                summary = doc.summary(html_partial=True)
                title = doc.short_title()
                text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
            except Exception as e:  # a page it cannot read scores as empty
                if best is None:
                    print("%s: %s" % (name, e), file=sys.stderr)
                text, title = "", ""
            dt = time.perf_counter() - t0
            best = dt if best is None else min(best, dt)
        total += best
        base = name[:-5]
        with open(os.path.join(out, base + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(out, base + ".meta.json"), "w", encoding="utf-8") as f:
            json.dump({"title": title, "date": ""}, f, ensure_ascii=False)
    n = len(names)
    print("readability\t%d pages\t%.3f s\t%.3f ms/page" % (n, total, total * 1000 / n if n else 0))


if __name__ == "__main__":
    main()
