#!/usr/bin/env python3
"""score.py FEED-DUMP CORPUS: diglot's feed parser against feedparser's tests.

CORPUS is ../shared/corpora/feeds (read in place, never copied).  Each
feedparser test file's Expect: expression (INDEX.tsv) is evaluated by
Python over a stand-in for feedparser's result built from diglot's parse
(feed-dump's JSON), holding only the fields diglot keeps:

  feed['title'], feed['title_detail']['value']           the feed title
  entries[i]['title'], ['title_detail']['value']          item title
  entries[i]['link'], ['id'], ['guid']                    link, id
  entries[i]['published_parsed'|'updated_parsed'|'created_parsed']
                                                          the item date
  entries[i]['content'][0]['value'], ['summary'], ['description'],
  ['summary_detail']['value'], ['content'][0]['value']    content text
  encoding                                                the encoding read

Applicability: the expression is split at its top-level `and`s; a part
that names anything else (bozo, *_detail['type'|'language'|'base'],
authors, tags, links lists, version, namespaces...) is dropped, decided
on the expression's syntax before it runs.  A file counts when at least
one part is left; it is met when every part left is true (an entry
diglot did not produce makes the part false).  diglot keeps one content
field (content, else summary): a summary/description part counts only
for a file without a content element (content, content:encoded,
fullitem, body).

Comparison: HTML content as text on both sides (tags stripped,
script/style dropped, entities decoded, white space collapsed), as the
HTML module will read it; titles (plain text in diglot by design) and
plain-text content equal an expected value read either as plain text or
as HTML.  Encoding names compare without regard to case.

Inputs: a file named http* gets the URL feedparser's test server gives
it, http://127.0.0.1:8097/PATH (or the Content-Location a Header: line
gives), the others none (feedparser reads them from disk); a Header:
line's Content-Type charset is passed as the HTTP charset, and us-ascii
for a text/* type without one (RFC 3023, which the issue asks the
fetcher to follow).

Also: how many of the 19 ill-formed files yield as many items as they
hold <item>/<entry> elements, and how many DATES.tsv strings parse to the
expected UTC time (empty expected = must be rejected).
"""
import ast
import csv
import html
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse


class NotKept(Exception):
    pass


def text(s):
    s = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", s)
    s = re.sub(r"(?s)<!--.*?-->", " ", s)
    s = re.sub(r"(?s)<[^>]*>", " ", s)
    s = html.unescape(s)
    return " ".join(s.split())


def plain(s):
    return " ".join(s.split())


class Text(str):
    """diglot's HTML compared as text: both sides' tags stripped."""

    def __eq__(self, other):
        return isinstance(other, str) and text(str(self)) == text(other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(text(str(self)))

    def __contains__(self, sub):
        return text(sub) in text(str(self))


class Plain(str):
    """diglot's plain text (every title, text content): equal to the
    expected value read as plain text or as HTML."""

    def __eq__(self, other):
        return isinstance(other, str) and plain(str(self)) in (plain(other), text(other))

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(plain(str(self)))

    def __contains__(self, sub):
        return plain(sub) in plain(str(self)) or text(sub) in plain(str(self))


class Kept(dict):
    """A dict whose other keys are fields diglot does not keep."""

    def __getitem__(self, k):
        if k not in self.keys():
            raise NotKept(k)
        return dict.__getitem__(self, k)

    def get(self, k, default=None):
        if k not in self.keys():
            raise NotKept(k)
        return dict.__getitem__(self, k)

    def __contains__(self, k):
        if k not in self.keys():
            raise NotKept(k)
        v = dict.__getitem__(self, k)
        return v not in ("", None, [])

    def keys(self):
        return dict.keys(self)

    def has_key(self, k):
        return self.__contains__(k)

    def __getattr__(self, k):
        # feedparser's dicts answer attribute access too (feed.title).
        if k.startswith("__"):
            raise AttributeError(k)
        return self.__getitem__(k)


def detail(v, html=False):
    return Kept(value=Text(v) if html else Plain(v))


def struct(t):
    return tuple(time.gmtime(t)[:9]) if t else None


def entry(it):
    e = Kept()
    e["title"] = Plain(it["title"])
    e["title_detail"] = detail(it["title"])
    e["link"] = it["link"]
    e["id"] = it["id"]
    e["guid"] = it["id"]
    d = struct(it["date"])
    for k in ("published_parsed", "updated_parsed", "created_parsed"):
        e[k] = d
    c = Text(it["content"]) if it["content_html"] else Plain(it["content"])
    e["content"] = [Kept(value=c)]
    e["summary"] = c
    e["description"] = c
    e["summary_detail"] = detail(it["content"], it["content_html"])
    return e


class Label(str):
    """An encoding label: names compare without regard to case (IANA)."""

    def __eq__(self, other):
        return isinstance(other, str) and self.lower() == other.lower()

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self.lower())


