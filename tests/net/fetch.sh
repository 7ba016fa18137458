#!/bin/sh
# The fetcher against the local test server: every case's exact result
# (tests/unit/test_fetch.c), the server on 127.0.0.1 only.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib.sh"
bin=$(dirname "${DIGLOT_UNDER_VALGRIND:-$DIGLOT}")/../tests/unit/test_fetch
status=0
if [ -n "${DIGLOT_UNDER_VALGRIND:-}" ]; then
	"$top_srcdir/tests/valgrind.sh" "$bin" "$PORT" slow || status=$?
else
	"$bin" "$PORT" || status=$?
fi
exit "$status"
