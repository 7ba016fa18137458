#!/bin/sh
# tests/fuzz/corpus.sh: make check replays every fuzz target's corpus
# (no new inputs), so every input that ever crashed one stays fixed.
# A target's inputs: tests/fuzz/corpus/NAME/ plus the tree's own files of
# that kind (import fixtures and samples; shipped themes).
set -u
: "${top_srcdir:?run through make check}"
bin=${FUZZ_BINDIR:-$(dirname "$DIGLOT")/../tests/fuzz}
c=$top_srcdir/tests/fuzz/corpus
failed=0 passed=0
run() { # run NAME INPUTS...
	name=$1
	shift
	if "$bin/fuzz-$name" "$@" >"${TMPDIR:-/tmp}/fuzz-$name.$$" 2>&1; then
		passed=$((passed + 1))
		echo "fuzz-$name: $# inputs replayed"
	else
		failed=$((failed + 1))
		echo "FAIL: fuzz-$name"
		tail -40 "${TMPDIR:-/tmp}/fuzz-$name.$$"
	fi
	rm -f "${TMPDIR:-/tmp}/fuzz-$name.$$"
}
run text "$c"/text/* "$top_srcdir"/tests/fixtures/import/* "$top_srcdir"/tests/fixtures/clean/* \
	"$top_srcdir"/data/samples/*.txt
run config "$c"/config/* "$top_srcdir"/themes/*.theme
run query "$c"/query/*
run http "$c"/http/*
run html "$c"/html/* "$top_srcdir"/tests/fixtures/html/*
run feed "$c"/feed/* "$top_srcdir"/tests/fixtures/feed/*
run opml "$c"/opml/*
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
