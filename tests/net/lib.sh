#!/bin/sh
# tests/net/lib.sh: sourced after tests/lib.sh by the tests that fetch.
# Starts tests/net/server.py on 127.0.0.1 (a free port) over a copy of
# tests/net/fixtures in $T/www, sets PORT and URL, and stops it on exit.
NET="$top_srcdir/tests/net"
command -v python3 >/dev/null 2>&1 || { echo "no python3: skipped"; exit 77; }
mkdir -p "$T/www"
cp "$NET"/fixtures/* "$T/www/"
python3 "$NET/server.py" --root "$T/www" --port-file "$T/port" ${SERVER_ARGS:-} &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; rm -rf "$T"' EXIT
_n=0
while [ ! -s "$T/port" ]; do
	_n=$((_n + 1))
	[ "$_n" -gt 100 ] && { echo "the test server did not start" >&2; exit 99; }
	kill -0 "$SERVER_PID" 2>/dev/null || { echo "the test server failed" >&2; exit 99; }
	sleep 0.1
done
PORT=$(head -n 1 "$T/port")
URL="http://127.0.0.1:$PORT"
# No proxy from the environment may see the test's requests.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export no_proxy='*' NO_PROXY='*'
