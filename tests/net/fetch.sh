#!/bin/sh
# The fetcher against the local test server: every case's exact result
# (tests/unit/test_fetch.c), the server on 127.0.0.1 only.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib.sh"
bin=${DIGLOT%/src/diglot}/tests/unit/test_fetch
[ -x "$bin" ] || bin=$(dirname "$DIGLOT")/../tests/unit/test_fetch
exec_status=0
"$bin" "$PORT" || exec_status=$?
exit "$exec_status"
