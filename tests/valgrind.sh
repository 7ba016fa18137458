#!/bin/sh
# tests/valgrind.sh PROGRAM [ARGS...]: run PROGRAM under valgrind's
# memcheck; any error (invalid access, uninitialised use, a definite
# leak) makes it exit 99, which fails the test.  make check-valgrind uses
# it for the unit tests and, through $DIGLOT, for the CLI tests.
# Origins and inlined frames only make a report easier to read, and cost
# a third of the run (a CLI test starts diglot under valgrind dozens of
# times): when one fails, run it again with
# DIGLOT_VALGRIND_DEBUG='--track-origins=yes --read-inline-info=yes'.
# shellcheck disable=SC2086 # the debug options are words
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite --read-inline-info=no --child-silent-after-fork=yes \
	${DIGLOT_VALGRIND_DEBUG:-} "$@"
