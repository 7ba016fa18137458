#!/usr/bin/env python3
"""tests/net/server.py: the HTTP server of the fetch and feed tests.

Python's standard library only; binds 127.0.0.1 and nothing else, on free
ports, and writes them (one a line) to --port-file once it listens.  Stop
it with SIGTERM.  Paths (NAME is a file under --root):

  /f/NAME            the file, with an ETag and a Last-Modified (304 on either)
  /etag/NAME         ETag only          /lastmod/NAME   Last-Modified only
  /plain/NAME        neither            /gzip/NAME      gzip-encoded, ETag
  /latin1/NAME       as /f/, Content-Type text/xml; charset=iso-8859-1 (whatever the file says)
  /status/CODE       that status; 429 and 503 with Retry-After: 120
  /retrydate/CODE    that status with Retry-After as an HTTP date an hour on
  /redirect/CODE/P   CODE with Location: /P
  /loop/N            301 to /loop/N+1 forever
  /slow/MS/NAME      the file after MS milliseconds
  /trickle/N         N bytes, one every 0.2 s
  /truncated/NAME    Content-Length of the file, half of it sent, closed
  /big/N             N bytes with a Content-Length   /bigchunked/N  chunked
  /gen/N.xml         an RSS feed numbered N of ?items=50 items (ETag, Last-Modified)
  /to?url=U          302 with Location: U (any scheme)
  /hold/MS           waits MS ms, counting requests held at once;  /maxheld: the most
  /ua                the request's User-Agent as text
  /echo              the request's conditional headers as text
  --latency MS delays every response (the benchmark); --ports N listens on
  N ports (curl's per-host cap counts host:port: N "hosts").
"""
import argparse
import email.utils
import gzip
import hashlib
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs

LAST_MODIFIED = "Wed, 01 Jan 2025 00:00:00 GMT"
ARGS = None
HELD = [0, 0]  # requests in /hold now, the most at once
HELD_LOCK = threading.Lock()


def ctype(name):
    if name.endswith(".html"):
        return "text/html; charset=utf-8"
    if name.endswith(".htm"):
        return "text/html"  # the page's <meta> says the charset
    if name.endswith(".txt"):
        return "text/plain; charset=utf-8"
    if name.endswith(".json"):
        return "application/feed+json"
    if name.endswith(".atom"):
        return "application/atom+xml"
    if name.endswith(".opml"):
        return "text/x-opml"
    return "application/rss+xml"


