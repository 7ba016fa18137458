#!/bin/sh
# tests/lib.sh: sourced by the shell tests.  Gives each test its own
# library and home, and helpers that compare exact output.
set -u
: "${DIGLOT:?run through make check}"
: "${top_srcdir:?run through make check}"
T=$(mktemp -d "${TMPDIR:-/tmp}/diglot-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache"
mkdir -p "$HOME"
export DIGLOT_DB="$T/library.db"
unset NO_COLOR DIGLOT_TRACE
FIX="$top_srcdir/tests/fixtures"
failures=0
checks=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_eq NAME GOT WANT
expect_eq() {
	checks=$((checks + 1))
	if [ "$2" != "$3" ]; then
		fail "$1"
		printf '  got:\n%s\n  want:\n%s\n' "$2" "$3" >&2
		printf '%s\n' "$3" >"$T/want.diff"
		printf '%s\n' "$2" >"$T/got.diff"
		diff "$T/want.diff" "$T/got.diff" >&2 || true
	fi
}

# expect_status NAME WANT COMMAND...: run it, compare the exit status
# (POSIX sh has no local: the helpers' variables are prefixed _es_.)
expect_status() {
	_es_name=$1 _es_want=$2
	shift 2
	checks=$((checks + 1))
	_es_got=0
	"$@" >"$T/out" 2>"$T/err" || _es_got=$?
	[ "$_es_got" = "$_es_want" ] || { fail "$_es_name: exit $_es_got, want $_es_want"; cat "$T/err" >&2; }
}

expect_match() { # NAME TEXT REGEX
	checks=$((checks + 1))
	printf '%s\n' "$2" | grep -qE -- "$3" || { fail "$1: no line matches /$3/"; printf '%s\n' "$2" >&2; }
}

seeds_dir() { # the seed articles beside the repository, when present
	_sd=${DIGLOT_SEEDS:-$top_srcdir/../shared/seeds}
	[ -d "$_sd" ] && echo "$_sd"
}

done_testing() {
	echo "$((checks - failures)) passed, $failures failed"
	[ "$checks" -gt 0 ] && [ "$failures" = 0 ]
}
