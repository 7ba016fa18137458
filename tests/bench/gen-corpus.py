#!/usr/bin/env python3
"""gen-corpus.py: diglot's deterministic benchmark corpus.

    tests/bench/gen-corpus.py OUT N [SEED]

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
import array
import fcntl
import gzip
import json
import multiprocessing
import os
import queue
import random
import re
import subprocess
import sys
import traceback
from collections import Counter
from email.utils import formatdate
from itertools import accumulate
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


NAMES = [l for l, _ in LANGS]
CUM = list(accumulate(w for _, w in LANGS))   # rng.choices(names, weights) draws the same
CHUNK = 1000                  # articles per folder, and per task of a worker
LATIN = re.compile(r"[A-Za-zÀ-ÿ]{5,}")
LATIN1 = re.compile(r"[A-Za-zÀ-ÿ]")
HAN = re.compile(r"[\u4e00-\u9fff]+")
TITLE = re.compile(r"(?<=[.!?。！？])")
FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC
FS_IOC_GETFLAGS, FS_IOC_SETFLAGS, FS_TOPDIR_FL = 0x80086601, 0x40086602, 0x00020000


def words_of(text):
    latin = set(w.lower() for w in LATIN.findall(text))
    cjk = set()
    for run in HAN.findall(text):
        cjk.update(run[k:k + 2] for k in range(len(run) - 1))
    return latin, cjk


def word_set(text):
    """The search words of text: long Latin words and Han bigrams in one set
    (they never collide, and main() tells them apart by the first char)."""
    latin, cjk = words_of(text)
    latin |= cjk
    return frozenset(latin)


def char_class(c):
    return 1 if LATIN1.match(c) else 2 if "\u4e00" <= c <= "\u9fff" else 0


class Memo:
    """Per-process caches: the words of each pool sentence and each title.
    An article's words are the union of its pieces' words, because the
    pieces are joined by spaces or blank lines, which end every word; only
    Chinese paragraphs ("" joins) can glue two sentences into one word, and
    those are scanned whole (a fresh set) when the glue chars are of one
    class, as is the paragraph a length cut falls in."""

    def __init__(self):
        self.unit, self.title, self.outlet = {}, {}, {}

    def unit_of(self, u):
        e = self.unit.get(u)
        if e is None:
            e = self.unit[u] = (word_set(u), char_class(u[0]), char_class(u[-1]))
        return e

    def title_of(self, t):
        e = self.title.get(t)
        if e is None:
            title = TITLE.split(t)[0][:90].strip() or t[:60]
            e = self.title[t] = (title, word_set(title), escape(title))
        return e

    def outlet_of(self, o):
        e = self.outlet.get(o)
        if e is None:
            e = self.outlet[o] = (word_set("Source: " + o), escape(o))
        return e

    def para_sets(self, text, units, sep, sets, fresh):
        es = [self.unit_of(u) for u in units]
        if not sep:
            for a, b in zip(es, es[1:]):
                if a[2] and a[2] == b[1]:
                    fresh.append(word_set(text))
                    return
        sets.extend(e[0] for e in es)


class DocFreq:
    """Document frequencies counted by piece: a cached word set counts once
    per article that has it, and a word in m of an article's pieces is
    taken back m-1 times.  This costs a few set operations per article
    instead of one dict update per word and article."""

    def __init__(self):
        self.pieces, self.direct, self.extra = Counter(), Counter(), Counter()

    def add(self, sets, fresh):
        ps = set(sets)                  # equal sets would only add extras
        self.pieces.update(ps)
        for f in fresh:
            if f not in ps:
                self.direct.update(f)
                ps.add(f)
        seen, dup = set(), []
        for s in ps:
            dup += seen & s
            seen |= s
        self.extra.update(dup)

    def counts(self):
        df = self.direct
        for s, k in self.pieces.items():
            for w in s:
                df[w] += k
        df.subtract(self.extra)
        return +df


def paragraph(rng, pool, lang):
    n = rng.randint(1, 4)
    sep = "" if lang == "zh" else " "
    units = [rng.choice(pool) for _ in range(n)]
    return sep.join(units), units, sep


def article(seed, i, P, memo):
    """Article i: its text, title, body, outlet, date, languages, and the
    word sets whose union is words_of(text) merged: cached ones, fresh ones."""
    rng = random.Random("diglot:%d:%d" % (seed, i))
    lang = rng.choices(NAMES, cum_weights=CUM)[0]
    other = None
    if rng.random() < BILINGUAL:
        other = "en" if lang != "en" else rng.choice(["fr", "de", "zh", "es"])
    target = int(rng.triangular(300, 3000, 900))
    date = EPOCH0 + rng.randrange(SPAN)
    outlet = rng.choice(OUTLETS)
    t = rng.choice(P[lang])
    title, title_words, title_x = memo.title_of(t)
    paras, size = [], len(title)
    while size < target:
        if other:
            a = paragraph(rng, P[lang], lang)
            b = paragraph(rng, P[other], other)
            paras += [a, b]
            size += len(a[0]) + len(b[0])
        else:
            p = paragraph(rng, P[lang], lang)
            paras.append(p)
            size += len(p[0])
    body = "\n\n".join(p[0] for p in paras)
    room = 3000 - len(title) - 80
    if len(body) > room:
        body = body[:room].rsplit(" ", 1)[0] if lang != "zh" else body[:room]
    outlet_words, outlet_x = memo.outlet_of(outlet)
    sets, fresh = [title_words, outlet_words], []
    end, off = len(body), 0
    for text, units, sep in paras:
        if off + len(text) <= end:
            memo.para_sets(text, units, sep, sets, fresh)
        else:
            if off < end:               # the paragraph the cut fell in
                fresh.append(word_set(body[off:end]))
            break
        off += len(text) + 2
    text = "%s\n\n%s\n\nSource: %s\n" % (title, body, outlet)
    return text, title_x, body, outlet_x, date, lang, other, sets, fresh


def make_chunk(seed, c, n, out, P, memo, df):
    """Writes the files of folder c, counts their words into df, returns
    the folder's RSS items and figures."""
    lo, hi = c * CHUNK, min(n, (c + 1) * CHUNK)
    d = os.path.join(out, "articles", "%04d" % c)
    os.makedirs(d, exist_ok=True)
    dfd = os.open(d, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    items, langs = [], Counter()
    raw, bilingual, first = 0, 0, None
    try:
        for i in range(lo, hi):
            text, title_x, body, outlet_x, date, lang, other, sets, fresh = article(seed, i, P, memo)
            data = text.encode("utf-8")
            fd = os.open("%07d.txt" % i, FLAGS, 0o666, dir_fd=dfd)
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
                os.utime(fd, (date, date))
            finally:
                os.close(fd)
            raw += len(data)
            langs[lang] += 1
            bilingual += other is not None
            df.add(sets, fresh)
            if first is None and lang == "en" and not other:
                first = body
            items.append("<item><title>%s</title><link>http://bench.invalid/%d</link><guid>bench-%d</guid>"
                         "<pubDate>%s</pubDate><author>%s</author><description>%s</description></item>\n"
                         % (title_x, i, i, formatdate(date), outlet_x, escape(body)))
    finally:
        os.close(dfd)
    return "".join(items).encode("utf-8"), raw, langs, bilingual, first


def worker(k, nw, seed, n, out, P, q):
    """Process k of nw: folders k, k+nw, ...; sends each folder's result,
    then its document frequencies."""
    try:
        memo, df = Memo(), DocFreq()
        for c in range(k, (n + CHUNK - 1) // CHUNK, nw):
            q.put(("chunk", c, make_chunk(seed, c, n, out, P, memo, df)))
        q.put(("df", k, df.counts()))
    except BaseException:
        q.put(("error", k, traceback.format_exc()))


def pick(df, n, frac):
    goal = n * frac
    return min(sorted(df), key=lambda w: (abs(df[w] - goal), w)) if df else ""


def spread_folders(path):
    """chattr +T path.  ext4 puts a folder's subfolders, and so their files,
    in or near its own block group; under a crowded /var/tmp each new file
    then cost 0.3 ms of kernel time looking for a free inode (measured:
    340 us a create, against 10-20 us).  With the 'top of a hierarchy' flag
    ext4 spreads the 1000-article folders over emptier groups.  Only a hint:
    no other filesystem or failure matters."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        flags = array.array("i", [0])
        fcntl.ioctl(fd, FS_IOC_GETFLAGS, flags, True)
        flags[0] |= FS_TOPDIR_FL
        fcntl.ioctl(fd, FS_IOC_SETFLAGS, flags, True)
    except OSError:
        pass
    finally:
        os.close(fd)


def generate(out, n, seed, P, feed):
    """Makes the articles in len(CPUs) processes, writes the feed in order;
    returns the figures and the merged document frequencies."""
    chunks = (n + CHUNK - 1) // CHUNK
    nw = max(1, min(len(os.sched_getaffinity(0)), chunks))
    ctx = multiprocessing.get_context("fork")
    q = ctx.Queue()
    procs = [ctx.Process(target=worker, args=(k, nw, seed, n, out, P, q)) for k in range(nw)]
    for p in procs:
        p.start()
    langs, df = Counter(), Counter()
    raw, bilingual, first = 0, 0, None
    pending, nxt, done = {}, 0, 0
    try:
        while done < nw or nxt < chunks:
            try:
                kind, c, r = q.get(timeout=5)
            except queue.Empty:
                if any(p.exitcode not in (None, 0) for p in procs):
                    sys.exit("gen-corpus: a worker died")
                continue
            if kind == "error":
                sys.exit("gen-corpus: worker %d failed:\n%s" % (c, r))
            if kind == "df":
                df.update(r)
                done += 1
                continue
            pending[c] = r
            while nxt in pending:
                items, r_raw, r_langs, r_bi, r_first = pending.pop(nxt)
                feed.write(items)
                raw += r_raw
                langs.update(r_langs)       # first-seen order, as one pass would
                bilingual += r_bi
                if first is None:
                    first = r_first
                nxt += 1
    finally:
        for p in procs:
            if p.exitcode is None and done < nw:
                p.terminate()
            p.join()
    return raw, langs, bilingual, first, df


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
    os.makedirs(os.path.join(out, "articles"), exist_ok=True)
    spread_folders(os.path.join(out, "articles"))
    with open(os.path.join(out, "feeds", "all.xml"), "wb") as feed:
        feed.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
                   b"<title>bench</title><link>http://bench.invalid/</link><description>bench</description>\n")
        raw, langs, bilingual, first, df = generate(out, n, seed, P, feed)
        feed.write(b"</channel></rss>\n")
    latin_df, cjk_df = Counter(), Counter()
    for w, c in df.items():
        (cjk_df if "\u4e00" <= w[0] <= "\u9fff" else latin_df)[w] = c
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
