#!/bin/sh
# The diglot binary under valgrind, for the CLI tests ($DIGLOT).
exec "$(dirname "$0")/valgrind.sh" "${DIGLOT_UNDER_VALGRIND:?}" "$@"
