#!/bin/sh
# tests/valgrind.sh PROGRAM [ARGS...]: run PROGRAM under valgrind's
# memcheck; any error (invalid access, uninitialised use, a definite
# leak) makes it exit 99, which fails the test.  make check-valgrind uses
# it for the unit tests and, through $DIGLOT, for the CLI tests.
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite --track-origins=yes --child-silent-after-fork=yes "$@"
