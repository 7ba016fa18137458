#!/bin/sh
# A library the user cannot write (issue 11 #13): another user's 0644
# file in a folder they cannot write.  Reading commands open it read-only
# and work; writing commands say the library is read-only.  As root the
# reading user is nobody; otherwise the file and folder are made read-only.
. "$top_srcdir/tests/lib.sh"

chmod 755 "$T"
mkdir "$T/lib"
RO="$T/lib/library.db"
"$DIGLOT" --db "$RO" import "$FIX/import/en-wire.txt" "$FIX/import/fr-bom.txt" >/dev/null
list_before=$("$DIGLOT" --db "$RO" list)
search_before=$("$DIGLOT" --db "$RO" search wire)
show_before=$("$DIGLOT" --db "$RO" show 1 --width 60)
chmod 644 "$RO"
chmod 555 "$T/lib"
if [ "$(id -u)" = 0 ]; then
	if ! setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		echo "SKIP: setpriv cannot drop to nobody"; exit 77
	fi
	as_reader() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$DIGLOT" --db "$RO" "$@"; }
else
	chmod 444 "$RO"
	as_reader() { "$DIGLOT" --db "$RO" "$@"; }
fi
ro() { # NAME WANT-STATUS ARGS...: run as the reading user, output in $T/out, $T/err
	_n=$1 _w=$2
	shift 2
	expect_status "$_n" "$_w" as_reader "$@"
}

ro "list" 0 list
expect_eq "list output" "$(cat "$T/out")" "$list_before"
ro "search" 0 search wire
expect_eq "search output" "$(cat "$T/out")" "$search_before"
ro "show" 0 show 1 --width 60
expect_eq "show output" "$(cat "$T/out")" "$show_before"
ro "langs" 0 langs
ro "sources" 0 sources
ro "stats" 0 stats
ro "check" 0 check
expect_eq "check output" "$(cat "$T/out")" "$RO: ok"
expect_eq "check says what it skipped" "$(cat "$T/err")" \
	"diglot: $RO: the library is read-only: the search index is not checked"
ro "list --unread" 0 list --unread
expect_eq "nothing on stderr" "$(cat "$T/err")" ""

for cmd in "bookmark 1" "read 1" "unread 1" "unbookmark 1" "import $FIX/import/it-crlf.txt" "check --repair"; do
	ro "$cmd" 1 $cmd
	expect_eq "$cmd: read-only message" "$(cat "$T/err")" "diglot: cannot write $RO: the library is read-only"
done
expect_eq "no -wal or -shm left" "$(ls "$T/lib")" "library.db"

chmod 755 "$T/lib"
done_testing