def gen_feed(n, items):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>',
           "<title>Feed %d</title><link>http://127.0.0.1/site/%d</link>"
           "<description>Generated feed %d</description>" % (n, n, n)]
    for i in range(items):
        out.append(
            "<item><title>Feed %d item %d: harbour news</title>"
            "<link>http://127.0.0.1/site/%d/item/%d</link><guid>feed-%d-item-%d</guid>"
            "<pubDate>Mon, 06 Jan 2025 %02d:%02d:00 GMT</pubDate>"
            "<description>&lt;p&gt;The harbour bridge of town %d reopened on the %dth day "
            "after repairs to its deck and cables.&lt;/p&gt;&lt;p&gt;Traffic was light in the "
            "morning and heavier by the evening, officials said.&lt;/p&gt;</description></item>"
            % (n, i, n, i, n, i, i % 24, i % 60, n, i))
    out.append("</channel></rss>\n")
    return "".join(out).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "diglot-test"
    sys_version = ""

    def log_message(self, fmt, *args):
        if ARGS.verbose:
            sys.stderr.write("server: " + (fmt % args) + "\n")

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def send(self, code, body=b"", headers=(), head_only=False):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head_only and body:
            self.wfile.write(body)

    def read_root(self, name):
        path = os.path.realpath(os.path.join(ARGS.root, name))
        if not path.startswith(os.path.realpath(ARGS.root) + os.sep) or not os.path.isfile(path):
            return None
        with open(path, "rb") as f:
            return f.read()

    def conditional(self, body, name, etag=True, lastmod=True, extra=(), content_type=None):
        tag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        headers = [("Content-Type", content_type or ctype(name))]
        if etag:
            headers.append(("ETag", tag))
        if lastmod:
            headers.append(("Last-Modified", LAST_MODIFIED))
        headers.extend(extra)
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if (etag and inm == tag) or (lastmod and inm is None and ims == LAST_MODIFIED):
            self.send_response(304)
            for k, v in headers[1:]:
                self.send_header(k, v)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send(200, body, headers)

    def do_GET(self):
        if ARGS.latency:
            time.sleep(ARGS.latency / 1000.0)
        url = urlsplit(self.path)
        parts = url.path.lstrip("/").split("/", 1)
        kind, rest = parts[0], parts[1] if len(parts) > 1 else ""
        handler = getattr(self, "get_" + kind, None)
        if handler is None:
            self.send(404, b"not found\n", [("Content-Type", "text/plain")])
            return
        handler(rest, parse_qs(url.query))

    def file_or_404(self, name):
        body = self.read_root(name)
        if body is None:
            self.send(404, b"not found\n", [("Content-Type", "text/plain")])
        return body

    def get_f(self, name, q):
        body = self.file_or_404(name)
        if body is not None:
            self.conditional(body, name)

    def get_etag(self, name, q):
        body = self.file_or_404(name)
        if body is not None:
            self.conditional(body, name, lastmod=False)

    def get_lastmod(self, name, q):
        body = self.file_or_404(name)
        if body is not None:
            self.conditional(body, name, etag=False)

    def get_plain(self, name, q):
        body = self.file_or_404(name)
        if body is not None:
            self.send(200, body, [("Content-Type", ctype(name))])

    def get_latin1(self, name, q):
        body = self.file_or_404(name)
        if body is not None:
            self.conditional(body, name, content_type="text/xml; charset=iso-8859-1")

    def get_gzip(self, name, q):
        body = self.file_or_404(name)
        if body is None:
            return
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            self.send(406, b"gzip only\n", [("Content-Type", "text/plain")])
            return
        self.send(200, gzip.compress(body, mtime=0),
                  [("Content-Type", ctype(name)), ("Content-Encoding", "gzip"),
                   ("ETag", '"gz-%s"' % hashlib.sha1(body).hexdigest()[:12])])

    def get_status(self, code, q, date=False):
        code = int(code)
        headers = [("Content-Type", "text/plain")]
        if code in (429, 503):
            when = email.utils.formatdate(time.time() + 3600, usegmt=True)
            headers.append(("Retry-After", when if date else "120"))
        self.send(code, b"status %d\n" % code, headers)

    def get_retrydate(self, code, q):
        self.get_status(code, q, date=True)

    def get_redirect(self, rest, q):
        code, _, target = rest.partition("/")
        self.send(int(code), b"", [("Location", "/" + target)])

    def get_loop(self, n, q):
        self.send(301, b"", [("Location", "/loop/%d" % (int(n or 0) + 1))])

    def get_slow(self, rest, q):
        ms, _, name = rest.partition("/")
        time.sleep(int(ms) / 1000.0)
        self.get_plain(name, q)

    def get_trickle(self, n, q):
        n = int(n)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(n))
        self.end_headers()
        for _ in range(n):
            self.wfile.write(b" ")
            self.wfile.flush()
            time.sleep(0.2)

    def get_truncated(self, name, q):
        body = self.file_or_404(name)
        if body is None:
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype(name))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.wfile.flush()
        self.close_connection = True

    def get_big(self, n, q):
        self.send(200, b"x" * int(n), [("Content-Type", "application/rss+xml")])

    def get_bigchunked(self, n, q):
        n = int(n)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"x" * 65536
        sent = 0
        while sent < n:
            c = chunk[: min(len(chunk), n - sent)]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(c), c))
            sent += len(c)
        self.wfile.write(b"0\r\n\r\n")

    def get_gen(self, name, q):
        n = int(name.split(".")[0])
        items = int(q.get("items", ["50"])[0])
        self.conditional(gen_feed(n, items), name)

    def get_to(self, rest, q):
        self.send(302, b"", [("Location", q.get("url", ["/"])[0])])

    def get_hold(self, ms, q):
        with HELD_LOCK:
            HELD[0] += 1
            HELD[1] = max(HELD[1], HELD[0])
        time.sleep(int(ms) / 1000.0)
        with HELD_LOCK:
            HELD[0] -= 1
        self.send(200, b"held\n", [("Content-Type", "text/plain")])

    def get_maxheld(self, rest, q):
        with HELD_LOCK:
            self.send(200, b"%d\n" % HELD[1], [("Content-Type", "text/plain")])
            HELD[1] = 0

    def get_ua(self, rest, q):
        self.send(200, (self.headers.get("User-Agent", "") + "\n").encode(),
                  [("Content-Type", "text/plain")])

    def get_echo(self, rest, q):
        body = "If-None-Match: %s\nIf-Modified-Since: %s\n" % (
            self.headers.get("If-None-Match", "-"), self.headers.get("If-Modified-Since", "-"))
        self.send(200, body.encode(), [("Content-Type", "text/plain")])


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--ports", type=int, default=1)
    ap.add_argument("--latency", type=int, default=0)
    ap.add_argument("--verbose", action="store_true")
    ARGS = ap.parse_args()
    servers = [Server(("127.0.0.1", 0), Handler) for _ in range(ARGS.ports)]
    for s in servers:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    tmp = ARGS.port_file + ".tmp"
    with open(tmp, "w") as f:
        for s in servers:
            f.write("%d\n" % s.server_address[1])
    os.rename(tmp, ARGS.port_file)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    signal.signal(signal.SIGINT, lambda *a: stop.set())
    while not stop.wait(1):
        pass
    for s in servers:
        s.shutdown()


if __name__ == "__main__":
    main()