class Names(dict):
    def __missing__(self, k):
        raise NotKept(k)


def result(d):
    feed = Kept(title=Plain(d.get("title", "")), title_detail=detail(d.get("title", "")))
    return Names(feed=feed, channel=feed, entries=[entry(i) for i in d.get("items", [])],
                 items=[entry(i) for i in d.get("items", [])], encoding=Label(d.get("encoding", "")),
                 len=len, ord=ord, str=str, isinstance=isinstance, list=list, dict=dict,
                 tuple=tuple, True_=True)


def parts(expr):
    tree = ast.parse(expr.strip(), mode="eval").body
    if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.And):
        return [ast.unparse(v) for v in tree.values]
    return [expr.strip()]


def score(expr, d, has_content):
    """(applicable parts, all true)."""
    names = result(d)
    n, ok = 0, True
    for p in parts(expr):
        if not kept(p, has_content):
            continue
        try:
            v = eval(p, {"__builtins__": {}}, names)
        except NotKept:
            continue
        except (IndexError, KeyError, TypeError, AttributeError):
            v = False
        n += 1
        ok = ok and bool(v)
    return n, ok


def url_of(path, headers):
    """The document's URL: feedparser's tests serve the files named http*
    over HTTP (and read the others from disk, with no URL), at
    http://127.0.0.1:8097/PATH or the Content-Location a header gives."""
    if not os.path.basename(path).startswith("http"):
        return ""
    url = "http://127.0.0.1:8097/" + path
    m = re.search(r"content-location:\s*(\S+)", headers or "", re.I)
    return urllib.parse.urljoin(url, m.group(1)) if m else url


def charset_of(headers):
    """The HTTP charset a fetcher following RFC 3023 passes: the
    Content-Type's charset, else us-ascii for text/* types."""
    m = re.search(r"charset\s*=\s*['\"]?([^'\";\s]+)", headers or "", re.I)
    if m:
        return m.group(1)
    return "us-ascii" if re.search(r"content-type:\s*text/", headers or "", re.I) else ""


KEPT_KEYS = {"title", "title_detail", "value", "link", "id", "guid", "published_parsed",
             "updated_parsed", "created_parsed", "content", "summary", "description",
             "summary_detail", "has_key"}
KEPT_NAMES = {"feed", "channel", "entries", "items", "encoding", "len", "ord", "str",
              "isinstance", "list", "dict", "tuple"}


CONTENT_ELEMENT = re.compile(rb"<(content|content:encoded|fullitem|body|xhtml:body)[\s>]")
SUMMARY_KEYS = {"summary", "description", "summary_detail"}


def kept(part, has_content):
    """Does this part touch only what diglot keeps?  An item's summary is
    not kept when the item has content (diglot keeps content, else
    summary)."""
    for node in ast.walk(ast.parse(part, mode="eval")):
        if has_content and isinstance(node, ast.Subscript) and \
                isinstance(node.slice, ast.Constant) and node.slice.value in SUMMARY_KEYS:
            return False
        if has_content and isinstance(node, ast.Attribute) and node.attr in SUMMARY_KEYS:
            return False
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) \
                and isinstance(node.slice.value, str) and node.slice.value not in KEPT_KEYS:
            return False
        if isinstance(node, ast.Attribute) and node.attr not in KEPT_KEYS:
            return False
        if isinstance(node, ast.Name) and node.id not in KEPT_NAMES:
            return False
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "has_key" and node.args and \
                isinstance(node.args[0], ast.Constant) and node.args[0].value not in KEPT_KEYS:
            return False
    return True


