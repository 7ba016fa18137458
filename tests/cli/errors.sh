#!/bin/sh
# Exit codes and error messages of ../shared/design/CLI.md:
# 0 success, 1 some input failed or an ID does not exist, 2 usage error;
# messages "diglot: <what>: <why>" on stderr naming the file or ID.
. "$top_srcdir/tests/lib.sh"

expect_status "--version" 0 "$DIGLOT" --version
expect_eq "--version output" "$(cat "$T/out")" "diglot 0.1.0"
expect_status "--help" 0 "$DIGLOT" --help
expect_match "--help lists import" "$(cat "$T/out")" '^  import \[--source NAME\] PATH\.\.\.$'
# Issue 11 #25: --demo takes --theme, and --help says so.
expect_match "--help lists --demo --theme" "$(cat "$T/out")" '^  --demo \[--theme NAME\|PATH\] '
expect_status "command --help" 0 "$DIGLOT" show --help
expect_match "show --help" "$(cat "$T/out")" '^usage: diglot \[--db PATH\] show ID'

expect_status "unknown command" 2 "$DIGLOT" frobnicate
expect_eq "unknown command message" "$(tail -n 1 "$T/err")" "diglot: frobnicate: unknown command"
# Issue 11 #19: the error and one line pointing to --help, not the usage.
expect_eq "unknown command: two lines" "$(cat "$T/err")" "usage: diglot [--db PATH] [COMMAND [ARGS]]; 'diglot --help' lists the commands
diglot: frobnicate: unknown command"
expect_status "unknown global option" 2 "$DIGLOT" --frob
expect_eq "unknown global option: two lines" "$(cat "$T/err")" "usage: diglot [--db PATH] [COMMAND [ARGS]]; 'diglot --help' lists the commands
diglot: --frob: unknown option"
expect_status "unknown list option" 2 "$DIGLOT" list --colour
expect_eq "unknown option message" "$(cat "$T/err")" "diglot: list: unknown option '--colour'"
expect_status "missing option value" 2 "$DIGLOT" list --lang
expect_eq "missing value message" "$(cat "$T/err")" "diglot: list: option '--lang' needs a value"
expect_status "bad format" 2 "$DIGLOT" list --format xml
expect_status "bad limit" 2 "$DIGLOT" list --limit many
expect_status "search without query" 2 "$DIGLOT" search
expect_status "show without id" 2 "$DIGLOT" show
expect_status "show bad id" 2 "$DIGLOT" show abc
expect_eq "show bad id message" "$(cat "$T/err")" "diglot: show: 'abc' is not an article ID"
expect_status "show bad width" 2 "$DIGLOT" show 1 --width 5
expect_status "bookmark without id" 2 "$DIGLOT" bookmark
expect_status "bookmark bad id" 2 "$DIGLOT" bookmark 1 x2
expect_status "import without path" 2 "$DIGLOT" import
expect_status "import stdin twice" 2 "$DIGLOT" import - -
expect_status "langs extra arg" 2 "$DIGLOT" langs extra

# IDs that do not exist: 1, and the others are still done.
"$DIGLOT" import "$FIX/import/en-wire.txt" >/dev/null 2>&1
expect_status "show missing id" 1 "$DIGLOT" show 999
expect_eq "show missing message" "$(cat "$T/err")" "diglot: 999: no such article"
expect_status "bookmark missing and present" 1 "$DIGLOT" bookmark 999 1
expect_eq "bookmark missing message" "$(cat "$T/err")" "diglot: 999: no such article"
expect_eq "present id still bookmarked" "$("$DIGLOT" list --bookmarked --format tsv | cut -f1,5)" "id	bookmarked
1	1"

# Issue 11 #24: '--' ends the options of the state commands too.
expect_status "bookmark -- ID" 0 "$DIGLOT" bookmark -- 1
expect_eq "bookmark -- ID bookmarks" "$("$DIGLOT" list --bookmarked | cut -f1)" "id
1"
expect_status "unbookmark -- ID" 0 "$DIGLOT" unbookmark -- 1
expect_status "read -- bad ID" 2 "$DIGLOT" read -- -1
expect_eq "read -- bad ID message" "$(cat "$T/err")" "diglot: read: '-1' is not an article ID"

# Inputs that fail: 1, named.
expect_status "import missing file" 1 "$DIGLOT" import "$T/nope.txt"
expect_eq "missing file message" "$(cat "$T/err")" "diglot: $T/nope.txt: No such file or directory"
expect_eq "missing file summary" "$(cat "$T/out")" "imported 0, updated 0, unchanged 0, failed 1"

# A library that cannot be created: 1, naming the file.
mkdir "$T/ro" && chmod 500 "$T/ro"
if [ "$(id -u)" != 0 ]; then
	expect_status "unwritable library" 1 "$DIGLOT" --db "$T/ro/sub/x.db" list
	expect_match "unwritable library message" "$(cat "$T/err")" "^diglot: cannot (open|create) .*$T/ro/sub"
fi
printf 'not a database, just text\n%.0s' $(seq 200) >"$T/garbage.db"
expect_status "garbage library" 1 "$DIGLOT" --db "$T/garbage.db" list
expect_match "garbage library message" "$(cat "$T/err")" "^diglot: .*$T/garbage.db"

# Issue 11 #12: the reader without a terminal created the library, then
# refused; the terminal is checked first, and nothing is created.
expect_status "browse without a tty" 1 env DIGLOT_DB="$T/never.db" "$DIGLOT" </dev/null
expect_match "browse without a tty message" "$(cat "$T/err")" '^diglot: the reader needs a terminal'
checks=$((checks + 1))
[ ! -e "$T/never.db" ] || fail "browse without a tty created the library"

done_testing
