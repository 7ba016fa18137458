#!/usr/bin/env python3
"""mksent.py OUT [SEED]: input for sentence-bench.c (see its header)."""
# Paragraph pairs made of 2-4 consecutive gettext messages that each look
# like one sentence on both sides; gold sentence k = message k.
# Variant "swap": the right side's last two messages exchanged (must be refused).
import sys, random, re
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mkdocs
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
out = open(sys.argv[1], "w")
end = re.compile(r"[.!?。！？]$")
for loc, code in mkdocs.LANGS:
    for name, pairs in mkdocs.catalogues(loc):
        ok = [p for p in pairs if end.search(p[0]) and end.search(p[1]) and p[1][0].isupper()]
        i = 0
        while i + 2 <= len(ok):
            k = rng.randint(2, 4)
            grp = ok[i:i + k]
            i += k
            if len(grp) < 2:
                break
            for variant in ("plain", "swap"):
                g = list(grp)
                r = [p[1] for p in g]
                if variant == "swap":
                    r[-1], r[-2] = r[-2], r[-1]
                out.write("D\t%s\t%s\n" % (code, variant))
                for p, rr in zip(g, r):
                    out.write("M\t%s\t%s\n" % (p[0].replace("\t", " "), rr.replace("\t", " ")))