def main():
    dump, corpus = sys.argv[1], sys.argv[2]
    fp = os.path.join(corpus, "feedparser")
    rows = []
    with open(os.path.join(fp, "INDEX.tsv"), encoding="utf-8", newline="") as f:
        r = csv.reader(f, delimiter="\t")
        next(r)
        for c in r:
            path, desc, expect, headers, _skip = (c + [""] * 5)[:5]
            rows.append((path, expect, headers))
    inp = "".join("%s\t%s\t%s\n" % (os.path.join(fp, p), charset_of(h), url_of(p, h))
                  for p, _, h in rows)
    out = subprocess.run([dump], input=inp.encode(), stdout=subprocess.PIPE, check=True).stdout
    dumps = [json.loads(l) for l in out.decode().splitlines()]
    applicable = met = 0
    failed = []
    by_dir = {}
    for (path, expect, _), d in zip(rows, dumps):
        raw = open(os.path.join(fp, path), "rb").read()
        n, ok = score(expect, d, CONTENT_ELEMENT.search(raw) is not None)
        key = os.path.dirname(path).replace("tests/", "", 1)
        a, m = by_dir.get(key, (0, 0))
        if n:
            applicable += 1
            met += ok
            by_dir[key] = (a + 1, m + ok)
            if not ok:
                failed.append((path, expect))
    verbose = os.environ.get("SCORE_VERBOSE")
    if verbose:
        for p, e in failed:
            print("FAIL %s: %s" % (p, e))
    # Ill-formed feeds: as many items as item/entry elements.
    ill = [(p, d) for (p, _, _), d in zip(rows, dumps) if p.startswith("tests/illformed/")]
    yielded = 0
    for p, d in ill:
        raw = open(os.path.join(fp, p), "rb").read()
        want = len(re.findall(rb"<(item|entry)[\s>]", raw))
        got = len(d.get("items", []))
        yielded += got == want
        if verbose and got != want:
            print("ILL %s: %d items of %d (%s)" % (p, got, want, d.get("error", "")))
    # Dates.
    dates = []
    for name in ("feedparser/DATES.tsv", "newsraft/DATES.tsv"):
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            next(f)
            for line in f:
                c = line.rstrip("\n").split("\t")
                if len(c) < 3:
                    continue
                dates.append((name.split("/")[0], c[1], c[2]))
    out = subprocess.run([dump, "--dates"], input="".join(s + "\n" for _, s, _ in dates).encode(),
                         stdout=subprocess.PIPE, check=True).stdout.decode().splitlines()
    good = {"feedparser": [0, 0], "newsraft": [0, 0]}
    for (src, s, want), got in zip(dates, out):
        if src == "feedparser":
            exp = tuple(int(x) for x in want.split()[:6]) if want.strip() else None
            have = tuple(time.gmtime(int(got))[:6]) if got != "-" else None
        else:
            exp = int(want)
            have = int(got) if got != "-" else None
        ok = exp == have
        good[src][0] += 1
        good[src][1] += ok
        if verbose and not ok:
            print("DATE %r: got %s want %s" % (s, have, exp))
    print("| measure | result | target |")
    print("|---|---|---|")
    print("| feedparser expectations met (applicable %d of %d files) | %d / %d = %.1f %% | >= 97 %% |"
          % (applicable, len(rows), met, applicable, 100.0 * met / max(applicable, 1)))
    print("| ill-formed feeds yielding their items | %d / %d | >= 18 |" % (yielded, len(ill)))
    fpd = good["feedparser"]
    print("| feedparser DATES.tsv strings parsed right | %d / %d = %.1f %% | >= 95 %% |"
          % (fpd[1], fpd[0], 100.0 * fpd[1] / max(fpd[0], 1)))
    nr = good["newsraft"]
    print("| newsraft DATES.tsv strings parsed right | %d / %d | |" % (nr[1], nr[0]))
    print("\nper folder (applicable, met):")
    for k in sorted(by_dir):
        a, m = by_dir[k]
        print("  %-28s %4d %4d" % (k, a, m))


if __name__ == "__main__":
    main()
